"""Texts more than one journey shows (the emergency numbers appear in the menu, in reports and in advice)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.services.helplines import HELPLINES
from bot.telegram.common.callbacks import MenuAction
from bot.telegram.common.keyboards import menu_button


def emergency_text() -> str:
    lines = [
        "🆘 <b>" + _("Emergency numbers") + "</b>",
        "",
        "• " + _("Police: call {number}").format(number=HELPLINES.police),
        "• "
        + _("SAPA {number} (women and children protection): call {number}, WhatsApp {whatsapp}").format(
            number=HELPLINES.sapa, whatsapp=HELPLINES.sapa_whatsapp
        ),
        "• "
        + _("KP2MI (protection of migrant workers): {number}, free from phones in Indonesia").format(
            number=HELPLINES.kp2mi
        ),
        "",
        _("If someone is in danger right now, call the police on {number} first.").format(number=HELPLINES.police),
    ]
    return "\n".join(lines)


def emergency_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            # i18n: same in all languages
            [InlineKeyboardButton(text="💬 " + _("WhatsApp SAPA 129"), url=HELPLINES.sapa_whatsapp_url)],
            [menu_button("↩️ " + _("Main menu"), MenuAction.HOME)],
        ]
    )
