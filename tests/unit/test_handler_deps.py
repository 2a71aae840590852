"""Every handler names its dependencies, typed as bot/telegram/deps.py lists them: no ``**kwargs``, no name that
nothing provides (aiogram would call the handler without it and the person would get the error message), no
dependency asked for under a type it does not have."""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable, Iterator

import pytest
from aiogram import Router

from bot.telegram.deps import handler_names
from bot.telegram.errors import on_error
from bot.telegram.routers import get_routers

# Handler modules that still take ``**kwargs``, and who is changing that. The list only shrinks: a module listed
# here whose handlers no longer take ``**kwargs`` fails the test until its line is removed.
STILL_TAKES_KWARGS = {}


def handlers() -> Iterator[Callable]:
    def walk(router: Router) -> Iterator[Callable]:
        for observer in router.observers.values():
            for handler in observer.handlers:
                yield handler.callback
        for sub in router.sub_routers:
            yield from walk(sub)

    for router in get_routers():
        yield from walk(router)
    yield on_error


def fits(provided: object, wanted: object) -> bool:
    """Can a value of type ``provided`` be passed where ``wanted`` is declared?"""
    if wanted is typing.Any or provided == wanted:
        return True
    provided_arms = typing.get_args(provided) if _is_union(provided) else (provided,)
    wanted_arms = typing.get_args(wanted) if _is_union(wanted) else (wanted,)
    if len(provided_arms) > 1:
        return all(fits(arm, wanted) for arm in provided_arms)
    if len(wanted_arms) > 1:
        return any(fits(provided, arm) for arm in wanted_arms)
    if isinstance(provided, type) and isinstance(wanted, type):
        return issubclass(provided, wanted)
    return False


def _is_union(kind: object) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType)


def signature_problems(callback: Callable) -> list[str]:
    names = handler_names()
    hints = typing.get_type_hints(callback)
    where = f"{callback.__module__}.{callback.__qualname__}"
    problems = []
    for parameter in list(inspect.signature(callback).parameters.values())[1:]:  # the first is the event
        if parameter.kind is parameter.VAR_KEYWORD:
            if callback.__module__ not in STILL_TAKES_KWARGS:
                problems.append(f"{where}: **{parameter.name} (name each dependency)")
            continue
        if parameter.name not in names:
            problems.append(f"{where}: {parameter.name!r} is provided by nothing (see bot/telegram/deps.py)")
            continue
        if parameter.name not in hints:
            problems.append(f"{where}: {parameter.name!r} has no type")
            continue
        provided = names[parameter.name]
        if parameter.name == "callback_data" or parameter.name == "event":
            continue  # each handler asks for its own CallbackData subclass, which its filter guarantees
        if not fits(provided, hints[parameter.name]):
            problems.append(f"{where}: {parameter.name!r} is {provided}, asked for as {hints[parameter.name]}")
    return problems


def test_every_handler_names_typed_dependencies_that_something_provides():
    problems = [problem for callback in handlers() for problem in signature_problems(callback)]
    assert problems == []


def test_the_list_of_handlers_still_taking_kwargs_only_shrinks():
    still = {
        callback.__module__
        for callback in handlers()
        if any(p.kind is p.VAR_KEYWORD for p in inspect.signature(callback).parameters.values())
    }
    done = set(STILL_TAKES_KWARGS) - still
    assert not done, f"no handler in {sorted(done)} takes **kwargs now: remove it from STILL_TAKES_KWARGS"


@pytest.mark.parametrize(
    ("provided", "wanted", "expected"),
    [
        (int, int, True),
        (bool, int, True),
        (int, int | None, True),
        (int | None, int, False),
        (int | None, int | None, True),
        (str, int, False),
        (Callable[[], int], Callable[[], int], True),
        (Callable[[], int], Callable[[], str], False),
    ],
)
def test_fits(provided, wanted, expected):
    assert fits(provided, wanted) is expected
