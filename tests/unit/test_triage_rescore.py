"""Later information from the reporter re-scores the tip: a raise is stored with its reasons and deadline, written
to the tip's history and the audit log, and a raise to P1 alerts the staff group again through the outbox. Nothing
is lowered, a staff decision is not undone by something less urgent, and the reporter's message is never lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.services.followup import FollowUpService
from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.cases import CaseService
from bot.services.staff.directory import add_staff
from bot.services.staff.filing import stored_reasons
from bot.services.triage import TipFacts
from bot.services.triage.rescore import rescore, with_additions
from db.models.audit import AuditEntry
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.repositories import staff as staff_repo

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def cipher(settings) -> Cipher:
    return Cipher(settings.keys)


@pytest.fixture
def followup(cipher) -> FollowUpService:
    return FollowUpService(cipher=cipher, pseudonymizer=None)


@pytest.fixture
def file(session_factory, settings, cipher):
    service = IntakeService(cipher=cipher, pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=1000)

    async def submit(story: str, **fields) -> int:
        draft = Draft(lang="id", danger_now=fields.pop("danger", "no"), category=fields.pop("category", "other"))
        for name, value in fields.items():
            setattr(draft, name, value)
        draft.story.append(story)
        async with session_factory() as session:
            filed = await service.submit(session, draft, pseudonym="", now=NOW)
            await session.commit()
            return filed.tip_id

    return submit


async def tip_row(session_factory, tip_id: int) -> Tip:
    async with session_factory() as session:
        return await session.get(Tip, tip_id)


async def rows(session_factory, model, tip_id: int) -> list:
    async with session_factory() as session:
        return list((await session.scalars(select(model).where(model.tip_id == tip_id).order_by(model.id))).all())


async def add(session_factory, followup, tip_id: int, text: str, at: datetime) -> None:
    async with session_factory() as session:
        await followup.add(session, tip_id, text=text, now=at)


async def test_new_information_that_makes_it_urgent_raises_the_tip_to_p1_and_alerts_again(
    session_factory, followup, file, cipher
):
    tip_id = await file("Tetangga saya mau kerja di Malaysia lewat calo", departure="this_week")
    before = await tip_row(session_factory, tip_id)
    assert before.priority == "P2"
    later = NOW + timedelta(hours=5)
    await add(session_factory, followup, tip_id, "Barusan dong tarik paksa dia masuk oto di depan pasar", later)

    tip = await tip_row(session_factory, tip_id)
    assert tip.priority == "P1"
    assert tip.deadline_at.replace(tzinfo=UTC) == later + timedelta(minutes=30)  # counted from the raise
    reasons = stored_reasons(tip, cipher)
    forced = [r for r in reasons if r.code == "taken_by_force"]
    assert forced and forced[0].quote == "tarik paksa"
    [event] = [e for e in await rows(session_factory, TipEvent, tip_id) if e.kind == "rescored"]
    assert event.staff_id is None and event.data == {"from": "P2", "to": "P1", "cause": "reporter"}
    audit = [a for a in await rows(session_factory, AuditEntry, tip_id) if a.action == "rescore"]
    assert len(audit) == 1 and audit[0].actor == "system" and audit[0].detail["to"] == "P1"
    alerts = [m for m in await rows(session_factory, OutboxMessage, tip_id) if m.kind == "escalated"]
    assert len(alerts) == 1
    assert alerts[0].payload["priority"] == "P1" and alerts[0].payload["cause"] == "reporter"
    # The alert says codes only: nothing the reporter wrote.
    assert "tarik" not in repr(alerts[0].payload)


async def test_a_raise_below_p1_is_recorded_without_a_new_group_alert(session_factory, followup, file):
    tip_id = await file("Ada calo di desa kami")
    assert (await tip_row(session_factory, tip_id)).priority == "P3"
    await add(session_factory, followup, tip_id, "paspor adik saya ditahan agen", NOW + timedelta(hours=1))
    tip = await tip_row(session_factory, tip_id)
    assert tip.priority == "P2"
    assert [e.kind for e in await rows(session_factory, TipEvent, tip_id)] == ["rescored"]
    assert not [m for m in await rows(session_factory, OutboxMessage, tip_id) if m.kind == "escalated"]


async def test_information_that_is_not_more_urgent_changes_nothing(session_factory, followup, file):
    tip_id = await file("Dia dikurung majikan di Johor")
    assert (await tip_row(session_factory, tip_id)).priority == "P1"
    await add(session_factory, followup, tip_id, "sekarang dia sudah pulang dengan selamat", NOW + timedelta(hours=1))
    tip = await tip_row(session_factory, tip_id)
    assert tip.priority == "P1"  # never lowered by the reporter's words
    assert not [e for e in await rows(session_factory, TipEvent, tip_id) if e.kind == "rescored"]


async def test_a_priority_set_by_staff_is_not_undone_by_something_less_urgent(session_factory, followup, file, cipher):
    tip_id = await file("Ada calo di desa kami")  # P3
    async with session_factory() as session:
        await add_staff(session, 9001, "admin", "Maria")
    clock = lambda: NOW + timedelta(minutes=10)  # noqa: E731
    async with session_factory() as session:
        maria = await staff_repo.get_active(session, 9001)
        cases = CaseService(cipher=cipher, clock=clock)
        await cases.set_priority(session, maria, tip_id, "P4", "known broker, checked")
        await session.commit()  # services do not commit: the caller does
    await add(session_factory, followup, tip_id, "calonya namanya Om Yos", NOW + timedelta(hours=1))
    assert (await tip_row(session_factory, tip_id)).priority == "P4"  # still P3 by the rules: staff decided P4
    await add(session_factory, followup, tip_id, "tadi malam Om Yos ancam mau bunuh saya", NOW + timedelta(hours=2))
    assert (await tip_row(session_factory, tip_id)).priority == "P1"  # more urgent than the staff decision


async def test_files_and_answers_count_as_information(session_factory, followup, file, cipher):
    tip_id = await file("Ada yang mau dibawa ke Malaysia", category="other")
    assert (await tip_row(session_factory, tip_id)).priority == "P4"
    # Answering the task force's question counts the same as adding information.
    await add(session_factory, followup, tip_id, "Adik saya umur 15 tahun, dia sudah dibawa sponsor ke Batam", NOW)
    assert (await tip_row(session_factory, tip_id)).priority == "P1"


async def test_a_scoring_failure_never_loses_the_message(session_factory, followup, file, monkeypatch):
    tip_id = await file("Ada calo di desa kami")

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.services.staff.rescore.rescore", broken)
    await add(session_factory, followup, tip_id, "tadi malam dong pukul dia", NOW)
    thread = None
    async with session_factory() as session:
        thread = await followup.thread(session, tip_id)
    assert [text for _, text, _, _ in thread] == ["tadi malam dong pukul dia"]
    assert (await tip_row(session_factory, tip_id)).priority == "P3"


def test_rescore_is_pure_and_keeps_a_linked_recruiter_raise():
    from bot.services.triage.reasons import summary

    base = TipFacts(narrative="ada calo di desa")
    linked = [summary("linked_recruiter", "4 tips name the same recruiter", count="4")]
    same = rescore(base, with_additions(base, ["calonya ramah"], 0), "P2", linked)
    assert not same.raised and same.after.priority.value == "P2"  # the link raise is kept in the new score
    up = rescore(base, with_additions(base, ["dia dikurung sekarang"], 0), "P2", linked)
    assert up.raised and up.to_p1 and "linked_recruiter" in up.after.codes


def test_the_reporters_words_do_not_linger_in_memory_after_a_rescore():
    from bot.services.triage.signals import find_signals
    from bot.services.triage.tense import text_of

    base = TipFacts(narrative="Tadi malam adik saya dibawa calo ke Batam")
    rescore(base, with_additions(base, ["dia dikurung sekarang"], 0), "P2", [])
    texts = (base.narrative, "dia dikurung sekarang")
    assert not any(text in find_signals or text in text_of for text in texts)
