"""The main menu and the small keyboards every journey uses."""

from __future__ import annotations

from functools import lru_cache

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.config import SUPPORTED_LOCALES
from bot.telegram.common.builder import KeyboardBuilder
from bot.telegram.common.callbacks import LanguageCallback, MenuAction, MenuCallback
from bot.telegram.i18n import LANGUAGE_NAMES


def menu_button(text: str, action: MenuAction) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=MenuCallback(action=action).pack())


def main_menu() -> InlineKeyboardMarkup:
    return _main_menu(
        (
            "🛡 " + _("Report a case"),
            "✈️ " + _("Ask about working abroad"),
            "🏢 " + _("Check a recruiter"),
            "🔎 " + _("Check my report"),
            "🆘 " + _("Emergency numbers"),
            "🌐 " + _("Language"),
        )
    )


@lru_cache(maxsize=16)
def _main_menu(labels: tuple[str, ...]) -> InlineKeyboardMarkup:
    # The menu goes out with most answers: built once per language (never changed after).
    report, ask, recruiter, status, emergency, language = labels
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [menu_button(report, MenuAction.REPORT)],
            [menu_button(ask, MenuAction.ASK)],
            [menu_button(recruiter, MenuAction.RECRUITER)],
            [menu_button(status, MenuAction.STATUS)],
            [menu_button(emergency, MenuAction.EMERGENCY), menu_button(language, MenuAction.LANGUAGE)],
        ]
    )


def back_to_menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[menu_button("↩️ " + _("Main menu"), MenuAction.HOME)]])


def language_keyboard(current: str) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for code in SUPPORTED_LOCALES:
        mark = "✓ " if code == current else ""
        builder.button(text=mark + LANGUAGE_NAMES[code], callback_data=LanguageCallback(code=code).pack())
    builder.adjust(2)
    builder.row(menu_button("↩️ " + _("Main menu"), MenuAction.HOME))
    return builder.as_markup()
