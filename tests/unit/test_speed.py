"""The aiogram costs removed in bot.telegram.speed stay removed (if aiogram changes, these fail)."""

from __future__ import annotations

from aiogram.client.telegram import TelegramAPIServer
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.methods import SendMessage
from aiogram.types import Message
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.telegram.bot_session import BotSession
from bot.telegram.routers import get_routers
from bot.telegram.speed import _needs, router_gates, run_filters_inline
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


def test_a_keyboard_telegram_echoes_unchanged_is_the_one_sent_and_any_other_is_read():
    """The message a send returns holds the keyboard sent when Telegram echoes it unchanged (not validated again),
    and the one in the answer when it differs; either way the same keyboard as validating the answer gives (only not
    bound to the bot: a keyboard has no method that calls the Bot API)."""
    import orjson
    from aiogram import Bot
    from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

    session = BotSession(api=TelegramAPIServer.from_base("http://127.0.0.1:9"))
    bot = Bot(TEST_TOKEN, session=session)
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=f"Pilihan {i}", callback_data=f"in:a:{i}")] for i in range(3)]
    )
    method = SendMessage(chat_id=1, text="x", reply_markup=keyboard)
    sent = orjson.loads(orjson.dumps(session.request_fields(bot, method)))["reply_markup"]
    message = {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "x"}
    for echoed in (sent, {"inline_keyboard": [[{"text": "Lain", "callback_data": "in:b:"}]]}):
        content = orjson.dumps({"ok": True, "result": {**message, "reply_markup": echoed}}).decode()
        kept = session.check_response(bot, method, 200, content, sent_markup=sent).result.reply_markup
        read = session.check_response(bot, method, 200, content).result.reply_markup
        assert kept.model_dump() == read.model_dump() == InlineKeyboardMarkup.model_validate(echoed).model_dump()
        assert (kept is keyboard) == (echoed is sent)


def _aiograms_body(session, bot, method) -> dict:
    """The request's fields as aiogram prepares them for its form, each field walked by its own ``prepare_value``."""
    from enum import Enum

    from aiogram.client.default import Default

    files: dict = {}
    body = {}
    for key, value in method.model_dump(warnings=False).items():
        if isinstance(value, Default):
            value = bot.default[value.name]
        if isinstance(value, Enum):
            value = value.value
        value = session.prepare_value(value, bot=bot, files=files, _dumps_json=False)
        if value:
            body[key] = value
    return body


_texts = st.text(max_size=40)
_buttons = st.lists(
    st.lists(
        st.builds(
            dict,
            text=_texts,
            callback_data=st.one_of(st.none(), st.text(min_size=1, max_size=20)),
            url=st.one_of(st.none(), st.just("https://example.org/a?b=c")),
        ),
        max_size=4,
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(
    text=_texts,
    rows=_buttons,
    chat=st.integers(-(10**13), 10**13),
    parse_mode=st.sampled_from([None, "HTML", "MarkdownV2"]),
    quiet=st.one_of(st.none(), st.booleans()),
    reply_to=st.one_of(st.none(), st.integers(1, 10**6)),
    until=st.one_of(st.none(), st.datetimes(min_value=__import__("datetime").datetime(2001, 1, 1))),
)
def test_a_json_body_holds_what_aiogram_s_form_holds(text, rows, chat, parse_mode, quiet, reply_to, until):
    """The request's JSON body (``BotSession.request_fields`` as sent, its walk of dicts and lists done first)
    holds exactly the fields and values aiogram's own ``prepare_value`` gives each field of its form: keyboards of any
    shape, the bot's defaults, empty and missing fields, dates."""
    import orjson
    from aiogram import Bot
    from aiogram.client.default import DefaultBotProperties
    from aiogram.methods import AnswerCallbackQuery, BanChatMember, EditMessageText, SendPhoto
    from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, ReplyParameters

    session = BotSession(api=TelegramAPIServer.from_base("http://127.0.0.1:9"))
    bot = Bot(TEST_TOKEN, session=session, default=DefaultBotProperties(parse_mode=parse_mode, protect_content=quiet))
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(**{k: v for k, v in b.items() if v is not None}) for b in row] for row in rows
        ]
    )
    replying = ReplyParameters(message_id=reply_to) if reply_to else None
    methods = [
        SendMessage(chat_id=chat, text=text, reply_markup=keyboard, reply_parameters=replying),
        SendMessage(chat_id=chat, text=text, disable_notification=quiet, link_preview_options=LinkPreviewOptions()),
        EditMessageText(chat_id=chat, message_id=reply_to or 1, text=text, reply_markup=keyboard),
        AnswerCallbackQuery(callback_query_id=str(chat), text=text or None, show_alert=quiet),
        SendPhoto(chat_id=chat, photo="AgACAgIAAxkBAAIB", caption=text),
        BanChatMember(chat_id=chat, user_id=abs(chat) or 1, until_date=until),
    ]
    for method in methods:
        assert orjson.loads(orjson.dumps(session.request_fields(bot, method))) == _aiograms_body(
            session, bot, method
        ), method


