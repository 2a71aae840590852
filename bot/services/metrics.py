"""Prometheus metrics. Nothing identifying: counts, durations, backlogs and open tips by priority.

Counters and the latency histogram are kept by the process that handles the update; with several worker processes
``PROMETHEUS_MULTIPROC_DIR`` (set by the worker supervisor) lets whichever worker answers a scrape report the sum.
The figures read from the database (outbox backlog, open tips) are refreshed at each scrape.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Literal

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client import multiprocess as prometheus_multiprocess
from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models.outbox import OutboxMessage
from db.models.tips import Tip

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
PRIORITIES = ("P1", "P2", "P3", "P4")


class Metrics:
    def __init__(self) -> None:
        self._multiprocess = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))
        # With several processes the values go to files (the library's own registry); else to a registry of ours.
        own = None if self._multiprocess else CollectorRegistry()
        self._registry = own
        registry = REGISTRY if own is None else own
        self.updates = Counter(
            "tipline_updates", "Telegram updates handled, by outcome", ["outcome"], registry=registry
        )
        self.errors = Counter("tipline_handler_errors", "Updates whose handler failed", registry=registry)
        self.latency = Histogram(
            "tipline_update_seconds",
            "From an update's arrival to the end of its handling (queueing included)",
            buckets=LATENCY_BUCKETS,
            registry=registry,
        )
        # "all" is the library's default (one series per process); the gauges read from the database are the same
        # in every process, so with several the most recent value is the one to report.
        mode: Literal["all", "mostrecent"] = "mostrecent" if self._multiprocess else "all"
        self.outbox_backlog = Gauge(
            "tipline_outbox_backlog", "Messages waiting in the outbox", registry=registry, multiprocess_mode=mode
        )
        self.outbox_lag = Gauge(
            "tipline_outbox_lag_seconds",
            "How long the oldest due outbox message has waited",
            registry=registry,
            multiprocess_mode=mode,
        )
        self.open_tips = Gauge(
            "tipline_open_tips", "Open tips by priority", ["priority"], registry=registry, multiprocess_mode=mode
        )

    def update_done(self, seconds: float, outcome: str) -> None:
        self.updates.labels(outcome).inc()
        self.latency.observe(seconds)

    async def refresh(self, sessions: async_sessionmaker[AsyncSession], now: datetime) -> None:
        async with sessions() as session:
            backlog, lag = await outbox_state(session, now)
            open_by_priority = await open_tips(session)
        self.outbox_backlog.set(backlog)
        self.outbox_lag.set(lag)
        for priority in PRIORITIES:
            self.open_tips.labels(priority).set(open_by_priority.get(priority, 0))

    def exposition(self) -> bytes:
        if self._registry is not None:
            return generate_latest(self._registry)
        registry = CollectorRegistry()
        prometheus_multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)


async def outbox_state(session: AsyncSession, now: datetime) -> tuple[int, float]:
    """(messages waiting, seconds the oldest undelivered one has waited since it was enqueued).

    A message counts once it is due or has failed: one failing for an hour waits between attempts with its next one
    in the future, and is an hour late all the same (counted from its due time, it vanished from the lag between
    attempts, and /healthz said all was well while no alert reached the task force). One the worker must leave for
    later (a receipt the handler is sending itself) and has not tried counts only once it is due."""
    pending = OutboxMessage.status == "pending"
    backlog = await session.scalar(select(func.count()).select_from(OutboxMessage).where(pending)) or 0
    late = or_(OutboxMessage.next_attempt_at <= now, OutboxMessage.attempts > 0)
    oldest = await session.scalar(select(func.min(OutboxMessage.created_at)).where(pending, late))
    return backlog, max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0


async def open_tips(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(Tip.priority, func.count()).where(Tip.status != "closed").group_by(Tip.priority)
    )
    return {priority: count for priority, count in rows}
