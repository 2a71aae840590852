"""Costs aiogram adds to every update that a busy tip line cannot afford, removed without changing behaviour.

1. aiogram runs every *synchronous* filter on a worker thread (``asyncio.to_thread``): each magic filter (``F.text``,
   ``F.photo | F.document``...) in every router a message passes costs a thread hand-off of ~50-100 us. The filters
   are tiny pure functions, so ``run_filters_inline`` makes them run in the event loop.
2. Each Bot API request and its answer: see ``bot.telegram.bot_session``.
3. Every router is offered every update (``gate_routers``), and every state filter works out its states' names on
   every check (``resolve_state_filters``): see the sections below. Every button filter unpacks the button's data
   again: see ``bot.telegram.button_filters``.

``tests/unit/test_speed.py`` fails if aiogram changes in a way that makes any of these stop applying.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import wraps
from inspect import isclass
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.dispatcher.event.handler import CallableObject, FilterObject, HandlerObject
from aiogram.filters import Command, Filter, StateFilter
from aiogram.filters.callback_data import CallbackQueryFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, TelegramObject


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


def filter_objects(router: Router) -> Iterator[FilterObject]:
    """Every filter of ``router`` and its sub-routers: the routers' own and their handlers', for each kind of event
    (what the passes of this module, and of ``bot.telegram.button_filters``, rewrite at start-up)."""
    for observer in router.observers.values():
        for handler in [observer._handler, *observer.handlers]:
            for item in handler.filters or ():
                if isinstance(item, FilterObject):
                    yield item
    for sub in router.sub_routers:
        yield from filter_objects(sub)


def run_filters_inline(router: Router) -> int:
    """Make every synchronous filter of ``router`` and its sub-routers run in the event loop; returns how many."""
    return sum(_make_inline(item) for item in filter_objects(router))


# ---- state filters resolved once -------------------------------------------------------------------------------
# aiogram's StateFilter works out the full name of every state it holds on every check (``State.state`` walks the
# group's names each time), and an update is checked against the state filters of every handler it passes on its
# way: some 11% of the handling of a /start burst. ``resolve_state_filters`` gives each such filter the set of raw
# names it accepts, worked out once.


class StateSet(StateFilter):
    """A ``StateFilter`` whose accepted states are a set of raw names (None: any state, as for ``"*"``)."""

    __slots__ = ("names",)

    def __init__(self, *states: Any) -> None:
        super().__init__(*states)
        self.names = _state_names(states)

    async def __call__(self, obj: TelegramObject, raw_state: str | None = None) -> bool:
        return self.names is None or raw_state in self.names


def resolve_state_filters(router: Router) -> int:
    """Replace every StateFilter of ``router`` and its sub-routers by a ``StateSet``; returns how many."""
    changed = 0
    for item in filter_objects(router):
        if type(item.callback) is StateFilter:
            item.callback = StateSet(*item.callback.states)  # same parameters, still awaited
            changed += 1
    return changed


# ---- routers skipped in one check -----------------------------------------------------------------------------
# aiogram offers an update to every handler of every router in turn until one accepts it: a button press of the main
# menu is checked against some seventy handlers (each unpacking the button's data and failing) and a message against
# every journey's state filters. ``gate_routers`` gives each router a gate of its own that lets through only what
# one of its handlers could accept, judged by what every such handler requires: the conversation state it waits in,
# the button data's prefix, or the command's name. A router whose handlers cannot all be judged that way (one takes
# any message) gets no gate, so nothing that reached a handler before misses it now.
#
# The gate is asked before aiogram's own machinery: entering a router costs aiogram five copies of the update's data
# (some thirty names: the handlers' dependencies) on its way to the router's filters, and a /start passed eight
# routers that way before reaching its own. So the gate is the router's ``propagate_event``'s first step, and a
# router it turns away costs one call. A router with outer middlewares of its own keeps the gate as its filter (they
# must see every event, as before); no router has them today.

_GATED = ("message", "callback_query")


@dataclass(frozen=True)
class _Commands:
    """What a ``Command`` filter accepts, as the gate judges it: the characters a command may start with and its
    names (None: a pattern, so any name); ``folded``: names compared case-folded (``ignore_case``)."""

    prefix: str
    names: frozenset[str] | None
    folded: bool


@dataclass(frozen=True)
class _Needs:
    """What one handler needs at least (None: nothing known)."""

    states: frozenset[str | None] | None = None
    callback: tuple[str, str] | None = None  # (separator, prefix)
    command: _Commands | None = None


def _commands(check: Command) -> _Commands:
    strings = [c for c in check.commands if isinstance(c, str)]
    names = frozenset(strings) if len(strings) == len(check.commands) else None
    return _Commands(prefix=check.prefix, names=names, folded=check.ignore_case)


def _state_names(states: Any) -> frozenset[str | None] | None:
    """The raw states a StateFilter accepts, or None when it accepts any ("*")."""
    names: set[str | None] = set()
    for state in states:
        if state is None or isinstance(state, str):
            if state == "*":
                return None
            names.add(state)
        elif isinstance(state, State):
            if state.state == "*":
                return None
            names.add(state.state)
        elif isclass(state) and issubclass(state, StatesGroup):
            names.update(state.__all_states_names__)
        elif isinstance(state, StatesGroup):
            names.update(type(state).__all_states_names__)
        else:
            return None
    return frozenset(names)


def _needs(handler: HandlerObject) -> _Needs | None:
    states = callback = command = None
    for item in handler.filters or ():
        check = item.callback
        if isinstance(check, StateFilter):
            states = _state_names(check.states)
        elif isinstance(check, CallbackQueryFilter):
            data = check.callback_data
            callback = (data.__separator__, data.__prefix__)
        elif isinstance(check, Command):
            command = _commands(check)
    if states is None and callback is None and command is None:
        return None
    # One requirement is enough: the sharpest known.
    if states is not None:
        return _Needs(states=states)
    if callback is not None:
        return _Needs(callback=callback)
    return _Needs(command=command)


class RouterGate(Filter):
    """A router's own gate: passes what at least one of its handlers could accept (see above). A ``Filter``, so
    aiogram awaits it where it is a router's filter: a plain object with an async ``__call__`` is taken for a
    blocking function, run in a thread, and its coroutine (truthy, never awaited) let everything through."""

    def __init__(self, needs: list[_Needs]) -> None:
        self.states: frozenset[str | None] = frozenset().union(*(n.states for n in needs if n.states is not None))
        prefixes: dict[str, set[str]] = {}
        for n in needs:
            if n.callback is not None:
                prefixes.setdefault(n.callback[0], set()).add(n.callback[1])
        self.prefixes = [(sep, frozenset(p)) for sep, p in prefixes.items()]
        commands = [n.command for n in needs if n.command is not None]
        self.command_starts = "".join(sorted({c for command in commands for c in command.prefix}))
        # A command's name as aiogram reads it (``Command.extract_command``), exactly or case-folded; None: any.
        any_name = any(command.names is None for command in commands)
        self.command_names: frozenset[str] | None = (
            None
            if any_name
            else frozenset().union(
                *(command.names for command in commands if command.names is not None and not command.folded)
            )
        )
        self.folded_names: frozenset[str] = frozenset().union(
            *(command.names for command in commands if command.names is not None and command.folded)
        )

    async def __call__(self, event: TelegramObject, raw_state: str | None = None) -> bool:
        return self.accepts(event, raw_state)

    def accepts(self, event: TelegramObject, raw_state: str | None) -> bool:
        if raw_state in self.states:
            return True
        if self.prefixes and isinstance(event, CallbackQuery) and event.data:
            data = event.data
            for sep, prefixes in self.prefixes:
                if data.split(sep, 1)[0] in prefixes:
                    return True
        if self.command_starts and isinstance(event, Message):
            return self._a_command(event.text or event.caption)
        return False

    def _a_command(self, text: str | None) -> bool:
        # As Command reads it: the first word, its first character the prefix, the rest up to an "@" the name.
        words = text.split(maxsplit=1) if text else None
        if not words or words[0][0] not in self.command_starts:
            return False
        if self.command_names is None:
            return True
        name = words[0][1:].partition("@")[0]
        return name in self.command_names or name.casefold() in self.folded_names


def gate_routers(router: Router) -> int:
    """Give every router without sub-routers (a failing gate would hide them too) a ``RouterGate`` per kind of
    event, where all its handlers can be judged; returns how many gates were added."""
    added = 0
    if not router.sub_routers:
        early: dict[str, RouterGate] = {}
        for name in _GATED:
            observer = router.observers.get(name)
            if observer is None or not observer.handlers:
                continue
            needs = [_needs(handler) for handler in observer.handlers]
            if any(n is None for n in needs):
                continue
            gate = RouterGate([n for n in needs if n is not None])
            if observer.outer_middleware:
                observer.filter(gate)
            else:
                early[name] = gate
            added += 1
        if early:
            _ask_first(router, early)
    for sub in router.sub_routers:
        added += gate_routers(sub)
    return added


def _ask_first(router: Router, gates: dict[str, RouterGate]) -> None:
    """Make the gates the first step of ``router.propagate_event`` (aiogram calls it on the router object)."""
    propagate = router.propagate_event

    async def propagate_event(update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        gate = gates.get(update_type)
        if gate is not None and not gate.accepts(event, kwargs.get("raw_state")):
            return UNHANDLED
        return await propagate(update_type=update_type, event=event, **kwargs)

    propagate_event.gates = gates  # type: ignore[attr-defined]  # for router_gates()
    router.propagate_event = propagate_event  # type: ignore[method-assign]


def router_gates(router: Router) -> dict[str, RouterGate]:
    """The gates ``gate_routers`` gave ``router``, by kind of event."""
    gates = dict(getattr(router.propagate_event, "gates", {}))
    for name, observer in router.observers.items():
        for item in observer._handler.filters or ():
            if isinstance(item.callback, RouterGate):
                gates[name] = item.callback
    return gates
