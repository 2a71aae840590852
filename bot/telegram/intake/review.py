"""The review screen: every answer as the reporter gave it, shortened to fit one message and HTML-escaped."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import EDITABLE_STEPS, Draft, Step
from bot.telegram.intake import labels
from bot.telegram.intake.texts import step_title

MAX_REVIEW = 3800


def _shorten(text: str, limit: int) -> str:
    """User text on the review screen: shortened (the full answer is kept) and HTML-escaped."""
    return escape(text if len(text) <= limit else text[:limit] + "…")


def place_name(code: str) -> str:
    if code in places.SPECIAL_CODES:
        return labels.island_label(code)
    regency = places.regency(code)
    return regency.name if regency else code


def destination_shown(draft: Draft) -> str:
    """ "Batam (Kepulauan Riau)" when a place button was chosen, else the country's or province's name."""
    code = draft.destination or ""
    name = labels.destination_label(code)
    for choice in places.indonesia_choices():
        if choice.destination == code and choice.transit in draft.transit and choice.label != name:
            return f"{choice.label} ({name})"
    return name


def answer_summary(draft: Draft, step: Step, limit: int) -> str:
    """One answer as shown: the chosen button's label, then the reporter's own words, "; "-separated."""
    if step.value in draft.skipped and not draft.has_answer(step):
        return "<i>" + labels.skipped() + "</i>"
    parts = [p for p in _parts(draft, step, lambda text, size=None: _shorten(text, size or limit)) if p]
    if step.value in draft.notes:
        parts.append(_shorten(draft.notes[step.value], limit))
    return "; ".join(parts) if parts else "<i>" + labels.not_answered() + "</i>"


def _parts(draft: Draft, step: Step, short) -> list[str | None]:
    d = draft
    if step is Step.DANGER:
        return [labels.danger_label(d.danger_now) if d.danger_now else None]
    if step is Step.CATEGORY:
        return [labels.category_label(d.category) if d.category else None, short(d.category_text or "")]
    if step is Step.WHERE:
        return [
            escape(place_name(d.regency)) if d.regency else None,
            short(d.place_text or ""),
            _("shared location") if d.location else None,
        ]
    if step is Step.WHEN:
        return [labels.departure_label(d.departure) if d.departure else None, short(d.when_text or "")]
    if step is Step.DESTINATION:
        return [escape(destination_shown(d)) if d.destination else None, short(d.destination_text or "")]
    if step is Step.PEOPLE:
        return [labels.people_label(d.people) if d.people else None]
    if step is Step.MINORS:
        if "minors" in d.implied:
            return [labels.yes_no_label("yes") + " (" + labels.category_label("child") + ")"]
        return [labels.yes_no_label(d.minors) if d.minors else None]
    if step is Step.RECRUITER:
        return [short(d.recruiter or "")]
    if step is Step.ROUTE:
        return [", ".join(escape(labels.transit_label(c)) for c in d.transit) or None, short(d.route or "")]
    if step is Step.RELATION:
        return [labels.relation_label(d.relation) if d.relation else None, short(d.relation_text or "")]
    if step is Step.STORY:
        return [short(d.story_text) if d.story else None]
    if step is Step.EVIDENCE:
        return [_("{count} file(s)").format(count=len(d.evidence)) if d.evidence else labels.no_files()]
    if step is Step.CONTACT:
        return [labels.contact_label(d.contact) if d.contact else None, short(d.contact_phone or "")]
    return []


def review_text(draft: Draft) -> str:
    # Long answers are shortened on screen (never in the report) so the summary fits one message.
    for limit in (300, 150, 60):
        text = _review_text(draft, limit)
        if len(text) <= MAX_REVIEW:
            break
    return text


def _review_text(draft: Draft, limit: int) -> str:
    lines = ["📝 <b>" + _("Please check your report") + "</b>", ""]
    if draft.urgent:
        lines.append("🆘 <b>" + _("Marked urgent") + "</b>")
    for step in EDITABLE_STEPS:
        shown = answer_summary(draft, step, limit * 3 if step is Step.STORY else limit)
        lines.append(f"<b>{step_title(step)}:</b> {shown}")
    lines += ["", _("Check your answers, then choose how to send the report. Nothing is sent before you do.")]
    return "\n".join(lines)
