"""Storing an answer on the draft: a pressed button (``choose``) or typed words (``typed``).

A typed message is stored as the answer it clearly is, with the message kept when it says more than that; a
message that is no answer ("halo?" at "how many people?") is stored nowhere, and the question is asked again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.services import places
from bot.services.intake import understand as u
from bot.services.intake.draft import (
    CATEGORIES,
    CONTACT_CHOICES,
    DEPARTURES,
    PEOPLE_CHOICES,
    RELATIONS,
    UNKNOWN_DESTINATION,
    YES_NO_UNKNOWN,
    Draft,
    Step,
)
from bot.services.intake.steps import apply_implications

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
_CHOICES = {
    Step.DANGER: YES_NO_UNKNOWN,
    Step.CATEGORY: CATEGORIES,
    Step.WHEN: DEPARTURES,
    Step.PEOPLE: PEOPLE_CHOICES,
    Step.MINORS: YES_NO_UNKNOWN,
    Step.RELATION: RELATIONS,
    Step.CONTACT: CONTACT_CHOICES,
}
# Typed follow-ups: after "Other place" or "Other country", the next message is the place's name.
AWAIT_ELSEWHERE = "place:elsewhere_id"
AWAIT_ABROAD = "place:abroad"
AWAIT_DESTINATION = "destination"


class Outcome(StrEnum):
    STORED = "stored"  # the answer is stored: go on
    NOT_UNDERSTOOD = "not_understood"  # nothing stored: ask again with the buttons
    NOTED = "noted"  # the words are kept, the question is still open (pick the closest button)
    DONE = "done"  # "selesai" at the story: go on
    SEND = "send"  # "kirim" at the review: send anonymously


@dataclass(frozen=True)
class Typed:
    outcome: Outcome
    value: str | None = None  # the choice it stood for, if any


def choose(draft: Draft, step: Step, value: str) -> bool:
    """Store a pressed button's answer; False when ``value`` is not one this step offers (an old or forged
    button)."""
    if step is Step.WHERE:
        if not _choose_place(draft, value):
            return False
    elif step is Step.DESTINATION:
        if not _choose_destination(draft, value):
            return False
    elif step in _CHOICES and value in _CHOICES[step]:
        setattr(draft, CHOICE_FIELD[step], value)
        if step is Step.CONTACT and value != "phone":
            draft.contact_phone = None
        if step is Step.MINORS and "minors" in draft.implied:
            draft.implied.remove("minors")  # answered by the reporter now
    else:
        return False
    draft.awaiting = None
    draft.unmark_skipped(step)
    apply_implications(draft)
    return True


def _choose_place(draft: Draft, value: str) -> bool:
    if places.regency(value) is not None:
        draft.regency = value
        return True
    picked = places.choice(value)
    if picked is None:
        return False
    draft.regency = places.ELSEWHERE_ID if picked.destination.startswith("ID-") else places.ABROAD
    _set_destination(draft, picked.destination, picked.transit)
    return True


def _choose_destination(draft: Draft, value: str) -> bool:
    if value == UNKNOWN_DESTINATION:
        draft.destination = UNKNOWN_DESTINATION
        return True
    picked = places.choice(value)
    if picked is None:
        return False
    _set_destination(draft, picked.destination, picked.transit)
    return True


def _set_destination(draft: Draft, code: str, transit: str | None) -> None:
    draft.destination = code
    draft.destination_text = None
    if transit and transit not in draft.transit:
        draft.transit.append(transit)


def toggle_transit(draft: Draft, code: str) -> bool:
    """A transit point button at the route question: on, or off again. False for an unknown code."""
    if places.transit_point(code) is None:
        return False
    if code in draft.transit:
        draft.transit.remove(code)
    else:
        draft.transit.append(code)
    draft.unmark_skipped(Step.ROUTE)
    return True


def typed(draft: Draft, step: Step, text: str, labels: Mapping[str, str] = {}) -> Typed:
    """Store a typed message as the answer to ``step`` where it is one. ``labels`` maps every language's button
    labels (normalised) to their codes. ``text`` is trimmed and within the short-answer limit."""
    if u.is_not_an_answer(text):
        return Typed(Outcome.NOT_UNDERSTOOD)
    if step in u.STEP_READERS:
        return _typed_choice(draft, step, text, labels)
    if step is Step.WHERE:
        return _typed_place(draft, text)
    if step is Step.DESTINATION:
        return _typed_destination(draft, text, labels)
    if step in (Step.RECRUITER, Step.ROUTE):
        if u.is_dont_know(text) or u.is_skip(text):
            draft.mark_skipped(step)
            return Typed(Outcome.STORED)
        setattr(draft, "recruiter" if step is Step.RECRUITER else "route", text)
        draft.unmark_skipped(step)
        return Typed(Outcome.STORED)
    if step in (Step.STORY, Step.EVIDENCE):
        return Typed(Outcome.DONE) if u.done(text) else Typed(Outcome.NOT_UNDERSTOOD)
    if step is Step.REVIEW:
        return Typed(Outcome.SEND) if u.send(text) else Typed(Outcome.NOT_UNDERSTOOD)
    return Typed(Outcome.NOT_UNDERSTOOD)


def _typed_choice(draft: Draft, step: Step, text: str, labels: Mapping[str, str]) -> Typed:
    if step is Step.CATEGORY and draft.category and u.normalise(text) not in labels:
        # Answered already (filled in from an advice question, or going back): words typed now are a description
        # kept beside that answer; only a button's own label changes it.
        draft.category_text = text
        return Typed(Outcome.STORED, draft.category)
    read = u.STEP_READERS[step](text, labels)
    if step is Step.WHEN and read.value is None and read.extra:
        draft.when_text = text  # a date or an hour: the answer as written, no button implied
        draft.unmark_skipped(step)
        return Typed(Outcome.STORED)
    if read.value is None:
        if step is Step.CATEGORY and len(u.words(text)) >= 3:
            draft.category_text = text  # a description: kept; which button fits best is asked next
            return Typed(Outcome.NOTED)
        return Typed(Outcome.NOT_UNDERSTOOD)
    if read.value not in _CHOICES[step]:
        return Typed(Outcome.NOT_UNDERSTOOD)
    choose(draft, step, read.value)
    if read.extra:
        if step is Step.CATEGORY:
            draft.category_text = text
        elif step is Step.WHEN:
            draft.when_text = text
        else:
            draft.note(step, text)
    return Typed(Outcome.STORED, read.value)


def _typed_place(draft: Draft, text: str) -> Typed:
    found = places.find_places(text)
    regency = next((m.regency_code for m in found if m.regency_code), None)
    away = [m for m in found if m.region != "ntt"]
    awaiting, draft.awaiting = draft.awaiting, None
    if regency is not None and not (awaiting and away):
        draft.regency = regency
        code = places.destination_of(away)  # "Soe, mau dibawa ke Batam": where from, and where to
        if code and not draft.destination:
            _set_destination(draft, code, None)
    elif away or awaiting in (AWAIT_ABROAD, AWAIT_ELSEWHERE):
        region = away[-1].region if away else awaiting.split(":", 1)[1]  # type: ignore[union-attr]
        draft.regency = places.ABROAD if region == places.ABROAD else places.ELSEWHERE_ID
        code = places.destination_of(away)
        if code:
            _set_destination(draft, code, None)
        else:
            draft.destination_text = text
    elif u.is_dont_know(text) or u.is_skip(text):
        draft.mark_skipped(Step.WHERE)
        return Typed(Outcome.STORED)
    else:
        draft.place_text = text  # a village or a street: kept; which regency is asked next
        return Typed(Outcome.NOTED)
    draft.place_text = text
    draft.transit.extend(t for t in places.transit_of(found) if t not in draft.transit)
    draft.unmark_skipped(Step.WHERE)
    return Typed(Outcome.STORED)


def _typed_destination(draft: Draft, text: str, labels: Mapping[str, str]) -> Typed:
    awaiting, draft.awaiting = draft.awaiting, None
    labelled = labels.get(u.normalise(text)) if labels else None
    if labelled and _choose_destination(draft, labelled):
        return Typed(Outcome.STORED, labelled)
    if u.is_dont_know(text):
        draft.destination = UNKNOWN_DESTINATION
        return Typed(Outcome.STORED, UNKNOWN_DESTINATION)
    found = places.find_places(text)
    code = places.destination_of(found)
    if code:
        _set_destination(draft, code, None)
        draft.destination_text = text if len(u.words(text)) > 3 else None
    elif awaiting == AWAIT_DESTINATION:
        draft.destination, draft.destination_text = None, text
    else:
        return Typed(Outcome.NOT_UNDERSTOOD)
    draft.transit.extend(t for t in places.transit_of(found) if t not in draft.transit)
    draft.unmark_skipped(Step.DESTINATION)
    return Typed(Outcome.STORED, code)
