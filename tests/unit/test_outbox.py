"""The outbox worker on a real database with a fake Telegram: retries, retry_after, digests, exactly once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.services.outbox import (
    NOTIFY_KEY,
    DeliveryError,
    OutboxConfig,
    OutboxItem,
    OutboxWorker,
    RateWindow,
    enqueue,
)
from db.models.outbox import OutboxMessage

GROUP = -100123


class FakeClock:
    def __init__(self) -> None:
        self.value = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += timedelta(seconds=seconds)


class FakeTelegram:
    """Records what was sent; ``failures`` is a list of DeliveryErrors (or None for success) used in order."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.sent: list[tuple[int, str, datetime]] = []
        self.attempts: list[datetime] = []
        self.failures: list[DeliveryError | None] = []
        self.delay = 0.0  # network latency, so that two workers' sends overlap
        self.hang = False  # a send that never comes back (until cancelled)
        self.entered = asyncio.Event()  # a send has started
        self.delivered = asyncio.Event()  # a send has succeeded

    async def __call__(self, chat_id: int, text: str) -> int:
        self.attempts.append(self.clock())
        self.entered.set()
        if self.hang:
            await asyncio.Event().wait()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failures:
            failure = self.failures.pop(0)
            if failure is not None:
                raise failure
        self.sent.append((chat_id, text, self.clock()))
        self.delivered.set()
        return len(self.sent)


def render(items, now) -> str:
    return "\n".join(f"{item.payload['case']}" for item in items)


def make_worker(session_factory, clock, telegram, **config) -> OutboxWorker:
    return OutboxWorker(
        session_factory,
        send=telegram,
        render=render,
        resolve=lambda destination: GROUP if destination == "staff_group" else None,
        clock=clock,
        config=OutboxConfig(**config),
    )


async def add(session_factory, clock, *cases: str, priority: str = "P3", destination: str = "staff_group") -> None:
    async with session_factory() as session:
        for case in cases:
            await enqueue(
                session,
                kind="alert",
                dedup_key=f"alert:{case}",
                payload={"case": case},
                now=clock(),
                priority=priority,
                destination=destination,
            )
        await session.commit()


def delivered(telegram: FakeTelegram) -> list[str]:
    return [case for _, text, _ in telegram.sent for case in text.split("\n")]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def telegram(clock) -> FakeTelegram:
    return FakeTelegram(clock)


async def test_a_message_is_delivered_once_and_marked_sent(session_factory, clock, telegram):
    await add(session_factory, clock, "C1")
    worker = make_worker(session_factory, clock, telegram)
    assert await worker.run_once() == 1
    assert await worker.run_once() == 0
    assert delivered(telegram) == ["C1"]
    async with session_factory() as session:
        row = await session.scalar(select(OutboxMessage))
    assert row.status == "sent" and row.message_id == 1 and row.attempts == 1 and row.sent_at == clock()


async def test_enqueue_is_idempotent_per_key_and_part_of_the_callers_transaction(session_factory, clock, telegram):
    await add(session_factory, clock, "C1")
    await add(session_factory, clock, "C1")
    async with session_factory() as session:
        await enqueue(session, kind="alert", dedup_key="alert:C2", payload={"case": "C2"}, now=clock())
        await session.rollback()  # the tip's transaction failed: its alert goes with it
    async with session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 1


async def test_commit_wakes_the_worker(session_factory, clock):
    woken = []
    session_factory.configure(info={NOTIFY_KEY: lambda: woken.append(True)})
    async with session_factory() as session:
        await enqueue(session, kind="alert", dedup_key="alert:C1", payload={"case": "C1"}, now=clock())
        assert woken == []
        await session.commit()
    assert woken == [True]


