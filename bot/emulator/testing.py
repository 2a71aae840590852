"""Helpers for tests (and the demo) that run an aiogram bot against the emulator.

async with TelegramEmulator(token=TOKEN) as emulator:
    bot = make_bot(emulator)
    async with polling(dispatcher, bot, emulator):
        driver = ChatDriver(emulator, emulator.add_user(1001, "Ana"))
        reply = await driver.say("/start")
    await bot.session.close()
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.emulator.server import TelegramEmulator

__all__ = ["LoopbackSession", "make_bot", "polling", "wait_until_polling"]


class LoopbackSession(AiohttpSession):
    """AiohttpSession that closes at once (the stock one waits 250 ms for TLS connections to wind down, which
    plain HTTP on loopback does not need)."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(emulator: TelegramEmulator, *, timeout: float = 60.0, **kwargs: Any) -> Bot:
    """An aiogram Bot talking to the (started) emulator; ``timeout`` is the session's request timeout."""
    if not emulator.base_url:
        raise RuntimeError("start the emulator first")
    session = LoopbackSession(api=TelegramAPIServer.from_base(emulator.base_url), timeout=timeout)
    return Bot(emulator.token, session=session, **kwargs)


@contextlib.asynccontextmanager
async def polling(
    dispatcher: Dispatcher,
    bot: Bot,
    emulator: TelegramEmulator,
    *,
    polling_timeout: int = 10,
    startup_timeout: float = 120.0,
    **kwargs: Any,
) -> AsyncIterator[asyncio.Task[None]]:
    """Run ``dispatcher.start_polling(bot)`` in a task until the block ends; enters once the bot waits in
    getUpdates. Extra keyword arguments go to start_polling (and so to handlers)."""
    task = asyncio.create_task(
        dispatcher.start_polling(
            bot, polling_timeout=polling_timeout, handle_signals=False, close_bot_session=False, **kwargs
        )
    )
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + startup_timeout
        while not emulator.is_polling:
            if task.done():
                task.result()  # raises what went wrong at startup
                raise RuntimeError("polling stopped during startup")
            if loop.time() > deadline:
                raise TimeoutError(f"the bot did not start polling within {startup_timeout}s")
            await asyncio.sleep(0.005)
        yield task
    finally:
        if not task.done():
            with contextlib.suppress(RuntimeError):
                await dispatcher.stop_polling()
            try:
                await asyncio.wait_for(task, 5)
            except TimeoutError:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task


async def wait_until_polling(task: asyncio.Task, emulator: TelegramEmulator, *, startup_timeout: float = 120.0) -> None:
    """Return once the bot started by ``task`` waits in getUpdates (raising what went wrong if it stopped)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + startup_timeout
    while not emulator.is_polling:
        if task.done():
            task.result()
            raise RuntimeError("polling stopped during startup")
        if loop.time() > deadline:
            raise TimeoutError(f"the bot did not start polling within {startup_timeout}s")
        await asyncio.sleep(0.005)
