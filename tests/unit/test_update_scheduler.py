"""The update scheduler's lanes: one person's updates in order, and what a shutdown leaves behind."""

from __future__ import annotations

import asyncio

from aiogram.types import Update

from bot.telegram.updates.scheduler import UpdateScheduler


def _update(update_id: int, user_id: int = 5) -> Update:
    person = {"id": user_id, "is_bot": False, "first_name": "A"}
    message = {"message_id": update_id, "date": 0, "chat": {"id": user_id, "type": "private"}, "from": person}
    return Update.model_validate({"update_id": update_id, "message": {**message, "text": "halo"}})


async def test_a_lane_cancelled_at_shutdown_cancels_the_updates_still_queued() -> None:
    started = asyncio.Event()

    async def handle(update: Update, from_inbox: bool) -> None:
        started.set()
        await asyncio.Event().wait()  # never finishes: the shutdown cancels it

    scheduler = UpdateScheduler(handle, concurrency=2)
    first = scheduler.submit(_update(1))
    second = scheduler.submit(_update(2))  # same person: waits in the lane behind the first
    await started.wait()
    tasks = list(scheduler._tasks)
    for task in tasks:
        task.cancel()
    outcomes = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(o, asyncio.CancelledError) for o in outcomes), outcomes
    assert first.done()
    assert second.cancelled()
