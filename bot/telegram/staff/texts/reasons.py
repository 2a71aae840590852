"""Why a tip has its priority, in the staff member's language: each reason once, with what it came from.

A reason from the reporter's text shows their own words in italics; one from an answer shows the answer as the
reporter saw it (translated); places are written as people in NTT write them ("Pelabuhan Tenau"). Reasons stored
before they carried codes keep only an English summary: of those only the reporter's own words are shown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import Step
from bot.services.triage.reasons import Reason
from bot.telegram.intake import texts as intake_texts


def reason_label(code: str, reasons: Sequence[Reason] = ()) -> str:
    if code == "linked_recruiter":
        return _("{count} tips name the same recruiter").format(count=_count(reasons))
    if code == "danger_unsure":
        if any(r.param("moving") for r in reasons):
            return _("the reporter is not sure about danger while someone is being moved")
        return _("the reporter is not sure whether someone is in danger now")
    labels = {
        "danger_now": _("danger now (answer)"),
        "danger_in_text": _("a cry for help in the text"),
        "departure_today": _("leaving within 24 hours"),
        "child_on_the_move": _("a child who has left, is away, or leaves within 24 hours"),
        "child_sexual_exploitation": _("a child sexually exploited now"),
        "taken_by_force": _("taken or moved by force, now or just now"),
        "confinement_in_text": _("confined now"),
        "violence_in_text": _("violence or threats now"),
        "minor_involved": _("a child is involved"),
        "child_age_in_text": _("a child (age or words in the text)"),
        "departure_this_week": _("leaving within 7 days"),
        "in_transit": _("left in the last day: still on the way"),
        "documents_held": _("documents held"),
        "debt_bondage": _("debt bondage"),
        "unpaid_wages": _("unpaid wages"),
        "exploitation_abroad_now": _("exploitation going on now, away from home"),
        "exploitation_now": _("exploitation going on now"),
        "exploitation_in_text": _("exploitation described in the text"),
        "holding_house": _("people in a holding house"),
        "illegal_recruitment": _("signs of illegal recruitment"),
        "transit_point": _("a transit point or route"),
        "past_violence_in_text": _("violence in the past"),
        "past_confinement_in_text": _("confinement in the past"),
        "past_taken_by_force": _("taken by force in the past"),
        "past_documents_held": _("documents held in the past"),
        "past_debt_bondage": _("debt in the past"),
        "past_unpaid_wages": _("unpaid wages in the past"),
        "past_exploitation": _("exploitation in the past"),
        "past_holding_house": _("a holding house in the past"),
        "specific_details": _("a specific person, place or time"),
        "general_request": _("a request or an opinion, no case in it"),
        "resolved_past": _("an old story that is over"),
        "no_specifics": _("nothing specific: no person, place or time"),
        # Warning signs found in a question passed on from the advice journey.
        "advice_child": _("a question that mentions a child"),
        "advice_confinement": _("a question that mentions confinement"),
        "advice_violence": _("a question that mentions violence"),
        "advice_documents_held": _("a question that mentions documents held"),
        "advice_tourist_visa": _("a question that mentions a tourist visa"),
        "advice_unofficial_route": _("a question that mentions an unofficial route"),
        "advice_no_agreement_destination": _("a question about a country without a placement agreement"),
        "advice_fee": _("a question that mentions recruitment fees"),
    }
    return labels.get(code, escape(code))


def _count(reasons: Sequence[Reason]) -> str:
    for r in reasons:
        if r.param("count"):
            return escape(str(r.param("count")))
        found = re.search(r"\d+", r.detail)  # a reason stored before it had parameters
        if found:
            return found.group()
    return "3"


def _country(name: str) -> str:
    labels = {"Cambodia": _("Cambodia"), "Thailand": _("Thailand"), "Myanmar": _("Myanmar")}
    return labels.get(name, escape(name))


def _quote(text: str) -> str:
    return f"<i>“{escape(text)}”</i>"


def _coded(label, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return label(value)
    except KeyError:
        return escape(value)


def _answered(step: Step, answer: str | None) -> str | None:
    """An answer as the reporter gave it, under the question's title (the same as on the card above)."""
    return f"{intake_texts.step_title(step)}: {answer}" if answer else None


