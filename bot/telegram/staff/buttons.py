"""Staff buttons: one handler per action (``Act``), chosen by a CallbackData filter. The staff gate has checked the
presser and puts them in ``staff``; refusals are answered there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import AGENCIES, Refused, StaffMember
from bot.services.triage.deadlines import wita
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.callbacks import Act, StaffCb, pack_filter, unpack_filter
from bot.telegram.staff.conversation import (
    StaffInput,
    begin_input,
    current_search,
    end_input,
    input_info,
    is_staff_input,
    panel,
    set_ticked,
    ticked,
)
from bot.telegram.staff.showing import show_case
from bot.telegram.staff.typed import ask_referral_detail, finish_referral

SELECT_KEY = "staff_select"  # the queue page being ticked (its packed filter)


def _message(query: CallbackQuery) -> Message:
    if not isinstance(query.message, Message):
        raise Refused("bad_input")  # a button on a message too old for Telegram to show us
    return query.message


async def _edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise


# The queue ----------------------------------------------------------------------------------------------------


async def _show_queue(
    query: CallbackQuery,
    packed: str,
    state: FSMContext,
    session: AsyncSession,
    cases: CaseService,
    staff: StaffMember,
    now: datetime,
    *,
    selecting: bool = False,
) -> None:
    f, page_no = unpack_filter(packed, await current_search(state))
    page = await cases.queue(session, staff, f, page_no)
    marks = await ticked(state) if selecting else frozenset()
    text = texts.queue_text(page, now, selected=marks)
    if selecting and not marks:
        text += "\n\n" + texts.prompt_bulk()
    await query.answer()
    await _edit(_message(query), text, keyboards.queue_keyboard(page, staff, selecting=selecting, ticked=marks))


async def on_queue(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await set_ticked(state, None)
    await _show_queue(query, callback_data.v, state, session, staff_cases, staff, app_clock())


async def on_filter_menu(query: CallbackQuery, callback_data: StaffCb, state: FSMContext) -> None:
    which, _, packed = callback_data.v.partition("|")
    f, _page = unpack_filter(packed, await current_search(state))
    await query.answer()
    await _message(query).edit_reply_markup(reply_markup=keyboards.filter_menu(which, f))


async def on_search(query: CallbackQuery, callback_data: StaffCb, state: FSMContext) -> None:
    await begin_input(state, StaffInput.search, filter=callback_data.v)
    await query.answer()
    await _message(query).answer(texts.prompt_search(), reply_markup=keyboards.cancel_keyboard())


async def on_select(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await set_ticked(state, frozenset())
    data = await state.get_data()
    data[SELECT_KEY] = callback_data.v
    await state.set_data(data)
    await _show_queue(query, callback_data.v, state, session, staff_cases, staff, app_clock(), selecting=True)


async def on_pick(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    marks = set(await ticked(state))
    marks ^= {callback_data.t}
    await set_ticked(state, frozenset(marks))
    packed = (await state.get_data()).get(SELECT_KEY, "")
    await _show_queue(query, packed, state, session, staff_cases, staff, app_clock(), selecting=True)


async def on_bulk(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    marks = await ticked(state)
    if not marks:
        await query.answer(texts.nothing_ticked(), show_alert=True)
        return
    result = await staff_cases.bulk_close(session, staff, sorted(marks), callback_data.v)
    await set_ticked(state, None)
    packed = (await state.get_data()).get(SELECT_KEY, "")
    await _show_queue(query, packed, state, session, staff_cases, staff, app_clock())
    await _message(query).answer(texts.done_bulk(result.closed, result.refused, callback_data.v))


async def on_caseload(
    query: CallbackQuery, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    rows = await staff_cases.caseload(session, staff)
    await query.answer()
    await _edit(_message(query), texts.caseload_text(rows), keyboards.caseload_keyboard(rows))


# A tip -------------------------------------------------------------------------------------------------------


async def on_open(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    evidence_store: EvidenceStore,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
    followup: FollowUpService | None = None,
) -> None:
    await query.answer()
    await show_case(
        _message(query), callback_data.t, staff, session, staff_cases, evidence_store, app_clock(), followup
    )


async def on_claim(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.claim(session, staff, callback_data.t)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_claim(view.case_number))
    await panel(_message(query), view, staff, app_clock(), edit=True)


async def on_assign_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    members = await staff_cases.assignable(session, staff)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_assign(view.case_number), keyboards.assign_menu(view, members))


async def on_assign(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    target = int(callback_data.v) if callback_data.v.isdigit() else 0
    member = await staff_cases.assign(session, staff, callback_data.t, target)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_assign(view.case_number, member.label))
    await panel(_message(query), view, staff, app_clock(), edit=True)


async def on_priority_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_priority(view.case_number), keyboards.priority_menu(view))


async def on_priority(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip = callback_data.t
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.priority_reason, tip=tip, priority=callback_data.v)
    await query.answer()
    await _message(query).answer(
        texts.prompt_priority_reason(view.case_number, callback_data.v), reply_markup=keyboards.cancel_keyboard(tip)
    )


async def on_status_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    if not view.allowed_statuses:
        await _message(query).answer(texts.prompt_no_status(view.case_number))
    else:
        await _edit(_message(query), texts.prompt_status(view.case_number), keyboards.status_menu(view))


async def on_status(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.set_status(session, staff, callback_data.t, callback_data.v)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_status(view.case_number, view.status))
    await panel(_message(query), view, staff, app_clock(), edit=True)


async def on_close_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_close(view.case_number), keyboards.outcome_menu(view))


async def on_close(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.close(session, staff, callback_data.t, callback_data.v)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_close(view.case_number, callback_data.v))
    await panel(_message(query), view, staff, app_clock(), edit=True)


async def on_note(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip = callback_data.t
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.note, tip=tip)
    await query.answer()
    await _message(query).answer(texts.prompt_note(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))


async def on_ask(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip = callback_data.t
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.ask, tip=tip)
    await query.answer()
    await _message(query).answer(
        texts.prompt_ask(view.case_number, view.kind == "question", view.contact),
        reply_markup=keyboards.cancel_keyboard(tip),
    )


async def on_refer_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_agency(view.case_number), keyboards.agency_menu(view))


async def on_refer_agency(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip, agency = callback_data.t, callback_data.v
    if agency not in AGENCIES:
        raise Refused("bad_input")
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.referral_date, tip=tip, agency=agency)
    await query.answer()
    await _edit(
        _message(query), texts.prompt_referral_date(view.case_number, agency), keyboards.referral_date_menu(tip)
    )


async def on_refer_date(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    tip = callback_data.t
    if info.get("tip") != tip or "agency" not in info:
        await query.answer(texts.not_allowed_toast())
        return
    await query.answer()
    if callback_data.v == "x":
        await _message(query).answer(texts.prompt_referral_typed_date(), reply_markup=keyboards.cancel_keyboard(tip))
        return
    today = app_clock().astimezone(wita()).date()
    on = today - timedelta(days=1 if callback_data.v == "1" else 0)
    await ask_referral_detail(_message(query), state, info, on, staff_cases, session, staff)


async def on_refer_skip(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    if info.get("tip") != callback_data.t or "on" not in info:
        await query.answer(texts.not_allowed_toast())
        return
    await finish_referral(_message(query), state, None, staff_cases, session, staff, app_clock())
    await query.answer()


async def on_data_menu(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    if await is_staff_input(state):
        await end_input(state)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_case_data(view.case_number), keyboards.case_data_menu(view))


async def on_data_field(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip, field = callback_data.t, callback_data.v
    if field not in keyboards.CASE_FIELDS:
        raise Refused("bad_input")
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.case_field, tip=tip, field=field)
    await query.answer()
    await _message(query).answer(
        texts.prompt_case_field(view.case_number, field), reply_markup=keyboards.cancel_keyboard(tip)
    )


async def on_transit(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    """The transit points menu; a point's button ticks or unticks it at once (saved with each press)."""
    tip, code = callback_data.t, callback_data.v
    view = await staff_cases.summary(session, staff, tip)
    if code:
        points = set(view.data.transit_points) ^ {code}
        data = replace(view.data, transit_points=tuple(sorted(points)))
        await staff_cases.record(session, staff, tip, data)
        view = await staff_cases.summary(session, staff, tip)
    await query.answer()
    await _edit(_message(query), texts.prompt_transit(view.case_number), keyboards.transit_menu(view))


