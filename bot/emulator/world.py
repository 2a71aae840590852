"""The emulated Telegram's world: the bot's identity, users and chats, the update queue, what the bot called, events
to subscribers, and when all is quiet. The other parts of :class:`~bot.emulator.server.TelegramEmulator` act on it:
the user side (users.py), files (files.py), the bot's calls (bot_side.py, methods.py) and HTTP (server.py).
"""

from __future__ import annotations

import asyncio
import copy
import itertools
import time
from collections.abc import Callable
from typing import Any

from bot.emulator.models import (
    ApiError,
    CallRecord,
    Clock,
    EmuChat,
    EmuFile,
    EmuUser,
    Event,
    Faults,
    StoredMessage,
)
from bot.emulator.spec import BotApiSpec, UploadedFile
from bot.emulator.webhooks import WebhookDelivery

_NOT_DEFAULT_UPDATES = {"chat_member", "message_reaction", "message_reaction_count"}


def buttons_of(message: dict | StoredMessage) -> list[dict]:
    """Inline keyboard buttons of a message in reading order (rows left to right, top to bottom)."""
    data = message.data if isinstance(message, StoredMessage) else message
    rows = (data.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button for row in rows for button in row]


def describe(value: Any) -> Any:
    """Parameters as a call record keeps them: an uploaded file as its name and size, not its bytes."""
    if isinstance(value, UploadedFile):
        return value.describe()
    if isinstance(value, dict):
        return {k: describe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [describe(v) for v in value]
    return value


def strip_reply(data: dict) -> dict:
    snapshot = copy.deepcopy(data)
    snapshot.pop("reply_to_message", None)
    return snapshot


def update_kind(update: dict) -> str:
    return next(k for k in update if k != "update_id")


class UpdateIds:
    """Update ids that go on increasing from one emulator to the next, as Telegram's do for a bot.

    The bot remembers the ids it has handled so that it can drop a redelivered update; an emulator that started at 1
    every time would have its updates dropped by a bot running again on the same database (``tipline demo --db``).
    Ids start at the clock in milliseconds, above every id an earlier run gave out as long as that run made fewer
    updates than milliseconds went by (each takes the bot far longer than a millisecond to handle), and above every
    id an earlier emulator of this process gave out.
    """

    _highest = 0  # the highest id any emulator of this process has given out

    def __init__(self, first: int | None = None) -> None:
        self._next = first if first is not None else max(time.time_ns() // 1_000_000, UpdateIds._highest + 1)

    def __next__(self) -> int:
        value = self._next
        self._next += 1
        UpdateIds._highest = max(UpdateIds._highest, value)
        return value


class World:
    """State and bookkeeping shared by every part of the emulator."""

    def __init__(
        self,
        *,
        token: str,
        spec: BotApiSpec | None = None,
        bot_username: str = "tipline_demo_bot",
        bot_first_name: str = "Tipline",
        clock: Clock | None = None,
        check_updates: bool = True,
        first_update_id: int | None = None,
    ) -> None:
        head, _, secret = token.partition(":")
        if not head.isdigit() or not secret:
            raise ValueError("token must look like a Telegram token: '<bot id>:<secret>'")
        self.token = token
        self.bot_id = int(head)
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.spec = spec or BotApiSpec.load()
        self.clock = clock or Clock()
        self.check_updates = check_updates
        """Validate every produced Update against the spec (problems go to ``violations`` as "emulator: ...")."""
        self.faults = Faults()
        self.calls: list[CallRecord] = []
        self.violations: list[str] = []
        self.users: dict[int, EmuUser] = {}
        self.chats: dict[int, EmuChat] = {}
        self.files: dict[str, EmuFile] = {}
        self._files_by_path: dict[str, EmuFile] = {}
        self.callback_queries: dict[str, dict] = {}
        self.commands: dict[tuple[str, str], list[dict]] = {}
        self.menu_buttons: dict[int | None, dict] = {}
        self.webhook_url = ""
        self.webhook: WebhookDelivery | None = None  # deliveries to webhook_url, while one is set
        self._background: set[asyncio.Task[None]] = set()
        self.last_update: dict | None = None
        self._queue: list[dict] = []
        self._redeliver: list[dict] = []
        self._update_ids = UpdateIds(first_update_id)
        self._allowed: set[str] | None = None
        self._all_update_kinds = [f for f in self.spec.type_fields("Update") if f != "update_id"]
        self._ids = itertools.count(1)
        self._file_counter = itertools.count(1)
        self._subscribers: list[asyncio.Queue[Event]] = []
        self._inflight: dict[int, str] = {}  # requests being answered now (id: method)
        self._parked = 0  # getUpdates long polls waiting now
        self._last_activity = time.monotonic()
        self._wakeup = asyncio.Event()

    # ==== events =============================================================================================
    def subscribe(self) -> asyncio.Queue[Event]:
        """A queue receiving every event (BotMessage, BotEdit, BotDelete, CallbackAnswer) from now on."""
        queue: asyncio.Queue[Event] = asyncio.Queue()
        self._subscribers.append(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Event]) -> None:
        if queue in self._subscribers:
            self._subscribers.remove(queue)

    def _emit(self, event: Event) -> None:
        for queue in self._subscribers:
            queue.put_nowait(event)

    def _touch(self) -> None:
        self._last_activity = time.monotonic()

    def _notify(self) -> None:
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    # ==== idleness ===========================================================================================
    def busy_reasons(self, *, quiet: float = 0.05, extra_busy: Callable[[], bool] | None = None) -> list[str]:
        """Why the emulator is not idle right now (empty when it is)."""
        reasons = []
        pending = self.pending_updates
        if pending:
            reasons.append(f"{pending} update(s) not fetched yet (is the bot polling?)")
        if self._parked == 0 and self.webhook is None:
            reasons.append("the bot is not waiting in getUpdates")
        if self.webhook is not None and self.webhook.busy:
            reasons.append("webhook deliveries in flight")
        if self._inflight:
            reasons.append("requests in flight: " + ", ".join(sorted(self._inflight.values())))
        if extra_busy is not None and extra_busy():
            reasons.append("extra_busy() is true (the application is still working)")
        if time.monotonic() - self._last_activity < quiet:
            reasons.append(f"a request finished less than {quiet}s ago")
        return reasons

    async def wait_idle(
        self,
        *,
        quiet: float = 0.05,
        timeout: float = 120.0,  # noqa: ASYNC109 - a deadline with a helpful error, not a cancellation
        extra_busy: Callable[[], bool] | None = None,
    ) -> None:
        """Return once no update waits to be fetched, the bot is parked in a getUpdates long poll, no request
        has been in flight or finished within ``quiet`` seconds, and ``extra_busy()`` (if given) is False.
        Raises TimeoutError naming what is still busy after ``timeout`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            reasons = self.busy_reasons(quiet=quiet, extra_busy=extra_busy)
            if not reasons:
                return
            if loop.time() >= deadline:
                recent = ", ".join(f"{c.method}({'ok' if c.ok else c.error or 'pending'})" for c in self.calls[-5:])
                raise TimeoutError(
                    f"Telegram emulator not idle after {timeout}s: {'; '.join(reasons)}. Last calls: {recent or 'none'}"
                )
            await asyncio.sleep(0.005)

    async def wait_polling(self, timeout: float = 120.0) -> None:  # noqa: ASYNC109 - a deadline with a clear error
        """Wait until the bot waits in a getUpdates long poll (TimeoutError after ``timeout`` seconds)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self.is_polling:
                return
            if loop.time() >= deadline:
                raise TimeoutError(f"the bot did not start a getUpdates long poll within {timeout}s")
            await asyncio.sleep(0.002)

    @property
    def is_polling(self) -> bool:
        """True while the bot waits in a getUpdates long poll."""
        return self._parked > 0

    @property
    def pending_updates(self) -> int:
        """Updates queued for getUpdates and not yet confirmed (plus duplicates waiting to be re-delivered)."""
        allowed = self._allowed_kinds()
        return len(self._redeliver) + sum(1 for u in self._queue if update_kind(u) in allowed)

    # ==== update queue =======================================================================================
    def _allowed_kinds(self) -> set[str]:
        if self._allowed:
            return self._allowed
        return {k for k in self._all_update_kinds if k not in _NOT_DEFAULT_UPDATES}

    def _confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset > 0:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        else:
            self._queue = self._queue[offset:]

    def _take(self, limit: int) -> list[dict]:
        out: list[dict] = []
        while self._redeliver and len(out) < limit:
            out.append(self._redeliver.pop(0))
        allowed = self._allowed_kinds()
        self._queue = [u for u in self._queue if update_kind(u) in allowed]
        out.extend(self._queue[: limit - len(out)])
        return copy.deepcopy(out)

    def _enqueue(self, kind: str, payload: dict) -> dict:
        update = {"update_id": next(self._update_ids), kind: copy.deepcopy(payload)}
        if self.check_updates:
            problems = self.spec.validate_object("Update", update)
            if problems:
                self.violations.append(f"emulator: produced an invalid Update: {'; '.join(problems)}")
        self._queue.append(update)
        self.last_update = update
        self._touch()
        self._notify()
        if self.webhook is not None:
            self.webhook.notify()
        return update

    def _pending_list(self) -> list[dict]:
        """Every update waiting to be delivered, oldest first, without taking any (for webhook deliveries)."""
        allowed = self._allowed_kinds()
        return [*self._redeliver, *(u for u in self._queue if update_kind(u) in allowed)]

    def _delivered(self, update_id: int) -> None:
        """A webhook delivery was accepted: the update is no longer pending."""
        for pending in (self._redeliver, self._queue):
            for index, update in enumerate(pending):
                if update["update_id"] == update_id:
                    del pending[index]
                    self._touch()
                    return

    def duplicate_last_update(self) -> dict:
        """Deliver the last update once more with the same update_id, even though the bot confirmed it."""
        if self.last_update is None:
            raise RuntimeError("no update to duplicate")
        self._redeliver.append(copy.deepcopy(self.last_update))
        self._touch()
        self._notify()
        return self.last_update

    # ==== chats and inspection ===============================================================================
    def chat(self, chat_id: int) -> EmuChat:
        return self.chats[chat_id]

    def chat_log(self, chat_id: int) -> list[StoredMessage]:
        """All messages of a chat (user's and bot's, deleted ones flagged) in order."""
        return list(self.chats[chat_id].messages.values())

    def sent_messages(self, chat_id: int, *, include_deleted: bool = False) -> list[dict]:
        """The bot's messages in a chat in order, as they are now (after edits)."""
        return [
            m.snapshot()
            for m in self.chats[chat_id].messages.values()
            if m.from_bot and (include_deleted or not m.deleted)
        ]

    def message(self, chat_id: int, message_id: int) -> StoredMessage:
        return self.chats[chat_id].messages[message_id]

    def last_bot_message(self, chat_id: int, *, with_buttons: bool = False) -> StoredMessage | None:
        """The bot's latest (not deleted) message in a chat; with_buttons: the latest having inline buttons."""
        for m in reversed(self.chats[chat_id].messages.values()):
            if m.from_bot and not m.deleted and (not with_buttons or buttons_of(m)):
                return m
        return None

    def calls_to(self, method: str) -> list[CallRecord]:
        return [c for c in self.calls if c.method.lower() == method.lower()]

    def _bot_user(self) -> dict:
        return {"id": self.bot_id, "is_bot": True, "first_name": self.bot_first_name, "username": self.bot_username}

    def _find_chat(self, chat_id: Any) -> EmuChat:
        chat: EmuChat | None = None
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            name = chat_id[1:].lower()
            chat = next((c for c in self.chats.values() if (c.username or "").lower() == name), None)
            if chat is None:
                chat = next((self.chats[u.id] for u in self.users.values() if (u.username or "").lower() == name), None)
        else:
            try:
                chat = self.chats.get(int(chat_id))
            except (TypeError, ValueError):
                chat = None
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _target_chat(self, chat_id: Any) -> EmuChat:
        chat = self._find_chat(chat_id)
        if chat.is_private:
            if chat.user is not None and chat.user.blocked_bot:
                raise ApiError(403, "Forbidden: bot was blocked by the user")
        elif chat.bot_status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        elif chat.bot_status == "kicked":
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat.type} chat")
        return chat
