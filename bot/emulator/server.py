"""A local Telegram Bot API server on loopback, for ``tipline demo`` and the end-to-end tests.

The bot talks to it through aiogram exactly as to Telegram::

    emulator = TelegramEmulator(token="123456:TEST")
    base_url = await emulator.start()
    bot = Bot(emulator.token, session=AiohttpSession(api=TelegramAPIServer.from_base(base_url)))

Serves ``/bot<token>/<method>`` (JSON, urlencoded or multipart bodies; GET or POST) and
``/file/bot<token>/<file_path>``. Every request is checked against the Bot API spec; a violation is answered with
the 400 Telegram would give and appended to :attr:`TelegramEmulator.violations`. The user side (``add_user``,
``send_text``, ``press``, ``send_photo`` ...) creates real Updates for ``getUpdates``; everything the bot does is
recorded in :attr:`TelegramEmulator.calls` and published to subscribers as events (BotMessage, BotEdit, BotDelete,
CallbackAnswer). ``wait_idle()`` returns once the bot has gone quiet.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import logging
import mimetypes
import re
import secrets
import time
from collections.abc import Callable, Iterable
from typing import Any

from aiogram import types as aiogram_types
from aiohttp import BodyPartReader, web

from bot.emulator.formatting import parse_text
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
from bot.emulator.spec import BotApiSpec, UploadedFile

__all__ = ["DOWNLOAD_LIMIT", "TelegramEmulator", "buttons_of"]

logger = logging.getLogger(__name__)

DOWNLOAD_LIMIT = 20 * 1024 * 1024
"""Telegram's getFile limit for bots (the cloud Bot API; a self-hosted server lifts it)."""
UPLOAD_LIMIT = 50 * 1024 * 1024
DELETE_WINDOW = 48 * 3600
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
_CONTENT_KEYS = (
    "text",
    "entities",
    "link_preview_options",
    "photo",
    "document",
    "voice",
    "video",
    "audio",
    "sticker",
    "location",
    "contact",
    "poll",
    "caption",
    "caption_entities",
    "has_media_spoiler",
)
_MEDIA_KINDS = ("photo", "document", "voice", "video", "audio", "sticker")
_FILE_PREFIX = {
    "photo": "AgAC",
    "document": "BQAC",
    "voice": "AwAC",
    "video": "BAAC",
    "audio": "CQAC",
    "sticker": "CAAC",
}
_FILE_DIR = {
    "photo": ("photos", ".jpg"),
    "document": ("documents", ""),
    "voice": ("voice", ".oga"),
    "video": ("videos", ".mp4"),
    "audio": ("music", ".mp3"),
    "sticker": ("stickers", ".webp"),
}
_PHOTO_SIZES = ((90, 68), (320, 240), (800, 600), (1280, 960))
_COMMAND_RE = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?")
_NOT_DEFAULT_UPDATES = {"chat_member", "message_reaction", "message_reaction_count"}


def buttons_of(message: dict | StoredMessage) -> list[dict]:
    """Inline keyboard buttons of a message in reading order (rows left to right, top to bottom)."""
    data = message.data if isinstance(message, StoredMessage) else message
    rows = (data.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button for row in rows for button in row]


def _describe(value: Any) -> Any:
    if isinstance(value, UploadedFile):
        return value.describe()
    if isinstance(value, dict):
        return {k: _describe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_describe(v) for v in value]
    return value


def _strip_reply(data: dict) -> dict:
    snapshot = copy.deepcopy(data)
    snapshot.pop("reply_to_message", None)
    return snapshot


