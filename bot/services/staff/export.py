"""Data out: every structured field of each tip (CSV or JSON), streamed in constant memory.

Rows are read from the database in batches and written as they come (``yield_per``), so a month or ten years take
the same memory. Times are WITA with their offset ("2026-03-01T08:05:00+08:00"); ``since`` and ``until`` are days in
WITA, both included. The reporter's words come out only with ``with_details`` (the CLI allows it to admins alone),
the reporter's contact never. Every export is written to the audit log.
"""

from __future__ import annotations

import csv
import json
from collections.abc import AsyncIterator
from datetime import date, datetime, time, timedelta
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher, DecryptionError
from bot.services.staff.clocks import resolve_by
from bot.services.triage.deadlines import wita
from db.models.tips import Tip
from db.repositories import audit as audit_repo
from db.repositories.stats import without_jit

FIELDS = (
    "case_number",
    "kind",
    "status",
    "priority",
    "category",
    "regency",
    "destination",
    "transit_points",
    "people",
    "minors",
    "departure",
    "relation",
    "victims",
    "victims_minors",
    "victims_female",
    "victims_male",
    "referral_agency",
    "referred_on",
    "outcome",
    "created_at",
    "first_response_due",
    "first_response_at",
    "first_response_minutes",
    "first_response_late",
    "resolve_by",
    "closed_at",
    "hours_to_close",
    "resolution_late",
)
DETAIL_FIELDS = ("narrative", "recruiter", "route", "place", "when", "reasons")
BATCH = 500


def wita_iso(value: datetime | None) -> str | None:
    return value.astimezone(wita()).isoformat(timespec="seconds") if value else None


def day_bounds(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """[start of ``since``, start of the day after ``until``) in WITA."""
    start = datetime.combine(since, time.min, tzinfo=wita()) if since else None
    end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=wita()) if until else None
    return start, end


_COLUMNS = (
    Tip.case_number,
    Tip.kind,
    Tip.status,
    Tip.priority,
    Tip.category,
    Tip.regency,
    Tip.destination,
    Tip.transit_points,
    Tip.people,
    Tip.minors,
    Tip.departure,
    Tip.victims,
    Tip.victims_minors,
    Tip.victims_female,
    Tip.victims_male,
    Tip.referral_agency,
    Tip.referred_on,
    Tip.outcome,
    Tip.created_at,
    Tip.deadline_at,
    Tip.first_response_at,
    Tip.closed_at,
    Tip.purged_at,
    Tip.answers,
)


def _row(tip: Any, answers: dict[str, Any], now: datetime) -> dict[str, Any]:
    due = resolve_by(tip.priority, tip.created_at)
    response = (tip.first_response_at - tip.created_at).total_seconds() if tip.first_response_at else None
    to_close = (tip.closed_at - tip.created_at).total_seconds() if tip.closed_at else None
    if tip.first_response_at is not None:
        response_late = tip.deadline_at is not None and tip.first_response_at > tip.deadline_at
    else:
        response_late = tip.status != "closed" and tip.deadline_at is not None and tip.deadline_at < now
    return {
        "case_number": tip.case_number,
        "kind": tip.kind,
        "status": tip.status,
        "priority": tip.priority,
        "category": tip.category,
        "regency": tip.regency,
        "destination": tip.destination,
        "transit_points": " ".join(tip.transit_points or []) or None,
        "people": tip.people,
        "minors": tip.minors,
        "departure": tip.departure,
        "relation": answers.get("relation"),
        "victims": tip.victims,
        "victims_minors": tip.victims_minors,
        "victims_female": tip.victims_female,
        "victims_male": tip.victims_male,
        "referral_agency": tip.referral_agency,
        "referred_on": tip.referred_on.isoformat() if tip.referred_on else None,
        "outcome": tip.outcome,
        "created_at": wita_iso(tip.created_at),
        "first_response_due": wita_iso(tip.deadline_at),
        "first_response_at": wita_iso(tip.first_response_at),
        "first_response_minutes": round(response / 60) if response is not None else None,
        "first_response_late": response_late,
        "resolve_by": wita_iso(due),
        "closed_at": wita_iso(tip.closed_at),
        "hours_to_close": round(to_close / 3600, 1) if to_close is not None else None,
        "resolution_late": (tip.closed_at or now) > due,
    }


async def export_rows(
    session: AsyncSession,
    cipher: Cipher,
    *,
    now: datetime,
    since: date | None = None,
    until: date | None = None,
    with_details: bool = False,
) -> AsyncIterator[dict[str, Any]]:
    """Each tip received from ``since`` to ``until`` (WITA days, both included), oldest first, one at a time."""
    from bot.services.intake.submit import ANSWERS_CONTEXT  # intake imports the staff package
    from bot.services.staff.filing import stored_reasons

    # Plain rows, not ORM objects (a third of the time per row), the reasons blob only when asked for.
    columns = (*_COLUMNS, Tip.reasons) if with_details else _COLUMNS
    query = select(*columns).order_by(Tip.created_at, Tip.id).execution_options(yield_per=BATCH)
    start, end = day_bounds(since, until)
    if start is not None:
        query = query.where(Tip.created_at >= start)
    if end is not None:
        query = query.where(Tip.created_at < end)
    await without_jit(session)
    result = await session.stream(query)
    async for batch in result.partitions(BATCH):  # one hop to the database per batch, not per row
        for tip in batch:
            yield _full_row(tip, cipher, now, with_details, ANSWERS_CONTEXT, stored_reasons)


def _full_row(tip: Any, cipher: Cipher, now: datetime, with_details: bool, context: str, stored_reasons) -> dict:
    answers: dict[str, Any] = {}
    reasons: list[str] = []
    if tip.purged_at is None:
        try:
            answers = cipher.decrypt_json(tip.answers, context=context) or {}
            if with_details:
                reasons = [r.code for r in stored_reasons(tip, cipher)]
        except DecryptionError:
            answers = {}
    row = _row(tip, answers, now)
    if with_details:
        row.update(
            {
                "narrative": answers.get("story"),
                "recruiter": answers.get("recruiter"),
                "route": answers.get("route"),
                "place": answers.get("place_text"),
                "when": answers.get("when_text"),
                "reasons": " ".join(reasons) or None,
            }
        )
    return row


async def write_csv(rows: AsyncIterator[dict[str, Any]], out: TextIO, with_details: bool) -> int:
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, *(DETAIL_FIELDS if with_details else ())], lineterminator="\n")
    writer.writeheader()
    count = 0
    async for row in rows:
        # A cell starting with = + - @ is a formula to a spreadsheet: the reporter's words must stay text.
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
        count += 1
    return count


async def write_json(rows: AsyncIterator[dict[str, Any]], out: TextIO) -> int:
    """A JSON array, written one object at a time."""
    count = 0
    out.write("[")
    async for row in rows:
        out.write(",\n  " if count else "\n  ")
        out.write(json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else value


def audit_export(
    session: AsyncSession,
    *,
    now: datetime,
    staff_id: int | None,
    fmt: str,
    since: date | None,
    with_details: bool,
    count: int,
    until: date | None = None,
    result: str = "ok",
) -> None:
    audit_repo.append(
        session,
        action="export",
        now=now,
        staff_id=staff_id,
        actor="cli",
        result=result,
        detail={
            "format": fmt,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "details": with_details,
            "rows": count,
        },
    )
