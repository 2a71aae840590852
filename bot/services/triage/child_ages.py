"""A child in text: an age under 18 however written ("umur 15", "16 thn", "tinan 16", "(17)", "she is 16"), or a
child word ("anak di bawah umur", "budak sekolah", "labarik") with no grown-up's age next to it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

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
from bot.services.triage.tense import Text, negated
from bot.services.triage.text_signal import TextSignal, signal_at


def _to_int(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    return lx.NUMBER_WORDS.get(" ".join(token.split()))


def child_ages(t: Text) -> Iterable[TextSignal]:
    norm = t.norm
    seen: set[int] = set()

    def emit(m: re.Match[str]) -> TextSignal:
        seen.add(m.start(1) if m.groups() else m.start())
        # "waktu umur 15", "when I was 15": the age at the time of an old story.
        at_the_time = bool(lx.AT_THE_TIME.search(" ".join(t.words_before(m.start(), 3))))
        return signal_at("child_age_in_text", t, m.start(), m.end(), past=at_the_time)

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
