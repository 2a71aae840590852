"""A minimal, fast Bot API server for benchmarks: long polling with Telegram's offset rules, and just enough of the
methods a bot calls to get answers it can parse. It validates nothing (the emulator does that in the tests) so that
its own cost stays small next to the bot's.

Users live in the same process: ``push`` makes an update available, and every call the bot makes to a chat is
recorded with its time, so the runner can measure reply latency and see which updates were never answered.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field

from aiohttp import web

BOT_ID = 123456789
TOKEN = f"{BOT_ID}:AAHbenchTokenForTheFakeTelegramServer_012345"


@dataclass
class Chat:
    id: int
    last_buttons: list[dict] = field(default_factory=list)
    last_buttons_id: int = 0
    replies: int = 0  # bot messages and callback answers in this chat
    texts: list[str] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)


class FakeTelegram:
    def __init__(self, *, keep_texts: bool = False) -> None:
        self._queue: list[dict] = []
        self._update_ids = itertools.count(int(time.time()))
        self._message_ids = itertools.count(1)
        self._wakeup = asyncio.Event()
        self.chats: dict[int, Chat] = {}
        self.calls: dict[str, int] = defaultdict(int)
        self.first_reply_at: dict[int, float] = {}  # chat id -> time of the first reply after ``expect``
        self.keep_texts = keep_texts
        self._callbacks: dict[str, int] = {}  # callback query id -> chat id
        self._answered = asyncio.Event()
        self._deliverer: asyncio.Task | None = None
        self.webhook_url = ""
        self.webhook_secret = ""
        self._runner: web.AppRunner | None = None
        self.url = ""

    # ---- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> str:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self.url

    async def stop(self) -> None:
        if self._deliverer is not None:
            self._deliverer.cancel()
        self._wakeup.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # ---- the user side -----------------------------------------------------------------------------------------
    def chat(self, chat_id: int) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = Chat(chat_id)
        return chat

    def _user(self, user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": f"U{user_id}", "language_code": "id"}

    def push(self, update: dict) -> None:
        update["update_id"] = next(self._update_ids)
        self._queue.append(update)
        self._wakeup.set()

    def send_text(self, user_id: int, text: str) -> None:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"},
            "from": self._user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        self.push({"message": message})

    def press(self, user_id: int, data: str, message_id: int = 1) -> None:
        query_id = str(next(self._message_ids))
        self._callbacks[query_id] = user_id
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": f"U{user_id}"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bench"},
            "text": "…",
        }
        self.push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self._user(user_id),
                    "chat_instance": "1",
                    "message": message,
                    "data": data,
                }
            }
        )

    @property
    def pending(self) -> int:
        return len(self._queue)

    # ---- the bot side ------------------------------------------------------------------------------------------
    def _reply_in(self, chat_id: int) -> Chat:
        chat = self.chat(chat_id)
        chat.replies += 1
        if chat_id not in self.first_reply_at:
            self.first_reply_at[chat_id] = time.perf_counter()
            self._answered.set()
        chat.changed.set()
        return chat

    async def wait_replies(self, chats, timeout: float) -> None:  # noqa: ASYNC109 - a deadline, then a count
        """Wait until every chat in ``chats`` got a first reply, or ``timeout`` seconds passed."""
        deadline = time.perf_counter() + timeout
        while any(c not in self.first_reply_at for c in chats):
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return
            self._answered.clear()
            try:
                await asyncio.wait_for(self._answered.wait(), remaining)
            except TimeoutError:
                return

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"].lower()
        self.calls[method] += 1
        params = await self._params(request)
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler is not None else True
        return web.Response(text=json.dumps({"ok": True, "result": result}), content_type="application/json")

    async def _params(self, request: web.Request) -> dict:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post()
        out = {}
        for key, value in form.items():
            if isinstance(value, str) and value[:1] in "{[":
                try:
                    out[key] = json.loads(value)
                    continue
                except ValueError:
                    pass
            out[key] = value
        return out

    async def _m_getupdates(self, p: dict) -> list[dict]:
        offset = int(p.get("offset") or 0)
        if offset:
            self._queue = [u for u in self._queue if u["update_id"] >= offset]
        limit = int(p.get("limit") or 100)
        deadline = time.monotonic() + float(p.get("timeout") or 0)
        while not self._queue:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return []
            self._wakeup.clear()
            try:
                await asyncio.wait_for(self._wakeup.wait(), remaining)
            except TimeoutError:
                return []
        return self._queue[:limit]

    # ---- webhooks: every update POSTed to the bot, one person's updates one at a time -------------------------------
    async def _m_setwebhook(self, p: dict) -> bool:
        self.webhook_url = str(p["url"])
        self.webhook_secret = str(p.get("secret_token") or "")
        if self._deliverer is None:
            self._deliverer = asyncio.create_task(self._deliver_webhooks())
        return True

    async def _m_deletewebhook(self, p: dict) -> bool:
        if self._deliverer is not None:
            self._deliverer.cancel()
            self._deliverer = None
        return True

    async def _deliver_webhooks(self) -> None:
        import aiohttp

        slots = asyncio.Semaphore(40)
        sending: set[int] = set()  # people with an update on its way
        tasks: set[asyncio.Task] = set()
        session = aiohttp.ClientSession()
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret}

        async def send(update: dict, sender: int) -> None:
            try:
                async with slots, session.post(self.webhook_url, data=json.dumps(update), headers=headers) as r:
                    await r.read()
                    ok = r.status == 200
            except Exception:
                ok = False
            if ok:
                self._queue.remove(update)
            else:
                await asyncio.sleep(0.5)
            sending.discard(sender)
            self._wakeup.set()

        try:
            while True:
                self._wakeup.clear()
                blocked = set(sending)
                for update in list(self._queue):
                    body = update.get("message") or update.get("callback_query") or {}
                    sender = int((body.get("from") or {}).get("id", 0))
                    if sender in blocked:
                        continue
                    blocked.add(sender)
                    sending.add(sender)
                    task = asyncio.create_task(send(update, sender))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                await self._wakeup.wait()
        finally:
            await session.close()

    async def _m_getme(self, p: dict) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Bench", "username": "bench_bot"}

    def _message(self, chat_id: int, p: dict) -> dict:
        message_id = next(self._message_ids)
        chat = self._reply_in(chat_id)
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            chat.last_buttons = [b for row in markup["inline_keyboard"] for b in row]
            chat.last_buttons_id = message_id
        if self.keep_texts:
            chat.texts.append(str(p.get("text") or p.get("caption") or ""))
        out = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bench"},
        }
        if p.get("text"):
            out["text"] = str(p["text"])
        return out

    async def _m_sendmessage(self, p: dict) -> dict:
        return self._message(int(p["chat_id"]), p)

    async def _m_editmessagetext(self, p: dict) -> dict:
        return self._message(int(p["chat_id"]), p)

    async def _m_editmessagereplymarkup(self, p: dict) -> dict:
        return self._message(int(p["chat_id"]), p)

    async def _m_answercallbackquery(self, p: dict) -> bool:
        chat_id = self._callbacks.pop(str(p["callback_query_id"]), None)
        if chat_id is not None:
            self._reply_in(chat_id)
        return True

    async def _m_deletemessages(self, p: dict) -> bool:
        return True

    async def _m_deletemessage(self, p: dict) -> bool:
        return True
