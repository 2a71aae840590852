"""Check a recruiter: handlers. Thin: matching is in bot.services.registry, wording in texts.py.

The user writes a company name, licence number or phone, or several of these at once ("pak yohanes 0812 3456
7890"); :meth:`RegistryService.check` takes the input apart and the answer is rendered from the
:class:`~bot.services.registry.QueryCheck`. Each answer gets a small number; what its buttons need (the query,
the listed companies' licence numbers, the recruiter to report) is kept under that number in the FSM data
(memory.py), so buttons carry only numbers and an old list keeps working until it is pushed out by newer answers.
A company named in an advice question can be checked from a button there (entry.py).
"""

from __future__ import annotations

import dataclasses
import logging

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, MaybeInaccessibleMessageUnion, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.clock import Clock
from bot.services.intake.submit import IntakeService
from bot.services.registry import LicenceStatus, LookupResult, Match, QueryCheck, RegistryService, Verdict
from bot.services.registry.index import NOTE_EMPTY_QUERY, NOTE_NO_DATA
from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.intake import start_report
from bot.telegram.recruiter import keyboards, offer, texts
from bot.telegram.recruiter.callbacks import PREFIXES, Check, CheckNamed
from bot.telegram.recruiter.guard import not_command, refuse_during_report, report_open
from bot.telegram.recruiter.memory import recall, remember
from bot.telegram.recruiter.states import IN_FLOW, RecruiterCheck

log = logging.getLogger(__name__)

CANDIDATES = 5

_VERDICT = {
    LicenceStatus.ACTIVE: Verdict.LICENSED,
    LicenceStatus.SUSPENDED: Verdict.SUSPENDED,
    LicenceStatus.REVOKED: Verdict.REVOKED,
    LicenceStatus.EXPIRED: Verdict.EXPIRED,
}


def build_router() -> Router:
    router = Router(name="recruiter")
    # Leaving the journey: another menu entry or another command ends "waiting for a name" and the offer
    # check, then the update goes on to whichever journey handles it.
    router.callback_query.register(leave_on_menu, MenuCallback.filter(F.action != MenuAction.RECRUITER), IN_FLOW)
    router.callback_query.register(on_menu, MenuCallback.filter(F.action == MenuAction.RECRUITER))
    router.message.register(on_command, Command("cekpt", "recruiter", "cekperusahaan"))
    router.message.register(leave_on_command, IN_FLOW, F.text.startswith("/"))
    # After leave_on_command the state filters below still see the old state, so they skip commands too.
    router.message.register(on_query_text, StateFilter(RecruiterCheck.query), F.text, not_command)
    router.message.register(on_query_contact, StateFilter(RecruiterCheck.query), F.contact)
    router.message.register(on_query_other, StateFilter(RecruiterCheck.query), not_command)
    router.callback_query.register(on_check, Check.filter())
    router.callback_query.register(on_check_named, CheckNamed.filter())
    offer.register(router)
    # Anything else with our prefixes (an old keyboard, a forged value): refuse quietly.
    router.callback_query.register(on_unknown_button, F.data.func(_ours))
    return router


def _ours(data: str) -> bool:
    return data.split(":", 1)[0] in PREFIXES


# Entering and leaving -------------------------------------------------------------------------------------


async def leave_on_menu(query: CallbackQuery, state: FSMContext) -> None:
    await state.set_state(None)
    raise SkipHandler


async def leave_on_command(message: Message, state: FSMContext) -> None:
    await state.set_state(None)
    raise SkipHandler


async def ask_for_query(target: MaybeInaccessibleMessageUnion, state: FSMContext, *, again: bool = False) -> None:
    if await report_open(state):
        await refuse_during_report(target)
        return
    await state.set_state(RecruiterCheck.query)
    await target.answer(texts.prompt_again() if again else texts.prompt(), reply_markup=keyboards.prompt_keyboard())


async def on_menu(query: CallbackQuery, state: FSMContext) -> None:
    await query.answer()
    if query.message is not None:
        await ask_for_query(query.message, state)


