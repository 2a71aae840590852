"""Webhook mode under a crowd, with the emulator delivering updates as Telegram does (bot.emulator.webhooks).

- One process (any database): reporters file whole reports through the webhook, each answered only after it was
  handled.
- Two worker processes on one PostgreSQL database, behind one port: 200 people file reports at once while one worker
  is killed with SIGKILL; every tip is filed once, every alert and receipt is delivered, no conversation takes
  another's answers. (PostgreSQL only: SQLite is one process by design; CI runs it on PostgreSQL.)
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.config import generate_data_key, generate_pepper, parse_data_keys
from bot.emulator.scripted import ChatWatch, CrowdReporter
from bot.emulator.server import TelegramEmulator
from bot.ops.serve import run_webhook
from bot.services.intake.submit import ANSWERS_CONTEXT
from bot.services.privacy import Cipher
from db.engine import make_engine, make_session_factory
from db.models.outbox import OutboxMessage
from db.models.tips import Tip
from tests.conftest import TEST_TOKEN
from tests.e2e.harness import STAFF_GROUP_ID


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _check_reports(database_url: str, keys: str, reporters: list[CrowdReporter]) -> None:
    """Every reporter's report filed once, whole, with exactly their answers; every alert and receipt sent."""
    engine = make_engine(database_url, pool_size=2)
    cipher = Cipher(parse_data_keys(keys))
    try:
        async with make_session_factory(engine)() as session:
            tips = (await session.scalars(select(Tip).order_by(Tip.id))).all()
            unsent = await session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status != "sent")
            )
            kinds = set((await session.execute(select(OutboxMessage.kind, OutboxMessage.tip_id))).all())
    finally:
        await engine.dispose()
    assert len(tips) == len(reporters)
    assert sorted(int(t.case_number.rsplit("-", 1)[1]) for t in tips) == list(range(1, len(reporters) + 1))
    assert unsent == 0, "every alert and receipt was delivered"
    for tip in tips:
        assert ("alert", tip.id) in kinds and ("receipt", tip.id) in kinds
        answers = cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)
        [reporter] = [r for r in reporters if r.script.marker in answers["story"]]
        assert reporter.case_number == tip.case_number
        assert (answers["recruiter"], answers["route"]) == (reporter.script.recruiter, reporter.script.route)


async def _until_outbox_empty(database_url: str, timeout: float = 240.0) -> None:  # noqa: ASYNC109
    """Staff alerts go out at most 20 a minute per chat (digests beyond that), and a message claimed by a worker that
    died is sent by the next one after its lease: wait for the outbox to drain, up to a few minutes."""
    engine = make_engine(database_url, pool_size=1)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while loop.time() < deadline:
            async with make_session_factory(engine)() as session:
                waiting = await session.scalar(
                    select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status != "sent")
                )
            if not waiting:
                return
            await asyncio.sleep(1.0)
    finally:
        await engine.dispose()


async def _until_settled(emulator: TelegramEmulator, timeout: float = 120.0) -> None:  # noqa: ASYNC109
    """Until nothing is pending at the emulator and the outbox has had time to go out."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    quiet_since = None
    while loop.time() < deadline:
        busy = emulator.pending_updates or (emulator.webhook is not None and emulator.webhook.busy)
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = loop.time()
        elif loop.time() - quiet_since > 3.0:
            return
        await asyncio.sleep(0.1)


async def test_reports_through_the_webhook_in_one_process(make_settings):
    port = _free_port()
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        emulator.add_group(STAFF_GROUP_ID, "staff-group")
        settings = make_settings(
            telegram_api_url=emulator.base_url,
            staff_chat_id=STAFF_GROUP_ID,
            webhook_url=f"http://127.0.0.1:{port}",
            webhook_secret="one-process-secret",
            webhook_port=port,
        )
        bot = asyncio.create_task(run_webhook(settings))
        try:
            while emulator.webhook is None:
                assert not bot.done(), bot.exception()
                await asyncio.sleep(0.02)
            async with ChatWatch(emulator) as watch:
                reporters = [
                    CrowdReporter(emulator, watch, emulator.add_user(90_000 + i, f"W{i}"), marker=f"W{i:03d}V")
                    for i in range(40)
                ]
                await asyncio.wait_for(asyncio.gather(*(r.file_report() for r in reporters)), 300)
            await _until_settled(emulator)
            await _until_outbox_empty(settings.database_url)
        finally:
            bot.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await bot
        assert emulator.violations == []
        assert emulator.webhook is None or emulator.webhook.redeliveries == 0
    await _check_reports(settings.database_url, settings.data_keys.get_secret_value(), reporters)


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


@pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="several workers need PostgreSQL (CI runs this on PostgreSQL: .ci/run)",
)
async def test_two_workers_share_a_crowd_and_survive_one_being_killed(database_url, tmp_path):
    port = _free_port()
    keys = generate_data_key("k1")
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        emulator.add_group(STAFF_GROUP_ID, "staff-group")
        env = {
            **os.environ,
            "TIPLINE_ENV": "test",
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": emulator.base_url,
            "DATABASE_URL": database_url,
            "DATA_KEYS": keys,
            "PEPPER": generate_pepper(),
            "STAFF_CHAT_ID": str(STAFF_GROUP_ID),
            "EVIDENCE_DIR": str(tmp_path / "evidence"),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": "two-workers-secret",
            "WEBHOOK_HOST": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WORKERS": "2",
            "UPDATES_CONCURRENCY": "8",
            "LOG_LEVEL": "WARNING",
        }
        log = (tmp_path / "workers.log").open("w")
        command = [sys.executable, "-m", "bot", "run", "--webhook"]
        supervisor = subprocess.Popen(command, env=env, stdout=log, stderr=log)  # noqa: ASYNC220
        try:
            for _ in range(6000):  # a bound for a supervisor that cannot start, not a speed check
                if emulator.webhook is not None and len(_children(supervisor.pid)) == 2:
                    break
                assert supervisor.poll() is None, (tmp_path / "workers.log").read_text()[-3000:]
                await asyncio.sleep(0.05)
            await asyncio.sleep(3)  # both workers listening
            async with ChatWatch(emulator) as watch:
                reporters = [
                    CrowdReporter(emulator, watch, emulator.add_user(80_000 + i, f"V{i}"), marker=f"V{i:03d}U")
                    for i in range(200)
                ]
                crowd = asyncio.gather(*(r.file_report(patience=30.0, max_actions=200) for r in reporters))
                await asyncio.sleep(4)
                victim = _children(supervisor.pid)[0]
                os.kill(victim, signal.SIGKILL)  # mid-run: the supervisor starts it again
                await asyncio.wait_for(crowd, 600)
            await _until_settled(emulator)
            await _until_outbox_empty(database_url)
            assert victim not in _children(supervisor.pid) and len(_children(supervisor.pid)) == 2
        finally:
            supervisor.terminate()
            await asyncio.to_thread(supervisor.wait, 60)
            log.close()
        assert emulator.violations == []
    await _check_reports(database_url, keys, reporters)
