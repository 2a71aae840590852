"""Queries behind the staff side: the queue, the two clocks, a tip's working state, history and related tips.

Written for a million tips (bench/bench_data.py measures each): the queue and the late lists walk the partial
indexes on open tips (``status != 'closed'`` is written as a literal so that SQLite and PostgreSQL match it to the
index's own condition), related tips are a count and the newest few read from the (key_hash, tip_id) index, and the
queue reads the few columns it shows, never the encrypted blobs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, case, exists, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.staff import StaffHandover, TipCase, TipEvent, TipLinkKey
from db.models.tips import CaseCounter, Tip
from db.records.staff import ANY_STATUS, RESOLUTION_DAYS, QueueFilter

CLOSED = "closed"
# Literal, not a bound parameter: the planner must see the partial indexes' own condition.
OPEN = Tip.status != literal_column("'closed'")


@dataclass(frozen=True)
class QueueRow:
    tip_id: int
    case_number: str
    kind: str
    status: str
    priority: str
    category: str | None
    regency: str | None
    created_at: datetime
    deadline_at: datetime | None
    first_response_at: datetime | None
    closed_at: datetime | None
    minors: bool
    news: bool
    assignee_id: int | None


def minors_condition():
    """Someone under 18: what staff recorded, else the reporter's answer."""
    return or_(Tip.victims_minors > 0, and_(Tip.victims_minors.is_(None), Tip.minors == "yes"))


def news_condition():
    return and_(
        Tip.reporter_news_at.is_not(None),
        Tip.reporter_news_at > func.coalesce(Tip.staff_seen_at, Tip.created_at),
    )


def response_late(now: datetime):
    return and_(OPEN, Tip.first_response_at.is_(None), Tip.deadline_at.is_not(None), Tip.deadline_at < now)


def resolution_late(now: datetime):
    # One range per priority, each served by the open-queue index (priority, created_at).
    return and_(
        OPEN,
        or_(
            *(
                and_(Tip.priority == p, Tip.created_at < now - timedelta(days=days))
                for p, days in RESOLUTION_DAYS.items()
            )
        ),
    )


def transit_contains(session: AsyncSession, code: str):
    """The tip's transit points (a JSON list) include ``code``."""
    if session.get_bind().dialect.name == "postgresql":
        return literal_column("tips.transit_points::jsonb").op("?")(code)
    each = func.json_each(Tip.transit_points).table_valued("value").alias("tp")
    return exists(select(1).select_from(each).where(each.c.value == code))


_COLUMNS = (
    Tip.id,
    Tip.case_number,
    Tip.kind,
    Tip.status,
    Tip.priority,
    Tip.category,
    Tip.regency,
    Tip.created_at,
    Tip.deadline_at,
    Tip.first_response_at,
    Tip.closed_at,
    minors_condition().label("minors"),
    news_condition().label("news"),
    TipCase.assignee_id,
)


def _row(r) -> QueueRow:
    return QueueRow(
        r.id,
        r.case_number,
        r.kind,
        r.status,
        r.priority,
        r.category,
        r.regency,
        r.created_at,
        r.deadline_at,
        r.first_response_at,
        r.closed_at,
        bool(r.minors),
        bool(r.news),
        r.assignee_id,
    )


def _conditions(session: AsyncSession, f: QueueFilter, staff_id: int | None, now: datetime) -> list:
    where: list = []
    if f.status is None:
        where.append(OPEN)
    elif f.status != ANY_STATUS:
        where.append(Tip.status == f.status)
        if f.status != CLOSED:
            where.append(OPEN)  # the same tips, and the planner sees the open-tips index applies
    if f.priority:
        where.append(Tip.priority == f.priority)
    if f.regency:
        where.append(Tip.regency == f.regency)
    if f.category:
        where.append(Tip.category == f.category)
    if f.minors:
        where.append(minors_condition())
    if f.late:
        where.append(or_(response_late(now), resolution_late(now)))
    if f.mine:
        where.append(TipCase.assignee_id == staff_id)
    if f.assignee:
        where.append(TipCase.assignee_id == f.assignee)
    if f.unassigned:
        where.append(TipCase.assignee_id.is_(None))
    s = f.search
    if s is not None:
        if s.kind == "case":
            where.append(Tip.id == (s.tip_id or 0))
        elif s.kind in ("phone", "name"):
            where.append(Tip.id.in_(select(TipLinkKey.tip_id).where(TipLinkKey.key_hash == s.key_hash)))
        elif s.kind == "place" and s.place:
            where.append(or_(Tip.regency == s.place, Tip.destination == s.place, transit_contains(session, s.place)))
    return where


async def queue(
    session: AsyncSession, f: QueueFilter, staff_id: int | None, now: datetime, *, offset: int, limit: int
) -> tuple[list[QueueRow], int]:
    """Open tips (or those of ``f.status``), most urgent first, then oldest; and how many there are."""
    where = _conditions(session, f, staff_id, now)
    joined = f.mine or f.assignee or f.unassigned
    count = select(func.count()).select_from(Tip)
    if joined:
        count = count.outerjoin(TipCase, TipCase.tip_id == Tip.id)
    total = await session.scalar(count.where(*where)) or 0
    rows = await session.execute(
        select(*_COLUMNS)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(*where)
        .order_by(Tip.priority, Tip.created_at, Tip.id)
        .offset(offset)
        .limit(limit)
    )
    return [_row(r) for r in rows.all()], total


