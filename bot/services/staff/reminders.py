"""P1 tips nobody has acknowledged (claimed, or moved out of "new") are alerted again every 30 minutes.

One reminder per interval per tip: the outbox key is "reminder:<tip>:<n>" where n counts the intervals since the
tip arrived, so a second process or a restart cannot send the same reminder twice, and a process that was down for
two hours sends one reminder, not four.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import outbox
from bot.services.staff.filing import alert_payload
from db.models.staff import TipCase
from db.models.tips import Tip
from db.repositories.cases import OPEN

log = logging.getLogger(__name__)

REMINDER_INTERVAL = timedelta(minutes=30)


async def enqueue_due_reminders(session: AsyncSession, now: datetime, interval: timedelta = REMINDER_INTERVAL) -> int:
    """Enqueue a reminder for every unacknowledged P1 tip whose current interval has none yet; returns how many."""
    rows = await session.scalars(
        select(Tip)
        .outerjoin(TipCase, TipCase.tip_id == Tip.id)
        .where(
            Tip.priority == "P1",
            Tip.status == "new",
            OPEN,  # the same tips; the planner sees the open-tips index applies
            Tip.created_at <= now - interval,
            Tip.first_response_at.is_(None),
            TipCase.assignee_id.is_(None),
        )
        .order_by(Tip.created_at)
    )
    added = 0
    for tip in rows.all():
        n = int((now - tip.created_at) / interval)
        payload = {**alert_payload(tip), "minutes": int((now - tip.created_at).total_seconds() // 60)}
        if await outbox.enqueue(
            session,
            kind="reminder",
            dedup_key=f"reminder:{tip.id}:{n}",
            payload=payload,
            now=now,
            tip_id=tip.id,
            priority="P1",
        ):
            added += 1
    return added


class ReminderLoop:
    """Looks for unacknowledged P1 tips every ``check_every`` seconds, and at once when kicked (the clock jumped)."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        clock: Callable[[], datetime],
        check_every: float = 30.0,
        interval: timedelta = REMINDER_INTERVAL,
    ) -> None:
        self._sessions = session_factory
        self._clock = clock
        self.check_every = check_every
        self.interval = interval
        self._wake = asyncio.Event()
        self._kicked = True
        self._working = False
        self._stopping = False

    def kick(self) -> None:
        self._kicked = True
        self._wake.set()

    def busy(self) -> bool:
        return self._kicked or self._working

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run_once(self) -> int:
        async with self._sessions() as session:
            try:
                added = await enqueue_due_reminders(session, self._clock(), self.interval)
                await session.commit()
            except IntegrityError:  # another process enqueued the same reminder: it is sent once either way
                await session.rollback()
                return 0
        if added:
            log.info("reminders: %d unacknowledged P1 tip(s) alerted again", added)
        return added

    async def run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            self._kicked = False
            self._working = True
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("reminders: check failed: %s", type(exc).__name__)
            finally:
                self._working = False
            if self._kicked or self._stopping:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.check_every)
