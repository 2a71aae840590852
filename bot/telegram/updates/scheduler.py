"""Runs updates with a bound on how many are handled at once, each person's updates one after another in the order
they came, different people's side by side.

The bound is kept below the database pool's size, so a crowd waits here, in memory, instead of inside handlers
holding connections. Per-person order replaces aiogram's event isolation lock: two quick messages of one person
can never be handled at the same time, and no lock is held while waiting for a turn.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import NamedTuple

from aiogram.types import Update

from bot.telegram.updates.locks import LocalLocks, PersonLocks

log = logging.getLogger(__name__)

Handle = Callable[[Update, bool], Awaitable[object]]
OnStart = Callable[[], Awaitable[object]]


def lane_of(update: Update) -> int:
    """Who the update is from (the person, else the chat); updates with neither each get a lane of their own."""
    for event in (
        update.message,
        update.edited_message,
        update.callback_query,
        update.my_chat_member,
        update.chat_member,
        update.inline_query,
        update.pre_checkout_query,
        update.business_message,
    ):
        if event is not None:
            user = getattr(event, "from_user", None)
            if user is not None:
                return user.id
            chat = getattr(event, "chat", None)
            if chat is not None:
                return chat.id
    return -update.update_id  # never collides with a real user (positive) in practice: one update, one lane


class _Queued(NamedTuple):
    update: Update
    from_inbox: bool
    future: asyncio.Future[None]
    arrived: float
    on_start: OnStart | None


class UpdateScheduler:
    def __init__(
        self,
        handle: Handle,
        *,
        concurrency: int,
        locks: PersonLocks | None = None,
        on_done: Callable[[float], None] | None = None,
    ) -> None:
        self._handle = handle
        self._locks = locks or LocalLocks()
        self._on_done = on_done  # seconds from arrival to the end of handling (metrics)
        self._slots = asyncio.Semaphore(concurrency)
        self._lanes: dict[int, deque[_Queued]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()
        self._progress = asyncio.Event()
        self.pending = 0  # submitted and not finished
        self.concurrency = concurrency

    def submit(
        self, update: Update, *, from_inbox: bool = False, on_start: OnStart | None = None
    ) -> asyncio.Future[None]:
        """Queue an update; the future completes when it has been handled (its result is never an exception:
        a failing handler is reported by the dispatcher's error handler). ``from_inbox``: the update waits in the
        inbox until handled (polling). ``on_start`` is awaited when its turn comes, just before it is handled."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        lane = lane_of(update)
        queue = self._lanes.get(lane)
        self.pending += 1
        self._idle.clear()
        queued = _Queued(update, from_inbox, future, time.monotonic(), on_start)
        if queue is not None:
            queue.append(queued)
            return future
        self._lanes[lane] = deque([queued])
        task = asyncio.create_task(self._run_lane(lane), name="updates-lane")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return future

    async def run(self, update: Update) -> None:
        """Handle an update through its lane and wait until it is done (webhook mode answers after this)."""
        await self.submit(update)

    def busy(self) -> bool:
        return self.pending > 0

    async def wait_idle(self) -> None:
        await self._idle.wait()

    async def wait_below(self, count: int) -> None:
        """Wait until fewer than ``count`` updates are pending."""
        while self.pending >= count:
            self._progress.clear()
            await self._progress.wait()

    async def _run_lane(self, lane: int) -> None:
        queue = self._lanes[lane]
        try:
            while queue:
                update, from_inbox, future, arrived, on_start = queue[0]
                try:
                    await self._hold(lane)
                    try:
                        async with self._slots:
                            if on_start is not None:
                                await on_start()
                            await self._handle(update, from_inbox)
                    finally:
                        await self._locks.release(lane)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # the dispatcher reports handler errors; this is the last net
                    log.error("update %s failed outside the handlers: %s", update.update_id, type(exc).__name__)
                finally:
                    queue.popleft()
                    self.pending -= 1
                    if self._on_done is not None:
                        self._on_done(time.monotonic() - arrived)
                    self._progress.set()
                    if not future.done():
                        future.set_result(None)
                    if self.pending == 0:
                        self._idle.set()
        finally:
            if self._lanes.get(lane) is queue:
                del self._lanes[lane]
            # Cancelled while work was queued (shutdown): release the waiters.
            for queued in queue:
                if not queued.future.done():
                    queued.future.cancel()

    async def _hold(self, lane: int) -> None:
        """The person's lock across workers (a no-op with one process); waits out a database hiccup."""
        delay = 0.1
        while True:
            try:
                await self._locks.acquire(lane)
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                await asyncio.sleep(delay)
                delay = min(5.0, delay * 2)

    async def close(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a grace period, then cancel
        """Let running updates finish (up to ``timeout`` seconds), then cancel the rest; unfinished polled updates
        stay in the inbox for the next start."""
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            for task in pending:
                task.cancel()
            for task in pending:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
