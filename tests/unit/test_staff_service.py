"""The staff core on a real database: roles re-checked on every action, the state machine, notes and referrals
encrypted, linking by keyed hashes, the linked-recruiter raise, reminders, the append-only audit log."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text, update

from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.cases import CaseService
from bot.services.staff.directory import StaffError, add_staff, list_staff, parse_telegram_id, remove_staff
from bot.services.staff.model import QueueFilter, Refused
from bot.services.staff.reminders import enqueue_due_reminders
from db.models.audit import AuditEntry, AuditLogIsAppendOnly
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent, TipLinkKey
from db.models.tips import Tip
from db.repositories import staff as staff_repo

ADMIN, TRIAGER, VIEWER = 9001, 9002, 9003


class Clock:
    def __init__(self) -> None:
        self.value = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.value


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cipher(settings) -> Cipher:
    return Cipher(settings.keys)


@pytest.fixture
def cases(cipher, clock) -> CaseService:
    return CaseService(cipher=cipher, clock=clock)


@pytest.fixture
async def staff(session_factory):
    async with session_factory() as session:
        await add_staff(session, ADMIN, "admin", "Maria")
        await add_staff(session, TRIAGER, "triager")
        await add_staff(session, VIEWER, "viewer")

    async def get(telegram_id: int):
        async with session_factory() as session:
            return await staff_repo.get_active(session, telegram_id)

    return get


def draft(story: str, *, danger: str = "no", **fields) -> Draft:
    d = Draft(lang="id", danger_now=danger, category="recruitment_fraud", regency=fields.pop("regency", "kota_kupang"))
    for name, value in fields.items():
        setattr(d, name, value)
    d.story.append(story)
    return d


@pytest.fixture
def file(session_factory, settings, cipher):
    service = IntakeService(cipher=cipher, pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=1000)

    async def submit(*drafts: Draft, now: datetime | None = None):
        out = []
        for d in drafts:
            async with session_factory() as session:
                out.append(await service.submit(session, d, pseudonym="", now=now))
                await session.commit()
        return out

    return submit


@asynccontextmanager
async def work(session_factory):
    """A session whose work is committed at the end, as the bot's unit of work commits an update (services do not
    commit)."""
    async with session_factory() as session:
        yield session
        await session.commit()


async def tip(session_factory, tip_id: int) -> Tip:
    async with session_factory() as session:
        return await session.get(Tip, tip_id)


async def audit(session_factory) -> list[AuditEntry]:
    async with session_factory() as session:
        return list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())


# Directory ---------------------------------------------------------------------------------------------------


async def test_staff_are_added_listed_and_removed_and_a_removed_member_keeps_their_row(session_factory):
    async with session_factory() as session:
        member, created = await add_staff(session, 111, "triager", "  Yos   Lake ")
        assert created and member.name == "Yos Lake"
        _, created = await add_staff(session, 111, "admin")
        assert not created
        assert [(m.telegram_id, m.role.value) for m in await list_staff(session)] == [(111, "admin")]
        assert await remove_staff(session, 111)
        assert not await remove_staff(session, 111)
        assert await list_staff(session) == []
        assert await staff_repo.get_active(session, 111) is None
        assert (await staff_repo.get_any(session, 111)).name == "Yos Lake"
        with pytest.raises(StaffError):
            await add_staff(session, 112, "boss")
    with pytest.raises(StaffError):
        parse_telegram_id("-100123")
    with pytest.raises(StaffError):
        parse_telegram_id("abc")
    assert [r.action for r in await audit(session_factory)] == ["staff_add", "staff_add", "staff_remove"]


# Working a tip -----------------------------------------------------------------------------------------------


async def test_claim_assigns_moves_new_into_review_and_is_audited(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    admin = await staff(ADMIN)
    async with work(session_factory) as session:
        await cases.claim(session, admin, filed.tip_id)
        view = await cases.summary(session, admin, filed.tip_id)
    assert view.status == "in_review" and view.assignee.telegram_id == ADMIN
    assert [e.kind for e in view.history] == ["claim", "status"]
    assert (await tip(session_factory, filed.tip_id)).first_response_at is not None
    assert [(r.staff_id, r.action, r.case_number) for r in await audit(session_factory)][-1] == (
        ADMIN,
        "claim",
        filed.case_number,
    )


async def test_roles_are_checked_on_every_action_and_refusals_are_audited(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    viewer, triager = await staff(VIEWER), await staff(TRIAGER)
    async with work(session_factory) as session:
        with pytest.raises(Refused) as refused:
            await cases.claim(session, viewer, filed.tip_id)
        assert refused.value.code == "role"
        await cases.view(session, viewer, filed.tip_id)  # viewers look
        with pytest.raises(Refused):
            await cases.assignable(session, triager)  # assigning is for admins
        with pytest.raises(Refused):
            await cases.audit_trail(session, triager, filed.case_number)
    assert (await tip(session_factory, filed.tip_id)).status == "new"
    refused_rows = [(r.staff_id, r.action) for r in await audit(session_factory) if r.result == "refused"]
    assert refused_rows == [(VIEWER, "claim"), (TRIAGER, "assign"), (TRIAGER, "audit")]
    async with session_factory() as session:
        await remove_staff(session, TRIAGER)
        assert await staff_repo.get_active(session, TRIAGER) is None  # the adapter re-reads: refused from now on


async def test_a_triager_cannot_take_a_tip_someone_else_claimed(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    async with work(session_factory) as session:
        await cases.claim(session, await staff(ADMIN), filed.tip_id)
        with pytest.raises(Refused) as refused:
            await cases.claim(session, await staff(TRIAGER), filed.tip_id)
    assert refused.value.code == "already_claimed" and refused.value.params["holder"] == "Maria"


async def test_the_state_machine_is_followed_and_reasons_are_given(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    admin, triager = await staff(ADMIN), await staff(TRIAGER)
    async with work(session_factory) as session:
        with pytest.raises(Refused) as refused:
            await cases.close(session, admin, filed.tip_id, "actioned")
        assert refused.value.params == {"error": "not_allowed", "current": "new", "target": "closed"}
        with pytest.raises(Refused):
            await cases.refer(session, admin, filed.tip_id, "police", date(2026, 11, 27), None)
        await cases.set_status(session, triager, filed.tip_id, "in_review")
        with pytest.raises(Refused) as refused:
            await cases.set_status(session, triager, filed.tip_id, "in_review")
        assert refused.value.params["error"] == "same_status"
        await cases.refer(session, triager, filed.tip_id, "polda_tf", date(2026, 11, 27), "Ref 12/XI")
        await cases.refer(session, triager, filed.tip_id, "bp3mi", date(2026, 11, 28), None)  # a second agency
        await cases.close(session, triager, filed.tip_id, "referred")
        with pytest.raises(Refused) as refused:
            await cases.set_status(session, triager, filed.tip_id, "in_review")  # reopening is for admins
        assert refused.value.code == "role"
        await cases.set_status(session, admin, filed.tip_id, "in_review")
        view = await cases.view(session, admin, filed.tip_id)
    assert view.status == "in_review" and view.closed_at is None and view.outcome is None
    kinds = [e.kind for e in view.history]
    assert kinds == ["status", "status", "referral", "referral", "status", "close", "status", "reopen"]
    referral = view.history[2]
    assert referral.data == {"agency": "polda_tf", "on": "2026-11-27"} and referral.text == "Ref 12/XI"


async def test_a_new_tip_may_be_closed_as_a_duplicate(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    async with work(session_factory) as session:
        await cases.close(session, await staff(TRIAGER), filed.tip_id, "duplicate")
    row = await tip(session_factory, filed.tip_id)
    assert row.status == "closed" and row.closed_at is not None


async def test_notes_and_reasons_are_required_and_stored_encrypted(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo di Soe."))
    admin = await staff(ADMIN)
    async with work(session_factory) as session:
        with pytest.raises(Refused) as refused:
            await cases.add_note(session, admin, filed.tip_id, "   ")
        assert refused.value.code == "reason_required"
        with pytest.raises(Refused):
            await cases.set_priority(session, admin, filed.tip_id, "P1", "")
        await cases.add_note(session, admin, filed.tip_id, "Nomor calo 0812-1111-2222")
        await cases.set_priority(session, admin, filed.tip_id, "P1", "Korban berangkat malam ini")
        raw = (await session.execute(text("select text from tip_events where text is not null"))).scalars().all()
    assert len(raw) == 2 and all(b"0812" not in blob and b"Korban" not in blob for blob in raw)
    row = await tip(session_factory, filed.tip_id)
    assert row.priority == "P1"
    assert row.deadline_at - datetime.now(UTC) < timedelta(minutes=31)
    for entry in await audit(session_factory):
        assert "0812" not in repr(entry.detail) and "Korban" not in repr(entry.detail)


async def test_the_view_decrypts_everything_but_never_shows_the_reporters_chat(session_factory, cases, staff, file):
    d = draft("Cerita lengkap.", recruiter="Om Yos", contact="chat")
    async with work(session_factory) as session:
        service = IntakeService(cipher=cases._cipher, pseudonymizer=Pseudonymizer(b"x" * 32), max_per_day=10)
        filed = await service.submit(session, d, pseudonym="", notify_chat_id=555123)
        await session.commit()
    async with work(session_factory) as session:
        view = await cases.view(session, await staff(VIEWER), filed.tip_id)
    assert view.answers["story"] == "Cerita lengkap." and view.answers["recruiter"] == "Om Yos"
    assert view.contact == {"kind": "chat"}
    assert view.reasons


async def test_queue_is_most_urgent_then_oldest_with_filters_and_pages(session_factory, cases, staff, file, clock):
    base = datetime.now(UTC) - timedelta(hours=3)
    p3 = await file(*(draft(f"Tip {i} calo di pasar", regency="tts") for i in range(25)), now=base)
    [p1] = await file(
        draft("Dia dikurung, besok naik kapal.", danger="yes", regency="belu"), now=base + timedelta(hours=1)
    )
    admin = await staff(ADMIN)
    async with work(session_factory) as session:
        page = await cases.queue(session, admin, QueueFilter(), 1)
        assert page.total == 26 and page.pages == 2 and len(page.items) == 20  # 20 a page
        assert [i.case_number for i in page.items][:2] == [p1.case_number, p3[0].case_number]
        page2 = await cases.queue(session, admin, QueueFilter(), 2)
        assert [i.case_number for i in page2.items] == [s.case_number for s in p3[19:]]
        assert (await cases.queue(session, admin, QueueFilter(regency="belu"), 1)).total == 1
        assert (await cases.queue(session, admin, QueueFilter(priority="P3", regency="tts"), 1)).total == 25
        assert (await cases.queue(session, admin, QueueFilter(mine=True), 1)).total == 0
        await cases.claim(session, admin, p3[5].tip_id)
        mine = await cases.queue(session, admin, QueueFilter(mine=True), 1)
        assert [i.case_number for i in mine.items] == [p3[5].case_number]
        assert (await cases.queue(session, admin, QueueFilter(status="in_review"), 1)).total == 1
        overdue = await cases.overdue(session, admin)
        # P1: 30 minutes to a first response; P3: 3 working days.
        assert [late.item.case_number for late in overdue.items] == [p1.case_number]
        assert overdue.response_total == 1 and overdue.resolution_total == 0


# Linking -----------------------------------------------------------------------------------------------------


async def test_tips_sharing_a_phone_written_two_ways_are_related_and_keys_are_hashed(
    session_factory, cases, staff, file
):
    a, b, _unrelated = await file(
        draft("Anak saya direkrut.", recruiter="Om Anton 0812-3456-7890"),
        draft("Tawaran kerja, nomornya +62 812 3456 7890."),
        draft("Lain cerita, 0813 9999 1111."),
    )
    async with work(session_factory) as session:
        view = await cases.view(session, await staff(ADMIN), b.tip_id)
        keys = (await session.scalars(select(TipLinkKey))).all()
    assert [(r.case_number, r.via) for r in view.related] == [(a.case_number, frozenset({"phone"}))]
    assert all(len(k.key_hash) == 64 and "6281234567890" not in k.key_hash for k in keys)


async def test_three_tips_naming_one_recruiter_raise_each_to_p2_but_not_a_closed_one(
    session_factory, cases, staff, file
):
    first, closed = await file(
        draft("Tip satu, perekrut di desa.", recruiter="PT Maju Jaya Sejahtera"),
        draft("Tip dua, perekrut di desa.", recruiter="P.T. Maju Jaya Sejahtra"),
    )
    async with work(session_factory) as session:
        await cases.close(session, await staff(ADMIN), closed.tip_id, "duplicate")
    assert (await tip(session_factory, first.tip_id)).priority == "P3"
    [third] = await file(draft("Tip tiga, perekrut di desa.", recruiter="pt maju jaya sejahtera"))
    assert third.priority == "P2"
    assert (await tip(session_factory, first.tip_id)).priority == "P2"
    assert (await tip(session_factory, closed.tip_id)).priority == "P3"
    async with work(session_factory) as session:
        events = (await session.scalars(select(TipEvent).where(TipEvent.kind == "escalated"))).all()
        kinds = (await session.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id))).all()
        view = await cases.view(session, await staff(ADMIN), first.tip_id)
    assert [e.tip_id for e in events] == [first.tip_id]
    assert sorted(kinds) == ["alert", "alert", "alert", "escalated"]
    assert "linked_recruiter" in [r.code for r in view.reasons]


async def test_staff_link_and_unlink_tips(session_factory, cases, staff, file):
    a, b = await file(draft("Satu."), draft("Dua."))
    admin = await staff(ADMIN)
    async with work(session_factory) as session:
        assert await cases.link(session, admin, a.tip_id, b.case_number.lower()) == b.case_number
        assert [r.via for r in (await cases.summary(session, admin, b.tip_id)).related] == [frozenset({"manual"})]
        with pytest.raises(Refused):
            await cases.link(session, admin, a.tip_id, a.case_number)
        with pytest.raises(Refused):
            await cases.link(session, admin, a.tip_id, "TPPO-1999-99999")
        await cases.unlink(session, admin, b.tip_id, a.tip_id)
        assert (await cases.summary(session, admin, a.tip_id)).related == []
        with pytest.raises(Refused):
            await cases.unlink(session, admin, b.tip_id, a.tip_id)
        assert (await cases.find(session, str(int(a.case_number[-5:])))).id == a.tip_id  # "/tip 1" works too


# Reminders ---------------------------------------------------------------------------------------------------


async def test_reminders_once_per_interval_until_acknowledged(session_factory, cases, staff, file):
    start = datetime.now(UTC)
    [p1] = await file(draft("Dia dikurung, besok naik kapal.", danger="yes"), now=start)
    await file(draft("Ada calo."), now=start)

    async def remind(minutes: float) -> int:
        async with session_factory() as session:
            n = await enqueue_due_reminders(session, start + timedelta(minutes=minutes))
            await session.commit()
            return n

    assert await remind(29) == 0
    assert await remind(30) == 1
    assert await remind(45) == 0
    assert await remind(61) == 1
    async with work(session_factory) as session:
        await cases.claim(session, await staff(TRIAGER), p1.tip_id)
    assert await remind(200) == 0
    async with session_factory() as session:
        keys = (await session.scalars(select(OutboxMessage.dedup_key).where(OutboxMessage.kind == "reminder"))).all()
    assert keys == [f"reminder:{p1.tip_id}:1", f"reminder:{p1.tip_id}:2"]


# Audit -------------------------------------------------------------------------------------------------------


async def test_the_audit_log_is_append_only(session_factory, cases, staff, file):
    [filed] = await file(draft("Ada calo."))
    admin = await staff(ADMIN)
    async with work(session_factory) as session:
        await cases.view(session, admin, filed.tip_id)
        trail = await cases.audit_trail(session, admin, filed.case_number)
    assert [line.action for line in trail] == ["view"]
    async with session_factory() as session:
        entry = await session.scalar(select(AuditEntry))
        entry.action = "nothing"
        with pytest.raises(AuditLogIsAppendOnly):
            await session.flush()
    async with session_factory() as session:
        await session.delete(await session.scalar(select(AuditEntry)))
        with pytest.raises(AuditLogIsAppendOnly):
            await session.flush()
    async with session_factory() as session:
        with pytest.raises(Exception, match="append-only"):
            await session.execute(update(AuditEntry).values(action="x"))
        await session.rollback()
        with pytest.raises(Exception, match="append-only"):
            await session.execute(text("delete from audit_log"))
