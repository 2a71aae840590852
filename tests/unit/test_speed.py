"""The two aiogram costs removed in bot.telegram.speed stay removed (if aiogram changes, these fail)."""

from __future__ import annotations

from aiogram.client.telegram import TelegramAPIServer
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.methods import SendMessage
from aiogram.types import Message

from bot.telegram.routers import get_routers
from bot.telegram.speed import BotSession, run_filters_inline
from tests.conftest import TEST_TOKEN


def _filters(router):
    for observer in router.observers.values():
        for handler in [observer._handler, *observer.handlers]:
            yield from (f for f in handler.filters or () if isinstance(f, FilterObject))
    for sub in router.sub_routers:
        yield from _filters(sub)


def test_no_filter_of_any_router_runs_on_a_thread():
    from aiogram import Dispatcher

    dp = Dispatcher()
    dp.include_routers(*get_routers())
    assert any(not f.awaitable for f in _filters(dp)), "the routers have synchronous (magic) filters"
    assert run_filters_inline(dp) > 0
    assert all(f.awaitable for f in _filters(dp))


async def test_inline_filters_decide_as_before():
    from aiogram import F, Router

    router = Router()
    router.message.register(lambda m: None, F.text.startswith("/"))
    run_filters_inline(router)
    [handler] = router.message.handlers
    [check] = handler.filters
    slash = Message.model_validate({"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "/start"})
    plain = slash.model_copy(update={"text": "halo"})
    assert await check.call(slash) is True and await check.call(plain) is False


def test_answers_are_read_with_one_model_class_per_return_type():
    from aiogram import Bot

    session = BotSession(api=TelegramAPIServer.from_base("http://127.0.0.1:9"))
    bot = Bot(TEST_TOKEN, session=session)
    method = SendMessage(chat_id=1, text="x")
    content = '{"ok": true, "result": {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "private"}}}'
    first = session.check_response(bot, method, 200, content)
    second = session.check_response(bot, method, 200, content)
    assert first.result.message_id == 5 and type(first) is type(second)
