"""Opening a report, a report already in progress, and coming back to one after a pause."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.evidence import EvidenceStore
from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.intake.understand import ReportRequest
from bot.services.preferences import LanguagePreferences
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.entry import begin_draft, start_report
from bot.telegram.intake.flow import Clock, Turn, current_step, load_draft, save_draft, track


async def on_menu_report(
    query: CallbackQuery,
    state: FSMContext,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    locale: str,
    pseudonym: str | None = None,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await start_report(
            query.message,
            state,
            intake=intake,
            session=session,
            clock=clock,
            locale=locale,
            pseudonym=pseudonym,
        )


async def on_report_command(
    message: Message,
    state: FSMContext,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    locale: str,
    pseudonym: str | None = None,
) -> None:
    await start_report(message, state, intake=intake, session=session, clock=clock, locale=locale, pseudonym=pseudonym)


async def on_report_phrase(
    message: Message,
    state: FSMContext,
    report_request: ReportRequest,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    languages: LanguagePreferences,
    i18n: I18n,
    locale: str,
    pseudonym: str | None = None,
) -> None:
    """ "mau lapor", "I want to report", "ha'u hakarak hato'o": the report opens (in the language of those words),
    or, in the middle of one, the current question comes again. The words are never an answer."""
    step = await current_step(state)
    if step is None:
        await start_report(
            message,
            state,
            intake=intake,
            session=session,
            clock=clock,
            locale=locale,
            pseudonym=pseudonym,
            lang=report_request.lang,
            languages=languages,
            i18n=i18n,
        )
        return
    turn = await Turn.load(message, state, clock, incoming=True)
    await turn.ask(step, lead=texts.already_reporting())


async def on_start_during_report(message: Message, state: FSMContext) -> None:
    """Another command would start another journey and abandon the draft: offer to continue or discard instead."""
    draft = await load_draft(state)
    track(draft, message)
    await save_draft(state, draft)
    await message.answer(texts.in_progress_choose(), reply_markup=keyboards.resume_keyboard())


async def on_paused(message: Message, state: FSMContext, clock: Clock) -> None:
    """Back after a long pause: say where they were, and let them continue or start again, before anything they
    write is taken as an answer."""
    turn = await Turn.load(message, state, clock, incoming=True)
    step = await turn.step()
    assert step is not None  # the filter checked
    await turn.say(texts.welcome_back(step), keyboards.pause_keyboard())


async def on_resume(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    step = await current_step(state)
    if step is None:
        await query.message.answer(texts.no_longer_open(), reply_markup=main_menu())
        return
    turn = await Turn.load(query.message, state, clock)
    await turn.ask(step)


async def on_discard(query: CallbackQuery, state: FSMContext, evidence_store: EvidenceStore) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if await current_step(state) is None:
        await query.message.answer(texts.no_longer_open(), reply_markup=main_menu())
        return
    await discard(state, await load_draft(state), evidence_store)
    await query.message.answer(texts.deleted(), reply_markup=main_menu())


async def on_restart(
    query: CallbackQuery, state: FSMContext, evidence_store: EvidenceStore, clock: Clock, locale: str
) -> None:
    """After a pause: the old draft is deleted and a new report starts at once."""
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if await current_step(state) is not None:
        await discard(state, await load_draft(state), evidence_store)
    await begin_draft(query.message, state, Draft(lang=locale), clock())


async def discard(state: FSMContext, draft: Draft, store: EvidenceStore) -> None:
    for item in draft.evidence:
        store.delete(item.ref)
    await state.clear()
