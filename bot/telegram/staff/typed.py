"""What staff type when the bot asked for it: a note, a question for the reporter, a priority reason, a referral's
date and detail, a case number to link, a search, a case-data field. One handler per question (by its state); a
refusal goes to the staff gate, which keeps the question open when it can be answered again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.cases import CaseService
from bot.services.staff.commands import check_case_data
from bot.services.staff.destinations import parse_destination
from bot.services.staff.model import MAX_VICTIMS, CaseView, StaffMember
from bot.services.triage.deadlines import wita
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.conversation import StaffInput, begin_input, end_input, input_info, panel

_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y")
UNKNOWN = ("-", "?", "tidak tahu", "tdk tahu", "unknown", "tak tahu", "la hatene")


def parse_date(text: str, today: date) -> date | None:
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if parsed > today or parsed.year < 2000:
            return None
        return parsed
    return None


def parse_count(text: str) -> int | bool | None:
    """A count typed by staff: the number, None for "not known", False for something else."""
    value = text.strip().casefold()
    if value in UNKNOWN:
        return None
    if value.isdigit() and int(value) <= MAX_VICTIMS:
        return int(value)
    return False


async def ask_referral_detail(
    message: Message,
    state: FSMContext,
    info: dict[str, Any],
    on: date,
    cases: CaseService,
    session: AsyncSession,
    staff: StaffMember,
) -> None:
    view = await cases.summary(session, staff, int(info["tip"]))
    await begin_input(state, StaffInput.referral_detail, tip=info["tip"], agency=info["agency"], on=on.isoformat())
    await message.answer(
        texts.prompt_referral_detail(view.case_number), reply_markup=keyboards.skip_keyboard(int(info["tip"]))
    )


async def finish_referral(
    message: Message,
    state: FSMContext,
    detail: str | None,
    cases: CaseService,
    session: AsyncSession,
    staff: StaffMember,
    now: datetime,
) -> None:
    info = await end_input(state)
    tip = int(info["tip"])
    await cases.refer(session, staff, tip, info["agency"], date.fromisoformat(info["on"]), detail)
    view = await cases.summary(session, staff, tip)
    await message.answer(texts.done_referral(view.case_number, info["agency"]))
    await panel(message, view, staff, now)


async def _input_tip(state: FSMContext) -> int:
    """The tip the pending typed input is for."""
    return int((await input_info(state)).get("tip") or 0)


async def _done(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
    tip: int,
    clock: Callable[[], datetime],
    done: Callable[[CaseView], str],
) -> None:
    """After a typed action: the input ends, staff are told what was done, and the tip's panel comes again."""
    await end_input(state)
    view = await staff_cases.summary(session, staff, tip)
    await message.answer(done(view))
    await panel(message, view, staff, clock())


async def on_not_text(message: Message) -> None:
    await message.answer(texts.prompt_text_expected())


async def on_note(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    tip = await _input_tip(state)
    await staff_cases.add_note(session, staff, tip, message.text or "")
    await _done(message, state, session, staff_cases, staff, tip, clock, lambda view: texts.done_note(view.case_number))


async def on_ask(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    tip = await _input_tip(state)
    notified = await staff_cases.ask_reporter(session, staff, tip, message.text or "")
    await _done(
        message,
        state,
        session,
        staff_cases,
        staff,
        tip,
        clock,
        lambda view: texts.done_ask(view.case_number, view.kind == "question", notified),
    )


async def on_priority_reason(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    tip, priority = int(info.get("tip") or 0), str(info.get("priority"))
    await staff_cases.set_priority(session, staff, tip, priority, message.text)
    await _done(
        message,
        state,
        session,
        staff_cases,
        staff,
        tip,
        clock,
        lambda view: texts.done_priority(view.case_number, priority),
    )


async def on_referral_date(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    on = parse_date(message.text or "", clock().astimezone(wita()).date())
    if on is None:
        await message.answer(texts.bad_date(), reply_markup=keyboards.cancel_keyboard(int(info.get("tip") or 0)))
        return
    await ask_referral_detail(message, state, info, on, staff_cases, session, staff)


async def on_referral_detail(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await finish_referral(message, state, message.text, staff_cases, session, staff, clock())


async def on_link_case(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    tip = await _input_tip(state)
    other = await staff_cases.link(session, staff, tip, (message.text or "").split()[0])
    await _done(
        message, state, session, staff_cases, staff, tip, clock, lambda view: texts.done_link(view.case_number, other)
    )


async def on_search(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    from bot.telegram.staff.commands import find  # commands import this module's neighbours

    await find(message, message.text or "", state, session, staff_cases, clock(), staff)
    await end_input(state)


async def on_case_field(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    tip, field = int(info.get("tip") or 0), str(info.get("field"))
    view = await staff_cases.summary(session, staff, tip)
    text = message.text or ""
    if field == "destination":
        value: Any = None if text.strip().casefold() in UNKNOWN else parse_destination(text)
    else:
        value = parse_count(text)
        if value is False:
            await message.answer(texts.bad_number(), reply_markup=keyboards.cancel_keyboard(tip))
            return
    data = replace(view.data, **{field: value})
    if check_case_data(data) is not None:
        await message.answer(texts.bad_case_data(), reply_markup=keyboards.cancel_keyboard(tip))
        return
    await staff_cases.record(session, staff, tip, data)
    await end_input(state)
    view = await staff_cases.summary(session, staff, tip)
    await message.answer(texts.done_case_data(view.case_number), reply_markup=keyboards.case_data_menu(view))


# Each handler takes the dependencies it needs (aiogram passes them by name).
_TEXT_HANDLERS: dict[State, Callable[..., Awaitable[None]]] = {
    StaffInput.note: on_note,
    StaffInput.ask: on_ask,
    StaffInput.priority_reason: on_priority_reason,
    StaffInput.referral_date: on_referral_date,
    StaffInput.referral_detail: on_referral_detail,
    StaffInput.link_case: on_link_case,
    StaffInput.search: on_search,
    StaffInput.case_field: on_case_field,
}


def build_typed_router() -> Router:
    router = Router(name="staff.typed")
    for step, handler in _TEXT_HANDLERS.items():
        router.message.register(handler, StateFilter(step), F.text, ~F.text.startswith("/"))
    router.message.register(on_not_text, StateFilter(StaffInput), ~F.text)
    return router
