"""The staff queries use the indexes made for them (bench/bench_data.py times them at a million tips): the database's
own plan for each is read (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans discouraged, as
its planner rightly prefers them on a table this small). A change that stops a query from using its index (a
bound parameter where the partial index needs the literal, a new condition the index cannot serve) fails here."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, text

from bot.services.privacy import Cipher
from bot.services.staff.export import export_rows
from bot.services.staff.model import QueueFilter
from bot.services.staff.stats import Period, compute
from db.models.staff import TipLinkKey
from db.models.tips import Tip
from db.repositories import cases as repo
from db.repositories import links
from db.repositories import stats as sql

NOW = datetime(2026, 6, 1, 3, 0, tzinfo=UTC)


def _tip(n: int, status: str = "new") -> Tip:
    created = NOW - timedelta(hours=n)
    return Tip(
        case_number=f"TPPO-2026-{n:05d}",
        receipt_hash=f"r{n}",
        draft_ref=f"d{n}",
        status=status,
        priority="P2",
        lang="id",
        answers=b"x",
        created_at=created,
        updated_at=created,
        deadline_at=created + timedelta(hours=24),
        first_response_at=created + timedelta(minutes=n) if n % 2 else None,
        closed_at=created + timedelta(hours=2) if status == "closed" else None,
    )


async def _plans(session, run) -> list[tuple[str, str]]:
    """(statement, plan text) of every SELECT ``run`` makes."""
    connection = await session.connection()
    captured: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            captured.append((statement, parameters))

    engine = connection.sync_engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        await run()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    out = []
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        await session.execute(text("SET enable_seqscan = off"))
    for statement, parameters in captured:
        if postgres:
            result = await connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters)
            plan = json.dumps(result.scalar())
        else:
            result = await connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plan = "\n".join(str(row[-1]) for row in result.all())
        out.append((statement, plan))
    if postgres:
        await session.execute(text("RESET enable_seqscan"))
    return out


async def _drain(rows) -> None:
    async for _ in rows:
        pass


def _uses(plan: str, index: str) -> bool:
    return index in plan


def _full_scan_of_tips(plan: str) -> bool:
    """A scan of the whole tips table (SQLite "SCAN tips" without an index; PostgreSQL a Seq Scan on tips)."""
    lines = plan.splitlines()
    sqlite_scan = any(line.strip() == "SCAN tips" for line in lines)
    return sqlite_scan or ('"Seq Scan"' in plan and '"Relation Name": "tips"' in plan)


@pytest.fixture
async def filled(session_factory):
    async with session_factory() as session:
        session.add_all(_tip(n, "closed" if n % 3 == 0 else "new") for n in range(1, 61))
        await session.flush()
        session.add_all(TipLinkKey(tip_id=n, kind="phone", key_hash=f"h{n % 5}") for n in range(1, 61))
        await session.commit()
    return session_factory


async def test_each_staff_query_uses_its_index(filled):
    async with filled() as session:
        checks = {
            "queue page": (
                lambda: repo.queue(session, QueueFilter(), None, NOW, offset=0, limit=20),
                "ix_tips_open_queue",
            ),
            "queue with a regency and priority": (
                lambda: repo.queue(session, QueueFilter(priority="P2", regency="belu"), None, NOW, offset=0, limit=20),
                "ix_tips_open_regency",
            ),
            "queue with a regency, a priority and under 18": (
                lambda: repo.queue(
                    session, QueueFilter(priority="P2", regency="belu", minors=True), None, NOW, offset=0, limit=20
                ),
                "ix_tips_open_regency",
            ),
            "no first response in time": (
                lambda: repo.response_late_tips(session, NOW, 20),
                "ix_tips_open_unanswered",
            ),
            "open past the resolution time": (
                lambda: repo.resolution_late_tips(session, NOW, 20),
                # One time per priority, OR-ed: PostgreSQL reads every open tip from either partial index on open
                # tips (the same entries); never a closed one.
                "ix_tips_open_queue" if session.bind.dialect.name == "sqlite" else "ix_tips_open_",
            ),
            "related tips": (lambda: links.related(session, 7, 20), "ix_tip_link_keys_hash_tip"),
            "how many tips name the recruiter, for /tip": (
                lambda: links.tips_sharing_count(session, 7),
                "ix_tip_link_keys_hash_tip",
            ),
            "how many tips name each key, as a tip is filed": (
                lambda: links.counts_sharing(session, ["h1", "h2"]),
                "ix_tip_link_keys_hash_tip",
            ),
            "a busy recruiter's open tips still below P2, as a tip is filed": (
                lambda: links.open_tips_sharing(session, ["h1"], exclude=7, priorities=("P3", "P4")),
                "ix_tips_open_queue",
            ),
            "... matched against the recruiter's key entries": (
                lambda: links.open_tips_sharing(session, ["h1"], exclude=7, priorities=("P3", "P4")),
                "ix_tip_link_keys_hash_tip",
            ),
            "a case by its number alone": (lambda: repo.tip_by_case(session, "42"), "case_number"),
            "figures of a month": (
                lambda: sql.regency_by_month(
                    session,
                    *Period(date(2026, 5, 1), date(2026, 6, 1)).utc_bounds,
                    Period.month(2026, 5).month_starts(),
                ),
                "ix_tips_figures" if session.bind.dialect.name == "sqlite" else "ix_tips_",
            ),
            "every figure of a month": (
                lambda: compute(session, Period(date(2026, 5, 1), date(2026, 6, 1)), NOW),
                "every statement: ix_tips_figures",
            ),
            "a month's export": (
                lambda: _drain(
                    export_rows(
                        session, Cipher({"k": bytes(32)}), now=NOW, since=date(2026, 5, 1), until=date(2026, 5, 31)
                    )
                ),
                "created_at",
            ),
            "both clocks of a month": (
                lambda: sql.clocks_by_priority(session, *Period(date(2026, 5, 1), date(2026, 6, 1)).utc_bounds, NOW),
                "ix_tips_figures" if session.bind.dialect.name == "sqlite" else "ix_tips_",
            ),
        }
        for name, (run, index) in checks.items():
            plans = await _plans(session, run)
            assert plans, name
            if index == "every statement: ix_tips_figures":
                # The period's rows come from the covering index alone, or (the transit points, which are JSON, and
                # PostgreSQL when it judges so by cost) through the range of ix_tips_created_at, and the medians
                # from one priority's part of their partial indexes: never the whole table.
                wanted = ("ix_tips_figures", "ix_tips_created_at", "ix_tips_responded", "ix_tips_resolved")
                for statement, plan in plans:
                    assert any(_uses(plan, w) for w in wanted), f"{name}: {wanted} not used\n{statement}\n{plan}"
                medians = [(st, plan) for st, plan in plans if "OFFSET" in st and "IS NOT NULL" in st]
                assert len(medians) >= 2, name
                for statement, plan in medians:
                    assert _uses(plan, "ix_tips_responded") or _uses(plan, "ix_tips_resolved"), f"{statement}\n{plan}"
                continue
            for statement, plan in plans:
                assert not _full_scan_of_tips(plan), f"{name}: a full scan of tips\n{statement}\n{plan}"
                if index == "ix_tips_open_regency":  # not every tip of the regency, open or closed (issue 15)
                    assert not _uses(plan, "ix_tips_regency"), f"{name}: the regency's every tip\n{statement}\n{plan}"
            assert any(_uses(plan, index) for _, plan in plans), f"{name}: {index} not used\n{plans}"