async def test_429_waits_the_retry_after_telegram_gives(session_factory, clock, telegram):
    await add(session_factory, clock, "C1", "C2")
    telegram.failures = [DeliveryError("429", retry_after=7)]
    worker = make_worker(session_factory, clock, telegram)
    await worker.run_once()
    assert telegram.sent == [] and len(telegram.attempts) == 1  # nothing more to that chat while paused
    clock.advance(6)
    await worker.run_once()
    assert len(telegram.attempts) == 1
    assert worker._next_due == telegram.attempts[0] + timedelta(seconds=7)
    clock.advance(1)
    await worker.run_once()
    assert sorted(delivered(telegram)) == ["C1", "C2"]
    async with session_factory() as session:
        rows = (await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all()
    assert [r.status for r in rows] == ["sent", "sent"]
    assert rows[0].attempts == 2 and rows[0].last_error is None


async def test_5xx_and_network_errors_back_off_and_retry_until_delivered(session_factory, clock, telegram):
    await add(session_factory, clock, "C1")
    telegram.failures = [DeliveryError("5xx"), DeliveryError("network"), DeliveryError("5xx")]
    worker = make_worker(session_factory, clock, telegram, backoff_base=1.0)
    waits = []
    for _ in range(10):
        await worker.run_once()
        if telegram.sent:
            break
        async with session_factory() as session:
            row = await session.scalar(select(OutboxMessage))
        waits.append((row.next_attempt_at - clock()).total_seconds())
        clock.value = row.next_attempt_at
    assert waits == [1.0, 2.0, 4.0]
    assert delivered(telegram) == ["C1"]


async def test_a_message_that_keeps_failing_is_never_dropped(session_factory, clock, telegram):
    await add(session_factory, clock, "C1")
    telegram.failures = [DeliveryError("bad_request")] * 30
    worker = make_worker(session_factory, clock, telegram, backoff_max=60)
    for _ in range(30):
        await worker.run_once()
        clock.advance(61)
    async with session_factory() as session:
        row = await session.scalar(select(OutboxMessage))
    assert row.status == "pending" and row.attempts == 30 and row.last_error == "bad_request"
    await worker.run_once()
    assert delivered(telegram) == ["C1"]


async def test_more_alerts_than_the_budget_allows_go_as_one_digest(session_factory, clock, telegram):
    await add(session_factory, clock, *[f"C{i}" for i in range(50)])
    worker = make_worker(session_factory, clock, telegram, max_digest=30)
    await worker.run_once()
    assert len(telegram.sent) == 2  # 30 + 20 in two digests
    assert sorted(delivered(telegram)) == sorted(f"C{i}" for i in range(50))


async def test_a_trickle_goes_out_alert_by_alert_while_the_budget_lasts(session_factory, clock, telegram):
    worker = make_worker(session_factory, clock, telegram)
    for i in range(5):
        await add(session_factory, clock, f"C{i}")
        await worker.run_once()
        clock.advance(1)
    assert [text for _, text, _ in telegram.sent] == [f"C{i}" for i in range(5)]


async def test_the_budget_is_never_exceeded_and_nothing_is_lost(session_factory, clock, telegram):
    worker = make_worker(session_factory, clock, telegram, chat_limit=20, window=60, gather=5)
    cases = []
    for i in range(200):  # an alert every 0.7 s for over two minutes, the worker looking every 0.5 s
        cases.append(f"C{i}")
        await add(session_factory, clock, cases[-1])
        await worker.run_once()
        clock.advance(0.35)
        await worker.run_once()
        clock.advance(0.35)
    for _ in range(200):
        await worker.run_once()
        clock.advance(1)
    times = [t for _, _, t in telegram.sent]
    for i, start in enumerate(times):
        assert sum(1 for t in times[i:] if t < start + timedelta(seconds=60)) <= 20
    assert sorted(delivered(telegram)) == sorted(cases)
    assert len(delivered(telegram)) == len(cases)


async def test_near_the_end_of_the_budget_alerts_gather_but_p1_does_not_wait(session_factory, clock, telegram):
    worker = make_worker(session_factory, clock, telegram, chat_limit=5, reserve=3, gather=5)
    for case in ("A", "B"):
        await add(session_factory, clock, case)
        await worker.run_once()
    assert [text for _, text, _ in telegram.sent] == ["A", "B"]  # alone; now only the reserve (3) is left
    await add(session_factory, clock, "C")
    await worker.run_once()
    assert len(telegram.sent) == 2  # gathering
    clock.advance(2)
    await add(session_factory, clock, "D", priority="P1")
    await worker.run_once()
    assert len(telegram.sent) == 3 and sorted(telegram.sent[-1][1].split("\n")) == ["C", "D"]


async def test_after_a_restart_the_minutes_budget_already_spent_is_remembered(session_factory, clock, telegram):
    worker = make_worker(session_factory, clock, telegram, chat_limit=3, reserve=0)
    for case in ("A", "B", "C"):
        await add(session_factory, clock, case)
        await worker.run_once()
    assert len(telegram.sent) == 3
    await add(session_factory, clock, "D")
    restarted = make_worker(session_factory, clock, telegram, chat_limit=3, reserve=0)
    await restarted._seed_windows()
    await restarted.run_once()
    assert len(telegram.sent) == 3
    clock.advance(61)
    await restarted.run_once()
    assert delivered(telegram) == ["A", "B", "C", "D"]


async def test_two_workers_never_send_the_same_row(session_factory, clock, telegram):
    await add(session_factory, clock, *[f"C{i}" for i in range(6)])
    telegram.delay = 0.01
    a = make_worker(session_factory, clock, telegram, reserve=0)
    b = make_worker(session_factory, clock, telegram, reserve=0)
    for _ in range(10):
        await asyncio.gather(a.run_once(), b.run_once())
    assert sorted(delivered(telegram)) == [f"C{i}" for i in range(6)]


async def test_rows_for_an_unconfigured_destination_wait(session_factory, clock, telegram):
    await add(session_factory, clock, "C1", destination="nowhere")
    worker = make_worker(session_factory, clock, telegram)
    assert await worker.run_once() == 0
    assert not worker.busy() or worker._kicked
    async with session_factory() as session:
        assert await session.scalar(select(OutboxMessage.status)) == "pending"


async def test_busy_while_something_is_due_soon_not_while_only_the_minute_budget_holds(
    session_factory, clock, telegram
):
    worker = make_worker(session_factory, clock, telegram, chat_limit=1, reserve=0, busy_horizon=5)
    worker._kicked = False
    assert not worker.busy()
    await add(session_factory, clock, "A", "B")
    worker.kick()
    assert worker.busy()
    worker._kicked = False
    await worker.run_once()  # A and B go together (a digest); the minute's budget is spent
    await add(session_factory, clock, "C")
    await worker.run_once()
    assert len(telegram.sent) == 1
    assert not worker.busy()  # C waits for the minute, which is not "busy"
    clock.advance(56)
    assert worker.busy()  # ... until it is nearly due
    clock.advance(4)
    await worker.run_once()
    assert delivered(telegram) == ["A", "B", "C"]


async def test_the_worker_loop_delivers_and_stops(session_factory, clock, telegram):
    worker = make_worker(session_factory, clock, telegram, poll_interval=0.01)
    task = asyncio.create_task(worker.run())
    await add(session_factory, clock, "C1")
    worker.kick()
    await asyncio.wait_for(telegram.delivered.wait(), 30)
    worker.stop()
    await asyncio.wait_for(task, 2)
    assert delivered(telegram) == ["C1"]


async def test_a_stream_of_kicks_is_looked_at_once_a_settle_and_nothing_enqueued_waits(
    session_factory, clock, telegram
):
    # A crowd filing reports kicks the worker after every commit; each look reads every held row, so the worker
    # looks at most once per ``settle`` however often it is kicked, and what came in meanwhile goes at the next look.
    settle = 0.3
    worker = make_worker(session_factory, clock, telegram, settle=settle, chat_limit=1000, poll_interval=60)
    looks = 0
    run_once = worker.run_once

    async def counted() -> int:
        nonlocal looks
        looks += 1
        return await run_once()

    worker.run_once = counted  # type: ignore[method-assign]
    task = asyncio.create_task(worker.run())
    loop = asyncio.get_running_loop()
    started = loop.time()
    for i in range(60):
        await add(session_factory, clock, f"K{i}")
        worker.kick()
        await asyncio.sleep(0.01)
    kicking = loop.time() - started
    while len(delivered(telegram)) < 60:
        telegram.delivered.clear()
        await asyncio.wait_for(telegram.delivered.wait(), 30)
    worker.stop()
    await asyncio.wait_for(task, 5)
    assert sorted(delivered(telegram)) == sorted(f"K{i}" for i in range(60))
    # One look at start-up, one per settle while kicks came, one for the last kicks.
    assert looks <= 3 + kicking / settle, (looks, kicking)


async def test_a_send_cancelled_at_shutdown_releases_its_rows(session_factory, clock, telegram):
    await add(session_factory, clock, "C1")
    telegram.hang = True
    worker = make_worker(session_factory, clock, telegram)
    task = asyncio.create_task(worker.run_once())
    await asyncio.wait_for(telegram.entered.wait(), 30)  # the row is claimed and being sent
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with session_factory() as session:
        row = await session.scalar(select(OutboxMessage))
    assert row.status == "pending" and row.locked_until is None  # the next start sends it


def test_rate_window():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    window = RateWindow(2, 60)
    assert window.remaining(start) == 2
    window.hit(start)
    window.hit(start + timedelta(seconds=10))
    assert window.remaining(start + timedelta(seconds=30)) == 0
    assert window.frees_at(start + timedelta(seconds=30)) == start + timedelta(seconds=60)
    assert window.remaining(start + timedelta(seconds=60)) == 1


def test_items_are_plain_data():
    item = OutboxItem(1, "alert", "staff_group", None, "P1", {"case": "X"}, datetime.now(UTC), 0)
    assert item.payload == {"case": "X"}
