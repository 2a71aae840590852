"""Registry snapshots: import a validated list as the new active snapshot, read the active one back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import RowMapping, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.base import utcnow
from db.models.registry import RegistryActive, RegistryCompany, RegistrySnapshot
from db.records.registry import LicenceStatus, RegistryRow, SnapshotInfo, local_date

_ACTIVE_ID = 1
# Rows per INSERT statement: well under SQLite's and asyncpg's bound-parameter limits with 16 columns.
_BATCH = 1000


class SnapshotToImport(Protocol):
    """What an import writes (the core's ``ParsedRegistry`` is one): validated rows and where they came from."""

    @property
    def rows(self) -> Sequence[RegistryRow]: ...

    @property
    def newest_retrieved_at(self) -> date | None: ...

    @property
    def digest(self) -> str: ...


class RegistryRepository:
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def import_snapshot(
        self, parsed: SnapshotToImport, source_name: str, *, demo: bool = False, now: datetime | None = None
    ) -> SnapshotInfo:
        """Write every row and make the new snapshot active in one transaction: a failure part-way leaves the
        previous snapshot active and no trace of this one."""
        now = now or utcnow()
        async with self._session_factory() as session, session.begin():
            snapshot = RegistrySnapshot(
                source_name=source_name[:255],
                digest=parsed.digest,
                imported_at=now,
                newest_retrieved_at=parsed.newest_retrieved_at,
                data_as_of=parsed.newest_retrieved_at or local_date(now),
                row_count=len(parsed.rows),
                is_demo=demo,
            )
            session.add(snapshot)
            await session.flush()
            values = [_row_values(snapshot.id, row) for row in parsed.rows]
            for start in range(0, len(values), _BATCH):
                await session.execute(insert(RegistryCompany), values[start : start + _BATCH])
            # FOR UPDATE makes two concurrent imports on PostgreSQL switch one after the other.
            active = await session.get(RegistryActive, _ACTIVE_ID, with_for_update=True)
            if active is None:
                session.add(RegistryActive(id=_ACTIVE_ID, snapshot_id=snapshot.id, activated_at=now))
            else:
                active.snapshot_id = snapshot.id
                active.activated_at = now
            return _info(snapshot)

    async def active_snapshot(self) -> SnapshotInfo | None:
        async with self._session_factory() as session:
            snapshot = await _active(session)
            return _info(snapshot) if snapshot else None

    async def active_rows(self) -> tuple[RegistryRow, ...]:
        return (await self.active_snapshot_and_rows())[1]

    async def active_snapshot_and_rows(self) -> tuple[SnapshotInfo | None, tuple[RegistryRow, ...]]:
        """The active snapshot and its rows, consistent with each other even if an import commits meanwhile
        (rows are read by the snapshot's id, and a snapshot's rows never change)."""
        async with self._session_factory() as session:
            snapshot = await _active(session)
            if snapshot is None:
                return None, ()
            # Plain rows, not ORM objects: ten thousand companies load several times faster this way.
            table = RegistryCompany.__table__
            result = await session.execute(
                select(table).where(table.c.snapshot_id == snapshot.id).order_by(table.c.line, table.c.id)
            )
            return _info(snapshot), tuple(_row(company) for company in result.mappings())

    async def list_snapshots(self, limit: int = 20) -> tuple[tuple[SnapshotInfo, bool], ...]:
        """Newest first, each with whether it is the active one."""
        async with self._session_factory() as session:
            active_id = await session.scalar(select(RegistryActive.snapshot_id).where(RegistryActive.id == _ACTIVE_ID))
            result = await session.execute(select(RegistrySnapshot).order_by(RegistrySnapshot.id.desc()).limit(limit))
            return tuple((_info(s), s.id == active_id) for s in result.scalars())


async def _active(session: AsyncSession) -> RegistrySnapshot | None:
    return await session.scalar(
        select(RegistrySnapshot)
        .join(RegistryActive, RegistryActive.snapshot_id == RegistrySnapshot.id)
        .where(RegistryActive.id == _ACTIVE_ID)
    )


def _info(snapshot: RegistrySnapshot) -> SnapshotInfo:
    return SnapshotInfo(
        id=snapshot.id,
        source_name=snapshot.source_name,
        imported_at=snapshot.imported_at,
        data_as_of=snapshot.data_as_of,
        row_count=snapshot.row_count,
        digest=snapshot.digest,
        demo=snapshot.is_demo,
        newest_retrieved_at=snapshot.newest_retrieved_at,
    )


def _row_values(snapshot_id: int, row: RegistryRow) -> dict[str, object]:
    return {
        "snapshot_id": snapshot_id,
        "line": row.line,
        "name": row.name,
        "licence_number": row.licence_number,
        "licence_key": row.licence_key,
        "status": row.status.value,
        "licence_issued": row.licence_issued,
        "licence_expires": row.licence_expires,
        "issuer": row.issuer,
        "head_office": row.head_office,
        "branches": list(row.branches),
        "phone": row.phone,
        "phone_e164": row.phone_e164,
        "source_url": row.source_url,
        "retrieved_at": row.retrieved_at,
        "sanctions": row.sanctions,
    }


def _row(company: RowMapping) -> RegistryRow:
    return RegistryRow(
        line=company["line"],
        name=company["name"],
        licence_number=company["licence_number"],
        licence_key=company["licence_key"],
        status=LicenceStatus(company["status"]),
        licence_issued=company["licence_issued"],
        licence_expires=company["licence_expires"],
        issuer=company["issuer"],
        head_office=company["head_office"],
        branches=tuple(company["branches"] or ()),
        phone=company["phone"],
        phone_e164=company["phone_e164"],
        source_url=company["source_url"],
        retrieved_at=company["retrieved_at"],
        sanctions=company["sanctions"],
    )
