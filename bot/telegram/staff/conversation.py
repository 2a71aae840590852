"""What a staff member's chat remembers between updates: the question being answered (a note, a reason, a
referral, a search, a case-data field), the current search (as a keyed hash, never what was typed) and the tips
ticked for a bulk close. And the tip's panel, redrawn after an action."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.cases import CaseService
from bot.services.staff.model import CaseView, Refused, Search, StaffMember
from bot.telegram.staff import keyboards, texts

INPUT_KEY = "staff_input"
SEARCH_KEY = "staff_search"
TICKED_KEY = "staff_ticked"


class StaffInput(StatesGroup):
    note = State()
    ask = State()
    priority_reason = State()
    referral_date = State()
    referral_detail = State()
    link_case = State()
    search = State()
    case_field = State()


async def begin_input(state: FSMContext, step: State, **payload: Any) -> None:
    data = await state.get_data()
    current = await state.get_state()
    previous = (data.get(INPUT_KEY) or {}).get("prev")
    if previous is None and current is not None and not current.startswith("StaffInput:"):
        previous = current  # e.g. a report in progress: it comes back when this input is done
    data[INPUT_KEY] = {**payload, "prev": previous}
    await state.set_data(data)
    await state.set_state(step)


async def end_input(state: FSMContext) -> dict[str, Any]:
    data = await state.get_data()
    info = data.pop(INPUT_KEY, None) or {}
    await state.set_data(data)
    await state.set_state(info.get("prev"))
    return info


async def input_info(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get(INPUT_KEY) or {})


async def is_staff_input(state: FSMContext) -> bool:
    current = await state.get_state()
    return current is not None and current.startswith("StaffInput:")


async def drop_pending_input(state: FSMContext) -> None:
    """A new staff command while a note or reason was being asked: the question lapses."""
    if await is_staff_input(state):
        await end_input(state)


# The search and the ticked tips ------------------------------------------------------------------------------


async def remember_search(state: FSMContext, search: Search | None) -> None:
    data = await state.get_data()
    if search is None:
        data.pop(SEARCH_KEY, None)
    else:
        data[SEARCH_KEY] = {k: v for k, v in vars(search).items() if v is not None}
    await state.set_data(data)


async def current_search(state: FSMContext) -> Search | None:
    saved = (await state.get_data()).get(SEARCH_KEY)
    return Search(**saved) if saved else None


async def ticked(state: FSMContext) -> frozenset[int]:
    return frozenset((await state.get_data()).get(TICKED_KEY) or ())


async def set_ticked(state: FSMContext, tips: frozenset[int] | None) -> None:
    data = await state.get_data()
    if tips is None:
        data.pop(TICKED_KEY, None)
    else:
        data[TICKED_KEY] = sorted(tips)
    await state.set_data(data)


# The tip's panel ------------------------------------------------------------------------------------------


async def panel(target: Message, view: CaseView, staff: StaffMember, now: datetime, *, edit: bool = False) -> None:
    """The tip's status panel with its action buttons (edited in place after a button, else sent anew)."""
    text = texts.actions_text(view, now)
    markup = keyboards.case_keyboard(view, staff)
    if edit:
        try:
            await target.edit_text(text, reply_markup=markup)
            return
        except TelegramBadRequest as exc:
            if "not modified" in str(exc):
                return
    await target.answer(text, reply_markup=markup)


async def redraw_panel(
    message: Message,
    tip_id: int,
    staff: StaffMember,
    session: AsyncSession,
    cases: CaseService,
    data: dict[str, Any],
) -> None:
    clock: Callable[[], datetime] = data["clock"]
    try:
        view = await cases.summary(session, staff, tip_id)
    except Refused:
        return
    await panel(message, view, staff, clock(), edit=True)
