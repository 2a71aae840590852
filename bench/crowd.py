"""The crowds of bench/bench_bot.py (and bench_instructions.py): what each person sends, and how long they wait for
each answer. ``burst``: everyone sends one update at once; ``reports``: everyone files a whole report, answering the
bot's questions as they come (bot.emulator.scripted); ``echo_reports``: the echo bot's yardstick for it."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

from bench.fake_telegram import FakeTelegram
from bot.emulator.scripted import CASE_RE, ReporterScript, next_action

QUESTIONS = [
    "berapa biaya kerja ke malaysia?",
    "umur 17 boleh kerja di luar negeri ka",
    "paspor saya ditahan majikan, bagaimana?",
    "apa itu LTSA",
    "bagaimana cek agen resmi",
    "can i work in malaysia with a tourist visa",
    "dokumen apa saja yang perlu untuk kerja di luar negeri",
    "berapa gaji minimum di hong kong",
    "nak kerja di malaysia, apa syaratnya",
    "saya mau lapor calo di kampung",
]
COMPANIES = ["PT Maju Jaya Sejahtera", "maju jaya", "PT Flobamora Karya Mandiri", "PT Tidak Ada Sama Sekali"]
MENU = ["m:sos", "m:home", "m:ask", "m:recruiter", "m:lang"]
# A report as the scripted reporter files it, in kind: /start, the menu's report button, the danger and category
# buttons, the place typed, four more buttons, the recruiter and the route typed, a button, the story typed, then
# done, send and keep-the-chat. The echo bot's "reports" goes through the same (tests/e2e/test_bench_shape.py).
REPORT_SHAPE = ("text", *["press"] * 3, "text", *["press"] * 4, "text", "text", "press", "text", *["press"] * 3)


async def burst(
    server: FakeTelegram,
    kind: str,
    n: int,
    rng: random.Random,
    timeout: float,  # noqa: ASYNC109
    first_user: int = 1_000_000,
) -> tuple:
    start = time.perf_counter()
    pushed: dict[int, float] = {}
    for user in range(first_user, first_user + n):
        pushed[user] = time.perf_counter()
        if kind == "start":
            server.send_text(user, "/start")
            continue
        roll = rng.random()
        if roll < 0.30:
            server.send_text(user, rng.choice(QUESTIONS))
        elif roll < 0.45:
            server.send_text(user, "/cekpt " + rng.choice(COMPANIES))
        elif roll < 0.90:
            server.press(user, rng.choice(MENU))
        else:
            server.send_text(user, "/start")
    await server.wait_replies(pushed, timeout)
    answered = [u for u in pushed if u in server.first_reply_at]
    end = max((server.first_reply_at[u] for u in answered), default=time.perf_counter())
    latencies = [server.first_reply_at[u] - pushed[u] for u in answered]
    return n, end - start, latencies, n - len(answered)


async def _until(chat, replied: Callable[[], bool]) -> bool:
    """Wait until ``replied()``; False when the chat has not changed for 30 seconds (the update went unanswered)."""
    while not replied():
        chat.changed.clear()
        try:
            await asyncio.wait_for(chat.changed.wait(), 30)
        except TimeoutError:
            return False
    return True


async def _everyone(person: Callable[[int], Awaitable[None]], n: int, first_user: int, timeout: float) -> float:  # noqa: ASYNC109
    """Run ``person`` for ``n`` people at once; the seconds it took."""
    start = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(person(user) for user in range(first_user, first_user + n))), timeout)
    return time.perf_counter() - start


async def reports(
    server: FakeTelegram,
    n: int,
    timeout: float,  # noqa: ASYNC109
    first_user: int = 2_000_000,
    by_step: dict[str, list[float]] | None = None,
) -> tuple:
    """Everyone files a whole report. ``by_step``, when given, gets each step's latencies under "NN action" (the
    step's number in the report, the button pressed or "typed"): in a crowd that moves in step, which wave sets the
    p95."""
    latencies: list[float] = []
    unanswered = 0
    updates = 0

    async def reporter(user: int) -> None:
        nonlocal unanswered, updates
        chat = server.chat(user)
        script = ReporterScript(f"B{user}")
        seen = 0
        number, step = 0, "00 /start"
        server.send_text(user, "/start")
        updates += 1
        sent_at = time.perf_counter()
        while True:
            if not await _until(chat, lambda seen=seen: chat.last_buttons_id > seen):
                unanswered += 1
                return
            latencies.append(time.perf_counter() - sent_at)
            if by_step is not None:
                by_step.setdefault(step, []).append(latencies[-1])
            seen = chat.last_buttons_id
            filed = any(CASE_RE.search(t) for t in chat.texts)
            action = next_action(chat.last_buttons, script)
            if filed and action.value == "m:report":
                return
            number += 1
            step = f"{number:02d} {action.value if action.kind == 'press' else 'typed'}"
            sent_at = time.perf_counter()
            updates += 1
            if action.kind == "press":
                server.press(user, action.value, message_id=seen)
            else:
                server.send_text(user, action.value)

    seconds = await _everyone(reporter, n, first_user, timeout)
    return updates, seconds, latencies, unanswered


async def echo_reports(server: FakeTelegram, n: int, timeout: float, first_user: int = 2_000_000) -> tuple:  # noqa: ASYNC109
    """The reports workload's yardstick for the echo bot: ``n`` people each send a report's updates in kind
    (``REPORT_SHAPE``), each waiting for the answer (for a press the answer to the button and then the message)."""
    latencies: list[float] = []
    unanswered = 0
    updates = 0

    async def person(user: int) -> None:
        nonlocal unanswered, updates
        chat = server.chat(user)
        for step, kind in enumerate(REPORT_SHAPE):
            expected = chat.replies + (2 if kind == "press" else 1)
            sent_at = time.perf_counter()
            if kind == "press":
                server.press(user, f"step:{step}")
            else:
                server.send_text(user, "/start" if step == 0 else f"jawaban {step}")
            updates += 1
            if not await _until(chat, lambda expected=expected: chat.replies >= expected):
                unanswered += 1
                return
            latencies.append(time.perf_counter() - sent_at)

    seconds = await _everyone(person, n, first_user, timeout)
    return updates, seconds, latencies, unanswered
