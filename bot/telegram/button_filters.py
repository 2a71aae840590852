"""Button presses checked against every handler's button filter at the cost of a dict look-up each: one of the
costs aiogram adds to every update (see bot.telegram.speed).

A button press that passes a router's gate is checked against each of its handlers in turn, and aiogram's
``CallbackQueryFilter`` unpacks the button's data on every check (a pydantic model built each time), or fails on a
prefix of another class by raising and catching an error: a main-menu press went through some 35 unpacks, a tenth
of its handling. ``QuickCallbackFilter`` turns another prefix away with one split and builds each button's data
once: the handler that takes it gets its own copy.
"""

from __future__ import annotations

from typing import Any, Literal

from aiogram import Router
from aiogram.filters.callback_data import CallbackData, CallbackQueryFilter
from aiogram.types import CallbackQuery

from bot.telegram.speed import filter_objects

_UNPACKED_LIMIT = 4096  # distinct (class, data) kept; data carries short codes and ids, so this is every button
_unpacked: dict[tuple[type[CallbackData], str], CallbackData] = {}


def _unpack(cls: type[CallbackData], data: str) -> CallbackData:
    key = (cls, data)
    found = _unpacked.get(key)
    if found is None:
        found = cls.unpack(data)  # raises TypeError or ValueError for data it cannot read: nothing kept
        if len(_unpacked) >= _UNPACKED_LIMIT:
            _unpacked.clear()
        _unpacked[key] = found
    return found


class QuickCallbackFilter(CallbackQueryFilter):
    """aiogram's ``CallbackQueryFilter`` (same answers, tests/unit/test_speed.py), at the cost of a dict look-up for
    every handler a press is checked against."""

    async def __call__(self, query: CallbackQuery) -> Literal[False] | dict[str, Any]:
        if not isinstance(query, CallbackQuery) or not query.data:
            return False
        cls = self.callback_data
        data = query.data
        if data.split(cls.__separator__, 1)[0] != cls.__prefix__:
            return False
        try:
            callback_data = _unpack(cls, data)
        except (TypeError, ValueError):
            return False
        if self.rule is None or self.rule.resolve(callback_data):
            # A copy: the one kept is shared by every later press of the same button.
            return {"callback_data": callback_data.model_copy()}
        return False


def quick_callback_filters(router: Router) -> int:
    """Replace every ``CallbackQueryFilter`` of ``router`` and its sub-routers by a ``QuickCallbackFilter``; returns
    how many."""
    changed = 0
    for item in filter_objects(router):
        check = item.callback
        if type(check) is CallbackQueryFilter:
            item.callback = QuickCallbackFilter(callback_data=check.callback_data, rule=check.rule)
            changed += 1
    return changed
