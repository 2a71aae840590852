"""The whole bot under a crowd: Tipline as its own process (`tipline run`) against a fake Bot API server, and in the
same run a bare aiogram echo bot against the same server, for a yardstick.

    .venv/bin/python bench/bench_bot.py [--workloads start,mix,reports] [--burst 2000] [--reporters 300]
                                        [--database sqlite|postgresql+asyncpg://USER@HOST:PORT/DB] [--workers 1,2,4]
                                        [--runs 1]

Workloads:
- start: ``--burst`` new people each send /start, all at once.
- mix: ``--burst`` people each send one thing, all at once: a free-text question (advice), a recruiter check
  (/cekpt NAME), a main-menu button with the bot's real callback data, or /start.
- reports: ``--reporters`` people file a whole report at once, each answering the bot's questions as they come
  (bot.emulator.scripted), 16 updates each. The echo bot cannot file a report: its yardstick is as many people
  each sending the same 16 updates in kind (5 typed, 11 button presses, in a report's order), each waiting for the
  answer as a reporter waits for the next question.

--workers runs the reports workload again in webhook mode with that many worker processes (PostgreSQL only; the
server given by --database gets a new database for every run).

--runs N runs every workload N times, the echo bot and Tipline in turn, and prints a row for each run and then
the medians over the runs (updates/s, the ratio, CPU, p50 and p95; unanswered and failures summed, RSS the
highest). On a shared two-core machine the echo bot's own speed moves by a third between runs of the same command,
so one run's p95 says little; the median of five says what the code does.

For each: updates handled per second, CPU time of the bot's process per update, reply latency (p50/p95: from an
update being available to the bot's first answer to it), updates left unanswered, failures in the bot's log while
the workload ran, and the bot process's peak RSS. Failures logged after the bot was told to stop are printed below the
table instead: the echo bot answers a button with two calls and the workload ends at the first, so its second calls
are still in flight when it is stopped, and aiogram logs each one the stop cuts short. Every workload also gives
Tipline's updates/s as a ratio of the echo bot's. Below the table, Tipline's reports: the three steps of a report
with the highest p95, and how many of the run's slowest 5% of answers each holds (in a crowd that moves in step,
which step's wave sets the p95).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bot_results import TABLE_HEADER, Result, median_row
from bench.crowd import burst, echo_reports, reports
from bench.fake_telegram import TOKEN, FakeTelegram
from bot.config import generate_data_key, generate_pepper

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TIPLINE = str(Path(PYTHON).with_name("tipline"))
STAFF_GROUP = -1001234567890
TICKS = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


class BotProcess:
    """A bot as a process of its own (or a supervisor and its workers), with CPU time and peak memory read from
    /proc."""

    def __init__(self, kind: str, server_url: str, workdir: Path, database: str, *, workers: int = 0) -> None:
        self.kind = kind
        self.workers = workers  # 0: long polling; N: webhook with N workers
        self.log = workdir / f"{kind}.log"
        env = {
            **os.environ,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": server_url,
            "LOG_LEVEL": "WARNING",
        }
        if kind == "echo":
            self.cmd = [PYTHON, str(ROOT / "bench" / "echo_bot.py")]
        else:
            env.update(
                TIPLINE_ENV="development",  # the demo registry (for recruiter checks) is refused in production
                DATA_KEYS=generate_data_key("b1"),
                PEPPER=generate_pepper(),
                DATABASE_URL=database,
                STAFF_CHAT_ID=str(STAFF_GROUP),
                EVIDENCE_DIR=str(workdir / "evidence"),
            )
            subprocess.run([TIPLINE, "db", "upgrade"], env=env, check=True, capture_output=True)
            subprocess.run([TIPLINE, "registry", "import", "--demo"], env=env, check=True, capture_output=True)
            self.cmd = [TIPLINE, "run"]
            if workers:
                port = _free_port()
                env.update(
                    WORKERS=str(workers),
                    WEBHOOK_URL=f"http://127.0.0.1:{port}",
                    WEBHOOK_SECRET="bench-webhook-secret",
                    WEBHOOK_HOST="127.0.0.1",
                    WEBHOOK_PORT=str(port),
                )
                self.cmd = [TIPLINE, "run", "--webhook"]
        self.env = env
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=self.log.open("w"))

    def _pids(self) -> list[int]:
        assert self.proc is not None
        return [self.proc.pid, *_children(self.proc.pid)]

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self._pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])
        return total / TICKS

    def peak_rss_mib(self) -> float:
        """The largest process's peak (each worker is its own process)."""
        peak = 0.0
        for pid in self._pids():
            try:
                lines = Path(f"/proc/{pid}/status").read_text().splitlines()
            except OSError:
                continue
            for line in lines:
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        return peak

    def failures(self) -> int:
        """ERROR and traceback lines in the bot's log so far."""
        text = self.log.read_text(errors="replace")
        return sum(1 for line in text.splitlines() if " ERROR " in line or "Traceback" in line)

    def stop(self) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


async def _wait_ready(server: FakeTelegram, bot: BotProcess, timeout: float = 60) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    ready = "setwebhook" if bot.workers else "getupdates"
    # One worker runs in the supervising process itself; more are its children.
    while server.calls.get(ready, 0) == 0 or (bot.workers > 1 and len(_children(bot.proc.pid)) < bot.workers):
        if bot.proc is not None and bot.proc.poll() is not None:
            raise RuntimeError(f"{bot.kind} exited at start:\n{bot.log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{bot.kind} did not start:\n{bot.log.read_text()[-3000:]}")
        await asyncio.sleep(0.05)


