"""The staff routers' gate: who may pass, and the one place where a refusal is answered.

``StaffGate`` runs after a staff handler's own filters matched (an inner middleware: a reporter's message costs no
staff look-up). It reads the sender from the staff table afresh, so a removed or demoted member is refused at
once, and puts the member into the handler's ``staff`` argument. Anyone else is refused and logged without their
id or what they sent; a button pressed by them does nothing.

Every ``Refused`` a staff handler raises ends here: the refusal is said in the staff member's language (an alert
for a button, a message for typed input), and a stale button's screen is redrawn to show where the tip stands.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.staff.model import Refused
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.callbacks import StaffCb
from bot.telegram.staff.conversation import end_input, input_info, is_staff_input, redraw_panel
from db.repositories import staff as staff_repo

log = logging.getLogger(__name__)

# Refusals of typed input after which the question stays open (the staff member can try again).
_KEEP_ASKING = frozenset({"reason_required", "bad_input", "not_found", "self_link", "search_short"})


class StaffGate(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        session: AsyncSession = data["session"]
        staff = await staff_repo.get_active(session, user.id) if user is not None else None
        if staff is None:
            await _refuse_outsider(event, data.get("state"))
            return None
        data["staff"] = staff
        try:
            return await handler(event, data)
        except Refused as refused:
            await _said_no(event, data, refused)
            return None


async def _refuse_outsider(event: TelegramObject, state: FSMContext | None) -> None:
    # Who it was and what they sent stay out of the log.
    log.warning("staff: %s refused: sender is not registered staff", type(event).__name__)
    if state is not None and await is_staff_input(state):
        await end_input(state)
    if isinstance(event, CallbackQuery):
        await event.answer(texts.not_allowed_toast(), show_alert=True)
    elif isinstance(event, Message):
        await event.answer(texts.not_staff())


async def _said_no(event: TelegramObject, data: dict[str, Any], refused: Refused) -> None:
    log.info("staff: refused (%s)", refused.code)
    if isinstance(event, CallbackQuery):
        await event.answer(texts.refused_text(refused), show_alert=True)
        callback: StaffCb | None = data.get("callback_data")
        message = event.message
        if (
            callback is not None
            and callback.t
            and isinstance(message, Message)
            and refused.code not in ("not_found", "role", "not_staff")
        ):
            # Show where the tip stands now, so a stale button does not leave a stale screen.
            await redraw_panel(message, callback.t, data["staff"], data["session"], data["staff_cases"], data)
        return
    if isinstance(event, Message):
        state: FSMContext = data["state"]
        tip = int((await input_info(state)).get("tip") or 0)
        if refused.code not in _KEEP_ASKING and await is_staff_input(state):
            await end_input(state)  # the state first: the message is sent after it is saved
        await event.answer(texts.refused_text(refused), reply_markup=keyboards.cancel_keyboard(tip))
