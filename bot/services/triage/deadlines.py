"""When a tip must have been looked at: 30 minutes for P1, 24 hours for P2, 3 and 10 working days for P3 and P4."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from functools import cache


class Priority(StrEnum):
    """P1 is the most urgent. Values sort in urgency order ("P1" < "P2"), so ``min`` picks the most urgent."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"

    @property
    def rank(self) -> int:
        return int(self.value[1])

    @property
    def label(self) -> str:
        return {"P1": "urgent", "P2": "high", "P3": "normal", "P4": "low"}[self.value]


@cache
def wita() -> tzinfo:
    """Asia/Makassar (WITA, UTC+8, no daylight saving); a fixed offset where the tz database is missing."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Makassar")
    except Exception:
        return timezone(timedelta(hours=8), "WITA")


_WORKING_DAYS = {Priority.P3: 3, Priority.P4: 10}
_HOURS = {Priority.P1: timedelta(minutes=30), Priority.P2: timedelta(hours=24)}


def add_working_days(start: datetime, days: int) -> datetime:
    """``days`` working days (Monday-Friday in WITA) after ``start``, at the same time of day.

    Public holidays are not counted out: the task force's own calendar decides those.
    """
    local = start.astimezone(wita())
    added = 0
    while added < days:
        local += timedelta(days=1)
        if local.weekday() < 5:
            added += 1
    return local


def deadline(priority: Priority | str, created_at: datetime) -> datetime:
    """When a tip of this priority must have been looked at. A naive ``created_at`` is taken as UTC and the answer
    is naive UTC too (as stored); an aware one gets an answer in the same time zone."""
    priority = Priority(priority)
    naive = created_at.tzinfo is None
    aware = created_at.replace(tzinfo=UTC) if naive else created_at
    due = aware + _HOURS[priority] if priority in _HOURS else add_working_days(aware, _WORKING_DAYS[priority])
    if naive:
        return due.astimezone(UTC).replace(tzinfo=None)
    return due.astimezone(created_at.tzinfo)
