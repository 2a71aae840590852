"""Turning a finished draft into a tip, in the caller's transaction: the caller commits, and only then tells the
reporter the case number and receipt.

The tip holds no Telegram identity. The daily limit is counted under a keyed hash of pseudonym and day that
nothing links to the tips. Case numbers and daily counts come from single upserts, so reports filed at the same
moment (several handlers, several workers) never clash and leave no gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.intake.draft import Draft
from bot.services.privacy import Cipher, Pseudonymizer, new_receipt_code, receipt_hash
from bot.services.staff.filing import file_tip
from bot.services.triage.entities import normalise_phone
from bot.services.triage.scoring import UNSURE, TipFacts, TriageResult, deadline, score_tip
from db.models.tips import CaseCounter, Evidence, SubmissionCounter, Tip

ANSWERS_CONTEXT = "tips.answers"
REASONS_CONTEXT = "tips.reasons"
CONTACT_CONTEXT = "tips.contact"


class DailyLimitReached(Exception):
    """The pseudonym has submitted the most reports allowed in one day."""


@dataclass(frozen=True)
class Submitted:
    tip_id: int
    case_number: str
    receipt: str | None  # None when this draft had already been submitted (shown once, never stored)
    priority: str


def normalize_contact_phone(text: str) -> str | None:
    """A phone number the task force can call, in E.164; Indonesian and Malaysian forms accepted."""
    return normalise_phone(text)


def tip_facts(draft: Draft) -> TipFacts:
    """The structured view of a draft that triage scores."""
    # "I'm not sure" is a signal for triage, not a no.
    danger = {"yes": True, "no": False, "unknown": UNSURE}.get(draft.danger_now or "")
    minors = {"yes": True, "no": False}.get(draft.minors or "")
    people = {"1": 1, "2-5": 2, "6+": 6}.get(draft.people or "")
    extra = [
        t
        for t in (draft.category_text, draft.place_text, draft.when_text, draft.relation_text, *draft.notes.values())
        if t
    ]
    return TipFacts(
        narrative=draft.story_text,
        lang=draft.lang,
        category=draft.category,
        danger_now=danger,
        departure=draft.departure,
        people_count=people,
        minors=minors,
        regency=draft.regency,
        recruiter=draft.recruiter,
        route=draft.route,
        relation=draft.relation,
        extra_texts=tuple(extra),
        evidence_count=len(draft.evidence),
        has_location=draft.location is not None,
    )


def answers_payload(draft: Draft) -> dict:
    """Everything the reporter gave, as stored (encrypted) with the tip."""
    return {
        "danger_now": draft.danger_now,
        "category": draft.category,
        "category_text": draft.category_text,
        "regency": draft.regency,
        "place_text": draft.place_text,
        "location": list(draft.location) if draft.location else None,
        "departure": draft.departure,
        "when_text": draft.when_text,
        "people": draft.people,
        "minors": draft.minors,
        "recruiter": draft.recruiter,
        "route": draft.route,
        "relation": draft.relation,
        "relation_text": draft.relation_text,
        "story": draft.story_text,
        "notes": dict(draft.notes),
        "skipped": list(draft.skipped),
        "prefilled_from": draft.prefilled_from,
        "prefill_facts": dict(draft.prefill_facts),
    }


class IntakeService:
    def __init__(self, *, cipher: Cipher, pseudonymizer: Pseudonymizer, max_per_day: int) -> None:
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer
        self.max_per_day = max_per_day

    def _counter_key(self, pseudonym: str, day: str) -> str:
        return self._pseudonymizer.keyed_hash(f"daily:{pseudonym}:{day}")

    async def limit_reached(self, session: AsyncSession, pseudonym: str, now: datetime | None = None) -> bool:
        day = (now or datetime.now(UTC)).date().isoformat()
        row = await session.get(SubmissionCounter, self._counter_key(pseudonym, day))
        return row is not None and row.count >= self.max_per_day

    async def submit(
        self,
        session: AsyncSession,
        draft: Draft,
        *,
        pseudonym: str,
        now: datetime | None = None,
        notify_chat_id: int | None = None,
    ) -> Submitted:
        """File the draft (flushed, not committed). ``notify_chat_id`` is kept (encrypted) only when the reporter
        allowed messages here. A draft filed before gives its tip again with ``receipt=None``."""
        now = now or datetime.now(UTC)
        draft_ref = self._pseudonymizer.keyed_hash(f"draft:{draft.id}")
        existing = await session.scalar(select(Tip).where(Tip.draft_ref == draft_ref))
        if existing is not None:
            return Submitted(existing.id, existing.case_number, None, existing.priority)
        if pseudonym and await self.limit_reached(session, pseudonym, now):
            raise DailyLimitReached
        facts = tip_facts(draft)
        triage: TriageResult = score_tip(facts)
        receipt = new_receipt_code()
        tip = Tip(
            case_number=await self._next_case_number(session, now.year),
            receipt_hash=receipt_hash(self._pseudonymizer, receipt),
            draft_ref=draft_ref,
            status="new",
            priority=triage.priority.value,
            category=draft.category,
            regency=draft.regency,
            departure=draft.departure,
            minors=draft.minors,
            people=draft.people,
            urgent=draft.urgent,
            lang=draft.lang,
            evidence_count=len(draft.evidence),
            answers=self._cipher.encrypt_json(answers_payload(draft), context=ANSWERS_CONTEXT),
            reasons=self._cipher.encrypt_json(
                [{"code": r.code, "detail": r.detail} for r in triage.reasons], context=REASONS_CONTEXT
            ),
            contact=self._contact_blob(draft, notify_chat_id),
            created_at=now,
            updated_at=now,
            deadline_at=deadline(triage.priority, now),
        )
        session.add(tip)
        await session.flush()
        for item in draft.evidence:
            session.add(Evidence(tip_id=tip.id, ref=item.ref, kind=item.kind, mime=item.mime, size=item.size))
        return await self._file(session, tip, facts, triage, draft_ref=draft_ref, receipt=receipt, pseudonym=pseudonym)

    async def _file(
        self,
        session: AsyncSession,
        tip: Tip,
        facts: TipFacts,
        triage: TriageResult,
        *,
        draft_ref: str,
        receipt: str,
        pseudonym: str,
    ) -> Submitted:
        """Link keys, the linked-recruiter raise, the staff alert (outbox) and the daily count go in with the tip,
        in the caller's commit: none can be lost. Shared by reports and advice questions."""
        now = tip.created_at
        await file_tip(session, tip, facts, triage, cipher=self._cipher, pseudonymizer=self._pseudonymizer, now=now)
        if pseudonym:
            await self._count_submission(session, pseudonym, now)
        await session.flush()
        return Submitted(tip.id, tip.case_number, receipt, tip.priority)

    def _contact_blob(self, draft: Draft, notify_chat_id: int | None) -> bytes | None:
        if draft.contact == "phone" and draft.contact_phone:
            payload: dict = {"kind": "phone", "phone": draft.contact_phone}
        elif draft.contact == "chat" and notify_chat_id is not None:
            # Used only for a neutral "there is news" notice, and deleted when the tip closes.
            payload = {"kind": "chat", "chat_id": notify_chat_id}
        else:
            return None
        return self._cipher.encrypt_json(payload, context=CONTACT_CONTEXT)

    async def _count_submission(self, session: AsyncSession, pseudonym: str, now: datetime) -> None:
        day = now.date().isoformat()
        insert = _insert(session)
        stmt = insert(SubmissionCounter).values(key=self._counter_key(pseudonym, day), day=day, count=1)
        await session.execute(
            stmt.on_conflict_do_update(index_elements=["key"], set_={"count": SubmissionCounter.count + 1})
        )

    async def _next_case_number(self, session: AsyncSession, year: int) -> str:
        # One statement: the first tip of a year creates the counter, later ones increment it; the row stays locked
        # until the caller commits, and a rollback gives the number back, so numbers have no gaps.
        insert = _insert(session)
        stmt = insert(CaseCounter).values(year=year, last=1)
        result = await session.execute(
            stmt.on_conflict_do_update(index_elements=["year"], set_={"last": CaseCounter.last + 1}).returning(
                CaseCounter.last
            )
        )
        return f"TPPO-{year}-{result.scalar_one():05d}"


def _insert(session: AsyncSession):
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
