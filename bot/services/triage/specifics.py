"""What makes a tip with no signal in it still something to act on: a place in NTT, a person, a time, evidence."""

from __future__ import annotations

from bot.services.places import PlaceMention, regency
from bot.services.triage.facts import TipFacts
from bot.services.triage.patterns.movement import DEICTIC_PLACE
from bot.services.triage.tense import text_of
from bot.services.triage.text_signal import TextSignal, clip


def specific_details(
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