async def on_command(message: Message, command: CommandObject, state: FSMContext, registry: RegistryService) -> None:
    if command.args and command.args.strip():
        await check(message, state, registry, command.args)
        return
    await ask_for_query(message, state)


# The query ------------------------------------------------------------------------------------------------


async def on_query_text(message: Message, state: FSMContext, registry: RegistryService) -> None:
    await check(message, state, registry, message.text or "")


async def on_query_contact(message: Message, state: FSMContext, registry: RegistryService) -> None:
    # A shared contact card of the recruiter: its phone number is the query.
    assert message.contact is not None
    await check(message, state, registry, message.contact.phone_number)


async def on_query_other(message: Message) -> None:
    await message.answer(texts.not_text())


async def check(
    message: MaybeInaccessibleMessageUnion, state: FSMContext, registry: RegistryService, raw: str, *, stay: bool = True
) -> None:
    """Validate the query, check it, answer. With ``stay`` the next message is taken as another query (unless a
    report is open); a check started from elsewhere (an advice answer) leaves the conversation where it was."""
    query = " ".join(raw.split())
    if not query:
        await message.answer(texts.empty_query())
        return
    if len(query) > texts.MAX_QUERY:
        await message.answer(texts.too_long())
        return
    if sum(ch.isalnum() for ch in query) < texts.MIN_QUERY:
        await message.answer(texts.too_short())
        return
    await _refresh(registry)
    outcome = registry.check(query, limit=CANDIDATES)
    simple = outcome.simple
    if simple is not None and NOTE_EMPTY_QUERY in simple.result.notes:
        await message.answer(texts.empty_query())
        return
    await answer_check(message, state, outcome)
    if stay and not await report_open(state):
        await state.set_state(RecruiterCheck.query)


async def _refresh(registry: RegistryService) -> None:
    """Pick up a list imported by another process (`tipline registry import`) since start-up."""
    try:
        await registry.refresh_if_changed()
    except Exception as exc:  # the loaded list still answers; the next look-up tries again
        log.warning("registry refresh failed: %s", type(exc).__name__)


async def answer_check(target: MaybeInaccessibleMessageUnion, state: FSMContext, outcome: QueryCheck) -> None:
    query = outcome.query
    if outcome.no_data:
        await target.answer(texts.no_data_text(), reply_markup=keyboards.no_data())
        return
    simple = outcome.simple
    if simple is None:
        companies = outcome.companies()[:CANDIDATES]
        number = await _remember(state, query, companies, subject=query)
        await target.answer(texts.mixed_text(outcome), reply_markup=keyboards.found_companies(number, companies))
        return
    before = [texts.cv_note(), ""] if outcome.parts.legal_form == "CV" else None
    await answer_result(target, state, simple.result, simple.text, kind=simple.kind, before=before)


async def answer_result(
    target: MaybeInaccessibleMessageUnion,
    state: FSMContext,
    result: LookupResult,
    query: str,
    *,
    kind: str = texts.KIND_NAME,
    before: list[str] | None = None,
) -> None:
    if NOTE_NO_DATA in result.notes:
        await target.answer(texts.no_data_text(), reply_markup=keyboards.no_data())
        return
    if result.verdict is Verdict.AMBIGUOUS:
        number = await _remember(state, query, result.matches, subject=query)
        await target.answer(
            texts.ambiguous_text(result, query, before=before),
            reply_markup=keyboards.candidates(number, result.matches),
        )
        return
    if result.verdict is Verdict.NOT_FOUND:
        suggestion = texts.suggestion_of(result)
        number = await _remember(state, query, (suggestion,) if suggestion else (), subject=query)
        if suggestion is not None:
            text = texts.near_match_text(result, query, suggestion, before=before)
        else:
            text = texts.not_found_text(result, query, kind=kind, before=before)
        await target.answer(text, reply_markup=keyboards.after_answer(number, suggestion=suggestion))
        return
    match = result.matches[0]
    await _answer_single(target, state, result, match, query, texts.how_found(result, match), before=before)


