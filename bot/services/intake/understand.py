"""What a typed message means at a question of the report: which button it stands for, or nothing.

People type instead of pressing ("tetangga", "sonde", "3 orang", "selesai"), in any of the languages of
``content/intake/answers.toml``. A message is taken as an answer only when it clearly is one; otherwise the
question is asked again with its buttons, and nothing is stored as an answer it is not. A message that says more
than the answer ("ya, dia dikurung di rumah agen") is an answer plus information: ``extra`` tells the caller to keep
the words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from bot.services.intake.draft import Step
from bot.services.intake.vocabulary import vocabulary
from bot.services.triage import lexicon as time_words

# What a step's typed answer may mean besides its button codes.
DONE = "done"
SEND = "send"
SKIP = "skip"
UNKNOWN = "unknown"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_WORDS = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_EMOJI_AND_MARKS = re.compile(r"[^\w\s'’‘`´-]")


def normalise(text: str) -> str:
    """Lower case, accents dropped, apostrophes made plain, punctuation and emoji gone, words single-spaced."""
    text = unicodedata.normalize("NFKD", (text or "").casefold().translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORDS.findall(text.replace("-", " ")))


def words(text: str) -> tuple[str, ...]:
    return tuple(normalise(text).split())


@dataclass(frozen=True)
class Understood:
    value: str | None  # the answer code; None: not understood
    extra: bool = False  # the message says more than the answer: keep the words too


NOT_UNDERSTOOD = Understood(None)


class Phrasebook:
    """Phrases (tuples of words) to answer codes; finds every phrase in a message, longest first."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._by_words: dict[tuple[str, ...], str] = {}
        for phrase, code in entries:
            key = words(phrase)
            if key:
                self._by_words.setdefault(key, code)
        self._longest = max((len(k) for k in self._by_words), default=0)

    def exact(self, tokens: tuple[str, ...]) -> str | None:
        return self._by_words.get(tokens)

    def find(self, tokens: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Non-overlapping matches as (start, length, code), scanning left to right, longest phrase first."""
        found = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                code = self._by_words.get(tokens[i : i + n])
                if code is not None:
                    found.append((i, n, code))
                    i += n
                    break
            else:
                i += 1
        return found


def _book(table: Mapping[str, Iterable[str]]) -> Phrasebook:
    return Phrasebook((phrase, code) for code, items in table.items() for phrase in items)


@cache
def _books() -> dict[str, Phrasebook]:
    v = vocabulary()
    yes_no = v.yes_no
    return {
        # "tidak tahu" before "tidak": the longest phrase is found first anyway; unknown wins a tie.
        "yes_no": _book({UNKNOWN: yes_no["unknown"], "no": yes_no["no"], "yes": yes_no["yes"]}),
        "danger": _book(v.danger),
        "category": _book(v.category),
        "relation": _book(v.relation),
        "when": _book(v.when),
        "done": _book({DONE: v.done}),
        "send": _book({SEND: v.send}),
        "skip": _book({SKIP: v.skip}),
        "unknown": _book({UNKNOWN: yes_no["unknown"]}),
        "not_answers": _book({"-": v.not_answers}),
        "people": _book({"6+": v.many, "1": v.alone}),
    }


def _labelled(text: str, labels: Mapping[str, str]) -> str | None:
    """A button's label typed (or copied) as it is, in any language."""
    return labels.get(normalise(text)) if labels else None


def is_not_an_answer(text: str) -> bool:
    """A greeting, thanks or a test ("halo", "ok", "makasih"): it answers no question."""
    return _books()["not_answers"].exact(words(text)) is not None


def is_dont_know(text: str) -> bool:
    return _books()["unknown"].exact(words(text)) is not None


def is_skip(text: str) -> bool:
    return _books()["skip"].exact(words(text)) is not None


def yes_no(text: str) -> Understood:
    """Yes / no / unknown ("iyo", "sonde", "la hatene", "tidak tahu"), answered in the message's first words."""
    tokens = words(text)
    if not tokens:
        return NOT_UNDERSTOOD
    matches = _books()["yes_no"].find(tokens)
    if not matches:
        return NOT_UNDERSTOOD
    start, length, code = matches[0]
    # "tidak tahu" anywhere says unknown; yes or no must open the message ("ya, dia dikurung ...").
    unknown = next((m for m in matches if m[2] == UNKNOWN), None)
    if unknown is not None:
        start, length, code = unknown
    elif start > 1:
        return NOT_UNDERSTOOD
    return Understood(code, extra=len(tokens) > start + length + 0 and _has_content(tokens, start, length))


def _has_content(tokens: tuple[str, ...], start: int, length: int) -> bool:
    """Words beyond the answer and a filler or two ("ya", "ya pak", "iya betul" say nothing more)."""
    rest = [t for i, t in enumerate(tokens) if not (start <= i < start + length)]
    fillers = {"pak", "bu", "kak", "om", "sudah", "su", "dong", "ya", "betul", "benar", "saja", "sa", "deit", "lah"}
    return len([t for t in rest if t not in fillers]) >= 2


def danger(text: str, labels: Mapping[str, str] = {}) -> Understood:
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    answer = yes_no(text)
    if answer.value is not None:
        return answer
    tokens = words(text)
    matches = _books()["danger"].find(tokens)
    if len({code for _, _, code in matches}) == 1:
        return Understood(matches[0][2], extra=len(tokens) > sum(n for _, n, _ in matches) + 1)
    return NOT_UNDERSTOOD


def minors(text: str, labels: Mapping[str, str] = {}) -> Understood:
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    answer = yes_no(text)
    if answer.value is not None:
        return answer
    tokens = words(text)
    # "umur 16", "16 tahun", "baru 15 thn": an age under 18 is a yes.
    ages = [int(t) for t in tokens if t.isdigit() and len(t) <= 2]
    if ages and min(ages) < 18:
        return Understood("yes", extra=True)
    if _books()["category"].find(tokens) and any(code == "child" for _, _, code in _books()["category"].find(tokens)):
        return Understood("yes", extra=len(tokens) > 2)
    return NOT_UNDERSTOOD


def category(text: str, labels: Mapping[str, str] = {}) -> Understood:
    """The category a description names; the most serious when it names several. Descriptions are kept."""
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    tokens = words(text)
    found = {code for _, _, code in _books()["category"].find(tokens)}
    for code in vocabulary().category_order:
        if code in found:
            return Understood(code, extra=len(tokens) > 2)
    return NOT_UNDERSTOOD


def relation(text: str, labels: Mapping[str, str] = {}) -> Understood:
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    tokens = words(text)
    matches = _books()["relation"].find(tokens)
    if not matches:
        return NOT_UNDERSTOOD
    # The longest phrase says most ("saya lihat sendiri" is a witness, not "saya"); a bare "saya" / "beta" loses
    # to any other word as long ("beta pung sodara" is family); else the first.
    _start, length, code = max(matches, key=lambda m: (m[1], m[2] != "self", -m[0]))
    return Understood(code, extra=len(tokens) - length >= 3)


def people(text: str, labels: Mapping[str, str] = {}) -> Understood:
    """A head count in digits or words ("3 orang", "tiga", "rua", "banyak") as a bucket: 1, 2-5, 6+."""
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    if is_dont_know(text):
        return Understood(UNKNOWN)
    tokens = words(text)
    numbers = vocabulary().numbers
    counts = [int(t) for t in tokens if t.isdigit()] or [numbers[t] for t in tokens if t in numbers]
    extra = len(tokens) > 3
    if counts:
        count = counts[0]
        if count <= 0 or count > 100_000:
            return NOT_UNDERSTOOD
        return Understood("1" if count == 1 else "2-5" if count <= 5 else "6+", extra=extra)
    matches = _books()["people"].find(tokens)
    if matches:
        return Understood(matches[0][2], extra=extra)
    return NOT_UNDERSTOOD


def departure(text: str, labels: Mapping[str, str] = {}) -> Understood:
    """When they leave or left, from the words of the message; ``extra`` when the message gives a time of its own
    (a date, a day, an hour) worth keeping as written."""
    labelled = _labelled(text, labels)
    if labelled:
        return Understood(labelled)
    if is_dont_know(text):
        return Understood(UNKNOWN)
    tokens = words(text)
    norm = " ".join(tokens)
    found = [code for _, _, code in _books()["when"].find(tokens)]
    has_time = bool(time_words.TIME_ANY.search(norm))
    if not found:
        if time_words.RECENT.search(norm):
            found = ["already_left"]
        elif time_words.TODAY.search(norm):
            found = ["today"]
        elif time_words.THIS_WEEK.search(norm):
            found = ["this_week"]
    if found:
        # "besok sudah berangkat"? The first said wins; the words are kept whenever they say more.
        return Understood(found[0], extra=len(tokens) > 2 or has_time)
    if has_time:
        return Understood(None, extra=True)  # a date or a time: kept as written, no choice implied
    return NOT_UNDERSTOOD


def done(text: str) -> bool:
    """ "selesai", "sudah", "cukup", "done", "remata": the whole message says the person has finished."""
    return _books()["done"].exact(words(text)) is not None


def send(text: str) -> bool:
    return _books()["send"].exact(words(text)) is not None


# --- Wanting to report -------------------------------------------------------------------------------------------

MAX_REPORT_REQUEST = 12  # words: a longer message tells something and is read as such


@dataclass(frozen=True)
class ReportRequest:
    lang: str | None  # the language the words are clearly in (None: not clear, "report" alone)


def report_request(text: str) -> ReportRequest | None:
    """A message that only says the person wants to report ("mau lapor", "saya mau melaporkan", "I want to report",
    "ha'u hakarak hato'o"): it opens the report and is never taken as an answer or a story."""
    if not text or len(text) > 120 or text.lstrip().startswith("/"):
        return None
    tokens = words(text)
    if not tokens or len(tokens) > MAX_REPORT_REQUEST:
        return None
    v = vocabulary()
    if not any(t in v.report_verbs for t in tokens):
        return None
    if any(t not in v.report_verbs and t not in v.report_fillers for t in tokens):
        return None
    for code, markers in v.report_language.items():
        hits = sum(1 for t in tokens if t in markers)
        # One Tetun or Malay word says it; English needs two ("report" alone is typed in every language).
        if hits >= (2 if code == "en" else 1):
            return ReportRequest(code)
    # Otherwise Indonesian (or Kupang Malay, read in Indonesian), unless only English words were used.
    return ReportRequest("id" if any(t in v.report_language_id for t in tokens) else None)


STEP_READERS = {
    Step.DANGER: danger,
    Step.CATEGORY: category,
    Step.PEOPLE: people,
    Step.MINORS: minors,
    Step.RELATION: relation,
    Step.WHEN: departure,
}
