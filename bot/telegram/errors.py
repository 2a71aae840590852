"""Last line of defence: an error in a handler is logged without user data and the user is told, never silence."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from aiogram.types import ErrorEvent, Message
from aiogram.utils.i18n import gettext as _

from bot.telegram.common.keyboards import main_menu
from db.repositories import preferences

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)


async def on_error(event: ErrorEvent, app: App) -> bool:
    # The exception type and where it happened are enough to debug; its message may quote user text.
    exc = event.exception
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f"{frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else "?"
    log.error("handler failed on update %s: %s at %s", event.update.update_id, type(exc).__name__, where)
    message = event.update.message or (event.update.callback_query.message if event.update.callback_query else None)
    if message is not None:
        try:
            locale = await _user_locale(event, app)
            with app.i18n.context(), app.i18n.use_locale(locale):
                await _tell_user(message)
        except Exception as notify_exc:  # the error may be Telegram itself being unreachable
            log.warning("could not tell the user about the error: %s", type(notify_exc).__name__)
    return True


async def _user_locale(event: ErrorEvent, app: App) -> str:
    """Errors are handled outside the locale middleware, so look the user's language up again."""
    update = event.update
    user = (update.message.from_user if update.message else None) or (
        update.callback_query.from_user if update.callback_query else None
    )
    if user is None:
        return app.settings.default_locale
    async with app.session_factory() as session:
        stored = await preferences.get_locale(session, app.pseudonymizer.pseudonym(user.id))
    return stored or app.settings.default_locale


async def _tell_user(message: Message) -> None:
    await message.answer(
        _("Sorry, something went wrong on our side. What you gave before is saved. Please try again in a moment."),
        reply_markup=main_menu(),
    )
