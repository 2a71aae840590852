"""ChatDriver: the API end-to-end tests use to chat with the bot as one user.

    driver = ChatDriver(emulator, emulator.add_user(1001, "Ana"), extra_busy=app_is_busy)
    reply = await driver.say("/start")
    assert "Selamat datang" in reply.text
    reply = await driver.press("Laporkan")       # first button whose label contains it (case-insensitive)
    reply = await driver.press(2)                # or the 2nd button in reading order
    reply = await driver.photo(b"...jpeg bytes...", caption="foto")

Each action returns a :class:`Reply`: the events the bot produced in response (collected until the emulator is idle).
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from bot.emulator.models import BotDelete, BotEdit, BotMessage, CallbackAnswer, EmuUser, Event
from bot.emulator.server import TelegramEmulator, buttons_of
from bot.emulator.transcript import message_display_text

__all__ = ["ChatDriver", "Reply"]

# Small stand-ins that look like the real thing to anything sniffing magic bytes.
SAMPLE_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
SAMPLE_OGG = b"OggS\x00\x02" + b"\x00" * 64
SAMPLE_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SAMPLE_MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64


class Reply(list[Event]):
    """Events the bot produced in response to one action, with conveniences."""

    @property
    def messages(self) -> list[dict]:
        """Messages the bot sent (Message dicts), in order."""
        return [e.message for e in self if isinstance(e, BotMessage)]

    @property
    def edits(self) -> list[dict]:
        return [e.message for e in self if isinstance(e, BotEdit)]

    @property
    def deletes(self) -> list[BotDelete]:
        return [e for e in self if isinstance(e, BotDelete)]

    @property
    def answers(self) -> list[CallbackAnswer]:
        return [e for e in self if isinstance(e, CallbackAnswer)]

    @property
    def texts(self) -> list[str]:
        """Display text of every sent or edited message (media as ``[photo] caption``)."""
        return [message_display_text(e.message) for e in self if isinstance(e, BotMessage | BotEdit)]

    @property
    def text(self) -> str:
        """All of ``texts`` joined by newlines (handy for ``in`` checks)."""
        return "\n".join(self.texts)

    @property
    def buttons(self) -> list[str]:
        """Labels of the inline buttons of the last sent or edited message that has some."""
        for e in reversed(self):
            if isinstance(e, BotMessage | BotEdit):
                labels = [b.get("text", "") for b in buttons_of(e.message)]
                if labels:
                    return labels
        return []

    def in_chat(self, chat_id: int) -> Reply:
        """Only the events in one chat (e.g. the staff group)."""
        return Reply(e for e in self if getattr(e, "chat_id", None) == chat_id)


def _load(data_or_path: bytes | str | os.PathLike[str]) -> tuple[bytes, str | None]:
    if isinstance(data_or_path, bytes | bytearray):
        return bytes(data_or_path), None
    path = Path(data_or_path)
    return path.read_bytes(), path.name


class ChatDriver:
    """Chats with the bot as ``user`` in their private chat; every action waits until the bot is idle and returns
    the events it produced. ``extra_busy`` (e.g. the application's in-flight handler counter) is passed to
    ``wait_idle``."""

    def __init__(
        self,
        emulator: TelegramEmulator,
        user: EmuUser,
        *,
        extra_busy: Callable[[], bool] | None = None,
        quiet: float | None = None,
        # Only a bot that never settles waits this long (the test then fails naming what is still busy); a slow,
        # shared machine must not fail a test that a quiet one passes.
        timeout: float = 120.0,
    ) -> None:
        self.emulator = emulator
        self.user = user
        self.extra_busy = extra_busy
        # With the application's own busy signal, idleness is exact; without one (a bot in another process), a
        # short quiet spell after the last request stands in for it.
        self.quiet = quiet if quiet is not None else (0.0 if extra_busy is not None else 0.05)
        self.timeout = timeout
        self.history: list[Event] = []
        """Every event seen since the driver was created (in any chat)."""
        self._queue = emulator.subscribe()

    @property
    def chat_id(self) -> int:
        return self.user.id

    def close(self) -> None:
        self.emulator.unsubscribe(self._queue)

    def _drain(self) -> Reply:
        events = Reply()
        while not self._queue.empty():
            events.append(self._queue.get_nowait())
        self.history.extend(events)
        return events

    async def settle(self) -> Reply:
        """Wait until the bot is idle and return the events produced since the last action."""
        await self.emulator.wait_idle(quiet=self.quiet, timeout=self.timeout, extra_busy=self.extra_busy)
        return self._drain()

    async def _act(self, action: Callable[[], object]) -> Reply:
        self._drain()  # earlier, unrelated events stay in history but are not part of this reply
        action()
        return await self.settle()

    # ---- actions ------------------------------------------------------------------------------------------
    async def say(self, text: str, *, reply_to: dict | int | None = None) -> Reply:
        """Send a text message (a leading /command gets its bot_command entity)."""
        return await self._act(lambda: self.emulator.send_text(self.user, text, reply_to=reply_to))

    async def press(self, label_or_index: str | int, *, chat_id: int | None = None) -> Reply:
        """Press an inline button on the last bot message with buttons in this user's private chat (or in
        ``chat_id``): an int presses the Nth button (1-based, reading order), a str the first whose label contains
        it, ignoring case. Raises AssertionError listing the labels when nothing matches."""
        chat = self.chat_id if chat_id is None else chat_id
        message = self.emulator.last_bot_message(chat, with_buttons=True)
        if message is None:
            last = self.emulator.last_bot_message(chat)
            shown = message_display_text(last.data) if last else "none"
            raise AssertionError(f"no bot message with inline buttons in chat {chat}; last bot message: {shown!r}")
        labels = [b.get("text", "") for b in buttons_of(message)]
        kwargs: dict = {"index": label_or_index} if isinstance(label_or_index, int) else {"label": label_or_index}
        try:
            return await self._act(lambda: self.emulator.press(self.user, message, **kwargs))
        except (LookupError, ValueError) as e:
            raise AssertionError(f"cannot press {label_or_index!r}: {e}; available buttons: {labels}") from None

    async def photo(
        self,
        data_or_path: bytes | str | os.PathLike[str] = SAMPLE_JPEG,
        *,
        caption: str | None = None,
        declared_size: int | None = None,
    ) -> Reply:
        data, _ = _load(data_or_path)
        return await self._act(
            lambda: self.emulator.send_photo(self.user, data, caption=caption, declared_size=declared_size)
        )

    async def voice(
        self,
        data_or_path: bytes | str | os.PathLike[str] = SAMPLE_OGG,
        *,
        duration: int = 3,
        declared_size: int | None = None,
    ) -> Reply:
        data, _ = _load(data_or_path)
        return await self._act(
            lambda: self.emulator.send_voice(self.user, data, duration=duration, declared_size=declared_size)
        )

    async def document(
        self,
        data_or_path: bytes | str | os.PathLike[str] = SAMPLE_PDF,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
        declared_size: int | None = None,
    ) -> Reply:
        data, name = _load(data_or_path)
        file_name = file_name or name or "document.pdf"
        mime_type = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        return await self._act(
            lambda: self.emulator.send_document(
                self.user, data, file_name=file_name, mime_type=mime_type, caption=caption, declared_size=declared_size
            )
        )

    async def video(
        self,
        data_or_path: bytes | str | os.PathLike[str] = SAMPLE_MP4,
        *,
        duration: int = 5,
        caption: str | None = None,
        declared_size: int | None = None,
    ) -> Reply:
        data, name = _load(data_or_path)
        return await self._act(
            lambda: self.emulator.send_video(
                self.user,
                data,
                duration=duration,
                caption=caption,
                file_name=name or "video.mp4",
                declared_size=declared_size,
            )
        )

    async def location(self, latitude: float, longitude: float) -> Reply:
        return await self._act(lambda: self.emulator.send_location(self.user, latitude, longitude))

    async def contact(self, phone_number: str = "+6281234567890", first_name: str | None = None) -> Reply:
        """Share a contact (by default the user's own, with their user_id, as the "share my number" button does)."""
        own = first_name is None
        return await self._act(
            lambda: self.emulator.send_contact(
                self.user,
                phone_number,
                first_name or self.user.first_name,
                user_id=self.user.id if own else None,
            )
        )

    async def sticker(self, emoji: str = "🙂") -> Reply:
        return await self._act(lambda: self.emulator.send_sticker(self.user, emoji=emoji))

    # ---- looking at the chat ------------------------------------------------------------------------------
    def last_message(self, *, with_buttons: bool = False) -> dict | None:
        """The bot's latest message in this private chat (current state), optionally the latest with buttons."""
        stored = self.emulator.last_bot_message(self.chat_id, with_buttons=with_buttons)
        return stored.snapshot() if stored else None

    def last_text(self) -> str:
        """Display text of the bot's latest message in this chat ("" if none)."""
        message = self.last_message()
        return message_display_text(message) if message else ""

    def last_buttons(self) -> list[str]:
        """Labels of the inline buttons of the latest bot message that has some."""
        message = self.last_message(with_buttons=True)
        return [b.get("text", "") for b in buttons_of(message)] if message else []

    def messages(self) -> list[dict]:
        """All the bot's (not deleted) messages in this chat, current state."""
        return self.emulator.sent_messages(self.chat_id)

    @staticmethod
    def texts(events: Iterable[Event]) -> list[str]:
        return Reply(events).texts
