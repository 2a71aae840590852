"""Plain data the staff services take and return (no Telegram, no SQLAlchemy objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.services.staff.clocks import Clocks, clocks_of
from bot.services.triage.scoring import Reason
from bot.services.triage.status import Role, Status

# Stored records the database returns and takes (db may not import the core): used here under their old names.
from db.records.staff import ANY_STATUS, QueueFilter, Search, StaffMember  # noqa: F401 (re-exported)

# Agencies a tip is referred to (codes travel in buttons; labels are translated by the adapter).
AGENCIES = ("police", "polda_tf", "bp3mi", "sapa", "disnaker", "other")
PRIORITIES = ("P1", "P2", "P3", "P4")
STATUSES = tuple(s.value for s in Status)
ROLES = tuple(r.value for r in Role)
MAX_TEXT = 2000  # a note, reason or referral detail
QUEUE_PAGE_SIZE = 20
RELATED_SHOWN = 20  # related tips listed on /tip (the newest); the count says how many there are in all
MAX_VICTIMS = 10_000  # a typo guard on counts typed by staff


class Refused(Exception):
    """A staff action that is not done, and why. ``code``: not_staff, role, not_found, transition, reason_required,
    already_claimed, bad_input, closed, self_link, not_linked, not_assignable, search_short. ``params`` fill the
    adapter's translated message (for "transition": ``error`` is the TransitionError code, ``current`` and
    ``target``)."""

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
    minors: bool = False  # someone under 18 (the reporter said so, or staff recorded it)
    news: bool = False  # the reporter answered or added something since staff last opened the tip
    first_response_at: datetime | None = None
    closed_at: datetime | None = None

    @property
    def clocks(self) -> Clocks:
        return clocks_of(self.priority, self.created_at, self.deadline_at, self.first_response_at, self.closed_at)

    def overdue(self, now: datetime) -> bool:
        """Late on either clock: no first response in time, or open past its resolution time."""
        clocks = self.clocks
        return self.status != Status.CLOSED and (clocks.response_late(now) or clocks.resolution_late(now))


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
    created_at: datetime | None = None


@dataclass(frozen=True)
class CaseData:
    """The structured case data staff record (None: not known)."""

    victims: int | None = None
    victims_minors: int | None = None
    victims_female: int | None = None
    victims_male: int | None = None
    destination: str | None = None
    transit_points: tuple[str, ...] = ()
    referral_agency: str | None = None
    referred_on: date | None = None


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
    related_total: int = 0  # every related tip; ``related`` holds the newest RELATED_SHOWN
    data: CaseData = field(default_factory=CaseData)
    first_response_at: datetime | None = None
    minors: str | None = None  # the reporter's answer: "yes", "no", "unknown"

    @property
    def clocks(self) -> Clocks:
        return clocks_of(self.priority, self.created_at, self.deadline_at, self.first_response_at, self.closed_at)


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    staff: StaffMember | None
    actor: str
    action: str
    case_number: str | None
    result: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class LateTip:
    """A tip on /overdue: which clock it is late on."""

    item: QueueItem
    response_late: bool
    resolution_late: bool


@dataclass(frozen=True)
class Overdue:
    items: list[LateTip]
    response_total: int  # open tips with no first response past its due time
    resolution_total: int  # open tips past their resolution time


@dataclass(frozen=True)
class CaseloadRow:
    """One staff member's open tips (``member`` None: nobody's yet)."""

    member: StaffMember | None
    open: int
    p1: int
    awaiting: int
    response_late: int
    resolution_late: int


@dataclass(frozen=True)
class Handover:
    """What the next shift needs to know."""

    since: datetime | None  # the previous hand-over (None: the first one)
    previous_by: StaffMember | None
    open: int
    response_late: int
    resolution_late: int
    awaiting: int
    news: int  # tips with the reporter's news nobody has opened yet
    new_since: int
    new_items: list[QueueItem]  # the most urgent of them
    late_items: list[LateTip]


@dataclass(frozen=True)
class BulkResult:
    closed: list[str]  # case numbers
    refused: list[tuple[str, str]]  # (case number, Refused code or transition error)
