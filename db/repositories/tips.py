"""The ledger's queries: a tip by its filing reference, the case-number and daily counters. Counters are single
upserts, so tips filed at the same moment never clash. Nothing here commits."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tips import CaseCounter, SubmissionCounter, Tip


def _insert(session: AsyncSession):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class FiledTip(NamedTuple):
    id: int
    case_number: str
    priority: str


async def tip_by_ref(session: AsyncSession, draft_ref: str) -> FiledTip | None:
    """The tip filed under ``draft_ref``: the three columns filing gives back (not the whole tip, read for nothing
    on every filing)."""
    row = (
        await session.execute(select(Tip.id, Tip.case_number, Tip.priority).where(Tip.draft_ref == draft_ref))
    ).first()
    return FiledTip(*row) if row is not None else None


async def next_case_number(session: AsyncSession, year: int) -> int:
    """The year's next number. The first tip of a year creates the counter, later ones increment it; the row stays
    locked until the caller commits, and a rollback gives the number back, so numbers have no gaps."""
    stmt = _insert(session)(CaseCounter).values(year=year, last=1)
    result = await session.execute(
        stmt.on_conflict_do_update(index_elements=["year"], set_={"last": CaseCounter.last + 1}).returning(
            CaseCounter.last
        )
    )
    return result.scalar_one()


async def submissions(session: AsyncSession, key: str) -> int:
    row = await session.get(SubmissionCounter, key)
    return row.count if row is not None else 0


async def take_submission(session: AsyncSession, key: str, day: str, limit: int) -> bool:
    """Count one more report or question under ``key`` unless ``limit`` are counted already: False, and nothing
    changed, when they are. One statement (a conditional upsert), so of two filings at the same moment only one
    can take the last place, and no read before it."""
    if limit < 1:
        return False
    stmt = _insert(session)(SubmissionCounter).values(key=key, day=day, count=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={"count": SubmissionCounter.count + 1},
        where=SubmissionCounter.count < limit,
    ).returning(SubmissionCounter.count)
    return (await session.execute(stmt)).first() is not None
