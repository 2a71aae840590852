"""Plain data shared by the registry parser, index, repository and service (no framework, no database)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

# NTT runs on WITA (UTC+8, no daylight saving): "today" for expiry and staleness is the local day, not UTC's,
# so a licence does not expire at 08:00 local time.
LOCAL_TZ = timezone(timedelta(hours=8), "WITA")

STALE_AFTER_DAYS = 30


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def local_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()


class LicenceStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


class Verdict(StrEnum):
    LICENSED = "licensed"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """One company as listed by the authority, validated. ``line`` is its line in the imported file."""

    line: int
    name: str
    licence_number: str
    licence_key: str
    status: LicenceStatus
    licence_issued: date | None = None
    licence_expires: date | None = None
    issuer: str | None = None
    head_office: str | None = None
    branches: tuple[str, ...] = ()
    phone: str | None = None
    phone_e164: str | None = None
    source_url: str | None = None
    retrieved_at: date | None = None
    sanctions: str | None = None

    def past_expiry(self, today: date) -> bool:
        return self.licence_expires is not None and self.licence_expires < today

    def effective_status(self, today: date) -> LicenceStatus:
        """The list's status, except that an "active" licence past its expiry date counts as expired."""
        if self.status is LicenceStatus.ACTIVE and self.past_expiry(today):
            return LicenceStatus.EXPIRED
        return self.status


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


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """One import. ``data_as_of`` is the newest retrieved_at in it, else the (local) import date."""

    id: int
    source_name: str
    imported_at: datetime
    data_as_of: date
    row_count: int
    digest: str
    demo: bool = False
    newest_retrieved_at: date | None = None

    def is_stale(self, today: date) -> bool:
        return (today - self.data_as_of).days > STALE_AFTER_DAYS
