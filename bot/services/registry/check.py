"""One recruiter check: the input taken apart (:mod:`~bot.services.registry.query`), each part looked up as what
it is, so that "pak yohanes 0812 3456 7890" is answered as a person and a phone, not as a licence number.

A whole input that is exactly a licence number or a company's phone is answered as such before any splitting
(licence numbers can contain anything, e.g. "DEMO P3MI 001 2023" with spaces for slashes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.services.registry.index import (
    MATCHED_BY_LICENCE,
    MATCHED_BY_PHONE,
    NOTE_NO_DATA,
    LookupResult,
    Match,
    RegistryIndex,
)
from bot.services.registry.model import Verdict
from bot.services.registry.query import QueryParts, split_query

PartKind = Literal["licence", "phone", "name"]
# More than this many phones or licence numbers in one message is a list, not one recruiter's details.
MAX_PARTS_PER_KIND = 3


@dataclass(frozen=True, slots=True)
class PartResult:
    kind: PartKind
    text: str
    result: LookupResult


@dataclass(frozen=True, slots=True)
class QueryCheck:
    query: str
    parts: QueryParts
    results: tuple[PartResult, ...]

    @property
    def simple(self) -> PartResult | None:
        """The one result, when the input was one thing (a name, a licence or a phone) and not a person's name."""
        if len(self.results) == 1 and not self.parts.person:
            return self.results[0]
        return None

    @property
    def no_data(self) -> bool:
        return any(NOTE_NO_DATA in part.result.notes for part in self.results)

    def companies(self) -> tuple[Match, ...]:
        """Every company the parts found, once each, in the order found."""
        seen: dict[str, Match] = {}
        for part in self.results:
            for match in part.result.matches:
                seen.setdefault(match.licence_number, match)
        return tuple(seen.values())

    def single_companies(self) -> tuple[str, ...]:
        """Licence numbers of the parts that found exactly one company."""
        found = []
        for part in self.results:
            result = part.result
            if result.verdict not in (Verdict.NOT_FOUND, Verdict.AMBIGUOUS) and len(result.matches) == 1:
                found.append(result.matches[0].licence_number)
        return tuple(dict.fromkeys(found))

    @property
    def conflict(self) -> bool:
        """Two parts point at two different companies (e.g. the name at one, the licence number at another):
        the usual sign of a borrowed licence number or phone."""
        return len(self.single_companies()) > 1


def check_query(index: RegistryIndex, query: str, *, limit: int = 5, today: date | None = None) -> QueryCheck:
    whole = index.lookup_exact(query, limit, today=today)
    if whole is not None and NOTE_NO_DATA in whole.notes:
        return QueryCheck(query, QueryParts(query, name=query), (PartResult("name", query, whole),))
    if whole is not None and whole.matches[0].matched_by == MATCHED_BY_LICENCE:
        return QueryCheck(query, QueryParts(query, licences=(query,)), (PartResult("licence", query, whole),))
    if whole is not None and whole.matches[0].matched_by == MATCHED_BY_PHONE:
        return QueryCheck(query, QueryParts(query, phones=(query,)), (PartResult("phone", query, whole),))

    parts = split_query(query)
    results: list[PartResult] = []
    for text in parts.licences[:MAX_PARTS_PER_KIND]:
        results.append(PartResult("licence", text, index.lookup_licence(text, limit, today=today)))
    for text in parts.phones[:MAX_PARTS_PER_KIND]:
        results.append(PartResult("phone", text, index.lookup_phone(text, limit, today=today)))
    if parts.name:
        # Alone, the name is shown as the person wrote it; beside a phone or a licence, as the part it is.
        shown = query if not results and not parts.person else parts.name
        results.append(PartResult("name", shown, index.lookup_name(parts.name, limit, today=today)))
    if not results and not parts.person:
        # Nothing recognisable: the whole input as a name, which says "empty" or "not found" properly.
        results.append(PartResult("name", query, index.lookup_name(query, limit, today=today)))
    return QueryCheck(query, parts, tuple(results))
