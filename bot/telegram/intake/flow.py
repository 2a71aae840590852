"""Moving through the report: load and save the draft, ask a step's question, render the review screen.

The draft is saved after every answer (the FSM storage commits at once), so a restart resumes at the same step.
"""

from __future__ import annotations

import time
from html import escape as _escape

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import Draft, Step
from bot.telegram.intake import keyboards, texts


class Intake(StatesGroup):
    danger = State()
    category = State()
    where = State()
    when = State()
    people = State()
    minors = State()
    recruiter = State()
    route = State()
    relation = State()
    story = State()
    evidence = State()
    contact = State()
    contact_phone = State()
    review = State()
    submitted = State()  # after submitting: the offer to clear the chat is still open


STATE_OF = {step: getattr(Intake, step.value) for step in Step}
STEP_OF = {state.state: step for step, state in STATE_OF.items()}
STEP_OF[Intake.contact_phone.state] = Step.CONTACT
DRAFT_KEY = "draft"
# The draft field holding a step's button answer.
CHOICE_FIELD = {
    Step.DANGER: "danger_now",
    Step.CATEGORY: "category",
    Step.WHEN: "departure",
    Step.PEOPLE: "people",
    Step.MINORS: "minors",
    Step.RELATION: "relation",
    Step.CONTACT: "contact",
}


async def load_draft(state: FSMContext) -> Draft:
    return Draft.from_dict((await state.get_data()).get(DRAFT_KEY))


async def save_draft(state: FSMContext, draft: Draft) -> None:
    await state.update_data({DRAFT_KEY: draft.to_dict()})


async def current_step(state: FSMContext) -> Step | None:
    return STEP_OF.get(await state.get_state() or "")


def track(draft: Draft, message: Message | None) -> None:
    if message is not None:
        draft.track_message(message.message_id, int(message.date.timestamp()) if message.date else int(time.time()))


async def say(target: Message, state: FSMContext, draft: Draft, text: str, **kwargs) -> Message:
    """Send a message during a report. The draft is saved first (and so committed before the message goes out:
    nobody sees a reply to an answer that was not stored); the message is then remembered for clearing the chat."""
    await save_draft(state, draft)
    sent = await target.answer(text, **kwargs)
    track(draft, sent)
    await save_draft(state, draft)
    return sent


async def ask(target: Message, state: FSMContext, draft: Draft, step: Step) -> None:
    """Show the question of ``step`` (or the review screen) and remember where we are."""
    if step is Step.REVIEW:
        draft.editing = False
        text, markup = review_text(draft), keyboards.review_keyboard()
    else:
        text = texts.question(step)
        if step is Step.EVIDENCE and draft.evidence:
            text += "\n\n" + _("Received so far: {count}.").format(count=len(draft.evidence))
        elif step not in (Step.EVIDENCE, Step.DANGER) and draft.has_answer(step):
            # Answered already (going back, editing, or filled in from an earlier check): show what is kept.
            text += "\n\n" + _("Current answer: {answer}").format(answer=_value(draft, step, 150))
        chosen = getattr(draft, CHOICE_FIELD[step]) if step in CHOICE_FIELD else None
        markup = keyboards.for_step(step, chosen)
    # Where we are is stored before the question is shown (see ``say``).
    draft.remember(step)
    await state.set_state(STATE_OF[step])
    await say(target, state, draft, text, reply_markup=markup)


def _value(draft: Draft, step: Step, limit: int) -> str:
    def escape(text: str, size: int | None = None) -> str:
        return _shorten(text, size or limit)

    if step.value in draft.skipped and not draft.has_answer(step):
        return "<i>" + texts.skipped() + "</i>"
    parts: list[str] = []
    if step is Step.DANGER and draft.danger_now:
        parts.append(texts.danger_label(draft.danger_now))
    elif step is Step.CATEGORY and draft.category:
        parts.append(texts.category_label(draft.category))
        if draft.category_text:
            parts.append(escape(draft.category_text))
    elif step is Step.WHERE:
        if draft.regency:
            parts.append(escape(_place_name(draft.regency)))
        if draft.place_text:
            parts.append(escape(draft.place_text))
        if draft.location:
            parts.append(_("shared location"))
    elif step is Step.WHEN:
        if draft.departure:
            parts.append(texts.departure_label(draft.departure))
        if draft.when_text:
            parts.append(escape(draft.when_text))
    elif step is Step.PEOPLE and draft.people:
        parts.append(texts.people_label(draft.people))
    elif step is Step.MINORS and draft.minors:
        parts.append(texts.yes_no_label(draft.minors))
    elif step is Step.RECRUITER and draft.recruiter:
        parts.append(escape(draft.recruiter))
    elif step is Step.ROUTE and draft.route:
        parts.append(escape(draft.route))
    elif step is Step.RELATION and draft.relation:
        parts.append(texts.relation_label(draft.relation))
        if draft.relation_text:
            parts.append(escape(draft.relation_text))
    elif step is Step.STORY and draft.story:
        parts.append(escape(draft.story_text, limit * 3))
    elif step is Step.EVIDENCE and draft.evidence:
        parts.append(_("{count} file(s)").format(count=len(draft.evidence)))
    elif step is Step.CONTACT and draft.contact:
        parts.append(texts.contact_label(draft.contact))
        if draft.contact_phone:
            parts.append(escape(draft.contact_phone))
    if step.value in draft.notes:
        parts.append(escape(draft.notes[step.value]))
    return "; ".join(parts) if parts else "<i>" + texts.not_answered() + "</i>"


def _shorten(text: str, limit: int) -> str:
    """User text on the review screen: shortened (the full answer is kept) and HTML-escaped."""
    return _escape(text if len(text) <= limit else text[:limit] + "…")


def _place_name(code: str) -> str:
    if code == "elsewhere_id":
        return texts.island_label("elsewhere_id")
    if code == "abroad":
        return texts.island_label("abroad")
    regency = places.regency(code)
    return regency.name if regency else code


def review_text(draft: Draft) -> str:
    # Long answers are shortened on screen (never in the report) so the summary fits one message.
    for limit in (300, 150, 60):
        text = _review_text(draft, limit)
        if len(text) <= 3800:
            break
    return text


def _review_text(draft: Draft, limit: int) -> str:
    lines = ["📝 <b>" + _("Please check your report") + "</b>", ""]
    if draft.urgent:
        lines.append("🆘 <b>" + _("Marked urgent") + "</b>")
    for step in Step:
        if step is Step.REVIEW:
            continue
        lines.append(f"<b>{texts.step_title(step)}:</b> {_value(draft, step, limit)}")
    lines += ["", _("Tap a button to change an answer, or submit the report.")]
    return "\n".join(lines)
