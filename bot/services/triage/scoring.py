"""Triage scoring: a tip's answers and free text in, a priority with its reasons out.

P1 urgent: someone in danger now, or being moved within 24 hours, or confined or beaten now.
P2 high: a child, departure within 7 days, documents held, debt bondage, exploitation going on now (abroad or
away from home), unpaid wages away from home, people held in a holding house.
P3 normal: suspected illegal recruitment without imminence, or a report with something specific to act on.
P4 low: general information, no specific person, place or time.

Every raise carries a reason with the phrase or answer that caused it, so staff can see why and overrule it.
Nothing here lowers a priority: signals only add up, so a tip can never drop because more was said.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from functools import cache

from bot.services.places import ABROAD, ELSEWHERE_ID, PlaceMention, is_place_code, regency
from bot.services.triage.signals import TextSignal, find_signals

CATEGORIES = (
    "recruitment_fraud",
    "undocumented_departure",
    "forced_labour",
    "sexual_exploitation",
    "child",
    "documents_held",
    "other",
)
DEPARTURES = ("today", "this_week", "later", "already_left", "unknown")
RELATIONS = ("self", "family", "neighbour", "witness", "online", "other")


class Priority(StrEnum):
    """P1 is the most urgent. Values sort in urgency order ("P1" < "P2"), so ``min`` picks the most urgent."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    @property
    def rank(self) -> int:
        return int(self.value[1])

    @property
    def label(self) -> str:
        return {"P1": "urgent", "P2": "high", "P3": "normal", "P4": "low"}[self.value]


@dataclass(frozen=True)
class Reason:
    code: str
    detail: str


@dataclass(frozen=True)
class TipFacts:
    """What the intake flow knows about a tip. The contract between intake and triage: keep these names."""

    narrative: str = ""
    lang: str = "id"
    category: str | None = None
    danger_now: bool | None = None
    departure: str | None = None
    people_count: int | None = None
    minors: bool | None = None
    regency: str | None = None
    recruiter: str | None = None
    route: str | None = None
    relation: str | None = None
    extra_texts: tuple[str, ...] = ()
    evidence_count: int = 0
    has_location: bool = False

    def texts(self) -> tuple[str, ...]:
        """Every free-text answer, each scanned on its own so that no phrase spans two answers."""
        parts = [self.narrative, self.recruiter, self.route, *(self.extra_texts or ())]
        return tuple(p for p in parts if isinstance(p, str) and p.strip())


@dataclass(frozen=True)
class TriageResult:
    priority: Priority
    reasons: tuple[Reason, ...] = field(default=())

    def deadline(self, created_at: datetime) -> datetime:
        return deadline(self.priority, created_at)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


# --- Deadlines ----------------------------------------------------------------------------------------------------


