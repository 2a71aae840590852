"""Data out: triage fields of every tip (CSV or JSON) and counts for reports.

The export holds triage fields only: case number, kind, status, priority, category, regency, created and closed
dates, outcome. The reporter's words come out only with ``with_details`` (the CLI allows it to admins alone), and
the reporter's contact never. Every export is written to the audit log.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher, DecryptionError
from bot.services.triage.scoring import wita
from db.models.staff import TipCase
from db.models.tips import Tip
from db.repositories import audit as audit_repo

FIELDS = ("case_number", "kind", "status", "priority", "category", "regency", "created_at", "closed_at", "outcome")
DETAIL_FIELDS = (
    "narrative",
    "recruiter",
    "route",
    "place",
    "when",
    "departure",
    "people",
    "minors",
    "relation",
    "reasons",
)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


async def export_rows(
    session: AsyncSession, cipher: Cipher, *, since: date | None = None, with_details: bool = False
) -> list[dict[str, Any]]:
    from bot.services.intake.submit import ANSWERS_CONTEXT
    from bot.services.staff.filing import stored_reasons

    query = select(Tip, TipCase.outcome).outerjoin(TipCase, TipCase.tip_id == Tip.id).order_by(Tip.id)
    if since is not None:
        start = datetime.combine(since, datetime.min.time(), tzinfo=wita())
        query = query.where(Tip.created_at >= start)
    rows: list[dict[str, Any]] = []
    for tip, outcome in (await session.execute(query)).all():
        row: dict[str, Any] = {
            "case_number": tip.case_number,
            "kind": tip.kind,
            "status": tip.status,
            "priority": tip.priority,
            "category": tip.category,
            "regency": tip.regency,
            "created_at": _iso(tip.created_at),
            "closed_at": _iso(tip.closed_at),
            "outcome": outcome,
        }
        if with_details:
            answers: dict[str, Any] = {}
            reasons: list[str] = []
            if tip.purged_at is None:
                try:
                    answers = cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT) or {}
                    reasons = [r.code for r in stored_reasons(tip, cipher)]
                except DecryptionError:
                    answers = {}
            row.update(
                {
                    "narrative": answers.get("story"),
                    "recruiter": answers.get("recruiter"),
                    "route": answers.get("route"),
                    "place": answers.get("place_text"),
                    "when": answers.get("when_text"),
                    "departure": answers.get("departure"),
                    "people": answers.get("people"),
                    "minors": answers.get("minors"),
                    "relation": answers.get("relation"),
                    "reasons": " ".join(reasons) or None,
                }
            )
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, Any]], with_details: bool) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, *(DETAIL_FIELDS if with_details else ())], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        # A cell starting with = + - @ is a formula to a spreadsheet: the reporter's words must stay text.
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def _safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def audit_export(
    session: AsyncSession,
    *,
    now: datetime,
    staff_id: int | None,
    fmt: str,
    since: date | None,
    with_details: bool,
    count: int,
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
            "details": with_details,
            "rows": count,
        },
    )


async def stats(session: AsyncSession) -> dict[str, Any]:
    """Counts by status, priority, category, regency and month (WITA) of arrival."""
    rows = (await session.execute(select(Tip.status, Tip.priority, Tip.category, Tip.regency, Tip.created_at))).all()
    by: dict[str, Counter] = {k: Counter() for k in ("status", "priority", "category", "regency", "month")}
    for status, priority, category, regency, created_at in rows:
        by["status"][status] += 1
        by["priority"][priority] += 1
        by["category"][category or "none"] += 1
        by["regency"][regency or "none"] += 1
        by["month"][created_at.astimezone(wita()).strftime("%Y-%m")] += 1
    return {
        "total": len(rows),
        "by_status": dict(sorted(by["status"].items())),
        "by_priority": dict(sorted(by["priority"].items())),
        "by_category": dict(sorted(by["category"].items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_regency": dict(sorted(by["regency"].items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_month": dict(sorted(by["month"].items())),
    }
