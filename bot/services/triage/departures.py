"""Someone moved or away: leaving within 24 hours or a week, gone already or in the last day or so, leaving only
months from now, or working or staying away from home now."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from bot.services.places import PlaceMention
from bot.services.triage import lexicon as lx
from bot.services.triage.patterns.movement import AT_AN_EMPLOYERS, AWAY_NOW, DEPARTED, MOVE, STAYING_AWAY
from bot.services.triage.tense import Text, is_future, is_past, negated, sentence_has_past
from bot.services.triage.text_signal import TextSignal, signal_at


def departures(t: Text, places: tuple[PlaceMention, ...]) -> Iterable[TextSignal]:
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
                yield signal_at("departed", t, lo, hi, recent=True)
            else:
                yield signal_at(code, t, lo, hi)
    # A move more than a week away ("nak bawa budak tu tahun depan"): nobody is under way yet.
    for m in lx.LATER.finditer(norm):
        cue = near(m, moves, move_starts)
        if cue is not None and not negated(t, m.start(), departure=True):
            yield signal_at("departure_later", t, min(m.start(), cue[0]), max(m.end(), cue[1]))
    for m in lx.RECENT.finditer(norm):
        cue = near(m, moves, move_starts)
        if cue is None or is_future(t, cue[0]) or negated(t, cue[0], departure=True):
            continue
        lo, hi = min(m.start(), cue[0]), max(m.end(), cue[1])
        if found_recent.overlaps(lo, hi):
            continue
        found_recent.add(lo, hi)
        yield signal_at("departed", t, lo, hi, recent=True)
    for d in done:
        start, _ = t.clause(d[0])
        if lx.FUTURE.search(norm[start : d[1]]) or found_recent.holds(d[0]):
            continue
        yield signal_at("departed", t, d[0], d[1], past=sentence_has_past(t, d[0]))


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


def away_now(t: Text, places: tuple[PlaceMention, ...]) -> Iterable[TextSignal]:
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
                yield signal_at("away_now", t, m.start(), p.end, past=is_past(t, m.start()))
    # Days at someone else's place, wherever it is: "sudah 3 hari di rumah seorang ibu di Kupang"; living at an
    # employer's house.
    for m in (*STAYING_AWAY.finditer(t.norm), *AT_AN_EMPLOYERS.finditer(t.norm)):
        if not negated(t, m.start()) and not is_future(t, m.start()):
            yield signal_at("away_now", t, m.start(), m.end(), past=is_past(t, m.start()))


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
