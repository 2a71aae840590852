"""What happens to a tip as it is filed, in the same transaction: link keys, the linked-recruiter raise, the alert.

A committed tip therefore always has its link keys and its alert waiting in the outbox (nothing can be lost between
the two). The ledger calls ``file_tip`` for every tip, whether a report or an advice question passed on, and
``enqueue_alert`` once the tip has its case number.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.tips.record import alert_payload, store_result, stored_reasons
from bot.services.triage.entities import Entities, extract_entities
from bot.services.triage.escalation import BELOW_LINKED_RAISE, LINKED_RECRUITER_THRESHOLD, escalate_for_links
from bot.services.triage.linking import link_keys
from bot.services.triage.scoring import Priority, TipFacts, TriageResult, deadline
from bot.services.triage.signals import forget_texts
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.repositories import links
from db.repositories import tips as tips_repo


def link_hashes(pseudonymizer: Pseudonymizer, entities: Entities) -> list[tuple[str, str]]:
    """(kind, keyed hash) for every phone number and linkable name: the values themselves are never stored."""
    out = []
    for key in sorted(link_keys(entities)):
        kind = key.split(":", 1)[0]
        out.append((kind, pseudonymizer.keyed_hash(f"link:{key}")))
    return out


def read_link_keys(pseudonymizer: Pseudonymizer, facts: TipFacts) -> list[tuple[str, str]]:
    """The tip's link keys (``link_hashes``), read from the places its scoring found; then the tip's texts,
    kept only while the report was open, are forgotten. Call it straight after ``score_tip``, before the
    filing's first ``await``: a filing of the same words finished meanwhile ("tidak tahu") would have forgotten
    them, and their places would be looked up again (the dearest part of reading a story)."""
    try:
        return link_hashes(pseudonymizer, extract_entities(facts))
    finally:
        forget_texts(facts.texts())


async def file_tip(
    session: AsyncSession,
    tip: Tip,
    hashes: list[tuple[str, str]],
    triage: TriageResult,
    *,
    cipher: Cipher,
    now: datetime,
) -> TriageResult:
    """Write ``tip`` (made by ``tip_row``, not added to the session: its id is set here) with its link keys
    (``read_link_keys``), raised first when it shares a recruiter with other tips (three or more tips: at least P2),
    and raise those tips too. Returns the tip's (possibly raised) triage."""
    keys = [key_hash for _kind, key_hash in hashes]
    # Filers of tips sharing a key take turns from here to their commit, so of tips naming one recruiter filed at
    # the same moment each counts those before it (three filed at once all reach the raise). The filing's other
    # statements, the case number's turn included, come later: filings that share no key never wait here.
    await links.lock_keys(session, keys)
    # How many tips name each key, this one included (its keys are not written yet), read from the index in one
    # statement.
    before = await links.counts_sharing(session, keys)
    sharing = {key: before.get(key, 0) + 1 for key in keys}
    own = max([1, *sharing.values()])
    result = escalate_for_links(triage, own)
    if result != triage:
        # Raised for its links, before it is written: most tips keep the triage they came with (``tip_row``:
        # priority, reasons, quotes and codes, so every staff screen can translate them, and deadline).
        _apply(tip, result, cipher)
    # One Core INSERT: the ORM's flush of the same row cost 400-480 us of CPU against 240, on every filing.
    await tips_repo.insert_tip(session, tip)
    await links.add_link_keys(session, tip.id, hashes)
    # The other open tips a raise changes. The count in a linked-recruiter reason is the one at the raise: /tip
    # shows the count as it stands (``with_current_count``), so a recruiter named in thousands of tips costs a
    # count and the few rows that change, not a rewrite of every open tip naming them (bench/bench_data.py).
    # When a key reaches the threshold, every open tip sharing it is raised (at most two others); past it, they
    # all were raised then or filed raised since, so only those still below P2 change (lowered by staff, reopened).
    reaching = [key for key, n in sharing.items() if n == LINKED_RECRUITER_THRESHOLD]
    past = [key for key, n in sharing.items() if n > LINKED_RECRUITER_THRESHOLD]
    others: dict[int, Tip] = {}
    counts: dict[int, int] = {}
    found = await links.open_tips_sharing(session, reaching, exclude=tip.id)
    found += await links.open_tips_sharing(session, past, exclude=tip.id, priorities=BELOW_LINKED_RAISE)
    for other, key_hash in found:
        others[other.id] = other
        counts[other.id] = max(counts.get(other.id, 1), sharing[key_hash])
    for other in others.values():
        await _raise_linked(session, other, counts[other.id], cipher, now)
    return result


async def enqueue_alert(session: AsyncSession, tip: Tip, now: datetime, *, numbered: bool = True) -> None:
    """The staff's alert for a tip just filed, with its (possibly raised) priority and its case number; without the
    number when the tip is not ``numbered`` yet (it is before the commit): the outbox reads it from the tip."""
    payload = alert_payload(tip)
    if not numbered:
        del payload["case"]
    await outbox.enqueue(
        session,
        kind="alert",
        dedup_key=f"alert:{tip.id}",
        payload=payload,
        now=now,
        tip_id=tip.id,
        priority=tip.priority,
    )


def _apply(tip: Tip, result: TriageResult, cipher: Cipher) -> None:
    store_result(tip, result, cipher)
    due = deadline(result.priority, tip.created_at)
    tip.deadline_at = min(tip.deadline_at, due) if tip.deadline_at else due


async def _raise_linked(session: AsyncSession, tip: Tip, count: int, cipher: Cipher, now: datetime) -> None:
    if tip.status == "closed" or tip.purged_at is not None:
        return
    before = TriageResult(Priority(tip.priority), tuple(stored_reasons(tip, cipher)))
    after = escalate_for_links(before, count)
    if after == before:
        return
    _apply(tip, after, cipher)
    if after.priority != before.priority:
        session.add(
            TipEvent(
                tip_id=tip.id,
                staff_id=None,
                kind="escalated",
                data={"from": before.priority.value, "to": after.priority.value, "count": count},
                created_at=now,
            )
        )
        await outbox.enqueue(
            session,
            kind="escalated",
            dedup_key=f"escalated:{tip.id}:{after.priority.value}",
            payload={**alert_payload(tip), "from": before.priority.value, "count": count},
            now=now,
            tip_id=tip.id,
            priority=tip.priority,
        )
