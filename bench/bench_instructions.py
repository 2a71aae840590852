"""CPU instructions per update, Tipline and the bare aiogram echo bot, counted by valgrind's callgrind: a figure the
machine's load does not move (updates/s and CPU time on a shared two-core machine vary by half from run to run).

    .venv/bin/python bench/bench_instructions.py [--workloads start,mix,reports] [--updates 200] [--warm-up 100]
                                                 [--reporters 30] [--warm-up-reporters 5] [--database URL]

Each bot runs as in bench/bench_bot.py (its own process, long polling against the fake Bot API server), under
callgrind with instrumentation off: it starts and answers a warm-up burst at near full speed (models built on
first use, caches filled), then instrumentation is switched on for a burst of ``--updates`` new people and off
again, and the instructions counted in between are divided by the updates answered. "x echo" is the echo bot's
count over Tipline's: the share of the echo bot's speed Tipline would have if instructions were all that counted.
"reports" is bench_bot.py's workload of whole reports filed at once (``--reporters`` counted after
``--warm-up-reporters``): the cost of a report's every step, filing included; the echo bot's row is as many
people sending the same updates in kind (``bench.crowd.echo_reports``).
Needs valgrind (Debian's package ``valgrind``); about a minute per row.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_bot import BotProcess, _drop_database, _fresh_database, _wait_ready
from bench.crowd import burst, echo_reports, reports
from bench.fake_telegram import FakeTelegram

TIMEOUT = 1800  # seconds for a burst under callgrind


async def count(kind: str, bot_kind: str, updates: int, warm_up: int, workdir: Path, args) -> tuple[float, int]:
    """Instructions per update (millions) and the updates left unanswered. For "reports", ``updates`` and
    ``warm_up`` are numbers of reporters."""
    server = FakeTelegram(keep_texts=kind == "reports")
    url = await server.start()
    out = workdir / f"callgrind.{kind}.{bot_kind}"
    database = await _fresh_database(args, workdir, f"{kind}_{bot_kind}")
    bot = BotProcess(bot_kind, url, workdir, database)
    bot.cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}", *bot.cmd]
    bot.start()
    assert bot.proc is not None
    try:
        await _wait_ready(server, bot, timeout=600)
        rng = random.Random(7)
        # The echo bot cannot file a report: it goes through the same updates in kind (bench.crowd.echo_reports).
        journey = reports if bot_kind == "tipline" else echo_reports
        if kind == "reports":
            missed = (await journey(server, warm_up, TIMEOUT, first_user=5_000_000))[3]
        else:
            missed = (await burst(server, kind, warm_up, rng, TIMEOUT, first_user=5_000_000))[3]
        await asyncio.sleep(1.0)  # the warm-up's last sends answered and done
        await _control("--instr=on", bot.proc.pid)
        if kind == "reports":
            counted, _seconds, _latencies, unanswered = await journey(server, updates, TIMEOUT, first_user=6_000_000)
        else:
            counted, _seconds, _latencies, unanswered = await burst(
                server, kind, updates, rng, TIMEOUT, first_user=6_000_000
            )
        missed += unanswered
        await _control("--instr=off", bot.proc.pid)
        # Written now: a bot slow to stop under valgrind may be killed, and a killed process writes nothing.
        await _control("--dump", bot.proc.pid)
    finally:
        bot.stop()
        await server.stop()
        await _drop_database(args, database)
    return _counted(workdir, out.name) / counted / 1e6, missed


async def _control(option: str, pid: int) -> None:
    proc = await asyncio.create_subprocess_exec(
        "callgrind_control", option, str(pid), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if await proc.wait() != 0:
        raise RuntimeError(f"callgrind_control {option} failed")


def _counted(workdir: Path, name: str) -> int:
    """The instructions counted while instrumentation was on (the largest total of the dumps)."""
    totals = [
        int(n)
        for dump in workdir.glob(f"{name}*")
        for n in re.findall(r"^(?:summary|totals): (\d+)", dump.read_text(errors="replace"), re.M)
    ]
    return max(totals, default=0)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workloads", default="start,mix,reports")
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--warm-up", type=int, default=100)
    parser.add_argument("--reporters", type=int, default=30)
    parser.add_argument("--warm-up-reporters", type=int, default=5)
    parser.add_argument(
        "--database",
        default="sqlite",
        help="sqlite, or a postgresql+asyncpg:// URL of a server to create a new database on for each row (its "
        "instructions are the server's, not counted: the bot's process alone is)",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("bench_instructions: valgrind is not installed (Debian: apt-get install valgrind); nothing measured")
        return
    workdir = Path(tempfile.mkdtemp(prefix="tipline-instructions-"))
    print(
        f"bench_instructions: {args.updates} updates a row after a warm-up of {args.warm_up}; reports: "
        f"{args.reporters} reporters after {args.warm_up_reporters}; "
        f"{'SQLite' if args.database == 'sqlite' else 'PostgreSQL'}"
    )
    print("| workload | bot | M instructions per update | x echo | unanswered |")
    print("| --- | --- | --- | --- | --- |")
    try:
        for kind in [k.strip() for k in args.workloads.split(",") if k.strip()]:
            sizes = (args.reporters, args.warm_up_reporters) if kind == "reports" else (args.updates, args.warm_up)
            echo, echo_missed = await count(kind, "echo", *sizes, workdir, args)
            print(f"| {kind} | echo | {echo:.2f} | 1.00 | {echo_missed} |", flush=True)
            ours, missed = await count(kind, "tipline", *sizes, workdir, args)
            print(f"| {kind} | tipline | {ours:.2f} | {echo / ours:.2f} | {missed} |", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
