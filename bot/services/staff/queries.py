"""Reading the task force's work: the queue and its search, the late tips on both clocks, a tip's whole view, the
caseload per staff member, the hand-over, the audit trail. Every read re-checks the reader's role and is audited
(codes only: a search is logged by its kind, never by what was typed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import DecryptionError
from bot.services.staff import search as searching
from bot.services.staff.access import TEXT_CONTEXT, StaffAccess
from bot.services.staff.filing import stored_reasons
from bot.services.staff.model import (
    QUEUE_PAGE_SIZE,
    RELATED_SHOWN,
    AuditLine,
    CaseData,
    CaseloadRow,
    CaseView,
    EvidenceItem,
    Handover,
    HistoryEntry,
    LateTip,
    Overdue,
    QueueFilter,
    QueueItem,
    QueuePage,
    Refused,
    RelatedTip,
    Search,
    StaffMember,
)
from bot.services.triage.escalation import with_current_count
from bot.services.triage.reasons import Reason
from bot.services.triage.status import Action, Role, allowed_targets
from db.models.tips import Evidence, Tip
from db.repositories import audit as audit_repo
from db.repositories import cases as repo
from db.repositories import links
from db.repositories import staff as staff_repo

OVERDUE_SHOWN = 20  # per clock; the totals say how many there are
HANDOVER_SHOWN = 10
FIRST_HANDOVER_SPAN = timedelta(days=1)


def _contexts() -> tuple[str, str]:
    from bot.services.intake.submit import ANSWERS_CONTEXT, CONTACT_CONTEXT  # intake imports the staff package

    return ANSWERS_CONTEXT, CONTACT_CONTEXT


def _filter_detail(f: QueueFilter) -> dict:
    detail = {k: v for k, v in vars(f).items() if v and k != "search"}
    if f.search is not None:
        detail["search"] = f.search.kind  # what was searched for stays out of the log
    return detail


class CaseQueries(StaffAccess):
    # ---- the queue --------------------------------------------------------------------------------------
    async def queue(self, session: AsyncSession, actor: StaffMember, filter: QueueFilter, page: int = 1) -> QueuePage:
        await self._guarded(session, actor, Action.VIEW, None)
        page = max(1, page)
        now = self._clock()

        async def read(p: int):
            return await repo.queue(
                session, filter, actor.telegram_id, now, offset=(p - 1) * QUEUE_PAGE_SIZE, limit=QUEUE_PAGE_SIZE
            )

        rows, total = await read(page)
        pages = max(1, -(-total // QUEUE_PAGE_SIZE))
        if page > pages:
            page = pages
            rows, total = await read(page)
        items = await self._items(session, rows)
        self._audit(session, actor, "queue", detail={**_filter_detail(filter), "page": page})
        await session.flush()
        return QueuePage(items, total, page, pages, filter)

    async def search(self, session: AsyncSession, actor: StaffMember, text: str) -> Search:
        """What ``text`` searches for: a case number, a phone number or recruiter name (as a keyed hash), a place.
        Raises ``Refused`` ("not_found" for an unknown case number, "search_short" for a name too short)."""
        await self._guarded(session, actor, Action.VIEW, None)
        if searching.looks_like_case(text):
            tip = await repo.tip_by_case(session, text)
            if tip is None:
                raise Refused("not_found")
            return searching.resolve(tip.case_number, self._need_pseudonymizer(), case_tip_id=tip.id)
        return searching.resolve(text, self._need_pseudonymizer())

    def _need_pseudonymizer(self):
        if self._pseudonymizer is None:
            raise RuntimeError("searching needs the pseudonymizer (CaseService(pseudonymizer=...))")
        return self._pseudonymizer

    async def _items(self, session: AsyncSession, rows: list[repo.QueueRow]) -> list[QueueItem]:
        staff = await staff_repo.by_ids(session, {r.assignee_id for r in rows if r.assignee_id is not None})
        return [_queue_item(r, staff.get(r.assignee_id) if r.assignee_id else None) for r in rows]

    async def overdue(self, session: AsyncSession, actor: StaffMember) -> Overdue:
        """Open tips late on either clock: no first response in time, or open past their resolution time."""
        await self._guarded(session, actor, Action.VIEW, None)
        now = self._clock()
        response, response_total = await repo.response_late_tips(session, now, OVERDUE_SHOWN)
        resolution, resolution_total = await repo.resolution_late_tips(session, now, OVERDUE_SHOWN)
        late = await self._late(session, response, resolution, now)
        self._audit(session, actor, "overdue")
        await session.flush()
        return Overdue(late, response_total, resolution_total)

    async def _late(self, session: AsyncSession, response, resolution, now: datetime) -> list[LateTip]:
        seen: dict[int, repo.QueueRow] = {}
        for row in [*response, *resolution]:
            seen.setdefault(row.tip_id, row)
        items = await self._items(session, list(seen.values()))
        return [LateTip(i, i.clocks.response_late(now), i.clocks.resolution_late(now)) for i in items]

    async def caseload(self, session: AsyncSession, actor: StaffMember) -> list[CaseloadRow]:
        """Open tips per staff member (and nobody's), most loaded first; every active member who works tips is
        listed, with nothing open or not."""
        await self._guarded(session, actor, Action.VIEW, None)
        now = self._clock()
        counts = {a: row for a, *row in await repo.caseload(session, now)}
        members = [m for m in await staff_repo.list_all(session) if m.role is not Role.VIEWER]
        others = {a for a in counts if a is not None} - {m.telegram_id for m in members}
        extra = await staff_repo.by_ids(session, others)
        rows = [
            CaseloadRow(m, *counts.get(m.telegram_id, (0, 0, 0, 0, 0)))
            for m in [*members, *extra.values()]
            if m.telegram_id in counts or m.active
        ]
        rows.sort(key=lambda r: (-r.open, -r.p1, r.member.label if r.member else ""))
        rows.append(CaseloadRow(None, *counts.get(None, (0, 0, 0, 0, 0))))
        self._audit(session, actor, "caseload")
        await session.flush()
        return rows

    async def handover(self, session: AsyncSession, actor: StaffMember, *, record: bool = True) -> Handover:
        """Where things stand for the next shift, and what arrived since the last hand-over; ``record`` makes this
        the last hand-over (the next one counts from now)."""
        await self._guarded(session, actor, Action.HANDOVER if record else Action.VIEW, None)
        now = self._clock()
        last = await repo.last_handover(session)
        since = last.at if last else None
        # The first hand-over counts what arrived in the last day.
        counted_from = since or now - FIRST_HANDOVER_SPAN
        counts = await repo.handover_counts(session, now, counted_from)
        new_rows = await repo.new_open_since(session, counted_from, HANDOVER_SHOWN)
        # (their totals are in ``counts``)
        response, _ = await repo.response_late_tips(session, now, HANDOVER_SHOWN, count=False)
        resolution, _ = await repo.resolution_late_tips(session, now, HANDOVER_SHOWN, count=False)
        previous_by = await staff_repo.get_any(session, last.staff_id) if last else None
        result = Handover(
            since=since,
            previous_by=previous_by,
            open=counts["open"],
            response_late=counts["response_late"],
            resolution_late=counts["resolution_late"],
            awaiting=counts["awaiting"],
            news=counts["news"],
            new_since=counts["new_since"],
            new_items=await self._items(session, new_rows),
            late_items=await self._late(session, response, resolution, now),
        )
        if record:
            repo.add_handover(session, actor.telegram_id, now)
        self._audit(session, actor, "handover")
        await session.flush()
        return result

    # ---- one tip ----------------------------------------------------------------------------------------
    async def view(self, session: AsyncSession, actor: StaffMember, tip_id: int) -> CaseView:
        """The whole tip, decrypted (the adapter escapes it); the view is audited, and the reporter's news counts
        as seen."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.VIEW, tip)
        view = await self._build_view(session, actor, tip)
        tip.staff_seen_at = self._clock()
        self._audit(session, actor, "view", tip, detail={"evidence": len(view.evidence)} if view.evidence else None)
        await session.flush()
        return view

    async def summary(self, session: AsyncSession, actor: StaffMember, tip_id: int) -> CaseView:
        """The tip's state, history and related tips after an action, for redrawing its panel (without the reporter's
        answers; not a new view of them, so not audited)."""
        tip = await self._tip(session, tip_id)
        await self._guarded(session, actor, Action.VIEW, tip)
        return await self._build_view(session, actor, tip, full=False)

    async def _build_view(self, session: AsyncSession, actor: StaffMember, tip: Tip, full: bool = True) -> CaseView:
        answers_context, contact_context = _contexts()
        assignee_id = await repo.assignee_of(session, tip.id)
        assignee = await staff_repo.get_any(session, assignee_id) if assignee_id else None
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
            outcome=tip.outcome,
            allowed_statuses=tuple(s.value for s in allowed_targets(tip.status, actor.role)),
            data=case_data(tip),
            first_response_at=tip.first_response_at,
            minors=tip.minors,
        )
        view.related, view.related_total = await self._related(session, tip.id)
        view.history = await self._history(session, tip.id)
        if not full:
            return view
        try:
            view.answers = self._cipher.decrypt_json(tip.answers, context=answers_context) or {}
            view.reasons = await self._reasons(session, tip)
            if tip.contact is not None:
                contact = self._cipher.decrypt_json(tip.contact, context=contact_context) or {}
                # The reporter's chat id (for follow-up notices) is never shown to staff.
                view.contact = {k: v for k, v in contact.items() if k in ("kind", "phone")}
        except DecryptionError:
            view.answers = {"unreadable": True}
        evidence = await session.scalars(select(Evidence).where(Evidence.tip_id == tip.id).order_by(Evidence.id))
        view.evidence = [EvidenceItem(e.ref, e.kind, e.mime, e.size) for e in evidence.all()]
        return view

    async def _reasons(self, session: AsyncSession, tip: Tip) -> list[Reason]:
        """The stored reasons, a linked-recruiter one with the count of tips naming the recruiter as it is now."""
        reasons = stored_reasons(tip, self._cipher)
        if not any(r.code == "linked_recruiter" for r in reasons):
            return reasons
        return with_current_count(reasons, await links.tips_sharing_count(session, tip.id))

    async def _related(self, session: AsyncSession, tip_id: int) -> tuple[list[RelatedTip], int]:
        found, total = await links.related(session, tip_id, RELATED_SHOWN)
        rows = await links.related_rows(session, list(found))
        related = [RelatedTip(i, case, p, status, frozenset(found[i]), created) for i, case, p, status, created in rows]
        return sorted(related, key=lambda r: -r.tip_id), total

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
            by = staff.get(e.staff_id) if e.staff_id is not None else None
            history.append(HistoryEntry(e.created_at, by, e.kind, data, text))
        return history

    async def audit_trail(self, session: AsyncSession, actor: StaffMember, case_number: str) -> list[AuditLine]:
        tip = await repo.tip_by_case(session, case_number)
        if tip is None:
            raise Refused("not_found")
        await self._guarded(session, actor, Action.AUDIT, tip)
        lines = await self._audit_lines(session, await audit_repo.for_case(session, tip.case_number))
        self._audit(session, actor, "audit", tip)
        await session.flush()
        return lines

    async def recent_audit(self, session: AsyncSession, actor: StaffMember, limit: int = 100) -> list[AuditLine]:
        """The newest entries of the whole log, newest first (admins; the web desk's audit page)."""
        await self._guarded(session, actor, Action.AUDIT, None)
        lines = await self._audit_lines(session, await audit_repo.recent(session, limit))
        self._audit(session, actor, "audit")
        await session.flush()
        return lines

    async def _audit_lines(self, session: AsyncSession, entries) -> list[AuditLine]:
        staff = await staff_repo.by_ids(session, {e.staff_id for e in entries if e.staff_id is not None})
        return [
            AuditLine(
                e.at,
                staff.get(e.staff_id) if e.staff_id is not None else None,
                e.actor,
                e.action,
                e.case_number,
                e.result,
                dict(e.detail or {}),
            )
            for e in entries
        ]

    async def assignable(self, session: AsyncSession, actor: StaffMember) -> list[StaffMember]:
        await self._guarded(session, actor, Action.ASSIGN, None)
        return [m for m in await staff_repo.list_all(session) if m.role is not Role.VIEWER]


def case_data(tip: Tip) -> CaseData:
    return CaseData(
        victims=tip.victims,
        victims_minors=tip.victims_minors,
        victims_female=tip.victims_female,
        victims_male=tip.victims_male,
        destination=tip.destination,
        transit_points=tuple(tip.transit_points or ()),
        referral_agency=tip.referral_agency,
        referred_on=tip.referred_on,
    )


def _queue_item(row: repo.QueueRow, assignee: StaffMember | None) -> QueueItem:
    return QueueItem(
        tip_id=row.tip_id,
        case_number=row.case_number,
        kind=row.kind,
        status=row.status,
        priority=row.priority,
        category=row.category,
        regency=row.regency,
        created_at=row.created_at,
        deadline_at=row.deadline_at,
        assignee=assignee,
        minors=row.minors,
        news=row.news,
        first_response_at=row.first_response_at,
        closed_at=row.closed_at,
    )