async def on_link(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    tip = callback_data.t
    view = await staff_cases.summary(session, staff, tip)
    await begin_input(state, StaffInput.link_case, tip=tip)
    await query.answer()
    await _message(query).answer(texts.prompt_link(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))


async def on_unlink_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await _edit(_message(query), texts.prompt_unlink(view.case_number), keyboards.unlink_menu(view))


async def on_unlink(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    other_id = int(callback_data.v) if callback_data.v.isdigit() else 0
    other = await staff_cases.unlink(session, staff, callback_data.t, other_id)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_unlink(view.case_number, other))
    await panel(_message(query), view, staff, app_clock(), edit=True)


async def on_cancel(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    app_clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    if await is_staff_input(state):
        await end_input(state)
    await query.answer(texts.cancelled())
    if callback_data.t:
        view = await staff_cases.summary(session, staff, callback_data.t)
        message = _message(query)
        await panel(message, view, staff, app_clock(), edit=bool(message.reply_markup))


HANDLERS = {
    Act.QUEUE: on_queue,
    Act.FILTER_MENU: on_filter_menu,
    Act.SEARCH: on_search,
    Act.SELECT: on_select,
    Act.PICK: on_pick,
    Act.BULK: on_bulk,
    Act.CASELOAD: on_caseload,
    Act.OPEN: on_open,
    Act.CLAIM: on_claim,
    Act.ASSIGN_MENU: on_assign_menu,
    Act.ASSIGN: on_assign,
    Act.PRIORITY_MENU: on_priority_menu,
    Act.PRIORITY: on_priority,
    Act.STATUS_MENU: on_status_menu,
    Act.STATUS: on_status,
    Act.CLOSE_MENU: on_close_menu,
    Act.CLOSE: on_close,
    Act.NOTE: on_note,
    Act.ASK: on_ask,
    Act.REFER_MENU: on_refer_menu,
    Act.REFER_AGENCY: on_refer_agency,
    Act.REFER_DATE: on_refer_date,
    Act.REFER_SKIP: on_refer_skip,
    Act.DATA_MENU: on_data_menu,
    Act.DATA_FIELD: on_data_field,
    Act.TRANSIT: on_transit,
    Act.LINK: on_link,
    Act.UNLINK_MENU: on_unlink_menu,
    Act.UNLINK: on_unlink,
    Act.CANCEL: on_cancel,
}


def build_buttons_router() -> Router:
    router = Router(name="staff.buttons")
    for act, handler in HANDLERS.items():
        router.callback_query.register(handler, StaffCb.filter(F.a == act))
    return router


__all__ = ["HANDLERS", "build_buttons_router", "pack_filter"]
