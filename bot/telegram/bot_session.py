"""aiogram's Bot API session with the costs a busy tip line cannot afford removed, behaviour unchanged.

1. Each Bot API answer is checked against ``Response[ReturnType]``; pydantic's lookup of that generic class costs
   ~70 us per request even when cached (and rebuilds it when the garbage collector dropped it).
   ``BotSession`` keeps one class per return type, and reads and writes JSON with orjson.
2. aiogram sends every request as a form: each field JSON-encoded on its own, then the whole percent-encoded by
   ``urllib`` (a message with a keyboard is mostly characters to escape), ~5% of the bot's CPU under a crowd.
   ``BotSession`` sends one JSON body instead (the Bot API takes both); a request carrying a file still goes as a
   multipart form.
3. A message sent with a keyboard comes back with it: the keyboard sent is kept rather than read again.

``tests/unit/test_speed.py`` fails if aiogram changes in a way that makes any of these stop applying.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import aiohttp
import orjson
from aiogram import Bot
from aiogram.client.default import Default
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import InlineKeyboardMarkup

# Held here: pydantic keeps a parametrised model only while something refers to it, and making ``Response[Message]``
# again builds the whole Message schema (tens of milliseconds).
_RESPONSES: dict[Any, Any] = {}


def response_type(returning: Any) -> Any:
    """``Response[returning]``, made once per process."""
    made = _RESPONSES.get(returning)
    if made is None:
        made = _RESPONSES[returning] = Response[returning]
    return made


_JSON_HEADERS = {"Content-Type": "application/json"}


def _dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


class BotSession(AiohttpSession):
    """aiogram's aiohttp session with the answer's model class kept per return type, JSON by orjson, and a quick
    close on a plain-HTTP server (the local emulator, a benchmark's server), where there is no TLS to wind down."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("json_loads", orjson.loads)
        kwargs.setdefault("json_dumps", _dumps)
        super().__init__(**kwargs)

    def request_fields(self, bot: Bot, method: TelegramMethod[Any]) -> dict[str, Any] | None:
        """The request's fields for one JSON document, or None when it carries a file (then it goes as a form).
        Prepared as aiogram prepares them for a form (defaults filled in, empty ones left out), only not encoded one
        by one."""
        files: dict[str, Any] = {}
        body = {}
        # None is never sent (aiogram drops it at every depth), so pydantic leaves it out while dumping.
        for key, value in method.model_dump(warnings=False, exclude_none=True).items():
            if isinstance(value, Default):
                value = bot.default[value.name]
            if isinstance(value, Enum):
                value = value.value
            value = self._prepared(value, bot, files)
            if value:  # as aiogram's form: None, "", False, 0 and empty lists are not sent
                body[key] = value
        return None if files else body

    def _prepared(self, value: Any, bot: Bot, files: dict[str, Any]) -> Any:
        """``prepare_value`` (not JSON-encoded) with its common cases first: a keyboard is dicts, lists and strings,
        and aiogram's walk asks each of its values eight ``isinstance`` questions (some 170 us a message with a
        keyboard of eight buttons, against 60 for the whole dump). Anything else goes to ``prepare_value``."""
        kind = type(value)
        if kind is str or kind is int or kind is bool or kind is float:
            return value
        if kind is dict:
            out = {}
            for key, item in value.items():
                if item is not None and (prepared := self._prepared(item, bot, files)) is not None:
                    out[key] = prepared
            return out
        if kind is list:
            return [p for item in value if item is not None and (p := self._prepared(item, bot, files)) is not None]
        return self.prepare_value(value, bot=bot, files=files, _dumps_json=False)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        fields = self.request_fields(bot, method)
        if fields is None:
            return await super().make_request(bot, method, timeout)
        session = await self.create_session()
        url = self.api.api_url(token=bot.token, method=method.__api_method__)
        limit = aiohttp.ClientTimeout(total=self.timeout if timeout is None else timeout)
        try:
            async with session.post(url, data=orjson.dumps(fields), headers=_JSON_HEADERS, timeout=limit) as resp:
                raw_result = await resp.text()
        except TimeoutError as e:
            raise TelegramNetworkError(method=method, message="Request timeout error") from e
        except aiohttp.ClientError as e:
            raise TelegramNetworkError(method=method, message=f"{type(e).__name__}: {e}") from e
        response = self.check_response(
            bot=bot, method=method, status_code=resp.status, content=raw_result, sent_markup=fields.get("reply_markup")
        )
        return response.result  # type: ignore[return-value]

    def check_response(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        status_code: int,
        content: str,
        sent_markup: Any = None,
    ) -> Response[TelegramType]:
        """aiogram's check, with one model class per return type. ``sent_markup``: the inline keyboard as sent
        (``request_fields``); when the message Telegram returns carries the very same, the keyboard sent is kept in the
        answer instead of being validated again, button by button (some 80 us of the 120 a message with a keyboard
        of eight buttons costs to read)."""
        if status_code == 200:
            try:
                data = self.json_loads(content)
                if sent_markup is not None:
                    _keep_sent_keyboard(data, method, sent_markup)
                response = response_type(method.__returning__).model_validate(data, context={"bot": bot})
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


def _keep_sent_keyboard(data: Any, method: TelegramMethod[Any], sent_markup: Any) -> None:
    """Put the method's own ``InlineKeyboardMarkup`` in the answer's message where Telegram echoed it unchanged (a
    model instance is taken by pydantic as it is; it is not bound to the bot, which a keyboard, having no method that
    calls the Bot API, never needs)."""
    markup = getattr(method, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup) or not isinstance(data, dict):
        return
    result = data.get("result")
    if isinstance(result, dict) and result.get("reply_markup") == sent_markup:
        result["reply_markup"] = markup
