"""Buttons of the intake flow. Only step names and short answer codes travel in callback data."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class Answer(CallbackData, prefix="ia"):
    """A button answer to the question of ``step``; ``step`` guards against old buttons."""

    step: str
    value: str


class Nav(CallbackData, prefix="in"):
    """Back, skip, done, cancel, edit, submit, and the after-submit and resume choices."""

    action: str
    step: str = ""
