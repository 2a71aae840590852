"""Console chat client over the emulator: the ``tipline demo`` front end.

Script lines (piped input or :func:`run_script`):

- ``TEXT`` sends a text message as the current persona;
- ``!press TEXT`` presses an inline button of the last bot message that has buttons (in a chat the persona sees):
  the Nth when TEXT is a number N, else the first whose label contains TEXT, ignoring case;
- ``!photo PATH``, ``!voice PATH``, ``!doc PATH``, ``!video PATH`` send a file; ``!location LAT LON``;
  ``!contact [PHONE]``; ``!sticker``;
- ``!as NAME`` switches persona; ``!wait SECONDS`` advances the emulator's clock;
- blank lines and lines starting with ``#`` are ignored; ``!help`` lists the commands.

Problems (unknown persona, no such file, no matching button, a bot that does not go quiet) print a ``!! ...`` note
and the script goes on. Output is the transcript described in :mod:`bot.emulator.transcript`. Chatting from a
terminal, with a prompt and replies that arrive while you type, is :func:`bot.emulator.terminal.run_interactive`.
"""

from __future__ import annotations

import asyncio
import contextlib
import mimetypes
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TextIO

from bot.emulator.models import BotEdit, BotMessage, EmuUser, Event
from bot.emulator.server import TelegramEmulator, buttons_of
from bot.emulator.transcript import TranscriptRenderer

__all__ = ["HELP", "ConsoleSession", "run_script"]

HELP = (
    "commands: TEXT | !press N or TEXT | !photo PATH | !voice PATH | !doc PATH | !video PATH | "
    "!location LAT LON | !contact [PHONE] | !sticker | !as NAME | !wait SECONDS | !help"
)


