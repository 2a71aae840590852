"""Text signals for triage: what in a tip's free text points to danger, force, a child, movement or exploitation.

Reporters write Indonesian, Kupang Malay, Malaysian Malay, English and Tetun, often mixed, in lower case, with SMS
abbreviations and typos; the word lists are in ``lexicon`` and ``patterns``. Each signal carries what its sentence
says about time (``past``: over; ``recent``: in the last day or so), so the rules can tell "dipukul sekarang" from
"dulu pernah dipukul" and "dibawa tadi malam" from "mau dibawa bulan depan". A signal is dropped when a negator
stands just before it in the same clause ("tidak dipukul", "sonde ada yang pukul", "not locked", "la baku").
Missing a real signal costs more than a false one, so when in doubt a pattern matches.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.services.places import PlaceMention, find_places
from bot.services.triage import lexicon as lx
from bot.services.triage.patterns.children import (
    ADULT_AGE,
    AGE_APPOSITION,
    AGE_BRACKETS,
    AGE_EN,
    AGE_IS,
    AGE_LABELLED,
    AGE_OF,
    AGE_PERSON,
    AGE_TINAN,
    AGE_YEARS,
    CHILD_WORDS,
    DURATION_AFTER,
    DURATION_BEFORE,
    TINAN_DURATION_BEFORE,
)
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
from bot.services.triage.patterns.movement import AT_AN_EMPLOYERS, AWAY_NOW, DEPARTED, MOVE, STAYING_AWAY
from bot.services.triage.patterns.people import PERSON, TITLED_NAME
from bot.services.triage.patterns.recruitment import RECRUITMENT
from bot.services.triage.tense import Text, is_conditional, is_future, is_past, negated, sentence_has_past, text_of


@dataclass(frozen=True)
class TextSignal:
    """One thing found in text. ``detail`` is the matched phrase from the original text, for staff."""

    code: str
    detail: str
    start: int
    end: int
    past: bool = False  # what it says is over ("tahun lalu", "dulu", "sudah pulang")
    recent: bool = False  # a departure in the last day or so
    sexual: bool = False  # exploitation that is sexual
    conditional: bool = False  # said of a case that may not exist ("kalau ada anak dikurung")
    generic: bool = False  # said of people in general ("banyak perempuan disekap")


@dataclass(frozen=True)
class TextFindings:
    signals: tuple[TextSignal, ...]
    places: tuple[PlaceMention, ...]
    resolved: str = ""  # the words saying it is over for the person ("sudah pulang", "fila ona"), if any
    # Some of those words say it is over (back home, rescued, sent home), not only that the person is well now
    # ("ok je", "bae2 sa"): someone still away and well is still away.
    over: bool = False


def clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _to_int(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return lx.NUMBER_WORDS.get(" ".join(token.split()))


def _signal(code: str, t: Text, start: int, end: int, **flags: bool) -> TextSignal:
    return TextSignal(code, clip(t.original[start:end]), start, end, **flags)


# How many signals of one kind are read in one text once one of them is going on now. A story that repeats
# "dipukul" a thousand times says no more than one that says it 32 times, and reading every repeat would hold up
# the bot for everyone (a reason shows at most three of a kind). Until one is going on now, the whole text is read.
ENOUGH = 32


def _enough(found: Iterable[TextSignal]) -> Iterator[TextSignal]:
    live = False
    for count, sig in enumerate(found, start=1):
        yield sig
        live = live or not (sig.past or sig.conditional or sig.generic)
        if count >= ENOUGH and live:
            return


def _simple(code: str, pattern: re.Pattern[str], t: Text) -> Iterable[TextSignal]:
    return _enough(_signal(code, t, m.start(), m.end()) for m in pattern.finditer(t.norm) if not negated(t, m.start()))


# People in general: "banyak perempuan disekap", "many children are sold", "feto barak".
_GENERIC = lx.rx(
    r"\b(?:(?:banyak|ramai|many|most|semua|all|setiap|every|para|kebanyakan|sebagian|lots\s+of|a\s+lot\s+of|plenty\s+of|"
    r"numerous|dozens\s+of|hundreds\s+of|puluhan|ratusan|ribuan|berpuluh|beratus)\s+(?:[\w-]+\s+)?"
    r"(?:orang|org|perempuan|wanita|cewek|anak|anak-anak|pemuda|warga|pekerja|buruh|tki|tkw|pmi|korban|mangsa|"
    r"people|women|girls|children|kids|workers|migrants|victims|budak|ema|feto|labarik|joven)|orang-orang|"
    r"(?:ema|feto|labarik|joven|vítima|vitima)\s+(?:[\w-]+\s+)?barak)\b"
)


# Someone of its own in a clause: "adik saya", "dia", "my sister", "nia".
_SUBJECT = lx.rx(
    r"\b(?:saya|sy|aku|beta|sa|kami|katong|dia|de|mereka|dorang|ha'u|ami|nia|sira|i|me|we|us|she|he|her|him|they|them|"
    r"adik|ade|anak|kakak|kaka|tetangga|jiran|sepupu|my|our|his|their|alin|oan|maun|mana|nona|budak|labarik)\b"
)


def _generic(t: Text, pos: int) -> bool:
    """Said of people in general: in its own clause ("banyak perempuan disekap"), or in a clause with nobody of its
    own that goes on from one about people in general ("too many young women go to Malaysia and get abused").
    Worked out per clause and sentence, not per phrase (a long story may hold thousands)."""
    clause = t.clause(pos)
    if t.found_in(_GENERIC, clause):
        return True
    sentence = t.sentence(pos)
    if clause[0] <= sentence[0] or t.found_in(_SUBJECT, clause):
        return False
    return any(a < clause[0] for a, _ in t.spans_in(_GENERIC, sentence))


def _events(code: str, pattern: re.Pattern[str], t: Text) -> Iterable[TextSignal]:
    """A harm or a situation: with its tense, and whether it is hypothetical or said of people in general."""
    return _enough(
        _signal(
            code,
            t,
            m.start(),
            m.end(),
            past=is_past(t, m.start()),
            conditional=is_conditional(t, m.start()),
            generic=_generic(t, m.start()),
        )
        for m in pattern.finditer(t.norm)
        if not negated(t, m.start())
    )


def _departures(t: Text, places: tuple[PlaceMention, ...]) -> Iterable[TextSignal]:
    """Someone moved: within 24 hours or a week (a time word near a word of moving or a route place), or already
    gone (said as done, or with a time word of the last day)."""
    norm = t.norm
    moves = [
        (m.start(), m.end())
        for m in MOVE.finditer(norm)
        if not negated(t, m.start(), departure=True) and not _street(t, m)
    ]
    # A route place is where someone goes when it is not where they come back from.
    route = [
        (p.start, p.end)
        for p in places
        if (p.kind != "regency" or p.region != "ntt") and not _FROM.search(norm[max(0, p.start - 12) : p.start])
    ]
    done = [(m.start(), m.end()) for m in DEPARTED.finditer(norm) if not negated(t, m.start(), departure=True)]

    def near(m: re.Match[str], cues: list[tuple[int, int]], starts: list[int]) -> tuple[int, int] | None:
        """The closest cue within twelve words in the same sentence. ``cues`` are sorted: read outwards from the
        time word and stop once they are too far (a cue is at most a few words long), so a story with a thousand
        cues is not read a thousand times."""
        s, e = t.sentence(m.start())
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_right(starts, e)
        i = bisect.bisect_left(starts, m.start())
        close = []
        for j in range(i, min(hi, i + _NEAR_CUES)):
            c = cues[j]
            if t.words_between(*((m.end(), c[0]) if c[0] >= m.end() else (c[1], m.start()))) <= 12:
                close.append(c)
            elif c[0] >= m.end():
                break  # further cues are further away
        for j in range(i - 1, max(lo, i - _NEAR_CUES) - 1, -1):
            c = cues[j]
            if t.words_between(c[1], m.start()) <= 12:
                close.append(c)
            elif t.words_between(c[0], m.start()) > 12 + _LONGEST_CUE:
                break
        return min(close, key=lambda c: abs(c[0] - m.start())) if close else None

    def already(m: re.Match[str], cue: tuple[int, int]) -> bool:
        """The move near a time word has happened: "hari ini sudah berangkat", "left this morning". A bare
        "hari ini dia dibawa" says nothing of tense: read as still to come."""
        if not lx.TODAY_EITHER.fullmatch(norm[m.start() : m.end()]):
            return False  # "besok", "tonight": still to come
        clause = t.clause(cue[0])
        if is_future(t, cue[0]) or t.found_in(lx.FUTURE, clause):
            return False
        lo, hi = min(m.start(), cue[0]), max(m.end(), cue[1])
        window = norm[max(0, lo - 20) : hi + 20]
        return (
            t.found_in(lx.PERFECT, clause) or bool(_EN_PAST.search(window)) or t.found_in(lx.RECENT, t.sentence(cue[0]))
        )

    found_recent = _Spans()
    cues = sorted(moves + route)
    cue_starts = [c[0] for c in cues]
    move_starts = [c[0] for c in moves]
    for code, pattern in (("departure_today", lx.TODAY), ("departure_this_week", lx.THIS_WEEK)):
        for m in pattern.finditer(norm):
            if negated(t, m.start(), departure=True) or _habitual(t, m) or _dating(t, m):
                continue
            # "hari ini saya pulang dengan selamat" is a homecoming; only its own clause can say so.
            if t.found_in(lx.RESOLVED, t.clause(m.start())):
                continue
            cue = near(m, cues, cue_starts)
            if cue is None:
                continue
            lo, hi = min(m.start(), cue[0]), max(m.end(), cue[1])
            if already(m, cue):
                found_recent.add(lo, hi)
                yield _signal("departed", t, lo, hi, recent=True)
            else:
                yield _signal(code, t, lo, hi)
    # A move more than a week away ("nak bawa budak tu tahun depan"): nobody is under way yet.
    for m in lx.LATER.finditer(norm):
        cue = near(m, moves, move_starts)
        if cue is not None and not negated(t, m.start(), departure=True):
            yield _signal("departure_later", t, min(m.start(), cue[0]), max(m.end(), cue[1]))
    for m in lx.RECENT.finditer(norm):
        cue = near(m, moves, move_starts)
        if cue is None or is_future(t, cue[0]) or negated(t, cue[0], departure=True):
            continue
        lo, hi = min(m.start(), cue[0]), max(m.end(), cue[1])
        if found_recent.overlaps(lo, hi):
            continue
        found_recent.add(lo, hi)
        yield _signal("departed", t, lo, hi, recent=True)
    for d in done:
        start, _ = t.clause(d[0])
        if lx.FUTURE.search(norm[start : d[1]]) or found_recent.holds(d[0]):
            continue
        yield _signal("departed", t, d[0], d[1], past=sentence_has_past(t, d[0]))


# Words in the longest cue (a place name like "Pelabuhan Tenau Kupang", a move like "picked up").
_LONGEST_CUE = 6
# Cues looked at on each side of a time word: at most two cues start at one word (a word of moving and a place),
# so no more than 26 can be within twelve words.
_NEAR_CUES = 30


class _Spans:
    """Stretches of text already read as a recent departure, found by position (a story may hold thousands)."""

    # Longer than any time word, twelve words and a cue together.
    _LONGEST = 400

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, lo: int, hi: int) -> None:
        bisect.insort(self.spans, (lo, hi))

    def _near(self, lo: int, hi: int) -> list[tuple[int, int]]:
        i = bisect.bisect_left(self.spans, (lo - self._LONGEST, -1))
        j = bisect.bisect_right(self.spans, (hi, hi + self._LONGEST))
        return self.spans[i:j]

    def overlaps(self, lo: int, hi: int) -> bool:
        return any(a <= lo < b or a < hi <= b for a, b in self._near(lo, hi))

    def holds(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._near(pos, pos))


_FROM = lx.rx(r"\b(?:dari|from|asal|husi)\s*$")
# "Tiap hari Selasa", "every Saturday", "kada sábadu": a day that comes back every week is a pattern, not a date.
_EVERY = lx.wordset("tiap setiap saban every each kada sempre biasanya usually selalu always tuap")
# "today is Wednesday", "hari ini hari Rabu", "hari ini tgl 5": the reporter dating the message, not a move.
_DATE_STATEMENT = lx.rx(
    r"\s*(?:is|ini|adalah|ni|ne'e|=|:)?\s*(?:hari|loron|day)?\s*(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|"
    r"isnin|khamis|jumaat|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|segunda|tersa|kuarta|kinta|"
    r"sesta|s[aá]badu|domingu|tgl|tanggal|the\s+\d|\d{1,2}(?:st|nd|rd|th)?\b)"
)


def _dating(t: Text, m: re.Match[str]) -> bool:
    """ "today is Wednesday", "hari ini hari Rabu", "ohin loron kuarta": today named to date the message."""
    return bool(lx.TODAY_EITHER.fullmatch(m.group())) and bool(_DATE_STATEMENT.match(t.norm, m.end()))


def _habitual(t: Text, m: re.Match[str]) -> bool:
    """A day or time that recurs: "tiap hari Selasa", "every Saturday", "on Saturdays", "kada sábadu"."""
    before = t.words_before(m.start(), 2)
    return any(w in _EVERY for w in before) or t.norm[m.end() : m.end() + 1] == "s"


_ON_THE_STREET = lx.rx(r"\b(?:di|kat|dekat|at|in|on|tepi|pinggir|sepanjang|seberang|binaan|iha)\s*$")


def _street(t: Text, m: re.Match[str]) -> bool:
    """ "Jalan Apas", "di jalan": a street, not someone leaving ("jalan" is also "to go" in Kupang Malay)."""
    if m.group() != "jalan":
        return False
    capital = t.original[m.start()] == "J" and m.start() > 0 and t.original[: m.start()].rstrip()[-1:] not in ".!?\n"
    return capital or bool(_ON_THE_STREET.search(t.norm[max(0, m.start() - 15) : m.start()]))


_EN_PAST = lx.rx(r"\b(?:left|went|took|was|were|gone|departed|sailed|flew|crossed)\b")


def _away_now(t: Text, places: tuple[PlaceMention, ...]) -> Iterable[TextSignal]:
    """Someone is away from home now: working or staying at a place outside NTT ("kerja di Malaysia",
    "servisu hela iha Batam"), not offered a job there ("ditawari kerja di Surabaya")."""
    away = [p for p in places if p.region != "ntt"]
    away_starts = [p.start for p in away]
    for m in AWAY_NOW.finditer(t.norm):
        if negated(t, m.start()) or is_future(t, m.start()) or _planned(t, m.start()):
            continue
        before = [w.strip("'") for w in t.words_before(m.start(), 2)]
        if any(w.startswith(_OFFER_PREFIXES) or w in _OFFER_WORDS for w in before):
            continue
        s, e = t.sentence(m.start())
        # The first place after the words (places come in order of appearance).
        i = bisect.bisect_left(away_starts, m.end())
        if i < len(away):
            p = away[i]
            if s <= p.start <= e and p.start - m.end() <= 60:
                yield _signal("away_now", t, m.start(), p.end, past=is_past(t, m.start()))
    # Days at someone else's place, wherever it is: "sudah 3 hari di rumah seorang ibu di Kupang"; living at an
    # employer's house.
    for m in (*STAYING_AWAY.finditer(t.norm), *AT_AN_EMPLOYERS.finditer(t.norm)):
        if not negated(t, m.start()) and not is_future(t, m.start()):
            yield _signal("away_now", t, m.start(), m.end(), past=is_past(t, m.start()))


def _planned(t: Text, pos: int) -> bool:
    """The sentence is about a move still to come: someone will go ("nak datang Malaysia", "atu ba Dili", "plans to
    go") or a time more than a week away ("bulan depan", "next year"), and nothing in ``pos``'s own clause says it
    is so now ("sekarang", "masih", "now")."""
    sentence = t.sentence(pos)
    if t.found_in(lx.PRESENT, t.clause(pos)):
        return False
    return t.found_in(lx.LATER, sentence) or any(a < pos for a, _ in t.spans_in(_WILL_GO, sentence))


_WILL_GO = lx.rx(
    r"\b(?:mau|mo|akan|hendak|nak|bakal|rencana(?:nya)?|will|going\s+to|gonna|plans?\s+to|planning\s+to|sei|atu|mahu|"
    r"ingin|pengen|want\w*\s+to|hakarak)\s+(?:[\w']+\s+)?(?:pergi|pigi|pi|berangkat|brangkat|datang|dtg|ke|merantau|"
    r"go|come|leave|travel|fly|move|ba|sai|bertolak|terbang|masuk)\b"
)


_OFFER_PREFIXES = (
    "tawar",
    "ditawar",
    "janji",
    "dijanji",
    "rekrut",
    "direkrut",
    "offer",
    "promis",
    "promes",
    "promet",
    "oferta",
    "ofere",
)
# An offer or a purpose, not where someone is: "cari budak untuk kerja kat Sandakan", "katanya kerja di cafe".
_OFFER_WORDS = lx.wordset(
    "cari lowongan iklan mau ingin akan nak mahu atu sei job untuk utk to para katanya kononnya dehan"
)


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
            yield replace(_signal(code, t, m.start(), m.end()), past=is_past(t, m.start()))
    for pattern in (DOC_WITH, DOC_OWNER):
        for sig in _simple("documents_held", pattern, t):
            yield replace(sig, past=is_past(t, sig.start))


def _child_ages(t: Text) -> Iterable[TextSignal]:
    norm = t.norm
    seen: set[int] = set()

    def emit(m: re.Match[str]) -> TextSignal:
        seen.add(m.start(1) if m.groups() else m.start())
        # "waktu umur 15", "when I was 15": the age at the time of an old story.
        at_the_time = bool(lx.AT_THE_TIME.search(" ".join(t.words_before(m.start(), 3))))
        return _signal("child_age_in_text", t, m.start(), m.end(), past=at_the_time)

    def is_child(m: re.Match[str], low: int = 1) -> bool:
        age = _to_int(m.group(1))
        return age is not None and low <= age < 18 and m.start(1) not in seen and not negated(t, m.start())

    for pattern in (AGE_LABELLED, AGE_EN, AGE_IS, AGE_OF, AGE_PERSON, AGE_APPOSITION):
        for m in pattern.finditer(norm):
            if is_child(m):
                yield emit(m)
    for m in AGE_TINAN.finditer(norm):
        if is_child(m, 5) and not set(t.words_before(m.start(), 1)) & TINAN_DURATION_BEFORE:
            yield emit(m)
    for m in AGE_BRACKETS.finditer(norm):
        # "(17)" right after a person: "Anak saya (17)".
        if is_child(m, 5) and t.words_before(m.start(), 1):
            yield emit(m)
    for m in AGE_YEARS.finditer(norm):
        if not is_child(m, 5):
            continue
        before = lx.WORDS.findall(norm[max(0, m.start() - 30) : m.start()])[-2:]
        if any(w in DURATION_BEFORE for w in before) or DURATION_AFTER.match(norm[m.end() : m.end() + 20]):
            continue
        yield emit(m)
    for m in CHILD_WORDS.finditer(norm):
        if not negated(t, m.start()) and not _adult_age_near(t, m.start(), m.end()):
            sig = emit(m)
            # "budak-budak", "children", "anak-anak" with no count: children in general unless the tip points at a
            # case ("ada kapal bawa budak-budak", heard from a friend, is about people in general).
            counted = _COUNT_BEFORE.search(norm[max(0, m.start() - 20) : m.start()])
            yield replace(sig, generic=bool(_PLURAL_CHILDREN.fullmatch(m.group())) and not counted)


def _adult_age_near(t: Text, start: int, end: int) -> bool:
    """An age of 18 or more right next to a child word, in its clause: "budak umur 19 tahun", "remaja 20 thn", "a
    19-year-old teenager" (a grown-up, whatever the word)."""
    lo, hi = t.clause(start)
    window = (max(lo, start - 30), min(hi, end + 30))
    return any(a < window[1] and b > window[0] for a, b in t.spans_in(ADULT_AGE, (lo, hi)))


_PLURAL_CHILDREN = lx.rx(
    r"(?:budak-budak|anak-anak|kanak-kanak|children|kids|minors|remaja|bocah-bocah|labarik\s+sira|schoolgirls|"
    r"schoolboys|teenagers|siswi|siswa|murid|pelajar|estudante)"
)
_COUNT_BEFORE = lx.rx(
    r"\b(?:\d+|dua|tiga|empat|lima|enam|tujuh|lapan|delapan|sembilan|sepuluh|beberapa|some|two|three|four|five|six|"
    r"several|the|these|those|my|our|his|her|their|his|rua|tolu|haat|lima|na'in\s+\w+)\s+(?:[\w']+\s+)?$"
)


def _exploitation(t: Text) -> Iterable[TextSignal]:
    sexual = [(m.start(), m.end()) for m in SEXUAL.finditer(t.norm) if not negated(t, m.start())]
    sexual_starts = [a for a, _ in sexual]
    for sig in _events("exploitation_in_text", EXPLOITATION, t):
        s, e = t.sentence(sig.start)
        i = bisect.bisect_left(sexual_starts, s)
        yield replace(sig, sexual=i < len(sexual_starts) and sexual_starts[i] <= e)
    # Sexual exploitation named without a word of force ("kerja di karaoke", "layani tamu").
    for a, b in sexual:
        yield replace(_signal("exploitation_in_text", t, a, b, sexual=True), past=is_past(t, a))


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
    yield from _simple("person_in_text", PERSON, t)
    for m in TITLED_NAME.finditer(t.original):
        yield _signal("person_in_text", t, m.start(), m.end())


def forget_texts() -> None:
    """Drop every text kept for scoring (call when a tip has been filed or re-scored)."""
    find_signals.cache_clear()
    places_in.cache_clear()
    text_of.cache_clear()


@lru_cache(maxsize=32)
def places_in(text: str) -> tuple[PlaceMention, ...]:
    """The places named in one text, found once for scoring and once for the tip's link keys (``entities``): the
    look-up of every word against place names is the dearest part of reading a long story."""
    return tuple(find_places(text))


@lru_cache(maxsize=32)
def find_signals(text: str) -> TextFindings:
    """Every signal in one piece of free text, in order of appearance, with the places named in it. Cached for
    the few texts of one tip (a re-score reads the same story before and after the reporter's new message); the
    filing and re-score paths empty the cache when they are done (``forget_texts``), so reporters' words do not
    linger in memory."""
    if not text or not text.strip():
        return TextFindings((), ())
    t = text_of(text)
    places = places_in(text)
    found: list[TextSignal] = []
    # A cry in a sentence that says it is over ("polis selamatkan dia ... dah selamat") is the story of a rescue.
    found += (replace(s, past=_resolved_sentence(t, s.start)) for s in _simple("danger_in_text", DANGER, t))
    found += _events("danger_in_text", ILLNESS, t)
    found += _events("danger_in_text", DISTRESS, t)
    found += _events("danger_in_text", SHIPWRECK, t)
    found += _departures(t, places)
    found += _away_now(t, places)
    found += _events("taken_by_force", FORCE, t)
    found += _events("violence_in_text", VIOLENCE, t)
    # A threat spelt out as "if she runs away, ..." is a threat, not a hypothetical.
    found += (replace(s, past=is_past(t, s.start)) for s in _simple("violence_in_text", THREAT, t))
    found += (s for s in _events("confinement_in_text", CONFINEMENT, t) if not _for_want_of(t, s) and _one_clause(t, s))
    found += _child_ages(t)
    found += _documents(t)
    found += _events("debt_bondage", DEBT, t)
    found += _events("unpaid_wages", UNPAID, t)
    found += _exploitation(t)
    found += _events("holding_house", HOLDING_HOUSE, t)
    # "a legal agency", "agen resmi", "ajente legál": a recruiter said to be legal is no sign of illegal recruitment.
    found += (s for s in _simple("illegal_recruitment", RECRUITMENT, t) if not _legal(t, s))
    found += _people(t)
    for pattern in (lx.TIME_ANY, lx.TODAY, lx.THIS_WEEK, lx.RECENT):
        found += _simple("time_in_text", pattern, t)
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
