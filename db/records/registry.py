"""The recruiter registry as stored: one company row of a snapshot, and the snapshot itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

# NTT runs on WITA (UTC+8, no daylight saving): "today" for expiry and staleness is the local day, not UTC's,
# so a licence does not expire at 08:00 local time; a snapshot without dates is "as of" its local import day.
LOCAL_TZ = timezone(timedelta(hours=8), "WITA")


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def local_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ).date()


class LicenceStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """One company as listed by the authority, validated. ``line`` is its line in the imported file."""

    line: int
    name: str
    licence_number: str
    licence_key: str
    status: LicenceStatus
    licence_issued: date | None = None
    licence_expires: date | None = None
    issuer: str | None = None
    head_office: str | None = None
    branches: tuple[str, ...] = ()
    phone: str | None = None
    phone_e164: str | None = None
    source_url: str | None = None
    retrieved_at: date | None = None
    sanctions: str | None = None

    def past_expiry(self, today: date) -> bool:
        return self.licence_expires is not None and self.licence_expires < today

    def effective_status(self, today: date) -> LicenceStatus:
        """The list's status, except that an "active" licence past its expiry date counts as expired."""
        if self.status is LicenceStatus.ACTIVE and self.past_expiry(today):
            return LicenceStatus.EXPIRED
        return self.status


@dataclass(frozen=True, slots=True)
class SnapshotInfo:
    """One import. ``data_as_of`` is the newest retrieved_at in it, else the (local) import date."""

    id: int
    source_name: str
    imported_at: datetime
    data_as_of: date
    row_count: int
    digest: str
    demo: bool = False
    newest_retrieved_at: date | None = None