async def _answer_single(
    target: MaybeInaccessibleMessageUnion,
    state: FSMContext,
    result: LookupResult,
    match: Match,
    query: str,
    how: str,
    *,
    before: list[str] | None = None,
) -> None:
    subject = f"{match.name} ({match.licence_number})"
    if how != texts.HOW_NAME and query != match.name:
        subject = f"{query} — {subject}"
    number = await _remember(state, query, (match,), subject=subject)
    await target.answer(
        texts.single_text(result, match, how, before=before), reply_markup=keyboards.after_answer(number)
    )


async def _remember(state: FSMContext, query: str, matches: tuple[Match, ...], *, subject: str) -> int:
    return await remember(state, query, [m.licence_number for m in matches], subject=subject)


async def _recall(state: FSMContext, number: int) -> dict | None:
    return await recall(state, number)


# Buttons under an answer ----------------------------------------------------------------------------------


async def on_check(
    query: CallbackQuery,
    callback_data: Check,
    state: FSMContext,
    registry: RegistryService,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    locale: str,
    pseudonym: str | None = None,
) -> None:
    message = query.message
    action = callback_data.action
    if message is None or action not in ("again", "offer", "pick", "none", "report"):
        await query.answer(texts.no_longer_active())
        return
    if action == "again":
        await query.answer()
        await ask_for_query(message, state, again=True)
        return
    if action == "offer":
        await query.answer()
        await offer.start(message, state)
        return
    entry = await _recall(state, callback_data.answer)
    if entry is None:
        await query.answer(texts.no_longer_active())
        return
    if action == "pick":
        licences = entry.get("lic") or []
        if not 0 <= callback_data.index < len(licences):
            await query.answer(texts.no_longer_active())
            return
        await query.answer()
        await _pick(message, state, registry, str(entry.get("q") or ""), licences[callback_data.index])
    elif action == "none":
        await query.answer()
        await _refresh(registry)
        result = registry.index.lookup_name(str(entry.get("q") or ""), CANDIDATES, today=registry.today())
        number = await _remember(state, str(entry.get("q") or ""), (), subject=str(entry.get("subject") or ""))
        await message.answer(
            texts.none_of_these_text(result, str(entry.get("q") or "")),
            reply_markup=keyboards.after_answer(number),
        )
    else:  # report
        await query.answer()
        subject = str(entry.get("subject") or entry.get("q") or "")
        prefill = {"recruiter": subject, "source": "recruiter_check"}
        await start_report(
            message,
            state,
            intake=intake,
            session=session,
            clock=clock,
            locale=locale,
            pseudonym=pseudonym,
            prefill=prefill,
        )


async def on_check_named(
    query: CallbackQuery, callback_data: CheckNamed, state: FSMContext, registry: RegistryService
) -> None:
    """ "Check PT ..." under an advice answer: the recruiter check for the name kept under that number."""
    entry = await _recall(state, callback_data.answer)
    name = str(entry.get("q") or "") if entry else ""
    if query.message is None or not name:
        await query.answer(texts.no_longer_active())
        return
    await query.answer()
    await check(query.message, state, registry, name, stay=False)


async def _pick(
    message: MaybeInaccessibleMessageUnion, state: FSMContext, registry: RegistryService, query: str, licence: str
) -> None:
    """A company chosen from a list: looked up again by its licence number, so the answer uses today's list."""
    await _refresh(registry)
    result = registry.index.lookup_licence(licence, CANDIDATES, today=registry.today())
    match = next((m for m in result.matches if m.licence_number == licence), None)
    if match is None:
        await message.answer(texts.company_gone(), reply_markup=keyboards.prompt_keyboard())
        return
    chosen = dataclasses.replace(result, verdict=_VERDICT[match.effective_status], matches=(match,))
    await _answer_single(message, state, chosen, match, query, texts.HOW_PICKED)


async def on_unknown_button(query: CallbackQuery) -> None:
    await query.answer(texts.no_longer_active())
