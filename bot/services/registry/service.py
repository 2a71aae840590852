"""The registry as the application uses it: one index in memory, rebuilt from the database after an import."""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bot.paths import CONTENT_DIR
from bot.services.registry.check import QueryCheck, check_query
from bot.services.registry.csv_format import parse_registry_bytes, parse_registry_csv
from bot.services.registry.demo import redate_demo_csv
from bot.services.registry.index import LookupResult, RegistryIndex
from bot.services.registry.model import (
    ParsedRegistry,
    RegistryErrors,
    RegistryProblem,
    RegistryRow,
    SnapshotInfo,
    local_today,
)

DEMO_REGISTRY_FILE = CONTENT_DIR / "registry" / "demo_registry.csv"


# How long an import made by another process may go unseen by the bot's look-ups.
RECHECK_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class ImportReport:
    snapshot: SnapshotInfo
    status_counts: dict[str, int]
    warnings: tuple[RegistryProblem, ...]


class RegistryStore(Protocol):
    """What the service needs from storage (db.repositories.registry.RegistryRepository provides it)."""

    async def import_snapshot(
        self, parsed: ParsedRegistry, source_name: str, *, demo: bool = False
    ) -> SnapshotInfo: ...

    async def active_snapshot(self) -> SnapshotInfo | None: ...

    async def active_snapshot_and_rows(self) -> tuple[SnapshotInfo | None, tuple[RegistryRow, ...]]: ...


class RegistryService:
    """Holds the current :class:`RegistryIndex`. Call :meth:`reload` once at start-up; :meth:`lookup` is then
    synchronous and never touches the database. Call :meth:`refresh_if_changed` before a look-up so that an
    import made by another process (the command line, another worker) is picked up."""

    def __init__(
        self,
        store: RegistryStore,
        *,
        today: Callable[[], date] = local_today,
        recheck_seconds: float = RECHECK_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._today = today
        self._index: RegistryIndex | None = None
        self._lock = asyncio.Lock()
        self._recheck_seconds = recheck_seconds
        self._monotonic = monotonic
        self._checked_at: float | None = None

    @property
    def index(self) -> RegistryIndex:
        if self._index is None:
            raise RuntimeError("RegistryService.reload() has not been called")
        return self._index

    @property
    def snapshot(self) -> SnapshotInfo | None:
        return self.index.snapshot

    async def reload(self) -> SnapshotInfo | None:
        async with self._lock:
            snapshot, rows = await self._store.active_snapshot_and_rows()
            # Building 10,000 entries takes a noticeable fraction of a second; keep the event loop responsive.
            self._index = await asyncio.to_thread(RegistryIndex.build, rows, snapshot, self._today())
            return snapshot

    async def refresh_if_changed(self) -> bool:
        """Rebuild when another process switched the active snapshot; True if it did. The database is asked at
        most once every ``recheck_seconds``: in a crowd every check asked it (a session and a query each, a fifth
        of a check's time), for a list that changes a few times a year."""
        now = self._monotonic()
        if self._index is not None and self._checked_at is not None and now - self._checked_at < self._recheck_seconds:
            return False
        current = await self._store.active_snapshot()
        self._checked_at = now  # only once asked: a failed question is asked again at the next look-up
        loaded = self._index.snapshot if self._index is not None else None
        if self._index is not None and _same(current, loaded):
            return False
        await self.reload()
        return True

    def lookup(self, query: str, limit: int = 5) -> LookupResult:
        return self.index.lookup(query, limit, today=self._today())

    def check(self, query: str, limit: int = 5) -> QueryCheck:
        """A recruiter check as the bot does it: mixed input taken apart, each part looked up."""
        return check_query(self.index, query, limit=limit, today=self._today())

    def today(self) -> date:
        return self._today()

    async def import_demo(self) -> ImportReport | RegistryErrors:
        """Import the shipped demo file, its dates moved to look as on :data:`~.demo.DEMO_AS_OF` (see demo.py)."""
        text = (await asyncio.to_thread(DEMO_REGISTRY_FILE.read_text, encoding="utf-8")).removeprefix("\ufeff")
        return await self.import_csv(redate_demo_csv(text, self._today()), DEMO_REGISTRY_FILE.name, demo=True)

    async def ensure_demo(self) -> None:
        """For the demo: load the demo list unless real data is active; a demo list loaded on another day is
        loaded again, dated for today."""
        current = self.index.snapshot if self._index is not None else await self._store.active_snapshot()
        if current is not None and not current.demo:
            return
        text = (await asyncio.to_thread(DEMO_REGISTRY_FILE.read_text, encoding="utf-8")).removeprefix("\ufeff")
        dated = redate_demo_csv(text, self._today())
        if current is not None and current.digest == _digest(dated):
            return
        await self.import_csv(dated, DEMO_REGISTRY_FILE.name, demo=True)

    async def import_csv(
        self, data: bytes | str, source_name: str, *, demo: bool = False
    ) -> ImportReport | RegistryErrors:
        """Validate and import a whole file as the new active snapshot, then rebuild the index. A rejected file
        changes nothing."""
        today = self._today()
        if isinstance(data, bytes):
            parsed = parse_registry_bytes(data, today=today)
        else:
            parsed = parse_registry_csv(data, today=today)
        if isinstance(parsed, RegistryErrors):
            return parsed
        info = await self._store.import_snapshot(parsed, source_name, demo=demo)
        await self.reload()
        return ImportReport(info, parsed.status_counts(), parsed.warnings)


def _digest(text: str) -> str:
    # The same digest the parser gives a file (csv_format.parse_registry_csv).
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _same(a: SnapshotInfo | None, b: SnapshotInfo | None) -> bool:
    return (a.id if a else None) == (b.id if b else None)
