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

The answers and signals are weighed here; the texts are read in ``reading``, an old story that is over is scored
in ``resolved``, a tip with no signal by its details in ``specifics``, and tips naming the same recruiter are
raised in ``escalation``.
"""

from __future__ import annotations

from bot.services.places import ABROAD, ELSEWHERE_ID, destination, is_place_code
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
from bot.services.triage.lexicon import wordset
from bot.services.triage.reading import read_texts
from bot.services.triage.reasons import Reason
from bot.services.triage.resolved import resolved_story
from bot.services.triage.result import Collector, TriageResult
from bot.services.triage.specifics import specific_details
from bot.services.triage.text_signal import TextSignal

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
    "score_tip",
    "tip_facts_from_mapping",
    "wita",
]


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


def _answer_known(value: object) -> bool:
    if not isinstance(value, str):
        return False
    key = "_".join(value.casefold().replace("’", "'").split()).strip(" .!_")
    return bool(key) and key not in _UNKNOWN_ANSWERS


def score_tip(facts: TipFacts) -> TriageResult:
    """Priority and reasons for a tip. Never raises: unknown answer values are ignored, not trusted."""
    out = Collector()
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
    read = read_texts(facts, answers_anchor)
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
    resolved = resolved_story(out, read, danger, departure, place, recruiter, facts)
    if resolved is not None:
        return resolved
    if not out.items:
        if read.general_marker:
            out.add(Priority.P4, rs.from_text("general_request", read.general_marker))
        else:
            specifics = specific_details(facts, place, departure, signals, read.places)
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
    out: Collector,
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
