"""The staff side at scale: a million generated tips on SQLite or PostgreSQL, every staff query measured.

    .venv/bin/python bench/bench_data.py [--tips 1000000] [--db URL] [--rounds 20]

Default database: SQLite in data/bench/tips-<N>.db (made once, then reused). For PostgreSQL give
``--db postgresql+asyncpg://postgres@127.0.0.1:PORT/tipline_bench`` (the database is created if missing).

The data is shaped like the real thing, only longer: about 200 tips a day back from today (a million tips is
fourteen years); old tips are closed, recent ones open; regencies, recruiters, phones and transit points are
skewed (Zipf): the busiest recruiter and places are in thousands of tips. Each query is the one the bot runs
(``CaseService``, ``compute``, ``export_rows``, ``IntakeService.submit``), timed over ``--rounds`` runs: median
and p95 in ms, against the targets of issue 15. The export's memory is traced (tracemalloc) for a month and for a
year: in constant memory the two peaks are alike.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.engine import make_url

from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService, tip_facts
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.cases import CaseService
from bot.services.staff.export import export_rows, write_csv
from bot.services.staff.model import QueueFilter, StaffMember
from bot.services.staff.stats import Period, compute
from bot.services.triage.deadlines import wita
from bot.services.triage.scoring import score_tip
from bot.services.triage.status import Role
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database
from db.models.staff import TipLinkKey
from db.models.tips import Tip

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: bench/ is on the path, the repository's root is not

from bench.tipdata import KEYS, NOW, PEPPER, STAFF, generate, phone_number, recruiter_name  # noqa: E402

TARGETS_MS = {"queue": 50, "tip": 100, "overdue": 50, "stats": 1000, "export month": 3000, "file a tip": 50}


async def timed(rounds: int, run: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    await run()  # warm: the first run pays for caches and prepared statements
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        await run()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


async def measure(url: str, rounds: int, only: list[str] | None = None) -> list[tuple[str, str, float, float]]:
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    cipher, pseudonymizer = Cipher(KEYS), Pseudonymizer(PEPPER)
    clock = lambda: NOW  # noqa: E731
    cases = CaseService(cipher=cipher, clock=clock, pseudonymizer=pseudonymizer)
    admin = StaffMember(STAFF[0][0], Role.ADMIN, "Staf 0")
    busy = StaffMember(STAFF[0][0], Role.TRIAGER, "Staf 0")
    results: list[tuple[str, str, float, float]] = []

    async with sessions() as session:
        total = await session.scalar(select(func.count()).select_from(Tip))
        open_count = await session.scalar(select(func.count()).select_from(Tip).where(Tip.status != "closed"))
        heavy_name = await session.scalar(
            select(TipLinkKey.key_hash).where(TipLinkKey.kind == "name").group_by(TipLinkKey.key_hash)
            .order_by(func.count().desc()).limit(1)
        )  # fmt: skip
        heavy_count = await session.scalar(select(func.count()).where(TipLinkKey.key_hash == heavy_name))
        heavy_tip = await session.scalar(select(func.max(TipLinkKey.tip_id)).where(TipLinkKey.key_hash == heavy_name))
        plain_tip = await session.scalar(select(func.max(Tip.id)))
    print(f"  {total:,} tips, {open_count:,} open; busiest recruiter in {heavy_count:,} tips", file=sys.stderr)

    def chosen(label: str) -> bool:
        return not only or any(part.lower() in label.lower() for part in only)

    async def run(label: str, target: str, fn: Callable[[object], Awaitable[object]], n: int = rounds) -> None:
        if not chosen(label):
            return

        async def once():
            async with sessions() as session:
                result = await fn(session)
                await session.rollback()  # reads are audited: nothing of the bench stays
                return result

        median, p95 = await timed(n, once)
        results.append((label, target, median, p95))
        print(f"  {label:<52} median {median:8.1f} ms   p95 {p95:8.1f} ms", file=sys.stderr)

    await run("queue page 1 (open tips)", "queue", lambda s: cases.queue(s, admin, QueueFilter(), 1))
    await run("queue page 5", "queue", lambda s: cases.queue(s, admin, QueueFilter(), 5))
    await run(
        "queue P2 + regency + under 18",
        "queue",
        lambda s: cases.queue(s, admin, QueueFilter(priority="P2", regency="kota_kupang", minors=True), 1),
    )
    await run("queue mine", "queue", lambda s: cases.queue(s, busy, QueueFilter(mine=True), 1))
    await run("queue late (either clock)", "queue", lambda s: cases.queue(s, admin, QueueFilter(late=True), 1))

    async def search(session, text_):
        found = await cases.search(session, admin, text_)
        return await cases.queue(session, admin, QueueFilter(search=found), 1)

    await run("search: busiest recruiter's phone", "queue", lambda s: search(s, phone_number(0)))
    await run("search: a recruiter's name", "queue", lambda s: search(s, recruiter_name(0)))
    await run("search: a transit point", "queue", lambda s: search(s, "Pelabuhan Tenau"))
    await run("search: a case number", "queue", lambda s: search(s, "TPPO-2026-00042"))
    await run(
        f"/tip: tip of the busiest recruiter ({heavy_count:,} tips)", "tip", lambda s: cases.view(s, admin, heavy_tip)
    )
    await run("/tip: the newest tip", "tip", lambda s: cases.view(s, admin, plain_tip))
    await run("/overdue (both clocks)", "overdue", lambda s: cases.overdue(s, admin))
    await run("/caseload", "overdue", lambda s: cases.caseload(s, admin))
    await run("/handover", "overdue", lambda s: cases.handover(s, admin, record=False))
    today = NOW.astimezone(wita()).date()
    await run(
        "stats: last 12 months", "stats", lambda s: compute(s, Period.last_months(today), NOW), max(3, rounds // 4)
    )
    await run("stats: one month", "stats", lambda s: compute(s, Period.month(2026, 10), NOW), max(3, rounds // 4))
    await run("stats: all time (14 years)", "", lambda s: compute(s, Period(date(2000, 1, 1), today), NOW), 1)

    # Timed without tracing (tracemalloc slows every allocation); the memory peak from one traced run each.
    memory = {}
    for label, since, until in (
        ("export a month (CSV)", date(2026, 10, 1), date(2026, 10, 31)),
        ("export a year (CSV)", date(2025, 11, 1), date(2026, 10, 31)),
    ):

        async def export(session, since=since, until=until):
            return await write_csv(export_rows(session, cipher, now=NOW, since=since, until=until), _Null(), False)

        await run(label, "export month" if "month" in label else "", export, 3 if "month" in label else 1)
        if not chosen(label):
            continue
        tracemalloc.start()
        async with sessions() as session:
            await export(session)
        memory[label] = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    for label, peak in memory.items():
        print(f"  {label:<52} memory peak {peak:6.1f} MB (tracemalloc)", file=sys.stderr)

    service = IntakeService(cipher=cipher, pseudonymizer=pseudonymizer, max_per_day=10**9)
    counter = iter(range(10**9))

    def draft(recruiter: str) -> Draft:
        d = Draft(lang="id", danger_now="no", category="recruitment_fraud", regency="belu", recruiter=recruiter)
        d.story.append(f"Ada calo menawarkan kerja di Malaysia, nomornya 0812 {next(counter):07d}.")
        return d

    async def file_tip(session, recruiter):
        submitted = await service.submit(session, draft(recruiter), pseudonym="bench", now=NOW)
        await session.commit()
        return submitted

    filed: list[int] = []

    async def file_and_remember(session, recruiter):
        submitted = await file_tip(session, recruiter)
        filed.append(submitted.tip_id)

    async def score_only(_session):
        return score_tip(tip_facts(draft(f"Orang Baru {next(counter)}")))

    await run("triage scoring of a tip alone (no database)", "", score_only)
    await run("file a tip (new recruiter)", "file a tip", lambda s: file_and_remember(s, f"Orang Baru {next(counter)}"))
    await run(
        f"file a tip naming the busiest recruiter ({heavy_count:,} tips)",
        "file a tip",
        lambda s: file_and_remember(s, recruiter_name(0)),
        max(5, rounds // 2),
    )
    async with sessions() as session:  # the bench leaves the data as it found it
        await session.execute(delete(Tip).where(Tip.id.in_(filed)))
        await session.commit()
    await engine.dispose()
    return results


class _Null(io.TextIOBase):
    def write(self, s: str) -> int:
        return len(s)


async def ensure_postgres_database(url: str) -> None:
    import asyncpg

    parsed = make_url(url)
    admin = parsed.set(database="postgres").render_as_string(hide_password=False).replace("+asyncpg", "")
    conn = await asyncpg.connect(admin)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", parsed.database):
            await conn.execute(f'CREATE DATABASE "{parsed.database}"')
    finally:
        await conn.close()


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tips", type=int, default=1_000_000)
    parser.add_argument("--db", help="database URL (default: SQLite in data/bench/)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="measure only the queries whose label contains TEXT (repeatable), e.g. --only 'file a tip'",
    )
    args = parser.parse_args()
    url = args.db or f"sqlite+aiosqlite:///{ROOT}/data/bench/tips-{args.tips}.db"
    if url.startswith("postgresql"):
        await ensure_postgres_database(url)
    engine = make_engine(url)
    await upgrade_database(engine)
    async with make_session_factory(engine)() as session:
        have = await session.scalar(select(func.count()).select_from(Tip))
    await engine.dispose()
    if have and have != args.tips:
        print(f"  {url} holds {have:,} tips: remove it (or drop the database) to make {args.tips:,}", file=sys.stderr)
        return 2
    if not have:
        print(f"generating {args.tips:,} tips in {make_url(url).render_as_string()}", file=sys.stderr)
        await generate(url, args.tips)
    print(f"measuring ({make_url(url).get_backend_name()}, {args.rounds} rounds)", file=sys.stderr)
    results = await measure(url, args.rounds, args.only)
    failed = [(label, target, median) for label, target, median, _ in results if target and median > TARGETS_MS[target]]
    print("\ntarget (issue 15, at 1M tips): " + ", ".join(f"{k} < {v} ms" for k, v in TARGETS_MS.items()))
    for label, target, median in failed:
        print(f"  OVER TARGET: {label}: median {median:.1f} ms (target {TARGETS_MS[target]} ms)")
    if not failed:
        print("  every measured query is within its target")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
