"""Figures the knowledge base states (penalties, fees, ages, phone numbers), kept in one table, content/kb/facts.toml,
and checked against every article: ``tipline kb check`` fails when an article states one of them differently.

How a statement is recognised: an article's text is cut into sentences; a sentence that holds one of a fact's cue
words (in the article's language) and, for a fact that lists ``requires`` words, one of those too, is a statement
of that fact. Every figure of a kind the fact defines (years, rupiah, other currencies, percent) found in that
sentence must then be one of the fact's figures. A sentence that states two facts at once may use the figures of
either. Phone numbers are checked everywhere: a number in an article must be one the table knows.

An article may also list the facts it states in its header (``facts = [...]``); each must exist in the table and
its text must then show that fact's figures.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.services.advice.money import find_amounts

FACTS_FILE = "facts.toml"
_YEAR_UNITS = r"(?:tahun|thn|years?|tinan|anos?)"
_RANGE = r"(?:\s*(?:-|–|sampai|hingga|s/d|to|to'o|too|ate|até|and|dan|ka|atau|or)\s*(?:rp\s*)?(\d+))?"
_YEARS_AFTER = re.compile(rf"(?<![\d.,])(\d+){_RANGE}\s*{_YEAR_UNITS}\b")
_YEARS_BEFORE = re.compile(rf"\btinan\s+(\d+){_RANGE}")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|persen|percent|porsentu)")
# Phone-like: 3+ digits in groups separated by spaces or dashes, or a short service number in bold (129, 110).
_PHONE = re.compile(r"(?<![\w.,/])(?:\+\d{1,3}[ -]?)?\d{1,5}(?:[ -]\d{2,5}){1,4}(?![\w/%-]|[.,]\d| \d)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    what: str
    years: frozenset[int] = frozenset()
    amounts: dict[str, frozenset[int]] = field(default_factory=dict)  # currency -> amounts in that currency
    percent: frozenset[float] = frozenset()
    phones: frozenset[str] = frozenset()  # digits only
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> words
    requires: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def stated_in(self, sentence: str, lang: str) -> bool:
        cues = self.cues.get(lang, ()) + self.cues.get("all", ())
        if not any(_contains(sentence, cue) for cue in cues):
            return False
        needed = self.requires.get(lang, ()) + self.requires.get("all", ())
        return not needed or any(_contains(sentence, word) for word in needed)

    def expected(self) -> str:
        parts = []
        if self.years:
            parts.append("years " + "/".join(str(y) for y in sorted(self.years)))
        for currency, values in sorted(self.amounts.items()):
            parts.append(f"{currency} " + "/".join(f"{v:,}" for v in sorted(values)))
        if self.percent:
            parts.append("percent " + "/".join(f"{p:g}" for p in sorted(self.percent)))
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """A sentence of an article that states a fact with other figures than the table's."""

    fact_ids: tuple[str, ...]
    sentence: str
    found: str
    expected: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("**", "")
    return re.sub(r"\s+", " ", text)


def _contains(sentence: str, word: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(normalise(word))}(?![a-z0-9])", sentence) is not None