async def response_late_tips(
    session: AsyncSession, now: datetime, limit: int, *, count: bool = True
) -> tuple[list[QueueRow], int]:
    """Open tips nobody has responded to past their due time: the longest late first."""
    total = (await session.scalar(select(func.count()).select_from(Tip).where(response_late(now))) or 0) if count else 0
    rows = await session.execute(
        select(*_COLUMNS)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(response_late(now))
        .order_by(Tip.deadline_at, Tip.id)
        .limit(limit)
    )
    return [_row(r) for r in rows.all()], total


async def resolution_late_tips(
    session: AsyncSession, now: datetime, limit: int, *, count: bool = True
) -> tuple[list[QueueRow], int]:
    """Open tips past their resolution time, most urgent then oldest first."""
    total = (
        (await session.scalar(select(func.count()).select_from(Tip).where(resolution_late(now))) or 0) if count else 0
    )
    rows = await session.execute(
        select(*_COLUMNS)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(resolution_late(now))
        .order_by(Tip.priority, Tip.created_at, Tip.id)
        .limit(limit)
    )
    return [_row(r) for r in rows.all()], total


async def caseload(session: AsyncSession, now: datetime) -> list[tuple[int | None, int, int, int, int, int]]:
    """(assignee id or None, open, P1, awaiting the reporter, late on response, late on resolution) per assignee."""

    def flag(condition):
        return func.sum(case((condition, 1), else_=0))

    rows = await session.execute(
        select(
            TipCase.assignee_id,
            func.count(),
            flag(Tip.priority == "P1"),
            flag(Tip.status == "awaiting_reporter"),
            flag(response_late(now)),
            flag(resolution_late(now)),
        )
        .select_from(Tip)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(OPEN)
        .group_by(TipCase.assignee_id)
    )
    return [(a, n, int(p1 or 0), int(w or 0), int(r or 0), int(z or 0)) for a, n, p1, w, r, z in rows.all()]


async def handover_counts(session: AsyncSession, now: datetime, since: datetime) -> dict[str, int]:
    """Open tips in one pass over the open-tips index (late on each clock, awaiting the reporter, unread news), and
    the tips received since ``since``."""

    def flag(condition):
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = (
        await session.execute(
            select(
                func.count().label("open"),
                flag(response_late(now)).label("response_late"),
                flag(resolution_late(now)).label("resolution_late"),
                flag(Tip.status == "awaiting_reporter").label("awaiting"),
                flag(news_condition()).label("news"),
            ).where(OPEN)
        )
    ).one()
    counts = {k: int(v) for k, v in row._mapping.items()}
    counts["new_since"] = await session.scalar(select(func.count()).where(Tip.created_at > since)) or 0
    return counts


async def new_open_since(session: AsyncSession, since: datetime, limit: int) -> list[QueueRow]:
    rows = await session.execute(
        select(*_COLUMNS)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(OPEN, Tip.created_at > since)
        .order_by(Tip.priority, Tip.created_at, Tip.id)
        .limit(limit)
    )
    return [_row(r) for r in rows.all()]


async def last_handover(session: AsyncSession) -> StaffHandover | None:
    return await session.scalar(select(StaffHandover).order_by(StaffHandover.at.desc(), StaffHandover.id.desc()))


def add_handover(session: AsyncSession, staff_id: int, now: datetime) -> None:
    session.add(StaffHandover(staff_id=staff_id, at=now))


# A tip and its working state -------------------------------------------------------------------------------


async def tip_by_case(session: AsyncSession, case_number: str) -> Tip | None:
    """A tip by its case number; "00042" or "42" alone finds the newest case with that number (one look-up per
    year that has cases, through the unique index: never a scan)."""
    text = case_number.strip().upper()
    tip = await session.scalar(select(Tip).where(Tip.case_number == text))
    if tip is not None or not text.isdigit() or len(text) > 6:
        return tip
    years = (await session.scalars(select(CaseCounter.year))).all()
    candidates = [f"TPPO-{year}-{int(text):05d}" for year in years]
    if not candidates:
        return None
    return await session.scalar(
        select(Tip).where(Tip.case_number.in_(candidates)).order_by(Tip.case_number.desc()).limit(1)
    )


async def tip_by_id(session: AsyncSession, tip_id: int) -> Tip | None:
    return await session.get(Tip, tip_id, populate_existing=True)


async def tips_by_ids(session: AsyncSession, ids: set[int]) -> dict[int, Tip]:
    if not ids:
        return {}
    rows = await session.scalars(select(Tip).where(Tip.id.in_(ids)))
    return {tip.id: tip for tip in rows.all()}


async def case_of(session: AsyncSession, tip_id: int, *, create: bool = False) -> TipCase | None:
    row = await session.get(TipCase, tip_id, populate_existing=True)
    if row is None and create:
        row = TipCase(tip_id=tip_id)
        session.add(row)
        await session.flush()
    return row


async def assignee_of(session: AsyncSession, tip_id: int) -> int | None:
    return await session.scalar(select(TipCase.assignee_id).where(TipCase.tip_id == tip_id))


async def events(session: AsyncSession, tip_id: int) -> list[TipEvent]:
    rows = await session.scalars(select(TipEvent).where(TipEvent.tip_id == tip_id).order_by(TipEvent.id))
    return list(rows.all())
