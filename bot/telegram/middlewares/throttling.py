"""Flood control: a burst of messages from one person is answered once with a request to slow down."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update
from aiogram.utils.i18n import gettext as _

from bot.services.ratelimit import SlidingWindowLimiter


class ThrottlingMiddleware(BaseMiddleware):
    def __init__(self, limiter: SlidingWindowLimiter) -> None:
        self._limiter = limiter

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        pseudonym = data.get("pseudonym")
        if pseudonym is None or not isinstance(event, Update) or event.message is None:
            return await handler(event, data)
        if self._limiter.hit(pseudonym):
            return await handler(event, data)
        if self._limiter.should_warn(pseudonym):
            await event.message.answer(
                _(
                    "You are sending messages very fast, so I skipped some. Please wait a few seconds "
                    "and send the last one again. Everything you gave before is saved."
                )
            )
        return None
