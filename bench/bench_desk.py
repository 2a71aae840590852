"""The web desk's pages, timed as a browser gets them (HTTP on loopback through aiohttp's client), over a SQLite
database of generated tips: sign-in check, the queue, a search by case number and by phone, a case page, the
figures and their chart.

    .venv/bin/python bench/bench_desk.py [--tips 300] [--rounds 30]

Each page is requested ``--rounds`` times after one warm-up; median and p95 in ms. Every request is a whole unit of
work: session look-up, role check, the query, the audit line, the commit.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_app, build_desk_app, desk_logins
from bot.config import generate_data_key, generate_pepper, load_settings
from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.staff.directory import add_staff
from db.repositories import staff as staff_repo

REGENCIES = ("kota_kupang", "kupang", "belu", "tts", "sumba_barat_daya", "flores_timur", "malaka", "alor")
ADMIN = 900001


def draft(i: int) -> Draft:
    d = Draft(lang="id", danger_now="no", category="recruitment_fraud", regency=REGENCIES[i % len(REGENCIES)])
    d.story.append(f"Calo nomor {i} menjanjikan kerja di Malaysia, hp 0812-{1000 + i % 900:04d}-{i % 9000:04d}.")
    d.recruiter = f"Pak Yohanes Bench {i % 97}"
    d.contact = "anonymous"
    return d


async def main(tips: int, rounds: int) -> int:
    with tempfile.TemporaryDirectory() as folder:
        settings = load_settings(
            TIPLINE_ENV="development",
            database_url=f"sqlite+aiosqlite:///{Path(folder) / 'desk.db'}",
            data_keys=generate_data_key(),
            pepper=generate_pepper(),
            evidence_dir=Path(folder) / "evidence",
        )
        app = await build_app(settings)
        try:
            intake = IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=10**9)
            started = time.perf_counter()
            async with app.session_factory() as session:
                await add_staff(session, ADMIN, "admin", "Bench")
            cases = []
            for i in range(tips):
                async with app.session_factory() as session:
                    cases.append((await intake.submit(session, draft(i), pseudonym="")).case_number)
                    await session.commit()
            print(f"{tips} tips filed in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            async with app.session_factory() as session:
                member = await staff_repo.get_active(session, ADMIN)
                assert member is not None
                code = await desk_logins(app).issue_code(session, member)
                await session.commit()
            client = TestClient(TestServer(build_desk_app(app)))
            await client.start_server()
            try:
                assert (await client.post(f"/login/{code}", allow_redirects=False)).status == 303
                pages = {
                    "queue (page 1)": "/queue",
                    "queue (page 5, P3, one regency)": "/queue?priority=P3&regency=belu&page=5",
                    "search by case number": f"/queue?q={cases[len(cases) // 2]}",
                    "search by phone": "/queue?q=0812-1005-0005",
                    "case page": f"/case/{cases[len(cases) // 2]}",
                    "figures (12 months)": "/figures",
                    "chart (SVG)": "/figures/chart.svg",
                }
                print(f"{'page':34} {'median ms':>10} {'p95 ms':>8}")
                for name, path in pages.items():
                    times = []
                    for n in range(rounds + 1):
                        t0 = time.perf_counter()
                        response = await client.get(path)
                        await response.read()
                        assert response.status == 200, (path, response.status)
                        if n:
                            times.append((time.perf_counter() - t0) * 1000)
                    times.sort()
                    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                    print(f"{name:34} {statistics.median(times):10.1f} {p95:8.1f}")
            finally:
                await client.close()
        finally:
            await app.close()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.tips, args.rounds)))
