"""The ledger's queries: a tip by its filing reference, the case-number and daily counters. Counters are single
upserts, so tips filed at the same moment never clash. Nothing here commits."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tips import CaseCounter, SubmissionCounter, Tip


def _insert(session: AsyncSession):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


async def tip_by_ref(session: AsyncSession, draft_ref: str) -> Tip | None:
    return await session.scalar(select(Tip).where(Tip.draft_ref == draft_ref))


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


async def count_submission(session: AsyncSession, key: str, day: str) -> None:
    stmt = _insert(session)(SubmissionCounter).values(key=key, day=day, count=1)
    await session.execute(
        stmt.on_conflict_do_update(index_elements=["key"], set_={"count": SubmissionCounter.count + 1})
    )
