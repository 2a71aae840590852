"""Buttons on the queue: pages and filters, the search, ticking tips to close together (admins), the caseload.
One handler per action; the staff gate has checked the presser and answers refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.cases import CaseService
from bot.services.staff.model import StaffMember
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.callbacks import StaffCb, unpack_filter
from bot.telegram.staff.conversation import (
    StaffInput,
    begin_input,
    current_search,
    set_ticked,
    ticked,
)
from bot.telegram.staff.replies import edit, message_of

SELECT_KEY = "staff_select"  # the queue page being ticked (its packed filter)


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
    await edit(message_of(query), text, keyboards.queue_keyboard(page, staff, selecting=selecting, ticked=marks))


async def on_queue(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await set_ticked(state, None)
    await _show_queue(query, callback_data.v, state, session, staff_cases, staff, clock())


async def on_filter_menu(query: CallbackQuery, callback_data: StaffCb, state: FSMContext) -> None:
    which, _, packed = callback_data.v.partition("|")
    f, _page = unpack_filter(packed, await current_search(state))
    await query.answer()
    await message_of(query).edit_reply_markup(reply_markup=keyboards.filter_menu(which, f))


async def on_search(query: CallbackQuery, callback_data: StaffCb, state: FSMContext) -> None:
    await begin_input(state, StaffInput.search, filter=callback_data.v)
    await query.answer()
    await message_of(query).answer(texts.prompt_search(), reply_markup=keyboards.cancel_keyboard())


async def on_select(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await set_ticked(state, frozenset())
    data = await state.get_data()
    data[SELECT_KEY] = callback_data.v
    await state.set_data(data)
    await _show_queue(query, callback_data.v, state, session, staff_cases, staff, clock(), selecting=True)


async def on_pick(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    marks = set(await ticked(state))
    marks ^= {callback_data.t}
    await set_ticked(state, frozenset(marks))
    packed = (await state.get_data()).get(SELECT_KEY, "")
    await _show_queue(query, packed, state, session, staff_cases, staff, clock(), selecting=True)


async def on_bulk(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    marks = await ticked(state)
    if not marks:
        await query.answer(texts.nothing_ticked(), show_alert=True)
        return
    result = await staff_cases.bulk_close(session, staff, sorted(marks), callback_data.v)
    await set_ticked(state, None)
    packed = (await state.get_data()).get(SELECT_KEY, "")
    await _show_queue(query, packed, state, session, staff_cases, staff, clock())
    await message_of(query).answer(texts.done_bulk(result.closed, result.refused, callback_data.v))


async def on_caseload(
    query: CallbackQuery, session: AsyncSession, staff_cases: CaseService, staff: StaffMember
) -> None:
    rows = await staff_cases.caseload(session, staff)
    await query.answer()
    await edit(message_of(query), texts.caseload_text(rows), keyboards.caseload_keyboard(rows))