def load_facts(path: Path) -> tuple[dict[str, Fact], list[str]]:
    """The table and the problems found reading it (an unreadable table: no facts, one problem)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return {}, [f"{path.name} is missing: no table of facts to check the articles against"]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name} is not valid TOML: {exc}"]
    facts: dict[str, Fact] = {}
    problems: list[str] = []
    for n, raw in enumerate(data.get("fact", []), start=1):
        try:
            fact = _parse_fact(raw)
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(f"fact #{n}: {exc}")
            continue
        if fact.id in facts:
            problems.append(f"fact '{fact.id}' is defined twice")
        if not fact.sources:
            problems.append(f"fact '{fact.id}' has no source")
        if not (fact.years or fact.amounts or fact.percent or fact.phones):
            problems.append(f"fact '{fact.id}' has no figure (years, amounts, percent or phones)")
        if not fact.cues and not fact.phones:
            problems.append(f"fact '{fact.id}' has no cue words: no sentence can be checked against it")
        facts[fact.id] = fact
    return facts, problems


def _parse_fact(raw: dict[str, Any]) -> Fact:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise ValueError("needs an 'id'")
    amounts = {
        str(cur).upper(): frozenset(int(v) for v in values) for cur, values in (raw.get("amounts") or {}).items()
    }
    return Fact(
        id=raw["id"],
        what=str(raw.get("what", "")),
        years=frozenset(int(y) for y in raw.get("years", [])),
        amounts=amounts,
        percent=frozenset(float(p) for p in raw.get("percent", [])),
        phones=frozenset(_digits(p) for p in raw.get("phones", [])),
        cues={str(k): tuple(str(w) for w in v) for k, v in (raw.get("cues") or {}).items()},
        requires={str(k): tuple(str(w) for w in v) for k, v in (raw.get("requires") or {}).items()},
        sources=tuple(str(s) for s in raw.get("sources", [])),
    )


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def sentences(body: str) -> list[str]:
    """Sentences, and each bullet or line on its own (a bullet states its own fact)."""
    return [s.strip() for line in body.splitlines() for s in _SENTENCE_END.split(normalise(line)) if s.strip()]


def years_in(sentence: str) -> set[int]:
    found: set[int] = set()
    for pattern in (_YEARS_AFTER, _YEARS_BEFORE):
        for m in pattern.finditer(sentence):
            found.update(int(g) for g in m.groups() if g)
    return found


def amounts_in(sentence: str) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    for amount in find_amounts(sentence):
        found.setdefault(amount.currency, set()).add(round(amount.value))
    return found


def percents_in(sentence: str) -> set[float]:
    return {float(m.group(1).replace(",", ".")) for m in _PERCENT.finditer(sentence)}


def phones_in(text: str) -> set[str]:
    """Numbers written like phone numbers (0-800-1000, 0811-8080-141, +62 21 2924 4800)."""
    found = set()
    for m in _PHONE.finditer(normalise(text)):
        digits = _digits(m.group(0))
        if len(digits) >= 7 and ("-" in m.group(0) or m.group(0).startswith(("0", "+"))):
            found.add(digits)
    return found


def check_text(body: str, lang: str, facts: dict[str, Fact]) -> list[Finding]:
    """Statements of the table's facts in ``body`` whose figures differ from the table."""
    findings: list[Finding] = []
    for sentence in sentences(body):
        stated = [f for f in facts.values() if f.cues and f.stated_in(sentence, lang)]
        if not stated:
            continue
        ids = tuple(f.id for f in stated)
        expected = "; ".join(f"{f.id}: {f.expected()}" for f in stated)
        allowed_years = set().union(*(f.years for f in stated))
        if any(f.years for f in stated):
            wrong = years_in(sentence) - allowed_years
            if wrong:
                findings.append(Finding(ids, sentence, "years " + "/".join(map(str, sorted(wrong))), expected))
        for currency, values in amounts_in(sentence).items():
            allowed = set().union(*(f.amounts.get(currency, frozenset()) for f in stated))
            if not any(currency in f.amounts for f in stated):
                continue
            wrong_amounts = {v for v in values if not any(abs(v - a) <= 0.01 * a for a in allowed)}
            if wrong_amounts:
                shown = "/".join(f"{v:,}" for v in sorted(wrong_amounts))
                findings.append(Finding(ids, sentence, f"{currency} {shown}", expected))
        if any(f.percent for f in stated):
            wrong_p = percents_in(sentence) - set().union(*(f.percent for f in stated))
            if wrong_p:
                findings.append(Finding(ids, sentence, "percent " + "/".join(f"{p:g}" for p in wrong_p), expected))
    return findings


def unknown_phones(body: str, facts: dict[str, Fact]) -> set[str]:
    known = set().union(*(f.phones for f in facts.values())) if facts else set()
    return {p for p in phones_in(body) if p not in known}


def missing_figures(body: str, fact: Fact) -> list[str]:
    """Figures of ``fact`` that an article declaring it does not show (years, amounts in any currency)."""
    text = normalise(body)
    missing = []
    if fact.years and not (fact.years & years_in(text)):
        missing.append("years " + "/".join(map(str, sorted(fact.years))))
    found = amounts_in(text)
    for currency, values in fact.amounts.items():
        if not any(abs(v - a) <= 0.01 * a for v in found.get(currency, ()) for a in values):
            missing.append(f"{currency} " + "/".join(f"{v:,}" for v in sorted(values)))
    if fact.phones and not (fact.phones & phones_in(text)):
        missing.append("phone")
    return missing
