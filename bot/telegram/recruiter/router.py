"""Check a recruiter: handlers. Thin: matching is in bot.services.registry, wording in texts.py.

The user writes a company name, licence number or phone; the answer is rendered from a
:class:`~bot.services.registry.LookupResult`. Each answer gets a small number; what its buttons need (the
query, the listed companies' licence numbers, the recruiter to report) is kept under that number in the FSM data,
so buttons carry only numbers and an old list keeps working until it is pushed out by newer answers.
"""

from __future__ import annotations

import dataclasses
import logging

from aiogram import F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.services.registry import LicenceStatus, LookupResult, Match, RegistryService, Verdict
from bot.services.registry.index import NOTE_EMPTY_QUERY, NOTE_NO_DATA
from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.intake.router import begin as begin_report
from bot.telegram.recruiter import keyboards, offer, texts
from bot.telegram.recruiter.callbacks import PREFIXES, Check
from bot.telegram.recruiter.guard import not_command, refuse_during_report, report_open
from bot.telegram.recruiter.states import IN_FLOW, RecruiterCheck

log = logging.getLogger(__name__)

ANSWERS_KEY = "rc_answers"
SEQ_KEY = "rc_seq"
# Answers whose buttons still work; older ones say "no longer active".
KEEP_ANSWERS = 10
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


async def ask_for_query(target: Message, state: FSMContext, *, again: bool = False) -> None:
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


async def check(message: Message, state: FSMContext, registry: RegistryService, raw: str) -> None:
    """Validate the query, look it up, answer; stay ready for another name unless a report is open."""
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
    result = registry.lookup(query, limit=CANDIDATES)
    if NOTE_EMPTY_QUERY in result.notes:
        await message.answer(texts.empty_query())
        return
    await answer_result(message, state, result, query)
    if not await report_open(state):
        await state.set_state(RecruiterCheck.query)


async def _refresh(registry: RegistryService) -> None:
    """Pick up a list imported by another process (`tipline registry import`) since start-up."""
    try:
        await registry.refresh_if_changed()
    except Exception as exc:  # the loaded list still answers; the next look-up tries again
        log.warning("registry refresh failed: %s", type(exc).__name__)


async def answer_result(target: Message, state: FSMContext, result: LookupResult, query: str) -> None:
    if NOTE_NO_DATA in result.notes:
        await target.answer(texts.no_data_text(), reply_markup=keyboards.no_data())
        return
    if result.verdict is Verdict.AMBIGUOUS:
        number = await _remember(state, query, result.matches, subject=query)
        await target.answer(
            texts.ambiguous_text(result, query), reply_markup=keyboards.candidates(number, result.matches)
        )
        return
    if result.verdict is Verdict.NOT_FOUND:
        suggestion = texts.suggestion_of(result)
        number = await _remember(state, query, (suggestion,) if suggestion else (), subject=query)
        await target.answer(
            texts.not_found_text(result, query, suggestion=suggestion),
            reply_markup=keyboards.after_answer(number, suggestion=suggestion),
        )
        return
    match = result.matches[0]
    await _answer_single(target, state, result, match, query, texts.how_found(result, match))


async def _answer_single(
    target: Message, state: FSMContext, result: LookupResult, match: Match, query: str, how: str
) -> None:
    subject = f"{match.name} ({match.licence_number})"
    if how != texts.HOW_NAME and query != match.name:
        subject = f"{query} — {subject}"
    number = await _remember(state, query, (match,), subject=subject)
    await target.answer(texts.single_text(result, match, how), reply_markup=keyboards.after_answer(number))


async def _remember(state: FSMContext, query: str, matches: tuple[Match, ...], *, subject: str) -> int:
    data = await state.get_data()
    number = int(data.get(SEQ_KEY, 0)) + 1
    answers = dict(data.get(ANSWERS_KEY) or {})
    answers[str(number)] = {"q": query, "lic": [m.licence_number for m in matches], "subject": subject}
    for old in sorted(answers, key=int)[:-KEEP_ANSWERS]:
        del answers[old]
    await state.update_data({SEQ_KEY: number, ANSWERS_KEY: answers})
    return number


async def _recall(state: FSMContext, number: int) -> dict | None:
    entry = ((await state.get_data()).get(ANSWERS_KEY) or {}).get(str(number))
    return entry if isinstance(entry, dict) else None


# Buttons under an answer ----------------------------------------------------------------------------------


async def on_check(
    query: CallbackQuery, callback_data: Check, state: FSMContext, registry: RegistryService, **deps
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
        result = registry.lookup(str(entry.get("q") or ""), limit=CANDIDATES)
        number = await _remember(state, str(entry.get("q") or ""), (), subject=str(entry.get("subject") or ""))
        await message.answer(
            texts.none_of_these_text(result, str(entry.get("q") or "")),
            reply_markup=keyboards.after_answer(number),
        )
    else:  # report
        await query.answer()
        subject = str(entry.get("subject") or entry.get("q") or "")
        await begin_report(message, state, prefill={"recruiter": subject, "source": "recruiter_check"}, **deps)


async def _pick(message: Message, state: FSMContext, registry: RegistryService, query: str, licence: str) -> None:
    """A company chosen from a list: looked up again by its licence number, so the answer uses today's list."""
    await _refresh(registry)
    result = registry.lookup(licence, limit=CANDIDATES)
    match = next((m for m in result.matches if m.licence_number == licence), None)
    if match is None:
        await message.answer(texts.company_gone(), reply_markup=keyboards.prompt_keyboard())
        return
    chosen = dataclasses.replace(result, verdict=_VERDICT[match.effective_status], matches=(match,))
    await _answer_single(message, state, chosen, match, query, texts.HOW_PICKED)


async def on_unknown_button(query: CallbackQuery) -> None:
    await query.answer(texts.no_longer_active())
