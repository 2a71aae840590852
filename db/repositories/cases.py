"""Queries behind the staff side: the queue, overdue tips, a tip's working state, history and related tips."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.staff import TipCase, TipEvent, TipLink, TipLinkKey
from db.models.tips import Tip
from db.records.staff import QueueFilter

CLOSED = "closed"


def _queue_query(filter: QueueFilter, staff_id: int | None):
    query = select(Tip, TipCase.assignee_id).outerjoin(TipCase, TipCase.tip_id == Tip.id)
    query = query.where(Tip.status == filter.status if filter.status else Tip.status != CLOSED)
    if filter.priority:
        query = query.where(Tip.priority == filter.priority)
    if filter.regency:
        query = query.where(Tip.regency == filter.regency)
    if filter.mine:
        query = query.where(TipCase.assignee_id == staff_id)
    return query


async def queue(
    session: AsyncSession, filter: QueueFilter, staff_id: int | None, *, offset: int, limit: int
) -> tuple[list[tuple[Tip, int | None]], int]:
    """Open tips (or those of ``filter.status``), most urgent first, then oldest; and how many there are."""
    base = _queue_query(filter, staff_id)
    total = await session.scalar(select(func.count()).select_from(base.subquery())) or 0
    rows = await session.execute(base.order_by(Tip.priority, Tip.created_at, Tip.id).offset(offset).limit(limit))
    return [(tip, assignee) for tip, assignee in rows.all()], total


async def overdue(session: AsyncSession, now: datetime, limit: int = 50) -> list[tuple[Tip, int | None]]:
    rows = await session.execute(
        select(Tip, TipCase.assignee_id)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(Tip.status != CLOSED, Tip.deadline_at.is_not(None), Tip.deadline_at < now)
        .order_by(Tip.deadline_at, Tip.id)
        .limit(limit)
    )
    return [(tip, assignee) for tip, assignee in rows.all()]


async def tip_by_case(session: AsyncSession, case_number: str) -> Tip | None:
    """A tip by its case number; "00042" or "42" alone finds the newest case with that number."""
    text = case_number.strip().upper()
    tip = await session.scalar(select(Tip).where(Tip.case_number == text))
    if tip is not None or not text.isdigit():
        return tip
    suffix = f"-{int(text):05d}"
    return await session.scalar(select(Tip).where(Tip.case_number.endswith(suffix)).order_by(Tip.id.desc()).limit(1))


async def tip_by_id(session: AsyncSession, tip_id: int) -> Tip | None:
    return await session.get(Tip, tip_id, populate_existing=True)


async def case_of(session: AsyncSession, tip_id: int, *, create: bool = False) -> TipCase | None:
    row = await session.get(TipCase, tip_id, populate_existing=True)
    if row is None and create:
        row = TipCase(tip_id=tip_id)
        session.add(row)
        await session.flush()
    return row


async def events(session: AsyncSession, tip_id: int) -> list[TipEvent]:
    rows = await session.scalars(select(TipEvent).where(TipEvent.tip_id == tip_id).order_by(TipEvent.id))
    return list(rows.all())


async def link_hashes(session: AsyncSession, tip_id: int) -> list[str]:
    rows = await session.scalars(select(TipLinkKey.key_hash).where(TipLinkKey.tip_id == tip_id))
    return list(rows.all())


async def tips_sharing(session: AsyncSession, key_hash: str) -> set[int]:
    rows = await session.scalars(select(TipLinkKey.tip_id).where(TipLinkKey.key_hash == key_hash).distinct())
    return set(rows.all())


async def related(session: AsyncSession, tip_id: int) -> dict[int, set[str]]:
    """Other tips related to this one and how: sharing a phone or name key, or linked by staff; minus those staff
    unlinked."""
    mine = select(TipLinkKey.key_hash).where(TipLinkKey.tip_id == tip_id)
    rows = await session.execute(
        select(TipLinkKey.tip_id, TipLinkKey.kind).where(TipLinkKey.key_hash.in_(mine), TipLinkKey.tip_id != tip_id)
    )
    found: dict[int, set[str]] = {}
    for other, kind in rows.all():
        found.setdefault(other, set()).add(kind)
    manual = await session.scalars(select(TipLink).where(or_(TipLink.tip_a == tip_id, TipLink.tip_b == tip_id)))
    for link in manual.all():
        other = link.tip_b if link.tip_a == tip_id else link.tip_a
        if link.linked:
            found.setdefault(other, set()).add("manual")
        else:
            found.pop(other, None)
    return found


async def manual_link(session: AsyncSession, tip_id: int, other_id: int) -> TipLink | None:
    a, b = sorted((tip_id, other_id))
    return await session.scalar(select(TipLink).where(TipLink.tip_a == a, TipLink.tip_b == b))


async def tips_by_ids(session: AsyncSession, ids: set[int]) -> dict[int, Tip]:
    if not ids:
        return {}
    rows = await session.scalars(select(Tip).where(Tip.id.in_(ids)))
    return {tip.id: tip for tip in rows.all()}
