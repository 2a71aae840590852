"""The figures computed in SQL equal a plain recomputation in Python over the same rows, on random data (on SQLite,
and on PostgreSQL when the suite runs there)."""

from __future__ import annotations

import random
import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.services.staff.clocks import resolve_by
from bot.services.staff.stats import Period, compute
from bot.services.triage.deadlines import deadline, wita
from db.models.tips import Tip

NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
REGENCIES = ["kota_kupang", "belu", "tts", "sikka", None]
CATEGORIES = ["recruitment_fraud", "child_exploitation", "forced_labour", None]
OUTCOMES = ["departure_stopped", "people_rescued", "duplicate", "actioned", None]
TRANSIT = ["el_tari", "tenau", "nunukan", "entikong"]


def random_tip(rng: random.Random, n: int) -> Tip:
    # Around month ends in WITA too: 16:00-23:59 UTC on the last day is already the next month in Kupang.
    created = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 80 * 24 * 60))
    priority = rng.choice(["P1", "P2", "P3", "P4"])
    closed = rng.random() < 0.5
    responded = closed or rng.random() < 0.6
    first = created + timedelta(minutes=rng.choice([1, 20, 45, 600, 3000, 20000])) if responded else None
    closed_at = (first or created) + timedelta(hours=rng.choice([1, 30, 200, 2000])) if closed else None
    victims = rng.choice([None, 0, 1, 3, 12])
    return Tip(
        case_number=f"TPPO-2026-{n:05d}",
        receipt_hash=f"r{n}",
        draft_ref=f"d{n}",
        kind=rng.choice(["tip"] * 9 + ["question"]),
        status="closed" if closed else rng.choice(["new", "in_review", "awaiting_reporter", "referred"]),
        priority=priority,
        category=rng.choice(CATEGORIES),
        regency=rng.choice(REGENCIES),
        minors=rng.choice(["yes", "no", "unknown", None]),
        lang="id",
        answers=b"x",
        created_at=created,
        updated_at=created,
        deadline_at=deadline(priority, created),
        first_response_at=first,
        closed_at=closed_at,
        outcome=rng.choice(OUTCOMES) if closed else None,
        victims=victims,
        victims_minors=None if victims is None else rng.randint(0, victims),
        destination=rng.choice(["MY", "ID-KB", None]),
        transit_points=rng.choice([None, [], [rng.choice(TRANSIT)], rng.sample(TRANSIT, 2)]),
    )


def key(value) -> str:
    return "none" if value in (None, "") else str(value)


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def python_figures(tips: list[Tip], period: Period, now: datetime) -> dict:
    start, end = period.utc_bounds
    tips = [t for t in tips if t.kind == "tip" and start <= t.created_at < end]
    out: dict[str, Counter | dict] = {}
    out["regency_month"] = Counter((key(t.regency), t.created_at.astimezone(wita()).strftime("%Y-%m")) for t in tips)
    out["category_outcome"] = Counter(
        (key(t.category), "open" if t.status != "closed" else key(t.outcome)) for t in tips
    )
    minors, dest, transit, outcomes = Counter(), Counter(), Counter(), Counter()
    for t in tips:
        child = (t.victims_minors or 0) > 0 if t.victims_minors is not None else t.minors == "yes"
        minors[(key(t.category), "tips")] += 1
        minors[(key(t.category), "with_minors")] += int(child)
        minors[(key(t.category), "minors_recorded")] += t.victims_minors or 0
        dest[(key(t.destination), "tips")] += 1
        dest[(key(t.destination), "victims")] += t.victims or 0
        for code in set(t.transit_points or []):
            transit[(code, "tips")] += 1
        if t.status == "closed":
            outcomes[(key(t.outcome), "tips")] += 1
            outcomes[(key(t.outcome), "victims")] += t.victims or 0
            outcomes[(key(t.outcome), "minors")] += t.victims_minors or 0
    out.update(minors=minors, destinations=dest, transit=transit, outcomes=outcomes)
    clocks: dict = {}
    for p in sorted({t.priority for t in tips}):
        mine = [t for t in tips if t.priority == p]
        responded = [t for t in mine if t.first_response_at]
        closed = [t for t in mine if t.closed_at]
        waiting = [t for t in mine if not t.first_response_at and t.status != "closed"]
        clocks[(p, "tips")] = len(mine)
        clocks[(p, "responded")] = len(responded)
        clocks[(p, "responded_late")] = sum(t.first_response_at > t.deadline_at for t in responded)
        clocks[(p, "waiting")] = len(waiting)
        clocks[(p, "waiting_late")] = sum(t.deadline_at < now for t in waiting)
        clocks[(p, "closed")] = len(closed)
        clocks[(p, "closed_late")] = sum(t.closed_at > resolve_by(p, t.created_at) for t in closed)
        clocks[(p, "open_late")] = sum(t.status != "closed" and resolve_by(p, t.created_at) < now for t in mine)
        m = median([round((t.first_response_at - t.created_at).total_seconds()) for t in responded])
        clocks[(p, "median_response_min")] = None if m is None else round(m / 60, 1)
        m = median([round((t.closed_at - t.created_at).total_seconds()) for t in closed])
        clocks[(p, "median_close_h")] = None if m is None else round(m / 3600, 1)
    out["clocks"] = clocks
    return out


async def test_sql_figures_equal_a_plain_recomputation_on_random_data(session_factory):
    for seed in (1, 2, 3):
        rng = random.Random(seed)
        async with session_factory() as session:
            base = 1000 * seed
            session.add_all(random_tip(rng, base + n) for n in range(300))
            await session.commit()
            tips = list((await session.scalars(select(Tip))).all())
            for period in (Period(date(2026, 1, 1), date(2026, 4, 1)), Period.month(2026, 2)):
                figures = await compute(session, period, NOW)
                expected = python_figures(tips, period, NOW)
                for name, cells in expected.items():
                    table = figures.tables[name]
                    got = {k: v for k, v in table.cells.items() if v not in (0, None)}
                    want = {k: v for k, v in cells.items() if v not in (0, None)}
                    assert got == want, (seed, name)
                assert figures.totals["tips"] == sum(expected["clocks"][(p, "tips")] for p in table.rows)
