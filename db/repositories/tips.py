"""The ledger's queries: a tip by its filing reference, the case-number and daily counters. Counters are single
upserts, so tips filed at the same moment never clash. Nothing here commits."""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from sqlalchemy import bindparam, insert, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from db import direct
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


# Built once: the values go as parameters (the columns given decide the compiled form, which SQLAlchemy keeps); a
# statement built per tip with ``.values()`` cost ~300 us of CPU in bind parameters and cache keys.
_INSERT_TIP = insert(_tips).returning(_tips.c.id)


@functools.cache
def _tip_columns() -> tuple[tuple[str, str], ...]:
    """(attribute, column) of every column of a tip but its id, for ``insert_tip`` (read from the mapper once)."""
    return tuple((prop.key, prop.columns[0].key) for prop in inspect(Tip).column_attrs if prop.columns[0].key != "id")


async def insert_tip(session: AsyncSession, tip: Tip) -> None:
    """Write ``tip`` (a new ``Tip``, not added to the session) with one Core INSERT, and set its id. What was given
    to it is written; columns it was not given get their defaults, as the ORM's flush would give them. The object
    stays out of the session (nothing it is changed in afterwards is written; read it again to change it)."""
    given = tip.__dict__
    values = {column: given[attribute] for attribute, column in _tip_columns() if attribute in given}
    tip.id = (await session.execute(_INSERT_TIP, values)).scalar_one()


class FiledTip(NamedTuple):
    id: int
    case_number: str
    priority: str


async def tip_by_ref(session: AsyncSession, draft_ref: str) -> FiledTip | None:
    """The tip filed under ``draft_ref``: the three columns filing gives back (not the whole tip, read for nothing
    on every filing)."""
    row = (await session.execute(_BY_REF, {"ref": draft_ref})).first()
    return FiledTip(*row) if row is not None else None


_SUBMISSIONS = select(_counts.c.count).where(_counts.c.key == bindparam("key"))


async def submissions(session: AsyncSession, key: str) -> int:
    """How many reports and questions are counted under ``key`` (read outside the session's transaction when it
    holds none: ``db.direct.read_one``; a report's first step reads nothing else)."""
    row = await direct.read_one(session, _SUBMISSIONS, {"key": key})
    return int(row[0]) if row is not None else 0


async def take_submission(session: AsyncSession, key: str, day: str, limit: int) -> bool:
    """Count one more report or question under ``key`` unless ``limit`` are counted already: False, and nothing
    changed, when they are. One statement (a conditional upsert), so of two filings at the same moment only one
    can take the last place, and no read before it."""
    if limit < 1:
        return False
    values = {"key": key, "day": day, "limit": limit}
    return (await session.execute(_TAKE_SUBMISSION.of(session), values)).first() is not None


class Opening(NamedTuple):
    """What filing finds before it writes the tip: the tip already filed under its reference (nothing else was
    done), or whether the day's count had room for one more (False: nothing was written)."""

    filed: FiledTip | None
    allowed: bool


# On PostgreSQL the statements that open a filing go as one, one round trip instead of two (in a crowd the round
# trips of the filing's transaction are what a Send waits for): the tip filed under the reference; else the day's
# count taken, when a pseudonym is counted. The case number is not taken here: see ``number_tip``.
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
)
SELECT filed.id, filed.case_number, filed.priority, EXISTS (SELECT 1 FROM taken)
FROM (SELECT 1) AS one LEFT JOIN filed ON true
"""
)


async def open_filing(session: AsyncSession, *, ref: str, counter_key: str | None, day: str, limit: int) -> Opening:
    """Open a filing: the tip filed under ``ref`` if there is one (nothing else is done); else, when
    ``counter_key`` is given, one more report counted under it unless ``limit`` are counted already (then
    ``Opening(None, False)`` and nothing changed)."""
    if session.get_bind().dialect.name == "postgresql":
        counted = counter_key is not None
        values = {"ref": ref, "key": counter_key or "", "day": day, "limit": limit, "counted": counted}
        row = (await session.execute(_OPEN_FILING_PG, values)).one()
        if row[0] is not None:
            return Opening(FiledTip(row[0], row[1], row[2]), False)
        return Opening(None, bool(row[3]) or not counted)
    filed = await tip_by_ref(session, ref)
    if filed is not None:
        return Opening(filed, False)
    if counter_key is not None and not await take_submission(session, counter_key, day, limit):
        return Opening(None, False)
    return Opening(None, True)


def unnumbered(draft_ref: str) -> str:
    """The case number a tip is written with until ``number_tip`` gives it its own, in the same transaction (so it
    is never committed): unique as the reference is, and never a real one (those start with TPPO)."""
    return "~" + draft_ref[:31]


# A tip's public case number is TPPO-2026-00042 (more digits past 99999), from the year's counter: the first tip of a
# year creates it, later ones increment it; the row stays locked until the commit, and a rollback gives the number
# back, so numbers have no gaps. On PostgreSQL the next number and the tip numbered with it are one round trip.
_NUMBER_TIP_PG = text(
    """
