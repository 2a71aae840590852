"""Whatever no journey took: unknown commands, unexpected messages, buttons of screens not built yet.

Registered last, so every journey router has had its chance first.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.telegram.common.callbacks import MenuCallback
from bot.telegram.common.keyboards import main_menu


def build_router() -> Router:
    router = Router(name="fallback")
    router.callback_query.register(on_menu_not_ready, MenuCallback.filter())
    router.callback_query.register(on_stale_button)
    router.message.register(on_unknown_command, F.text.startswith("/"))
    router.message.register(on_unexpected_message)
    return router


async def on_menu_not_ready(query: CallbackQuery) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(
            _("This part of the service is not ready yet. Please choose something else from the menu."),
            reply_markup=main_menu(),
        )


async def on_stale_button(query: CallbackQuery) -> None:
    # Buttons of an old message whose conversation has moved on: say so instead of doing nothing.
    await query.answer(_("This button is no longer active."))
    if query.message is not None:
        await query.message.answer(_("What would you like to do?"), reply_markup=main_menu())


async def on_unknown_command(message: Message) -> None:
    await message.answer(
        _("I don't know that command. Here is what I can do:"),
        reply_markup=main_menu(),
    )


async def on_unexpected_message(message: Message) -> None:
    if message.text is not None:
        text = _("I didn't understand that. Please choose from the menu:")
    else:
        text = _("I can't use this kind of message here. Please choose from the menu:")
    await message.answer(text, reply_markup=main_menu())
