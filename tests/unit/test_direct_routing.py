"""The direct walk through the routers (bot.telegram.direct_routing) picks the handler aiogram's own walk picks, with
the same data, for whatever the bot's routers meet: both walks run side by side over the bot's real routers, with
every handler replaced by one that records how it was reached."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram import Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED, SkipHandler
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import CallbackQuery, Message, User
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.telegram.button_filters import quick_callback_filters
from bot.telegram.direct_routing import route_directly
from bot.telegram.intake.flow import Intake
from bot.telegram.routers import get_routers
from bot.telegram.speed import gate_routers, resolve_state_filters, run_filters_inline
from tests.unit.test_speed import _NAMES, _PREFIXES, _VALUES


class _Bot:
    id = 1

    async def me(self) -> User:
        return User(id=1, is_bot=True, first_name="Tipline", username="TiplineBot")


def _recorder(router: str, handler: Any) -> Any:
    name = handler.callback.__qualname__

    async def record(event: Any, **data: Any) -> Any:
        if data.get("skip") == name:
            raise SkipHandler
        found = {key: data[key] for key in ("report_request", "misplaced", "through") if key in data}
        if "callback_data" in data:
            found["callback_data"] = repr(data["callback_data"])
        if "command" in data:
            found["command"] = (data["command"].command, data["command"].args)
        return (router, name, data["event_router"].name, data["handler"] is handler, sorted(found.items()))

    return record


def _through(router: str) -> Any:
    async def middleware(handler: Any, event: Any, data: dict[str, Any]) -> Any:
        data["through"] = [*data.get("through", []), router]
        return await handler(event, data)

    return middleware


def _dispatcher(*, direct: bool) -> Dispatcher:
    """The bot's routers as ``build_dispatcher`` prepares them, each handler a recorder, each inner middleware one
    that notes it was passed (the staff's gate needs a database)."""
    dp = Dispatcher(disable_fsm=True)
    dp.include_routers(*get_routers())
    gate_routers(dp)
    run_filters_inline(dp)
    resolve_state_filters(dp)
    quick_callback_filters(dp)
    for router in dp.chain_tail:
        for observer in router.observers.values():
            for handler in observer.handlers:
                handler.callback = _recorder(router.name, handler)
                handler.awaitable, handler.varkw = True, True
            observer.middleware._middlewares[:] = [_through(router.name) for _ in observer.middleware._middlewares]
    if direct:
        assert {"message", "callback_query"} <= set(route_directly(dp))
    return dp


_AIOGRAM = _dispatcher(direct=False)
_DIRECT = _dispatcher(direct=True)
# Every state some handler waits in, no state and one the bot does not have.
_STATES: list[str | None] = [
    None,
    "Unknown:state",
    *sorted(
        {
            name
            for router in _DIRECT.chain_tail
            for observer in router.observers.values()
            for handler in observer.handlers
            for item in handler.filters or ()
            for name in getattr(item.callback, "names", None) or ()
            if name is not None
        }
    ),
]
_HANDLERS = sorted(
    {
        handler.callback.__qualname__
        for router in _DIRECT.chain_tail
        for observer in router.observers.values()
        for handler in observer.handlers
    }
)
_USER = {"id": 7, "is_bot": False, "first_name": "A"}


async def _both(update_type: str, event: Any, state: str | None, skip: str | None) -> tuple[Any, Any]:
    results = []
    for dp in (_AIOGRAM, _DIRECT):
        context = FSMContext(MemoryStorage(), StorageKey(bot_id=1, chat_id=7, user_id=7))
        await context.set_state(state)
        data = {"raw_state": state, "state": context, "clock": lambda: datetime(2026, 12, 1, tzinfo=UTC)}
        data |= {"bot": _Bot(), "event_from_user": event.from_user, "skip": skip}
        try:
            results.append(await dp.propagate_event(update_type=update_type, event=event, **data))
        except Exception as error:  # the same error from both is the same answer
            results.append(("raised", type(error).__name__))
    return results[0], results[1]


_TEXTS = st.one_of(
    st.sampled_from(["halo", "mau lapor", "saya mau lapor", "I want to report", "1", "ya", "Kupang", "PT Maju"]),
    st.builds(
        lambda prefix, name, rest: f"{prefix}{name}{rest}",
        st.sampled_from(["/", "!"]),
        st.sampled_from([*_NAMES, "unknown"]),
        st.sampled_from(["", " p1", "@TiplineBot", " 12 alasan"]),
    ),
    st.text(max_size=12),
)


@settings(max_examples=600, deadline=None)
@given(
    text=_TEXTS | st.none(),
    media=st.sampled_from([None, "photo", "contact", "location"]),
    chat=st.sampled_from(["private", "group"]),
    state=st.sampled_from(_STATES),
    skip=st.sampled_from([None, *_HANDLERS]),
)
async def test_a_message_reaches_the_handler_aiogram_gives_it(text, media, chat, state, skip):
    message: dict[str, Any] = {"message_id": 5, "date": 0, "chat": {"id": 7, "type": chat}, "from": _USER}
    if media == "photo":
        message["photo"] = [{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}]
        if text is not None:
            message["caption"] = text
    elif media == "contact":
        message["contact"] = {"phone_number": "+62812", "first_name": "A"}
    elif media == "location":
        message["location"] = {"latitude": -10.2, "longitude": 123.6}
    elif text is not None:
        message["text"] = text
    ours, theirs = await _both("message", Message.model_validate(message), state, skip)
    assert ours == theirs


@settings(max_examples=600, deadline=None)
@given(
    prefix=st.sampled_from(_PREFIXES),
    parts=st.lists(st.sampled_from(_VALUES) | st.text(max_size=4), max_size=4),
    chat=st.sampled_from(["private", "group", None]),
    state=st.sampled_from(_STATES),
    skip=st.sampled_from([None, *_HANDLERS]),
)
async def test_a_button_press_reaches_the_handler_aiogram_gives_it(prefix, parts, chat, state, skip):
    name, separator = prefix
    query: dict[str, Any] = {"id": "q", "from": _USER, "chat_instance": "c"}
    query["data"] = separator.join([name, *parts])[:64] or name
    if chat is not None:
        query["message"] = {"message_id": 5, "date": 0, "chat": {"id": 7, "type": chat}, "text": "x"}
    ours, theirs = await _both("callback_query", CallbackQuery.model_validate(query), state, skip)
    assert ours == theirs


async def test_the_walks_agree_on_everyday_events_and_reach_handlers():
    """Not only agreement on refusals: the everyday events reach a handler, through the same middlewares."""
    reached = []
    everyday = [
        ("message", {"text": "/start"}, None),
        ("message", {"text": "halo, bagaimana kerja di Malaysia?"}, None),
        ("message", {"text": "Pak Budi menjemput anak saya tadi malam"}, Intake.story.state),
        ("message", {"text": "/queue p1"}, None),
        ("callback_query", "m:sos", None),
        ("callback_query", "m:home", None),
    ]
    for kind, content, state in everyday:
        if kind == "message":
            event: Any = Message.model_validate(
                {"message_id": 5, "date": 0, "chat": {"id": 7, "type": "private"}, "from": _USER, **content}
            )
        else:
            event = CallbackQuery.model_validate(
                {
                    "id": "q",
                    "from": _USER,
                    "chat_instance": "c",
                    "data": content,
                    "message": {"message_id": 5, "date": 0, "chat": {"id": 7, "type": "private"}, "text": "x"},
                }
            )
        ours, theirs = await _both(kind, event, state, None)
        assert ours == theirs
        assert ours is not UNHANDLED, content
        reached.append(ours)
    # The staff's command went through the staff's gate middleware (here a recorder), as aiogram's walk does.
    assert any(result[4] and dict(result[4]).get("through") for result in reached)


def test_every_kind_of_event_the_bot_handles_is_walked_directly():
    plans = _DIRECT.propagate_event.plans  # type: ignore[attr-defined]
    assert {"message", "callback_query", "error"} <= set(plans)


async def test_a_handler_that_skips_passes_the_event_to_the_next_of_its_router():
    """aiogram's ``SkipHandler``: the next handler of the same router gets the event, then the next router."""
    from aiogram import F, Router

    def build(direct: bool) -> Dispatcher:
        dp = Dispatcher(disable_fsm=True)
        first, second = Router(name="first"), Router(name="second")

        @first.message(F.text)
        async def skips(message: Message) -> str:
            raise SkipHandler

        @first.message(F.text == "a")
        async def takes_a(message: Message) -> str:
            return "first takes a"

        @second.message()
        async def takes_any(message: Message) -> str:
            return "second takes any"

        dp.include_routers(first, second)
        if direct:
            route_directly(dp)
        return dp

    for text, expected in (("a", "first takes a"), ("b", "second takes any")):
        message = Message.model_validate(
            {"message_id": 1, "date": 0, "chat": {"id": 7, "type": "private"}, "from": _USER, "text": text}
        )
        for direct in (False, True):
            assert await build(direct).propagate_event("message", message) == expected
