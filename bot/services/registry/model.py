"""Plain data shared by the registry parser, index, repository and service (no framework)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# The stored records (a company row, a snapshot) and the local day are the database's vocabulary too: defined in
# db.records (which may not import the core) and used here under their old names.
from db.records.registry import LOCAL_TZ, LicenceStatus, RegistryRow, SnapshotInfo, local_date, local_today

__all__ = [
    "LOCAL_TZ",
    "STALE_AFTER_DAYS",
    "LicenceStatus",
    "ParsedRegistry",
    "RegistryErrors",
    "RegistryProblem",
    "RegistryRow",
    "SnapshotInfo",
    "Verdict",
    "local_date",
    "local_today",
]

STALE_AFTER_DAYS = 30


class Verdict(StrEnum):
    LICENSED = "licensed"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class RegistryProblem:
    """A problem in an imported file. ``line`` is the file's line (header = 1); ``column`` the CSV column, if any."""

    line: int
    code: str
    message: str
    column: str | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class RegistryErrors:
    """A rejected file: every problem found, in file order. Nothing of the file may be imported."""

    errors: tuple[RegistryProblem, ...]


@dataclass(frozen=True, slots=True)
class ParsedRegistry:
    """A valid file, ready to import as one snapshot."""

    rows: tuple[RegistryRow, ...]
    newest_retrieved_at: date | None
    digest: str
    # Things worth a look that do not make the file wrong (e.g. two licences under one name).
    warnings: tuple[RegistryProblem, ...] = ()

    def status_counts(self) -> dict[str, int]:
        counts = {status.value: 0 for status in LicenceStatus}
        for row in self.rows:
            counts[row.status.value] += 1
        return counts
