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
VIA = {"phone": "same phone number", "name": "same recruiter name", "manual": "linked by staff"}
# The audit log's actions in the bot's words (bot/telegram/staff/texts/audit.py); the desk's own below.
AUDIT_ACTIONS = {
    "view": "opened the tip",
    "claim": "claimed it",
    "assign": "assigned it",
    "status": "changed the status",
    "priority": "changed the priority",
    "note": "added a note",
    "refer": "referred it",
    "link": "linked it",
    "unlink": "unlinked it",
    "close": "closed it",
    "reopen": "reopened it",
    "ask_reporter": "asked the reporter a question",
    "answer_question": "answered the question",
    "audit": "read the audit log",
    "rescore": "raised the priority after the reporter's new information",
    "export": "exported data",
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


def via(codes) -> str:
    """How a related tip was found (phone, name, by staff), in words."""
    return ", ".join(_label(VIA, code) for code in sorted(codes))


def audit_action(code: str) -> str:
    desk = {
        "web_code": _("asked for a web desk link"),
        "web_login": _("signed in to the web desk"),
        "web_logout": _("signed out of the web desk"),
        "queue": _("read the queue"),
        "stats": _("read the figures"),
        "overdue": _("read the late tips"),
        "caseload": _("read the caseload"),
        "handover": _("made a hand-over"),
        "record": _("recorded the case data"),
        "report": _("wrote the monthly report"),
    }
    if code in desk:
        return desk[code]
    return _label(AUDIT_ACTIONS, code)


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
        current, target = status(str(params.get("current", ""))), status(str(params.get("target", "")))
        if error == "outcome_required":
            return _("Closing needs an outcome: choose one in the Close form.")
        if error == "same_status":
            return shared("The tip is already “{current}”.").format(current=current)
        if error == "admin_only":
            return shared("Only an admin can move a tip from “{current}” to “{target}”.").format(
                current=current, target=target
            )
        if params.get("current") == "new" and params.get("target") == "closed":
            return shared(
                "A new tip can only be closed as a duplicate or as false or prank. Claim it and review it first."
            )
        return shared("A tip cannot go from “{current}” to “{target}”.").format(current=current, target=target)
    if code == "already_claimed":
        return shared("{name} has already claimed this tip. An admin can reassign it.").format(
            name=str(params.get("holder", ""))
        )
    if code == "bad_input" and "limit" in params:
        return shared("That is too long: at most {limit} characters.").format(limit=params["limit"])
    return shared(REFUSALS.get(code, REFUSALS["bad_input"]))


# The reporter's coded answers, in the intake's words (bot/telegram/intake/labels.py).
ANSWER_VALUES: dict[str, dict[str, str]] = {
    "danger_now": {"yes": "Yes, someone is in danger now", "no": "No", "unknown": "I'm not sure"},
    "departure": {
        "today": "Today or tonight",
        "this_week": "This week",
        "later": "Later",
        "already_left": "Already left",
        "unknown": "I don't know",
    },
    "people": {"1": "One person", "2-5": "2 to 5", "6+": "More than 5", "unknown": "I don't know"},
    "minors": {"yes": "Yes", "no": "No", "unknown": "I don't know"},
    "relation": {
        "self": "It happened to me",
        "family": "A family member",
        "neighbour": "A neighbour or friend",
        "witness": "I saw it myself",
        "online": "I saw it online",
        "other": "Other",
    },
}


def answer_value(key: str, value: object) -> str:
    """A coded answer in words; free text as written (plain: the template escapes it)."""
    table = ANSWER_VALUES.get(key)
    if table is not None and isinstance(value, str) and value in table:
        return shared(table[value])
    if key == "category":
        return category(str(value))
    if key == "regency":
        return place(str(value))
    if key == "destination" and isinstance(value, str):
        found = places.destination(value)
        return found.local_name if found is not None else value
    if key == "transit_points" and isinstance(value, list):
        return ", ".join(places.local_name(str(v)) if places.transit_point(str(v)) else str(v) for v in value)
    if key == "location" and isinstance(value, list | tuple) and len(value) == 2:
        return f"{float(value[0]):.5f}, {float(value[1]):.5f}"
    return _plain(value)


def _plain(value: object) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def history_line(entry) -> tuple[str, str | None]:
    """What happened, in the bot's words for /tip (bot/telegram/staff/texts/history.py), and the free text that
    goes with it (a note, a reason, a question), both plain."""
    who, d, kind = staff_name(entry.staff), entry.data, entry.kind
    lines = {
        "claim": lambda: shared("{who} claimed it").format(who=who),
        "assign": lambda: shared("{who} assigned it to {to}").format(who=who, to=d.get("to_label") or d.get("to", "")),
        "status": lambda: shared("{who}: status {before} → {after}").format(
            who=who, before=status(d.get("from", "")), after=status(d.get("to", ""))
        ),
        "priority": lambda: shared("{who}: priority {before} → {after}").format(
            who=who, before=d.get("from"), after=d.get("to")
        ),
        "note": lambda: shared("{who} noted:").format(who=who),
        "referral": lambda: shared("{who} referred it to {agency} on {date}").format(
            who=who, agency=agency(d.get("agency", "")), date=_day(d.get("on"))
        ),
        "link": lambda: shared("{who} linked it with {case}").format(who=who, case=d.get("case", "")),
        "unlink": lambda: shared("{who} unlinked it from {case}").format(who=who, case=d.get("case", "")),
        "close": lambda: shared("{who} closed it: {outcome}").format(who=who, outcome=outcome(d.get("outcome"))),
        "reopen": lambda: shared("{who} reopened it").format(who=who),
        "record": lambda: shared("{who} recorded the case data").format(who=who),
        "question": lambda: shared("{who} asked the reporter:").format(who=who),
        "answer": lambda: shared("{who} answered the question:").format(who=who),
        "escalated": lambda: shared("Priority raised {before} → {after}: {count} tips name the same recruiter").format(
            before=d.get("from"), after=d.get("to"), count=d.get("count")
        ),
        "rescored": lambda: shared("Priority raised {before} → {after} after the reporter's new information").format(
            before=d.get("from"), after=d.get("to")
        ),
    }
    line = lines.get(kind)
    return (line() if line else kind), entry.text


def _day(value: object) -> str:
    if not value:
        return ""
    try:
        return datetime.fromisoformat(str(value)).strftime("%d-%m-%Y")
    except ValueError:
        return str(value)