def _leaves(router):
    if not router.sub_routers:
        yield router
    for sub in router.sub_routers:
        yield from _leaves(sub)


def _gated_dispatcher():
    from aiogram import Dispatcher

    from bot.telegram.speed import gate_routers

    dp = Dispatcher()
    dp.include_routers(*get_routers())
    assert gate_routers(dp) > 0
    return dp


def _gate(router, name):
    return router_gates(router).get(name)


def _events_a_handler_may_accept(handler):
    """For each of the handler's own filters that the gates judge by: an event and state that filter accepts."""
    from aiogram.filters import Command, StateFilter
    from aiogram.filters.callback_data import CallbackQueryFilter
    from aiogram.types import CallbackQuery

    from bot.telegram.speed import _state_names

    chat = {"id": 1, "type": "private"}
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    message = Message.model_validate({"message_id": 1, "date": 0, "chat": chat, "from": user, "text": "halo"})
    for item in handler.filters or ():
        check = item.callback
        if isinstance(check, StateFilter):
            for name in _state_names(check.states) or ():
                yield message, name
        elif isinstance(check, CallbackQueryFilter):
            data = check.callback_data.__prefix__ + check.callback_data.__separator__ + "x"
            query = CallbackQuery.model_validate({"id": "1", "from": user, "chat_instance": "c", "data": data})
            yield query, "Any:state"
        elif isinstance(check, Command):
            names = [c for c in check.commands if isinstance(c, str)] or ["anything"]
            for start in check.prefix:
                for name in names:
                    yield message.model_copy(update={"text": f"  {start}{name} arg"}), "Any:state"


async def test_a_router_gate_lets_through_whatever_any_of_its_handlers_could_accept():
    """The gates only skip routers none of whose handlers could take the event: for every handler of a gated
    router, an event meeting the requirement the gate judges it by passes the gate."""
    checked = 0
    for router in _leaves(_gated_dispatcher()):
        for name in ("message", "callback_query"):
            gate = _gate(router, name)
            if gate is None:
                continue
            for handler in router.observers[name].handlers:
                events = list(_events_a_handler_may_accept(handler))
                assert events, f"{router.name}: {handler.callback.__name__} has nothing the gate could judge"
                # The handler passes the gate if any of its requirements does (the gate judges by one of them).
                assert any([await gate(event, raw_state=state) for event, state in events]), handler.callback
                checked += 1
    assert checked > 50


async def test_routers_that_cannot_take_an_event_are_skipped():
    from aiogram.types import CallbackQuery

    dp = _gated_dispatcher()
    routers = {r.name: r for r in _leaves(dp)}
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    text = Message.model_validate(
        {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "from": user, "text": "halo"}
    )
    menu = CallbackQuery.model_validate({"id": "1", "from": user, "chat_instance": "c", "data": "m:sos"})
    # Free text outside any conversation: no journey waits for it (the advice questions take it).
    assert not await _gate(routers["intake"], "message")(text, raw_state=None)
    assert not await _gate(routers["staff.typed"], "message")(text, raw_state=None)
    assert await _gate(routers["advice_questions"], "message")(text, raw_state=None)
    # An answer typed in the middle of a report reaches the report.
    assert await _gate(routers["intake"], "message")(text, raw_state="Intake:story")
    # A main-menu button is not looked at by the staff's thirty buttons.
    assert not await _gate(routers["staff.buttons"], "callback_query")(menu, raw_state=None)
    assert await _gate(routers["start"], "callback_query")(menu, raw_state=None)
    # /start outside a conversation is not looked at by the routers before the start menu that have commands.
    start = text.model_copy(update={"text": "/start"})
    for name in ("staff.commands", "staff.web", "followup", "recruiter", "advice"):
        assert not await _gate(routers[name], "message")(start, raw_state=None), name
    assert await _gate(routers["start"], "message")(start, raw_state=None)
    assert await _gate(routers["staff.commands"], "message")(text.model_copy(update={"text": " /queue p1"}))


