"""The tip as /tip shows it: the card (answers, contact, why this priority), the reporter's account in parts, the
evidence captions, and what staff see when Telegram fails half-way. Everything the reporter wrote is escaped."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import Step
from bot.services.staff.model import CaseView
from bot.telegram.intake import texts as intake_texts
from bot.telegram.staff.html import LIMIT, split_html
from bot.telegram.staff.texts.labels import (
    age,
    agency_label,
    category_label,
    destination_label,
    kind_label,
    local_time,
    outcome_label,
    place_label,
    priority_label,
    staff_name,
    status_label,
)
from bot.telegram.staff.texts.reasons import reason_lines


def _answer_lines(view: CaseView) -> list[str]:
    a = view.answers
    step = intake_texts.step_title
    lines: list[str] = []

    def add(title: str, *values: str | None) -> None:
        shown = [v for v in values if v]
        if shown:
            lines.append(f"<b>{title}:</b> " + "; ".join(shown))

    def text(key: str) -> str | None:
        value = a.get(key)
        return escape(str(value)) if value else None

    def coded(label, key: str) -> str | None:
        value = a.get(key)
        if not value:
            return None
        try:
            return label(value)
        except KeyError:
            return escape(str(value))

    add(step(Step.DANGER), coded(intake_texts.danger_label, "danger_now"))
    add(step(Step.CATEGORY), category_label(a.get("category")) if a.get("category") else None, text("category_text"))
    location = a.get("location")
    loc = None
    if isinstance(location, list | tuple) and len(location) == 2:
        loc = _("location {lat}, {lon}").format(lat=f"{float(location[0]):.5f}", lon=f"{float(location[1]):.5f}")
    add(step(Step.WHERE), place_label(a.get("regency")) if a.get("regency") else None, text("place_text"), loc)
    add(step(Step.WHEN), coded(intake_texts.departure_label, "departure"), text("when_text"))
    add(step(Step.PEOPLE), coded(intake_texts.people_label, "people"))
    add(step(Step.MINORS), coded(intake_texts.yes_no_label, "minors"))
    add(step(Step.RECRUITER), text("recruiter"))
    add(step(Step.ROUTE), text("route"))
    add(_("How the reporter knows"), coded(intake_texts.relation_label, "relation"), text("relation_text"))
    notes = a.get("notes") or {}
    if isinstance(notes, dict):
        for key, value in notes.items():
            if value:
                label = _("Added by the reporter ({step})").format(step=_note_title(key))
                lines.append(f"<b>{label}:</b> {escape(str(value))}")
    facts = a.get("prefill_facts") or {}
    if isinstance(facts, dict) and facts:
        # An offer check started this report: where the job was and the warning signs it found (codes).
        parts = [
            f"{escape(str(k))}: {escape(', '.join(map(str, v)) if isinstance(v, list) else str(v))}"
            for k, v in facts.items()
        ]
        lines.append("<b>" + _("From the offer check") + ":</b> " + "; ".join(parts))
    return lines


def _note_title(key: object) -> str:
    try:
        return intake_texts.step_title(Step(str(key)))
    except (ValueError, KeyError):
        return escape(str(key))


def contact_line(view: CaseView) -> str:
    contact = view.contact or {}
    if contact.get("kind") == "phone" and contact.get("phone"):
        return "📞 " + _("The reporter may be called: {phone}").format(phone=escape(str(contact["phone"])))
    if contact.get("kind") == "chat":
        return "💬 " + _("The reporter accepts questions through the bot.")
    return "🕶 " + _("Anonymous: the reporter left no contact.")


def case_header(view: CaseView, now: datetime) -> str:
    lines = [
        f"🗂 <b>{escape(view.case_number)}</b> · {kind_label(view.kind)}",
        f"{priority_label(view.priority)} · {status_label(view.status)}",
        _("Received {age} ago ({time} WITA)").format(age=age(view.created_at, now), time=local_time(view.created_at)),
    ]
    lines += clock_lines(view, now)
    if view.assignee:
        lines.append("👤 " + _("Assigned to {name}").format(name=staff_name(view.assignee)))
    else:
        lines.append("👤 " + _("Not assigned"))
    if view.status == "closed":
        lines.append(_("Closed: {outcome}").format(outcome=outcome_label(view.outcome)))
    data = case_data_line(view)
    if data:
        lines.append(data)
    if view.urgent:
        lines.append("🆘 " + _("The reporter said someone is in danger now."))
    return "\n".join(lines)


def clock_lines(view: CaseView, now: datetime) -> list[str]:
    """Both clocks: the first response (due, done, late) and the resolution (due, late)."""
    clocks = view.clocks
    lines = []
    if clocks.first_response_at is not None:
        line = _("First response: {time} WITA").format(time=local_time(clocks.first_response_at))
        lines.append(line + (" · " + _("late") if clocks.response_was_late() else ""))
    elif view.deadline_at and view.status != "closed":
        deadline = _("Deadline: {time} WITA").format(time=local_time(view.deadline_at))
        lines.append(("⏰ " + deadline + " · " + _("overdue")) if clocks.response_late(now) else deadline)
    if view.status != "closed":
        due = _("To be resolved by {time} WITA").format(time=local_time(clocks.resolve_due))
        lines.append(("⏳ " + due + " · " + _("overdue")) if clocks.resolution_late(now) else due)
    return lines


def case_data_line(view: CaseView) -> str | None:
    """The structured case data staff recorded, in one line (nothing when none is)."""
    d = view.data
    parts = []
    if d.victims is not None:
        victims = _("{count} victim(s)").format(count=d.victims)
        details = []
        if d.victims_minors is not None:
            details.append(_("{count} under 18").format(count=d.victims_minors))
        if d.victims_female is not None:
            details.append(_("{count} female").format(count=d.victims_female))
        if d.victims_male is not None:
            details.append(_("{count} male").format(count=d.victims_male))
        parts.append(victims + (f" ({', '.join(details)})" if details else ""))
    if d.destination:
        parts.append("➡️ " + destination_label(d.destination))
    if d.transit_points:
        parts.append(_("via {places}").format(places=", ".join(escape(places.local_name(c)) for c in d.transit_points)))
    if d.referral_agency:
        on = d.referred_on.strftime("%d-%m-%Y") if d.referred_on else ""
        parts.append("📤 " + agency_label(d.referral_agency) + (f" {on}" if on else ""))
    return "📋 " + " · ".join(parts) if parts else None


def case_card(view: CaseView, now: datetime) -> str:
    """The tip without the reporter's account (sent separately: it can be long)."""
    lines = [case_header(view, now), ""]
    if view.purged:
        lines.append(_("The details of this tip were deleted under the retention rules."))
        return "\n".join(lines)
    if view.answers.get("unreadable"):
        lines.append(_("The details of this tip cannot be decrypted (missing key)."))
        return "\n".join(lines)
    lines += _answer_lines(view)
    lines.append(contact_line(view))
    if view.evidence:
        lines.append("📎 " + _("{count} evidence file(s), sent below.").format(count=len(view.evidence)))
    if view.reasons:
        lines += ["", "<b>" + _("Why this priority") + ":</b>", *reason_lines(view.reasons)]
    return "\n".join(lines)


