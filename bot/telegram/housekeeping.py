"""Background housekeeping while the bot runs: the retention rules, every few hours."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from bot.services.clock import Clock
from bot.services.retention import RetentionService

log = logging.getLogger(__name__)
RETENTION_INTERVAL_SECONDS = 6 * 3600


async def retention_loop(service: RetentionService, clock: Clock, interval: float = RETENTION_INTERVAL_SECONDS) -> None:
    """Apply the retention rules now and every ``interval`` seconds, by the app's clock (the demo moves it)."""
    while True:
        try:
            report = await service.run(clock())
            log.info("retention: %s", "; ".join(report.lines()))
        except Exception as exc:  # keep running; the next round retries
            log.error("retention run failed: %s", type(exc).__name__)
        await asyncio.sleep(interval)


class BackgroundTasks:
    """Tasks started with the dispatcher and cancelled when it stops."""

    def __init__(self) -> None:
        self._tasks: list[asyncio.Task] = []

    def start(self, coro, name: str) -> None:
        self._tasks.append(asyncio.create_task(coro, name=name))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
