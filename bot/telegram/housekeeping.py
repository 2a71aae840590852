"""Background housekeeping while the bot runs: the retention rules, every few hours."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime

from bot.services.retention import RetentionService

log = logging.getLogger(__name__)
RETENTION_INTERVAL_SECONDS = 6 * 3600


async def retention_loop(service: RetentionService, interval: float = RETENTION_INTERVAL_SECONDS) -> None:
    while True:
        try:
            report = await service.run(datetime.now(UTC))
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
