"""Triage rules: a tip's answers and free text in, a priority with its reasons out (docs/triage.md says why).

P1 urgent: someone in danger now (answered, or a cry for help); anyone moved within 24 hours; a child who has
already left, is away, or leaves within 24 hours; a child sexually exploited now; someone taken or moved by force
now or just now; confinement; violence or threats; "not sure" about danger while someone is being moved.
P2 high: a child; departure within 7 days; someone who left in the last day or so (on the way); documents held;
debt bondage; exploitation going on now; unpaid wages away from home; people in a holding house.
P3 normal: signs of illegal recruitment; transit points; harm that is over; anything specific to act on.
P4 low: requests and opinions with no case in them; old stories that are over; nothing specific.

Every raise carries a reason with the phrase or answer that caused it, so staff can see why and overrule it.
More information never lowers a tip: answers and signals only add up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.services.places import ABROAD, ELSEWHERE_ID, PlaceMention, destination, is_place_code, regency
from bot.services.triage import reasons as rs
from bot.services.triage.deadlines import Priority, add_working_days, deadline, wita
from bot.services.triage.facts import (
    CATEGORIES,
    DEPARTURES,
    RELATIONS,
    UNSURE,
    TipFacts,
    TipFactsError,
    tip_facts_from_mapping,
)
from bot.services.triage.framing import EVENTS, Framing, asked_about, read_framing
from bot.services.triage.lexicon import PRESENT, wordset
from bot.services.triage.patterns.movement import DEICTIC_PLACE
from bot.services.triage.reasons import Reason
from bot.services.triage.signals import find_signals
from bot.services.triage.tense import has_past, text_of
from bot.services.triage.text_signal import TextFindings, TextSignal, clip

__all__ = [
    "CATEGORIES",
    "DEPARTURES",
    "RELATIONS",
    "UNSURE",
    "Priority",
    "Reason",
    "TipFacts",
    "TipFactsError",
    "TriageResult",
    "add_working_days",
    "deadline",
    "escalate_for_links",
    "score_tip",
    "tip_facts_from_mapping",
    "wita",
]


@dataclass(frozen=True)
class TriageResult:
    priority: Priority
    reasons: tuple[Reason, ...] = field(default=())

    def deadline(self, created_at):
        return deadline(self.priority, created_at)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


_MAX_PER_CODE = 3
_TRANSIT_KINDS = frozenset({"airport", "port", "border", "route_city"})
# No government placement agreement with these countries: any job offer there is a red flag
# (knowledge base: destinations.no_agreement).
_NO_PLACEMENT = frozenset({"Cambodia", "Thailand", "Myanmar"})
_UNKNOWN_ANSWERS = wordset(
    """
    - ? tidak_tahu tdk_tahu tidak_tau tdk_tau ga_tau gak_tau gak_tahu nggak_tahu sonde_tau son_tau sonde_tahu
    tidak_ada tidak belum_tahu tak_tahu tidak_pasti unknown don't_know dont_know i_don't_know no none n/a na tiada
    la_hatene
    """
)
# Text signals that say something is going on now (not a description like an age or a place).
_LIVE = EVENTS - {"departed", "away_now"}
P1_CODES = frozenset(
    {
        "danger_now",
        "danger_in_text",
        "departure_today",
        "child_on_the_move",
        "child_sexual_exploitation",
        "taken_by_force",
        "confinement_in_text",
        "violence_in_text",
        "danger_unsure",
    }
)


def _answer_known(value: object) -> bool:
    if not isinstance(value, str):
        return False
    key = "_".join(value.casefold().replace("’", "'").split()).strip(" .!_")
    return bool(key) and key not in _UNKNOWN_ANSWERS


class _Collector:
    def __init__(self) -> None:
        self.items: list[tuple[Priority, int, Reason]] = []
        self.seen: set[tuple[str, str]] = set()
        self.per_code: dict[str, int] = {}

    def add(self, priority: Priority, reason: Reason) -> None:
        reason = Reason(reason.code, clip(reason.detail), reason.source, clip(reason.quote), reason.params)
        key = (reason.code, (reason.quote or reason.detail).casefold())
        if key in self.seen or self.per_code.get(reason.code, 0) >= _MAX_PER_CODE:
            return
        self.seen.add(key)
        self.per_code[reason.code] = self.per_code.get(reason.code, 0) + 1
        self.items.append((priority, len(self.items), reason))

    def best(self) -> Priority | None:
        return min((p for p, _, _ in self.items), default=None)

    def has(self, *codes: str) -> bool:
        return any(r.code in codes for _, _, r in self.items)

    def result(self) -> TriageResult:
        ordered = sorted(self.items, key=lambda item: (item[0], item[1]))
        return TriageResult(min(p for p, _, _ in ordered), tuple(r for _, _, r in ordered))


@dataclass
class _Read:
    """What the texts say, once framing has set aside what holds no case."""

    signals: list[TextSignal] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    resolved: str = ""
    over: bool = False  # the story is over for the person (home, rescued), not only "well now"
    general_marker: str = ""  # a question, request or opinion with nothing pointing at a case
    dropped: int = 0


def _read_texts(facts: TipFacts, answers_anchor: bool) -> _Read:
    read = _Read()
    for text in facts.texts():
        found: TextFindings = find_signals(text)
        framing: Framing = read_framing(text, found.signals, found.places)
        unanchored = not (answers_anchor or framing.anchored)
        # Heard from others about people in general; heard of a particular town in NTT is something staff can check.
        hearsay = framing.hearsay and not any(p.region == "ntt" for p in found.places)
        for s in found.signals:
            if framing.general and (s.conditional or unanchored):
                read.dropped += 1
                continue
            # A question or request names people and times without making a case of them ("can I take my child
            # to work in Malaysia?"): only what happened counts.
            if framing.general and s.code in ("person_in_text", "time_in_text"):
                continue
            # "oinsá atu hatene ajente ida iha lisensa?", "how do I check an agency?": the agent asked about is the
            # question's topic, not a recruiter reported.
            if framing.general and s.code == "illegal_recruitment" and asked_about(text, s):
                read.dropped += 1
                continue
            # People in general, or heard of from others, with nothing pointing at a case: no case to raise.
            if unanchored and (s.generic or hearsay) and (s.code in EVENTS or s.code == "child_age_in_text"):
                read.dropped += 1
                continue
            read.signals.append(s)
        if framing.general:
            read.general_marker = read.general_marker or framing.marker
        if not (framing.general and unanchored):
            read.places.extend(found.places)
        read.resolved = read.resolved or found.resolved
        read.over = read.over or found.over
    return read


def score_tip(facts: TipFacts) -> TriageResult:
    """Priority and reasons for a tip. Never raises: unknown answer values are ignored, not trusted."""
    out = _Collector()
    category = facts.category if facts.category in CATEGORIES else None
    departure = facts.departure if facts.departure in DEPARTURES else None
    place = facts.regency if isinstance(facts.regency, str) and is_place_code(facts.regency) else None
    danger = facts.danger_now if facts.danger_now in (True, False, UNSURE) else None
    recruiter = facts.recruiter if _answer_known(facts.recruiter) else None
    evidence = facts.evidence_count if isinstance(facts.evidence_count, int) else 0
    answers_anchor = (
        danger is True
        or departure in ("today", "this_week", "already_left")
        or facts.minors is True
        or recruiter is not None
        or evidence > 0
        or facts.has_location is True
    )
    read = _read_texts(facts, answers_anchor)
    signals = read.signals
    away_places = [p for p in read.places if p.region != "ntt"]
    away = place in (ABROAD, ELSEWHERE_ID) or departure == "already_left" or bool(away_places)
    local = place is not None and place not in (ABROAD, ELSEWHERE_ID) and not away

    # Answers from the intake questions.
    if danger is True:
        out.add(Priority.P1, rs.answer("danger_now", "answer: in danger now", danger="yes"))
    if departure == "today":
        out.add(Priority.P1, rs.answer("departure_today", "answer: leaving today", departure="today"))
    elif departure == "this_week":
        out.add(Priority.P2, rs.answer("departure_this_week", "answer: leaving this week", departure="this_week"))
    if facts.minors is True:
        out.add(Priority.P2, rs.answer("minor_involved", "answer: a child is involved", minors="yes"))
    if category == "child":
        out.add(Priority.P2, rs.answer("minor_involved", "category: child", category="child"))
    if category == "documents_held":
        out.add(Priority.P2, rs.answer("documents_held", "category: documents held", category=category))
    if category in ("forced_labour", "sexual_exploitation"):
        code = "exploitation_abroad_now" if away else "exploitation_now"
        out.add(Priority.P2, rs.answer(code, f"category: {category.replace('_', ' ')}", category=category))
    if category in ("recruitment_fraud", "undocumented_departure"):
        detail = f"category: {category.replace('_', ' ')}"
        out.add(Priority.P3, rs.answer("illegal_recruitment", detail, category=category))
    if recruiter is not None:
        out.add(
            Priority.P3,
            Reason("illegal_recruitment", f"recruiter: {recruiter}", "answer", recruiter, (("field", "recruiter"),)),
        )

    # Signals in the free text.
    moved_recently: TextSignal | None = None
    left: TextSignal | None = None
    sexual: TextSignal | None = None
    for s in signals:
        code = s.code
        if code in ("danger_in_text", "departure_today"):
            if not s.past:
                out.add(Priority.P1, rs.from_text(code, s.detail))
        elif code == "departure_this_week":
            out.add(Priority.P2, rs.from_text(code, s.detail))
        elif code in ("departed", "away_now"):
            if not s.past or code == "departed":
                left = left or s
            if code == "departed" and s.recent and not s.past:
                moved_recently = moved_recently or s
        elif code in ("violence_in_text", "confinement_in_text", "taken_by_force"):
            out.add(Priority.P3 if s.past else Priority.P1, rs.from_text(("past_" if s.past else "") + code, s.detail))
            if code == "taken_by_force" and not s.past:
                left = left or s
        elif code in ("child_age_in_text", "documents_held", "debt_bondage", "holding_house"):
            if s.past and code != "child_age_in_text":
                out.add(Priority.P3, rs.from_text("past_" + code, s.detail))
            elif not s.past:
                out.add(Priority.P2, rs.from_text(code, s.detail))
                if code == "holding_house":
                    left = left or s  # someone kept in a holding house has left home
        elif code == "unpaid_wages":
            # Wages withheld far from home leave a worker stuck; at home it is a labour dispute first.
            level = Priority.P3 if (local or s.past) else Priority.P2
            out.add(level, rs.from_text(("past_" if s.past else "") + code, s.detail))
        elif code == "exploitation_in_text":
            if s.past:
                out.add(Priority.P3, rs.from_text("past_exploitation", s.detail))
            else:
                out.add(Priority.P2, rs.from_text("exploitation_abroad_now" if away else "exploitation_now", s.detail))
                sexual = sexual or (s if s.sexual else None)
        elif code == "illegal_recruitment":
            out.add(Priority.P3, rs.from_text(code, s.detail))
    for p in read.places:
        if p.kind in _TRANSIT_KINDS:
            out.add(Priority.P3, rs.from_text("transit_point", p.text, place=p.code))
        elif p.name in _NO_PLACEMENT:
            out.add(Priority.P3, rs.from_text("illegal_recruitment", p.text, country=p.name))
    # Where the reporter said they are going, and the transit points they chose, count as the same words would.
    named = {p.code for p in read.places}
    for code in facts.transit_points or ():
        if isinstance(code, str) and code not in named:
            out.add(Priority.P3, rs.answer("transit_point", f"answer: transit point {code}", place=code))
    went = destination(facts.destination) if isinstance(facts.destination, str) else None
    if went is not None and went.name in _NO_PLACEMENT:
        out.add(Priority.P3, rs.answer("illegal_recruitment", f"destination: {went.name}", country=went.name))

    _combine(out, facts, category, departure, place, danger, signals, left, moved_recently, sexual)
    resolved = _resolved_story(out, read, danger, departure, place, recruiter, facts)
    if resolved is not None:
        return resolved
    if not out.items:
        if read.general_marker:
            out.add(Priority.P4, rs.from_text("general_request", read.general_marker))
        else:
            specifics = _specifics(facts, place, departure, signals, read.places)
            if specifics:
                detail = "; ".join(f"{k}: {v}" for k, v in specifics)
                out.add(Priority.P3, rs.summary("specific_details", detail, **dict(specifics)))
            else:
                out.add(Priority.P4, rs.summary("no_specifics", "no specific person, place or time"))
    if danger == UNSURE and not out.has("danger_unsure"):
        # Not a raise on its own, but staff see that the reporter could not rule danger out.
        out.add(out.best() or Priority.P4, rs.answer("danger_unsure", "answer: not sure about danger", danger="unsure"))
    return out.result()


def _combine(
    out: _Collector,
    facts: TipFacts,
    category: str | None,
    departure: str | None,
    place: str | None,
    danger: object,
    signals: list[TextSignal],
    left: TextSignal | None,
    moved_recently: TextSignal | None,
    sexual: TextSignal | None,
) -> None:
    """The rules that weigh two facts together: a child on the move, "not sure" while someone is being moved."""
    child_text = next((s for s in signals if s.code == "child_age_in_text" and not s.past), None)
    child = facts.minors is True or category == "child" or child_text is not None
    child_from = "text" if child_text is not None and not (facts.minors is True or category == "child") else "answer"
    leaving_today = departure == "today" or out.has("departure_today")
    # "Where did it happen: abroad" with a child who leaves only months from now ("next year", answer "later") is
    # where the reporter saw it, not where the child is.
    later_only = departure == "later" or (
        left is None and not leaving_today and any(s.code == "departure_later" for s in signals)
    )
    away_answer = place in (ABROAD, ELSEWHERE_ID) and not later_only
    if child and (left is not None or departure == "already_left" or leaving_today or away_answer):
        if left is not None:
            reason = Reason(
                "child_on_the_move", left.detail, "text", left.detail, (("child", child_from), ("move", "text"))
            )
        else:
            move = "already_left" if departure == "already_left" else ("today" if leaving_today else "away")
            reason = rs.answer("child_on_the_move", f"a child; departure: {move}", child=child_from, move=move)
        out.add(Priority.P1, reason)
    if child and (sexual is not None or category == "sexual_exploitation"):
        quote = sexual.detail if sexual is not None else ""
        detail = quote or "category: sexual exploitation"
        out.add(Priority.P1, Reason("child_sexual_exploitation", detail, "text" if quote else "answer", quote))
    moving = departure in ("today", "this_week") or out.has("departure_today", "departure_this_week")
    if danger == UNSURE and (moving or moved_recently is not None):
        detail = "answer: not sure about danger, someone on the move"
        out.add(Priority.P1, rs.answer("danger_unsure", detail, danger="unsure", moving="yes"))
    if moved_recently is not None and not child:
        out.add(Priority.P2, rs.from_text("in_transit", moved_recently.detail))


def _resolved_story(
    out: _Collector,
    read: _Read,
    danger: object,
    departure: str | None,
    place: str | None,
    recruiter: str | None,
    facts: TipFacts,
) -> TriageResult | None:
    """An old story that is over ("sekarang sudah pulang", "fila ona", "back home") holds nothing to act on now,
    unless it names a recruiter who can be found; then it is information (P3)."""
    if not read.resolved or danger is True or departure in ("today", "this_week"):
        return None
    # "Dia ok je", "bae2 sa" of someone still away (working in Miri on a visit pass) says they are well, not that it
    # is over: the tip is scored as what it reports.
    if not read.over and _still_away(read, departure, place):
        return None
    # A child answered as gone is still gone, unless the text itself tells an old story that is over: the age in the
    # past ("waktu umur 15"), or a time long ago ("tahun 2018", "dulu", "uluk tinan 2019") with its end ("sudah
    # dipulangkan thn 2019", "fila ona"). Then the answers describe that story, not a child away now.
    child_answered = facts.minors is True or facts.category == "child"
    past_age = any(s.code == "child_age_in_text" and s.past for s in read.signals)
    long_ago = read.over and any(has_past(text_of(text).norm) for text in facts.texts())
    if child_answered and departure == "already_left" and not (past_age or long_ago):
        return None
    live = [s for s in read.signals if s.code in _LIVE and not s.past]
    if live:
        return None
    past = [(p, i, r) for p, i, r in out.items if p >= Priority.P3 and not r.code.startswith("child")]
    story = _Collector()
    for _, _, r in past:
        if r.code != "danger_unsure":
            story.add(Priority.P3, r)
    # A recruiter who can be found makes an old story worth checking when it says something was wrong (harm, a sign
    # of illegal recruitment), not when it names only the places on the way.
    named = recruiter is not None or _names_someone(facts, read)
    if named and any(r.code not in ("transit_point", "specific_details") for _, _, r in story.items):
        return story.result()
    resolved = _Collector()
    resolved.add(Priority.P4, rs.from_text("resolved_past", read.resolved))
    for _, _, r in story.items:
        resolved.add(Priority.P4, r)
    return resolved.result()


def _still_away(read: _Read, departure: str | None, place: str | None) -> bool:
    """Someone is away from home now: answered as gone or abroad, or said to have left or to be working away."""
    if departure == "already_left" or place in (ABROAD, ELSEWHERE_ID):
        return True
    return any(s.code in ("departed", "away_now") and not s.past for s in read.signals)


def _names_someone(facts: TipFacts, read: _Read) -> bool:
    """A recruiter that can be found: a phone number, a titled name, a company, or one still at work."""
    from bot.services.triage.entities import find_phones
    from bot.services.triage.patterns.people import TITLED_NAME

    for text in facts.texts():
        if find_phones(text) or TITLED_NAME.search(text):
            return True
    for s in read.signals:
        if s.code == "person_in_text" and s.detail.casefold().startswith(("pt", "cv", "syarikat")):
            return True
    for text in facts.texts():
        t = text_of(text)
        for s in find_signals(text).signals:
            if s.code == "illegal_recruitment" and t.found_in(PRESENT, t.clause(s.start)):
                return True
    return False


def _specifics(
    facts: TipFacts, place: str | None, departure: str | None, signals: list[TextSignal], places: list[PlaceMention]
) -> list[tuple[str, str]]:
    """What makes a tip without any signal still actionable: a place in NTT, a person, a time, evidence.
    A country alone ("ke Malaysia", answer "abroad") is not specific: it is where most tips lead."""
    found: list[tuple[str, str]] = []
    ntt_places = [p for p in places if p.region == "ntt"]
    answered = regency(place) if place is not None else None
    # A place pointed at ("kilang papan dekat Sibu tu"), in the reporter's words.
    pointed = next(
        (text[m.start() : m.end()] for text in facts.texts() if (m := DEICTIC_PLACE.search(text_of(text).norm))), None
    )
    if ntt_places:
        found.append(("place_text", ntt_places[0].text))
    elif pointed is not None:
        found.append(("place_text", clip(pointed)))
    elif answered is not None:
        found.append(("regency", answered.code))
    elif facts.has_location is True:
        found.append(("location", "1"))
    persons = [s for s in signals if s.code == "person_in_text"]
    if persons:
        found.append(("person", persons[0].detail))
    elif facts.relation in ("self", "family", "neighbour", "witness"):
        found.append(("relation", facts.relation))
    elif isinstance(facts.people_count, int) and not isinstance(facts.people_count, bool) and facts.people_count > 0:
        found.append(("people", str(facts.people_count)))
    times = [s for s in signals if s.code == "time_in_text"]
    if times:
        found.append(("time", times[0].detail))
    elif departure in ("later", "already_left"):
        found.append(("departure", departure))
    if isinstance(facts.evidence_count, int) and facts.evidence_count > 0:
        found.append(("evidence", str(facts.evidence_count)))
    return found


LINKED_RECRUITER_THRESHOLD = 3


def escalate_for_links(result: TriageResult, shared_recruiter_tip_count: int) -> TriageResult:
    """Raise a tip to at least P2 when it and at least two other tips name the same recruiter.

    ``shared_recruiter_tip_count`` counts the tips naming the recruiter, this one included (see
    ``linking.shared_recruiter_counts``). Below the threshold the result comes back unchanged.
    """
    if shared_recruiter_tip_count < LINKED_RECRUITER_THRESHOLD:
        return result
    count = shared_recruiter_tip_count
    reason = rs.summary("linked_recruiter", f"{count} tips name the same recruiter", count=str(count))
    if any(r.code == "linked_recruiter" for r in result.reasons):
        reasons = tuple(reason if r.code == "linked_recruiter" else r for r in result.reasons)
        return TriageResult(min(result.priority, Priority.P2), reasons)
    priority = min(result.priority, Priority.P2)
    # Keep the reasons in urgency order: the new one goes after any P1 reasons.
    reasons = list(result.reasons)
    insert_at = len(reasons)
    for i, r in enumerate(reasons):
        if r.code not in P1_CODES:
            insert_at = i
            break
    reasons.insert(insert_at, reason)
    return TriageResult(priority, tuple(reasons))
