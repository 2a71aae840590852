"""Anonymous two-way follow-up on a submitted tip, keyed by the secret receipt code.

The reporter sees a coarse status, any question the task force asked, and can answer or add information; the
task force can ask a question without ever learning who the reporter is. Receipt look-ups are throttled per
pseudonym so that codes cannot be guessed: after 5 wrong codes in an hour, look-ups pause for an hour.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.evidence import EvidenceRef
from bot.services.privacy import Cipher, Pseudonymizer, normalize_receipt, receipt_hash
from bot.services.tips import CONTACT_CONTEXT
from db.models.followup import LookupThrottle, TipMessage
from db.models.tips import Evidence, Tip

log = logging.getLogger(__name__)

MESSAGE_CONTEXT = "tip_messages.body"
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(hours=1)
PAUSE = timedelta(hours=1)


class CoarseStatus(StrEnum):
    RECEIVED = "received"
    REVIEWING = "reviewing"
    REFERRED = "referred"
    CLOSED = "closed"


_COARSE = {
    "new": CoarseStatus.RECEIVED,
    "in_review": CoarseStatus.REVIEWING,
    "awaiting_reporter": CoarseStatus.REVIEWING,
    "referred": CoarseStatus.REFERRED,
    "closed": CoarseStatus.CLOSED,
}


@dataclass(frozen=True)
class Question:
    id: int
    text: str
    asked_at: datetime


@dataclass(frozen=True)
class TipStatus:
    tip_id: int
    case_number: str
    kind: str
    status: CoarseStatus
    since: datetime
    question: Question | None
    notices_allowed: bool
    answer: str | None  # for a question passed to staff: the task force's reply, when there is one


@dataclass(frozen=True)
class LookupOutcome:
    status: TipStatus | None = None
    paused_until: datetime | None = None

    @property
    def found(self) -> bool:
        return self.status is not None


@dataclass(frozen=True)
class Reply:
    """What the reporter sent: saved; ``answered_question`` when it answered the open question."""

    message_id: int
    answered_question: bool
    tip_case_number: str


class FollowUpService:
    def __init__(self, *, cipher: Cipher, pseudonymizer: Pseudonymizer | None) -> None:
        """``pseudonymizer`` is needed for receipt look-ups only (the staff side works without it)."""
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer

    # Reporter side ----------------------------------------------------------------------------------------

    async def lookup(
        self, session: AsyncSession, pseudonym: str, code: str, now: datetime | None = None
    ) -> LookupOutcome:
        """Open a tip by receipt code. Unknown and malformed codes look the same and both count as failures."""
        now = now or datetime.now(UTC)
        assert self._pseudonymizer is not None, "receipt look-ups need the pseudonymizer"
        throttle = await self._throttle(session, pseudonym, now)
        if throttle.paused_until is not None and throttle.paused_until > now:
            return LookupOutcome(paused_until=throttle.paused_until)
        tip = None
        if normalize_receipt(code) is not None:
            digest = receipt_hash(self._pseudonymizer, code)
            tip = await session.scalar(select(Tip).where(Tip.receipt_hash == digest))
        if tip is None:
            throttle.failures += 1
            if throttle.failures >= MAX_FAILURES:
                throttle.paused_until = now + PAUSE
            await session.commit()
            if throttle.paused_until is not None and throttle.paused_until > now:
                return LookupOutcome(paused_until=throttle.paused_until)
            return LookupOutcome()
        await session.commit()
        return LookupOutcome(status=await self.status(session, tip.id))

    async def status(self, session: AsyncSession, tip_id: int) -> TipStatus:
        tip = await session.get(Tip, tip_id)
        assert tip is not None
        question = await self._open_question(session, tip_id)
        contact = self._contact(tip)
        return TipStatus(
            tip_id=tip.id,
            case_number=tip.case_number,
            kind=tip.kind,
            status=_COARSE.get(tip.status, CoarseStatus.REVIEWING),
            since=tip.updated_at,
            question=Question(question.id, self._text(question), question.created_at) if question else None,
            notices_allowed=contact.get("kind") == "chat" and "chat_id" in contact,
            answer=await self._latest_staff_answer(session, tip_id) if tip.kind == "question" else None,
        )

    async def add(
        self,
        session: AsyncSession,
        tip_id: int,
        *,
        text: str | None,
        evidence: list[EvidenceRef] | None = None,
        now: datetime | None = None,
        on_saved: Callable[[AsyncSession, int, Reply], Awaitable[None]] | None = None,
    ) -> Reply:
        """Save what the reporter sent. It answers the open question if there is one, else it is an addition.

        ``on_saved`` runs in the same transaction (the staff alert is queued with the message, or neither is).
        """
        now = now or datetime.now(UTC)
        tip = await session.get(Tip, tip_id)
        if tip is None or tip.status == "closed":
            raise LookupError("tip closed or gone")
        question = await self._open_question(session, tip_id)
        message = TipMessage(
            tip_id=tip_id,
            kind="answer" if question else "addition",
            body=self._cipher.encrypt_text(text or "", context=MESSAGE_CONTEXT),
            question_id=question.id if question else None,
            evidence_count=len(evidence or []),
            created_at=now,
        )
        session.add(message)
        for item in evidence or []:
            session.add(Evidence(tip_id=tip_id, ref=item.ref, kind=item.kind, mime=item.mime, size=item.size))
        tip.evidence_count += len(evidence or [])
        if question is not None:
            question.answered_at = now
            if tip.status == "awaiting_reporter":
                tip.status = "in_review"
        tip.updated_at = now
        tip.reporter_news_at = now  # the staff queue marks the tip until someone opens it
        await session.flush()
        reply = Reply(message.id, question is not None, tip.case_number)
        await self._rescore(session, tip, message.id, len(evidence or []), now)
        if on_saved is not None:
            await on_saved(session, tip_id, reply)
        await session.commit()
        return reply

    async def withdraw_notices(self, session: AsyncSession, tip_id: int) -> None:
        """The reporter no longer wants notices in this chat: forget the chat id."""
        tip = await session.get(Tip, tip_id)
        if tip is not None and self._contact(tip).get("kind") == "chat":
            tip.contact = None
            await session.commit()

    # Task-force side --------------------------------------------------------------------------------------

    async def ask(
        self, session: AsyncSession, tip_id: int, *, staff_id: int, text: str, now: datetime | None = None
    ) -> int | None:
        """Store a question for the reporter and set the tip to awaiting_reporter (the staff journey does this
        through CaseService.ask_reporter, with the state machine, audit and notice in one transaction).

        Returns the chat id to send a neutral notice to, when the reporter allowed notices.
        """
        tip = await self._get(session, tip_id)
        self.record_staff_message(session, tip, "question", staff_id, text, now)
        if tip.status in ("new", "in_review", "referred"):
            tip.status = "awaiting_reporter"
        chat_id = self.notice_chat(tip)
        await session.commit()
        return chat_id

    async def answer_question(
        self, session: AsyncSession, tip_id: int, *, staff_id: int, text: str, now: datetime | None = None
    ) -> None:
        """The task force's reply to an advice question (a tip of kind "question"), read with the receipt code."""
        self.record_staff_message(session, await self._get(session, tip_id), "staff_answer", staff_id, text, now)
        await session.commit()

    def record_staff_message(
        self, session: AsyncSession, tip: Tip, kind: str, staff_id: int, text: str, now: datetime | None = None
    ) -> None:
        """Add a question ("question") or an answer to an advice question ("staff_answer"); not committed here."""
        now = now or datetime.now(UTC)
        session.add(
            TipMessage(
                tip_id=tip.id,
                kind=kind,
                body=self._cipher.encrypt_text(text, context=MESSAGE_CONTEXT),
                staff_id=staff_id,
                created_at=now,
            )
        )
        tip.updated_at = now

    def notice_chat(self, tip: Tip) -> int | None:
        """The chat to send a neutral notice to, if the reporter allowed notices (and the tip is still open)."""
        contact = self._contact(tip)
        return contact.get("chat_id") if contact.get("kind") == "chat" else None

    async def _get(self, session: AsyncSession, tip_id: int) -> Tip:
        tip = await session.get(Tip, tip_id)
        if tip is None:
            raise LookupError("no such tip")
        return tip

    async def thread(self, session: AsyncSession, tip_id: int) -> list[tuple[str, str, datetime, int | None]]:
        """(kind, text, when, staff id) of every follow-up message, oldest first, for the staff view."""
        rows = await session.scalars(select(TipMessage).where(TipMessage.tip_id == tip_id).order_by(TipMessage.id))
        return [(m.kind, self._text(m), m.created_at, m.staff_id) for m in rows]

    @staticmethod
    def forget_chat_on_close(tip: Tip, cipher: Cipher) -> None:
        """A closed tip keeps no way to reach the reporter's chat (call when closing)."""
        if tip.contact is None:
            return
        contact = cipher.decrypt_json(tip.contact, context=CONTACT_CONTEXT)
        if contact.get("kind") == "chat":
            tip.contact = None

    # Internals --------------------------------------------------------------------------------------------

    async def _rescore(self, session: AsyncSession, tip: Tip, message_id: int, new_files: int, now: datetime) -> None:
        """What the reporter added may make the tip more urgent: score it again in this transaction. A failure
        here must not lose the reporter's message, so it is logged (without content) and the message kept."""
        from bot.services.staff.rescore import rescore_after_message  # staff services import this module

        rows = await session.scalars(
            select(TipMessage)
            .where(TipMessage.tip_id == tip.id, TipMessage.kind.in_(("answer", "addition")))
            .order_by(TipMessage.id)
        )
        texts = [(m.id, self._text(m)) for m in rows]
        try:
            # Everything that can fail (decrypting, scoring) happens before anything is changed.
            await rescore_after_message(
                session,
                tip,
                self._cipher,
                texts_before=[text for i, text in texts if i != message_id],
                texts_after=[text for _, text in texts],
                new_files=new_files,
                now=now,
                ref=message_id,
            )
        except Exception as exc:  # never lose the reporter's message over a scoring failure
            log.error("follow-up: re-scoring failed: %s", type(exc).__name__)

    def _text(self, message: TipMessage) -> str:
        return self._cipher.decrypt_text(message.body, context=MESSAGE_CONTEXT)

    def _contact(self, tip: Tip) -> dict:
        if tip.contact is None:
            return {}
        return dict(self._cipher.decrypt_json(tip.contact, context=CONTACT_CONTEXT))

    async def _open_question(self, session: AsyncSession, tip_id: int) -> TipMessage | None:
        return await session.scalar(
            select(TipMessage)
            .where(TipMessage.tip_id == tip_id, TipMessage.kind == "question", TipMessage.answered_at.is_(None))
            .order_by(TipMessage.id.desc())
            .limit(1)
        )

    async def _latest_staff_answer(self, session: AsyncSession, tip_id: int) -> str | None:
        message = await session.scalar(
            select(TipMessage)
            .where(TipMessage.tip_id == tip_id, TipMessage.kind == "staff_answer")
            .order_by(TipMessage.id.desc())
            .limit(1)
        )
        return self._text(message) if message else None

    async def _throttle(self, session: AsyncSession, pseudonym: str, now: datetime) -> LookupThrottle:
        assert self._pseudonymizer is not None
        key = self._pseudonymizer.keyed_hash(f"lookup:{pseudonym}")
        row = await session.get(LookupThrottle, key)
        if row is None:
            row = LookupThrottle(key=key, window_start=now, failures=0)
            session.add(row)
        elif now - row.window_start > FAILURE_WINDOW and (row.paused_until is None or row.paused_until <= now):
            row.window_start, row.failures, row.paused_until = now, 0, None
        return row
