"""The task force's figures for a period: cross-tables computed in SQL (``db/repositories/stats.py``), as plain data
that `/stats`, `tipline stats`, the monthly report and a web desk all render.

Tables (rows x columns; "none" is "not given"):
- ``regency_month``: tips per regency and month (WITA);
- ``category_outcome``: tips per category and outcome ("open" while not closed);
- ``minors``: per category, tips, tips with someone under 18, under-18s recorded by staff;
- ``destinations``: per destination, tips and victims recorded;
- ``transit``: per transit point, tips naming it;
- ``outcomes``: per outcome of closed tips, tips, victims and under-18s (departures stopped, people rescued...);
- ``clocks``: per priority, both clocks (first response and resolution): counts, late counts and medians.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.access import StaffAccess
from bot.services.staff.model import StaffMember
from bot.services.triage.deadlines import wita
from bot.services.triage.status import Action
from db.repositories import audit as audit_repo
from db.repositories import stats as sql

Cell = int | float | None


@dataclass(frozen=True)
class Period:
    """Days in WITA: from ``start`` up to, not including, ``end``."""

    start: date
    end: date

    @property
    def utc_bounds(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time.min, tzinfo=wita()),
            datetime.combine(self.end, time.min, tzinfo=wita()),
        )

    def months(self) -> list[str]:
        return [label for label, _ in self.month_starts()]

    def month_starts(self) -> list[tuple[str, datetime]]:
        """Each month the period touches: its label and first instant in WITA (the period's start for the first)."""
        out, day = [], self.start.replace(day=1)
        while day < self.end:
            out.append((day.strftime("%Y-%m"), datetime.combine(max(day, self.start), time.min, tzinfo=wita())))
            day = (day + timedelta(days=32)).replace(day=1)
        return out

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        start = date(year, month, 1)
        return cls(start, (start + timedelta(days=32)).replace(day=1))

    @classmethod
    def last_months(cls, today: date, count: int = 12) -> Period:
        """The ``count`` months up to and including this one."""
        start = today.replace(day=1)
        for _ in range(count - 1):
            start = (start - timedelta(days=1)).replace(day=1)
        return cls(start, (today.replace(day=1) + timedelta(days=32)).replace(day=1))


@dataclass
class Table:
    name: str
    rows: list[str]
    cols: list[str]
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)

    def get(self, row: str, col: str) -> Cell:
        return self.cells.get((row, col), 0)

    def row_total(self, row: str) -> int:
        return sum(int(v) for (r, _), v in self.cells.items() if r == row and isinstance(v, int))

    def col_total(self, col: str) -> int:
        return sum(int(v) for (_, c), v in self.cells.items() if c == col and isinstance(v, int))


@dataclass
class Figures:
    period: Period
    totals: dict[str, int]
    tables: dict[str, Table]


CLOCK_COLUMNS = [
    "tips",
    "responded",
    "median_response_min",
    "responded_late",
    "waiting",
    "waiting_late",
    "closed",
    "median_close_h",
    "closed_late",
    "open_late",
]
MINOR_COLUMNS = ["tips", "with_minors", "minors_recorded"]


def _table(name: str, cells: Mapping[tuple[str, str], Cell], cols: list[str] | None = None) -> Table:
    """Rows most first (by their first column's total), columns as given or in order of appearance."""
    columns = cols or sorted({c for _, c in cells})
    rows = sorted({r for r, _ in cells}, key=lambda r: (-sum(int(v or 0) for (x, _), v in cells.items() if x == r), r))
    return Table(name, rows, columns, dict(cells))


async def compute(session: AsyncSession, period: Period, now: datetime) -> Figures:
    """Every figure for tips received in ``period`` (no role check: ``StatsService.figures`` is the staff door)."""
    start, end = period.utc_bounds
    await sql.without_jit(session)
    tables = {
        "regency_month": _table(
            "regency_month", await sql.regency_by_month(session, start, end, period.month_starts()), period.months()
        ),
        "category_outcome": _table("category_outcome", await sql.category_by_outcome(session, start, end)),
        "minors": _table("minors", await sql.minors_by_category(session, start, end), MINOR_COLUMNS),
        "destinations": _table("destinations", await sql.destinations(session, start, end), ["tips", "victims"]),
        "transit": _table("transit", await sql.transit_points(session, start, end), ["tips"]),
        "outcomes": _table("outcomes", await sql.outcomes(session, start, end), ["tips", "victims", "minors"]),
    }
    clocks = await sql.clocks_by_priority(session, start, end, now)
    tables["clocks"] = Table("clocks", sorted({p for p, _ in clocks}), CLOCK_COLUMNS, clocks)
    return Figures(period, await sql.totals(session, start, end), tables)


class StatsService(StaffAccess):
    async def figures(self, session: AsyncSession, actor: StaffMember, period: Period) -> Figures:
        """The figures for staff (any role: they are counts), audited."""
        await self._guarded(session, actor, Action.VIEW, None)
        figures = await compute(session, period, self._clock())
        self._audit(session, actor, "stats", detail={"from": period.start.isoformat(), "to": period.end.isoformat()})
        await session.flush()
        return figures


def audit_cli(session: AsyncSession, action: str, now: datetime, detail: dict) -> None:
    """The command line's figures and reports are audited like staff reads."""
    audit_repo.append(session, action=action, now=now, staff_id=None, actor="cli", detail=detail)