class ConsoleSession:
    """Turns console lines into user actions and prints the transcript.

    In script mode events are printed when the bot has gone quiet after each line; in live mode (``live=True``,
    interactive) a background task prints them as they arrive, so messages the bot sends later still appear.
    """

    def __init__(
        self,
        emulator: TelegramEmulator,
        out: TextIO,
        personas: Mapping[str, EmuUser],
        *,
        start_persona: str,
        extra_busy: Callable[[], bool] | None = None,
        quiet: float | None = None,
        timeout: float = 30.0,
        echo_text: bool = True,
    ) -> None:
        if start_persona not in personas:
            raise KeyError(f"unknown start persona {start_persona!r}; personas: {', '.join(personas)}")
        self.emulator = emulator
        self.out = out
        self.personas = dict(personas)
        self.persona = start_persona
        self.extra_busy = extra_busy
        # With the application's own busy signal, idleness is exact; without one (a bot in another process), a
        # short quiet spell after the last request stands in for it.
        self.quiet = quiet if quiet is not None else (0.0 if extra_busy is not None else 0.05)
        self.timeout = timeout
        self.echo_text = echo_text
        """Print ``you> TEXT`` for plain text lines (off when a terminal already shows what was typed)."""
        self.renderer = TranscriptRenderer(emulator, personas, current=self.personas[start_persona])
        self._queue = emulator.subscribe()
        self._seen: list[tuple[int, int]] = []  # (chat_id, message_id) of bot messages in the order they came
        self._printer: asyncio.Task[None] | None = None
        self.before_print: Callable[[], None] | None = None
        self.after_print: Callable[[], None] | None = None

    @property
    def user(self) -> EmuUser:
        return self.personas[self.persona]

    # ---- output -------------------------------------------------------------------------------------------
    def write(self, lines: Iterable[str]) -> None:
        lines = list(lines)
        if not lines:
            return
        if self.before_print:
            self.before_print()
        for line in lines:
            self.out.write(line + "\n")
        self.out.flush()
        if self.after_print:
            self.after_print()

    def note(self, text: str) -> None:
        self.write([f"!! {text}"])

    def _show(self, event: Event) -> None:
        if isinstance(event, BotMessage | BotEdit):
            key = (event.chat_id, event.message["message_id"])
            if key in self._seen:
                self._seen.remove(key)
            self._seen.append(key)
        self.write(self.renderer.render(event))

    def flush_events(self) -> None:
        while not self._queue.empty():
            self._show(self._queue.get_nowait())

    def start_live(self) -> None:
        """Print events as they arrive (interactive mode)."""

        async def printer() -> None:
            while True:
                self._show(await self._queue.get())

        self._printer = asyncio.create_task(printer())

    async def close(self) -> None:
        if self._printer is not None:
            self._printer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._printer
            self._printer = None
        self.flush_events()
        self.emulator.unsubscribe(self._queue)

    async def settle(self) -> None:
        """Wait until the bot has gone quiet, then print what it did."""
        try:
            await self.emulator.wait_idle(quiet=self.quiet, timeout=self.timeout, extra_busy=self.extra_busy)
        except TimeoutError as e:
            self.flush_events()
            self.note(str(e))
            return
        if self._printer is None:
            self.flush_events()
        else:
            await asyncio.sleep(0)  # let the live printer catch up

    # ---- input --------------------------------------------------------------------------------------------
    async def handle_line(self, line: str) -> None:
        """Process one console line (see the module docstring) and wait for the bot to go quiet."""
        line = line.rstrip("\r\n")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            return
        if self._printer is None:
            self.flush_events()  # anything the bot did on its own before this line
        if not stripped.startswith("!"):
            if self.echo_text:
                self.write(self.renderer.render_user(line))
            self.emulator.send_text(self.user, line)
            await self.settle()
            return
        command, _, arg = stripped[1:].partition(" ")
        arg = arg.strip()
        handler = getattr(self, f"_cmd_{command.lower()}", None)
        if handler is None:
            self.note(f"unknown command !{command}; {HELP}")
            return
        if await handler(arg):
            await self.settle()

    async def _cmd_help(self, arg: str) -> bool:
        self.write([HELP, "personas: " + ", ".join(self.personas)])
        return False

    async def _cmd_as(self, arg: str) -> bool:
        if arg not in self.personas:
            self.note(f"no persona {arg!r}; personas: {', '.join(self.personas)}")
            return False
        self.persona = arg
        self.renderer.current = self.user
        self.write([f"-- you are now {arg} --"])
        return False

    async def _cmd_wait(self, arg: str) -> bool:
        try:
            seconds = float(arg)
        except ValueError:
            self.note("usage: !wait SECONDS")
            return False
        self.emulator.advance_time(seconds)
        self.write([f"-- {arg} seconds later --"])
        return True

    def _visible(self, chat_id: int) -> bool:
        if chat_id == self.user.id:
            return True
        chat = self.emulator.chats.get(chat_id)
        return chat is not None and not chat.is_private and chat.members.get(self.user.id) not in (None, "left")

    def _last_with_buttons(self):
        for chat_id, message_id in reversed(self._seen):
            if not self._visible(chat_id):
                continue
            stored = self.emulator.chats[chat_id].messages.get(message_id)
            if stored is not None and not stored.deleted and buttons_of(stored):
                return stored
        stored = self.emulator.last_bot_message(self.user.id, with_buttons=True)
        return stored

    async def _cmd_press(self, arg: str) -> bool:
        if not arg:
            self.note("usage: !press N or !press TEXT")
            return False
        stored = self._last_with_buttons()
        if stored is None:
            self.note("no bot message with buttons to press")
            return False
        buttons = buttons_of(stored)
        labels = [b.get("text", "") for b in buttons]
        if arg.isdigit():
            index = int(arg)
            button = buttons[index - 1] if 1 <= index <= len(buttons) else None
        else:
            button = next((b for b in buttons if arg.lower() in b.get("text", "").lower()), None)
        if button is None:
            listing = "  ".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))
            self.note(f"no button matches {arg!r}; buttons: {listing}")
            return False
        if "callback_data" not in button:
            self.note(f"button {button.get('text')!r} opens a link or app; it does not reach the bot")
            return False
        self.write(self.renderer.render_user(f"[press] {button.get('text', '')}"))
        self.emulator.press(self.user, stored, callback_data=button["callback_data"])
        return True

    def _read(self, arg: str, usage: str) -> bytes | None:
        if not arg:
            self.note(f"usage: {usage}")
            return None
        path = Path(arg).expanduser()
        if not path.is_file():
            self.note(f"no such file: {arg}")
            return None
        return path.read_bytes()

    async def _cmd_photo(self, arg: str) -> bool:
        data = self._read(arg, "!photo PATH")
        if data is None:
            return False
        self.write(self.renderer.render_user(f"[photo {Path(arg).name}]"))
        self.emulator.send_photo(self.user, data)
        return True

    async def _cmd_voice(self, arg: str) -> bool:
        data = self._read(arg, "!voice PATH")
        if data is None:
            return False
        self.write(self.renderer.render_user(f"[voice {Path(arg).name}]"))
        self.emulator.send_voice(self.user, data)
        return True

    async def _cmd_doc(self, arg: str) -> bool:
        data = self._read(arg, "!doc PATH")
        if data is None:
            return False
        name = Path(arg).name
        self.write(self.renderer.render_user(f"[document {name}]"))
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.emulator.send_document(self.user, data, file_name=name, mime_type=mime)
        return True

    _cmd_document = _cmd_doc

    async def _cmd_video(self, arg: str) -> bool:
        data = self._read(arg, "!video PATH")
        if data is None:
            return False
        self.write(self.renderer.render_user(f"[video {Path(arg).name}]"))
        self.emulator.send_video(self.user, data, file_name=Path(arg).name)
        return True

    async def _cmd_location(self, arg: str) -> bool:
        try:
            lat_s, lon_s = arg.replace(",", " ").split()
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            self.note("usage: !location LAT LON")
            return False
        self.write(self.renderer.render_user(f"[location {lat_s}, {lon_s}]"))
        self.emulator.send_location(self.user, lat, lon)
        return True

    async def _cmd_contact(self, arg: str) -> bool:
        phone = arg or "+6281234567890"
        self.write(self.renderer.render_user(f"[contact {phone}]"))
        self.emulator.send_contact(self.user, phone, self.user.first_name, user_id=self.user.id)
        return True

    async def _cmd_sticker(self, arg: str) -> bool:
        self.write(self.renderer.render_user("[sticker]"))
        self.emulator.send_sticker(self.user)
        return True


async def run_script(
    emulator: TelegramEmulator,
    lines: Iterable[str],
    out: TextIO,
    personas: Mapping[str, EmuUser],
    *,
    start_persona: str,
    extra_busy: Callable[[], bool] | None = None,
    quiet: float = 0.05,
    idle_timeout: float = 30.0,
) -> None:
    """Play ``lines`` (see the module docstring) against the bot and print the transcript to ``out``; returns at
    the end of input once the bot has gone quiet. The bot must already be polling the emulator."""
    session = ConsoleSession(
        emulator, out, personas, start_persona=start_persona, extra_busy=extra_busy, quiet=quiet, timeout=idle_timeout
    )
    try:
        for line in lines:
            await session.handle_line(line)
        await session.settle()
    finally:
        await session.close()
