"""Last line of defence: an error in a handler is logged without user data and the person is told, never silence.

This path needs no database (the database may be what failed): the language comes from what the update's middlewares
already found, else from this process's cache, else from Telegram's language setting.
"""

from __future__ import annotations

import logging

from aiogram.types import CallbackQuery, ErrorEvent, Message, User
from aiogram.utils.i18n import gettext as _

from bot.services.metrics import Metrics
from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Pseudonymizer
from bot.telegram.common.keyboards import main_menu
from bot.telegram.i18n import CatalogI18n, locale_from_telegram
from bot.telegram.updates.unit import UnitOfWork

log = logging.getLogger(__name__)


async def on_error(
    event: ErrorEvent,
    i18n: CatalogI18n,
    languages: LanguagePreferences,
    pseudonymizer: Pseudonymizer,
    locale: str | None = None,
    unit_of_work: UnitOfWork | None = None,
    metrics: Metrics | None = None,
) -> bool:
    # The exception type and where it happened are enough to debug; its message may quote user text.
    exc = event.exception
    frame = exc.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f"{frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else "?"
    log.error("handler failed on update %s: %s at %s", event.update.update_id, type(exc).__name__, where)
    if metrics is not None:
        metrics.errors.inc()
    update = event.update
    query: CallbackQuery | None = update.callback_query
    message: Message | None = update.message or (
        query.message if query is not None and isinstance(query.message, Message) else None
    )
    user: User | None = (update.message.from_user if update.message else None) or (query.from_user if query else None)
    if locale is None and user is not None:
        locale = languages.cached(pseudonymizer.pseudonym(user.id)) or locale_from_telegram(
            user.language_code, i18n.default_locale
        )
    with i18n.context(), i18n.use_locale(locale or i18n.default_locale):
        if query is not None and not (unit_of_work is not None and unit_of_work.answered_callback):
            try:
                await query.answer()  # stops the button's spinner
            except Exception as notify_exc:
                log.warning("could not answer the button after an error: %s", type(notify_exc).__name__)
        if message is not None:
            try:
                await _tell_user(message)
            except Exception as notify_exc:  # the error may be Telegram itself being unreachable
                log.warning("could not tell the user about the error: %s", type(notify_exc).__name__)
    return True


async def _tell_user(message: Message) -> None:
    await message.answer(
        _("Sorry, something went wrong on our side. What you gave before is saved. Please try again in a moment."),
        reply_markup=main_menu(),
    )
