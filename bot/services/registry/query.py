"""Reading what people type to check a recruiter, and finding company names in free text.

People do not type one clean thing. They paste what the recruiter gave them: "pak yohanes 0812 3456 7890" (a
person and a phone), "PT Maju Jaya no izin 4/2022" (a name and a loosely written licence number), "KEP 123
tahun 2021". :func:`split_query` takes such a line apart into phone numbers, licence numbers and the words left
(a company's name, or a person's when they start with "Pak", "Ibu", "calo"...), so that each part is checked
as what it is. A phone number is never taken for a licence number: a run of digits that is a possible Indonesian
or Malaysian number is a phone, unless a licence word ("KEP", "izin", "SIP3MI"...) stands right before it.

:func:`find_company_names` finds "PT ..." and "CV ..." in a question ("PT Maju Jaya minta biaya 10 juta, aman
ka?"), so the advice journey can offer to check that company. A name ends at punctuation, at a number, at a
common word of the question (minta, mau, yang, is, asks, mak, ...), and, when the writer uses capitals, at the
first word without one.

Pure functions on strings; they never raise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.services.registry.normalise import phone_lookup_keys
from bot.services.registry.query_words import (
    CONNECTORS,
    LICENCE_CUES,
    NAME_STOP_WORDS,
    NUMBER_WORDS,
    PERSON_WORDS,
    PHONE_CUES,
    STOP_WORDS,
    YEAR_WORDS,
)

# Longer input is not a recruiter's details; cutting it bounds the work (the handlers refuse over 200 anyway).
MAX_TEXT = 400
MAX_NAME_WORDS = 6
# The recruiter check's input is meant as a name: only an absurd length cuts it (the index reads 8 words).
MAX_QUERY_NAME_WORDS = 10
MAX_LOWERCASE_NAME_WORDS = 4
MAX_MENTIONS = 3


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)
_PHONE_JOINERS = frozenset("-.()")
_CLAUSE_END = frozenset(',;:!?()[]{}"“”‘’«»|/\\')


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.text.casefold()

    @property
    def is_number(self) -> bool:
        return self.text.isascii() and self.text.isdigit()

    @property
    def has_digit(self) -> bool:
        return any(ch.isdigit() for ch in self.text)

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "_"


@dataclass(frozen=True, slots=True)
class CompanyMention:
    """A company named in free text: the legal form as usual ("PT" / "CV") and the name as written."""

    legal_form: str
    name: str

    @property
    def text(self) -> str:
        return f"{self.legal_form} {self.name}"


@dataclass(frozen=True, slots=True)
class QueryParts:
    """A recruiter query taken apart. ``name`` is what to search as a company name (``None`` when nothing is
    left, or when the words name a person); ``person`` the words naming a person ("Pak Yohanes");
    ``legal_form`` "PT" or "CV" when the name carries one."""

    text: str
    name: str | None = None
    person: str | None = None
    legal_form: str | None = None
    phones: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()

    @property
    def part_count(self) -> int:
        return len(self.phones) + len(self.licences) + (1 if self.name else 0) + (1 if self.person else 0)


def split_query(text: str) -> QueryParts:
    text = unicodedata.normalize("NFKC", text or "")[:MAX_TEXT]
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    used = [False] * len(tokens)

    phones = [text[tokens[a].start : tokens[b].end] for a, b in _phone_runs(tokens, text) if not _mark(used, a, b)]
    licences = []
    for a, b in _licence_runs(tokens, used, text):
        _mark(used, a, b)
        licences.append(_licence_text(tokens[a : b + 1], text))

    left = [t for t, u in zip(tokens, used, strict=True) if not u]
    words = _name_words(left)
    name_text = _joined(words)
    if all(t.is_number or not t.is_word for t in words):  # a stray number ("2021") is not a name
        name_text = ""
    if not name_text:
        return QueryParts(text, phones=tuple(phones), licences=tuple(licences))
    # Here the words are meant as a name, so a long lower-case one is not cut short as in a question.
    mentions = find_company_names(name_text, as_name=True)
    if mentions:
        first = mentions[0]
        return QueryParts(text, first.text, None, first.legal_form, tuple(phones), tuple(licences))
    if words[0].folded in PERSON_WORDS:
        return QueryParts(text, None, name_text, None, tuple(phones), tuple(licences))
    return QueryParts(text, name_text, None, None, tuple(phones), tuple(licences))


def _joined(tokens: list[_Token]) -> str:
    """The tokens as text: a space where the original had a gap, none where they touched ("P.T.")."""
    parts: list[str] = []
    for k, t in enumerate(tokens):
        if k and tokens[k - 1].end != t.start:
            parts.append(" ")
        parts.append(t.text)
    return "".join(parts)


def _mark(used: list[bool], a: int, b: int) -> bool:
    """Mark tokens a..b as used; returns False (so that the comprehension keeps the run)."""
    for k in range(a, b + 1):
        used[k] = True
    return False


def _spaced(tokens: list[_Token], text: str, i: int) -> bool:
    """Whether only spaces separate token i from token i + 1."""
    return text[tokens[i].end : tokens[i + 1].start].strip() == ""


def _phone_runs(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Token ranges that are phone numbers: digits joined by spaces, dashes, dots or brackets, starting with
    "+" or a digit, and a possible Indonesian or Malaysian number, not right after a licence word."""
    runs: list[tuple[int, int]] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        starts = t.is_number or (t.text in "+(" and i + 1 < n and tokens[i + 1].is_number and _spaced(tokens, text, i))
        if not starts or _after_licence_word(tokens, i):
            i += 1
            continue
        j = i
        while j + 1 < n and _spaced(tokens, text, j):
            nxt = tokens[j + 1]
            joined = nxt.text in _PHONE_JOINERS and j + 2 < n and tokens[j + 2].is_number
            if nxt.is_number or joined or (nxt.text == ")" and tokens[j].is_number):
                j += 1
            else:
                break
        # Digits glued to a word or a slash ("7890/2021") cannot end a phone number.
        while j >= i and j + 1 < n and tokens[j].end == tokens[j + 1].start and _glues(tokens[j + 1]):
            j -= 1
        found = _best_phone(tokens, text, i, j)
        if found is None:
            i += 1
            continue
        runs.append(found)
        i = found[1] + 1
    return runs