async def _fresh_database(args, workdir: Path, name: str) -> str:
    """A new database for each run: a file beside the others, or a new PostgreSQL database on the given server."""
    if args.database == "sqlite":
        return f"sqlite+aiosqlite:///{workdir / f'{name}.db'}"
    import asyncpg

    server = args.database
    admin = server.replace("postgresql+asyncpg://", "postgresql://")
    database = f"bench_{name}_{os.getpid()}_{int(time.time() * 1000) % 10**9}".replace("-", "_")
    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'CREATE DATABASE "{database}"')
    finally:
        await conn.close()
    return server.rsplit("/", 1)[0] + "/" + database


async def _drop_database(args, database: str) -> None:
    """The run's PostgreSQL database dropped once its bot has stopped (left behind, hundreds pile up on the server
    and its background work grows with them). SQLite's file goes with the run's folder."""
    if args.database == "sqlite":
        return
    import asyncpg

    name = database.rsplit("/", 1)[1]
    try:
        conn = await asyncpg.connect(args.database.replace("postgresql+asyncpg://", "postgresql://"))
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        finally:
            await conn.close()
    except (OSError, asyncpg.PostgresError) as exc:  # the figures stand; say what is left behind
        print(f"database {name} not dropped: {type(exc).__name__}", file=sys.stderr)


async def run_workload(kind: str, bot_kind: str, args, workdir: Path, workers: int = 0, run: int = 0) -> Result:
    server = FakeTelegram(keep_texts=kind == "reports")
    url = await server.start()
    # the run's number in the name: a second run on the first one's SQLite file would find every update id already
    # handled (the fake server counts from 1 again) and rightly answer none of them
    database = await _fresh_database(args, workdir, f"{kind}_{bot_kind}_{workers}_{run}")
    bot = BotProcess(bot_kind, url, workdir, database, workers=workers)
    bot.start()
    try:
        await _wait_ready(server, bot)
        await asyncio.sleep(2.0 if workers else 0.5)  # start-up done (workers listening)
        cpu_before = bot.cpu_seconds()
        by_step: dict[str, list[float]] = {}
        if kind == "reports" and bot_kind == "tipline":
            updates, seconds, latencies, unanswered = await reports(
                server, args.reporters, args.timeout, by_step=by_step
            )
        elif kind == "reports":
            updates, seconds, latencies, unanswered = await echo_reports(server, args.reporters, args.timeout)
        else:
            updates, seconds, latencies, unanswered = await burst(
                server, kind, args.burst, random.Random(7), args.timeout
            )
        cpu = bot.cpu_seconds() - cpu_before
        rss = bot.peak_rss_mib()
        failures = bot.failures()
    finally:
        bot.stop()
        await server.stop()
        await _drop_database(args, database)
    label = f"{kind} (webhook, {workers} worker{'s' if workers > 1 else ''})" if workers else kind
    at_stop = bot.failures() - failures
    return Result(bot_kind, label, updates, seconds, cpu, latencies, unanswered, failures, rss, at_stop, by_step)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workloads", default="start,mix,reports")
    parser.add_argument("--burst", type=int, default=2000)
    parser.add_argument("--reporters", type=int, default=300)
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--runs", type=int, default=1, help="run every workload this many times and add the medians")
    parser.add_argument(
        "--workers",
        default="",
        help="also run the reports workload in webhook mode with these worker counts, e.g. 1,2,4 (PostgreSQL)",
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tipline-bench-"))
    print(
        f"bench_bot: {os.cpu_count()} cores, database {args.database.split('://')[0]}, burst {args.burst}, "
        f"reporters {args.reporters}, {args.runs} run{'s' if args.runs > 1 else ''}"
    )
    print(TABLE_HEADER)
    results: list[Result] = []
    medians: list[str] = []
    try:
        for kind in [k for k in args.workloads.split(",") if k.strip()]:
            echoes: list[Result] = []
            ours_runs: list[Result] = []
            ratios: list[float] = []
            for run in range(args.runs):
                echo = await run_workload(kind, "echo", args, workdir, run=run)
                echoes.append(echo)
                print(echo.row("1.00"), flush=True)
                ours = await run_workload(kind, "tipline", args, workdir, run=run)
                ours_runs.append(ours)
                ratios.append(ours.per_second / echo.per_second if echo.per_second else 0.0)
                print(ours.row(f"{ratios[-1]:.2f}"), flush=True)
            results += echoes + ours_runs
            if args.runs > 1:
                medians += [median_row(echoes, None), median_row(ours_runs, ratios)]
        for workers in [int(n) for n in args.workers.split(",") if n.strip()]:
            results.append(await run_workload("reports", "tipline", args, workdir, workers=workers))
            print(results[-1].row("-"), flush=True)
        for row in medians:
            print(row)
        for result in results:
            if result.by_step:
                print(f"{result.bot}, {result.workload}, slowest steps: {result.slowest_steps()}")
        for result in results:
            if result.failures_at_stop:
                print(f"{result.bot}, {result.workload}: {result.failures_at_stop} failure lines logged after the stop")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
