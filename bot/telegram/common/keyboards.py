"""The main menu and the small keyboards every journey uses."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.config import SUPPORTED_LOCALES
from bot.telegram.common.callbacks import LanguageCallback, MenuAction, MenuCallback
from bot.telegram.i18n import LANGUAGE_NAMES


def menu_button(text: str, action: MenuAction) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=MenuCallback(action=action).pack())


def main_menu() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.row(menu_button("🛡 " + _("Report a case"), MenuAction.REPORT))
    builder.row(menu_button("✈️ " + _("Ask about working abroad"), MenuAction.ASK))
    builder.row(menu_button("🏢 " + _("Check a recruiter"), MenuAction.RECRUITER))
    builder.row(menu_button("🔎 " + _("Check my report"), MenuAction.STATUS))
    builder.row(
        menu_button("🆘 " + _("Emergency numbers"), MenuAction.EMERGENCY),
        menu_button("🌐 " + _("Language"), MenuAction.LANGUAGE),
    )
    return builder.as_markup()


def back_to_menu() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[menu_button("↩️ " + _("Main menu"), MenuAction.HOME)]])


def language_keyboard(current: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in SUPPORTED_LOCALES:
        mark = "✓ " if code == current else ""
        builder.button(text=mark + LANGUAGE_NAMES[code], callback_data=LanguageCallback(code=code).pack())
    builder.adjust(2)
    builder.row(menu_button("↩️ " + _("Main menu"), MenuAction.HOME))
    return builder.as_markup()
