"""What the report says to someone who may be in danger: the numbers to call now and how to stay safe (translated
through gettext, in the report's catalog)."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from bot.services.helplines import HELPLINES


def _call_lines() -> list[str]:
    return [
        _("Police: call {number}").format(number=HELPLINES.police),
        _("SAPA {number}: call {number} or WhatsApp {whatsapp}").format(
            number=HELPLINES.sapa, whatsapp=HELPLINES.sapa_whatsapp
        ),
    ]


def stay_safe() -> str:
    return _(
        "Stay safe: do not confront the recruiter or the people holding them, and do not go there alone. If you "
        "can, note names, phone numbers, vehicles and places."
    )


def danger_now_advice() -> str:
    return "\n".join(
        [
            "🆘 <b>" + _("Call for help now") + "</b>",
            *_call_lines(),
            "",
            stay_safe(),
            "",
            _("Your report is marked urgent. Let's continue so the task force gets the details quickly."),
        ]
    )


def danger_unsure_advice() -> str:
    return "\n".join(
        [
            "🆘 <b>" + _("If someone may be in danger, call now") + "</b>",
            *_call_lines(),
            "",
            stay_safe(),
            "",
            _("Let's continue so the task force gets the details quickly."),
        ]
    )
