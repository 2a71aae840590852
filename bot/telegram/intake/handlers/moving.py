"""Moving through the report: back, skip, done, cancel, and changing an answer from the review."""

from __future__ import annotations

import contextlib

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.services.evidence import EvidenceStore
from bot.services.intake.draft import EDITABLE_STEPS, Step
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.callbacks import Nav
from bot.telegram.intake.flow import Clock, Turn, current_step, load_draft
from bot.telegram.intake.handlers.sending import finish_story
from bot.telegram.intake.handlers.starting import discard


async def _turn(query: CallbackQuery, state: FSMContext, clock: Clock) -> tuple[Turn, Step] | None:
    """The report this button belongs to, at its current question; None (and the reporter told) when it is
    closed."""
    step = await current_step(state)
    if not isinstance(query.message, Message) or step is None:
        await query.answer(texts.no_longer_open())
        return None
    await query.answer()
    return await Turn.load(query.message, state, clock), step


async def on_back(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is None:
        return
    turn, step = found
    if turn.draft.editing:
        await turn.ask(Step.REVIEW)
        return
    previous = turn.draft.previous_step(step)
    await turn.ask(previous or step)


async def on_skip(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is None:
        return
    turn, step = found
    turn.draft.mark_skipped(step)
    turn.draft.awaiting = None
    await turn.next(step)


async def on_done(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is None:
        return
    turn, step = found
    await finish_story(turn, step)


async def on_cancel(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is None:
        return
    turn, step = found
    await turn.say(texts.cancel_question(), keyboards.confirm_cancel_keyboard(step))


async def on_cancel_declined(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is not None:
        turn, step = found
        await turn.ask(step)


async def on_cancel_confirmed(query: CallbackQuery, state: FSMContext, evidence_store: EvidenceStore) -> None:
    if not isinstance(query.message, Message) or await current_step(state) is None:
        await query.answer(texts.no_longer_open())
        return
    await query.answer()
    await discard(state, await load_draft(state), evidence_store)
    await query.message.answer(texts.deleted(), reply_markup=main_menu())


async def on_edits(query: CallbackQuery, state: FSMContext) -> None:
    """The review's "Change an answer": the answers as buttons, under the same summary."""
    await _swap_review_buttons(query, state, keyboards.edits_keyboard())


async def on_summary(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    """Back to the review's own buttons (from the list of answers, or from writing a phone number)."""
    if await current_step(state) is Step.CONTACT:
        found = await _turn(query, state, clock)
        if found is not None:
            await found[0].ask(Step.REVIEW)
        return
    await _swap_review_buttons(query, state, keyboards.review_keyboard())


async def _swap_review_buttons(query: CallbackQuery, state: FSMContext, markup) -> None:
    if not isinstance(query.message, Message) or await current_step(state) is not Step.REVIEW:
        await query.answer(texts.stale_button())
        return
    await query.answer()
    with contextlib.suppress(TelegramBadRequest):  # pressed twice: "message is not modified"
        await query.message.edit_reply_markup(reply_markup=markup)


async def on_edit(query: CallbackQuery, callback_data: Nav, state: FSMContext, clock: Clock) -> None:
    found = await _turn(query, state, clock)
    if found is None:
        return
    turn, _step = found
    target = callback_data.step
    if target is None or target not in EDITABLE_STEPS:
        await turn.ask(Step.REVIEW)
        return
    turn.draft.editing = True
    await turn.ask(target)