async def test_a_router_s_gate_turns_an_event_away_before_aiogram_enters_the_router():
    """Checked through aiogram's own entry to a router (``propagate_event``, what a parent router calls): a router
    its gate turns away is never entered (its filters and handlers never run), one it lets through is."""
    from aiogram.dispatcher.event.bases import UNHANDLED
    from aiogram.types import CallbackQuery

    dp = _gated_dispatcher()
    routers = {r.name: r for r in _leaves(dp)}
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    menu = CallbackQuery.model_validate({"id": "1", "from": user, "chat_instance": "c", "data": "m:sos"})
    entered: list[str] = []

    async def trigger(event, **kwargs):
        entered.append(kwargs["event_router"].name)
        return UNHANDLED

    for name in ("staff.buttons", "start"):
        routers[name].callback_query.trigger = trigger
        assert await routers[name].propagate_event("callback_query", menu, raw_state=None) is UNHANDLED
    assert entered == ["start"]
    # Every gate of the bot is asked first (no router has outer middlewares of its own that would need it later).
    assert all(getattr(router.propagate_event, "gates", None) for router in _leaves(dp) if router_gates(router))


class _Bot:
    async def me(self):
        from aiogram.types import User

        return User(id=1, is_bot=True, first_name="Tipline", username="TiplineBot")


_NAMES = sorted(
    {
        c
        for router in _leaves(_gated_dispatcher())
        for handler in router.observers["message"].handlers
        for item in handler.filters or ()
        if hasattr(item.callback, "commands")
        for c in item.callback.commands
        if isinstance(c, str)
    }
)
_COMMAND_TEXTS = st.builds(
    lambda space, prefix, name, case, mention, rest: f"{space}{prefix}{name.upper() if case else name}{mention}{rest}",
    st.sampled_from(["", " ", "\n  "]),
    st.sampled_from(["/", "!", ""]),
    st.sampled_from([*_NAMES, "unknown", "", "start2"]),
    st.booleans(),
    st.sampled_from(["", "@TiplineBot", "@tiplinebot", "@other_bot", "@"]),
    st.sampled_from(["", " arg", " p1 kupang", "\nx"]),
)


@settings(max_examples=400, deadline=None)
@given(text=_COMMAND_TEXTS, caption=st.booleans())
async def test_a_gate_passes_every_command_one_of_its_handlers_takes(text, caption):
    """Whatever aiogram's ``Command`` filter of any handler of a router accepts, that router's gate lets through."""
    from aiogram.filters import Command

    chat = {"id": 1, "type": "private"}
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    field = "caption" if caption else "text"
    message = Message.model_validate({"message_id": 1, "date": 0, "chat": chat, "from": user, field: text})
    for router in _leaves(_GATED):
        gate = _gate(router, "message")
        if gate is None:
            continue
        for handler in router.observers["message"].handlers:
            needs = _needs(handler)
            if needs is None or needs.command is None:
                continue  # judged by the state it waits in (test_a_router_gate_lets_through_whatever_...)
            for item in handler.filters or ():
                if isinstance(item.callback, Command) and await item.callback(message, _Bot()):
                    assert await gate(message, raw_state=None), (router.name, text)


_GATED = _gated_dispatcher()


async def test_resolved_state_filters_accept_exactly_what_aiogram_s_own_accept():
    """Every state filter of the bot, resolved once into a set of names, gives aiogram's answer for every state the
    bot has (and none, and one it does not have)."""
    from aiogram import Dispatcher
    from aiogram.filters import StateFilter

    from bot.telegram.speed import StateSet, resolve_state_filters

    dp = Dispatcher()
    dp.include_routers(*get_routers())
    originals = [f.callback for f in _filters(dp) if type(f.callback) is StateFilter]
    assert resolve_state_filters(dp) == len(originals) > 20
    names = {None, "Nowhere:state"}
    for original in originals:
        names |= StateSet(*original.states).names or set()
    chat = {"id": 1, "type": "private"}
    user = {"id": 1, "is_bot": False, "first_name": "A"}
    message = Message.model_validate({"message_id": 1, "date": 0, "chat": chat, "from": user, "text": "halo"})
    for original in originals:
        resolved = StateSet(*original.states)
        for name in names:
            assert bool(await original(message, raw_state=name)) == await resolved(message, raw_state=name), (
                original,
                name,
            )
    assert all(type(f.callback) is StateSet for f in _filters(dp) if isinstance(f.callback, StateFilter))


