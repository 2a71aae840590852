"""Text signals for triage: what in a tip's free text points to danger, force, a child, movement or exploitation.

Reporters write Indonesian, Kupang Malay, Malaysian Malay, English and Tetun, often mixed, in lower case, with SMS
abbreviations and typos; the word lists are in ``lexicon`` and ``patterns``. Each signal carries what its sentence
says about time (``past``: over; ``recent``: in the last day or so), so the rules can tell "dipukul sekarang" from
"dulu pernah dipukul" and "dibawa tadi malam" from "mau dibawa bulan depan". A signal is dropped when a negator
stands just before it in the same clause ("tidak dipukul", "sonde ada yang pukul", "not locked", "la baku").
Missing a real signal costs more than a false one, so when in doubt a pattern matches.

What a signal is lives in ``text_signal``; departures and being away are found in ``departures``, children's ages
in ``child_ages``; the rest, and putting them all together (``find_signals``), here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from bot.services.places import PlaceMention, find_places
from bot.services.triage import lexicon as lx
from bot.services.triage.child_ages import child_ages
from bot.services.triage.departures import away_now, departures
from bot.services.triage.patterns.exploitation import (
    COLLECTED_IDS,
    DEBT,
    DOC_OWNER,
    DOC_THEN_HOLD,
    DOC_WITH,
    EXPLOITATION,
    HOLD_THEN_DOC,
    HOLDING_HOUSE,
    OWN_DOCS,
    SEXUAL,
    UNPAID,
)
from bot.services.triage.patterns.harm import (
    CONFINEMENT,
    DANGER,
    DISTRESS,
    FOR_WANT_OF,
    FORCE,
    ILLNESS,
    SHIPWRECK,
    THREAT,
    UNABLE,
    VIOLENCE,
)
from bot.services.triage.patterns.people import PERSON, TITLED_NAME
from bot.services.triage.patterns.recruitment import RECRUITMENT
from bot.services.triage.tense import Text, is_past, negated, text_of
from bot.services.triage.text_memo import forget_texts as forget_texts
from bot.services.triage.text_memo import text_memo
from bot.services.triage.text_signal import TextFindings, TextSignal, clip, event_signals, signal_at, simple_signals


def _documents(t: Text) -> Iterable[TextSignal]:
    for pattern in (DOC_THEN_HOLD, HOLD_THEN_DOC):
        for m in pattern.finditer(t.norm):
            gap = lx.WORDS.findall(m.group(1) or "")
            if any(w in lx.NEGATORS for w in gap) or negated(t, m.start()):
                continue
            if pattern is DOC_THEN_HOLD and OWN_DOCS.match(t.norm[m.end() : m.end() + 30]):
                continue
            # Identity cards taken from people in general are collected for recruitment, not held from someone:
            # "ejen kutip IC orang muda", "foti ema nia kartaun eleitorál".
            code = "illegal_recruitment" if COLLECTED_IDS.search(m.group()) else "documents_held"
            yield replace(signal_at(code, t, m.start(), m.end()), past=is_past(t, m.start()))
    for pattern in (DOC_WITH, DOC_OWNER):
        for sig in simple_signals("documents_held", pattern, t):
            yield replace(sig, past=is_past(t, sig.start))


def _exploitation(t: Text) -> Iterable[TextSignal]:
    sexual = [(m.start(), m.end()) for m in SEXUAL.finditer(t.norm) if not negated(t, m.start())]
    sexual_starts = [a for a, _ in sexual]
    for sig in event_signals("exploitation_in_text", EXPLOITATION, t):
        s, e = t.sentence(sig.start)
        i = bisect.bisect_left(sexual_starts, s)
        yield replace(sig, sexual=i < len(sexual_starts) and sexual_starts[i] <= e)
    # Sexual exploitation named without a word of force ("kerja di karaoke", "layani tamu").
    for a, b in sexual:
        yield replace(signal_at("exploitation_in_text", t, a, b, sexual=True), past=is_past(t, a))


def _resolved_sentence(t: Text, pos: int) -> bool:
    return t.found_in(lx.RESOLVED, t.sentence(pos))


def _legal(t: Text, sig: TextSignal) -> bool:
    return any(a <= sig.start and sig.end <= b for a, b in t.spans_in(lx.LEGAL_NOW, t.clause(sig.start)))


def _one_clause(t: Text, sig: TextSignal) -> bool:
    """ "tdk dikasih dan mau pulang cuti tdk boleh": a refusal and a going home in two clauses are not "not allowed
    to go home"."""
    return t.clause(sig.start)[1] >= sig.end


