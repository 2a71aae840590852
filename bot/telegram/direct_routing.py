"""aiogram's walk through the routers, done in one loop: one of the costs aiogram adds to every update (see
``bot.telegram.speed``).

aiogram enters every router through three coroutines (``propagate_event``, its ``_wrapped`` and
``_propagate_event``), wraps the router's outer middlewares even when it has none (``functools.wraps`` and a
``partial`` each time), and copies the update's data (some thirty names: the handlers' dependencies) five times on
the way in; then each handler's filters are asked in turn, another copy each. A press of a main-menu button passes
the dispatcher, the private-chat router and its journeys before it reaches its handler, and is asked of every
handler of the router that takes it.

``route_directly`` gives the dispatcher a ``propagate_event`` that walks the same routers in the same order with the
same data: a router's filters first (their data kept for its handlers and sub-routers), then its handlers in order
(the first whose filters pass is called, through the inner middlewares of its router and the routers above it; one
that raises ``SkipHandler`` passes the event on), then its sub-routers in order, until one handles the event. What
it leaves out is only the cost: one coroutine and two copies of the data per router, and no wrapping where there
are no middlewares. As the routers' gates do (``speed.gate_routers``), it passes over a handler whose requirement
(the conversation state it waits in, its button's prefix or its command) the event cannot meet, without asking
its filters.

A kind of event for which any router has outer middlewares of its own (they must see the event before its filters)
keeps aiogram's walk; none has today. ``tests/unit/test_direct_routing.py`` runs both walks side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import REJECTED, UNHANDLED, SkipHandler
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.dispatcher.event.telegram import TelegramEventObserver
from aiogram.dispatcher.middlewares.manager import MiddlewareManager
from aiogram.types import TelegramObject

from bot.telegram.speed import RouterGate, _needs, router_gates


@dataclass(frozen=True, eq=False)
class _Handler:
    handler: HandlerObject
    gate: RouterGate | None  # None: nothing known the event must meet; its filters decide
    middlewares: tuple[Any, ...]  # inner middlewares, outermost first, as aiogram resolves them


@dataclass(frozen=True, eq=False)
class _Node:
    router: Router
    gate: RouterGate | None  # the router's own gate (speed.gate_routers)
    root: HandlerObject | None  # the router's filters for this kind of event, None when it has none
    handlers: tuple[_Handler, ...]
    subs: tuple[_Node, ...]


def _handler_gate(handler: HandlerObject) -> RouterGate | None:
    needs = _needs(handler)
    return None if needs is None else RouterGate([needs])


def _plan(router: Router, update_type: str) -> _Node | None:
    """The walk for one kind of event below ``router``, or None where aiogram's own walk is needed."""
    observer: TelegramEventObserver | None = router.observers.get(update_type)
    if observer is None or len(observer.outer_middleware):
        return None
    subs = []
    for sub in router.sub_routers:
        node = _plan(sub, update_type)
        if node is None:
            return None
        subs.append(node)
    middlewares = tuple(observer._resolve_middlewares())
    return _Node(
        router=router,
        gate=router_gates(router).get(update_type),
        root=observer._handler if observer._handler.filters else None,
        handlers=tuple(_Handler(h, _handler_gate(h), middlewares) for h in observer.handlers),
        subs=tuple(subs),
    )


async def _enter(node: _Node, update_type: str, event: TelegramObject, kwargs: dict[str, Any]) -> Any:
    """aiogram's ``Router.propagate_event`` and ``_propagate_event`` for one router; ``kwargs`` is this call's own."""
    kwargs["event_router"] = node.router
    if node.root is not None:
        passed, data = await node.root.check(event, **kwargs)
        if not passed:
            return UNHANDLED
        kwargs.update(data)
    response = UNHANDLED
    if node.handlers:
        response = await _trigger(node, event, kwargs.copy())
        if response is REJECTED:
            return UNHANDLED
        if response is not UNHANDLED:
            return response
    raw_state = kwargs.get("raw_state")
    for sub in node.subs:
        if sub.gate is not None and not sub.gate.accepts(event, raw_state):
            continue
        response = await _enter(sub, update_type, event, kwargs.copy())
        if response is not UNHANDLED:
            break
    return response


async def _trigger(node: _Node, event: TelegramObject, kwargs: dict[str, Any]) -> Any:
    """aiogram's ``TelegramEventObserver.trigger``, passing over handlers whose gate turns the event away."""
    raw_state = kwargs.get("raw_state")
    for item in node.handlers:
        if item.gate is not None and not item.gate.accepts(event, raw_state):
            continue
        handler = item.handler
        kwargs["handler"] = handler
        passed, data = await handler.check(event, **kwargs)
        if not passed:
            continue
        kwargs.update(data)
        try:
            if item.middlewares:
                wrapped = MiddlewareManager.wrap_middlewares(item.middlewares, handler.call)
                return await wrapped(event, kwargs)
            return await handler.call(event, **kwargs)
        except SkipHandler:
            continue
    return UNHANDLED


def route_directly(router: Router) -> list[str]:
    """Give ``router`` (the dispatcher) the direct walk for every kind of event its tree allows; returns those
    kinds. Call it after every router, middleware and filter is in place: the walk is planned once, here."""
    plans: dict[str, _Node] = {}
    for update_type in router.observers:
        node = _plan(router, update_type)
        if node is not None:
            plans[update_type] = node
    propagate = router.propagate_event

    async def propagate_event(update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        node = plans.get(update_type)
        if node is None:
            return await propagate(update_type=update_type, event=event, **kwargs)
        return await _enter(node, update_type, event, kwargs)

    propagate_event.plans = plans  # type: ignore[attr-defined]  # for tests
    router.propagate_event = propagate_event  # type: ignore[method-assign]
    return sorted(plans)
