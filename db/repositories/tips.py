"""The ledger's queries: a tip by its filing reference, the case-number and daily counters. Counters are single
upserts, so tips filed at the same moment never clash. Nothing here commits."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import bindparam, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import table_of
from db.dialects import PerDialect
from db.models.tips import CaseCounter, SubmissionCounter, Tip

# The statements filing runs for every tip, built once on the tables with bound parameters: SQLAlchemy then reuses
# their compiled form, where a statement built per call cost more than the database's work on it.
_tips = table_of(Tip)
_cases = table_of(CaseCounter)
_counts = table_of(SubmissionCounter)
_BY_REF = select(_tips.c.id, _tips.c.case_number, _tips.c.priority).where(_tips.c.draft_ref == bindparam("ref"))


def _next_case(insert):
    stmt = insert(_cases).values(year=bindparam("year"), last=1)
    return stmt.on_conflict_do_update(index_elements=["year"], set_={"last": _cases.c.last + 1}).returning(
        _cases.c.last
    )


def _take_submission(insert):
    stmt = insert(_counts).values(key=bindparam("key"), day=bindparam("day"), count=1)
    return stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={"count": _counts.c.count + 1},
        where=_counts.c.count < bindparam("limit"),
    ).returning(_counts.c.count)


_NEXT_CASE = PerDialect(_next_case)
_TAKE_SUBMISSION = PerDialect(_take_submission)


class FiledTip(NamedTuple):
    id: int
    case_number: str
    priority: str


async def tip_by_ref(session: AsyncSession, draft_ref: str) -> FiledTip | None:
    """The tip filed under ``draft_ref``: the three columns filing gives back (not the whole tip, read for nothing
    on every filing)."""
    row = (await session.execute(_BY_REF, {"ref": draft_ref})).first()
    return FiledTip(*row) if row is not None else None


async def next_case_number(session: AsyncSession, year: int) -> int:
    """The year's next number. The first tip of a year creates the counter, later ones increment it; the row stays
    locked until the caller commits, and a rollback gives the number back, so numbers have no gaps."""
    return (await session.execute(_NEXT_CASE.of(session), {"year": year})).scalar_one()


async def submissions(session: AsyncSession, key: str) -> int:
    row = await session.get(SubmissionCounter, key)
    return row.count if row is not None else 0


async def take_submission(session: AsyncSession, key: str, day: str, limit: int) -> bool:
    """Count one more report or question under ``key`` unless ``limit`` are counted already: False, and nothing
    changed, when they are. One statement (a conditional upsert), so of two filings at the same moment only one
    can take the last place, and no read before it."""
    if limit < 1:
        return False
    values = {"key": key, "day": day, "limit": limit}
    return (await session.execute(_TAKE_SUBMISSION.of(session), values)).first() is not None


class Opening(NamedTuple):
    """What filing finds before it writes the tip: the tip already filed under its reference, or the case number it
    is to get (None for both: the day's limit is used up, and nothing was written)."""

    filed: FiledTip | None
    case: int | None


# On PostgreSQL the three statements that open a filing go as one, one round trip instead of three (in a crowd the
# round trips of the filing's transaction are what a Send waits for): the tip filed under the reference; else the
# day's count taken (when a pseudonym is counted), and only if it was, the year's next case number. Each part sees
# what the one before it returned; the upserts lock their rows to the commit as the separate statements did.
_OPEN_FILING_PG = text(
    """
WITH filed AS (
    SELECT id, case_number, priority FROM tips WHERE draft_ref = CAST(:ref AS VARCHAR)
), taken AS (
    INSERT INTO submission_counters (key, day, count)
    SELECT CAST(:key AS VARCHAR), CAST(:day AS VARCHAR), 1
    WHERE CAST(:counted AS BOOLEAN) AND CAST(:limit AS INTEGER) > 0 AND NOT EXISTS (SELECT 1 FROM filed)
    ON CONFLICT (key) DO UPDATE SET count = submission_counters.count + 1
    WHERE submission_counters.count < CAST(:limit AS INTEGER)
    RETURNING count
), numbered AS (
    INSERT INTO case_counters (year, last)
    SELECT CAST(:year AS INTEGER), 1
    WHERE NOT EXISTS (SELECT 1 FROM filed) AND (NOT CAST(:counted AS BOOLEAN) OR EXISTS (SELECT 1 FROM taken))
    ON CONFLICT (year) DO UPDATE SET last = case_counters.last + 1
    RETURNING last
)
SELECT filed.id, filed.case_number, filed.priority, (SELECT last FROM numbered)
FROM (SELECT 1) AS one LEFT JOIN filed ON true
"""
)


async def open_filing(
    session: AsyncSession, *, ref: str, counter_key: str | None, day: str, limit: int, year: int
) -> Opening:
    """Open a filing: the tip filed under ``ref`` if there is one (nothing else is done); else, when
    ``counter_key`` is given, one more report counted under it unless ``limit`` are counted already (then
    ``Opening(None, None)`` and nothing changed); and then the year's next case number (see ``next_case_number``)."""
    if session.get_bind().dialect.name == "postgresql":
        counted = counter_key is not None
        values = {"ref": ref, "key": counter_key or "", "day": day, "limit": limit, "counted": counted, "year": year}
        row = (await session.execute(_OPEN_FILING_PG, values)).one()
        filed = FiledTip(row[0], row[1], row[2]) if row[0] is not None else None
        return Opening(filed, None if filed is not None else row[3])
    filed = await tip_by_ref(session, ref)
    if filed is not None:
        return Opening(filed, None)
    if counter_key is not None and not await take_submission(session, counter_key, day, limit):
        return Opening(None, None)
    return Opening(None, await next_case_number(session, year))