def _glues(token: _Token) -> bool:
    return token.is_word or token.text == "/"


def _best_phone(tokens: list[_Token], text: str, i: int, j: int) -> tuple[int, int] | None:
    """The longest stretch of tokens i..j, starting at i, that is a phone number."""
    for end in range(j, i - 1, -1):
        if tokens[end].is_number and _is_phone(text[tokens[i].start : tokens[end].end]):
            return i, end
    return None


def _is_phone(candidate: str) -> bool:
    digits = "".join(ch for ch in candidate if ch.isdigit())
    size = len(digits)
    if candidate.startswith("+"):
        plausible = 8 <= size <= 15
    elif digits.startswith("0"):
        plausible = 9 <= size <= 13
    elif digits.startswith(("62", "60")):
        plausible = 10 <= size <= 15
    elif digits.startswith("8"):
        plausible = 9 <= size <= 12
    else:
        plausible = False
    return plausible and bool(phone_lookup_keys(candidate))


def _after_licence_word(tokens: list[_Token], i: int) -> bool:
    k = i - 1
    while k >= 0 and tokens[k].text in ".:#-":
        k -= 1
    return k >= 0 and tokens[k].folded in LICENCE_CUES


def _licence_runs(tokens: list[_Token], used: list[bool], text: str) -> list[tuple[int, int]]:
    """Token ranges that are licence numbers: numbers with licence words, slashes, or a year."""
    n = len(tokens)
    ish = [not used[k] and _licence_ish(tokens, k, text) for k in range(n)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not ish[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and ish[j + 1]:
            j += 1
        if _is_licence(tokens[i : j + 1]):
            # Leading number words and trailing punctuation are not part of it.
            while i < j and (tokens[i].folded in NUMBER_WORDS or not tokens[i].is_word):
                i += 1
            while j > i and not tokens[j].is_word:
                j -= 1
            runs.append((i, j))
        i = j + 1
    return runs


def _licence_ish(tokens: list[_Token], k: int, text: str) -> bool:
    t = tokens[k]
    if t.has_digit or t.folded in LICENCE_CUES or t.folded in NUMBER_WORDS or t.folded in YEAR_WORDS:
        return True
    if t.text in "/.-:#":
        return True
    # A word glued to a slash is part of a number like "DEMO/P3MI/001/2023" or "KEP.123/PPTK/2020".
    glued_before = k > 0 and tokens[k - 1].text == "/" and tokens[k - 1].end == t.start
    glued_after = k + 1 < len(tokens) and tokens[k + 1].text == "/" and tokens[k + 1].start == t.end
    return t.is_word and (glued_before or glued_after)


def _is_licence(run: list[_Token]) -> bool:
    numbers = [t for t in run if t.is_number]
    if not numbers and not any(t.has_digit and any(ch.isalpha() for ch in t.text) for t in run):
        return False
    if not numbers:
        return False
    digits = sum(len(t.text) for t in numbers)
    has_slash = any(t.text == "/" for t in run)
    has_cue = any(t.folded in LICENCE_CUES or t.folded in YEAR_WORDS for t in run)
    has_code = any(t.has_digit and not t.is_number for t in run)  # P3MI
    has_number_word = any(t.folded in NUMBER_WORDS for t in run)
    has_year = any(len(t.text) == 4 and 1950 <= int(t.text) <= 2100 for t in numbers)
    if has_slash or has_cue or has_code:
        return True
    return (len(numbers) >= 2 and (has_year or digits >= 4)) or (has_number_word and digits >= 2)


def _licence_text(run: list[_Token], text: str) -> str:
    return " ".join(text[run[0].start : run[-1].end].split())


def _name_words(tokens: list[_Token]) -> list[_Token]:
    """The words left once phones and licences are gone, without phone words, number words and connectors."""
    words = [t for t in tokens if t.is_word or t.text in "&'’."]
    kept: list[_Token] = []
    for t in words:
        if t.folded in PHONE_CUES or t.folded in NUMBER_WORDS or t.folded in LICENCE_CUES:
            continue
        if not t.is_word and t.text != "." and not kept:
            continue
        kept.append(t)
    # Connectors and stray punctuation at either end ("pak yohanes dan", ". PT Maju").
    while kept and (kept[-1].folded in CONNECTORS or not kept[-1].is_word):
        kept.pop()
    while kept and (kept[0].folded in CONNECTORS or not kept[0].is_word):
        kept.pop(0)
    # "P.T." written with dots: keep the dots so that the legal form is recognised; drop the others.
    return [t for i, t in enumerate(kept) if t.is_word or _dot_in_legal_form(kept, i)]


def _dot_in_legal_form(tokens: list[_Token], i: int) -> bool:
    before = tokens[i - 1].folded if i > 0 else ""
    return before in ("p", "t", "c", "v")


# Company names in free text -----------------------------------------------------------------------------------


def find_company_names(text: str, *, as_name: bool = False) -> tuple[CompanyMention, ...]:
    """Companies named with PT or CV in ``text``, in order, at most :data:`MAX_MENTIONS`, each once.

    In a question, a name written in lower case (no capitals to show where it ends) gets at most
    :data:`MAX_LOWERCASE_NAME_WORDS` words. ``as_name``: the text is meant as a company's name (the recruiter
    check's input), so capitals and length do not cut it; only question words, numbers and punctuation do."""
    text = unicodedata.normalize("NFKC", text or "")[: MAX_TEXT * 5]
    tokens = [_Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    capitals = not as_name and any(ch.isupper() for ch in text) and any(ch.islower() for ch in text)
    max_words = MAX_QUERY_NAME_WORDS if as_name else None
    found: list[CompanyMention] = []
    seen: set[str] = set()
    i = 0
    while i < len(tokens) and len(found) < MAX_MENTIONS:
        form, after = _legal_form_at(tokens, text, i)
        if form is None:
            i += 1
            continue
        words = _company_words(tokens, text, after, capitals, max_words)
        name = " ".join(w.text for w in words)
        key = name.casefold()
        if words and key not in seen and any(sum(ch.isalpha() for ch in w.text) >= 2 for w in words):
            seen.add(key)
            found.append(CompanyMention(form, name))
        i = after + len(words) if words else after
    return tuple(found)


def _legal_form_at(tokens: list[_Token], text: str, i: int) -> tuple[str | None, int]:
    """("PT" or "CV", index of the first token after it) when a legal form starts at token i."""
    t = tokens[i]
    if i > 0 and tokens[i - 1].end == t.start and tokens[i - 1].is_word:
        return None, i
    folded = t.folded
    k = i + 1
    if folded in ("pt", "cv"):
        form = folded.upper()
    elif folded in ("p", "c") and k + 1 < len(tokens) and tokens[k].text == "." and tokens[k + 1].folded in "tv":
        pair = folded + tokens[k + 1].folded
        if pair not in ("pt", "cv") or tokens[k].start != t.end or tokens[k + 1].start != tokens[k].end:
            return None, i
        form = pair.upper()
        k += 2
    else:
        return None, i
    if k < len(tokens) and tokens[k].text == "." and tokens[k].start == tokens[k - 1].end:
        k += 1
    # "PT-nya", "PT." at the end, "CV:" are not followed by a name.
    if k >= len(tokens) or not tokens[k].is_word or text[tokens[k - 1].end : tokens[k].start].strip():
        return None, i
    if tokens[k].start == tokens[k - 1].end:
        return None, i
    return form, k


def _company_words(tokens: list[_Token], text: str, start: int, capitals: bool, max_words: int | None) -> list[_Token]:
    words: list[_Token] = []
    title_mode = capitals and start < len(tokens) and tokens[start].text[:1].isupper()
    limit = max_words or (MAX_NAME_WORDS if title_mode else MAX_LOWERCASE_NAME_WORDS)
    k = start
    while k < len(tokens) and len(words) < limit:
        t = tokens[k]
        if words and ("\n" in text[tokens[k - 1].end : t.start]):
            break
        if not t.is_word:
            if t.text == "&" and words and k + 1 < len(tokens) and tokens[k + 1].is_word:
                k += 1
                continue
            break
        if t.folded in (NAME_STOP_WORDS if max_words else STOP_WORDS):
            break
        if t.has_digit and words and max_words is None:  # in a question, a number ends the name ("10 juta")
            break
        if title_mode and not (t.text[:1].isupper() or t.text[:1].isdigit()):
            break
        words.append(t)
        k += 1
    # A lone digit is not a name ("PT 3").
    if words and all(w.has_digit for w in words):
        return []
    return words
