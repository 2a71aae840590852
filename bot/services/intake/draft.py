"""The draft report: answers by step, kept as plain JSON-able data (it lives in the encrypted conversation storage).

The steps follow the trafficking indicators: danger now, what happened, where, when (and departure), where to, how
many and whether a child is involved, who recruited, the route, how the reporter knows, their own story with any
files, and how to send it (anonymously, or with a way to be contacted). Which steps are asked, and in what order,
is ``steps``'s to say.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from bot.services.evidence import EvidenceRef as EvidenceRef

# The answer codes are the triage core's: what intake asks is exactly what triage scores.
from bot.services.triage.scoring import CATEGORIES as CATEGORIES
from bot.services.triage.scoring import DEPARTURES as DEPARTURES
from bot.services.triage.scoring import RELATIONS as RELATIONS


class Step(StrEnum):
    DANGER = "danger"
    CATEGORY = "category"
    WHERE = "where"
    WHEN = "when"
    DESTINATION = "destination"
    PEOPLE = "people"
    MINORS = "minors"
    RECRUITER = "recruiter"
    ROUTE = "route"
    RELATION = "relation"
    STORY = "story"
    EVIDENCE = "evidence"
    CONTACT = "contact"
    REVIEW = "review"


STEP_ORDER: tuple[Step, ...] = tuple(Step)
# Steps a reporter may skip; the others need an answer (a button or their own words).
OPTIONAL_STEPS = frozenset(
    {
        Step.WHERE,
        Step.WHEN,
        Step.DESTINATION,
        Step.PEOPLE,
        Step.MINORS,
        Step.RECRUITER,
        Step.ROUTE,
        Step.RELATION,
        Step.EVIDENCE,
    }
)
# The answers a report cannot go without: whether someone is in danger, what happened, and the story.
REQUIRED_STEPS: tuple[Step, ...] = (Step.DANGER, Step.CATEGORY, Step.STORY)
# Steps shown on the review screen, in order, each with an edit button (the contact is chosen by how it is sent).
EDITABLE_STEPS: tuple[Step, ...] = tuple(s for s in STEP_ORDER if s not in (Step.REVIEW, Step.CONTACT))

PEOPLE_CHOICES = ("1", "2-5", "6+", "unknown")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
CONTACT_CHOICES = ("anonymous", "phone", "chat")
UNKNOWN_DESTINATION = "unknown"  # "I don't know" where they are going: answered, no code
# Offer-check countries (bot.services.registry.offer_check) as destination codes.
_OFFER_DESTINATIONS = {
    "malaysia": "MY",
    "singapore": "SG",
    "hong_kong": "HK",
    "taiwan": "TW",
    "cambodia": "KH",
    "thailand": "TH",
    "myanmar": "MM",
}

MAX_SHORT_ANSWER = 1000  # recruiter, route, place and other one-line answers
MAX_STORY = 20_000  # several Telegram messages of up to 4,096 characters each
MAX_EVIDENCE_ITEMS = 10
MAX_EVIDENCE_BYTES = 20 * 1024 * 1024  # what the Bot API lets a bot download
ASKING = -1  # ``Draft.asked_id`` of a question stored as asked whose message id is not known yet


class AnswerError(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_A_NUMBER = "not_a_number"
    NOT_A_PHONE = "not_a_phone"


@dataclass
class Draft:
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    lang: str = "id"
    urgent: bool = False
    danger_now: str | None = None  # yes / no / unknown
    category: str | None = None
    category_text: str | None = None
    regency: str | None = None
    place_text: str | None = None
    location: tuple[float, float] | None = None
    # Where they are going or are now, outside NTT: an ISO code (bot.services.places), or UNKNOWN_DESTINATION.
    destination: str | None = None
    destination_text: str | None = None  # a place typed that no code names
    transit: list[str] = field(default_factory=list)  # transit point codes chosen, in the order given
    departure: str | None = None
    when_text: str | None = None
    people: str | None = None
    minors: str | None = None
    recruiter: str | None = None
    route: str | None = None
    relation: str | None = None
    relation_text: str | None = None
    story: list[str] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    contact: str | None = None  # anonymous / phone / chat
    contact_phone: str | None = None
    notes: dict[str, str] = field(default_factory=dict)  # free text given where buttons were offered
    skipped: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # steps answered, for Back
    editing: bool = False  # came from the review screen: return there after this step
    implied: list[str] = field(default_factory=list)  # steps answered by another answer ("a child" -> under 18)
    awaiting: str | None = None  # a typed follow-up asked for ("place:abroad": the country, typed)
    checked: list[str] = field(default_factory=list)  # contradictions already asked about on the review screen
    checking: str | None = None  # the contradiction being asked about now
    active_at: float = 0.0  # the app's clock (unix time) when the reporter last acted: a long pause is noticed
    # The question being answered and the message that first showed it (asked again, the id stays): a message typed
    # before it was typed for an earlier question, and is never stored as this one's answer (``typed_too_early``).
    # ``ASKING`` while the question is being sent (see ``asking``).
    asked_step: str | None = None
    asked_id: int = 0
    # [message id, unix time] of every message of the report, so the chat can be cleared after submitting.
    message_ids: list[list[int]] = field(default_factory=list)
    prefilled_from: str | None = None
    # Facts a report was started with that no question asks (an offer check's destination and warning signs).
    prefill_facts: dict[str, Any] = field(default_factory=dict)

    # Serialisation ------------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the conversation state, equal to ``dataclasses.asdict`` (with the location as a list), built
        field by field: asdict's deep copy of every value was a twentieth of the bot's work in a crowd of reporters
        (the draft is saved a few times per update)."""
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        for name in _LIST_FIELDS:
            data[name] = list(data[name])
        data["message_ids"] = [list(pair) for pair in self.message_ids]
        data["evidence"] = [asdict(item) for item in self.evidence]
        data["notes"] = dict(self.notes)
        data["prefill_facts"] = copy.deepcopy(self.prefill_facts) if self.prefill_facts else {}
        data["location"] = list(self.location) if self.location else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Draft:
        if not data:
            return cls()
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["evidence"] = [EvidenceRef(**e) for e in known.get("evidence", [])]
        if known.get("location"):
            known["location"] = tuple(known["location"])
        return cls(**known)

    def apply_prefill(self, prefill: dict[str, Any]) -> None:
        """Answers already known from an advice question or an offer check; the reporter sees and can edit them."""
        if prefill.get("category") in CATEGORIES:
            self.category = prefill["category"]
        if prefill.get("departure") in DEPARTURES:
            self.departure = prefill["departure"]
        if prefill.get("minors") in YES_NO_UNKNOWN:
            self.minors = prefill["minors"]
        for name in ("recruiter", "route", "place_text", "when_text", "category_text"):
            value = prefill.get(name)
            if isinstance(value, str) and value.strip():
                setattr(self, name, value.strip()[:MAX_SHORT_ANSWER])
        story = prefill.get("story")
        if isinstance(story, str) and story.strip():
            self.story.append(story.strip()[:MAX_STORY])
        for name in ("destination", "red_flags"):
            if prefill.get(name):
                self.prefill_facts[name] = prefill[name]
        self.destination = _OFFER_DESTINATIONS.get(str(prefill.get("destination") or "")) or self.destination
        self.prefilled_from = str(prefill.get("source") or "prefill")

    # Navigation ----------------------------------------------------------------------------------------

    def remember(self, step: Step) -> None:
        if not self.history or self.history[-1] != step.value:
            self.history.append(step.value)

    def previous_step(self, current: Step) -> Step | None:
        """The step before ``current`` as the reporter went through them (Back)."""
        while self.history and self.history[-1] == current.value:
            self.history.pop()
        if not self.history:
            index = STEP_ORDER.index(current)
            return STEP_ORDER[index - 1] if index > 0 else None
        return Step(self.history.pop())

    def note(self, step: Step, text: str) -> None:
        previous = self.notes.get(step.value)
        self.notes[step.value] = f"{previous}\n{text}" if previous else text

    def asking(self, step: Step) -> None:
        """``step``'s question is about to be shown (stored before it is sent): until ``asked`` gives its message id,
        a message cannot be placed before or after it (``question_unconfirmed``)."""
        if self.asked_step != step.value:
            self.asked_step, self.asked_id = step.value, ASKING

    def asked(self, step: Step, message_id: int) -> None:
        """``step``'s question was shown in ``message_id``; only its first showing since another question counts."""
        if self.asked_step != step.value or self.asked_id == ASKING:
            self.asked_step, self.asked_id = step.value, message_id

    @property
    def question_unconfirmed(self) -> bool:
        """The current question may be on the reporter's screen, but its message id was never stored (the process
        stopped, or sending failed, between the two): a message typed now may answer it or an earlier one."""
        return self.asked_id == ASKING

    def misplaced(self, message_id: int) -> str | None:
        """Why the reporter's message ``message_id`` is not the current question's answer: "too_early"
        (``typed_too_early``), "unconfirmed" (``question_unconfirmed``), or None when it is."""
        if self.question_unconfirmed:
            return "unconfirmed"
        return "too_early" if self.typed_too_early(message_id) else None

    def typed_too_early(self, message_id: int) -> bool:
        """The reporter's message ``message_id`` was sent before the current question was shown: an answer to an
        earlier one (a question answered twice, on two copies of it), not to this one. Message ids in a private chat
        grow with every message of either side, so the order is Telegram's own."""
        return 0 < message_id < self.asked_id

    def track_message(self, message_id: int, unix_time: int) -> None:
        self.message_ids.append([message_id, unix_time])

    def mark_skipped(self, step: Step) -> None:
        if step.value not in self.skipped:
            self.skipped.append(step.value)

    def unmark_skipped(self, step: Step) -> None:
        if step.value in self.skipped:
            self.skipped.remove(step.value)

    @property
    def story_text(self) -> str:
        return "\n\n".join(self.story)

    def typed_texts(self) -> tuple[str, ...]:
        """Every free text the reporter gave, the story first, each as triage reads it (``TipFacts.texts``)."""
        parts = (
            self.story_text,
            self.recruiter,
            self.route,
            self.category_text,
            self.place_text,
            self.when_text,
            self.relation_text,
            *self.notes.values(),
        )
        return tuple(p for p in parts if p and p.strip())

    @property
    def story_length(self) -> int:
        return sum(len(part) for part in self.story)

    def has_answer(self, step: Step) -> bool:
        return bool(_ANSWERED[step](self))

    def first_unanswered_required(self) -> Step | None:
        return next((step for step in REQUIRED_STEPS if not self.has_answer(step)), None)

    def touch(self, unix_time: float) -> None:
        self.active_at = unix_time


