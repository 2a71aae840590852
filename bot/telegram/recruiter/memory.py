"""What the buttons under a recruiter answer need, kept in the (encrypted) FSM data under the answer's number.

Buttons carry only that number and a position (bot/telegram/recruiter/callbacks.py); the query, the listed
companies' licence numbers and the subject of a report stay here. The last ``KEEP_ANSWERS`` answers are kept, so
an older list keeps working until newer answers push it out ("This button is no longer active").
"""

from __future__ import annotations

from collections.abc import Iterable

from aiogram.fsm.context import FSMContext

ANSWERS_KEY = "rc_answers"
SEQ_KEY = "rc_seq"
KEEP_ANSWERS = 10


async def remember(state: FSMContext, query: str, licences: Iterable[str], *, subject: str) -> int:
    data = await state.get_data()
    number = int(data.get(SEQ_KEY, 0)) + 1
    answers = dict(data.get(ANSWERS_KEY) or {})
    answers[str(number)] = {"q": query, "lic": list(licences), "subject": subject}
    for old in sorted(answers, key=int)[:-KEEP_ANSWERS]:
        del answers[old]
    await state.update_data({SEQ_KEY: number, ANSWERS_KEY: answers})
    return number


async def recall(state: FSMContext, number: int) -> dict | None:
    entry = ((await state.get_data()).get(ANSWERS_KEY) or {}).get(str(number))
    return entry if isinstance(entry, dict) else None
