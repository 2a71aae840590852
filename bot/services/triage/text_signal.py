"""What a signal is (``TextSignal``, ``TextFindings``) and how a pattern's matches become signals: with their
tense, whether they are hypothetical, and whether they are said of people in general. Used by every signal finder
(``signals``, ``departures``, ``child_ages``) and by the rules that read signals (``framing``, ``scoring``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.services.places import PlaceMention
from bot.services.triage import lexicon as lx
from bot.services.triage.tense import Text, is_conditional, is_past, negated


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


def signal_at(code: str, t: Text, start: int, end: int, **flags: bool) -> TextSignal:
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


def simple_signals(code: str, pattern: re.Pattern[str], t: Text) -> Iterable[TextSignal]:
    if pattern.search(t.norm) is None:
        return ()  # most patterns find nothing in a text: one search in C, no generators to set up
    return _enough(
        signal_at(code, t, m.start(), m.end()) for m in pattern.finditer(t.norm) if not negated(t, m.start())
    )


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


def event_signals(code: str, pattern: re.Pattern[str], t: Text) -> Iterable[TextSignal]:
    """A harm or a situation: with its tense, and whether it is hypothetical or said of people in general."""
    if pattern.search(t.norm) is None:
        return ()
    return _enough(
        signal_at(
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
