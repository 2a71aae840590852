"""Two costs aiogram adds to every update that a busy tip line cannot afford, removed without changing behaviour.

1. aiogram runs every *synchronous* filter on a worker thread (``asyncio.to_thread``): each magic filter (``F.text``,
   ``F.photo | F.document``...) in every router a message passes costs a thread hand-off of ~50-100 us. The filters
   are tiny pure functions, so ``run_filters_inline`` makes them run in the event loop.
2. Each Bot API answer is checked against ``Response[ReturnType]``; pydantic's lookup of that generic class costs
   ~70 us per request even when cached (and rebuilds it when the garbage collector dropped it).
   ``BotSession`` keeps one class per return type, and reads and writes JSON with orjson.

``tests/unit/test_speed.py`` fails if aiogram changes in a way that makes either of these stop applying.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import wraps
from typing import Any

import orjson
from aiogram import Bot, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.dispatcher.event.handler import CallableObject, FilterObject
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType

_RESPONSES: dict[Any, Any] = {}


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class BotSession(AiohttpSession):
    """aiogram's aiohttp session with the answer's model class kept per return type, JSON by orjson, and a quick
    close on a plain-HTTP server (the local emulator, a benchmark's server), where there is no TLS to wind down."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("json_loads", orjson.loads)
        kwargs.setdefault("json_dumps", _dumps)
        super().__init__(**kwargs)

    def check_response(
        self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int, content: str
    ) -> Response[TelegramType]:
        if status_code == 200:
            returning = method.__returning__
            response_type = _RESPONSES.get(returning)
            if response_type is None:
                response_type = _RESPONSES[returning] = Response[returning]  # type: ignore[valid-type]
            try:
                response = response_type.model_validate(self.json_loads(content), context={"bot": bot})
            except Exception:
                response = None
            if response is not None and response.ok:
                return response
        return super().check_response(bot, method, status_code, content)

    async def close(self) -> None:
        if self.api.base.startswith("https://"):
            await super().close()
        elif self._session is not None and not self._session.closed:
            await self._session.close()


def _inline(callback: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(callback)
    async def run(*args: Any, **kwargs: Any) -> Any:
        return callback(*args, **kwargs)

    return run


def _make_inline(item: CallableObject) -> int:
    if item.awaitable or asyncio.iscoroutinefunction(item.callback):
        return 0
    item.callback = _inline(item.callback)  # keeps the parameters aiogram read from the original
    item.awaitable = True
    return 1


def run_filters_inline(router: Router) -> int:
    """Make every synchronous filter of ``router`` and its sub-routers run in the event loop; returns how many."""
    changed = 0
    for observer in router.observers.values():
        for handler in [observer._handler, *observer.handlers]:
            for item in handler.filters or ():
                if isinstance(item, FilterObject):
                    changed += _make_inline(item)
    for sub in router.sub_routers:
        changed += run_filters_inline(sub)
    return changed
