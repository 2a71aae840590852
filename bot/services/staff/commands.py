"""Changing a tip: claim, assign, priority, status, close (one or many), note, ask the reporter, refer, link, and
the structured case data. Each re-checks the actor's role, follows the state machine
(``bot.services.triage.status``), writes the tip's history and the audit log, and stops the first-response clock.
Nothing here commits: the caller's unit of work does."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox, places
from bot.services.staff.access import StaffAccess, clean_text
from bot.services.staff.model import (
    AGENCIES,
    MAX_TEXT,
    MAX_VICTIMS,
    PRIORITIES,
    BulkResult,
    CaseData,
    Refused,
    StaffMember,
)
from bot.services.triage.scoring import Priority, deadline
from bot.services.triage.status import Action, Outcome, Role, Status, check_transition
from db.models.outbox import OutboxMessage
from db.models.staff import TipLink
from db.models.tips import Tip
from db.repositories import cases as repo
from db.repositories import links
from db.repositories import staff as staff_repo

BULK_OUTCOMES = (Outcome.DUPLICATE, Outcome.FALSE_OR_PRANK)
BULK_LIMIT = 50


class CaseCommands(StaffAccess):
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
        if target is Status.CLOSED:
            tip.closed_at = self._clock()
            tip.outcome = outcome.value if outcome else None
        elif previous == Status.CLOSED:
            tip.closed_at = None
            tip.outcome = None
        self._responded(tip)
        self._event(session, tip, actor, "status", {"from": previous, "to": target.value})

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
        self._responded(tip)
        self._audit(session, actor, "claim", tip)
        await session.flush()

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
        self._responded(tip)
        self._event(session, tip, actor, "assign", {"to": target.telegram_id})
        self._audit(session, actor, "assign", tip, detail={"to": target.telegram_id})
        await session.flush()
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
        # The response deadline counts from now: a tip raised to P1 today must be looked at within 30 minutes of
        # the raise (when nobody has responded yet; a raise by staff is itself a response).
        tip.deadline_at = deadline(Priority(priority), self._clock())
        tip.updated_at = self._clock()
        self._responded(tip)
        self._event(session, tip, actor, "priority", {"from": previous, "to": priority}, reason)
        self._audit(session, actor, "priority", tip, detail={"from": previous, "to": priority})
        await session.flush()

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
        await session.flush()

    async def close(self, session: AsyncSession, actor: StaffMember, tip_id: int, outcome: str) -> None:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.CLOSE, tip)
        try:
            result = Outcome(outcome)
        except ValueError:
            raise await self.refuse(session, actor, "close", tip, Refused("bad_input")) from None
        await self._close(session, actor, tip, result)
        self._audit(session, actor, "close", tip, detail={"outcome": result.value})
        await session.flush()

    async def _close(self, session: AsyncSession, actor: StaffMember, tip: Tip, result: Outcome) -> None:
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

    async def bulk_close(
        self, session: AsyncSession, actor: StaffMember, tip_ids: Sequence[int], outcome: str
    ) -> BulkResult:
        """Close many tips as duplicates or pranks at once (admins). Each tip follows the state machine on its
        own: one that cannot be closed (already closed, gone) is reported and the others are closed."""
        await self._guarded(session, actor, Action.BULK_CLOSE, None)
        try:
            result = Outcome(outcome)
        except ValueError:
            raise await self.refuse(session, actor, "bulk_close", None, Refused("bad_input")) from None
        ids = list(dict.fromkeys(tip_ids))
        if result not in BULK_OUTCOMES or not ids or len(ids) > BULK_LIMIT:
            raise await self.refuse(session, actor, "bulk_close", None, Refused("bad_input"))
        closed: list[str] = []
        refused: list[tuple[str, str]] = []
        for tip in sorted((await repo.tips_by_ids(session, set(ids))).values(), key=lambda t: t.id):
            error = check_transition(tip.status, Status.CLOSED, actor.role, result)
            if error is not None:
                refused.append((tip.case_number, error.code))
                continue
            await self._close(session, actor, tip, result)
            self._audit(session, actor, "close", tip, detail={"outcome": result.value, "bulk": True})
            closed.append(tip.case_number)
        missing = len(ids) - len(closed) - len(refused)
        refused += [("?", "not_found")] * missing
        await session.flush()
        return BulkResult(closed, refused)

    async def add_note(self, session: AsyncSession, actor: StaffMember, tip_id: int, text: str) -> None:
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.NOTE, tip)
        try:
            text = clean_text(text)
        except Refused as refused:
            raise await self.refuse(session, actor, "note", tip, refused) from None
        self._responded(tip)
        self._event(session, tip, actor, "note", None, text)
        self._audit(session, actor, "note", tip)
        await session.flush()

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
        self._responded(tip)
        if tip.kind == "question":
            followup.record_staff_message(session, tip, "staff_answer", actor.telegram_id, text, now)
            self._event(session, tip, actor, "answer", None, text)
            self._audit(session, actor, "answer_question", tip)
            await session.flush()
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
        await session.flush()
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
        referred again to another agency: the case data keeps the latest)."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.REFER, tip)
        if agency not in AGENCIES:
            raise await self.refuse(session, actor, "refer", tip, Refused("bad_input"))
        text = (detail or "").strip()[:MAX_TEXT] or None
        if tip.status != Status.REFERRED:
            await self._move(session, actor, tip, Status.REFERRED, "refer")
        tip.referral_agency = agency
        tip.referred_on = on
        self._responded(tip)
        self._event(session, tip, actor, "referral", {"agency": agency, "on": on.isoformat()}, text)
        self._audit(session, actor, "refer", tip, detail={"agency": agency, "on": on.isoformat()})
        await session.flush()

    async def record(self, session: AsyncSession, actor: StaffMember, tip_id: int, data: CaseData) -> CaseData:
        """Set the structured case data (victims, destination, transit points). Counts must add up: under-18s,
        women and men each at most the number of victims, women and men together too."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.RECORD, tip)
        problem = check_case_data(data)
        if problem is not None:
            raise await self.refuse(session, actor, "record", tip, Refused("bad_input", problem))
        before = {k: getattr(tip, k) for k in _RECORDED}
        tip.victims = data.victims
        tip.victims_minors = data.victims_minors
        tip.victims_female = data.victims_female
        tip.victims_male = data.victims_male
        tip.destination = data.destination
        tip.transit_points = list(data.transit_points) or None
        changed = {k: getattr(tip, k) for k in _RECORDED if getattr(tip, k) != before[k]}
        if changed:
            tip.updated_at = self._clock()
            self._responded(tip)
            self._event(session, tip, actor, "record", changed)
            self._audit(session, actor, "record", tip, detail={"fields": sorted(changed)})
        await session.flush()
        return data

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
        if other is None or not await links.is_related(session, tip.id, other.id):
            raise await self.refuse(session, actor, "unlink", tip, Refused("not_linked"))
        await self._set_link(session, actor, tip, other, linked=False)
        return other.case_number

    async def _set_link(self, session: AsyncSession, actor: StaffMember, tip: Tip, other: Tip, *, linked: bool) -> None:
        row = await links.manual_link(session, tip.id, other.id)
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
        await session.flush()


_RECORDED = ("victims", "victims_minors", "victims_female", "victims_male", "destination", "transit_points")


def check_case_data(data: CaseData) -> str | None:
    """Why these case data cannot be right, or None."""
    counts = (data.victims, data.victims_minors, data.victims_female, data.victims_male)
    if any(c is not None and not (0 <= c <= MAX_VICTIMS) for c in counts):
        return "a count out of range"
    total = data.victims
    if total is not None:
        for part in counts[1:]:
            if part is not None and part > total:
                return "a part larger than the number of victims"
        if (data.victims_female or 0) + (data.victims_male or 0) > total:
            return "more women and men than victims"
    if data.destination is not None and not (0 < len(data.destination) <= 16):
        return "a destination code too long"
    for code in data.transit_points:
        if places.transit_point(code) is None:
            return "an unknown transit point"
    return None
