"""The real bot (app, dispatcher, database) running against the local Telegram emulator."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta

from aiogram.client.telegram import TelegramAPIServer

from bot.app import App, build_app, build_bot, build_dispatcher, build_runner
from bot.config import Settings
from bot.emulator.driver import ChatDriver
from bot.emulator.models import EmuUser
from bot.emulator.server import TelegramEmulator
from bot.emulator.testing import wait_until_polling
from bot.telegram.bot_session import BotSession

STAFF_GROUP_ID = -1001234567890


class BotHarness:
    def __init__(self, emulator: TelegramEmulator, settings: Settings) -> None:
        self.emulator = emulator
        self.settings = settings
        self.app: App | None = None
        self._stack: contextlib.AsyncExitStack | None = None
        self._clock_ahead = timedelta()  # how far the stopped app's clock was moved (kept by a restart)

    async def start(self) -> None:
        self.app = await build_app(self.settings)
        # A restart keeps the time a test moved the clock to, before anything runs (retention, reminders): the
        # world's clock does not go back when the bot restarts. (A test set on the demo registry's day had its
        # conversations purged as a week old by the restarted bot's real clock, from a week after that day on.)
        if self._clock_ahead:
            self.app.clock.advance(self._clock_ahead.total_seconds())
        session = BotSession(api=TelegramAPIServer.from_base(self.emulator.base_url), timeout=30)
        bot = build_bot(self.settings, session=session)
        dispatcher = build_dispatcher(self.app)
        self.runner = build_runner(self.app, bot, dispatcher)
        stack = contextlib.AsyncExitStack()
        stack.push_async_callback(self.app.close)
        stack.push_async_callback(bot.session.close)
        task = await stack.enter_async_context(
            self.runner.polling(self.app.session_factory, self.app.cipher, clock=self.app.clock.now, timeout=5)
        )
        await wait_until_polling(task, self.emulator)
        self._stack = stack

    async def stop(self) -> None:
        if self.app is not None:
            self._clock_ahead = self.app.clock.offset
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    async def restart(self) -> None:
        """Stop the process's bot and build a new one on the same database, as a real restart does."""
        await self.stop()
        await self.start()

    async def conversation_data(self, user_id: int) -> dict:
        """A private chat's conversation data as the bot stores it (decrypted), read from the database."""
        import json

        from aiogram.fsm.storage.base import StorageKey

        assert self.app is not None
        key = StorageKey(bot_id=int(self.settings.require_token().split(":")[0]), chat_id=user_id, user_id=user_id)
        row_key = self.app.conversations.row_key(key)
        self.app.conversations.forget(row_key)
        async with self.app.session_factory() as session:
            conversation = await self.app.conversations.load(session, row_key)
        return json.loads(conversation.data) if conversation.data else {}

    def busy(self) -> bool:
        return self.app is not None and self.app.busy()

    def driver(self, user: EmuUser) -> ChatDriver:
        return ChatDriver(self.emulator, user, extra_busy=self.busy)

    def user(self, user_id: int = 1001, first_name: str = "Ana", language_code: str = "id") -> ChatDriver:
        return self.driver(self.emulator.add_user(user_id, first_name, language_code=language_code))


@contextlib.asynccontextmanager
async def running_bot(settings_factory, **overrides) -> AsyncIterator[BotHarness]:
    from tests.conftest import TEST_TOKEN

    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        emulator.add_group(STAFF_GROUP_ID, "staff-group")
        settings = settings_factory(telegram_api_url=emulator.base_url, staff_chat_id=STAFF_GROUP_ID, **overrides)
        harness = BotHarness(emulator, settings)
        await harness.start()
        try:
            yield harness
        finally:
            await harness.stop()
        assert emulator.violations == [], f"the bot made invalid Bot API calls: {emulator.violations}"