@cache
def wita() -> tzinfo:
    """Asia/Makassar (WITA, UTC+8, no daylight saving); a fixed offset where the tz database is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Makassar")
    except Exception:
        return timezone(timedelta(hours=8), "WITA")


_WORKING_DAYS = {Priority.P3: 3, Priority.P4: 10}
_HOURS = {Priority.P1: timedelta(minutes=30), Priority.P2: timedelta(hours=24)}


def add_working_days(start: datetime, days: int) -> datetime:
    """``days`` working days (Monday-Friday in WITA) after ``start``, at the same time of day.

    Public holidays are not counted out: the task force's own calendar decides those.
    """
    local = start.astimezone(wita())
    added = 0
    while added < days:
        local += timedelta(days=1)
        if local.weekday() < 5:
            added += 1
    return local


def deadline(priority: Priority | str, created_at: datetime) -> datetime:
    """When a tip of this priority must have been looked at. A naive ``created_at`` is taken as UTC and the answer
    is naive UTC too (as stored); an aware one gets an answer in the same time zone."""
    priority = Priority(priority)
    naive = created_at.tzinfo is None
    aware = created_at.replace(tzinfo=UTC) if naive else created_at
    due = aware + _HOURS[priority] if priority in _HOURS else add_working_days(aware, _WORKING_DAYS[priority])
    if naive:
        return due.astimezone(UTC).replace(tzinfo=None)
    return due.astimezone(created_at.tzinfo)


# --- Scoring ------------------------------------------------------------------------------------------------------

_MAX_PER_CODE = 3
_TRANSIT_KINDS = frozenset({"airport", "port", "border", "route_city"})
# No government placement agreement with these countries: any job offer there is a red flag
# (knowledge base: destinations.no_agreement).
_NO_PLACEMENT = frozenset({"Cambodia", "Thailand", "Myanmar"})
_UNKNOWN_ANSWERS = frozenset(
    {
        "",
        "-",
        "?",
        "tidak tahu",
        "tdk tahu",
        "tidak tau",
        "tdk tau",
        "ga tau",
        "gak tau",
        "gak tahu",
        "nggak tahu",
        "sonde tau",
        "son tau",
        "sonde tahu",
        "tidak ada",
        "tidak",
        "belum tahu",
        "tak tahu",
        "tidak pasti",
        "unknown",
        "don't know",
        "dont know",
        "i don't know",
        "no",
        "none",
        "n/a",
        "na",
        "tiada",
    }
)


def _answer_known(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return " ".join(value.casefold().replace("’", "'").split()).strip(" .!") not in _UNKNOWN_ANSWERS


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Collector:
    def __init__(self) -> None:
        self.items: list[tuple[Priority, int, Reason]] = []
        self.seen: set[tuple[str, str]] = set()
        self.per_code: dict[str, int] = {}

    def add(self, priority: Priority, code: str, detail: str) -> None:
        reason = Reason(code, _clip(detail))
        key = (reason.code, reason.detail.casefold())
        if key in self.seen or self.per_code.get(code, 0) >= _MAX_PER_CODE:
            return
        self.seen.add(key)
        self.per_code[code] = self.per_code.get(code, 0) + 1
        self.items.append((priority, len(self.items), reason))

    def result(self) -> TriageResult:
        ordered = sorted(self.items, key=lambda item: (item[0], item[1]))
        return TriageResult(min(p for p, _, _ in ordered), tuple(r for _, _, r in ordered))


def score_tip(facts: TipFacts) -> TriageResult:
    """Priority and reasons for a tip. Never raises: unknown answer values are ignored, not trusted."""
    out = _Collector()
    category = facts.category if facts.category in CATEGORIES else None
    departure = facts.departure if facts.departure in DEPARTURES else None
    place = facts.regency if isinstance(facts.regency, str) and is_place_code(facts.regency) else None

    signals: list[TextSignal] = []
    places: list[PlaceMention] = []
    for text in facts.texts():
        found = find_signals(text)
        signals.extend(found.signals)
        places.extend(found.places)
    away_places = [p for p in places if p.region != "ntt"]
    away = place in (ABROAD, ELSEWHERE_ID) or departure == "already_left" or bool(away_places)
    local = place is not None and place not in (ABROAD, ELSEWHERE_ID) and not away

    # Answers from the intake questions.
    if facts.danger_now is True:
        out.add(Priority.P1, "danger_now", "answer: in danger now")
    if departure == "today":
        out.add(Priority.P1, "departure_today", "answer: leaving today")
    elif departure == "this_week":
        out.add(Priority.P2, "departure_this_week", "answer: leaving this week")
    if facts.minors is True:
        out.add(Priority.P2, "minor_involved", "answer: a child is involved")
    if category == "child":
        out.add(Priority.P2, "minor_involved", "category: child")
    if category == "documents_held":
        out.add(Priority.P2, "documents_held", "category: documents held")
    if category in ("forced_labour", "sexual_exploitation"):
        code = "exploitation_abroad_now" if away else "exploitation_now"
        out.add(Priority.P2, code, f"category: {category.replace('_', ' ')}")
    if category in ("recruitment_fraud", "undocumented_departure"):
        out.add(Priority.P3, "illegal_recruitment", f"category: {category.replace('_', ' ')}")
    if _answer_known(facts.recruiter):
        out.add(Priority.P3, "illegal_recruitment", f"recruiter: {facts.recruiter}")

    # Signals in the free text.
    for s in signals:
        if s.code in ("danger_in_text", "departure_today"):
            out.add(Priority.P1, s.code, s.detail)
        elif s.code == "departure_this_week":
            out.add(Priority.P2, s.code, s.detail)
        elif s.code in ("violence_in_text", "confinement_in_text"):
            if s.past:
                out.add(Priority.P3, f"past_{s.code}", s.detail)
            else:
                out.add(Priority.P1, s.code, s.detail)
        elif s.code in ("child_age_in_text", "documents_held", "debt_bondage", "holding_house"):
            out.add(Priority.P2, s.code, s.detail)
        elif s.code == "unpaid_wages":
            # Wages withheld far from home leave a worker stuck; at home it is a labour dispute first.
            out.add(Priority.P3 if local else Priority.P2, s.code, s.detail)
        elif s.code == "exploitation_in_text":
            out.add(Priority.P2, "exploitation_abroad_now" if away else "exploitation_now", s.detail)
        elif s.code == "illegal_recruitment":
            out.add(Priority.P3, s.code, s.detail)
    for p in places:
        if p.kind in _TRANSIT_KINDS:
            detail = p.name if p.text.casefold() in p.name.casefold() else f"{p.name} ({p.text})"
            out.add(Priority.P3, "transit_point", detail)
        elif p.name in _NO_PLACEMENT:
            out.add(Priority.P3, "illegal_recruitment", f"job in {p.name}: no placement agreement")

    if not out.items:
        specifics = _specifics(facts, place, departure, signals, places)
        if specifics:
            out.add(Priority.P3, "specific_details", "; ".join(specifics))
        else:
            out.add(Priority.P4, "no_specifics", "no specific person, place or time")
    return out.result()


def _specifics(
    facts: TipFacts, place: str | None, departure: str | None, signals: list[TextSignal], places: list[PlaceMention]
) -> list[str]:
    """What makes a tip without any signal still actionable: a place in NTT, a person, a time, evidence.
    A country alone ("ke Malaysia", answer "abroad") is not specific: it is where most tips lead."""
    found: list[str] = []
    ntt_places = [p for p in places if p.region == "ntt"]
    answered = regency(place) if place is not None else None
    if ntt_places:
        found.append(f"place: {ntt_places[0].text}")
    elif answered is not None:
        found.append(f"place: {answered.name}")
    elif facts.has_location is True:
        found.append("place: shared location")
    persons = [s for s in signals if s.code == "person_in_text"]
    if persons:
        found.append(f"who: {persons[0].detail}")
    elif facts.relation in ("self", "family", "neighbour", "witness"):
        found.append(f"who: reporter is {facts.relation}")
    elif isinstance(facts.people_count, int) and not isinstance(facts.people_count, bool) and facts.people_count > 0:
        found.append(f"who: {facts.people_count} people")
    times = [s for s in signals if s.code == "time_in_text"]
    if times:
        found.append(f"time: {times[0].detail}")
    elif departure in ("later", "already_left"):
        found.append(f"time: departure {departure.replace('_', ' ')}")
    if isinstance(facts.evidence_count, int) and facts.evidence_count > 0:
        found.append(f"evidence: {facts.evidence_count} file(s)")
    return found


LINKED_RECRUITER_THRESHOLD = 3
_P1_CODES = frozenset({"danger_now", "danger_in_text", "departure_today", "confinement_in_text", "violence_in_text"})


def escalate_for_links(result: TriageResult, shared_recruiter_tip_count: int) -> TriageResult:
    """Raise a tip to at least P2 when it and at least two other tips name the same recruiter.

    ``shared_recruiter_tip_count`` counts the tips naming the recruiter, this one included (see
    ``linking.shared_recruiter_counts``). Below the threshold the result comes back unchanged.
    """
    if shared_recruiter_tip_count < LINKED_RECRUITER_THRESHOLD:
        return result
    reason = Reason("linked_recruiter", f"{shared_recruiter_tip_count} tips name the same recruiter")
    if any(r.code == "linked_recruiter" for r in result.reasons):
        reasons = tuple(reason if r.code == "linked_recruiter" else r for r in result.reasons)
        return TriageResult(min(result.priority, Priority.P2), reasons)
    priority = min(result.priority, Priority.P2)
    # Keep the reasons in urgency order: the new one goes after any P1 reasons.
    reasons = list(result.reasons)
    insert_at = len(reasons)
    for i, r in enumerate(reasons):
        if r.code not in _P1_CODES:
            insert_at = i
            break
    reasons.insert(insert_at, reason)
    return TriageResult(priority, tuple(reasons))


# --- Reading a tip from plain data (CLI, imports) -----------------------------------------------------------------


class TipFactsError(ValueError):
    """A field of a tip given as plain data is missing, unknown or of the wrong type."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}" if field_name else message)
        self.field = field_name
        self.message = message


