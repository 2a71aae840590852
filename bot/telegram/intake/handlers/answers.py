"""Button answers: a choice, the place pickers (island, regency, elsewhere in Indonesia, abroad), transit points."""

from __future__ import annotations

import contextlib

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.services.intake import answers
from bot.services.intake.draft import Step
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.callbacks import Answer, Away, Island, Transit
from bot.telegram.intake.flow import Clock, Turn, current_step
from bot.telegram.intake.handlers.sending import show_danger_help


async def _current(query: CallbackQuery, state: FSMContext, step: Step) -> Message | None:
    """The message the button is on, if it belongs to the question being asked; else the reporter is told (the
    caller answers the button otherwise)."""
    if not isinstance(query.message, Message) or await current_step(state) is not step:
        await query.answer(texts.stale_button())
        return None
    return query.message


async def _open(query: CallbackQuery, state: FSMContext, step: Step) -> Message | None:
    message = await _current(query, state, step)
    if message is not None:
        await query.answer()
    return message


async def _swap(message: Message, markup: InlineKeyboardMarkup) -> None:
    """Show another keyboard under the same question (a list of regencies, the places abroad)."""
    with contextlib.suppress(TelegramBadRequest):  # pressed twice: "message is not modified"
        await message.edit_reply_markup(reply_markup=markup)


async def on_answer(query: CallbackQuery, callback_data: Answer, state: FSMContext, clock: Clock) -> None:
    step = callback_data.step
    message = await _current(query, state, step)
    if message is None:
        return
    turn = await Turn.load(message, state, clock)
    if not answers.choose(turn.draft, step, callback_data.value):
        await query.answer(texts.stale_button())
        return
    await query.answer()
    if step is Step.DANGER and callback_data.value in ("yes", "unknown"):
        await show_danger_help(turn)
    await turn.next(step)


async def on_island(query: CallbackQuery, callback_data: Island, state: FSMContext) -> None:
    message = await _open(query, state, Step.WHERE)
    if message is not None and callback_data.island in keyboards.ISLANDS:
        await _swap(message, keyboards.regencies_keyboard(callback_data.island))


async def on_away(query: CallbackQuery, callback_data: Away, state: FSMContext, clock: Clock) -> None:
    """Elsewhere in Indonesia or abroad: its places as buttons; "another place": the next message is its name."""
    message = await _open(query, state, Step.WHERE)
    if message is None or callback_data.region not in keyboards.AWAY:
        return
    if not callback_data.other:
        await _swap(message, keyboards.away_keyboard(callback_data.region))
        return
    turn = await Turn.load(message, state, clock)
    abroad = callback_data.region == "abroad"
    turn.draft.awaiting = answers.AWAIT_ABROAD if abroad else answers.AWAIT_ELSEWHERE
    # The same places stay under the request, for a reporter who finds theirs after all.
    await turn.say(texts.type_the_place(abroad), keyboards.away_keyboard(callback_data.region))


async def on_islands(query: CallbackQuery, state: FSMContext) -> None:
    message = await _open(query, state, Step.WHERE)
    if message is not None:
        await _swap(message, keyboards.for_step(Step.WHERE))


async def on_type_destination(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    message = await _open(query, state, Step.DESTINATION)
    if message is None:
        return
    turn = await Turn.load(message, state, clock)
    turn.draft.awaiting = answers.AWAIT_DESTINATION
    await turn.say(texts.type_the_place(False), keyboards.for_step(Step.DESTINATION))


async def on_transit(query: CallbackQuery, callback_data: Transit, state: FSMContext, clock: Clock) -> None:
    """A transit point on or off; the keyboard shows the ones chosen (Done goes on)."""
    message = await _open(query, state, Step.ROUTE)
    if message is None:
        return
    turn = await Turn.load(message, state, clock)
    if answers.toggle_transit(turn.draft, callback_data.code):
        await turn.save()
        await _swap(message, keyboards.for_step(Step.ROUTE, transit=turn.draft.transit))


async def on_stale_answer(query: CallbackQuery) -> None:
    await query.answer(texts.stale_button())
