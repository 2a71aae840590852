"""Drops an update that was already handled (Telegram may deliver one twice, e.g. around a restart)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from db.models.updates import ProcessedUpdate

log = logging.getLogger(__name__)


class DuplicateUpdateMiddleware(BaseMiddleware):
    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            bot = data["bot"]
            try:
                async with self._sessions.begin() as session:
                    session.add(ProcessedUpdate(bot_id=bot.id, update_id=event.update_id))
            except IntegrityError:
                log.info("duplicate update %s ignored", event.update_id)
                return None
        return await handler(event, data)
