"""The tip record: what a tip is filed with, how each part is sealed, and the one place a ``Tip`` row is made.

What the reporter wrote (``answers``), their optional contact and the priority reasons (which quote their words)
are encrypted, each under its own context so that one can never be opened as another. The plain columns are codes
for queues and statistics. An alert says only codes and times.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.services.evidence import EvidenceRef
from bot.services.privacy import Cipher
from bot.services.triage.reasons import Reason, reasons_from_data, reasons_to_data
from bot.services.triage.scoring import TriageResult, deadline
from db.models.tips import Tip

ANSWERS_CONTEXT = "tips.answers"
REASONS_CONTEXT = "tips.reasons"
CONTACT_CONTEXT = "tips.contact"

TIP = "tip"  # a report
QUESTION = "question"  # an advice question passed to staff


@dataclass(frozen=True)
class NewTip:
    """Everything a tip is filed with, as plain data. ``answers`` is sealed whole; ``contact`` is
    ``{"kind": "phone", "phone": "+62..."}`` or ``{"kind": "chat", "chat_id": ...}`` or None (anonymous)."""

    kind: str
    lang: str
    answers: dict[str, Any]
    category: str | None = None
    regency: str | None = None
    destination: str | None = None
    transit_points: tuple[str, ...] = ()
    departure: str | None = None
    minors: str | None = None
    people: str | None = None
    urgent: bool = False
    evidence: Sequence[EvidenceRef] = field(default_factory=tuple)
    contact: dict[str, Any] | None = None


def seal_answers(cipher: Cipher, answers: dict[str, Any]) -> bytes:
    return cipher.encrypt_json(answers, context=ANSWERS_CONTEXT)


def open_answers(cipher: Cipher, tip: Tip) -> dict[str, Any]:
    """The tip's answers as stored ({} when there are none); ``{"purged": True}`` once retention removed them."""
    if tip.answers is None:
        return {}
    return cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT) or {}


def seal_contact(cipher: Cipher, contact: dict[str, Any] | None) -> bytes | None:
    return None if contact is None else cipher.encrypt_json(contact, context=CONTACT_CONTEXT)


def open_contact(cipher: Cipher, blob: bytes | None) -> dict[str, Any] | None:
    return None if blob is None else dict(cipher.decrypt_json(blob, context=CONTACT_CONTEXT))


def seal_reasons(cipher: Cipher, reasons: Iterable[Reason]) -> bytes:
    return cipher.encrypt_json(reasons_to_data(reasons), context=REASONS_CONTEXT)


def stored_reasons(tip: Tip, cipher: Cipher) -> list[Reason]:
    if tip.reasons is None:
        return []
    return reasons_from_data(cipher.decrypt_json(tip.reasons, context=REASONS_CONTEXT))


def store_result(tip: Tip, result: TriageResult, cipher: Cipher) -> None:
    """The priority and its reasons (quotes and codes, encrypted); the deadline is the caller's to set."""
    tip.priority = result.priority.value
    tip.reasons = seal_reasons(cipher, result.reasons)


def alert_payload(tip: Tip) -> dict[str, Any]:
    """What an alert may say: codes and times only."""
    return {
        "case": tip.case_number,
        "kind": tip.kind,
        "priority": tip.priority,
        "category": tip.category,
        "regency": tip.regency,
        "urgent": bool(tip.urgent),
        "created_at": tip.created_at.isoformat(),
    }


def tip_row(
    new: NewTip,
    *,
    case_number: str,
    receipt_hash: str,
    draft_ref: str,
    triage: TriageResult,
    cipher: Cipher,
    now: datetime,
) -> Tip:
    """The ``Tip`` row for ``new``: the only place one is made."""
    return Tip(
        case_number=case_number,
        receipt_hash=receipt_hash,
        draft_ref=draft_ref,
        kind=new.kind,
        status="new",
        priority=triage.priority.value,
        category=new.category,
        regency=new.regency,
        destination=new.destination,
        transit_points=list(new.transit_points),
        departure=new.departure,
        minors=new.minors,
        people=new.people,
        urgent=new.urgent,
        lang=new.lang,
        evidence_count=len(new.evidence),
        answers=seal_answers(cipher, new.answers),
        reasons=seal_reasons(cipher, triage.reasons),
        contact=seal_contact(cipher, new.contact),
        created_at=now,
        updated_at=now,
        deadline_at=deadline(triage.priority, now),
    )
