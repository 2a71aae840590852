"""Telegram's side of a webhook: once the bot calls setWebhook, every pending update is POSTed to its URL with the
secret token header, as Telegram does.

- Up to ``max_connections`` deliveries at a time (Telegram's default 40), one person's updates one after another
  (the next only when the previous was accepted), different people's side by side.
- An update is delivered when the answer is 2xx; any other answer, a dropped connection or a timeout leaves it
  pending, and it is sent again after a pause: a bot that dies mid-update gets it again (``redeliveries`` counts).
- deleteWebhook stops the deliveries; what is still pending waits for getUpdates.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import time
from collections.abc import Callable

import aiohttp

RETRY_SECONDS = 0.5
TIMEOUT_SECONDS = 30.0
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _sender_of(update: dict) -> int:
    for value in update.values():
        if isinstance(value, dict):
            sender = value.get("from") or value.get("chat") or {}
            if "id" in sender:
                return int(sender["id"])
    return -int(update["update_id"])


class WebhookDelivery:
    def __init__(
        self,
        take_pending: Callable[[], list[dict]],
        delivered: Callable[[int], None],
        *,
        url: str,
        secret: str | None,
        max_connections: int = 40,
    ) -> None:
        self._take_pending = take_pending  # every pending update, oldest first (copies)
        self._delivered = delivered  # an update was accepted: forget it
        self.url = url
        self._secret = secret
        self._slots = asyncio.Semaphore(max(1, min(100, max_connections)))
        self._sending: dict[int, tuple[int, float]] = {}  # update id: (sender, since)
        self._retry_after: dict[int, float] = {}
        self._wakeup = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.deliveries = 0
        self.redeliveries = 0  # attempts after a failed one

    def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_SECONDS))
        self._task = asyncio.create_task(self._run(), name="emulator-webhook")

    def notify(self) -> None:
        self._wakeup.set()

    @property
    def busy(self) -> bool:
        return bool(self._sending)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._session is not None:
            await self._session.close()

    async def _run(self) -> None:
        while True:
            self._wakeup.clear()
            now = time.monotonic()
            next_retry: float | None = None
            blocked = {sender for sender, _ in self._sending.values()}  # one delivery per person at a time
            for update in self._take_pending():
                update_id = update["update_id"]
                sender = _sender_of(update)
                if sender in blocked:
                    continue
                blocked.add(sender)  # this person's later updates wait behind this one
                retry_at = self._retry_after.get(update_id, 0.0)
                if retry_at > now:
                    next_retry = retry_at if next_retry is None else min(next_retry, retry_at)
                    continue
                self._sending[update_id] = (sender, now)
                task = asyncio.create_task(self._send(update))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            timeout = None if next_retry is None else max(0.0, next_retry - time.monotonic())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wakeup.wait(), timeout)

    async def _send(self, update: dict) -> None:
        update_id = update["update_id"]
        ok = False
        headers = {SECRET_HEADER: self._secret} if self._secret else {}
        try:
            async with self._slots:
                assert self._session is not None
                self.deliveries += 1
                async with self._session.post(self.url, json=copy.deepcopy(update), headers=headers) as response:
                    await response.read()
                    ok = 200 <= response.status < 300
        except asyncio.CancelledError:
            raise
        except Exception:  # a dropped connection, a refused one, a timeout: Telegram tries again later
            ok = False
        finally:
            self._sending.pop(update_id, None)
            if ok:
                self._retry_after.pop(update_id, None)
                self._delivered(update_id)
            else:
                self.redeliveries += 1
                self._retry_after[update_id] = time.monotonic() + RETRY_SECONDS
            self._wakeup.set()
