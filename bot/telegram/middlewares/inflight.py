"""Counts updates being handled: used for graceful shutdown and by the emulator to know the bot is idle."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject


class InFlightCounter(BaseMiddleware):
    def __init__(self) -> None:
        self.count = 0
        self.busy_hooks: list[Callable[[], bool]] = []

    def busy(self) -> bool:
        return self.count > 0 or any(hook() for hook in self.busy_hooks)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self.count += 1
        try:
            return await handler(event, data)
        finally:
            self.count -= 1
