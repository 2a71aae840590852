"""Local Telegram Bot API emulator: one implementation for ``tipline demo`` and the end-to-end tests.

- :class:`TelegramEmulator` (server.py): the Bot API over HTTP on loopback, put together from world.py (users,
  chats, the update queue, records, events, idleness), files.py, users.py (the user side), bot_side.py and
  methods.py (the method table: the Bot API methods it implements).
- :class:`BotApiSpec` (spec.py): the Bot API specification (extract in ``bot_api/``) and request validation.
- :class:`ChatDriver` (driver.py): chat with the bot as one user from a test.
- :func:`run_script` (console.py), :func:`run_interactive` (terminal.py): the console chat of ``tipline demo``.
- :class:`TranscriptRenderer` (transcript.py): events as transcript lines.
- :func:`make_bot`, :func:`polling` (testing.py): run an aiogram bot against it.
"""

from bot.emulator.console import ConsoleSession, run_script
from bot.emulator.driver import ChatDriver, Reply
from bot.emulator.models import (
    ApiError,
    BotDelete,
    BotEdit,
    BotMessage,
    CallbackAnswer,
    CallRecord,
    Clock,
    EmuChat,
    EmuFile,
    EmuUser,
    Event,
    Fault,
    Faults,
    StoredMessage,
)
from bot.emulator.server import DOWNLOAD_LIMIT, TelegramEmulator, buttons_of
from bot.emulator.spec import BotApiSpec, UploadedFile, default_spec_path
from bot.emulator.terminal import run_interactive
from bot.emulator.testing import LoopbackSession, make_bot, polling
from bot.emulator.transcript import TranscriptRenderer, message_display_text

__all__ = [
    "DOWNLOAD_LIMIT",
    "ApiError",
    "BotApiSpec",
    "BotDelete",
    "BotEdit",
    "BotMessage",
    "CallRecord",
    "CallbackAnswer",
    "ChatDriver",
    "Clock",
    "ConsoleSession",
    "EmuChat",
    "EmuFile",
    "EmuUser",
    "Event",
    "Fault",
    "Faults",
    "LoopbackSession",
    "Reply",
    "StoredMessage",
    "TelegramEmulator",
    "TranscriptRenderer",
    "UploadedFile",
    "buttons_of",
    "default_spec_path",
    "make_bot",
    "message_display_text",
    "polling",
    "run_interactive",
    "run_script",
]
