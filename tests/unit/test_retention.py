"""Retention: abandoned drafts and their files go after 7 days; closed tips lose their sensitive fields later."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import select

from bot.services.evidence import EvidenceStore
from bot.services.intake.draft import Draft, EvidenceRef
from bot.services.intake.submit import ANSWERS_CONTEXT, IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.retention import RetentionService
from bot.telegram.updates.conversation import ConversationStore
from db.models.conversation import ConversationState
from db.models.tips import Evidence, Tip


def _services(session_factory, settings, tmp_path):
    cipher = Cipher(settings.keys)
    store = EvidenceStore(tmp_path / "evidence", cipher)
    retention = RetentionService(session_factory, store, cipher, draft_days=7, closed_tip_days=365)
    return cipher, store, retention


def _age(path, days: float) -> None:
    then = (datetime.now(UTC) - timedelta(days=days)).timestamp()
    os.utime(path, (then, then))


async def test_abandoned_draft_and_its_files_are_deleted_after_seven_days(session_factory, settings, tmp_path):
    cipher, store, retention = _services(session_factory, settings, tmp_path)
    storage = ConversationStore(cipher, Pseudonymizer(settings.pepper_bytes))
    old, fresh = StorageKey(bot_id=1, chat_id=1, user_id=1), StorageKey(bot_id=1, chat_id=2, user_id=2)
    async with session_factory.begin() as session:
        await storage.write(session, old, "Intake:story", {}, datetime.now(UTC))
        await storage.write(session, fresh, "Intake:story", {}, datetime.now(UTC))

    async def get_state(key):
        async with session_factory() as session:
            return (await storage.read(session, key))[0]

    async with session_factory.begin() as session:
        row = await session.get(ConversationState, storage.row_key(old))
        row.updated_at = datetime.now(UTC) - timedelta(days=8)
    old_file, fresh_file = store.save(b"old photo"), store.save(b"new photo")
    _age(tmp_path / "evidence" / f"{old_file}.bin", 8)

    dry = await retention.run(datetime.now(UTC), dry_run=True)
    assert (dry.drafts, dry.draft_files) == (1, 1)
    assert await get_state(old) == "Intake:story"  # a dry run changes nothing

    report = await retention.run(datetime.now(UTC))
    assert (report.drafts, report.draft_files) == (1, 1)
    assert await get_state(old) is None
    assert await get_state(fresh) == "Intake:story"
    assert not store.exists(old_file) and store.exists(fresh_file)


async def test_closed_tip_keeps_triage_fields_but_loses_sensitive_data(session_factory, settings, tmp_path):
    cipher, store, retention = _services(session_factory, settings, tmp_path)
    intake = IntakeService(cipher=cipher, pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=5)
    ref = store.save(b"photo bytes")
    _age(tmp_path / "evidence" / f"{ref}.bin", 400)  # an old file that a tip still refers to stays
    draft = Draft(danger_now="no", category="forced_labour", contact="phone", contact_phone="+6281234567890")
    draft.story.append("Gaji tidak dibayar tiga bulan")
    draft.evidence.append(EvidenceRef(ref=ref, kind="photo", mime="image/jpeg", size=11))
    async with session_factory() as session:
        submitted = await intake.submit(session, draft, pseudonym="p")
        await session.commit()

    assert (await retention.run(datetime.now(UTC))).closed_tips == 0
    assert store.exists(ref)

    from bot.services.followup import FollowUpService
    from db.models.followup import TipMessage

    async with session_factory() as session:
        await FollowUpService(cipher=cipher, pseudonymizer=None).answer_question(
            session, submitted.tip_id, staff_id=1, text="jawaban"
        )
    async with session_factory.begin() as session:
        tip = await session.get(Tip, submitted.tip_id)
        tip.status, tip.closed_at = "closed", datetime.now(UTC) - timedelta(days=366)
    report = await retention.run(datetime.now(UTC))
    assert (report.closed_tips, report.tip_files) == (1, 1)
    async with session_factory() as session:
        tip = await session.get(Tip, submitted.tip_id)
        assert tip.category == "forced_labour" and tip.case_number == submitted.case_number
        assert cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT) == {"purged": True}
        assert tip.contact is None and tip.purged_at is not None
        assert (await session.scalars(select(Evidence))).all() == []
        assert (await session.scalars(select(TipMessage))).all() == []
    assert not store.exists(ref)
    assert (await retention.run(datetime.now(UTC))).closed_tips == 0  # once only
