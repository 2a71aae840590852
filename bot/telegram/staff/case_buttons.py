"""Buttons on a tip's panel: one handler per action (claim, assign, priority, status, close, note, ask, refer, case
data, link). The staff gate has checked the presser and answers refusals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import AGENCIES, Refused, StaffMember
from bot.services.triage.deadlines import wita
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.callbacks import StaffCb
from bot.telegram.staff.conversation import (
    StaffInput,
    begin_input,
    end_input,
    input_info,
    is_staff_input,
    panel,
)
from bot.telegram.staff.replies import edit, message_of
from bot.telegram.staff.showing import show_case
from bot.telegram.staff.typed import ask_referral_detail, finish_referral

# A tip -------------------------------------------------------------------------------------------------------


async def on_open(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    evidence_store: EvidenceStore,
    clock: Callable[[], datetime],
    staff: StaffMember,
    followup: FollowUpService | None = None,
) -> None:
    await query.answer()
    await show_case(message_of(query), callback_data.t, staff, session, staff_cases, evidence_store, clock(), followup)


async def on_claim(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.claim(session, staff, callback_data.t)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_claim(view.case_number))
    await panel(message_of(query), view, staff, clock(), edit=True)


async def on_assign_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    members = await staff_cases.assignable(session, staff)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await edit(message_of(query), texts.prompt_assign(view.case_number), keyboards.assign_menu(view, members))


async def on_assign(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    target = int(callback_data.v) if callback_data.v.isdigit() else 0
    member = await staff_cases.assign(session, staff, callback_data.t, target)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_assign(view.case_number, member.label))
    await panel(message_of(query), view, staff, clock(), edit=True)


async def on_priority_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await edit(message_of(query), texts.prompt_priority(view.case_number), keyboards.priority_menu(view))


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
    await message_of(query).answer(
        texts.prompt_priority_reason(view.case_number, callback_data.v), reply_markup=keyboards.cancel_keyboard(tip)
    )


async def on_status_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    if not view.allowed_statuses:
        await message_of(query).answer(texts.prompt_no_status(view.case_number))
    else:
        await edit(message_of(query), texts.prompt_status(view.case_number), keyboards.status_menu(view))


async def on_status(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.set_status(session, staff, callback_data.t, callback_data.v)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_status(view.case_number, view.status))
    await panel(message_of(query), view, staff, clock(), edit=True)


async def on_close_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await edit(message_of(query), texts.prompt_close(view.case_number), keyboards.outcome_menu(view))


async def on_close(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await staff_cases.close(session, staff, callback_data.t, callback_data.v)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_close(view.case_number, callback_data.v))
    await panel(message_of(query), view, staff, clock(), edit=True)


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
    await message_of(query).answer(texts.prompt_note(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))


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
    await message_of(query).answer(
        texts.prompt_ask(view.case_number, view.kind == "question", view.contact),
        reply_markup=keyboards.cancel_keyboard(tip),
    )


async def on_refer_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await edit(message_of(query), texts.prompt_agency(view.case_number), keyboards.agency_menu(view))


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
    await edit(
        message_of(query), texts.prompt_referral_date(view.case_number, agency), keyboards.referral_date_menu(tip)
    )


async def on_refer_date(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    tip = callback_data.t
    if info.get("tip") != tip or "agency" not in info:
        await query.answer(texts.not_allowed_toast())
        return
    await query.answer()
    if callback_data.v == "x":
        await message_of(query).answer(texts.prompt_referral_typed_date(), reply_markup=keyboards.cancel_keyboard(tip))
        return
    today = clock().astimezone(wita()).date()
    on = today - timedelta(days=1 if callback_data.v == "1" else 0)
    await ask_referral_detail(message_of(query), state, info, on, staff_cases, session, staff)


async def on_refer_skip(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    info = await input_info(state)
    if info.get("tip") != callback_data.t or "on" not in info:
        await query.answer(texts.not_allowed_toast())
        return
    await finish_referral(message_of(query), state, None, staff_cases, session, staff, clock())
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
    await edit(message_of(query), texts.prompt_case_data(view.case_number), keyboards.case_data_menu(view))


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
    await message_of(query).answer(
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
    await edit(message_of(query), texts.prompt_transit(view.case_number), keyboards.transit_menu(view))


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
    await message_of(query).answer(texts.prompt_link(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))


async def on_unlink_menu(
    query: CallbackQuery, callback_data: StaffCb, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer()
    await edit(message_of(query), texts.prompt_unlink(view.case_number), keyboards.unlink_menu(view))


async def on_unlink(
    query: CallbackQuery,
    callback_data: StaffCb,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    other_id = int(callback_data.v) if callback_data.v.isdigit() else 0
    other = await staff_cases.unlink(session, staff, callback_data.t, other_id)
    view = await staff_cases.summary(session, staff, callback_data.t)
    await query.answer(texts.done_unlink(view.case_number, other))
    await panel(message_of(query), view, staff, clock(), edit=True)


async def on_cancel(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    if await is_staff_input(state):
        await end_input(state)
    await query.answer(texts.cancelled())
    if callback_data.t:
        view = await staff_cases.summary(session, staff, callback_data.t)
        message = message_of(query)
        await panel(message, view, staff, clock(), edit=bool(message.reply_markup))
