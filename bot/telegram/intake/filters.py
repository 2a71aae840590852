"""Filters of the report's handlers: a message that only asks to report, a reporter back after a pause, and an
answer typed before the question it would be stored for was shown."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.services.intake.understand import report_request
from bot.telegram.intake.flow import Clock, load_draft, paused


class ReportPhrase(Filter):
    """ "mau lapor", "I want to report": passes the recognised request (``report_request``) to the handler."""

    async def __call__(self, message: Message) -> bool | dict[str, Any]:
        found = report_request(message.text or "")
        return {"report_request": found} if found is not None else False


class Paused(Filter):
    """The reporter comes back to a report after a long pause (the app's clock: tests move it)."""

    async def __call__(self, message: Message, state: FSMContext, clock: Clock) -> bool:
        return paused(await load_draft(state), clock())


class Misplaced(Filter):
    """A message that is not the current question's answer (``Draft.misplaced``): sent before the question was shown
    (its words were meant for an earlier one), or while the bot cannot tell (it stopped while showing the question).
    Gives the handler ``misplaced``, the reason; one look at the draft for both."""

    async def __call__(self, message: Message, state: FSMContext) -> bool | dict[str, str]:
        reason = (await load_draft(state)).misplaced(message.message_id)
        return {"misplaced": reason} if reason else False