class TelegramEmulator:
    """The emulated Telegram: HTTP server, chats and users, update queue, faults, records and events."""

    def __init__(
        self,
        *,
        token: str,
        spec: BotApiSpec | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
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
        self.host = host
        self.port = port
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
        self.last_update: dict | None = None
        self._queue: list[dict] = []
        self._redeliver: list[dict] = []
        self._update_ids = _UpdateIds(first_update_id)
        self._allowed: set[str] | None = None
        self._all_update_kinds = [f for f in self.spec.type_fields("Update") if f != "update_id"]
        self._ids = itertools.count(1)
        self._file_counter = itertools.count(1)
        self._subscribers: list[asyncio.Queue[Event]] = []
        self._inflight: dict[int, str] = {}
        self._parked = 0
        self._last_activity = time.monotonic()
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._poll_owner: object | None = None
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # ==== lifecycle ========================================================================================
    async def start(self) -> str:
        """Start serving on host:port (port 0 picks a free one); returns the base URL for TelegramAPIServer."""
        self._stopping.clear()
        app = web.Application(client_max_size=UPLOAD_LIMIT + 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.port = port
        self.base_url = f"http://{host}:{port}"
        return self.base_url

    async def stop(self) -> None:
        """Answer parked long polls, release held requests and stop the server."""
        self._stopping.set()
        self._notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ==== events and idleness ==============================================================================
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

    def busy_reasons(self, *, quiet: float = 0.05, extra_busy: Callable[[], bool] | None = None) -> list[str]:
        """Why the emulator is not idle right now (empty when it is)."""
        reasons = []
        pending = self.pending_updates
        if pending:
            reasons.append(f"{pending} update(s) not fetched yet (is the bot polling?)")
        if self._parked == 0:
            reasons.append("the bot is not waiting in getUpdates")
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
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline with a helpful error, not a cancellation
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

    async def wait_polling(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a deadline with a clear error
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
        return len(self._redeliver) + sum(1 for u in self._queue if _update_kind(u) in allowed)

    # ==== HTTP =============================================================================================
    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        name = request.match_info["method"]
        canonical = self.spec.canonical_method(name)
        record = CallRecord(method=canonical or name, params={}, time=self.clock.now())
        self.calls.append(record)
        req_id = next(self._ids)
        self._inflight[req_id] = record.method
        self._touch()
        try:
            if canonical is None:
                self.violations.append(f"{name}: Not Found: method not found")
                raise ApiError(404, "Not Found: method not found")
            params, problems = await self._read_params(request, canonical)
            record.params = _describe(params)
            problems = problems + self.spec.validate(canonical, params)
            if problems:
                self.violations.extend(f"{canonical}: {p}" for p in problems)
                raise ApiError(400, problems[0])
            fault = self.faults.take(canonical, params)
            if fault is not None:
                record.fault = fault.kind
                if fault.kind in ("429", "500", "502", "502html"):
                    return self._fault_response(fault, record)
                if not fault.apply:
                    await self._lose_answer(request, fault, record)
            result = await self._dispatch(canonical, params, record, req_id)
            if fault is not None:
                record.result = result
                await self._lose_answer(request, fault, record)
            record.ok = True
            record.status = 200
            record.result = result
            return web.json_response({"ok": True, "result": result})
        except ApiError as e:
            record.ok = False
            record.error = e.description
            record.status = e.code
            return web.json_response(e.payload(), status=e.code)
        except Exception as e:  # an emulator bug: make it loud in tests, keep serving
            logger.exception("emulator failed on %s", record.method)
            self.violations.append(f"emulator: internal error in {record.method}: {type(e).__name__}: {e}")
            record.ok = False
            record.error = f"emulator internal error: {e}"
            record.status = 500
            return web.json_response(
                {"ok": False, "error_code": 500, "description": "Internal Server Error (emulator bug)"}, status=500
            )
        finally:
            self._inflight.pop(req_id, None)
            self._touch()

    def _fault_response(self, fault: Fault, record: CallRecord) -> web.Response:
        record.ok = False
        if fault.kind == "429":
            error = ApiError(
                429, f"Too Many Requests: retry after {fault.retry_after}", {"retry_after": fault.retry_after}
            )
        elif fault.kind == "500":
            error = ApiError(500, "Internal Server Error")
        elif fault.kind == "502":
            error = ApiError(502, "Bad Gateway")
        else:
            record.status = 502
            record.error = "Bad Gateway (HTML body)"
            html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"  # noqa: E501
            return web.Response(status=502, text=html, content_type="text/html")
        record.status = error.code
        record.error = error.description
        return web.json_response(error.payload(), status=error.code)

    async def _lose_answer(self, request: web.Request, fault: Fault, record: CallRecord) -> None:
        """Hold (timeout) or at once (drop) close the connection without answering."""
        record.ok = False
        record.error = f"no answer ({fault.kind})"
        if fault.kind == "timeout":
            hold = fault.hold if fault.hold is not None else self.faults.timeout_hold
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), hold)
        if request.transport is not None:
            request.transport.close()
        raise asyncio.CancelledError

    async def _read_params(self, request: web.Request, method: str) -> tuple[dict[str, Any], list[str]]:
        raw: dict[str, Any] = dict(request.query)
        files: dict[str, UploadedFile] = {}
        json_body: dict[str, Any] = {}
        if request.can_read_body:
            ctype = request.content_type
            if ctype == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise ApiError(400, "Bad Request: can't parse JSON body") from None
                if not isinstance(body, dict):
                    raise ApiError(400, "Bad Request: the JSON body must be an object")
                json_body = body
            elif ctype.startswith("multipart/"):
                reader = await request.multipart()
                while True:
                    part = await reader.next()
                    if part is None:
                        break
                    if not isinstance(part, BodyPartReader) or part.name is None:
                        continue
                    if part.filename is not None:
                        data = await part.read(decode=False)
                        files[part.name] = UploadedFile(part.filename, part.headers.get("Content-Type"), bytes(data))
                    else:
                        raw[part.name] = await part.text()
            else:
                post = await request.post()
                for key, value in post.items():
                    if isinstance(value, web.FileField):
                        files[key] = UploadedFile(value.filename, value.content_type, value.file.read())
                    else:
                        raw[key] = value
        params, problems = self.spec.coerce_form(method, raw, files)
        params.update(json_body)
        return params, problems

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        req_id = next(self._ids)
        self._inflight[req_id] = "file download"
        self._touch()
        try:
            f = self._files_by_path.get(request.match_info["path"])
            if f is None:
                return web.json_response({"ok": False, "error_code": 404, "description": "Not Found"}, status=404)
            return web.Response(body=f.data, content_type=f.mime_type or "application/octet-stream")
        finally:
            self._inflight.pop(req_id, None)
            self._touch()

    async def _dispatch(self, method: str, params: dict[str, Any], record: CallRecord, req_id: int) -> Any:
        if method == "getUpdates":
            return await self._get_updates(params, req_id)
        handler = getattr(self, f"_m_{method.lower()}", None)
        if handler is None:
            record.unimplemented = True
            return True
        return handler(params)

    # ==== getUpdates =======================================================================================
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
        self._queue = [u for u in self._queue if _update_kind(u) in allowed]
        out.extend(self._queue[: limit - len(out)])
        return copy.deepcopy(out)

    async def _get_updates(self, p: dict[str, Any], req_id: int) -> list[dict]:
        if self.webhook_url:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if p.get("allowed_updates") is not None:
            self._allowed = set(p["allowed_updates"]) or None
        limit = min(100, max(1, p.get("limit") or 100))
        timeout = max(0, p.get("timeout") or 0)
        self._confirm(p.get("offset"))
        me = object()
        self._poll_owner = me
        self._notify()  # an older long poll is terminated (409) like Telegram does
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._poll_owner is not me:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                )
            batch = self._take(limit)
            if batch:
                return batch
            remaining = deadline - loop.time()
            if remaining <= 0 or self._stopping.is_set():
                return []
            wakeup = self._wakeup
            self._inflight.pop(req_id, None)
            self._parked += 1
            try:
                await asyncio.wait_for(wakeup.wait(), remaining)
            except TimeoutError:
                pass
            finally:
                self._parked -= 1
                self._inflight[req_id] = "getUpdates"

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
        return update

    def duplicate_last_update(self) -> dict:
        """Deliver the last update once more with the same update_id, even though the bot confirmed it."""
        if self.last_update is None:
            raise RuntimeError("no update to duplicate")
        self._redeliver.append(copy.deepcopy(self.last_update))
        self._touch()
        self._notify()
        return self.last_update

    # ==== user side ========================================================================================
    def add_user(
        self,
        user_id: int,
        first_name: str,
        *,
        language_code: str | None = "id",
        username: str | None = None,
        last_name: str | None = None,
    ) -> EmuUser:
        """Register a user and their private chat with the bot (chat id == user id)."""
        user = EmuUser(user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        self.chats[user_id] = EmuChat(user_id, "private", user=user, members={user_id: "member"})
        return user

    def add_group(
        self,
        chat_id: int,
        title: str,
        *,
        members: Iterable[EmuUser | int] = (),
        admins: Iterable[EmuUser | int] = (),
        type: str = "supergroup",
        bot_status: str = "administrator",
        username: str | None = None,
    ) -> EmuChat:
        """Register a group or supergroup (ids are negative) the bot is in (as administrator by default)."""
        if type not in ("group", "supergroup"):
            raise ValueError("type must be 'group' or 'supergroup'")
        chat = EmuChat(chat_id, type, title=title, bot_status=bot_status, username=username)
        for m in members:
            chat.members[m if isinstance(m, int) else m.id] = "member"
        for m in admins:
            chat.members[m if isinstance(m, int) else m.id] = "administrator"
        self.chats[chat_id] = chat
        return chat

    def advance_time(self, seconds: float) -> None:
        """Move the emulator's clock forward (message dates, the 48-hour delete window)."""
        self.clock.advance(seconds)

    def _user_chat(self, user: EmuUser, chat_id: int | None) -> EmuChat:
        if user.id not in self.users:
            raise KeyError(f"user {user.id} was not added to the emulator")
        chat = self.chats.get(user.id if chat_id is None else chat_id)
        if chat is None:
            raise KeyError(f"chat {chat_id} does not exist in the emulator")
        if not chat.is_private and chat.members.get(user.id) in (None, "left", "kicked"):
            chat.members[user.id] = "member"
        return chat

    def _user_message(
        self, user: EmuUser, chat_id: int | None, content: dict, reply_to: dict | int | None = None
    ) -> dict:
        chat = self._user_chat(user, chat_id)
        message: dict[str, Any] = {
            "message_id": chat.take_message_id(),
            "from": user.to_api(),
            "chat": chat.to_api(),
            "date": self.clock.timestamp(),
        }
        if reply_to is not None:
            rid = reply_to if isinstance(reply_to, int) else reply_to["message_id"]
            target = chat.messages.get(rid)
            if target is None:
                raise KeyError(f"message {rid} not found in chat {chat.id}")
            message["reply_to_message"] = _strip_reply(target.data)
        message.update(content)
        chat.messages[message["message_id"]] = StoredMessage(message, from_bot=False)
        self._enqueue("message", message)
        return copy.deepcopy(message)

    def send_text(
        self, user: EmuUser, text: str, *, chat_id: int | None = None, reply_to: dict | int | None = None
    ) -> dict:
        """The user sends a text message (to their private chat, or to group ``chat_id``). A leading
        ``/command`` gets a bot_command entity. Returns the Message."""
        content: dict[str, Any] = {"text": text}
        m = _COMMAND_RE.match(text)
        if m:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(m.group(0))}]
        return self._user_message(user, chat_id, content, reply_to)

    def send_edited_text(self, user: EmuUser, message: dict | int, new_text: str) -> dict:
        """The user edits one of their text messages: an ``edited_message`` update. Returns the new Message."""
        chat_id = user.id if isinstance(message, int) else message["chat"]["id"]
        mid = message if isinstance(message, int) else message["message_id"]
        stored = self.chats[chat_id].messages.get(mid)
        if stored is None or stored.from_bot or "text" not in stored.data:
            raise KeyError(f"no text message {mid} from the user in chat {chat_id}")
        stored.history.append(stored.snapshot())
        stored.data["text"] = new_text
        stored.data.pop("entities", None)
        m = _COMMAND_RE.match(new_text)
        if m:
            stored.data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(m.group(0))}]
        stored.data["edit_date"] = self.clock.timestamp()
        self._enqueue("edited_message", stored.data)
        return stored.snapshot()

    def press(
        self,
        user: EmuUser,
        message: dict | StoredMessage,
        *,
        label: str | None = None,
        index: int | None = None,
        callback_data: str | None = None,
    ) -> dict:
        """The user presses an inline button of bot ``message``: by ``label`` (first button whose text contains
        it, case-insensitive), by 1-based ``index`` in reading order, or with explicit ``callback_data`` (which
        need not be on the keyboard: tests can forge presses). Returns the CallbackQuery."""
        data = message.data if isinstance(message, StoredMessage) else message
        chat = self.chats.get(data["chat"]["id"])
        stored = chat.messages.get(data["message_id"]) if chat else None
        if chat is None or stored is None or stored.deleted:
            raise LookupError(f"message {data['message_id']} is not in the chat (deleted?)")
        if callback_data is None:
            buttons = buttons_of(stored)
            labels = [b.get("text", "") for b in buttons]
            button = None
            if index is not None:
                if 1 <= index <= len(buttons):
                    button = buttons[index - 1]
            elif label is not None:
                button = next((b for b in buttons if label.lower() in b.get("text", "").lower()), None)
            else:
                raise ValueError("press() needs label, index or callback_data")
            if button is None:
                wanted = f"button {index}" if index is not None else f"a button containing {label!r}"
                raise LookupError(f"no {wanted}; the message's buttons are: {labels or 'none'}")
            if "callback_data" not in button:
                kind = next((k for k in button if k != "text"), "?")
                raise ValueError(
                    f"button {button.get('text')!r} is a {kind} button; pressing it does not reach the bot"
                )
            callback_data = button["callback_data"]
        query = {
            "id": str(4_000_000_000_000_000 + next(self._ids)),
            "from": user.to_api(),
            "message": stored.snapshot(),
            "chat_instance": str(abs(hash((chat.id, self.bot_id))) % 10**18),
            "data": callback_data,
        }
        self.callback_queries[query["id"]] = {"query": query, "answered": False, "answer": None}
        self._enqueue("callback_query", query)
        return copy.deepcopy(query)

    def _new_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        declared_size: int | None = None,
        uploaded_by: str = "user",
    ) -> EmuFile:
        n = next(self._file_counter)
        directory, ext = _FILE_DIR[kind]
        if file_name and "." in file_name and kind in ("document", "video", "audio"):
            ext = "." + file_name.rsplit(".", 1)[1]
        f = EmuFile(
            file_id=f"{_FILE_PREFIX[kind]}{n:04d}{secrets.token_urlsafe(18)}",
            file_unique_id=f"AQAD{n:04d}{secrets.token_urlsafe(6)}",
            kind=kind,
            data=data,
            file_size=declared_size if declared_size is not None else len(data),
            file_path=f"{directory}/file_{n}{ext}",
            file_name=file_name,
            mime_type=mime_type,
            uploaded_by=uploaded_by,  # type: ignore[arg-type]
        )
        self.files[f.file_id] = f
        self._files_by_path[f.file_path] = f
        return f

    def _photo_sizes(self, main: EmuFile) -> list[dict]:
        """PhotoSize array for a photo: a few sizes, each a file of its own (same bytes), largest last."""
        sizes = main.meta.get("sizes")
        if sizes is not None:
            return copy.deepcopy(sizes)
        sizes = []
        for i, (w, h) in enumerate(_PHOTO_SIZES):
            f = main
            if i < len(_PHOTO_SIZES) - 1:
                f = self._new_file("photo", main.data, declared_size=main.file_size, uploaded_by=main.uploaded_by)
            sizes.append(
                {
                    "file_id": f.file_id,
                    "file_unique_id": f.file_unique_id,
                    "width": w,
                    "height": h,
                    "file_size": f.file_size,
                }
            )
        for s in sizes:
            self.files[s["file_id"]].meta["sizes"] = sizes
        return copy.deepcopy(sizes)

    def send_photo(
        self,
        user: EmuUser,
        data: bytes,
        *,
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        """The user sends a photo (a PhotoSize array of four sizes, largest last). ``declared_size`` makes the
        file report that size (e.g. 25_000_000) without allocating it."""
        f = self._new_file("photo", data, mime_type="image/jpeg", declared_size=declared_size)
        content: dict[str, Any] = {"photo": self._photo_sizes(f)}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_document(
        self,
        user: EmuUser,
        data: bytes,
        *,
        file_name: str = "document.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("document", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        content: dict[str, Any] = {"document": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_voice(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 3,
        mime_type: str = "audio/ogg",
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("voice", data, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        return self._user_message(user, chat_id, {"voice": self._media_object(f, {})})

    def send_video(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 5,
        caption: str | None = None,
        file_name: str = "video.mp4",
        mime_type: str = "video/mp4",
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("video", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        content: dict[str, Any] = {"video": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_audio(
        self,
        user: EmuUser,
        data: bytes,
        *,
        duration: int = 30,
        file_name: str = "audio.mp3",
        mime_type: str = "audio/mpeg",
        caption: str | None = None,
        declared_size: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        f = self._new_file("audio", data, file_name=file_name, mime_type=mime_type, declared_size=declared_size)
        f.meta["duration"] = duration
        content: dict[str, Any] = {"audio": self._media_object(f, {})}
        if caption:
            content["caption"] = caption
        return self._user_message(user, chat_id, content)

    def send_location(self, user: EmuUser, latitude: float, longitude: float, *, chat_id: int | None = None) -> dict:
        return self._user_message(
            user, chat_id, {"location": {"latitude": float(latitude), "longitude": float(longitude)}}
        )

    def send_contact(
        self,
        user: EmuUser,
        phone_number: str,
        first_name: str,
        *,
        last_name: str | None = None,
        user_id: int | None = None,
        chat_id: int | None = None,
    ) -> dict:
        contact: dict[str, Any] = {"phone_number": phone_number, "first_name": first_name}
        if last_name:
            contact["last_name"] = last_name
        if user_id is not None:
            contact["user_id"] = user_id
        return self._user_message(user, chat_id, {"contact": contact})

    def send_sticker(self, user: EmuUser, *, emoji: str = "🙂", chat_id: int | None = None) -> dict:
        f = self._new_file("sticker", b"RIFF\x00\x00\x00\x00WEBP", mime_type="image/webp")
        sticker = {
            "file_id": f.file_id,
            "file_unique_id": f.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": f.file_size,
        }
        return self._user_message(user, chat_id, {"sticker": sticker})

    def send_poll(self, user: EmuUser, question: str, options: Iterable[str], *, chat_id: int | None = None) -> dict:
        poll = {
            "id": str(5_000_000_000 + next(self._ids)),
            "question": question,
            "options": [{"persistent_id": str(i), "text": text, "voter_count": 0} for i, text in enumerate(options)],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
        return self._user_message(user, chat_id, {"poll": poll})

    def block_bot(self, user: EmuUser, blocked: bool = True) -> None:
        """The user blocks (or unblocks) the bot: sends to them fail with 403."""
        user.blocked_bot = blocked

    # ==== inspection =======================================================================================
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

    # ==== bot side: helpers ================================================================================
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

    def _bot_send(self, chat: EmuChat, content: dict, p: dict, *, media_group_id: str | None = None) -> dict:
        message: dict[str, Any] = {
            "message_id": 0,
            "from": self._bot_user(),
            "chat": chat.to_api(),
            "date": self.clock.timestamp(),
        }
        reply = p.get("reply_parameters")
        if reply:
            target_chat = self._find_chat(reply.get("chat_id", chat.id))
            target = target_chat.messages.get(reply.get("message_id"))
            if target is None or target.deleted:
                if not reply.get("allow_sending_without_reply"):
                    raise ApiError(400, "Bad Request: message to be replied not found")
            else:
                message["reply_to_message"] = _strip_reply(target.data)
        if media_group_id:
            message["media_group_id"] = media_group_id
        message.update(content)
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = copy.deepcopy(markup)
        if p.get("protect_content"):
            message["has_protected_content"] = True
        message["message_id"] = chat.take_message_id()
        stored = StoredMessage(message, from_bot=True, reply_markup=copy.deepcopy(markup) if markup else None)
        chat.messages[message["message_id"]] = stored
        self._emit(BotMessage(chat.id, stored.snapshot(), stored.reply_markup))
        return stored.snapshot()

    def _bot_file(self, value: Any, kind: str) -> EmuFile:
        if isinstance(value, UploadedFile):
            if len(value.data) > UPLOAD_LIMIT:
                raise ApiError(413, "Request Entity Too Large")
            if not value.data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            mime = value.content_type
            if not mime or mime == "application/octet-stream":
                mime = mimetypes.guess_type(value.filename)[0] or mime
            return self._new_file(kind, value.data, file_name=value.filename, mime_type=mime, uploaded_by="bot")
        if isinstance(value, str):
            f = self.files.get(value)
            if f is not None:
                if f.kind != kind:
                    raise ApiError(400, f"Bad Request: can't use file of type {f.kind.title()} as {kind.title()}")
                return f
            if value.startswith(("http://", "https://")):
                name = value.rstrip("/").rsplit("/", 1)[-1] or "file"
                return self._new_file(kind, b"", file_name=name, uploaded_by="bot")
        raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")

    def _media_object(self, f: EmuFile, p: dict) -> Any:
        base = {"file_id": f.file_id, "file_unique_id": f.file_unique_id}
        extra = f.meta
        if f.kind == "photo":
            return self._photo_sizes(f)
        if f.kind == "document":
            obj = {**base, "file_name": f.file_name or "file", "mime_type": f.mime_type or "application/octet-stream"}
        elif f.kind == "voice":
            obj = {
                **base,
                "duration": p.get("duration") or extra.get("duration", 1),
                "mime_type": f.mime_type or "audio/ogg",
            }
        elif f.kind == "video":
            obj = {
                **base,
                "width": p.get("width") or 640,
                "height": p.get("height") or 360,
                "duration": p.get("duration") or extra.get("duration", 1),
                "file_name": f.file_name or "video.mp4",
                "mime_type": f.mime_type or "video/mp4",
            }
        elif f.kind == "audio":
            obj = {
                **base,
                "duration": p.get("duration") or extra.get("duration", 1),
                "file_name": f.file_name or "audio.mp3",
                "mime_type": f.mime_type or "audio/mpeg",
            }
            for key in ("performer", "title"):
                if p.get(key):
                    obj[key] = p[key]
        else:
            obj = {**base, "type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
        obj["file_size"] = f.file_size
        return obj

    def _caption(self, p: dict, content: dict) -> None:
        if p.get("caption"):
            parsed = parse_text(p["caption"], p.get("parse_mode"), p.get("caption_entities"))
            content["caption"] = parsed.text
            if parsed.entities:
                content["caption_entities"] = parsed.entities

    def _send_media(self, p: dict, kind: str) -> dict:
        chat = self._target_chat(p["chat_id"])
        f = self._bot_file(p[kind], kind)
        content: dict[str, Any] = {kind: self._media_object(f, p)}
        self._caption(p, content)
        if p.get("has_spoiler"):
            content["has_media_spoiler"] = True
        return self._bot_send(chat, content, p)

    def _stored_for_edit(self, p: dict) -> tuple[EmuChat, StoredMessage]:
        if p.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID (inline messages are not emulated)")
        if p.get("chat_id") is None or p.get("message_id") is None:
            raise ApiError(400, "Bad Request: chat_id and message_id are required when inline_message_id is absent")
        chat = self._find_chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not stored.from_bot:
            raise ApiError(400, "Bad Request: message can't be edited")
        return chat, stored

    def _apply_edit(self, chat: EmuChat, stored: StoredMessage, new: dict, p: dict, kind: str) -> dict:
        markup = p.get("reply_markup")
        if markup is not None and "inline_keyboard" not in markup:
            raise ApiError(400, "Bad Request: only inline keyboards can be used when editing a message")
        if markup:
            new["reply_markup"] = copy.deepcopy(markup)
        else:
            new.pop("reply_markup", None)
        compare = ("text", "entities", "caption", "caption_entities", "reply_markup")
        if all(new.get(k) == stored.data.get(k) for k in compare):
            raise ApiError(400, NOT_MODIFIED)
        stored.history.append(stored.snapshot())
        new["edit_date"] = self.clock.timestamp()
        stored.data = new
        stored.reply_markup = copy.deepcopy(markup) if markup else None
        self._emit(BotEdit(chat.id, stored.snapshot(), kind))
        return stored.snapshot()

    def _deletable(self, chat: EmuChat, stored: StoredMessage) -> bool:
        if self.clock.now() - stored.date > DELETE_WINDOW:
            return False
        if chat.is_private or stored.from_bot:
            return True
        return chat.bot_status in ("administrator", "creator")

    def _fill_required(self, type_name: str, base: dict, default_bool: bool = False) -> dict:
        """Complete ``base`` with every required field of spec type ``type_name`` (booleans -> default_bool)."""
        out = dict(base)
        for f in self.spec.required_fields(type_name):
            if f["name"] in out:
                continue
            t = f["types"][0]
            if t == "Boolean":
                out[f["name"]] = default_bool
            elif t in ("Integer", "Float"):
                out[f["name"]] = 0
            elif t == "String":
                out[f["name"]] = ""
            elif t.startswith("Array of "):
                out[f["name"]] = []
            elif t in self.spec.types:
                out[f["name"]] = self._fill_required(t, {}, default_bool)
        # aiogram's models occasionally require a field the spec file does not have yet (or no longer).
        model = getattr(aiogram_types, type_name, None)
        for name, info in getattr(model, "model_fields", {}).items():
            key = info.alias or name
            if key not in out and info.is_required():
                if info.annotation is bool:
                    out[key] = default_bool
                elif info.annotation is int:
                    out[key] = 0
                elif info.annotation is str:
                    out[key] = ""
        return out

    # ==== bot side: methods (name: _m_<lowercase method>) ==================================================
    def _m_getme(self, p: dict) -> dict:
        return {
            **self._bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _m_deletewebhook(self, p: dict) -> bool:
        self.webhook_url = ""
        if p.get("drop_pending_updates"):
            self._queue.clear()
            self._redeliver.clear()
        return True

    def _m_getwebhookinfo(self, p: dict) -> dict:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": self.pending_updates}

    def _m_setmycommands(self, p: dict) -> bool:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        self.commands[key] = copy.deepcopy(p["commands"])
        return True

    def _m_getmycommands(self, p: dict) -> list[dict]:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        return copy.deepcopy(self.commands.get(key, []))

    def _m_deletemycommands(self, p: dict) -> bool:
        key = (json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True), p.get("language_code") or "")
        self.commands.pop(key, None)
        return True

    def _m_setchatmenubutton(self, p: dict) -> bool:
        chat_id = p.get("chat_id")
        if chat_id is not None:
            self._find_chat(chat_id)
        self.menu_buttons[chat_id] = copy.deepcopy(p.get("menu_button") or {"type": "default"})
        return True

    def _m_getchatmenubutton(self, p: dict) -> dict:
        button = self.menu_buttons.get(p.get("chat_id")) or self.menu_buttons.get(None) or {"type": "commands"}
        return copy.deepcopy(button)

    def _m_sendchataction(self, p: dict) -> bool:
        self._target_chat(p["chat_id"])
        return True

    def _m_sendmessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        parsed = parse_text(p["text"], p.get("parse_mode"), p.get("entities"))
        content: dict[str, Any] = {"text": parsed.text}
        if parsed.entities:
            content["entities"] = parsed.entities
        if p.get("link_preview_options"):
            content["link_preview_options"] = copy.deepcopy(p["link_preview_options"])
        return self._bot_send(chat, content, p)

    def _m_sendphoto(self, p: dict) -> dict:
        return self._send_media(p, "photo")

    def _m_senddocument(self, p: dict) -> dict:
        return self._send_media(p, "document")

    def _m_sendvoice(self, p: dict) -> dict:
        return self._send_media(p, "voice")

    def _m_sendvideo(self, p: dict) -> dict:
        return self._send_media(p, "video")

    def _m_sendaudio(self, p: dict) -> dict:
        return self._send_media(p, "audio")

    def _m_sendsticker(self, p: dict) -> dict:
        return self._send_media(p, "sticker")

    def _m_sendmediagroup(self, p: dict) -> list[dict]:
        chat = self._target_chat(p["chat_id"])
        kinds = {item["type"] for item in p["media"]}
        for special in ("document", "audio"):
            if special in kinds and len(kinds) > 1:
                raise ApiError(400, f"Bad Request: {special} can't be mixed with other media types")
        prepared = []
        for item in p["media"]:
            f = self._bot_file(item["media"], item["type"])
            content: dict[str, Any] = {item["type"]: self._media_object(f, item)}
            self._caption(item, content)
            prepared.append(content)
        group_id = str(13_000_000_000_000_000 + next(self._ids))
        return [self._bot_send(chat, content, p, media_group_id=group_id) for content in prepared]

    def _m_sendlocation(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        location = {"latitude": float(p["latitude"]), "longitude": float(p["longitude"])}
        if p.get("horizontal_accuracy"):
            location["horizontal_accuracy"] = p["horizontal_accuracy"]
        return self._bot_send(chat, {"location": location}, p)

    def _m_sendcontact(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        contact = {k: p[k] for k in ("phone_number", "first_name", "last_name", "vcard") if p.get(k)}
        return self._bot_send(chat, {"contact": contact}, p)

    def _source_message(self, p: dict, what: str) -> StoredMessage:
        src_chat = self._find_chat(p["from_chat_id"])
        src = src_chat.messages.get(p["message_id"])
        if src is None or src.deleted:
            raise ApiError(400, f"Bad Request: message to {what} not found")
        if src.data.get("has_protected_content"):
            raise ApiError(400, f"Bad Request: message can't be {'forwarded' if what == 'forward' else 'copied'}")
        return src

    def _m_copymessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        src = self._source_message(p, "copy")
        content = {k: copy.deepcopy(src.data[k]) for k in _CONTENT_KEYS if k in src.data}
        if not content:
            raise ApiError(400, "Bad Request: message can't be copied")
        if "caption" in p:
            content.pop("caption", None)
            content.pop("caption_entities", None)
            self._caption(p, content)
        message = self._bot_send(chat, content, p)
        return {"message_id": message["message_id"]}

    def _m_forwardmessage(self, p: dict) -> dict:
        chat = self._target_chat(p["chat_id"])
        src = self._source_message(p, "forward")
        content = {k: copy.deepcopy(src.data[k]) for k in _CONTENT_KEYS if k in src.data}
        if not content:
            raise ApiError(400, "Bad Request: message can't be forwarded")
        sender = src.data.get("from") or self._bot_user()
        content["forward_origin"] = {"type": "user", "sender_user": copy.deepcopy(sender), "date": src.date}
        return self._bot_send(chat, content, {k: v for k, v in p.items() if k != "reply_markup"})

    def _m_editmessagetext(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        if "text" not in stored.data:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        parsed = parse_text(p["text"], p.get("parse_mode"), p.get("entities"))
        new = copy.deepcopy(stored.data)
        new["text"] = parsed.text
        new.pop("entities", None)
        if parsed.entities:
            new["entities"] = parsed.entities
        if p.get("link_preview_options"):
            new["link_preview_options"] = copy.deepcopy(p["link_preview_options"])
        return self._apply_edit(chat, stored, new, p, "text")

    def _m_editmessagecaption(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        if not any(k in stored.data for k in _MEDIA_KINDS):
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        new = copy.deepcopy(stored.data)
        new.pop("caption", None)
        new.pop("caption_entities", None)
        self._caption(p, new)
        return self._apply_edit(chat, stored, new, p, "caption")

    def _m_editmessagereplymarkup(self, p: dict) -> dict:
        chat, stored = self._stored_for_edit(p)
        return self._apply_edit(chat, stored, copy.deepcopy(stored.data), p, "reply_markup")

    def _m_deletemessage(self, p: dict) -> bool:
        chat = self._find_chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise ApiError(400, "Bad Request: message to delete not found")
        if not self._deletable(chat, stored):
            raise ApiError(400, "Bad Request: message can't be deleted")
        stored.deleted = True
        self._emit(BotDelete(chat.id, (stored.message_id,)))
        return True

    def _m_deletemessages(self, p: dict) -> bool:
        """Missing messages are skipped; messages that can't be deleted (older than 48 hours, or not the bot's
        in a group where it isn't admin) are skipped too; if nothing at all was deleted the call fails."""
        chat = self._find_chat(p["chat_id"])
        deleted: list[int] = []
        refused = 0
        for mid in dict.fromkeys(p["message_ids"]):
            stored = chat.messages.get(mid)
            if stored is None or stored.deleted:
                continue
            if not self._deletable(chat, stored):
                refused += 1
                continue
            stored.deleted = True
            deleted.append(mid)
        if not deleted:
            if refused:
                raise ApiError(400, "Bad Request: message can't be deleted")
            raise ApiError(400, "Bad Request: message to delete not found")
        self._emit(BotDelete(chat.id, tuple(deleted)))
        return True

    def _m_answercallbackquery(self, p: dict) -> bool:
        entry = self.callback_queries.get(p["callback_query_id"])
        if entry is None or entry["answered"]:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        entry["answered"] = True
        entry["answer"] = _describe(dict(p))
        message = entry["query"].get("message")
        self._emit(
            CallbackAnswer(
                p["callback_query_id"],
                message["chat"]["id"] if message else None,
                p.get("text"),
                bool(p.get("show_alert")),
                p.get("url"),
            )
        )
        return True

    def _m_getfile(self, p: dict) -> dict:
        f = self.files.get(p["file_id"])
        if f is None:
            raise ApiError(400, "Bad Request: wrong file_id or the file is temporarily unavailable")
        if f.file_size > DOWNLOAD_LIMIT:
            raise ApiError(400, "Bad Request: file is too big")
        return f.to_file()

    def _m_getchat(self, p: dict) -> dict:
        chat = self._find_chat(p["chat_id"])
        base = chat.to_api()
        base.update({"accent_color_id": 0, "max_reaction_count": 11})
        return self._fill_required("ChatFullInfo", base)

    def _m_getchatmember(self, p: dict) -> dict:
        chat = self._find_chat(p["chat_id"])
        user_id = p["user_id"]
        if user_id == self.bot_id:
            user = self._bot_user()
            status = "member" if chat.is_private else chat.bot_status
        elif user_id in self.users:
            user = self.users[user_id].to_api()
            if chat.is_private:
                status = "member" if user_id == chat.id else "left"
            else:
                status = chat.members.get(user_id, "left")
        else:
            raise ApiError(400, "Bad Request: user not found")
        base = {"status": status, "user": user}
        if status == "administrator":
            return self._fill_required(
                "ChatMemberAdministrator", {**base, "can_be_edited": False, "is_anonymous": False}, True
            )
        if status == "creator":
            return {**base, "is_anonymous": False}
        if status == "kicked":
            return {**base, "until_date": 0}
        if status == "restricted":
            return self._fill_required("ChatMemberRestricted", {**base, "until_date": 0, "is_member": True})
        return base

    def _m_leavechat(self, p: dict) -> bool:
        chat = self._find_chat(p["chat_id"])
        if chat.is_private:
            raise ApiError(400, "Bad Request: chat member status can't be changed in private chats")
        if chat.bot_status == "left":
            raise ApiError(403, f"Forbidden: bot is not a member of the {chat.type} chat")
        # (reported as a plain member: aiogram's ChatMemberAdministrator needs a field the spec lacks)
        old = {"status": "member", "user": self._bot_user()}
        chat.bot_status = "left"
        self._enqueue(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": self._bot_user(),
                "date": self.clock.timestamp(),
                "old_chat_member": old,
                "new_chat_member": {"status": "left", "user": self._bot_user()},
            },
        )
        return True


class _UpdateIds:
    """Update ids that go on increasing from one emulator to the next, as Telegram's do for a bot.

    The bot remembers the ids it has handled so that it can drop a redelivered update; an emulator that started at 1
    every time would have its updates dropped by a bot running again on the same database (``tipline demo --db``).
    Ids start at the clock in milliseconds, above every id an earlier run gave out as long as that run made fewer
    updates than milliseconds went by (each takes the bot far longer than a millisecond to handle), and above every
    id an earlier emulator of this process gave out.
    """

    _highest = 0  # the highest id any emulator of this process has given out

    def __init__(self, first: int | None = None) -> None:
        self._next = first if first is not None else max(time.time_ns() // 1_000_000, _UpdateIds._highest + 1)

    def __next__(self) -> int:
        value = self._next
        self._next += 1
        _UpdateIds._highest = max(_UpdateIds._highest, value)
        return value


def _update_kind(update: dict) -> str:
    return next(k for k in update if k != "update_id")
