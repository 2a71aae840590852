"""The outbox worker: due rows, most urgent first, leased, sent within each chat's budget (alone, or folded into a
digest), retried without end on failure; see the package's docstring for the rules."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.outbox.queue import (
    DELIVERED,
    SECRET_KINDS,
    DeliveryError,
    OutboxItem,
    Render,
    Send,
)
from db.models.outbox import OutboxMessage
from db.models.tips import Tip

log = logging.getLogger(__name__)


class RateWindow:
    """Sends to one chat in the last ``window`` seconds, for a budget of ``limit`` per window."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = timedelta(seconds=window)
        self._times: deque[datetime] = deque()

    def _trim(self, now: datetime) -> None:
        while self._times and self._times[0] <= now - self.window:
            self._times.popleft()

    def remaining(self, now: datetime) -> int:
        self._trim(now)
        return self.limit - len(self._times)

    def hit(self, now: datetime) -> None:
        self._times.append(now)

    def frees_at(self, now: datetime) -> datetime:
        """When the next slot frees up (``now`` if one is free)."""
        self._trim(now)
        if len(self._times) < self.limit:
            return now
        return self._times[0] + self.window


@dataclass
class OutboxConfig:
    poll_interval: float = 2.0  # seconds between looks at the table when nothing woke the worker
    chat_limit: int = 20  # messages per window to one chat (Telegram: 20 a minute in a group)
    window: float = 60.0
    max_digest: int = 30  # items in one digest message (keeps it well under 4096 characters)
    reserve: int = 3  # the last messages of a window's budget go to digests only
    gather: float = 5.0  # seconds a non-P1 alert may wait to share a digest when only the reserve is left
    backoff_base: float = 0.5  # seconds; doubles on every failed attempt
    backoff_max: float = 300.0
    lease: float = 60.0  # seconds a worker holds rows it is sending
    busy_horizon: float = 5.0  # busy() is true while something is due within this many seconds
    batch: int = 500  # rows read per look
    # Least seconds between two looks that kicks asked for. A crowd filing reports kicks the worker once a report,
    # and a look reads every held row: looking at each kick cost the wave's size squared (300 reports: some 45,000
    # rows read) while the reporters waited for their answers. A kick after a quiet spell is looked at at once.
    settle: float = 0.5


@dataclass
class _ChatState:
    window: RateWindow
    paused_until: datetime | None = None
    hold_until: datetime | None = None