WITH numbered AS (
    INSERT INTO case_counters (year, last) VALUES (CAST(:year AS INTEGER), 1)
    ON CONFLICT (year) DO UPDATE SET last = case_counters.last + 1
    RETURNING last
)
UPDATE tips SET case_number = 'TPPO-' || CAST(:year AS VARCHAR) || '-'
    || CASE WHEN numbered.last < 100000 THEN lpad(CAST(numbered.last AS VARCHAR), 5, '0')
            ELSE CAST(numbered.last AS VARCHAR) END
FROM numbered WHERE tips.id = CAST(:id AS INTEGER)
RETURNING tips.case_number
"""
)


async def number_tip(session: AsyncSession, tip: Tip, year: int) -> str:
    """Give the flushed ``tip`` the year's next case number (``numbering_at_commit``'s statements) and return it.

    The year's counter is one row every filing takes its turn on, held to the commit: taken first, as it once was,
    a crowd's Sends queued behind each filing's every statement (PostgreSQL, 300 reporters: 0.1 s on the lock at
    the median, 2.2 s at worst). So the filing writes everything else first and numbers the tip last."""
    *first, (last, values) = _numbering(session.get_bind().dialect.name, tip.id, year)
    for statement, first_values in first:
        await session.execute(statement, first_values)
    number = (await session.execute(last, values)).scalar_one()
    set_committed_value(tip, "case_number", number)  # written above: no UPDATE of the ORM's own
    return number


# SQLite: the tip numbered from the counter just taken (the statement after ``_NEXT_CASE``), formatted as above.
_NUMBER_FROM_COUNTER_SQLITE = text(
    """
UPDATE tips SET case_number = 'TPPO-' || CAST(:year AS TEXT) || '-'
    || printf('%05d', (SELECT last FROM case_counters WHERE year = :year))
WHERE id = :id
RETURNING case_number
"""
)


def _numbering(dialect: str, tip_id: int, year: int) -> list[tuple[Any, dict[str, Any]]]:
    """The statements that give a flushed tip its case number; the last one returns it (one row, one column)."""
    values = {"year": year, "id": tip_id}
    if dialect == "postgresql":
        return [(_NUMBER_TIP_PG, values)]
    return [(_NEXT_CASE[dialect], {"year": year}), (_NUMBER_FROM_COUNTER_SQLITE, values)]


def numbering_at_commit(dialect: str, tip_id: int, year: int) -> list[tuple[Any, dict[str, Any]]]:
    """The statements that give a flushed tip its case number, for the caller to run as its transaction's very last
    (the unit of work's ``write_at_commit``): the year's counter is then held for that statement and the commit
    alone. The last one returns the case number (one row, one column).

    None on PostgreSQL (an empty list): there the commit itself numbers the tip (a deferred trigger, migration
    0012), and the counter is held inside the server for microseconds, not across two round trips and the event
    loop's turns between them. Read the number after the commit (``case_number_query``)."""
    if dialect == "postgresql":
        return []
    return _numbering(dialect, tip_id, year)


_CASE_NUMBER = select(_tips.c.case_number).where(_tips.c.id == bindparam("id"))


def case_number_query(tip_id: int) -> tuple[Any, dict[str, Any]]:
    """The statement and values that read a tip's case number (one row, one column)."""
    return _CASE_NUMBER, {"id": tip_id}


async def case_number_of(session: AsyncSession, tip_id: int) -> str | None:
    """A tip's case number (outside the session's transaction when it holds none: ``db.direct.read_one``)."""
    row = await direct.read_one(session, _CASE_NUMBER, {"id": tip_id})
    return str(row[0]) if row is not None else None
