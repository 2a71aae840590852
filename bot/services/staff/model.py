"""Plain data the staff services take and return (no Telegram, no SQLAlchemy objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.services.triage.scoring import Reason
from bot.services.triage.status import Role, Status

# Stored records the database returns and takes (db may not import the core): used here under their old names.
from db.records.staff import QueueFilter, StaffMember

# Agencies a tip is referred to (codes travel in buttons; labels are translated by the adapter).
AGENCIES = ("police", "polda_tf", "bp3mi", "sapa", "disnaker", "other")
PRIORITIES = ("P1", "P2", "P3", "P4")
STATUSES = tuple(s.value for s in Status)
ROLES = tuple(r.value for r in Role)
MAX_TEXT = 2000  # a note, reason or referral detail
QUEUE_PAGE_SIZE = 8


class Refused(Exception):
    """A staff action that is not done, and why. ``code``: not_staff, role, not_found, transition, reason_required,
    already_claimed, bad_input, closed, self_link, not_linked, not_assignable. ``params`` fill the adapter's
    translated message (for "transition": ``error`` is the TransitionError code, ``current`` and ``target``)."""

    def __init__(self, code: str, detail: str = "", **params: Any) -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail or code
        self.params = params


@dataclass(frozen=True)
class QueueItem:
    tip_id: int
    case_number: str
    kind: str
    status: str
    priority: str
    category: str | None
    regency: str | None
    created_at: datetime
    deadline_at: datetime | None
    assignee: StaffMember | None

    def overdue(self, now: datetime) -> bool:
        return self.deadline_at is not None and self.deadline_at < now and self.status != Status.CLOSED


@dataclass(frozen=True)
class QueuePage:
    items: list[QueueItem]
    total: int
    page: int
    pages: int
    filter: QueueFilter


@dataclass(frozen=True)
class EvidenceItem:
    ref: str
    kind: str
    mime: str
    size: int


@dataclass(frozen=True)
class RelatedTip:
    tip_id: int
    case_number: str
    priority: str
    status: str
    via: frozenset[str]  # "phone", "name", "manual"


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    staff: StaffMember | None
    kind: str
    data: dict[str, Any]
    text: str | None


@dataclass(frozen=True)
class Referral:
    agency: str
    on: date


@dataclass
class CaseView:
    tip_id: int
    case_number: str
    kind: str
    status: str
    priority: str
    category: str | None
    regency: str | None
    urgent: bool
    lang: str
    created_at: datetime
    deadline_at: datetime | None
    closed_at: datetime | None
    purged: bool
    answers: dict[str, Any]
    reasons: list[Reason]
    contact: dict[str, Any] | None  # {"kind": "phone", "phone": ...} or {"kind": "chat"}; never a chat id
    evidence: list[EvidenceItem]
    assignee: StaffMember | None
    outcome: str | None
    related: list[RelatedTip] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)
    allowed_statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    staff: StaffMember | None
    actor: str
    action: str
    case_number: str | None
    result: str
    detail: dict[str, Any]