async def test_a_gate_reads_commands_as_aiogram_does_case_folded_or_by_pattern():
    """Case-folded names and patterns (no handler of the bot has them yet): the gate passes what the filter takes."""
    import re

    from aiogram import Router
    from aiogram.filters import Command

    from bot.telegram.speed import gate_routers

    def message(text):
        chat = {"id": 1, "type": "private"}
        return Message.model_validate({"message_id": 1, "date": 0, "chat": chat, "text": text})

    folded, patterned = Router(name="folded"), Router(name="patterned")
    folded.message.register(lambda m: None, Command("Lapor", "help", ignore_case=True, prefix="/!"))
    patterned.message.register(lambda m: None, Command(re.compile(r"cek\w*"), "exact"))
    assert gate_routers(folded) == gate_routers(patterned) == 1
    for text in ("/LAPOR", "!lapor x", "/Help@TiplineBot", "/cekpt maju", "/exact", "/nope", "/EXACT", "lapor"):
        for router in (folded, patterned):
            [command] = [f.callback for h in router.message.handlers for f in h.filters]
            takes = bool(await command(message(text), _Bot()))
            passes = await _gate(router, "message")(message(text))
            assert passes or not takes, (router.name, text)
            # Nothing else: a pattern lets any command through; names only their own.
            if router is folded:
                assert passes == takes, text
    assert not await _gate(patterned, "message")(message("halo"))


def _button_filters():
    from aiogram import Dispatcher
    from aiogram.filters.callback_data import CallbackQueryFilter

    dp = Dispatcher()
    dp.include_routers(*get_routers())
    return dp, [f.callback for f in _filters(dp) if type(f.callback) is CallbackQueryFilter]


_, _BUTTONS = _button_filters()
_PREFIXES = sorted({(f.callback_data.__prefix__, f.callback_data.__separator__) for f in _BUTTONS})


def _values_of_buttons() -> list[str]:
    """Every value a field of the bot's button data can take, where the field is an enum (actions, answers, codes)."""
    from enum import Enum

    values = {"", "0", "1", "42", "-1", "x"}
    for f in _BUTTONS:
        for field in f.callback_data.model_fields.values():
            kind = field.annotation
            if isinstance(kind, type) and issubclass(kind, Enum):
                values |= {str(member.value) for member in kind}
    return sorted(values)


_VALUES = _values_of_buttons()


def _press(data: str):
    from aiogram.types import CallbackQuery

    user = {"id": 1, "is_bot": False, "first_name": "A"}
    return CallbackQuery.model_validate({"id": "q", "from": user, "chat_instance": "c", "data": data})


def test_every_button_filter_of_the_bot_is_replaced():
    from aiogram.filters.callback_data import CallbackQueryFilter

    from bot.telegram.button_filters import QuickCallbackFilter, quick_callback_filters

    dp, buttons = _button_filters()
    assert quick_callback_filters(dp) == len(buttons) > 20
    assert not [f for f in _filters(dp) if type(f.callback) is CallbackQueryFilter]
    assert all(
        isinstance(f.callback, QuickCallbackFilter) for f in _filters(dp) if isinstance(f.callback, CallbackQueryFilter)
    )


@settings(max_examples=300, deadline=None)
@given(
    prefix=st.sampled_from(_PREFIXES),
    parts=st.lists(
        st.sampled_from(_VALUES) | st.text(max_size=6),
        max_size=5,
    ),
)
async def test_quick_button_filters_decide_as_aiogram_s_own(prefix, parts):
    """For every button filter of the bot, data of every prefix it may meet (with any number of parts, of values
    its buttons use or any text) gets aiogram's own answer, and the data the handler gets is its own copy."""
    from bot.telegram.button_filters import QuickCallbackFilter

    name, separator = prefix
    query = _press(separator.join([name, *parts])[:64] or name)
    for original in _BUTTONS:
        quick = QuickCallbackFilter(callback_data=original.callback_data, rule=original.rule)
        expected = await original(query)
        for _ in range(2):  # the second answer comes from the kept unpacked data
            got = await quick(query)
            assert (got is False) == (expected is False), (original, query.data)
            if got is not False:
                assert got["callback_data"] == expected["callback_data"]
                assert got["callback_data"] is not (await quick(query))["callback_data"]
