"""Opens the update's unit of work and gives handlers ``session``, ``state`` and ``raw_state`` from it.

Registered right after aiogram's own error and user-context middlewares, before identity and language, so that
everything an update reads or writes goes through its one session.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.middlewares.user_context import EVENT_CONTEXT_KEY, EventContext
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import DEFAULT_DESTINY, StorageKey
from aiogram.types import TelegramObject, Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.telegram.updates.conversation import ConversationStore, UpdateStorage
from bot.telegram.updates.unit import DuplicateUpdate, UnitOfWork, current_unit
from db.direct import Writer
from db.repositories import updates as update_records

log = logging.getLogger(__name__)

FROM_INBOX = "from_inbox"  # feed_update keyword: the update waits in the inbox until handled


class UnitOfWorkMiddleware(BaseMiddleware):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        conversations: ConversationStore,
        clock: Callable[[], datetime],
        count: Callable[[str], None] | None = None,
        writer: Writer | None = None,
    ) -> None:
        self._sessions = session_factory
        self._writer = writer  # the unit's own commits past the session (db.direct)
        self._conversations = conversations
        self._clock = clock
        self._count = count or (lambda _outcome: None)  # metrics: "handled", "duplicate" or "failed"

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot = data["bot"]
        async with self._sessions() as session:
            unit = UnitOfWork(
                session,
                self._conversations,
                bot_id=bot.id,
                update_id=event.update_id,
                from_inbox=bool(data.get(FROM_INBOX)),
                clock=self._clock,
                writer=self._writer,
            )
            token = current_unit.set(unit)
            try:
                data["session"] = session
                data["unit_of_work"] = unit
                key = _storage_key(bot.id, data)
                if key is not None:
                    state = FSMContext(storage=UpdateStorage(unit), key=key)
                    data["state"] = state
                    data["raw_state"] = await state.get_state()
                result = await handler(event, data)
                await unit.commit()
                self._count("handled")
                return result
            except DuplicateUpdate:
                await session.rollback()
                log.info("update %s was handled before; this delivery is ignored", event.update_id)
                self._count("duplicate")
                return None
            except Exception:
                self._count("failed")
                await session.rollback()
                if not unit.recorded:
                    await self._record_failed(bot.id, event.update_id, from_inbox=bool(data.get(FROM_INBOX)))
                raise
            finally:
                current_unit.reset(token)
                await unit.close()

    async def _record_failed(self, bot_id: int, update_id: int, *, from_inbox: bool) -> None:
        """A handler failed: its changes are gone, but the update is recorded as handled so it is not retried
        forever (the person is told to try again). When even this fails (the database is down), the update stays
        in the inbox and is tried again after a restart."""
        try:
            async with self._sessions.begin() as session:
                statement = update_records.handled(session.get_bind().dialect.name, from_inbox=from_inbox)
                await session.execute(statement, {"b": bot_id, "u": update_id, "now": self._clock()})
        except Exception as exc:
            log.warning("could not record failed update %s: %s", update_id, type(exc).__name__)


def _storage_key(bot_id: int, data: dict[str, Any]) -> StorageKey | None:
    """aiogram's default strategy (one conversation per user in each chat)."""
    context: EventContext | None = data.get(EVENT_CONTEXT_KEY)
    if context is None:
        return None
    chat_id, user_id = context.chat_id, context.user_id
    if chat_id is None:
        chat_id = user_id
    if chat_id is None or user_id is None:
        return None
    return StorageKey(
        bot_id=bot_id,
        chat_id=chat_id,
        user_id=user_id,
        thread_id=None,
        business_connection_id=context.business_connection_id,
        destiny=DEFAULT_DESTINY,
    )
