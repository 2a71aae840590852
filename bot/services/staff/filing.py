"""The staff side of a tip's filing: telling the task force that a reporter added information or answered them.

Filing itself (link keys, the linked-recruiter raise, the alert) is the ledger's (``bot.services.tips``); the
names below are kept here for the staff modules that import them from this module.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.tips import alert_payload, file_tip, store_result, stored_reasons
from db.repositories import cases as repo

__all__ = ["alert_payload", "file_tip", "notify_reporter_update", "store_result", "stored_reasons"]


async def notify_reporter_update(
    session: AsyncSession, tip_id: int, *, ref: int, answered_question: bool, now: datetime
) -> bool:
    """Tell the staff member the tip is assigned to (else the staff group) that the reporter added information or
    answered the task force's question: an outbox alert with codes only, queued in the caller's transaction.
    Returns False if the tip is unknown."""
    tip = await repo.tip_by_id(session, tip_id)
    if tip is None:
        return False
    case = await repo.case_of(session, tip.id)
    destination = str(case.assignee_id) if case is not None and case.assignee_id else outbox.STAFF_GROUP
    await outbox.enqueue(
        session,
        kind="followup",
        dedup_key=f"followup:{tip.id}:{ref}",
        payload={**alert_payload(tip), "answered": answered_question},
        now=now,
        tip_id=tip.id,
        priority=tip.priority,
        destination=destination,
    )
    return True
