"""What a registry look-up returns: the companies matched (``Match``), the verdict with its notes and the data's
age (``LookupResult``), and how a look-up turns its matches into a result (``LookupContext``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.services.registry.model import STALE_AFTER_DAYS, LicenceStatus, Verdict

NOTE_NO_DATA = "no_data"
NOTE_EMPTY_QUERY = "empty_query"
NOTE_SIMILAR_NAME_ONLY = "similar_name_only"
NOTE_MANY_SIMILAR = "many_similar"
NOTE_PAST_EXPIRY = "past_expiry"
NOTE_NAME_DIFFERS = "name_differs"
NOTE_DEMO_DATA = "demo_data"
NOTE_LICENCE_DIFFERS = "licence_differs"

MATCHED_BY_LICENCE = "licence_number"
MATCHED_BY_PHONE = "phone"
MATCHED_BY_NAME = "name"

VERDICT_FOR_STATUS = {
    LicenceStatus.ACTIVE: Verdict.LICENSED,
    LicenceStatus.SUSPENDED: Verdict.SUSPENDED,
    LicenceStatus.REVOKED: Verdict.REVOKED,
    LicenceStatus.EXPIRED: Verdict.EXPIRED,
}


@dataclass(frozen=True, slots=True)
class Match:
    name: str
    licence_number: str
    status: LicenceStatus
    effective_status: LicenceStatus
    score: float
    branches: tuple[str, ...]
    head_office: str | None
    phone: str | None
    licence_expires: date | None
    source_url: str | None
    matched_by: str = MATCHED_BY_NAME
    # False when the name was matched despite typos: the user should compare the registered name letter by letter.
    exact: bool = True
    past_expiry: bool = False
    licence_issued: date | None = None
    issuer: str | None = None
    retrieved_at: date | None = None
    sanctions: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "licence_number": self.licence_number,
            "status": self.status.value,
            "effective_status": self.effective_status.value,
            "past_expiry": self.past_expiry,
            "score": self.score,
            "matched_by": self.matched_by,
            "exact": self.exact,
            "branches": list(self.branches),
            "head_office": self.head_office,
            "phone": self.phone,
            "licence_issued": _iso(self.licence_issued),
            "licence_expires": _iso(self.licence_expires),
            "issuer": self.issuer,
            "source_url": self.source_url,
            "retrieved_at": _iso(self.retrieved_at),
            "sanctions": self.sanctions,
        }


@dataclass(frozen=True, slots=True)
class LookupResult:
    query: str
    verdict: Verdict
    matches: tuple[Match, ...]
    data_as_of: date | None
    # True when the data is more than 30 days old, and when there is no data at all.
    stale: bool
    notes: tuple[str, ...] = ()
    demo: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (``tipline registry check --json``)."""
        return {
            "query": self.query,
            "verdict": self.verdict.value,
            "matches": [match.to_dict() for match in self.matches],
            "data_as_of": _iso(self.data_as_of),
            "stale": self.stale,
            "notes": list(self.notes),
            "demo": self.demo,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True, slots=True)
class LookupContext:
    query: str
    today: date
    # The snapshot's date (its newest row) and its oldest row's: see "How old the answer's data is".
    snapshot_as_of: date
    list_as_of: date
    demo: bool
    limit: int

    def result(
        self, verdict: Verdict, matches: Sequence[Match], *notes: str, as_of: date | None = None
    ) -> LookupResult:
        as_of = as_of or self.list_as_of
        stale = (self.today - as_of).days > STALE_AFTER_DAYS
        all_notes = (*notes, NOTE_DEMO_DATA) if self.demo else notes
        return LookupResult(self.query, verdict, tuple(matches), as_of, stale, all_notes, self.demo)

    def single(self, match: Match, *notes: str) -> LookupResult:
        verdict = VERDICT_FOR_STATUS[match.effective_status]
        if match.status is LicenceStatus.ACTIVE and match.past_expiry:
            notes = (*notes, NOTE_PAST_EXPIRY)
        return self.result(verdict, (match,), *notes, as_of=match.retrieved_at or self.snapshot_as_of)
