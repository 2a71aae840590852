"""The inline keyboard builder every journey uses."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton
from aiogram.utils.keyboard import InlineKeyboardBuilder


class KeyboardBuilder(InlineKeyboardBuilder):
    """aiogram's inline keyboard builder, but for its copy: aiogram's ``as_markup`` deep-copies every button (so the
    builder can go on changing them), about a tenth of the time a free-text question takes. A keyboard here is
    built for one message and dropped, so the markup takes the rows as they are."""

    def export(self) -> list[list[InlineKeyboardButton]]:
        return [list(row) for row in self._markup]
