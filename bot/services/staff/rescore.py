"""Storing a re-score after the reporter sent more: in the caller's transaction (the message, the raise, its history
entry, audit line and alert are committed together, or none is).

Called by ``FollowUpService.add`` with the texts of the reporter's messages before and after the new one.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.intake.draft import Draft
from bot.services.privacy import Cipher
from bot.services.staff.filing import alert_payload, store_result, stored_reasons
from bot.services.triage.facts import TipFacts
from bot.services.triage.rescore import Rescored, rescore, with_additions
from bot.services.triage.scoring import Priority, deadline
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.repositories import audit as audit_repo

log = logging.getLogger(__name__)


def draft_from_answers(answers: dict, lang: str) -> Draft:
    """The draft a tip was filed from, as far as the stored answers tell (enough to score it again)."""
    location = answers.get("location")
    story = answers.get("story")
    notes = answers.get("notes")
    return Draft(
        lang=lang,
        danger_now=answers.get("danger_now"),
        category=answers.get("category"),
        category_text=answers.get("category_text"),
        regency=answers.get("regency"),
        place_text=answers.get("place_text"),
        location=tuple(location) if isinstance(location, list | tuple) and len(location) == 2 else None,
        departure=answers.get("departure"),
        when_text=answers.get("when_text"),
        people=answers.get("people"),
        minors=answers.get("minors"),
        recruiter=answers.get("recruiter"),
        route=answers.get("route"),
        relation=answers.get("relation"),
        relation_text=answers.get("relation_text"),
        story=[story] if isinstance(story, str) and story else [],
        notes={str(k): str(v) for k, v in notes.items() if v} if isinstance(notes, dict) else {},
    )


def facts_of(tip: Tip, cipher: Cipher) -> TipFacts:
    from bot.services.intake.submit import ANSWERS_CONTEXT, tip_facts  # submit imports this package

    answers = cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT) or {}
    return tip_facts(draft_from_answers(answers, tip.lang))


async def rescore_after_message(
    session: AsyncSession,
    tip: Tip,
    cipher: Cipher,
    *,
    texts_before: list[str],
    texts_after: list[str],
    new_files: int,
    now: datetime,
    ref: int,
) -> Rescored | None:
    """Score the tip again with everything the reporter has sent; raise it when that is more urgent. A raise is
    written to the tip's history and the audit log, and a raise to P1 alerts the staff group again."""
    if tip.kind != "tip" or tip.status == "closed" or tip.purged_at is not None or tip.answers is None:
        return None
    base = facts_of(tip, cipher)
    files_before = max(0, (tip.evidence_count or 0) - new_files)
    result = rescore(
        with_additions(base, texts_before, files_before),
        with_additions(base, texts_after, tip.evidence_count or 0),
        tip.priority,
        stored_reasons(tip, cipher),
    )
    if not result.raised:
        if result.after.priority == Priority(tip.priority):
            store_result(tip, result.after, cipher)  # same priority, and the reporter's new words among the reasons
        return result
    previous = tip.priority
    store_result(tip, result.after, cipher)
    # Like a raise by staff: the new deadline counts from now.
    tip.deadline_at = deadline(result.after.priority, now)
    tip.updated_at = now
    change = {"from": previous, "to": result.after.priority.value, "cause": "reporter"}
    session.add(TipEvent(tip_id=tip.id, staff_id=None, kind="rescored", data=change, created_at=now))
    audit_repo.append(
        session, action="rescore", now=now, actor="system", tip_id=tip.id, case_number=tip.case_number, detail=change
    )
    if result.to_p1:
        await outbox.enqueue(
            session,
            kind="escalated",
            dedup_key=f"rescored:{tip.id}:{ref}",
            payload={**alert_payload(tip), "from": previous, "cause": "reporter"},
            now=now,
            tip_id=tip.id,
            priority="P1",
        )
    log.info("triage: a tip was raised %s -> %s by the reporter's new information", previous, tip.priority)
    return result
