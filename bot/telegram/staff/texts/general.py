"""Private chat, any screen: who may use it, help, refusals, usage."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.staff.model import Refused
from bot.telegram.staff.texts.labels import status_label


def not_staff() -> str:
    return _("This is for task-force staff only.")


def not_allowed_toast() -> str:
    return _("Not allowed.")


def help_text() -> str:
    return "\n".join(
        [
            "🛡 <b>" + _("Task force") + "</b>",
            _("/queue: open tips, most urgent first, 20 a page. Filters: P1 to P4, a status, a regency, mine."),
            _("/find TEXT: search by case number, phone number, recruiter's name or place."),
            _("/tip CASE-NUMBER: the whole tip with its evidence, history and actions."),
            _("/overdue: tips late on either clock: first response, or resolution."),
            _("/caseload: open tips per staff member."),
            _("/handover: what the next shift needs to know, and what is new since the last hand-over."),
            _("/stats: the figures of the last 12 months, with a chart."),
            _("/audit CASE-NUMBER: who looked at a tip and what they did (admins)."),
            _("/web: a one-time link to the web desk, to work the queue in a browser."),
            _("/cancel: stop writing a note, reason or referral."),
            "",
            _(
                "Badges: 🧒 someone under 18 · 📨 news from the reporter · ⏰ no first response in time · ⏳ past its "
                "resolution time"
            ),
            _(
                "Categories: 💼 recruitment · 🛂 no documents · ⛓ forced labour · ⚠️ sexual exploitation · 👶 a child · "
                "📕 documents held · ❔ other"
            ),
        ]
    )


def refused_text(refused: Refused) -> str:
    code, params = refused.code, refused.params
    if code == "transition":
        current = status_label(str(params.get("current", "")))
        target = status_label(str(params.get("target", "")))
        error = params.get("error")
        if error == "admin_only":
            return _("Only an admin can move a tip from “{current}” to “{target}”.").format(
                current=current, target=target
            )
        if error == "outcome_required":
            return _("Closing needs an outcome: use the Close button.")
        if error == "same_status":
            return _("The tip is already “{current}”.").format(current=current)
        if params.get("current") == "new" and params.get("target") == "closed":
            return _("A new tip can only be closed as a duplicate or as false or prank. Claim it and review it first.")
        return _("A tip cannot go from “{current}” to “{target}”.").format(current=current, target=target)
    messages = {
        "not_staff": not_staff(),
        "role": _("Your role does not allow this."),
        "not_found": _("There is no tip with that case number."),
        "reason_required": _("Please write something: it cannot be empty."),
        "bad_input": _("That is not valid here."),
        "closed": _("This tip is closed. An admin can reopen it."),
        "self_link": _("A tip cannot be linked to itself."),
        "not_linked": _("These tips are not linked."),
        "not_assignable": _("That person cannot be given tips (not active staff, or a viewer)."),
        "search_short": _(
            "Nothing to search for: a recruiter's name needs 6 letters or more (short names are shared by too many "
            "people). Try their phone number."
        ),
    }
    if code == "already_claimed":
        return _("{name} has already claimed this tip. An admin can reassign it.").format(
            name=escape(str(params.get("holder", "")))
        )
    if code == "bad_input" and "limit" in params:
        return _("That is too long: at most {limit} characters.").format(limit=params["limit"])
    return messages.get(code, _("That is not valid here."))


def usage_tip() -> str:
    return _("Write the case number after the command, for example /tip TPPO-2026-00042.")


def usage_find() -> str:
    return _("Write what to look for after the command, for example /find 0812 3456 7890 or /find Tenau.")


def usage_audit() -> str:
    return _("Write the case number after the command, for example /audit TPPO-2026-00042.")


def chart_failed() -> str:
    return _("The chart could not be drawn this time; the figures above are complete.")
