"""The yardstick: a bare aiogram 3 bot that answers every message with its text and every button press with an
answer and a message, using aiogram's own polling. Run by bench/bench_bot.py against the same fake server as
Tipline: ``TELEGRAM_API_URL=http://127.0.0.1:PORT BOT_TOKEN=... python bench/echo_bot.py``."""

from __future__ import annotations

import asyncio
import logging
import os

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, Message


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    dp = Dispatcher()

    @dp.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "…")

    @dp.callback_query()
    async def pressed(query: CallbackQuery) -> None:
        await query.answer()
        if query.message is not None:
            await query.message.answer(query.data or "…")

    await dp.start_polling(bot, handle_signals=True)


if __name__ == "__main__":
    asyncio.run(main())