_FIELDS = tuple(TipFacts.__dataclass_fields__)


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), type(value).__name__
    )


def tip_facts_from_mapping(data: Mapping[str, object]) -> TipFacts:
    """A ``TipFacts`` from JSON-like data; raises ``TipFactsError`` naming the first bad field."""
    if not isinstance(data, Mapping):
        raise TipFactsError("", f"a tip must be a JSON object, got {_type_name(data)}")
    unknown = sorted(k for k in data if k not in _FIELDS)
    if unknown:
        raise TipFactsError(str(unknown[0]), f"unknown field (known fields: {', '.join(_FIELDS)})")
    if "narrative" not in data:
        raise TipFactsError("narrative", "required")
    values: dict[str, object] = {}

    def expect(name: str, kinds: tuple[type, ...], label: str, *, nullable: bool) -> object:
        value = data[name]
        if value is None and nullable:
            return None
        # bool is an int in Python; a JSON true is never a count.
        if isinstance(value, bool) and bool not in kinds:
            raise TipFactsError(name, f"must be {label}, got {_type_name(value)}")
        if not isinstance(value, kinds):
            raise TipFactsError(name, f"must be {label}, got {_type_name(value)}")
        return value

    def one_of(name: str, choices: tuple[str, ...]) -> None:
        value = values[name]
        if value is not None and value not in choices:
            raise TipFactsError(name, f"must be one of {', '.join(choices)} or null, got {value!r}")

    for name in data:
        if name in ("narrative", "lang"):
            values[name] = expect(name, (str,), "a string", nullable=False)
        elif name in ("category", "departure", "regency", "recruiter", "route", "relation"):
            values[name] = expect(name, (str,), "a string or null", nullable=True)
        elif name in ("danger_now", "minors"):
            values[name] = expect(name, (bool,), "true, false or null", nullable=True)
        elif name == "has_location":
            values[name] = expect(name, (bool,), "true or false", nullable=False)
        elif name == "people_count":
            values[name] = expect(name, (int,), "a whole number or null", nullable=True)
            if values[name] is not None and values[name] < 0:
                raise TipFactsError(name, "must not be negative")
        elif name == "evidence_count":
            values[name] = expect(name, (int,), "a whole number", nullable=False)
            if values[name] < 0:
                raise TipFactsError(name, "must not be negative")
        elif name == "extra_texts":
            items = expect(name, (list, tuple), "an array of strings", nullable=True) or []
            for i, item in enumerate(items):
                if not isinstance(item, str):
                    raise TipFactsError(f"{name}[{i}]", f"must be a string, got {_type_name(item)}")
            values[name] = tuple(items)
    for name, choices in (("category", CATEGORIES), ("departure", DEPARTURES), ("relation", RELATIONS)):
        if name in values:
            one_of(name, choices)
    if values.get("regency") is not None and not is_place_code(values["regency"]):
        raise TipFactsError("regency", f"unknown place code {values['regency']!r} (see bot/services/places.py)")
    return TipFacts(**values)
