"""Runs the dispatcher: start-up and shutdown hooks, the scheduler, and the source of updates (long polling or a
webhook). One object, so the bot, the demo and the tests start and stop the bot the same way."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import Cipher
from bot.telegram.updates.locks import PersonLocks
from bot.telegram.updates.middleware import FROM_INBOX
from bot.telegram.updates.polling import Poller
from bot.telegram.updates.scheduler import UpdateScheduler
from db.direct import Writer

log = logging.getLogger(__name__)


class BotRunner:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        *,
        concurrency: int,
        locks: PersonLocks | None = None,
        on_done: Callable[[float], None] | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.scheduler = UpdateScheduler(self._handle, concurrency=concurrency, locks=locks, on_done=on_done)
        self._poller: Poller | None = None
        self._poll_task: asyncio.Task[None] | None = None

    async def _handle(self, update: Update, from_inbox: bool) -> None:
        await self.dispatcher.feed_update(self.bot, update, **{FROM_INBOX: from_inbox})

    def busy(self) -> bool:
        return self.scheduler.busy()

    def _workflow(self) -> dict:
        data = {"dispatcher": self.dispatcher, "bots": [self.bot], **self.dispatcher.workflow_data}
        data.pop("bot", None)
        return data

    async def startup(self) -> None:
        await self.dispatcher.emit_startup(bot=self.bot, **self._workflow())

    async def shutdown(self) -> None:
        """Stop taking updates, let running ones finish, then run the shutdown hooks."""
        if self._poller is not None:
            self._poller.stop()
        if self._poll_task is not None:
            self._poll_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poll_task
            self._poll_task = None
        await self.scheduler.close()
        await self.dispatcher.emit_shutdown(bot=self.bot, **self._workflow())

    def start_polling(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        *,
        clock: Callable[[], datetime],
        timeout: int = 25,
        writer: Writer | None = None,
    ) -> asyncio.Task[None]:
        self._poller = Poller(
            self.bot,
            self.scheduler,
            session_factory,
            cipher,
            clock=clock,
            allowed_updates=self.dispatcher.resolve_used_update_types(),
            timeout=timeout,
            writer=writer,
        )
        self._poll_task = asyncio.create_task(self._poller.run(), name="polling")
        return self._poll_task

    @contextlib.asynccontextmanager
    async def polling(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        *,
        clock: Callable[[], datetime],
        timeout: int = 25,  # noqa: ASYNC109 - the long poll's length, passed to Telegram
        writer: Writer | None = None,
    ) -> AsyncIterator[asyncio.Task[None]]:
        """Start-up hooks, then polling until the block ends, then shutdown."""
        await self.startup()
        try:
            yield self.start_polling(session_factory, cipher, clock=clock, timeout=timeout, writer=writer)
        finally:
            await self.shutdown()
