"""The outbox's lag as /healthz and /metrics read it (bot.services.metrics.outbox_state): how long the oldest message
not yet delivered has waited, whether or not its next attempt is due at the moment of asking."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.services import outbox
from bot.services.metrics import outbox_state
from db.models.outbox import OutboxMessage

T0 = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


async def _enqueue(session, key: str, *, not_before: datetime | None = None) -> None:
    await outbox.enqueue(session, kind="alert", dedup_key=key, payload={}, now=T0, not_before=not_before)
    await session.commit()


async def test_a_message_failing_for_an_hour_is_an_hour_late_between_attempts(session_factory):
    async with session_factory() as session:
        await _enqueue(session, "alert:1")
        # The worker's sixth failure: the next attempt is a while off.
        await session.execute(
            update(OutboxMessage).values(attempts=6, next_attempt_at=T0 + timedelta(hours=1, minutes=5))
        )
        await session.commit()
        backlog, lag = await outbox_state(session, T0 + timedelta(hours=1))
    assert backlog == 1 and lag == 3600


async def test_a_message_left_for_later_and_not_tried_is_not_late_until_it_is_due(session_factory):
    async with session_factory() as session:
        await _enqueue(session, "receipt:1", not_before=T0 + timedelta(seconds=30))
        assert await outbox_state(session, T0 + timedelta(seconds=10)) == (1, 0.0)
        assert await outbox_state(session, T0 + timedelta(seconds=90)) == (1, 90.0)


async def test_nothing_waiting_is_no_lag(session_factory):
    async with session_factory() as session:
        await _enqueue(session, "alert:2")
        await session.execute(update(OutboxMessage).values(status="sent"))
        await session.commit()
        assert await outbox_state(session, T0 + timedelta(days=1)) == (0, 0.0)
