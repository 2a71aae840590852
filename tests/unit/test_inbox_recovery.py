"""The inbox after a crash: an update that only waited its turn while the process was killed, however often, is
handled at the next start; one that was running when the process died is handled alone at the next start, and
dropped only if the process dies even then (it is the update that stops the process); the rest go on."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from aiogram import Bot
from aiogram.types import Update
from sqlalchemy import select
from sqlalchemy import update as sa_update

from bot.services.privacy import Cipher
from bot.telegram.updates.polling import _CONTEXT, MAX_ATTEMPTS, Poller
from bot.telegram.updates.scheduler import UpdateScheduler
from db.models.updates import TelegramUpdate
from db.repositories import updates as update_records
from tests.conftest import TEST_TOKEN

BOT_ID = int(TEST_TOKEN.split(":")[0])


def _now() -> datetime:
    return datetime.now(UTC)


def _raw(update_id: int, user_id: int) -> dict:
    person = {"id": user_id, "is_bot": False, "first_name": "A"}
    chat = {"id": user_id, "type": "private"}
    return {"update_id": update_id, "message": {"message_id": 1, "date": 0, "chat": chat, "from": person, "text": "x"}}


async def _fill_inbox(session_factory, cipher: Cipher, update_ids: list[int]) -> None:
    async with session_factory.begin() as session:
        rows = [(u, cipher.encrypt(orjson.dumps(_raw(u, 1000 + u)), context=_CONTEXT)) for u in update_ids]
        await update_records.store(session, BOT_ID, rows, _now())


async def _rows(session_factory) -> dict[int, tuple[int, bool]]:
    async with session_factory() as session:
        found = (await session.scalars(select(TelegramUpdate))).all()
        return {row.update_id: (row.attempts, row.handled_at is not None) for row in found}


@dataclass
class Life:
    began: list[int]  # the updates whose handling began, in order
    queued: int  # updates in the scheduler (running or waiting) when the process died


async def _start_and_kill(
    session_factory, cipher: Cipher, *, starts: set[int], finishes: frozenset[int] = frozenset(), concurrency: int = 1
) -> Life:
    """One process life: recover the inbox; the updates in ``finishes`` are handled when their turn comes, those in
    ``starts`` begin and the process dies while they run (once all of them have begun); the others never get their
    turn."""
    began: list[int] = []
    all_began = asyncio.Event()

    async def handle(update: Update, from_inbox: bool) -> None:
        began.append(update.update_id)
        if update.update_id in finishes:
            async with session_factory.begin() as session:
                await session.execute(
                    sa_update(TelegramUpdate)
                    .where(TelegramUpdate.update_id == update.update_id)
                    .values(handled_at=_now(), payload=None)
                )
            return
        if starts <= set(began):
            all_began.set()
        await asyncio.Event().wait()  # the process is killed before this finishes

    scheduler = UpdateScheduler(handle, concurrency=concurrency)
    async with Bot(TEST_TOKEN) as bot:
        poller = Poller(bot, scheduler, session_factory, cipher, clock=_now)
        recovering = asyncio.create_task(poller.recover())
        if starts:
            await asyncio.wait_for(all_began.wait(), 30)
        else:
            await recovering
            await asyncio.wait_for(scheduler.wait_idle(), 30)
        queued = scheduler.pending
        recovering.cancel()  # SIGKILL: nothing more happens in this process
        for task in list(scheduler._tasks):
            task.cancel()
        await asyncio.gather(recovering, *scheduler._tasks, return_exceptions=True)
    return Life(list(began), queued)


async def test_waiting_through_many_kills_drops_nothing_and_a_poison_update_is_dropped(session_factory, settings):
    cipher = Cipher(settings.keys)
    await _fill_inbox(session_factory, cipher, [1, 2, 3])

    # Update 1 is the one that kills the process each time it is tried; 2 and 3 wait behind it in the one slot.
    for _life in range(MAX_ATTEMPTS - 1):
        assert (await _start_and_kill(session_factory, cipher, starts={1})).began == [1]
    rows = await _rows(session_factory)
    assert rows[1] == (MAX_ATTEMPTS - 1, False)
    assert rows[2] == (0, False) and rows[3] == (0, False), "waiting is not a try"

    # The next start drops update 1 (recorded as handled, so a redelivery is ignored too) and tries 2 first.
    assert (await _start_and_kill(session_factory, cipher, starts={2})).began == [2]
    rows = await _rows(session_factory)
    assert rows[1] == (MAX_ATTEMPTS - 1, True)
    assert rows[2] == (1, False) and rows[3] == (0, False)


async def test_an_update_running_when_the_process_died_twice_is_tried_alone_not_dropped(session_factory, settings):
    """Three people's updates run side by side when the process is killed. At the next start each is tried alone;
    the process dies while the first is running: that one stopped it twice and is dropped at the next start, the other
    two (killed only while running beside it) are handled. Counting every start instead dropped all three."""
    cipher = Cipher(settings.keys)
    await _fill_inbox(session_factory, cipher, [1, 2, 3])

    # The first life after a crash: all three run at once (three slots), and the process dies.
    first = await _start_and_kill(session_factory, cipher, starts={1, 2, 3}, concurrency=3)
    assert sorted(first.began) == [1, 2, 3]
    assert await _rows(session_factory) == {1: (1, False), 2: (1, False), 3: (1, False)}

    # The next life tries them one at a time: 1 first, alone (2 and 3 are not even queued: three slots would let
    # them in), and the process dies again.
    second = await _start_and_kill(session_factory, cipher, starts={1}, concurrency=3)
    assert second.began == [1] and second.queued == 1
    assert await _rows(session_factory) == {1: (2, False), 2: (1, False), 3: (1, False)}

    # Then 1 is dropped (it stopped the process while it ran alone), and 2 and 3 are handled.
    third = await _start_and_kill(session_factory, cipher, starts=set(), finishes=frozenset({2, 3}), concurrency=3)
    assert third.began == [2, 3]
    rows = await _rows(session_factory)
    assert rows[1] == (MAX_ATTEMPTS - 1, True), "dropped: recorded as handled"
    assert rows[2] == (2, True) and rows[3] == (2, True), "handled, not dropped"
