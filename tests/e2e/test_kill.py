"""kill -9 in the middle of a crowd: 50 people file reports while the bot's process is killed with SIGKILL at random
moments and started again. No update Telegram delivered is lost, none is handled twice, no tip is half filed, and
every person's report holds exactly their answers, each in its place.

The bot runs as its own process (`python -m bot run`), as in production, against the emulator in this process.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import subprocess
import sys
from collections.abc import Callable

from sqlalchemy import func, select

from bot.config import generate_data_key, generate_pepper, parse_data_keys
from bot.emulator.models import CallRecord
from bot.emulator.scripted import ChatWatch, CrowdReporter
from bot.emulator.server import TelegramEmulator
from bot.services.intake.submit import ANSWERS_CONTEXT
from bot.services.privacy import Cipher
from db.engine import make_engine, make_session_factory
from db.models.outbox import OutboxMessage
from db.models.tips import Tip
from db.models.updates import TelegramUpdate
from tests.conftest import TEST_TOKEN
from tests.e2e.harness import STAFF_GROUP_ID

PEOPLE = 50
KILLS = 5


class BotProcess:
    def __init__(self, env: dict[str, str], log_path, clock: Callable[[], float]) -> None:
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None
        self.clock = clock
        self.events: list[tuple[float, str]] = []  # (emulator time, "started" or "killed")

    def start(self) -> None:
        log = self.log_path.open("a")
        self.events.append((self.clock(), "bot started"))
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], env=self.env, stderr=log, stdout=log)

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.events.append((self.clock(), "bot killed"))

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


async def _started(emulator: TelegramEmulator, bot: BotProcess, polls_before: int) -> None:
    """Until the (re)started process polls. The bound only ends a test whose bot cannot start at all; on a machine
    busy with other work, starting (imports, the knowledge-base index) can take far longer than on a quiet one."""
    for _ in range(6000):
        if len(emulator.calls_to("getUpdates")) > polls_before:
            return
        assert bot.proc is not None and bot.proc.poll() is None, bot.log_path.read_text()[-3000:]
        await asyncio.sleep(0.05)
    raise TimeoutError("the bot did not start polling:\n" + bot.log_path.read_text()[-3000:])


def _timeline(reporter: CrowdReporter, calls: list[CallRecord], bot_events: list[tuple[float, str]]) -> str:
    """What one person did, what the bot sent them (with faults) and when the bot was killed and started, in order:
    the story of a failure, printed with it."""
    chat = str(reporter.user.id)
    rows = [*reporter.log, *bot_events]
    for call in calls:
        if str(call.params.get("chat_id")) == chat:
            result = call.result if isinstance(call.result, dict) else {}
            text = str(call.params.get("text") or "")[:50]
            rows.append((call.time, f"bot {call.method} -> {result.get('message_id')} ok={call.ok} {text!r}"))
    rows.sort(key=lambda row: row[0])
    start = rows[0][0] if rows else 0.0
    return "\n".join(f"{when - start:8.3f}s {what}" for when, what in rows)


async def _unhandled(database_url: str) -> int:
    """Updates the bot fetched and stored but has not finished handling."""
    engine = make_engine(database_url, pool_size=1)
    try:
        async with make_session_factory(engine)() as session:
            return await session.scalar(
                select(func.count()).select_from(TelegramUpdate).where(TelegramUpdate.handled_at.is_(None))
            )
    finally:
        await engine.dispose()


async def test_kill_9_at_random_moments_loses_nothing_and_half_files_nothing(database_url, tmp_path):
    keys, pepper = generate_data_key("k1"), generate_pepper()
    rng = random.Random(int(os.environ.get("KILL_SEED", "7")))
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        emulator.add_group(STAFF_GROUP_ID, "staff-group")
        env = {
            **os.environ,
            "TIPLINE_ENV": "test",
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": emulator.base_url,
            "DATABASE_URL": database_url,
            "DATA_KEYS": keys,
            "PEPPER": pepper,
            "STAFF_CHAT_ID": str(STAFF_GROUP_ID),
            "EVIDENCE_DIR": str(tmp_path / "evidence"),
            "LOG_LEVEL": "WARNING",
        }
        bot = BotProcess(env, tmp_path / "bot.log", emulator.clock.now)
        bot.start()
        await _started(emulator, bot, 0)
        try:
            async with ChatWatch(emulator) as watch:
                reporters = [
                    CrowdReporter(emulator, watch, emulator.add_user(70_000 + i, f"K{i}"), marker=f"K{i:03d}Z")
                    for i in range(PEOPLE)
                ]
                crowd = asyncio.gather(*(r.file_report(patience=6.0, max_actions=200) for r in reporters))
                for _ in range(KILLS):
                    await asyncio.sleep(rng.uniform(0.3, 2.0))
                    bot.kill()
                    polls = len(emulator.calls_to("getUpdates"))
                    await asyncio.sleep(rng.uniform(0.0, 0.5))  # people keep writing while it is down
                    bot.start()
                    await _started(emulator, bot, polls)
                cases = await asyncio.wait_for(crowd, 1800)
            # Stop only when the bot has finished: nothing waits at the emulator and every update it fetched is
            # handled in the database (an update being handled when the emulator is already quiet counted as lost).
            for _ in range(6000):
                if emulator.pending_updates == 0 and emulator.is_polling and not await _unhandled(database_url):
                    break
                await asyncio.sleep(0.05)
        finally:
            bot.stop()
        sent_by_people = sum(1 + r.actions + r.recoveries for r in reporters)
        calls = list(emulator.calls)
        assert emulator.violations == []

    engine = make_engine(database_url)
    sessions = make_session_factory(engine)
    cipher = Cipher(parse_data_keys(keys))
    try:
        async with sessions() as session:
            handled = await session.scalar(
                select(func.count()).select_from(TelegramUpdate).where(TelegramUpdate.handled_at.is_not(None))
            )
            waiting = await session.scalar(
                select(func.count()).select_from(TelegramUpdate).where(TelegramUpdate.handled_at.is_(None))
            )
            tips = (await session.scalars(select(Tip).order_by(Tip.id))).all()
            outbox = (await session.execute(select(OutboxMessage.kind, OutboxMessage.tip_id))).all()
    finally:
        await engine.dispose()

    # Nothing lost, nothing twice: every update people sent was handled exactly once (none left waiting).
    assert waiting == 0
    assert handled == sent_by_people
    # ...and none of them by being given up: an update dropped from the inbox as one that stops the process is
    # recorded as handled too, so the count above cannot see it; the bot's log says so when it happens.
    bot_log = bot.log_path.read_text()
    assert "dropping" not in bot_log and "cannot be decrypted" not in bot_log, bot_log[-3000:]
    # Every report filed once, whole: its alert and its receipt are in the outbox, its answers are its reporter's.
    assert len(tips) == PEOPLE and len(set(cases)) == PEOPLE
    numbers = sorted(int(t.case_number.rsplit("-", 1)[1]) for t in tips)
    assert numbers == list(range(1, PEOPLE + 1))
    kinds = {(kind, tip_id) for kind, tip_id in outbox}
    for tip in tips:
        assert ("alert", tip.id) in kinds and ("receipt", tip.id) in kinds
        answers = cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)
        [reporter] = [r for r in reporters if r.script.marker in answers["story"]]
        assert reporter.case_number == tip.case_number
        transcript = _timeline(reporter, calls, bot.events)
        assert answers["recruiter"] == reporter.script.recruiter, transcript
        assert answers["route"] == reporter.script.route, transcript
