"""What makes triage fast on long stories must not change what it finds (speed itself: bench/bench_triage.py).

- Patterns are compiled for lower-cased text, case-sensitively, and a leading "\\b(?:" is compiled as "a word starts
  here": on any text they match exactly what the case-insensitive "\\b" pattern matched.
- Clauses and sentences longer than anyone writes are cut at a space, and one kind of signal is read at most
  ``ENOUGH`` times once one of them is going on now: a story of 20,000 characters is still read to its end for
  what is urgent.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.triage import (
    Priority,
    TipFacts,
    child_ages,
    departures,
    framing,
    lexicon,
    score_tip,
    signals,
    text_signal,
)
from bot.services.triage.lexicon import WORD_START
from bot.services.triage.patterns import children, exploitation, harm, movement, people, recruitment
from bot.services.triage.signals import find_signals, forget_texts
from bot.services.triage.tense import MAX_CLAUSE, MAX_SENTENCE, Text, normalise
from bot.services.triage.text_signal import ENOUGH

# TITLED_NAME reads the original text on purpose: a capital letter is what makes "Om Yos" a name.
_ON_ORIGINAL_TEXT = {"TITLED_NAME"}


def _patterns() -> dict[str, re.Pattern[str]]:
    found = {}
    seen: set[int] = set()
    patterns = (harm, movement, exploitation, children, recruitment, people)
    # The pattern modules come first: a pattern imported by name into a finder is the same object, checked once under
    # the name of the module that compiles it.
    for module in (lexicon, *patterns, framing, signals, text_signal, departures, child_ages):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and name not in _ON_ORIGINAL_TEXT and id(value) not in seen:
                seen.add(id(value))
                found[f"{module.__name__}.{name}"] = value
    return found


def test_patterns_for_lower_cased_text_hold_no_capital_letter():
    for name, pattern in _patterns().items():
        literal = re.sub(r"\\.", "", pattern.pattern)  # \S, \W, \D, \B are classes, not letters
        assert not any(c.isupper() for c in literal), name
        assert not pattern.flags & re.IGNORECASE, name


WORDS = sorted(
    {w for p in _patterns().values() for w in re.findall(r"[a-z']{2,}", re.sub(r"\\.", " ", p.pattern)) if len(w) <= 12}
)
_piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(["di", "me", "ter", "kena", "nya", "kan", "2", "15", "tahun", "!", "?", ".", ",", "'", "(", ")"]),
    st.text(alphabet="abcdeiklmnoprstuİ’ -\n", max_size=6),
)
_text = st.lists(_piece, max_size=40).map(lambda parts: " ".join(parts))
_joined = st.lists(_piece, max_size=20).map(lambda parts: "".join(parts))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_text, _joined))
def test_compiled_patterns_match_what_the_case_insensitive_ones_matched(text):
    norm = normalise(text)
    for name, pattern in _patterns().items():
        source = pattern.pattern
        if source.startswith(WORD_START):
            source = r"\b" + source[len(WORD_START) :]
        before = re.compile(source, re.IGNORECASE)
        assert [m.span() for m in pattern.finditer(norm)] == [m.span() for m in before.finditer(norm)], name


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_lower_casing_keeps_every_offset(text):
    assert len(normalise(text)) == len(text)


def test_a_story_without_punctuation_is_cut_into_clauses_and_sentences_of_readable_length():
    story = " ".join(["beta pung ade nona dong bawa pi kupang"] * 400)
    t = Text(story)
    assert max(e - s for s, e in t.sentences) <= MAX_SENTENCE
    starts = [0] + [e for _, e in t.breaks]
    ends = [s for s, _ in t.breaks] + [len(story)]
    assert max(e - s for s, e in zip(starts, ends, strict=True)) <= MAX_CLAUSE
    # A word longer than a clause is cut too, and nothing is lost: every offset is in some sentence.
    t = Text("x" * 5000)
    assert t.sentences[0][0] == 0 and t.sentences[-1][1] == 5000


def _long(filler: str, ending: str) -> TipFacts:
    repeat = (20_000 - len(ending)) // len(filler)
    return TipFacts(narrative=filler * repeat + ending)


def test_the_end_of_a_story_of_20000_characters_is_still_read():
    forget_texts()
    story = _long(
        "Kami tinggal di kampung dan bekerja di kebun jagung setiap hari. ", "Tadi malam dia dipukul majikan."
    )
    assert len(story.narrative) <= 20_000
    result = score_tip(story)
    assert result.priority == Priority.P1 and "violence_in_text" in result.codes


def test_many_repeats_of_what_is_over_do_not_hide_what_is_going_on_now():
    """Past and denied harm repeated far more than ``ENOUGH`` times, then one that is happening now."""
    forget_texts()
    facts = _long("Dulu tahun 2019 dia pernah dipukul. Dia tidak dikurung. ", "Sekarang dia dikurung di mess.")
    assert facts.narrative.count("dipukul") > ENOUGH
    result = score_tip(facts)
    assert result.priority == Priority.P1 and "confinement_in_text" in result.codes


def test_repeats_beyond_enough_are_not_all_read_but_the_reasons_stay():
    forget_texts()
    found = find_signals("dipukul " * 2000)
    violence = [s for s in found.signals if s.code == "violence_in_text"]
    assert ENOUGH <= len(violence) < 2000
    assert score_tip(TipFacts(narrative="dipukul " * 2000)).priority == Priority.P1
