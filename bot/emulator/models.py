"""State and event types of the Telegram emulator (plain data, no I/O)."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ApiError",
    "BotDelete",
    "BotEdit",
    "BotMessage",
    "CallRecord",
    "CallbackAnswer",
    "Clock",
    "EmuChat",
    "EmuFile",
    "EmuUser",
    "Event",
    "Fault",
    "FaultKind",
    "Faults",
    "StoredMessage",
    "message_text",
]


class ApiError(Exception):
    """An error answer of the Bot API: ``{"ok": false, "error_code": code, "description": description}``."""

    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class Clock:
    """Wall clock with an adjustable offset: message dates and the 48-hour delete rule use it.

    ``advance(seconds)`` moves it forward and calls every listener added with ``on_advance`` (a demo or test can
    use this to move the application's own clock too)."""

    def __init__(self, start: float | None = None) -> None:
        self._offset = 0.0 if start is None else start - time.time()
        self._listeners: list[Callable[[float], None]] = []

    def now(self) -> float:
        return time.time() + self._offset

    def timestamp(self) -> int:
        return int(self.now())

    def advance(self, seconds: float) -> None:
        self._offset += seconds
        for listener in list(self._listeners):
            listener(seconds)

    def on_advance(self, listener: Callable[[float], None]) -> None:
        self._listeners.append(listener)


@dataclass(eq=False)
class EmuUser:
    """A Telegram user on the emulated client side. Its private chat with the bot has ``chat_id == id``."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "id"
    is_bot: bool = False
    blocked_bot: bool = False
    """When True, the bot's messages to the user fail with 403 "Forbidden: bot was blocked by the user"."""

    @property
    def chat_id(self) -> int:
        return self.id

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name

    def to_api(self) -> dict:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code and not self.is_bot:
            data["language_code"] = self.language_code
        return data


@dataclass(eq=False)
class StoredMessage:
    """One message of a chat, as the emulator keeps it. ``data`` is the Telegram Message object (current state)."""

    data: dict
    from_bot: bool
    deleted: bool = False
    history: list[dict] = field(default_factory=list)
    """Earlier versions of ``data`` (oldest first), one per edit."""
    reply_markup: dict | None = None
    """The reply_markup as sent (inline keyboard, reply keyboard, ReplyKeyboardRemove or ForceReply)."""

    @property
    def message_id(self) -> int:
        return self.data["message_id"]

    @property
    def chat_id(self) -> int:
        return self.data["chat"]["id"]

    @property
    def date(self) -> int:
        return self.data["date"]

    @property
    def text(self) -> str:
        return message_text(self.data)

    @property
    def inline_keyboard(self) -> list[list[dict]]:
        return (self.data.get("reply_markup") or {}).get("inline_keyboard") or []

    def snapshot(self) -> dict:
        return copy.deepcopy(self.data)


def message_text(message: dict) -> str:
    """Text or caption of a Message object ("" when it has neither)."""
    return message.get("text") or message.get("caption") or ""


@dataclass(eq=False)
class EmuChat:
    """A chat the bot is in: ``private`` (one user), ``group`` or ``supergroup``."""

    id: int
    type: str
    title: str | None = None
    user: EmuUser | None = None
    members: dict[int, str] = field(default_factory=dict)
    """user id -> status ("creator", "administrator", "member", "left", "kicked")."""
    bot_status: str = "member"
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    username: str | None = None

    @property
    def is_private(self) -> bool:
        return self.type == "private"

    def to_api(self) -> dict:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.is_private and self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.last_name:
                data["last_name"] = self.user.last_name
            if self.user.username:
                data["username"] = self.user.username
        else:
            data["title"] = self.title or str(self.id)
            if self.username:
                data["username"] = self.username
        return data

    def take_message_id(self) -> int:
        mid = self.next_message_id
        self.next_message_id += 1
        return mid

    def display_name(self) -> str:
        if self.is_private and self.user is not None:
            return self.user.first_name
        return self.title or str(self.id)


@dataclass(eq=False)
class EmuFile:
    """A file known to the emulator (uploaded by the user side or by the bot)."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes
    file_size: int
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    uploaded_by: Literal["user", "bot"] = "user"
    meta: dict = field(default_factory=dict)
    """Kind-specific details (duration; for photos the shared PhotoSize list under "sizes")."""

    def to_file(self) -> dict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.file_size,
            "file_path": self.file_path,
        }


# ---- events -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BotMessage:
    """The bot sent ``message`` (a Message object) to ``chat_id``; ``reply_markup`` is the markup as sent."""

    chat_id: int
    message: dict
    reply_markup: dict | None = None

    @property
    def text(self) -> str:
        return message_text(self.message)


@dataclass(frozen=True)
class BotEdit:
    """The bot edited a message; ``kind`` is "text", "caption" or "reply_markup"; ``message`` is the new state."""

    chat_id: int
    message: dict
    kind: str = "text"

    @property
    def text(self) -> str:
        return message_text(self.message)


@dataclass(frozen=True)
class BotDelete:
    chat_id: int
    message_ids: tuple[int, ...]


@dataclass(frozen=True)
class CallbackAnswer:
    """The bot answered a callback query (``text`` shows as a toast, or as an alert when ``show_alert``)."""

    callback_query_id: str
    chat_id: int | None
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


Event = BotMessage | BotEdit | BotDelete | CallbackAnswer


@dataclass(eq=False)
class CallRecord:
    """One request the bot made. ``params`` has uploaded files replaced by a short description."""

    method: str
    params: dict
    time: float
    ok: bool | None = None
    error: str | None = None
    status: int | None = None
    result: Any = None
    unimplemented: bool = False
    fault: str | None = None


FaultKind = Literal["429", "500", "502", "502html", "timeout", "drop"]


@dataclass(eq=False)
class Fault:
    """An injected failure. ``times`` is how many matching requests it still affects."""

    method: str | None
    kind: FaultKind
    chat_id: int | str | None = None
    times: int = 1
    retry_after: int = 1
    hold: float | None = None
    apply: bool = False
    hits: int = 0

    def matches(self, method: str, params: dict) -> bool:
        if self.times <= 0:
            return False
        if self.method is None:
            if method.lower() == "getupdates":
                return False
        elif self.method.lower() != method.lower():
            return False
        if self.chat_id is not None:
            return str(params.get("chat_id")) == str(self.chat_id)
        return True


class Faults:
    """Injected failures, matched in the order they were added.

    ``add(method="sendMessage", kind="429", chat_id=None, times=1, retry_after=1, hold=None, apply=False)``

    kinds: "429" (Too Many Requests with ``parameters.retry_after``), "500", "502" (JSON error answers),
    "502html" (an HTML body like Telegram's nginx gives), "timeout" (the request is held ``hold`` seconds,
    default ``timeout_hold``, then the connection is closed without an answer), "drop" (connection closed
    at once without an answer). Error answers never apply the action. For "timeout" and "drop", ``apply=True``
    performs the action before the answer is lost (Telegram did it; the bot never heard). ``method=None``
    matches every method except getUpdates.
    """

    def __init__(self) -> None:
        self.pending: list[Fault] = []
        self.fired: list[tuple[str, Fault]] = []
        self.timeout_hold: float = 30.0

    def add(
        self,
        method: str | None = "sendMessage",
        kind: FaultKind = "429",
        *,
        chat_id: int | str | None = None,
        times: int = 1,
        retry_after: int = 1,
        hold: float | None = None,
        apply: bool = False,
    ) -> Fault:
        if kind not in ("429", "500", "502", "502html", "timeout", "drop"):
            raise ValueError(f"unknown fault kind {kind!r}")
        fault = Fault(method, kind, chat_id, times, retry_after, hold, apply)
        self.pending.append(fault)
        return fault

    def clear(self) -> None:
        self.pending.clear()

    def take(self, method: str, params: dict) -> Fault | None:
        for fault in self.pending:
            if fault.matches(method, params):
                fault.times -= 1
                fault.hits += 1
                self.fired.append((method, fault))
                if fault.times <= 0:
                    self.pending.remove(fault)
                return fault
        return None
