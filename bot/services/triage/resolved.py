"""Old stories that are over ("sekarang sudah pulang", "fila ona", "back home"): nothing to act on now (P4), unless
they name a recruiter who can be found and say something was wrong (then information, P3)."""

from __future__ import annotations

from bot.services.places import ABROAD, ELSEWHERE_ID
from bot.services.triage import reasons as rs
from bot.services.triage.deadlines import Priority
from bot.services.triage.facts import TipFacts
from bot.services.triage.framing import EVENTS
from bot.services.triage.lexicon import PRESENT
from bot.services.triage.reading import TextsRead
from bot.services.triage.result import Collector, TriageResult
from bot.services.triage.signals import find_signals
from bot.services.triage.tense import has_past, text_of

# Text signals that say something is going on now (not a description like an age or a place).
_LIVE = EVENTS - {"departed", "away_now"}


def resolved_story(
    out: Collector,
    read: TextsRead,
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
    story = Collector()
    for _, _, r in past:
        if r.code != "danger_unsure":
            story.add(Priority.P3, r)
    # A recruiter who can be found makes an old story worth checking when it says something was wrong (harm, a sign
    # of illegal recruitment), not when it names only the places on the way.
    named = recruiter is not None or _names_someone(facts, read)
    if named and any(r.code not in ("transit_point", "specific_details") for _, _, r in story.items):
        return story.result()
    resolved = Collector()
    resolved.add(Priority.P4, rs.from_text("resolved_past", read.resolved))
    for _, _, r in story.items:
        resolved.add(Priority.P4, r)
    return resolved.result()


def _still_away(read: TextsRead, departure: str | None, place: str | None) -> bool:
    """Someone is away from home now: answered as gone or abroad, or said to have left or to be working away."""
    if departure == "already_left" or place in (ABROAD, ELSEWHERE_ID):
        return True
    return any(s.code in ("departed", "away_now") and not s.past for s in read.signals)


def _names_someone(facts: TipFacts, read: TextsRead) -> bool:
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
