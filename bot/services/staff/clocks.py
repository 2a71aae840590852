"""The two clocks of a tip.

- **First response**: someone on the task force must act on a tip (claim it, change its status, ask the reporter,
  refer or close it) within 30 minutes for P1, 24 hours for P2, 3 working days for P3 and 10 for P4
  (``bot.services.triage.deadlines``). The due time is the tip's ``deadline_at``; the clock stops at
  ``first_response_at``. A P1 claimed within minutes is never "late" afterwards, however long the case takes.
- **Resolution**: an open tip should be closed within the spans below, counted from when it arrived.

The resolution spans are this project's proposal for the task force to confirm (no published standard was found):
a P1 (someone in danger now) within 7 days, P2 within 30, P3 within 60 and P4 within 90.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.triage.deadlines import Priority
from db.records import staff as records

RESOLUTION_DAYS = {Priority(p): days for p, days in records.RESOLUTION_DAYS.items()}


def resolution_span(priority: Priority | str) -> timedelta:
    return timedelta(days=RESOLUTION_DAYS[Priority(priority)])


def resolve_by(priority: Priority | str, created_at: datetime) -> datetime:
    return created_at + resolution_span(priority)


@dataclass(frozen=True)
class Clocks:
    """Where a tip stands on both clocks at ``now``."""

    response_due: datetime | None
    first_response_at: datetime | None
    resolve_due: datetime
    closed_at: datetime | None

    def response_late(self, now: datetime) -> bool:
        """No first response yet and past its due time (a closed tip has had its response)."""
        return (
            self.first_response_at is None
            and self.closed_at is None
            and self.response_due is not None
            and self.response_due < now
        )

    def response_was_late(self) -> bool:
        """The first response came after its due time."""
        return (
            self.first_response_at is not None
            and self.response_due is not None
            and self.first_response_at > self.response_due
        )

    def resolution_late(self, now: datetime) -> bool:
        return self.closed_at is None and self.resolve_due < now


def clocks_of(
    priority: str,
    created_at: datetime,
    deadline_at: datetime | None,
    first_response_at: datetime | None,
    closed_at: datetime | None,
) -> Clocks:
    return Clocks(deadline_at, first_response_at, resolve_by(priority, created_at), closed_at)
