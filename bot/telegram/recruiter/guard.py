"""Not taking the conversation away from a report being written."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import MaybeInaccessibleMessageUnion, Message

from bot.telegram.intake import keyboards as intake_keyboards
from bot.telegram.intake.flow import current_step as report_step
from bot.telegram.recruiter import texts


async def report_open(state: FSMContext) -> bool:
    """A report is being written: entering this journey would take the conversation away from it."""
    return await report_step(state) is not None


async def refuse_during_report(target: MaybeInaccessibleMessageUnion) -> None:
    await target.answer(texts.report_in_progress(), reply_markup=intake_keyboards.resume_keyboard())


def not_command(message: Message) -> bool:
    return not (message.text or "").startswith("/")
