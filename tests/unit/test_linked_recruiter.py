"""Tips naming one recruiter, as staff see them: after every new tip the count in "N tips name the same recruiter"
and the related tips on /tip are right for the old tips and the new one, tips filed at the same moment are all
counted, and the raise to P2 fires as it always did (three tips; again after staff lowered one by hand; never on a
closed tip). Filing no longer rewrites every open tip's stored reason, so these read what /tip reads
(``CaseService.view``)."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.cases import CaseService
from bot.services.staff.directory import add_staff
from bot.services.staff.model import StaffMember
from bot.services.triage.escalation import with_current_count
from bot.services.triage.reasons import Reason, summary
from bot.services.triage.status import Role
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.repositories import links

ADMIN = 9101
# Written three ways: the names are linked as one recruiter, as the reporters would write them.
NEW_YEAR = datetime(2027, 1, 1, tzinfo=UTC)
RECRUITER = ("PT Maju Jaya Sejahtera", "P.T. Maju Jaya Sejahtra", "pt maju jaya sejahtera")


@pytest.fixture
def cipher(settings) -> Cipher:
    return Cipher(settings.keys)


@pytest.fixture
def cases(cipher) -> CaseService:
    return CaseService(cipher=cipher, clock=lambda: datetime.now(UTC))


@pytest.fixture
async def admin(session_factory) -> StaffMember:
    async with session_factory() as session:
        await add_staff(session, ADMIN, "admin", "Maria")
        await session.commit()
    return StaffMember(ADMIN, Role.ADMIN, "Maria")


def draft(n: int, *, recruiter: str | None = None, danger: str = "no") -> Draft:
    d = Draft(lang="id", danger_now=danger, category="recruitment_fraud", regency="kota_kupang")
    d.recruiter = recruiter if recruiter is not None else RECRUITER[n % len(RECRUITER)]
    d.story.append(f"Tip {n}: perekrut datang ke desa menawarkan kerja.")
    return d


@pytest.fixture
def file(session_factory, settings, cipher):
    service = IntakeService(cipher=cipher, pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=1000)

    async def one(d: Draft, now: datetime | None):
        async with session_factory() as session:
            submitted = await service.submit(session, d, pseudonym="", now=now)
            await session.commit()
            return submitted

    async def at_once(*drafts: Draft, at: tuple[datetime, ...] = ()):
        """Each in its own session and transaction, all at the same moment (two reporters pressing Send)."""
        return await asyncio.gather(*(one(d, at[i] if at else None) for i, d in enumerate(drafts)))

    return at_once


async def shown(session_factory, cases, admin, tip_id: int):
    """What /tip shows: (priority, the count in the linked-recruiter reason or None, how many related tips)."""
    async with session_factory() as session:
        view = await cases.view(session, admin, tip_id)
        await session.commit()
    linked = [r for r in view.reasons if r.code == "linked_recruiter"]
    assert len(linked) <= 1
    return view.priority, (int(linked[0].param("count")) if linked else None), view.related_total


async def test_the_count_staff_see_is_right_for_every_tip_after_each_new_one(session_factory, cases, admin, file):
    filed = []
    for n in range(6):
        filed += await file(draft(n))
        total = len(filed)
        for tip in filed:
            priority, count, related = await shown(session_factory, cases, admin, tip.tip_id)
            assert related == total - 1, (total, tip.case_number)
            if total < 3:
                assert (priority, count) == ("P3", None), total
            else:
                assert (priority, count) == ("P2", total), (total, tip.case_number)
    async with session_factory() as session:
        escalated = (await session.scalars(select(TipEvent.tip_id).where(TipEvent.kind == "escalated"))).all()
    # The first two were raised once, by the third tip; the ones after were filed raised.
    assert sorted(escalated) == sorted(t.tip_id for t in filed[:2])


@pytest.fixture
def overlapping(monkeypatch, engine):
    """``async with overlapping():`` around two filings makes them overlap at the worst moment on PostgreSQL: each,
    its tip and link keys written, counts the tips naming the recruiter only once the other has come as far, or
    is waiting for its turn (``links.lock_keys``: an advisory lock not granted yet). Without the turn both would
    count before either committed. (When filings took the year's case number first, filings in one year waited for
    each other on its counter, so these tests file across midnight on New Year's Eve; the number is now taken last,
    and the turn on the keys is all that orders the counts.) SQLite writes one transaction at a time, so there it
    is the plain race."""
    counts_sharing = links.counts_sharing
    state: dict = {}

    async def other_waits_for_its_turn() -> bool:
        async with engine.connect() as connection:
            waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            return bool(await connection.scalar(text(waiting)))

    async def counting(session, key_hashes):
        if not state or state["alone"]:
            return await counts_sharing(session, key_hashes)
        state["arrived"] += 1
        if state["arrived"] == 2:
            state["both_here"].set()
        # Until the other is here too or waits for its turn, looking again every few milliseconds (a deadline of
        # 30 s, never reached when the filing is right).
        async with asyncio.timeout(30):
            while not state["both_here"].is_set() and not await other_waits_for_its_turn():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(state["both_here"].wait(), timeout=0.005)
        counts = await counts_sharing(session, key_hashes)
        if not state["both_here"].is_set():
            state["alone"] = True  # the other waits for its turn: it will count after this one commits
            return counts
        # Both here: neither goes on to commit before the other has counted too.
        state["counted"] += 1
        if state["counted"] == 2:
            state["both_counted"].set()
        await asyncio.wait_for(state["both_counted"].wait(), timeout=30)
        return counts

    monkeypatch.setattr(links, "counts_sharing", counting)

    @contextlib.asynccontextmanager
    async def overlap():
        if engine.dialect.name == "postgresql":
            state.update(arrived=0, counted=0, alone=False, both_here=asyncio.Event(), both_counted=asyncio.Event())
        try:
            yield
        finally:
            state.clear()

    return overlap


async def test_two_tips_filed_at_the_same_moment_are_both_counted(session_factory, cases, admin, file, overlapping):
    [first] = await file(draft(0))
    async with overlapping():
        pair = await file(draft(1), draft(2), at=(NEW_YEAR - timedelta(seconds=1), NEW_YEAR))
    tips = [first, *pair]
    # One was counted second (filed P3, then raised by the other), the other third (filed P2): never both second.
    assert sorted(t.priority for t in pair) == ["P2", "P3"]
    for tip in tips:
        assert await shown(session_factory, cases, admin, tip.tip_id) == ("P2", 3, 2)
    async with overlapping():
        more = await file(draft(3), draft(4), at=(NEW_YEAR + timedelta(days=366), NEW_YEAR - timedelta(days=1)))
    for tip in [*tips, *more]:
        assert await shown(session_factory, cases, admin, tip.tip_id) == ("P2", 5, 4)
    async with session_factory() as session:
        alerts = (await session.scalars(select(OutboxMessage.tip_id).where(OutboxMessage.kind == "alert"))).all()
        escalated = (await session.scalars(select(TipEvent.tip_id).where(TipEvent.kind == "escalated"))).all()
    assert sorted(alerts) == sorted(t.tip_id for t in [*tips, *more])
    # Raised once each, by whichever of the pair was counted third: the first tip and the one counted second.
    second = next(t for t in pair if t.priority == "P3")
    assert sorted(escalated) == sorted([first.tip_id, second.tip_id])


async def test_a_tip_staff_lowered_is_raised_again_by_the_next_tip_and_a_closed_one_never(
    session_factory, cases, admin, file
):
    a, b, c = [*(await file(draft(0))), *(await file(draft(1))), *(await file(draft(2)))]
    async with session_factory() as session:
        await cases.set_priority(session, admin, a.tip_id, "P4", "sudah dicek, kecil")
        await cases.close(session, admin, b.tip_id, "duplicate")
        await session.commit()
    assert (await shown(session_factory, cases, admin, a.tip_id))[0] == "P4"
    [d] = await file(draft(3))
    assert await shown(session_factory, cases, admin, a.tip_id) == ("P2", 4, 3)
    assert await shown(session_factory, cases, admin, b.tip_id) == ("P2", 4, 3)  # closed: its old reason, counted now
    assert await shown(session_factory, cases, admin, c.tip_id) == ("P2", 4, 3)
    assert await shown(session_factory, cases, admin, d.tip_id) == ("P2", 4, 3)
    async with session_factory() as session:
        events = (
            await session.execute(select(TipEvent.tip_id, TipEvent.data).where(TipEvent.kind == "escalated"))
        ).all()
        closed = await session.get(Tip, b.tip_id)
    assert [(t, e["from"], e["to"], e["count"]) for t, e in events if t == a.tip_id][-1] == (a.tip_id, "P4", "P2", 4)
    assert closed.status == "closed" and closed.priority == "P2"


async def test_a_closed_tip_raised_before_keeps_its_priority_and_one_closed_before_the_raise_gets_no_reason(
    session_factory, cases, admin, file
):
    [a, b] = [*(await file(draft(0))), *(await file(draft(1)))]
    async with session_factory() as session:
        await cases.close(session, admin, b.tip_id, "duplicate")
        await session.commit()
    await file(draft(2), draft(3))
    assert await shown(session_factory, cases, admin, a.tip_id) == ("P2", 4, 3)
    assert await shown(session_factory, cases, admin, b.tip_id) == ("P3", None, 3)


async def test_other_recruiters_and_a_tip_without_one_are_not_counted(session_factory, cases, admin, file):
    tips = await file(draft(0), draft(1), draft(2), draft(9, recruiter="Om Yosef Bere"), draft(8, recruiter=""))
    assert [await shown(session_factory, cases, admin, t.tip_id) for t in tips] == [
        ("P2", 3, 2),
        ("P2", 3, 2),
        ("P2", 3, 2),
        ("P3", None, 0),
        ("P3", None, 0),
    ]


def test_the_current_count_replaces_only_the_linked_recruiter_reason():
    danger = summary("danger_now", "danger now")
    old = summary("linked_recruiter", "3 tips name the same recruiter", count="3")
    other = Reason("minor_involved", "a child")
    assert with_current_count([danger, old, other], 7) == [
        danger,
        summary("linked_recruiter", "7 tips name the same recruiter", count="7"),
        other,
    ]
    assert with_current_count([danger, other], 7) == [danger, other]  # no raise stored: none is made up
    assert with_current_count([danger, old, other], 2) == [danger, old, other]  # purged tips: the raise stands
