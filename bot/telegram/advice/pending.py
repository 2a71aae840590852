"""What the advice journey remembers between a reply and a button press, in the encrypted conversation storage.

A question's text never travels in a button: the button carries a random token, and the text waits here until the
person sends it to the task force, starts a report from it, or asks something else (only the last few are kept).
The message ids of articles already voted on make "one vote per article view" hold across double taps and
restarts. Nothing here is set as an FSM state, so the person stays "outside any flow".
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, field

from aiogram.fsm.context import FSMContext

QUESTIONS_KEY = "advice_questions"
VOTES_KEY = "advice_votes"
CAVEAT_KEY = "advice_caveat_at"
# "Once per conversation": the caveat that rules change comes again after this long without it.
CAVEAT_EVERY_SECONDS = 12 * 3600
KEEP_QUESTIONS = 3
KEEP_VOTES = 50


@dataclass
class PendingQuestion:
    text: str
    lang: str
    flags: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)


async def remember_question(state: FSMContext, question: PendingQuestion) -> str:
    token = secrets.token_hex(4)
    data = await state.get_data()
    kept = dict(data.get(QUESTIONS_KEY) or {})
    kept[token] = asdict(question)
    while len(kept) > KEEP_QUESTIONS:
        kept.pop(next(iter(kept)))
    await state.update_data({QUESTIONS_KEY: kept})
    return token


async def pending_question(state: FSMContext, token: str) -> PendingQuestion | None:
    if not token:
        return None
    raw = (await state.get_data()).get(QUESTIONS_KEY, {}).get(token)
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return None
    return PendingQuestion(
        text=raw["text"],
        lang=str(raw.get("lang") or ""),
        flags=[str(f) for f in raw.get("flags") or []],
        topics=[str(t) for t in raw.get("topics") or []],
    )


async def forget_question(state: FSMContext, token: str) -> None:
    data = await state.get_data()
    kept = dict(data.get(QUESTIONS_KEY) or {})
    if kept.pop(token, None) is not None:
        await state.update_data({QUESTIONS_KEY: kept})


async def already_voted(state: FSMContext, message_id: int) -> bool:
    return message_id in ((await state.get_data()).get(VOTES_KEY) or [])


async def remember_vote(state: FSMContext, message_id: int) -> None:
    votes = list((await state.get_data()).get(VOTES_KEY) or [])
    votes.append(message_id)
    await state.update_data({VOTES_KEY: votes[-KEEP_VOTES:]})


async def caveat_due(state: FSMContext, now: float | None = None) -> bool:
    """True when this conversation has not had the caveat yet (or not for CAVEAT_EVERY_SECONDS)."""
    shown = (await state.get_data()).get(CAVEAT_KEY)
    now = time.time() if now is None else now
    return not isinstance(shown, int | float) or now - shown >= CAVEAT_EVERY_SECONDS


async def remember_caveat(state: FSMContext, now: float | None = None) -> None:
    await state.update_data({CAVEAT_KEY: time.time() if now is None else now})
