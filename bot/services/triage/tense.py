"""Where a phrase stands in its text: its clause and sentence, whether it is denied, and whether what it says is
over, just happened, or is still to come.

When a rule is unsure it reads the text as "happening now": a missed urgent tip costs more than a false alarm.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.services.triage import lexicon as lx
from bot.services.triage.text_memo import text_memo

T = TypeVar("T")
_REDUPLICATED = re.compile(r"(?<=[^\W\d_]{2})2(?![\w])")


# Quotes and spaces people type, and "İ" (the one character that lowers to two: "i" and a dot above).
_QUOTES_AND_SPACES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "İ": "i"}
)


def normalise(text: str) -> str:
    """Lower case with the same length as ``text``, so that offsets point into the original. "luka2", "nona2"
    (written reduplication) read as the word itself."""
    text = _REDUPLICATED.sub(" ", text).translate(_QUOTES_AND_SPACES)
    low = text.lower()
    # Every character lowers to one (so offsets still point into the original); kept in case Unicode adds another
    # like "İ".
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# Longest clause and sentence read as one: text without punctuation (a run-on SMS, or 20,000 characters typed to
# jam the bot) is cut at a space so that what is read around each phrase stays small. Real clauses and sentences
# are far shorter (the longest in the evaluation sets: 124 and 165 characters).
MAX_CLAUSE = 300
MAX_SENTENCE = 600


def _cut(norm: str, start: int, end: int, limit: int) -> list[int]:
    """Where to cut ``norm[start:end]`` into pieces of at most ``limit`` characters: at a space, or anywhere in a
    word longer than the limit."""
    cuts = []
    while end - start > limit:
        k = norm.rfind(" ", start + 1, start + limit)
        k = k if k > start else start + limit
        cuts.append(k)
        start = k + 1
    return cuts


@dataclass
class Text:
    """One piece of free text with its lower-cased twin and its sentence and clause boundaries.

    What depends only on a clause or a sentence (is it over, a question, people in general...) is worked out once
    per clause (``once``), so a story with a thousand matches costs a thousand look-ups, not a thousand readings
    of its sentences."""

    original: str
    norm: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[tuple[int, int]] = field(default_factory=list)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)
    _word_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _word_ends: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.norm = norm = normalise(self.original)
        pos = 0
        cuts: list[int] = []
        ends = [(m.start(), m.end()) for m in lx.SENTENCE_BREAK.finditer(norm)] + [(len(norm), len(norm))]
        for brk_start, brk_end in ends:
            for k in _cut(norm, pos, brk_start, MAX_SENTENCE):
                self.sentences.append((pos, k))
                cuts.append(k)
                pos = k + 1
            self.sentences.append((pos, brk_start))
            pos = brk_end
        self._sentence_starts = [s for s, _ in self.sentences]
        breaks = [(m.start(), m.end()) for m in lx.CLAUSE_BREAK.finditer(norm)]
        if cuts:
            breaks = sorted(breaks + [(k, k + 1) for k in cuts])
        pos = 0
        for brk_start, brk_end in [*breaks, (len(norm), len(norm))]:
            for k in _cut(norm, pos, brk_start, MAX_CLAUSE):
                self.breaks.append((k, k + 1))
            if brk_start < len(norm) or brk_end > brk_start:
                self.breaks.append((brk_start, brk_end))
            pos = max(pos, brk_end)
        self._starts = [s for s, _ in self.breaks]
        self._ends = [e for _, e in self.breaks]

    def sentence(self, pos: int) -> tuple[int, int]:
        # The last sentence starting at or before ``pos``; a position in the break between two sentences belongs
        # to the one before (as it always has).
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i > 0 and pos <= self.sentences[i - 1][1]:
            i -= 1
        if i >= 0 and self.sentences[i][0] <= pos <= self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.norm)

    def clause(self, pos: int) -> tuple[int, int]:
        # The last break ending at or before ``pos`` opens the clause; the first starting at or after it closes it.
        i = bisect.bisect_right(self._ends, pos)
        start = self._ends[i - 1] if i else 0
        j = bisect.bisect_left(self._starts, pos)
        end = self._starts[j] if j < len(self._starts) else len(self.norm)
        return start, end

    def words_before(self, pos: int, limit: int = 5) -> list[str]:
        """The last words of ``pos``'s clause before ``pos`` (the same as ``lx.WORDS`` on the slice, read from the
        index of words instead)."""
        start, _ = self.clause(pos)
        if pos <= start:
            return []
        starts = self._index_words()
        first = bisect.bisect_right(self._word_ends, start)
        last = bisect.bisect_left(starts, pos)
        first = max(first, last - limit)
        return [
            self.norm[max(a, start) : min(b, pos)]
            for a, b in zip(starts[first:last], self._word_ends[first:last], strict=True)
        ]

    def word_start_before(self, pos: int, n: int) -> int | None:
        """Where the ``n``-th word before ``pos`` starts, if it is in ``pos``'s clause."""
        start, _ = self.clause(pos)
        starts = self._index_words()
        i = bisect.bisect_left(starts, pos) - n
        return starts[i] if i >= 0 and starts[i] >= start else None

    def _index_words(self) -> list[int]:
        """Where each word starts (``_word_ends`` where each ends), read once."""
        if self._word_starts is None:
            runs = [(m.start(), m.end()) for m in lx.WORDS.finditer(self.norm)]
            self._word_starts, self._word_ends = [s for s, _ in runs], [e for _, e in runs]
        return self._word_starts

    def words_between(self, a: int, b: int) -> int:
        """How many words (or pieces of words) ``norm[a:b]`` holds: the same as counting ``lx.WORDS`` in the slice,
        in two look-ups instead of a reading."""
        if b <= a:
            return 0
        return bisect.bisect_left(self._index_words(), b) - bisect.bisect_right(self._word_ends, a)

    def clause_text(self, pos: int) -> str:
        return self.norm[slice(*self.clause(pos))]

    def sentence_text(self, pos: int) -> str:
        return self.norm[slice(*self.sentence(pos))]

    def once(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()`` the first time ``key`` (a kind of question and a clause or sentence) is asked."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def spans_in(self, pattern: re.Pattern[str], bounds: tuple[int, int]) -> list[tuple[int, int]]:
        """Where ``pattern`` matches in the clause or sentence ``bounds``, in text offsets (once per clause)."""
        start, end = bounds

        def find() -> list[tuple[int, int]]:
            return [(start + m.start(), start + m.end()) for m in pattern.finditer(self.norm[start:end])]

        return self.once(("spans", pattern.pattern, bounds), find)

    def found_in(self, pattern: re.Pattern[str], bounds: tuple[int, int]) -> bool:
        """Whether ``pattern`` occurs in the clause or sentence ``bounds`` (once per clause)."""
        return self.once(("found", pattern.pattern, bounds), lambda: bool(pattern.search(self.norm[slice(*bounds)])))


@text_memo
def text_of(text: str) -> Text:
    """The same text analysed once for signals and once for framing."""
    return Text(text)


# "sonde ada yang pukul ato kunci dong", "not beaten or locked up": a negation reaches across "or".
_OR = lx.wordset("ato atau atawa or nor ka ou maupun mahupun ataupun")


def negated(text: Text, start: int, *, departure: bool = False, _depth: int = 0) -> bool:
    """A negator among the five words before ``start`` in its clause, with nothing but bridge words between
    ("tidak dipukul", "sonde ada yang pukul", "sonde liat ada yang pukul", "tak ada siapa pun pukul", "la iha ema
    ida baku"), unless a purpose word comes before it ("supaya dia tidak dibawa"); or the item of a list whose
    first item is denied ("tdk dipukul, dikurung atau diancam", "not beaten, locked up or threatened")."""
    words = text.words_before(start, 7)
    # Read back from ``start`` over bridge words to a negator. "orang tdk dikenal paksa dia naik": the negator
    # denies "dikenal", not what follows it.
    bridged = True
    for i in range(len(words) - 1, max(0, len(words) - 5) - 1, -1):
        w = words[i]
        if w in lx.NEGATORS:
            # Tetun "no" is "and": only "no one", "no sign of" deny.
            if w == "no" and words[i + 1 : i + 2] not in (["one"], ["sign"], ["signs"], ["evidence"]):
                bridged = False
                break
            if (departure and w in lx.NOT_YET) or any(p in lx.PURPOSE for p in words[:i]):
                bridged = False
                break
            return True
        if w not in _BRIDGE:
            bridged = False
            break
    if bridged and _depth < 2 and _denied_list(text, start, departure):
        return True
    if words and words[-1] in _OR and _depth < 2:
        # The item before "or" may be one word or a few ("dipukul atau dikurung", "locked up or threatened", "locked
        # her in or threatened her").
        for n in (2, 3, 4):
            before = text.word_start_before(start, n)
            if before is not None and negated(text, before, departure=departure, _depth=_depth + 1):
                return True
    return False


def _denied_list(text: Text, start: int, departure: bool) -> bool:
    """``start`` opens a list item after a comma, the list's first clause is short and denied, and the item is a
    list item: short, or with an "or" in it ("dikurung atau diancam", "locked up or threatened"). "tidak dipukul,
    tapi dikurung" is not a list ("tapi" opens a clause of its own)."""
    clause_start, clause_end = text.clause(start)
    if clause_start == 0 or text.norm[clause_start - 1] != ",":
        return False
    item = lx.WORDS.findall(text.norm[clause_start:clause_end])
    if not (len(item) <= 2 or (len(item) <= 6 and any(w in _OR for w in item))):
        return False
    first_start, _ = text.clause(clause_start - 1)
    first = lx.WORDS.findall(text.norm[first_start : clause_start - 1])
    if not first or len(first) > 7 or any(w in lx.PURPOSE for w in first):
        return False
    # A short first clause with a negator in it: "tdk dipukul", "nobody hit her", "la iha ema baku".
    return any(w in lx.NEGATORS and not (departure and w in lx.NOT_YET) and w != "no" for w in first) or (
        "no" in first and any(w in ("one", "sign", "signs", "evidence") for w in first)
    )


# Words that may stand between a negator and what it denies: "sonde ada yang pukul", "tidak pernah dipukul",
# "no one hit her", "la iha ema baku".
_BRIDGE = lx.wordset(
    """
    ada yang yg pernah prnah pernh di sampai sampe juga lagi jadi sama one body kena dapa dapat ever been being was is
    were are be hetan iha ema sira dia de dong mereka they she he her him it the a an kasi kasih dikasih boleh bisa
    akan mau will would can could did does do has have had ever punya pung got any
    nampak tampak nmpk lihat liat melihat tengok nengok see saw seen notice noticed hear heard dengar haree rona
    tanda sign signs of evidence bukti apa apa-apa
    orang org siapa siapapun sape sesiapa anyone anybody someone pun sekali sekalipun langsung really actually ida
    physically secara fisik fizikamente sama-sekali
    """
)
# "tak nampak kena dera", "sonde liat dong pukul", "no sign of abuse", "la haree ema baku": what was not seen is
# denied like what did not happen (perception words above).


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
    clause, sentence = text.clause(pos), text.sentence(pos)
    return text.once(
        ("past", clause, sentence), lambda: _is_past(text.norm[slice(*clause)], text.norm[slice(*sentence)])
    )


def sentence_has_past(text: Text, pos: int) -> bool:
    """A word of long ago in ``pos``'s sentence."""
    sentence = text.sentence(pos)
    return text.once(("has_past", sentence), lambda: has_past(text.norm[slice(*sentence)]))


def _is_past(clause: str, sentence: str) -> bool:
    if lx.RESOLVED.search(clause):
        return True
    if lx.PRESENT.search(clause):
        return False
    if has_past(clause):
        return True
    if lx.RESOLVED.search(sentence):
        return True
    return has_past(sentence) and not lx.PRESENT.search(sentence)


def _before(text: Text, pattern: re.Pattern[str], bounds: tuple[int, int], pos: int) -> bool:
    """``pattern`` occurs in ``bounds`` ending at or before ``pos``."""
    return any(end <= pos for _, end in text.spans_in(pattern, bounds))


def is_future(text: Text, pos: int) -> bool:
    """An intention in the clause before ``pos`` ("mau dibawa", "will leave", "sei lori")."""
    return _before(text, lx.FUTURE, text.clause(pos), pos)


def is_conditional(text: Text, pos: int) -> bool:
    """Said of a case that may not exist: "kalau ada anak dikurung", "if a child is taken"."""
    sentence = text.sentence(pos)
    # The conditional may open the sentence with the event in a later clause: "if she runs away, they..." is a
    # threat, so only the event's own clause counts, or the clause right before it in a question.
    if _before(text, lx.CONDITIONAL, text.clause(pos), pos):
        return True
    question = text.once(("question", sentence), lambda: "?" in text.original[sentence[0] : sentence[1] + 1])
    return question and _before(text, lx.CONDITIONAL, sentence, pos)