class OutboxWorker:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        send: Send,
        render: Render,
        resolve: Callable[[str], int | None],
        clock: Callable[[], datetime],
        config: OutboxConfig | None = None,
    ) -> None:
        self._sessions = session_factory
        self._send = send
        self._render = render
        self._resolve = resolve
        self._clock = clock
        self.config = config or OutboxConfig()
        self._chats: dict[int, _ChatState] = {}
        self._wake = asyncio.Event()
        self._kicked = True  # the first look happens at start-up: rows left by an earlier process
        self._working = False
        self._next_due: datetime | None = None
        self._stopping = False
        self._unresolved_warned = False

    # ---- control ----------------------------------------------------------------------------------------
    def kick(self) -> None:
        """Look at the outbox now (after a commit that enqueued, or when the clock jumped)."""
        self._kicked = True
        self._wake.set()

    def busy(self) -> bool:
        """True while the worker has something to send now or within ``busy_horizon`` seconds (not counting rows
        held back only by a chat's per-minute budget, which can take up to a minute)."""
        if self._kicked or self._working:
            return True
        if self._next_due is None:
            return False
        return self._next_due <= self._clock() + timedelta(seconds=self.config.busy_horizon)

    async def run(self) -> None:
        """Deliver until stopped. Exceptions in one look are logged and the next look retries."""
        await self._seed_windows()
        loop = asyncio.get_running_loop()
        looked_at = -self.config.settle
        while not self._stopping:
            if self._kicked:  # busy() stays true while the kick waits
                await asyncio.sleep(max(0.0, looked_at + self.config.settle - loop.time()))
            self._wake.clear()
            self._kicked = False
            self._working = True
            looked_at = loop.time()
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep delivering; the database may be briefly unavailable
                log.error("outbox: look failed: %s", type(exc).__name__)
                self._next_due = self._clock() + timedelta(seconds=self.config.poll_interval)
            finally:
                self._working = False
            if self._kicked or self._stopping:
                continue
            await self._sleep()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def _sleep(self) -> None:
        timeout = self.config.poll_interval
        if self._next_due is not None:
            until = (self._next_due - self._clock()).total_seconds()
            timeout = max(0.0, min(timeout, until))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    # ---- one look ---------------------------------------------------------------------------------------
    async def run_once(self) -> int:
        """Send everything that can go now. Returns the number of Telegram messages sent."""
        now = self._clock()
        items = await self._due_items(now)
        by_chat: dict[int, list[OutboxItem]] = {}
        unresolved = 0
        for item in items:
            chat_id = self._resolve(item.destination)
            if chat_id is None:
                unresolved += 1
                continue
            by_chat.setdefault(chat_id, []).append(item)
        if unresolved and not self._unresolved_warned:
            log.warning("outbox: %d message(s) wait for a destination not configured (STAFF_CHAT_ID)", unresolved)
            self._unresolved_warned = True
        sent = 0
        for chat_id, chat_items in by_chat.items():
            sent += await self._deliver_chat(chat_id, chat_items)
        self._next_due = await self._compute_next_due(by_chat)
        return sent

    async def _due_items(self, now: datetime) -> list[OutboxItem]:
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    # With the tip's case number: a report's alert and receipt are queued before it is numbered.
                    select(OutboxMessage, Tip.case_number)
                    .outerjoin(Tip, Tip.id == OutboxMessage.tip_id)
                    .where(
                        OutboxMessage.status == "pending",
                        OutboxMessage.next_attempt_at <= now,
                        or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
                    )
                    .order_by(OutboxMessage.priority, OutboxMessage.id)
                    .limit(self.config.batch)
                )
            ).all()
            return [_item(row, case) for row, case in rows]

    def _chat(self, chat_id: int) -> _ChatState:
        state = self._chats.get(chat_id)
        if state is None:
            state = self._chats[chat_id] = _ChatState(RateWindow(self.config.chat_limit, self.config.window))
        return state

    async def _deliver_chat(self, chat_id: int, items: list[OutboxItem]) -> int:
        state = self._chat(chat_id)
        sent = 0
        pending = list(items)
        while pending and not self._stopping:
            now = self._clock()
            if state.paused_until is not None and state.paused_until > now:
                break
            remaining = state.window.remaining(now)
            if remaining <= 0:
                break
            state.hold_until = None
            if len(pending) < remaining - self.config.reserve:
                batch = pending[:1]  # alone while everything fits with the reserve to spare
            else:
                oldest = min(item.created_at for item in pending)
                gathered_until = oldest + timedelta(seconds=self.config.gather)
                urgent = any(item.priority == "P1" for item in pending)
                if remaining <= self.config.reserve and not urgent and now < gathered_until:
                    state.hold_until = gathered_until  # let more alerts join this digest
                    break
                batch = pending[: self.config.max_digest]
            pending = pending[len(batch) :]
            ok, claimed = await self._send_batch(chat_id, state, batch)
            if ok:
                sent += 1
            elif claimed:
                break  # the chat failed: retry later (after retry_after or the backoff)
        return sent

    async def _send_batch(self, chat_id: int, state: _ChatState, batch: list[OutboxItem]) -> tuple[bool, bool]:
        now = self._clock()
        ids = await self._claim([item.id for item in batch], now)
        batch = [item for item in batch if item.id in ids]
        if not batch:
            return False, False
        text = self._render(batch, now)
        state.window.hit(now)
        try:
            message_id = await self._send(chat_id, text)
        except DeliveryError as exc:
            await self._failed(batch, exc, state)
            return False, True
        except asyncio.CancelledError:
            # Stopping in the middle of a send: release the rows so the next start sends them (maybe twice).
            with contextlib.suppress(Exception):
                await asyncio.shield(self._release([item.id for item in batch]))
            raise
        await self._mark_sent(batch, message_id)
        return True, True

    async def _claim(self, ids: list[int], now: datetime) -> set[int]:
        lease = now + timedelta(seconds=self.config.lease)
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id.in_(ids),
                    OutboxMessage.status == "pending",
                    or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
                )
                .values(locked_until=lease)
                .returning(OutboxMessage.id)
            )
            return set(result.scalars().all())

    async def _mark_sent(self, batch: list[OutboxItem], message_id: int) -> None:
        now = self._clock()
        ids = [item.id for item in batch]
        # Telegram has the message: recording that must not be lost to a passing database hiccup.
        for attempt in range(5):
            try:
                async with self._sessions() as session, session.begin():
                    await session.execute(
                        update(OutboxMessage)
                        .where(OutboxMessage.id.in_(ids))
                        .values(
                            status="sent",
                            sent_at=now,
                            message_id=message_id,
                            locked_until=None,
                            attempts=OutboxMessage.attempts + 1,
                            last_error=None,
                        )
                    )
                    secret = [item.id for item in batch if item.kind in SECRET_KINDS]
                    if secret:
                        await session.execute(
                            update(OutboxMessage)
                            .where(OutboxMessage.id.in_(secret))
                            .values(payload={}, destination=DELIVERED)
                        )
                return
            except Exception as exc:
                log.error("outbox: could not record a delivery (attempt %d): %s", attempt + 1, type(exc).__name__)
                await asyncio.sleep(0.2 * (attempt + 1))
        log.error("outbox: %d delivered message(s) not recorded; they will be sent again", len(ids))

    async def _failed(self, batch: list[OutboxItem], exc: DeliveryError, state: _ChatState) -> None:
        now = self._clock()
        attempts = max(item.attempts for item in batch) + 1
        if exc.retry_after is not None:
            delay = max(0.0, float(exc.retry_after))
            state.paused_until = now + timedelta(seconds=delay)
        else:
            delay = min(self.config.backoff_max, self.config.backoff_base * 2 ** (attempts - 1))
        log.warning("outbox: send failed (%s), attempt %d, retry in %.1fs", exc.kind, attempts, delay)
        async with self._sessions() as session, session.begin():
            await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id.in_([item.id for item in batch]))
                .values(
                    attempts=OutboxMessage.attempts + 1,
                    next_attempt_at=now + timedelta(seconds=delay),
                    locked_until=None,
                    last_error=exc.kind[:64],
                )
            )

    async def _release(self, ids: list[int]) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(update(OutboxMessage).where(OutboxMessage.id.in_(ids)).values(locked_until=None))

    async def _compute_next_due(self, by_chat: dict[int, list[OutboxItem]]) -> datetime | None:
        """The earliest moment something can be sent: a row's next attempt, a lease running out, or (for rows held
        back by a chat's budget or a 429 pause) when the chat accepts messages again."""
        now = self._clock()
        async with self._sessions() as session:
            rows = (
                await session.execute(
                    select(OutboxMessage.destination, OutboxMessage.next_attempt_at, OutboxMessage.locked_until).where(
                        OutboxMessage.status == "pending"
                    )
                )
            ).all()
        due: datetime | None = None
        for destination, next_attempt_at, locked_until in rows:
            chat_id = self._resolve(destination)
            if chat_id is None:
                continue
            at = max(next_attempt_at, locked_until) if locked_until is not None else next_attempt_at
            state = self._chats.get(chat_id)
            if state is not None:
                if state.paused_until is not None and state.paused_until > at:
                    at = state.paused_until
                if state.hold_until is not None and state.hold_until > at:
                    at = state.hold_until
                frees = state.window.frees_at(now)
                if at < frees:
                    # Held back by the per-minute budget: due when a slot frees (busy() only counts it near then).
                    at = frees
            if due is None or at < due:
                due = at
        return due

    async def _seed_windows(self) -> None:
        """After a restart, count what was sent in the last window so the budget is not spent twice."""
        now = self._clock()
        since = now - timedelta(seconds=self.config.window)
        try:
            async with self._sessions() as session:
                rows = (
                    await session.execute(
                        select(OutboxMessage.destination, OutboxMessage.message_id, OutboxMessage.sent_at)
                        .where(and_(OutboxMessage.status == "sent", OutboxMessage.sent_at > since))
                        .order_by(OutboxMessage.sent_at)
                    )
                ).all()
        except Exception as exc:
            log.error("outbox: could not read recent deliveries: %s", type(exc).__name__)
            return
        seen: set[tuple[int, int | None]] = set()
        for destination, message_id, sent_at in rows:
            chat_id = self._resolve(destination)
            if chat_id is None or sent_at is None or (chat_id, message_id) in seen:
                continue  # (sent_at is never None here: the query asks for sent_at > since)
            seen.add((chat_id, message_id))
            self._chat(chat_id).window.hit(sent_at)


def _item(row: OutboxMessage, case: str | None = None) -> OutboxItem:
    payload = dict(row.payload or {})
    if case is not None:
        payload.setdefault("case", case)
    return OutboxItem(
        id=row.id,
        kind=row.kind,
        destination=row.destination,
        tip_id=row.tip_id,
        priority=row.priority,
        payload=payload,
        created_at=row.created_at,
        attempts=row.attempts,
    )
