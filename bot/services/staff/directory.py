"""Registering staff (``tipline staff add/list/remove``), audited."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.model import StaffMember
from bot.services.triage.status import Role
from db.base import utcnow
from db.repositories import audit as audit_repo
from db.repositories import staff as staff_repo


class StaffError(ValueError):
    pass


def parse_telegram_id(value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise StaffError(
            "a Telegram user id is a whole number (the staff member can get it from @userinfobot)"
        ) from None
    if number <= 0:
        raise StaffError("a Telegram user id is a positive number (group ids are negative)")
    return number


async def add_staff(
    session: AsyncSession, telegram_id: int, role: str, name: str | None = None, now: datetime | None = None
) -> tuple[StaffMember, bool]:
    try:
        parsed = Role(role)
    except ValueError:
        raise StaffError(f"role must be one of {', '.join(r.value for r in Role)}") from None
    now = now or utcnow()
    clean_name = " ".join(name.split())[:64] if name else None
    member, created = await staff_repo.upsert(session, telegram_id, parsed, clean_name, now)
    audit_repo.append(
        session, action="staff_add", now=now, actor="cli", detail={"staff": telegram_id, "role": parsed.value}
    )
    await session.commit()
    return member, created


async def remove_staff(session: AsyncSession, telegram_id: int, now: datetime | None = None) -> bool:
    now = now or utcnow()
    removed = await staff_repo.deactivate(session, telegram_id, now)
    if removed:
        audit_repo.append(session, action="staff_remove", now=now, actor="cli", detail={"staff": telegram_id})
    await session.commit()
    return removed


async def list_staff(session: AsyncSession) -> list[StaffMember]:
    return await staff_repo.list_all(session)
