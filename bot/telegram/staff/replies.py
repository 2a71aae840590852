"""Small helpers every staff button uses: the message a button sits on, editing it in place."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.services.staff.model import Refused


def message_of(query: CallbackQuery) -> Message:
    if not isinstance(query.message, Message):
        raise Refused("bad_input")  # a button on a message too old for Telegram to show us
    return query.message


async def edit(message: Message, text: str, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as exc:
        if "not modified" not in str(exc):
            raise
