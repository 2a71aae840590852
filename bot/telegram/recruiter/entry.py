"""The recruiter check offered from elsewhere: a "Check PT ..." button under an answer that names a company.

The advice journey calls :func:`check_company_row` with the person's question and adds the row it returns (if
any) to its answer's keyboard::

    row = await check_company_row(state, question_text)
    if row:
        markup.inline_keyboard.insert(0, row)

The name found (bot.services.registry.find_company_names) is kept in the FSM data under a small number, like the
recruiter journey's own answers, so the button carries only that number. Pressing it runs the recruiter check
for that name (router.on_check_named) without taking over the conversation: the next message is still a question.
"""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardButton

from bot.services.registry import find_company_names
from bot.telegram.recruiter import texts
from bot.telegram.recruiter.callbacks import CheckNamed
from bot.telegram.recruiter.memory import remember

# A row has room for two buttons; a question naming more companies gets the first two.
MAX_BUTTONS = 2
_LABEL = 40

__all__ = ["CheckNamed", "check_company_row"]


async def check_company_row(state: FSMContext, text: str) -> list[InlineKeyboardButton] | None:
    """One keyboard row with a "Check PT ..." button per company named in ``text`` (at most two), or None."""
    mentions = find_company_names(text)[:MAX_BUTTONS]
    row: list[InlineKeyboardButton] = []
    for mention in mentions:
        number = await remember(state, mention.text, (), subject=mention.text)
        label = texts.check_company(mention.text)
        if len(label) > _LABEL:
            label = label[: _LABEL - 1] + "…"
        row.append(InlineKeyboardButton(text=label, callback_data=CheckNamed(answer=number).pack()))
    return row or None
