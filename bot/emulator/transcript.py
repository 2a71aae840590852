"""Render emulator events as the chat transcript described in docs/design.md.

One line each: ``you> TEXT`` for what the user sent, ``bot> TEXT`` for each bot message (continuation lines indented
by 5 spaces), and under a message with inline buttons one indented line ``[1] Label  [2] Label``. An edit prints as
``bot(edit)> TEXT``, a deletion as ``bot(deleted) N messages``, a callback answer with text as ``bot(toast)> TEXT``
or ``bot(alert)> TEXT``. A message to a chat other than the current persona's private chat names it:
``bot[staff-group]> TEXT`` (group title) or ``bot[staff]> TEXT`` (persona name).

Text is shown as the user sees it: the emulator already stores message text after entity parsing (tags stripped,
entities unescaped). Media show as e.g. ``[photo] caption``.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.emulator.models import BotDelete, BotEdit, BotMessage, CallbackAnswer, EmuUser, Event
from bot.emulator.server import TelegramEmulator

__all__ = ["INDENT", "TranscriptRenderer", "button_line", "format_block", "message_display_text"]

INDENT = " " * 5


def format_block(prefix: str, text: str) -> list[str]:
    """``prefix`` + first line, further lines indented by 5 spaces (blank lines stay blank)."""
    lines = text.split("\n") if text else [""]
    out = [f"{prefix}{lines[0]}".rstrip()]
    out.extend((INDENT + line).rstrip() for line in lines[1:])
    return out


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def media_label(message: Mapping) -> str | None:
    """``[photo]``, ``[document name.pdf]``, ``[voice 3s]`` ... for a media message, else None."""
    if "photo" in message:
        return "[photo]"
    if "document" in message:
        return f"[document {message['document'].get('file_name', 'file')}]"
    if "voice" in message:
        return f"[voice {message['voice'].get('duration', 0)}s]"
    if "video" in message:
        return f"[video {message['video'].get('duration', 0)}s]"
    if "audio" in message:
        audio = message["audio"]
        return f"[audio {audio.get('title') or audio.get('file_name') or ''}]".replace(" ]", "]")
    if "sticker" in message:
        return f"[sticker {message['sticker'].get('emoji', '')}]".replace(" ]", "]")
    if "location" in message:
        loc = message["location"]
        return f"[location {_num(loc['latitude'])}, {_num(loc['longitude'])}]"
    if "contact" in message:
        c = message["contact"]
        return f"[contact {c.get('first_name', '')} {c.get('phone_number', '')}]"
    if "poll" in message:
        return f"[poll {message['poll'].get('question', '')}]"
    return None


def message_display_text(message: Mapping) -> str:
    """What a Telegram client shows for a message: its text, or ``[media] caption``."""
    parts = []
    if "forward_origin" in message:
        parts.append("[forwarded]")
    label = media_label(message)
    if label:
        parts.append(label)
    body = message.get("text") or message.get("caption") or ""
    if body:
        parts.append(body)
    return " ".join(parts)


def button_line(markup: Mapping | None) -> str | None:
    """The indented line listing a keyboard: ``[1] Yes  [2] No`` for inline buttons (numbered in reading order),
    ``keyboard: A | B`` for a reply keyboard; None when there is nothing to show."""
    if not markup:
        return None
    inline = markup.get("inline_keyboard")
    if inline:
        labels = [button.get("text", "") for row in inline for button in row]
        if labels:
            return INDENT + "  ".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))
    keyboard = markup.get("keyboard")
    if keyboard:
        labels = [b.get("text", "") if isinstance(b, Mapping) else str(b) for row in keyboard for b in row]
        if labels:
            return INDENT + "keyboard: " + " | ".join(labels)
    return None


class TranscriptRenderer:
    """Turns events into transcript lines from the point of view of the current persona."""

    def __init__(
        self,
        emulator: TelegramEmulator,
        personas: Mapping[str, EmuUser] | None = None,
        *,
        current: EmuUser | None = None,
    ) -> None:
        self.emulator = emulator
        self.personas = dict(personas or {})
        self.current = current

    def chat_label(self, chat_id: int) -> str | None:
        """None for the current persona's private chat, else a persona name, a group title or a name."""
        if self.current is not None and chat_id == self.current.id:
            return None
        for name, user in self.personas.items():
            if user.id == chat_id:
                return name
        chat = self.emulator.chats.get(chat_id)
        if chat is not None:
            return chat.display_name()
        return str(chat_id)

    def _prefix(self, chat_id: int, tag: str = "") -> str:
        label = self.chat_label(chat_id)
        return "bot" + (f"[{label}]" if label else "") + tag

    def render(self, event: Event) -> list[str]:
        if isinstance(event, BotMessage):
            lines = format_block(self._prefix(event.chat_id) + "> ", message_display_text(event.message))
            buttons = button_line(event.reply_markup or event.message.get("reply_markup"))
            if buttons:
                lines.append(buttons)
            return lines
        if isinstance(event, BotEdit):
            prefix = self._prefix(event.chat_id, "(edit)") + "> "
            markup = event.message.get("reply_markup")
            if event.kind == "reply_markup":
                lines = [prefix + ("(buttons changed)" if button_line(markup) else "(buttons removed)")]
            else:
                lines = format_block(prefix, message_display_text(event.message))
            buttons = button_line(markup)
            if buttons:
                lines.append(buttons)
            return lines
        if isinstance(event, BotDelete):
            n = len(event.message_ids)
            return [f"{self._prefix(event.chat_id, '(deleted)')} {n} message{'s' if n != 1 else ''}"]
        if isinstance(event, CallbackAnswer):
            if not event.text:
                return []
            tag = "(alert)" if event.show_alert else "(toast)"
            chat_id = event.chat_id if event.chat_id is not None else (self.current.id if self.current else 0)
            return format_block(self._prefix(chat_id, tag) + "> ", event.text)
        return []

    def render_user(self, text: str) -> list[str]:
        """The ``you> TEXT`` lines for something the current persona sent."""
        return format_block("you> ", text)
