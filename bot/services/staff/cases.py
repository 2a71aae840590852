"""Working a tip: the queue, a tip's full view, and every staff action, each re-checking the actor's role and
written to the audit log in the same transaction as the change.

Plain data in and out. The caller passes the acting ``StaffMember`` as just read from the database (so a removed
or demoted member is refused at once); every method raises ``Refused`` for what it will not do, and a refusal by a
registered staff member is audited too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.privacy import Cipher, DecryptionError
from bot.services.staff.filing import stored_reasons
from bot.services.staff.model import (
    AGENCIES,
    MAX_TEXT,
    PRIORITIES,
    QUEUE_PAGE_SIZE,
    AuditLine,
    CaseView,
    EvidenceItem,
    HistoryEntry,
    QueueFilter,
    QueueItem,
    QueuePage,
    Refused,
    RelatedTip,
    StaffMember,
)
from bot.services.triage.scoring import Priority, deadline
from bot.services.triage.status import Action, Outcome, Role, Status, allowed_targets, can, check_transition
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent, TipLink
from db.models.tips import Evidence, Tip
from db.repositories import audit as audit_repo
from db.repositories import cases as repo
from db.repositories import staff as staff_repo

TEXT_CONTEXT = "tip_events.text"


def _contexts() -> tuple[str, str]:
    from bot.services.intake.submit import ANSWERS_CONTEXT, CONTACT_CONTEXT

    return ANSWERS_CONTEXT, CONTACT_CONTEXT


def clean_text(text: str | None) -> str:
    """Staff free text as kept: trimmed, at most MAX_TEXT characters; empty is refused."""
    value = (text or "").strip()
    if not value:
        raise Refused("reason_required", "the text is empty")
    if len(value) > MAX_TEXT:
        raise Refused("bad_input", "the text is too long", limit=MAX_TEXT)
    return value


class CaseService:
    def __init__(self, *, cipher: Cipher, clock: Callable[[], datetime]) -> None:
        self._cipher = cipher
        self._clock = clock

    # ---- helpers ----------------------------------------------------------------------------------------
    def _audit(
        self,
        session: AsyncSession,
        actor: StaffMember,
        action: str,
        tip: Tip | None = None,
        *,
        result: str = "ok",
        detail: dict[str, Any] | None = None,
    ) -> None:
        audit_repo.append(
            session,
            action=action,
            now=self._clock(),
            staff_id=actor.telegram_id,
            tip_id=tip.id if tip else None,
            case_number=tip.case_number if tip else None,
            result=result,
            detail=detail,
        )

    async def refuse(
        self, session: AsyncSession, actor: StaffMember, action: str, tip: Tip | None, refused: Refused
    ) -> Refused:
        """Record a refused action of a registered staff member (its own transaction: whatever the action had
        changed is rolled back) and hand the refusal back to be raised."""
        tip_id, case_number = (tip.id, tip.case_number) if tip is not None else (None, None)
        await session.rollback()
        detail = {"code": refused.code}
        if refused.code == "transition":
            detail.update({k: str(v) for k, v in refused.params.items() if k in ("error", "current", "target")})
        audit_repo.append(
            session,
            action=action,
            now=self._clock(),
            staff_id=actor.telegram_id,
            tip_id=tip_id,
            case_number=case_number,
            result="refused",
            detail=detail,
        )
        await session.commit()
        return refused

    async def _guarded(self, session: AsyncSession, actor: StaffMember, action: Action, tip: Tip | None) -> None:
        if not actor.active:
            raise await self.refuse(session, actor, action.value, tip, Refused("not_staff"))
        if not can(actor.role, action):
            raise await self.refuse(session, actor, action.value, tip, Refused("role", role=actor.role.value))

    async def _tip(self, session: AsyncSession, tip_id: int) -> Tip:
        tip = await repo.tip_by_id(session, tip_id)
        if tip is None:
            raise Refused("not_found")
        return tip

    async def find(self, session: AsyncSession, case_number: str) -> Tip | None:
        return await repo.tip_by_case(session, case_number)

    def _event(
        self,
        session: AsyncSession,
        tip: Tip,
        actor: StaffMember | None,
        kind: str,
        data: dict[str, Any] | None = None,
        text: str | None = None,
    ) -> None:
        session.add(
            TipEvent(
                tip_id=tip.id,
                staff_id=actor.telegram_id if actor else None,
                kind=kind,
                data=data or None,
                text=self._cipher.encrypt_text(text, context=TEXT_CONTEXT) if text else None,
                created_at=self._clock(),
            )
        )

    async def _acknowledge(self, session: AsyncSession, tip: Tip) -> None:
        case = await repo.case_of(session, tip.id, create=True)
        assert case is not None
        if case.acknowledged_at is None:
            case.acknowledged_at = self._clock()

    async def _move(
        self,
        session: AsyncSession,
        actor: StaffMember,
        tip: Tip,
        target: Status,
        action: str,
        outcome: Outcome | None = None,
    ) -> None:
        error = check_transition(tip.status, target, actor.role, outcome)
        if error is not None:
            raise await self.refuse(
                session,
                actor,
                action,
                tip,
                Refused("transition", error.detail, error=error.code, current=tip.status, target=target.value),
            )
        previous = tip.status
        tip.status = target.value
        tip.updated_at = self._clock()
        case = await repo.case_of(session, tip.id, create=True)
        assert case is not None
        if target is Status.CLOSED:
            tip.closed_at = self._clock()
            case.outcome = outcome.value if outcome else None
        elif previous == Status.CLOSED:
            tip.closed_at = None
            case.outcome = None
        await self._acknowledge(session, tip)
        self._event(session, tip, actor, "status", {"from": previous, "to": target.value})

    # ---- reading ----------------------------------------------------------------------------------------
    async def queue(self, session: AsyncSession, actor: StaffMember, filter: QueueFilter, page: int = 1) -> QueuePage:
        await self._guarded(session, actor, Action.VIEW, None)
        page = max(1, page)
        rows, total = await repo.queue(
            session, filter, actor.telegram_id, offset=(page - 1) * QUEUE_PAGE_SIZE, limit=QUEUE_PAGE_SIZE
        )
        pages = max(1, -(-total // QUEUE_PAGE_SIZE))
        if page > pages:
            page = pages
            rows, total = await repo.queue(
                session, filter, actor.telegram_id, offset=(page - 1) * QUEUE_PAGE_SIZE, limit=QUEUE_PAGE_SIZE
            )
        staff = await staff_repo.by_ids(session, {a for _, a in rows if a is not None})
        items = [_queue_item(tip, staff.get(assignee) if assignee else None) for tip, assignee in rows]
        detail = {k: v for k, v in vars(filter).items() if v}
        detail["page"] = page
        self._audit(session, actor, "queue", detail=detail)
        await session.commit()
        return QueuePage(items, total, page, pages, filter)

    async def overdue(self, session: AsyncSession, actor: StaffMember) -> list[QueueItem]:
        await self._guarded(session, actor, Action.VIEW, None)
        rows = await repo.overdue(session, self._clock())
        staff = await staff_repo.by_ids(session, {a for _, a in rows if a is not None})
        self._audit(session, actor, "overdue")
        await session.commit()
        return [_queue_item(tip, staff.get(assignee) if assignee else None) for tip, assignee in rows]

    async def view(self, session: AsyncSession, actor: StaffMember, tip_id: int) -> CaseView:
        """The whole tip, decrypted (the adapter escapes it); the view is audited."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.VIEW, tip)
        view = await self._build_view(session, actor, tip)
        self._audit(session, actor, "view", tip, detail={"evidence": len(view.evidence)} if view.evidence else None)
        await session.commit()
        return view

    async def summary(self, session: AsyncSession, actor: StaffMember, tip_id: int) -> CaseView:
        """The tip's state, history and related tips after an action, for redrawing its panel (without the reporter's
        answers; not a new view of them, so not audited)."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.VIEW, tip)
        return await self._build_view(session, actor, tip, full=False)

    async def _build_view(self, session: AsyncSession, actor: StaffMember, tip: Tip, full: bool = True) -> CaseView:
        answers_context, contact_context = _contexts()
        case = await repo.case_of(session, tip.id)
        assignee = await staff_repo.get_any(session, case.assignee_id) if case and case.assignee_id else None
        view = CaseView(
            tip_id=tip.id,
            case_number=tip.case_number,
            kind=tip.kind,
            status=tip.status,
            priority=tip.priority,
            category=tip.category,
            regency=tip.regency,
            urgent=bool(tip.urgent),
            lang=tip.lang,
            created_at=tip.created_at,
            deadline_at=tip.deadline_at,
            closed_at=tip.closed_at,
            purged=tip.purged_at is not None,
            answers={},
            reasons=[],
            contact=None,
            evidence=[],
            assignee=assignee,
            outcome=case.outcome if case else None,
            allowed_statuses=tuple(s.value for s in allowed_targets(tip.status, actor.role)),
        )
        view.related = await self._related(session, tip.id)
        view.history = await self._history(session, tip.id)
        if not full:
            return view
        try:
            view.answers = self._cipher.decrypt_json(tip.answers, context=answers_context) or {}
            view.reasons = stored_reasons(tip, self._cipher)
            if tip.contact is not None:
                contact = self._cipher.decrypt_json(tip.contact, context=contact_context) or {}
                # The reporter's chat id (for follow-up notices) is never shown to staff.
                view.contact = {k: v for k, v in contact.items() if k in ("kind", "phone")}
        except DecryptionError:
            view.answers = {"unreadable": True}
        evidence = await session.scalars(select(Evidence).where(Evidence.tip_id == tip.id).order_by(Evidence.id))
        view.evidence = [EvidenceItem(e.ref, e.kind, e.mime, e.size) for e in evidence.all()]
        return view

    async def _related(self, session: AsyncSession, tip_id: int) -> list[RelatedTip]:
        found = await repo.related(session, tip_id)
        tips = await repo.tips_by_ids(session, set(found))
        related = [RelatedTip(t.id, t.case_number, t.priority, t.status, frozenset(found[t.id])) for t in tips.values()]
        return sorted(related, key=lambda r: (r.priority, r.case_number))

    async def _history(self, session: AsyncSession, tip_id: int) -> list[HistoryEntry]:
        events = await repo.events(session, tip_id)
        ids = {e.staff_id for e in events if e.staff_id is not None}
        ids |= {int(e.data["to"]) for e in events if e.kind == "assign" and e.data and e.data.get("to")}
        staff = await staff_repo.by_ids(session, ids)
        history = []
        for e in events:
            text = None
            if e.text is not None:
                try:
                    text = self._cipher.decrypt_text(e.text, context=TEXT_CONTEXT)
                except DecryptionError:
                    text = None
            data = dict(e.data or {})
            if e.kind == "assign" and data.get("to") in staff:
                data["to_label"] = staff[data["to"]].label
            history.append(HistoryEntry(e.created_at, staff.get(e.staff_id), e.kind, data, text))
        return history

    async def audit_trail(self, session: AsyncSession, actor: StaffMember, case_number: str) -> list[AuditLine]:
        tip = await repo.tip_by_case(session, case_number)
        if tip is None:
            raise Refused("not_found")
        await self._guarded(session, actor, Action.AUDIT, tip)
        entries = await audit_repo.for_case(session, tip.case_number)
        staff = await staff_repo.by_ids(session, {e.staff_id for e in entries if e.staff_id is not None})
        lines = [
            AuditLine(e.at, staff.get(e.staff_id), e.actor, e.action, e.case_number, e.result, dict(e.detail or {}))
            for e in entries
        ]
        self._audit(session, actor, "audit", tip)
        await session.commit()
        return lines

    async def assignable(self, session: AsyncSession, actor: StaffMember) -> list[StaffMember]:
        await self._guarded(session, actor, Action.ASSIGN, None)
        return [m for m in await staff_repo.list_all(session) if m.role is not Role.VIEWER]

    # ---- actions ----------------------------------------------------------------------------------------
    async def claim(self, session: AsyncSession, actor: StaffMember, tip_id: int) -> None:
        """Take the tip: it is assigned to the actor and, if new, goes into review."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.CLAIM, tip)
        if tip.status == Status.CLOSED:
            raise await self.refuse(session, actor, "claim", tip, Refused("closed"))
        case = await repo.case_of(session, tip.id, create=True)
        assert case is not None
        if case.assignee_id is not None and case.assignee_id != actor.telegram_id and actor.role is not Role.ADMIN:
            holder = await staff_repo.get_any(session, case.assignee_id)
            raise await self.refuse(
                session, actor, "claim", tip, Refused("already_claimed", holder=holder.label if holder else "?")
            )
        if case.assignee_id != actor.telegram_id:
            case.assignee_id = actor.telegram_id
            case.assigned_at = self._clock()
            self._event(session, tip, actor, "claim")
        if tip.status == Status.NEW:
            await self._move(session, actor, tip, Status.IN_REVIEW, "claim")
        await self._acknowledge(session, tip)
        self._audit(session, actor, "claim", tip)
        await session.commit()

    async def assign(self, session: AsyncSession, actor: StaffMember, tip_id: int, staff_id: int) -> StaffMember:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.ASSIGN, tip)
        target = await staff_repo.get_active(session, staff_id)
        if target is None or target.role is Role.VIEWER:
            raise await self.refuse(session, actor, "assign", tip, Refused("not_assignable"))
        if tip.status == Status.CLOSED:
            raise await self.refuse(session, actor, "assign", tip, Refused("closed"))
        case = await repo.case_of(session, tip.id, create=True)
        assert case is not None
        case.assignee_id = target.telegram_id
        case.assigned_at = self._clock()
        self._event(session, tip, actor, "assign", {"to": target.telegram_id})
        self._audit(session, actor, "assign", tip, detail={"to": target.telegram_id})
        await session.commit()
        return target

    async def set_priority(
        self, session: AsyncSession, actor: StaffMember, tip_id: int, priority: str, reason: str | None
    ) -> None:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.SET_PRIORITY, tip)
        if priority not in PRIORITIES:
            raise await self.refuse(session, actor, "priority", tip, Refused("bad_input"))
        try:
            reason = clean_text(reason)
        except Refused as refused:
            raise await self.refuse(session, actor, "priority", tip, refused) from None
        if tip.status == Status.CLOSED:
            raise await self.refuse(session, actor, "priority", tip, Refused("closed"))
        previous = tip.priority
        tip.priority = priority
        # The deadline counts from now: a tip raised to P1 today must be looked at within 30 minutes of the raise.
        tip.deadline_at = deadline(Priority(priority), self._clock())
        tip.updated_at = self._clock()
        self._event(session, tip, actor, "priority", {"from": previous, "to": priority}, reason)
        self._audit(session, actor, "priority", tip, detail={"from": previous, "to": priority})
        await session.commit()

    async def set_status(self, session: AsyncSession, actor: StaffMember, tip_id: int, target: str) -> None:
        tip = await self._tip(session, tip_id)
        try:
            status = Status(target)
        except ValueError:
            raise Refused("bad_input") from None
        reopening = tip.status == Status.CLOSED
        await self._guarded(session, actor, Action.REOPEN if reopening else Action.SET_STATUS, tip)
        if status is Status.CLOSED:
            raise await self.refuse(
                session,
                actor,
                "status",
                tip,
                Refused(
                    "transition",
                    "closing needs an outcome",
                    error="outcome_required",
                    current=tip.status,
                    target=status.value,
                ),
            )
        await self._move(session, actor, tip, status, "reopen" if reopening else "status")
        if reopening:
            self._event(session, tip, actor, "reopen")
        self._audit(session, actor, "reopen" if reopening else "status", tip, detail={"to": status.value})
        await session.commit()

    async def close(self, session: AsyncSession, actor: StaffMember, tip_id: int, outcome: str) -> None:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.CLOSE, tip)
        try:
            result = Outcome(outcome)
        except ValueError:
            raise await self.refuse(session, actor, "close", tip, Refused("bad_input")) from None
        await self._move(session, actor, tip, Status.CLOSED, "close", result)
        from bot.services.followup import FollowUpService  # imports intake, which imports this package

        # A closed tip keeps no way to reach the reporter's chat: neither in the tip nor in a queued notice.
        FollowUpService.forget_chat_on_close(tip, self._cipher)
        await session.execute(
            delete(OutboxMessage).where(
                OutboxMessage.tip_id == tip.id, OutboxMessage.destination.startswith(outbox.SEALED_PREFIX)
            )
        )
        self._event(session, tip, actor, "close", {"outcome": result.value})
        self._audit(session, actor, "close", tip, detail={"outcome": result.value})
        await session.commit()

    async def add_note(self, session: AsyncSession, actor: StaffMember, tip_id: int, text: str) -> None:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.NOTE, tip)
        try:
            text = clean_text(text)
        except Refused as refused:
            raise await self.refuse(session, actor, "note", tip, refused) from None
        self._event(session, tip, actor, "note", None, text)
        self._audit(session, actor, "note", tip)
        await session.commit()

    async def ask_reporter(self, session: AsyncSession, actor: StaffMember, tip_id: int, text: str) -> bool:
        """Ask the reporter a question (or, for an advice question, answer it). The reporter reads it with the
        receipt code; if they allowed notices, a neutral notice goes to their chat through the outbox, its
        destination encrypted. Returns True when such a notice was queued."""
        from bot.services.followup import FollowUpService  # imports intake, which imports this package

        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.ASK_REPORTER, tip)
        try:
            text = clean_text(text)
        except Refused as refused:
            raise await self.refuse(session, actor, "ask_reporter", tip, refused) from None
        followup = FollowUpService(cipher=self._cipher, pseudonymizer=None)
        now = self._clock()
        if tip.kind == "question":
            followup.record_staff_message(session, tip, "staff_answer", actor.telegram_id, text, now)
            self._event(session, tip, actor, "answer", None, text)
            self._audit(session, actor, "answer_question", tip)
            await session.commit()
            return False
        # The state machine's path to "awaiting_reporter" goes through review.
        if tip.status in (Status.NEW, Status.REFERRED):
            await self._move(session, actor, tip, Status.IN_REVIEW, "ask_reporter")
        if tip.status != Status.AWAITING_REPORTER:
            await self._move(session, actor, tip, Status.AWAITING_REPORTER, "ask_reporter")
        followup.record_staff_message(session, tip, "question", actor.telegram_id, text, now)
        self._event(session, tip, actor, "question", None, text)
        self._audit(session, actor, "ask_reporter", tip)
        chat_id = followup.notice_chat(tip)
        if chat_id is not None:
            count = await session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.tip_id == tip.id)
            )
            await outbox.enqueue(
                session,
                kind="reporter_notice",
                dedup_key=f"notice:{tip.id}:{count}",
                payload={"lang": tip.lang},
                now=now,
                tip_id=tip.id,
                priority=tip.priority,
                destination=outbox.sealed_destination(self._cipher, chat_id),
            )
        await session.commit()
        return chat_id is not None

    async def refer(
        self,
        session: AsyncSession,
        actor: StaffMember,
        tip_id: int,
        agency: str,
        on: date,
        detail: str | None,
    ) -> None:
        """Record a referral (to ``agency`` on date ``on``) and move the tip to "referred" (a referred tip can be
        referred again to another agency)."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.REFER, tip)
        if agency not in AGENCIES:
            raise await self.refuse(session, actor, "refer", tip, Refused("bad_input"))
        text = (detail or "").strip()[:MAX_TEXT] or None
        if tip.status != Status.REFERRED:
            await self._move(session, actor, tip, Status.REFERRED, "refer")
        self._event(session, tip, actor, "referral", {"agency": agency, "on": on.isoformat()}, text)
        self._audit(session, actor, "refer", tip, detail={"agency": agency, "on": on.isoformat()})
        await session.commit()

    async def link(self, session: AsyncSession, actor: StaffMember, tip_id: int, other_case: str) -> str:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.LINK, tip)
        other = await repo.tip_by_case(session, other_case)
        if other is None:
            raise await self.refuse(session, actor, "link", tip, Refused("not_found"))
        if other.id == tip.id:
            raise await self.refuse(session, actor, "link", tip, Refused("self_link"))
        await self._set_link(session, actor, tip, other, linked=True)
        return other.case_number

    async def unlink(self, session: AsyncSession, actor: StaffMember, tip_id: int, other_id: int) -> str:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.LINK, tip)
        other = await repo.tip_by_id(session, other_id)
        related = await repo.related(session, tip.id)
        if other is None or other.id not in related:
            raise await self.refuse(session, actor, "unlink", tip, Refused("not_linked"))
        await self._set_link(session, actor, tip, other, linked=False)
        return other.case_number

    async def _set_link(self, session: AsyncSession, actor: StaffMember, tip: Tip, other: Tip, *, linked: bool) -> None:
        row = await repo.manual_link(session, tip.id, other.id)
        a, b = sorted((tip.id, other.id))
        if row is None:
            session.add(TipLink(tip_a=a, tip_b=b, linked=linked, staff_id=actor.telegram_id, updated_at=self._clock()))
        else:
            row.linked = linked
            row.staff_id = actor.telegram_id
            row.updated_at = self._clock()
        kind = "link" if linked else "unlink"
        self._event(session, tip, actor, kind, {"case": other.case_number})
        self._event(session, other, actor, kind, {"case": tip.case_number})
        self._audit(session, actor, kind, tip, detail={"case": other.case_number})
        await session.commit()


def _queue_item(tip: Tip, assignee: StaffMember | None) -> QueueItem:
    return QueueItem(
        tip_id=tip.id,
        case_number=tip.case_number,
        kind=tip.kind,
        status=tip.status,
        priority=tip.priority,
        category=tip.category,
        regency=tip.regency,
        created_at=tip.created_at,
        deadline_at=tip.deadline_at,
        assignee=assignee,
    )
