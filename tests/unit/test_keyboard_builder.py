"""The keyboard builder without aiogram's deep copy gives the same markup, and a markup once made stays as it was."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.telegram.common.builder import KeyboardBuilder


def _build(builder: InlineKeyboardBuilder) -> InlineKeyboardBuilder:
    for i in range(5):
        builder.button(text=f"b{i}", callback_data=f"x:{i}")
    builder.adjust(2)
    builder.row(InlineKeyboardButton(text="menu", callback_data="m:home"))
    return builder


def test_the_same_markup_as_aiograms_builder():
    ours, theirs = _build(KeyboardBuilder()), _build(InlineKeyboardBuilder())
    assert ours.as_markup().model_dump() == theirs.as_markup().model_dump()


def test_a_markup_made_does_not_change_with_the_builder():
    builder = _build(KeyboardBuilder())
    markup = builder.as_markup()
    before = markup.model_dump()
    builder.row(InlineKeyboardButton(text="later", callback_data="x:later"))
    builder.adjust(1)
    assert markup.model_dump() == before