_ANSWERED = {
    Step.DANGER: lambda d: d.danger_now,
    Step.CATEGORY: lambda d: d.category,
    Step.WHERE: lambda d: d.regency or d.place_text or d.location,
    Step.WHEN: lambda d: d.departure or d.when_text,
    Step.DESTINATION: lambda d: d.destination or d.destination_text,
    Step.PEOPLE: lambda d: d.people,
    Step.MINORS: lambda d: d.minors,
    Step.RECRUITER: lambda d: d.recruiter,
    Step.ROUTE: lambda d: d.route,
    Step.RELATION: lambda d: d.relation,
    Step.STORY: lambda d: d.story,
    Step.EVIDENCE: lambda d: d.evidence,
    Step.CONTACT: lambda d: d.contact,
    Step.REVIEW: lambda d: True,
}


# Free-text answers -------------------------------------------------------------------------------------


def clean_short_answer(text: str | None) -> tuple[str | None, AnswerError | None]:
    """A one-line answer: trimmed; refused when empty or longer than the limit (never cut silently)."""
    value = (text or "").strip()
    if not value:
        return None, AnswerError.EMPTY
    if len(value) > MAX_SHORT_ANSWER:
        return None, AnswerError.TOO_LONG
    return value, None


def clean_story_part(text: str | None, already: int) -> tuple[str | None, AnswerError | None]:
    value = (text or "").strip()
    if not value:
        return None, AnswerError.EMPTY
    if already + len(value) > MAX_STORY:
        return None, AnswerError.TOO_LONG
    return value, None


# Documents staff can open safely; executables, archives and the like are refused.
_DOCUMENT_TYPES = frozenset(
    {
        "application/pdf",
        "text/plain",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
    }
)


def evidence_allowed(kind: str, mime: str) -> bool:
    if kind != "document":
        return True
    return mime.split(";")[0].strip().lower() in _DOCUMENT_TYPES or mime.startswith(("image/", "audio/", "video/"))


_FIELD_NAMES = tuple(f.name for f in fields(Draft))
# The lists of plain strings, copied one level deep by ``Draft.to_dict`` (the lists of lists or records have their own
# lines there); derived from the fields, so a list added to the draft is copied too.
_LIST_FIELDS = tuple(
    f.name for f in fields(Draft) if f.default_factory is list and f.name not in ("message_ids", "evidence")
)
