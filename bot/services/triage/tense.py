"""Where a phrase stands in its text: its clause and sentence, whether it is denied, and whether what it says is
over, just happened, or is still to come.

When a rule is unsure it reads the text as "happening now": a missed urgent tip costs more than a false alarm.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from bot.services.triage import lexicon as lx

_REDUPLICATED = re.compile(r"(?<=[^\W\d_]{2})2(?![\w])")


def normalise(text: str) -> str:
    """Lower case with the same length as ``text``, so that offsets point into the original. "luka2", "nona2"
    (written reduplication) read as the word itself."""
    text = _REDUPLICATED.sub(" ", text)
    out = []
    for c in text:
        low = c.lower()
        if c in "’‘`´":
            low = "'"
        elif c in "\u00a0\u2009\u202f":
            low = " "
        out.append(low if len(low) == 1 else c)
    return "".join(out)


@dataclass
class Text:
    """One piece of free text with its lower-cased twin and its sentence and clause boundaries."""

    original: str
    norm: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.norm = normalise(self.original)
        pos = 0
        for m in lx.SENTENCE_BREAK.finditer(self.norm):
            self.sentences.append((pos, m.start()))
            pos = m.end()
        self.sentences.append((pos, len(self.norm)))
        self.breaks = [(m.start(), m.end()) for m in lx.CLAUSE_BREAK.finditer(self.norm)]
        self._starts = [s for s, _ in self.breaks]
        self._ends = [e for _, e in self.breaks]

    def sentence(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos <= e:
                return s, e
        return 0, len(self.norm)

    def clause(self, pos: int) -> tuple[int, int]:
        # The last break ending at or before ``pos`` opens the clause; the first starting at or after it closes it.
        i = bisect.bisect_right(self._ends, pos)
        start = self._ends[i - 1] if i else 0
        j = bisect.bisect_left(self._starts, pos)
        end = self._starts[j] if j < len(self._starts) else len(self.norm)
        return start, end

    def words_before(self, pos: int, limit: int = 5) -> list[str]:
        """The last words of ``pos``'s clause before ``pos``."""
        start, _ = self.clause(pos)
        return lx.WORDS.findall(self.norm[start:pos])[-limit:]

    def clause_text(self, pos: int) -> str:
        return self.norm[slice(*self.clause(pos))]

    def sentence_text(self, pos: int) -> str:
        return self.norm[slice(*self.sentence(pos))]


@lru_cache(maxsize=32)
def text_of(text: str) -> Text:
    """The same text analysed once for signals and once for framing."""
    return Text(text)


def negated(text: Text, start: int, *, departure: bool = False) -> bool:
    """A negator among the three words before ``start`` in its clause ("tidak dipukul", "sonde ada yang pukul",
    "la baku"), unless a purpose word comes before it ("supaya dia tidak dibawa")."""
    words = text.words_before(start)
    for i in range(max(0, len(words) - 3), len(words)):
        w = words[i]
        # Tetun "no" is "and": only "no one" denies.
        if w == "no" and words[i + 1 : i + 2] != ["one"]:
            continue
        # "orang tdk dikenal paksa dia naik": the negator denies "dikenal", not what follows it.
        if any(between not in _BRIDGE for between in words[i + 1 :]):
            continue
        if w in lx.NEGATORS and not (departure and w in lx.NOT_YET):
            if any(p in lx.PURPOSE for p in words[:i]):
                continue
            return True
    return False


# Words that may stand between a negator and what it denies: "sonde ada yang pukul", "tidak pernah dipukul",
# "no one hit her", "la iha ema baku".
_BRIDGE = lx.wordset(
    """
    ada yang yg pernah prnah pernh di sampai sampe juga lagi jadi sama one body kena dapa dapat ever been being was is
    were are be hetan iha ema sira dia de dong mereka they she he her him it the a an kasi kasih dikasih boleh bisa
    akan mau will would can could did does do has have had ever punya pung got any
    """
)


def _formerly(span: str) -> bool:
    """ "dulu"/"uluk" meaning "long ago": it opens its clause or comes before a person or "pernah"/"tahun"."""
    for m in lx.FORMERLY.finditer(span):
        before = lx.WORDS.findall(span[: m.start()])
        after = lx.WORDS.findall(span[m.end() :])[:1]
        if len(before) <= 2 or (after and after[0] in _AFTER_FORMERLY):
            return True
    return False


_AFTER_FORMERLY = lx.wordset(
    """
    pernah prnah tahun thn waktu saya sy beta sa aku kami dia de dong mereka ha'u ami nia sira i my he she we they
    dipukul dikurung dibawa kerja bekerja servisu hetan
    """
)


_SINCE = lx.rx(r"\b(?:sejak|semenjak|since|desde|dezde|dari)\s*$")
_NEVER = lx.rx(r"\b(?:tidak|tdk|tak|belum|blm|ga|gak|nggak|sonde|never|not|nunka|la)\s*$")


def has_past(span: str) -> bool:
    """A word of long ago in ``span``; "sejak bulan lalu" / "since last month" is still going on."""
    for m in lx.PAST.finditer(span):
        before = span[max(0, m.start() - 12) : m.start()]
        if m.group().startswith(("pernah", "prnah", "pernh", "prnh")):
            # "tak pernah dapat cuti" is "never", not "once, long ago".
            if not _NEVER.search(before):
                return True
        elif not _SINCE.search(before):
            return True
    return _formerly(span)


def is_resolved(span: str) -> bool:
    return bool(lx.RESOLVED.search(span))


def is_past(text: Text, pos: int) -> bool:
    """Whether what is said at ``pos`` is over. Unsure means not over."""
    clause = text.clause_text(pos)
    if lx.RESOLVED.search(clause):
        return True
    if lx.PRESENT.search(clause):
        return False
    if has_past(clause):
        return True
    sentence = text.sentence_text(pos)
    if lx.RESOLVED.search(sentence):
        return True
    return has_past(sentence) and not lx.PRESENT.search(sentence)


def is_future(text: Text, pos: int) -> bool:
    """An intention in the clause before ``pos`` ("mau dibawa", "will leave", "sei lori")."""
    start, _ = text.clause(pos)
    return bool(lx.FUTURE.search(text.norm[start:pos]))


def is_conditional(text: Text, pos: int) -> bool:
    """Said of a case that may not exist: "kalau ada anak dikurung", "if a child is taken"."""
    start, _ = text.clause(pos)
    s_start, _ = text.sentence(pos)
    # The conditional may open the sentence with the event in a later clause: "if she runs away, they..." is a
    # threat, so only the event's own clause counts, or the clause right before it in a question.
    return bool(lx.CONDITIONAL.search(text.norm[start:pos])) or (
        "?" in text.original[s_start : text.sentence(pos)[1] + 1]
        and bool(lx.CONDITIONAL.search(text.norm[s_start:pos]))
    )
