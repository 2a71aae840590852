"""Long polling that loses nothing: fetched updates are stored (encrypted) in the inbox before Telegram is told they
arrived, and each leaves the inbox in the commit that handles it. After a crash, the next start handles what the
inbox still holds, oldest first.

aiogram's own polling confirms an update to Telegram as soon as it is fetched and starts a task per update with no
bound; a crash then loses what was running, and a crowd exhausts the database pool.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial

import aiohttp
import orjson
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import GetUpdates
from aiogram.types import Update
from aiogram.utils.backoff import Backoff, BackoffConfig
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import Cipher, DecryptionError
from bot.telegram.updates.scheduler import UpdateScheduler
from db.direct import Writer
from db.repositories import updates as update_records

log = logging.getLogger(__name__)

_CONTEXT = "telegram_updates.payload"
# Updates fetched and not yet handled, at most (the poller fetches again when half are done). Beyond that a crowd
# waits at Telegram, unconfirmed, rather than in this process's memory: 2,000 waiting here added ~20 MiB to the peak
# RSS for no gain in speed (the scheduler handles ``updates_concurrency`` at a time; 300 keeps it always fed: the
# poller fetches up to 100 per request).
MAX_BACKLOG = 300
MAX_ATTEMPTS = 3  # an update that was being handled when the process died this many times is dropped (see recover)
# How long a suspect from the inbox is handled alone before the others go on (see recover): far longer than any
# handler takes, short enough that one stuck handler does not hold the whole bot.
SUSPECT_ALONE_SECONDS = 30.0
BACKOFF = BackoffConfig(min_delay=1.0, max_delay=30.0, factor=1.5, jitter=0.1)


class Poller:
    def __init__(
        self,
        bot: Bot,
        scheduler: UpdateScheduler,
        session_factory: async_sessionmaker[AsyncSession],
        cipher: Cipher,
        *,
        clock: Callable[[], datetime],
        allowed_updates: Sequence[str] | None = None,
        timeout: int = 25,
        max_backlog: int = MAX_BACKLOG,
        writer: Writer | None = None,
    ) -> None:
        self._bot = bot
        self._scheduler = scheduler
        self._sessions = session_factory
        self._cipher = cipher
        self._clock = clock
        self._allowed = list(allowed_updates) if allowed_updates is not None else None
        self._timeout = timeout
        self._max_backlog = max_backlog
        self._stopping = asyncio.Event()
        self._writer = writer  # the inbox is written past the session when there is a direct writer (db.direct)

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> None:
        await self.recover()
        offset: int | None = None
        backoff = Backoff(BACKOFF)
        kwargs = {}
        if self._bot.session.timeout:
            kwargs["request_timeout"] = int(self._bot.session.timeout + self._timeout)
        while not self._stopping.is_set():
            if self._scheduler.pending >= self._max_backlog:
                # A crowd beyond the backlog waits at Telegram until the backlog halves.
                await self._scheduler.wait_below(self._max_backlog // 2)
            try:
                updates = await self._fetch(offset, kwargs.get("request_timeout"))
                if updates:
                    await self._accept(updates)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Telegram or the database unreachable: try again, never stop polling
                log.error("polling: %s; retrying in %.1fs", type(exc).__name__, backoff.next_delay)
                await self._pause(backoff.next_delay)
                next(backoff)
                continue
            backoff.reset()
            if updates:
                # Stored: the next request confirms them to Telegram.
                offset = updates[-1][1].update_id + 1

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def _fetch(self, offset: int | None, request_timeout: int | None) -> list[tuple[dict, Update]]:
        """getUpdates, keeping each update's JSON as Telegram sent it (to store it) beside the parsed Update."""
        method = GetUpdates(offset=offset, timeout=self._timeout, allowed_updates=self._allowed)
        session = self._bot.session
        if not isinstance(session, AiohttpSession):  # the raw JSON is read through aiogram's aiohttp client
            raise TypeError(f"polling needs an AiohttpSession, not {type(session).__name__}")
        client = await session.create_session()
        url = session.api.api_url(token=self._bot.token, method="getUpdates")
        body = method.model_dump(exclude_none=True, warnings=False)
        timeout = aiohttp.ClientTimeout(total=request_timeout or self._timeout + 10)
        async with client.post(url, json=body, timeout=timeout) as response:
            content = await response.text()
            status = response.status
        data = orjson.loads(content) if status == 200 else None
        if not isinstance(data, dict) or not data.get("ok"):
            session.check_response(self._bot, method, status, content)  # raises aiogram's error for the answer
            raise RuntimeError("getUpdates gave no updates and no error")
        return [(item, Update.model_validate(item, context={"bot": self._bot})) for item in data["result"]]

    async def _accept(self, updates: list[tuple[dict, Update]]) -> None:
        bot_id = self._bot.id
        if self._writer is not None:
            # In a crowd the poller fetches a few updates at a time, and through a session each batch cost a
            # look-up, the insert and SQLAlchemy's work for every row (on PostgreSQL some 150 us of CPU an update).
            sealed = [(u.update_id, self._seal(raw)) for raw, u in updates]
            new = await update_records.store_new(self._writer, bot_id, sealed, self._clock())
            fresh = [(raw, u) for raw, u in updates if u.update_id in new]
        else:
            async with self._sessions.begin() as session:
                known = await update_records.known_ids(session, bot_id, [u.update_id for _raw, u in updates])
                fresh = [(raw, u) for raw, u in updates if u.update_id not in known]
                await update_records.store(
                    session,
                    bot_id,
                    [(u.update_id, self._seal(raw)) for raw, u in fresh],
                    self._clock(),
                )
        if len(fresh) < len(updates):
            log.info("polling: %d update(s) delivered again were ignored", len(updates) - len(fresh))
        for _raw, update in fresh:
            self._scheduler.submit(update, from_inbox=True)

    def _seal(self, raw: dict) -> bytes:
        return self._cipher.encrypt(orjson.dumps(raw), context=_CONTEXT)

    async def recover(self) -> int:
        """Queue what an earlier process left unhandled; returns how many.

        Each start of handling an update taken from here is counted first (``_count_attempt``). An update whose
        handling was started after a restart and did not finish before the process died again is a suspect: it may
        be the update that kills the process, or it was only running beside it when something else did (kill -9, the
        machine, another update). So a suspect is handled next alone, before anything else and before polling goes
        on; one that stops the process even then (``MAX_ATTEMPTS - 1`` counted starts, the first uncounted one having
        been in the process that fetched it) is the one that kills it, and is dropped at the next start. An update
        that only waited its turn, however many times the process was killed, is never counted: counting at every
        start of the process dropped updates of a crowd that had not been tried once; counting every start, alone
        or not, dropped updates that were only running when a busy machine's process was killed twice in a row."""
        bot_id = self._bot.id
        async with self._sessions.begin() as session:
            rows = await update_records.waiting(session, bot_id)
            if not rows:
                return 0
            broken = [update_id for update_id, _payload, attempts in rows if attempts >= MAX_ATTEMPTS - 1]
            if broken:
                log.error("polling: dropping %d update(s) that stopped the process at every try", len(broken))
                await update_records.give_up(session, bot_id, broken, self._clock())
        queued = 0
        suspects = [(update_id, payload) for update_id, payload, attempts in rows if 0 < attempts < MAX_ATTEMPTS - 1]
        for update_id, payload in suspects:
            update = await self._open(update_id, payload)
            if update is None:
                continue
            queued += 1
            handled = self._scheduler.submit(update, from_inbox=True, on_start=partial(self._count_attempt, update_id))
            try:
                # Alone: nothing else runs until it is done (a handler that never ends holds only its own lane).
                await asyncio.wait_for(asyncio.shield(handled), SUSPECT_ALONE_SECONDS)
            except TimeoutError:
                log.warning("polling: update %s left unhandled by a crash is still running; going on", update_id)
        for update_id, payload, attempts in rows:
            if attempts != 0:
                continue
            update = await self._open(update_id, payload)
            if update is None:
                continue
            self._scheduler.submit(update, from_inbox=True, on_start=partial(self._count_attempt, update_id))
            queued += 1
        log.info("polling: %d update(s) left by the previous run queued again", queued)
        return queued

    async def _open(self, update_id: int, payload: bytes) -> Update | None:
        try:
            data = self._cipher.decrypt(payload, context=_CONTEXT)
        except DecryptionError:
            log.error("polling: inbox update %s cannot be decrypted (key removed?); dropped", update_id)
            async with self._sessions.begin() as session:
                await update_records.give_up(session, self._bot.id, [update_id], self._clock())
            return None
        return Update.model_validate_json(data, context={"bot": self._bot})

    async def _count_attempt(self, update_id: int) -> None:
        """Recorded before a recovered update is handled. Best effort: the update is handled even if this fails."""
        try:
            async with self._sessions.begin() as session:
                await update_records.count_attempt(session, self._bot.id, [update_id])
        except Exception as exc:
            log.warning("polling: could not count a try of update %s: %s", update_id, type(exc).__name__)