def story_parts(view: CaseView, limit: int = LIMIT) -> list[str]:
    """The reporter's account, escaped, in as many messages as it needs (each within Telegram's limit, none cut
    inside a character reference), numbered when there is more than one."""
    story = view.answers.get("story") if not view.purged else None
    if not story:
        return []
    title = "📝 <b>" + _("The reporter's account") + "</b>"
    chunks = split_html(escape(str(story)), limit - 40)
    total = len(chunks)
    return [title + (f" ({i}/{total})" if total > 1 else "") + "\n" + c for i, c in enumerate(chunks, 1)]


def evidence_caption(view: CaseView, n: int) -> str:
    return _("{case}: evidence {n} of {total}").format(case=escape(view.case_number), n=n, total=len(view.evidence))


def evidence_missing(view: CaseView, n: int) -> str:
    return "⚠️ " + _("{case}: evidence {n} of {total} could not be opened.").format(
        case=escape(view.case_number), n=n, total=len(view.evidence)
    )


def view_incomplete(case: str, shown: int, total: int) -> str:
    """Telegram refused or did not answer part of /tip: say so plainly, never leave half a tip looking whole."""
    head = "⚠️ <b>" + _("{case} is not shown completely.").format(case=escape(case)) + "</b>"
    body = _(
        "Telegram did not take part {n} of {total}, so what you see above is only part of the tip. "
        "Nothing is lost: press Show again to see the whole tip."
    ).format(n=shown + 1, total=total)
    return head + "\n" + body