def _for_want_of(t: Text, sig: TextSignal) -> bool:
    """ "tak boleh balik sebab pasport tu", "can't go home without money": someone unable to leave for want of papers
    or money is held by the papers or the debt (their own signals), not locked in."""
    _, end = t.sentence(sig.start)
    return bool(UNABLE.search(t.norm, sig.start, sig.end)) and bool(FOR_WANT_OF.search(t.norm[sig.end : end]))


def _people(t: Text) -> Iterable[TextSignal]:
    yield from simple_signals("person_in_text", PERSON, t)
    for m in TITLED_NAME.finditer(t.original):
        yield signal_at("person_in_text", t, m.start(), m.end())


@text_memo
def places_in(text: str) -> tuple[PlaceMention, ...]:
    """The places named in one text, found once for scoring and once for the tip's link keys (``entities``): the
    look-up of every word against place names is the dearest part of reading a long story."""
    return tuple(find_places(text))


@text_memo
def find_signals(text: str) -> TextFindings:
    """Every signal in one piece of free text, in order of appearance, with the places named in it. Kept per text
    while the report is open (``text_memo``): the review's check reads every typed answer, and sending reads them
    again; the filing and re-score paths forget the tip's texts when they are done (``forget_texts``)."""
    if not text or not text.strip():
        return TextFindings((), ())
    t = text_of(text)
    places = places_in(text)
    found: list[TextSignal] = []
    # A cry in a sentence that says it is over ("polis selamatkan dia ... dah selamat") is the story of a rescue.
    found += (replace(s, past=_resolved_sentence(t, s.start)) for s in simple_signals("danger_in_text", DANGER, t))
    found += event_signals("danger_in_text", ILLNESS, t)
    found += event_signals("danger_in_text", DISTRESS, t)
    found += event_signals("danger_in_text", SHIPWRECK, t)
    found += departures(t, places)
    found += away_now(t, places)
    found += event_signals("taken_by_force", FORCE, t)
    found += event_signals("violence_in_text", VIOLENCE, t)
    # A threat spelt out as "if she runs away, ..." is a threat, not a hypothetical.
    found += (replace(s, past=is_past(t, s.start)) for s in simple_signals("violence_in_text", THREAT, t))
    found += (
        s for s in event_signals("confinement_in_text", CONFINEMENT, t) if not _for_want_of(t, s) and _one_clause(t, s)
    )
    found += child_ages(t)
    found += _documents(t)
    found += event_signals("debt_bondage", DEBT, t)
    found += event_signals("unpaid_wages", UNPAID, t)
    found += _exploitation(t)
    found += event_signals("holding_house", HOLDING_HOUSE, t)
    # "a legal agency", "agen resmi", "ajente legál": a recruiter said to be legal is no sign of illegal recruitment.
    found += (s for s in simple_signals("illegal_recruitment", RECRUITMENT, t) if not _legal(t, s))
    found += _people(t)
    for pattern in (lx.TIME_ANY, lx.TODAY, lx.THIS_WEEK, lx.RECENT):
        found += simple_signals("time_in_text", pattern, t)
    found.sort(key=lambda s: (s.start, s.end))
    resolved = lx.RESOLVED.search(t.norm)
    legal = _legal_now(t)
    home = _back_in_ntt(t, places)
    if resolved is None and legal is None and home is None:
        return TextFindings(tuple(found), places)
    over = (
        home is not None
        or legal is not None
        or any(not lx.WELL.fullmatch(m.group()) for m in lx.RESOLVED.finditer(t.norm))
    )
    words = (resolved.start(), resolved.end()) if resolved is not None else (legal or home)
    assert words is not None  # one of the three is found (checked above)
    return TextFindings(tuple(found), places, clip(text[words[0] : words[1]]), over)


def _legal_now(t: Text) -> tuple[int, int] | None:
    """Where the text first says someone is in a legal job or placement ("ho kontratu legál", "lewat PT resmi"). The
    pattern is read only around a word of legality: most stories have none, and a long one is not read twice."""
    for w in lx.LEGAL_WORD.finditer(t.norm):
        m = lx.LEGAL_NOW.search(t.norm, max(0, w.start() - 90), min(len(t.norm), w.end() + 12))
        if m is not None:
            return m.start(), m.end()
    return None


def _back_in_ntt(t: Text, places: tuple[PlaceMention, ...]) -> tuple[int, int] | None:
    """ "sekarang saya dah kerja kat Kupang", "agora nia hela iha Atambua": living or working in NTT now."""
    for p in places:
        if p.region == "ntt":
            m = lx.NOW_LIVING_AT.search(t.norm, max(0, p.start - 60), p.start)
            if m is not None:
                return m.start(), p.end
    return None