def _answer_part(r: Reason) -> str | None:
    """A reason from the reporter's buttons, as the reporter saw the question and the answer."""
    if r.quote:  # the recruiter's name as answered
        return _answered(Step.RECRUITER, _quote(r.quote))
    if r.param("category"):
        return _answered(Step.CATEGORY, _coded(intake_texts.category_label, r.param("category")))
    if r.param("departure"):
        return _answered(Step.WHEN, _coded(intake_texts.departure_label, r.param("departure")))
    if r.param("minors") == "yes":
        return _answered(Step.MINORS, intake_texts.yes_no_label("yes"))
    if r.param("danger") in ("yes", "unsure"):
        return _answered(Step.DANGER, intake_texts.danger_label("yes" if r.param("danger") == "yes" else "unknown"))
    if r.code == "child_on_the_move":
        child = _answered(Step.MINORS, intake_texts.yes_no_label("yes"))
        move = r.param("move")
        if move in ("already_left", "today"):
            where = _answered(Step.WHEN, _coded(intake_texts.departure_label, move))
        else:
            where = _answered(Step.WHERE, intake_texts.island_label("abroad"))
        return f"{child}; {where}"
    return None


def _summary_part(r: Reason) -> str | None:
    if r.code != "specific_details" or not r.params:
        return None
    bits: list[str] = []
    for key, value in r.params:
        if key in ("place_text", "person", "time"):
            bits.append(_quote(value))
        elif key == "regency":
            bits.append(escape(places.local_name(value)))
        elif key == "location":
            bits.append(_("a shared location"))
        elif key == "relation":
            bits.append(_("the reporter: {relation}").format(relation=_coded(intake_texts.relation_label, value)))
        elif key == "people":
            bits.append(_("{count} people").format(count=escape(value)))
        elif key == "departure":
            bits.append(_coded(intake_texts.departure_label, value) or "")
        elif key == "evidence":
            bits.append(_("{count} file(s)").format(count=escape(value)))
    return "; ".join(b for b in bits if b) or None


# English summaries of reasons stored before reasons had codes: never shown, only what follows "recruiter: ".
_LEGACY_ENGLISH = re.compile(
    r"^(?:answer:|category:|place:|who:|time:|job in |no specific|\d+ tips|[\w ]+ (?:port|airport|border post)$)"
)
_LEGACY_PLACES = {t.name: t.code for t in places.transit_points()}


def _legacy_part(r: Reason) -> str | None:
    detail = r.detail.strip()
    if not detail:
        return None
    if detail.startswith("recruiter: "):
        return _answered(Step.RECRUITER, _quote(detail.removeprefix("recruiter: ")))
    if r.code == "transit_point":
        code = _LEGACY_PLACES.get(detail.split(" (")[0])
        return escape(places.local_name(code)) if code else _quote(detail)
    if _LEGACY_ENGLISH.match(detail):
        return None
    return _quote(detail)


def _part(r: Reason) -> str | None:
    if r.code.startswith("advice_"):
        return None  # the label says it all; the detail is the flag's code
    if r.code == "transit_point" and r.param("place"):
        return escape(places.local_name(r.param("place") or ""))
    if r.param("country"):
        return _("a job in {country}: no placement agreement").format(country=_country(r.param("country") or ""))
    if r.source == "text":
        return _quote(r.quote or r.detail) if (r.quote or r.detail) else None
    if r.source == "answer":
        return _answer_part(r)
    if r.params or r.code in ("no_specifics", "linked_recruiter"):
        return _summary_part(r)
    return _legacy_part(r)


def reason_lines(reasons: Sequence[Reason]) -> list[str]:
    """One line per reason code, most urgent first: the label, then where it came from, each source once."""
    grouped: dict[str, list[Reason]] = {}
    for r in reasons:
        grouped.setdefault(r.code, []).append(r)
    lines = []
    for code, items in grouped.items():
        parts: list[str] = []
        for r in items:
            part = _part(r)
            if part and part not in parts:
                parts.append(part)
        lines.append("• " + reason_label(code, items) + (": " + "; ".join(parts) if parts else ""))
    return lines
