"""The append-only audit log: add an entry, read a case's entries. Nothing else (no update, no delete)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.audit import AuditEntry


def append(
    session: AsyncSession,
    *,
    action: str,
    now: datetime,
    staff_id: int | None = None,
    actor: str = "staff",
    tip_id: int | None = None,
    case_number: str | None = None,
    result: str = "ok",
    detail: dict[str, Any] | None = None,
) -> None:
    """Add an entry to the caller's transaction (it is committed with the action it records)."""
    session.add(
        AuditEntry(
            at=now,
            staff_id=staff_id,
            actor=actor,
            action=action,
            tip_id=tip_id,
            case_number=case_number,
            result=result,
            detail=detail or None,
        )
    )


async def for_case(session: AsyncSession, case_number: str, limit: int = 200) -> list[AuditEntry]:
    rows = await session.scalars(
        select(AuditEntry).where(AuditEntry.case_number == case_number).order_by(AuditEntry.id.desc()).limit(limit)
    )
    return list(reversed(rows.all()))


async def recent(session: AsyncSession, limit: int = 100) -> list[AuditEntry]:
    """The newest entries, newest first."""
    rows = await session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit))
    return list(rows.all())
