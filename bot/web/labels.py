"""Labels the desk shares with the bot's staff screens (statuses, priorities, outcomes, agencies, categories,
refusals). Their message ids are the bot's own (bot/telegram/staff/texts, bot/telegram/intake/labels.py): ``shared``
translates them through the same catalogs, so the desk and the chat say the same words. Values are plain text;
the templates escape them."""

from __future__ import annotations

from datetime import datetime

from bot.services import places
from bot.services.staff.model import Refused, StaffMember
from bot.services.triage.scoring import wita
from bot.web.i18n import _, shared

STATUSES = {
    "new": "new",
    "in_review": "in review",
    "awaiting_reporter": "awaiting the reporter",
    "referred": "referred",
    "closed": "closed",
}
PRIORITIES = {"P1": "P1 urgent", "P2": "P2 high", "P3": "P3 normal", "P4": "P4 low"}
OUTCOMES = {
    "actioned": "actioned",
    "departure_stopped": "departure stopped",
    "people_rescued": "people rescued",
    "returned_home": "returned home",
    "police_report": "police report filed",
    "suspect_identified": "suspect identified",
    "referred": "referred",
    "insufficient_information": "insufficient information",
    "duplicate": "duplicate",
    "false_or_prank": "false or prank",
}
AGENCIES = {
    "police": "Police (Polres / Polsek)",
    "polda_tf": "Polda NTT task force",
    "bp3mi": "BP3MI NTT",
    "sapa": "SAPA 129 / UPTD PPA",
    "disnaker": "Disnaker",
    "other": "Another agency",
}
CATEGORIES = {
    "recruitment_fraud": "Fake job offer or illegal recruitment",
    "undocumented_departure": "Leaving without proper documents",
    "forced_labour": "Forced or unpaid work",
    "sexual_exploitation": "Sexual exploitation",
    "child": "A child is involved",
    "documents_held": "Passport or ID taken away",
    "other": "Something else",
}
ROLES = {"admin": "admin", "triager": "triager", "viewer": "viewer"}
REFUSALS = {
    "not_staff": "This is for task-force staff only.",
    "role": "Your role does not allow this.",
    "not_found": "There is no tip with that case number.",
    "reason_required": "Please write something: it cannot be empty.",
    "bad_input": "That is not valid here.",
    "closed": "This tip is closed. An admin can reopen it.",
    "self_link": "A tip cannot be linked to itself.",
    "not_linked": "These tips are not linked.",
    "not_assignable": "That person cannot be given tips (not active staff, or a viewer).",
    "search_short": "Nothing to search for: a recruiter's name needs 6 letters or more (short names are shared by "
    "too many people). Try their phone number.",
}


def _label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    message = table.get(code)
    return shared(message) if message else code


def status(code: str | None) -> str:
    return _label(STATUSES, code)


def priority(code: str | None) -> str:
    return _label(PRIORITIES, code)


def outcome(code: str | None) -> str:
    return _label(OUTCOMES, code)


def agency(code: str | None) -> str:
    return _label(AGENCIES, code)


def category(code: str | None) -> str:
    return _label(CATEGORIES, code) if code else _("no category")


def role(code: str | None) -> str:
    return _label(ROLES, code)


def place(code: str | None) -> str:
    if not code:
        return _("place not given")
    regency = places.regency(code)
    return regency.name if regency else places.local_name(code) if places.is_place_code(code) else code


def staff_name(member: StaffMember | None) -> str:
    return member.label if member is not None else _("the system")


def local_time(value: datetime | None) -> str:
    return value.astimezone(wita()).strftime("%d-%m-%Y %H:%M") if value else ""


def refusal(refused: Refused) -> str:
    code, params = refused.code, refused.params
    if code == "transition":
        error = params.get("error")
        if error == "outcome_required":
            return _("Closing needs an outcome: choose one in the Close form.")
        return shared("A tip cannot go from “{current}” to “{target}”.").format(
            current=status(str(params.get("current", ""))), target=status(str(params.get("target", "")))
        )
    if code == "already_claimed":
        return shared("{name} has already claimed this tip. An admin can reassign it.").format(
            name=str(params.get("holder", ""))
        )
    if code == "bad_input" and "limit" in params:
        return shared("That is too long: at most {limit} characters.").format(limit=params["limit"])
    return shared(REFUSALS.get(code, REFUSALS["bad_input"]))
