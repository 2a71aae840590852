"""Staff as stored: who may use the staff side, with which role; and the queue's filter as its query takes it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The resolution clock: days from filing by which a tip of each priority should be closed. Kept here because the
# queue's and the figures' queries compute it in SQL (db may not import the core); bot/services/staff/clocks.py
# reads it from here.
RESOLUTION_DAYS: dict[str, int] = {"P1": 7, "P2": 30, "P3": 60, "P4": 90}


class Role(StrEnum):
    ADMIN = "admin"
    TRIAGER = "triager"
    VIEWER = "viewer"


@dataclass(frozen=True)
class StaffMember:
    telegram_id: int
    role: Role
    name: str | None = None
    active: bool = True

    @property
    def label(self) -> str:
        return self.name or f"#{self.telegram_id}"


@dataclass(frozen=True)
class Search:
    """What staff searched for, resolved before it reaches the database: a case (its id), a phone number or a
    recruiter's name (the keyed hash the tips' link keys use: never the number or name itself), or a place code.
    ``label`` is what the screens show: a case number, a masked phone ("…7890"), a place code; never a name."""

    kind: str  # "case", "phone", "name", "place"
    label: str
    tip_id: int | None = None
    key_hash: str | None = None
    place: str | None = None


ANY_STATUS = "any"


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = None  # None: every open status; ANY_STATUS: closed ones too
    priority: str | None = None
    regency: str | None = None
    mine: bool = False
    category: str | None = None
    minors: bool = False  # only tips with someone under 18
    late: bool = False  # only tips late on either clock
    assignee: int | None = None  # only tips of this staff member (the caseload view)
    unassigned: bool = False
    search: Search | None = None

    def is_empty(self) -> bool:
        return not (
            self.status
            or self.priority
            or self.regency
            or self.mine
            or self.category
            or self.minors
            or self.late
            or self.assignee
            or self.unassigned
            or self.search
        )
