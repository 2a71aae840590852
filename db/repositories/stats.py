"""The task force's figures, computed in the database: grouped counts over tips received in a period.

Every query reads tips of kind "tip" received in [start, end) through the index on ``created_at``; months are
counted in WITA (UTC+8, no daylight saving). Medians are taken in SQL (PostgreSQL's percentile_cont; on SQLite the
middle rows by ORDER BY and OFFSET), the same definition as ``statistics.median``.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from sqlalchemy import Float, and_, case, cast, func, literal, literal_column, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.tips import Tip
from db.records.staff import RESOLUTION_DAYS
from db.repositories.cases import minors_condition, resolution_late

NONE = "none"  # the key of "not given"


async def without_jit(session: AsyncSession) -> None:
    """For the rest of this transaction only, on PostgreSQL: no compiling of queries to machine code (it does so
    when a query's estimated cost is high, and for these, a JSON function's default estimate of 100 rows a tip
    inflating it, compiling took longer than running: 130 of 220 ms), and room for a period's sorts in memory (the
    medians' sorts went to disk at the default 4 MB)."""
    if _dialect(session) == "postgresql":
        await session.execute(text("SET LOCAL jit = off"))
        await session.execute(text("SET LOCAL work_mem = '32MB'"))


def _dialect(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def month_of(months: list[tuple[str, datetime]]):
    """The month label ("YYYY-MM", WITA) of ``created_at``, from the months' first instants (UTC, in order): a few
    comparisons a row, cheaper than formatting every timestamp (and the same on both databases)."""
    if len(months) == 1:
        return literal(months[0][0])
    return case(
        *((Tip.created_at < begins, label) for (label, _), (_, begins) in pairwise(months)),
        else_=literal(months[-1][0]),
    )


def seconds_between(session: AsyncSession, start, end):
    """Whole seconds from ``start`` to ``end`` (rounded: julianday's floating point would otherwise tip a median
    rounded to a tenth of an hour one way or the other)."""
    if _dialect(session) == "postgresql":
        return func.round(func.extract("epoch", end - start))
    return func.round((func.julianday(end) - func.julianday(start)) * 86400.0)


# A literal, not a bound parameter: the planner must see the condition of ix_tips_clocks.
TIPS_ONLY = Tip.kind == literal_column("'tip'")


def _period(start: datetime, end: datetime) -> list:
    return [Tip.created_at >= start, Tip.created_at < end, TIPS_ONLY]


def _key(value) -> str:
    return NONE if value is None or value == "" else str(value)


async def _pairs(session: AsyncSession, row_expr, col_expr, where: list) -> dict[tuple[str, str], int]:
    rows = await session.execute(
        select(row_expr.label("r"), col_expr.label("c"), func.count())
        .where(*where)
        .group_by(literal_column("r"), literal_column("c"))
    )
    out: dict[tuple[str, str], int] = {}
    for r, c, n in rows.all():
        key = (_key(r), _key(c))
        out[key] = out.get(key, 0) + int(n)
    return out


async def regency_by_month(
    session: AsyncSession, start: datetime, end: datetime, months: list[tuple[str, datetime]]
) -> dict[tuple[str, str], int]:
    """``months``: each month of the period, its label and first instant."""
    return await _pairs(session, Tip.regency, month_of(months), _period(start, end))


async def category_by_outcome(session: AsyncSession, start: datetime, end: datetime) -> dict[tuple[str, str], int]:
    """Outcome "open" for tips not closed yet."""
    outcome = case((Tip.status != "closed", "open"), else_=func.coalesce(Tip.outcome, NONE))
    return await _pairs(session, Tip.category, outcome, _period(start, end))


async def minors_by_category(session: AsyncSession, start: datetime, end: datetime) -> dict[tuple[str, str], int]:
    """Per category: tips, tips with someone under 18, and the under-18s staff recorded."""
    rows = await session.execute(
        select(
            Tip.category,
            func.count(),
            func.sum(case((minors_condition(), 1), else_=0)),
            func.sum(func.coalesce(Tip.victims_minors, 0)),
        )
        .where(*_period(start, end))
        .group_by(Tip.category)
    )
    out: dict[tuple[str, str], int] = {}
    for category, n, with_minors, minors in rows.all():
        key = _key(category)
        out[(key, "tips")] = out.get((key, "tips"), 0) + int(n)
        out[(key, "with_minors")] = out.get((key, "with_minors"), 0) + int(with_minors or 0)
        out[(key, "minors_recorded")] = out.get((key, "minors_recorded"), 0) + int(minors or 0)
    return out


async def destinations(session: AsyncSession, start: datetime, end: datetime) -> dict[tuple[str, str], int]:
    """Per destination: tips and victims recorded."""
    rows = await session.execute(
        select(Tip.destination, func.count(), func.sum(func.coalesce(Tip.victims, 0)))
        .where(*_period(start, end))
        .group_by(Tip.destination)
    )
    out: dict[tuple[str, str], int] = {}
    for destination, n, victims in rows.all():
        key = _key(destination)
        out[(key, "tips")] = out.get((key, "tips"), 0) + int(n)
        out[(key, "victims")] = out.get((key, "victims"), 0) + int(victims or 0)
    return out


async def transit_points(session: AsyncSession, start: datetime, end: datetime) -> dict[tuple[str, str], int]:
    """Per transit point: tips naming it (a tip naming three points counts once under each)."""
    if _dialect(session) == "postgresql":
        # A tip whose transit points were cleared holds JSON null, which json_array_elements_text refuses.
        points = case(
            (func.json_typeof(Tip.transit_points) == "array", Tip.transit_points), else_=literal_column("'[]'::json")
        )
        point = func.json_array_elements_text(points).table_valued("value").render_derived()
        query = (
            select(point.c.value, func.count(func.distinct(Tip.id)))
            .select_from(Tip)
            .join(point, literal_column("true"))
        )
    else:
        point = func.json_each(Tip.transit_points).table_valued("value")
        query = (
            select(point.c.value, func.count(func.distinct(Tip.id))).select_from(Tip).join(point, literal_column("1"))
        )
    rows = await session.execute(query.where(*_period(start, end), point.c.value.is_not(None)).group_by(point.c.value))
    return {(_key(code), "tips"): int(n) for code, n in rows.all()}


async def outcomes(session: AsyncSession, start: datetime, end: datetime) -> dict[tuple[str, str], int]:
    """Per outcome of closed tips: tips, victims and under-18s recorded (departures stopped, people rescued...)."""
    closed = Tip.status == "closed"  # in the sums, not the WHERE: an index on status would lead past the period
    rows = await session.execute(
        select(
            Tip.outcome,
            func.sum(case((closed, 1), else_=0)),
            func.sum(case((closed, func.coalesce(Tip.victims, 0)), else_=0)),
            func.sum(case((closed, func.coalesce(Tip.victims_minors, 0)), else_=0)),
        )
        .where(*_period(start, end))
        .group_by(Tip.outcome)
    )
    out: dict[tuple[str, str], int] = {}
    for outcome, n, victims, minors in rows.all():
        if not n:
            continue
        key = _key(outcome)
        out[(key, "tips")] = out.get((key, "tips"), 0) + int(n)
        out[(key, "victims")] = out.get((key, "victims"), 0) + int(victims or 0)
        out[(key, "minors")] = out.get((key, "minors"), 0) + int(minors or 0)
    return out


async def clocks_by_priority(
    session: AsyncSession, start: datetime, end: datetime, now: datetime
) -> dict[tuple[str, str], float | int | None]:
    """Per priority, both clocks: tips; responded, responded late, waiting for a response (late or not), median
    minutes to the first response; closed, closed late, open past the resolution time, median hours to close."""
    resolve_late = case(*((Tip.priority == p, days * 86400.0) for p, days in RESOLUTION_DAYS.items()), else_=None)
    to_close = seconds_between(session, Tip.created_at, Tip.closed_at)
    open_late = resolution_late(now)
    rows = await session.execute(
        select(
            Tip.priority,
            func.count(),
            func.count(Tip.first_response_at),
            func.sum(case((Tip.first_response_at > Tip.deadline_at, 1), else_=0)),
            func.sum(case((and_(Tip.first_response_at.is_(None), Tip.status != "closed"), 1), else_=0)),
            func.sum(
                case((and_(Tip.first_response_at.is_(None), Tip.status != "closed", Tip.deadline_at < now), 1), else_=0)
            ),
            func.count(Tip.closed_at),
            func.sum(case((and_(Tip.closed_at.is_not(None), to_close > resolve_late), 1), else_=0)),
            func.sum(case((open_late, 1), else_=0)),
        )
        .where(*_period(start, end))
        .group_by(Tip.priority)
    )
    out: dict[tuple[str, str], float | int | None] = {}
    names = (
        "tips",
        "responded",
        "responded_late",
        "waiting",
        "waiting_late",
        "closed",
        "closed_late",
        "open_late",
    )
    for priority, *values in rows.all():
        for name, value in zip(names, values, strict=True):
            out[(priority, name)] = int(value or 0)
    response = seconds_between(session, Tip.created_at, Tip.first_response_at)
    responded = {p: int(n or 0) for (p, name), n in out.items() if name == "responded"}
    closed = {p: int(n or 0) for (p, name), n in out.items() if name == "closed"}
    medians = await _medians(session, response, Tip.first_response_at, start, end, responded)
    for priority, minutes in medians.items():
        out[(priority, "median_response_min")] = None if minutes is None else round(minutes / 60.0, 1)
    for priority, seconds in (await _medians(session, to_close, Tip.closed_at, start, end, closed)).items():
        out[(priority, "median_close_h")] = None if seconds is None else round(seconds / 3600.0, 1)
    return out


async def _medians(
    session: AsyncSession, value, present, start: datetime, end: datetime, counts: dict[str, int]
) -> dict[str, float | None]:
    """The median of ``value`` per priority over tips where ``present`` is set; ``counts``: how many such tips each
    priority has (from the caller's aggregate)."""
    where = [*_period(start, end), present.is_not(None)]
    # The middle one or two values of each priority by ORDER BY ... LIMIT ... OFFSET: each reads that priority's
    # rows of the period from its partial index (ix_tips_responded, ix_tips_resolved) and sorts only those (SQLite
    # has no percentile function; PostgreSQL's percentile_cont over every priority at once read more).
    out: dict[str, float | None] = {}
    for priority, n in counts.items():
        if not n:
            continue
        middle = await session.scalars(
            select(cast(value, Float))
            .where(*where, Tip.priority == priority)
            .order_by(value)
            .limit(2 - n % 2)
            .offset((n - 1) // 2)
        )
        values = [float(v) for v in middle.all()]
        out[priority] = sum(values) / len(values) if values else None
    return out


async def totals(session: AsyncSession, start: datetime, end: datetime) -> dict[str, int]:
    row = (
        await session.execute(
            select(
                func.count(),
                func.sum(case((Tip.status == "closed", 1), else_=0)),
                func.sum(case((minors_condition(), 1), else_=0)),
                func.sum(func.coalesce(Tip.victims, 0)),
                func.sum(func.coalesce(Tip.victims_minors, 0)),
                func.sum(func.coalesce(Tip.victims_female, 0)),
                func.sum(func.coalesce(Tip.victims_male, 0)),
                func.sum(case((Tip.outcome == "departure_stopped", func.coalesce(Tip.victims, 0)), else_=0)),
            ).where(*_period(start, end))
        )
    ).one()
    names = ("tips", "closed", "with_minors", "victims", "minors", "female", "male", "stopped_people")
    return {name: int(value or 0) for name, value in zip(names, row, strict=True)}
