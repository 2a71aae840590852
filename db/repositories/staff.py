"""Staff directory: who may use the staff side, with which role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import utcnow
from db.models.staff import StaffMember as StaffRow
from db.records.staff import Role, StaffMember


def to_member(row: StaffRow) -> StaffMember:
    return StaffMember(telegram_id=row.telegram_id, role=Role(row.role), name=row.name, active=row.active)


async def get_active(session: AsyncSession, telegram_id: int) -> StaffMember | None:
    """The staff member with this Telegram id if registered and active (read fresh: roles are re-checked on every
    action)."""
    row = await session.get(StaffRow, telegram_id, populate_existing=True)
    if row is None or not row.active:
        return None
    return to_member(row)


async def get_any(session: AsyncSession, telegram_id: int) -> StaffMember | None:
    row = await session.get(StaffRow, telegram_id)
    return to_member(row) if row else None


async def upsert(
    session: AsyncSession, telegram_id: int, role: Role, name: str | None = None, now: datetime | None = None
) -> tuple[StaffMember, bool]:
    """Register or update a staff member; returns (member, created). Not committed."""
    now = now or utcnow()
    row = await session.get(StaffRow, telegram_id)
    created = row is None or not row.active
    if row is None:
        row = StaffRow(telegram_id=telegram_id, role=role.value, name=name, active=True, added_at=now, updated_at=now)
        session.add(row)
    else:
        row.role = role.value
        row.active = True
        if name is not None:
            row.name = name
        row.updated_at = now
    await session.flush()
    return to_member(row), created


async def deactivate(session: AsyncSession, telegram_id: int, now: datetime | None = None) -> bool:
    """Remove a staff member's access. The row stays (inactive) so histories and the audit log still name them."""
    row = await session.get(StaffRow, telegram_id)
    if row is None or not row.active:
        return False
    row.active = False
    row.updated_at = now or utcnow()
    await session.flush()
    return True


async def list_all(session: AsyncSession, *, include_inactive: bool = False) -> list[StaffMember]:
    query = select(StaffRow).order_by(StaffRow.role, StaffRow.telegram_id)
    if not include_inactive:
        query = query.where(StaffRow.active.is_(True))
    return [to_member(row) for row in (await session.scalars(query)).all()]


async def by_ids(session: AsyncSession, ids: set[int]) -> dict[int, StaffMember]:
    if not ids:
        return {}
    rows = (await session.scalars(select(StaffRow).where(StaffRow.telegram_id.in_(ids)))).all()
    return {row.telegram_id: to_member(row) for row in rows}
