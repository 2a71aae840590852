"""The triage worker: tips read in a process beside the bot give what they give when read here, and a worker that
dies, cannot start or outlives its bot loses no tip and leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.services.triage import worker as triage_worker
from bot.services.triage.scoring import Priority, TipFacts
from bot.services.triage.worker import TriageWorkers, triage_tip

TIPS = [
    TipFacts(narrative="Anak tetangga umur 15 tahun dibawa calo tadi malam ke Batam lewat Tenau", minors=True),
    TipFacts(
        narrative="Om Yohanes Lake janji kerja di Malaysia, bayar dulu 5 juta",
        recruiter="PT Maju Jaya Sejahtera, hp 0812 3456 7890",
        route="Lewat Tenau ke Nunukan",
    ),
    TipFacts(narrative="", recruiter="tidak tahu"),
]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state  # a zombie has exited (an init that does not reap leaves it listed)


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
async def workers():
    pool = TriageWorkers(1)
    pool.start()
    yield pool
    await pool.close()


async def test_a_tip_read_by_the_worker_is_read_as_here(workers):
    for facts in TIPS:
        assert await workers(facts) == triage_tip(facts)
    assert workers.read_here == 0
    assert workers.pids() and os.getpid() not in workers.pids()
    child = await workers(TIPS[0])
    assert child.result.priority == Priority.P1  # a child taken last night
    phone_and_name = await workers(TIPS[1])
    assert {k.split(":")[0] for k in phone_and_name.link_keys} == {"phone", "name"}


async def test_a_killed_worker_loses_no_tip_and_a_new_one_takes_the_next(workers):
    await workers(TIPS[1])
    [first] = workers.pids()
    os.kill(first, signal.SIGKILL)
    assert _gone_within(first, 10)
    assert await workers(TIPS[0]) == triage_tip(TIPS[0])  # read here meanwhile
    assert workers.read_here == 1
    assert await workers(TIPS[1]) == triage_tip(TIPS[1])
    assert workers.read_here == 1  # by the new worker
    assert workers.pids() and first not in workers.pids()


async def test_when_no_worker_can_start_tips_are_read_here(monkeypatch):
    def no_process(*args, **kwargs):
        raise OSError("no more processes")

    monkeypatch.setattr(triage_worker, "ProcessPoolExecutor", no_process)
    pool = TriageWorkers(1)
    pool.start()
    try:
        assert await pool(TIPS[0]) == triage_tip(TIPS[0])
        assert await pool(TIPS[0]) == triage_tip(TIPS[0])
        assert pool.read_here == 2 and pool.pids() == []
    finally:
        await pool.close()


async def test_closing_stops_the_worker():
    pool = TriageWorkers(1)
    pool.start()
    await pool(TIPS[2])
    [pid] = pool.pids()
    await pool.close()
    assert _gone_within(pid, 10)


def test_the_worker_ends_when_its_bot_is_killed(tmp_path):
    """kill -9 of the bot: the worker, waiting on a queue it holds both ends of, notices its parent is gone."""
    script = (
        "import asyncio\n"
        "from bot.services.triage.scoring import TipFacts\n"
        "from bot.services.triage.worker import TriageWorkers\n"
        "async def main():\n"
        "    pool = TriageWorkers(1)\n"
        "    pool.start()\n"
        "    await pool(TipFacts(narrative='Kupang'))\n"
        "    print(pool.pids()[0], flush=True)\n"
        "    await asyncio.sleep(60)\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(main())\n"
    )
    path = tmp_path / "bot_like.py"
    path.write_text(script)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    bot = subprocess.Popen(
        [sys.executable, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert bot.stdout is not None
        pid = int(bot.stdout.readline())
        assert _alive(pid)
        bot.kill()
        bot.wait(10)
        assert _gone_within(pid, 10), "the worker outlived its bot"
    finally:
        if bot.poll() is None:
            bot.kill()
    assert "Traceback" not in (bot.stderr.read() if bot.stderr else "")
