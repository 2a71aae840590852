"""Reporting a case through the emulator: the whole conversation, its branches, bad input, and anonymity."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select

from bot.emulator.driver import SAMPLE_JPEG, SAMPLE_PDF
from db.models.tips import Evidence, Tip
from tests.e2e.intake_steps import (
    CHANGE_ANSWER,
    DANGER_YES,
    NARRATIVE,
    SEND_PHONE,
    answer_until_review,
    case_and_receipt,
    open_report,
    skip_to_story,
    submit,
)

REPORTER_ID = 555123987


async def tips(harness) -> list[Tip]:
    async with harness.app.session_factory() as session:
        return list((await session.scalars(select(Tip).order_by(Tip.id))).all())


async def test_full_report_in_indonesian_with_photo_voice_and_location(harness):
    ana = harness.user(REPORTER_ID, "Ana", language_code="id")
    reply = await open_report(ana)
    assert "anonim" in reply.texts[0].lower()
    review = await answer_until_review(ana)
    summary = review.text
    assert "Pak Yohanes dari PT Maju Jaya" in summary and "Tenau" in summary
    assert "Kota Kupang" in summary
    assert "2 file" in summary
    reply = await submit(ana)
    case, receipt = case_and_receipt(reply)
    assert case.endswith("-00001")
    [tip] = await tips(harness)
    assert tip.case_number == case and tip.status == "new"
    assert tip.category == "recruitment_fraud" and tip.regency == "kota_kupang" and tip.lang == "id"
    assert tip.destination == "MY" and tip.transit_points == ["tenau", "nunukan"]
    assert tip.priority in {"P1", "P2"}  # "malam ini" in the story: departure imminent
    async with harness.app.session_factory() as session:
        kinds = sorted((await session.scalars(select(Evidence.kind).where(Evidence.tip_id == tip.id))).all())
    assert kinds == ["photo", "voice"]
    assert receipt not in repr(tip.__dict__)


async def test_danger_now_shows_help_at_once_and_marks_urgent(harness):
    ana = harness.user()
    await open_report(ana)
    reply = await ana.press(DANGER_YES)
    help_text = reply.texts[0]
    assert "110" in help_text and "129" in help_text and "08111-129-129" in help_text
    assert len(reply.messages) == 2  # the help first, then the next question
    await answer_until_review_after_danger(ana)
    await submit(ana)
    [tip] = await tips(harness)
    assert tip.urgent and tip.priority == "P1"


async def answer_until_review_after_danger(driver):
    from tests.e2e import intake_steps as s

    await driver.press(s.CATEGORY_RECRUITMENT)
    await skip_to_story(driver)  # where, when, where to (someone in danger: the short way to the story)
    await driver.say(NARRATIVE)
    return await driver.press(1)  # Done: the review


def _skip_index(driver) -> int:
    labels = driver.last_buttons()
    return next(i for i, label in enumerate(labels, 1) if "➡️" in label)


async def test_edit_an_answer_from_the_review_screen(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    await ana.press(CHANGE_ANSWER)
    await ana.press("Perekrut")
    reply = await ana.say("Ibu Maria, calo dari Soe")
    summary = reply.text
    assert "Ibu Maria, calo dari Soe" in summary and "Pak Yohanes" not in summary
    await submit(ana)
    assert len(await tips(harness)) == 1


async def test_cancel_deletes_the_draft_and_sends_nothing(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    labels = ana.last_buttons()
    cancel = next(i for i, label in enumerate(labels, 1) if "✖️" in label)
    await ana.press(cancel)
    reply = await ana.press(1)  # yes, delete
    assert any("Laporkan kasus" in b for b in reply.buttons)
    assert await tips(harness) == []
    reply = await ana.say("/start")
    assert "Selamat datang" in reply.texts[0]  # no "report in progress" any more


async def test_restart_mid_report_resumes_at_the_same_question(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await ana.say("Desa Oelbubuk, Soe")
    before = ana.last_text()
    await harness.restart()
    reply = await ana.press(2)  # "this week": the old buttons still work after the restart
    assert reply.messages, "the restarted bot must answer"
    assert before != ana.last_text()
    await skip_to_story(ana)
    await ana.say(NARRATIVE)
    review = await ana.press(1)
    assert "Desa Oelbubuk, Soe" in review.text and "Timor Tengah Selatan" in review.text


async def test_duplicate_update_and_double_submit_create_one_tip(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    review_message = ana.last_message(with_buttons=True)
    await submit(ana)
    harness.emulator.duplicate_last_update()
    await ana.settle()
    # A second press on the same (old) Submit button, as an impatient thumb does.
    harness.emulator.press(ana.user, review_message, index=1)
    await ana.settle()
    assert len(await tips(harness)) == 1


async def test_second_start_offers_resume_or_discard(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    reply = await ana.say("/start")
    assert len(reply.buttons) == 2
    reply = await ana.press(1)  # continue
    assert reply.messages and reply.buttons  # the category question again, with its buttons
    await ana.say("/start")
    reply = await ana.press(2)  # discard
    assert any("Laporkan kasus" in b for b in reply.buttons)


async def test_bad_input_is_answered_and_nothing_is_lost(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    reply = await ana.sticker()
    assert reply.messages and "tidak bisa" in reply.texts[0].lower()
    await ana.press(_skip_index(ana))  # where
    await ana.press(2)  # when
    reply = await ana.say("   ")
    assert reply.messages
    await ana.press(_skip_index(ana))  # where to
    await ana.press(2)  # people
    await ana.press(2)  # minors
    reply = await ana.say("x" * 1001)  # recruiter: over the 1,000 character limit
    assert "1000" in reply.text
    harness.emulator.send_poll(ana.user, "siapa?", ["a", "b"])
    reply = await ana.settle()
    assert reply.messages
    reply = await ana.contact("+6281234567890", "Yohanes")  # the recruiter's contact card is an answer here
    await ana.press(_skip_index(ana))  # route
    await ana.press(1)  # relation
    for _ in range(4):
        await ana.say("a" * 4096)
    reply = await ana.say("b" * 4096)  # the fifth part would pass the 20,000 character story limit
    assert "20000" in reply.text
    reply = await ana.document(b"MZ\x90\x00", file_name="setup.exe", mime_type="application/x-msdownload")
    assert reply.messages and "PDF" in reply.text
    reply = await ana.document(SAMPLE_PDF, file_name="kontrak.pdf", mime_type="application/pdf")
    assert "1" in reply.text
    harness.emulator.send_video(ana.user, b"\x00" * 10, declared_size=25_000_000)
    reply = await ana.settle()
    assert "20 MB" in reply.text
    for _ in range(9):
        await ana.photo(SAMPLE_JPEG)
    reply = await ana.photo(SAMPLE_JPEG)  # the eleventh file
    assert "10" in reply.text
    review = await ana.press(1)  # Done with the story: the review
    assert "Yohanes" in review.text and "10 file" in review.text  # the pdf and nine photos
    await submit(ana)
    [tip] = await tips(harness)
    assert tip.evidence_count == 10


async def test_daily_limit_is_stated_politely(make_settings):
    from tests.e2e.harness import running_bot

    async with running_bot(make_settings, max_reports_per_day=1) as harness:
        ana = harness.user()
        await open_report(ana)
        await answer_until_review(ana, with_media=False)
        await submit(ana)
        await ana.press(2)  # keep the conversation
        reply = await open_report(ana)
        assert "1" in reply.text and "110" in reply.text
        assert len(await tips(harness)) == 1


async def test_a_flood_is_throttled_with_one_warning(harness):
    ana = harness.user()
    await ana.say("/start")
    for i in range(40):
        harness.emulator.send_text(ana.user, f"halo {i}")
    reply = await ana.settle()
    warnings = [t for t in reply.texts if "terlalu cepat" in t]
    assert len(warnings) == 1


async def test_clear_chat_after_submit_deletes_the_report_messages(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    await submit(ana)
    reply = await ana.press(1)  # yes, delete this conversation
    assert reply.deletes
    remaining = [m for m in harness.emulator.chat_log(ana.chat_id) if not m.deleted]
    # What is left: /start, the welcome with the menu from before the report, and the final confirmation.
    assert len(remaining) == 3, [m.data.get("text") for m in remaining]
    assert remaining[0].data["text"] == "/start"
    assert "dihapus" in remaining[-1].data["text"].lower()


async def test_contact_phone_is_validated_and_encrypted(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await skip_to_story(ana)
    await ana.say(NARRATIVE)
    await ana.press(1)  # Done: the review
    await ana.press(SEND_PHONE)
    reply = await ana.say("bukan nomor")
    assert "0812 3456 7890" in reply.text
    review = await ana.say("0813 9999 8888")
    assert "+6281399998888" in review.text
    await ana.press(1)  # Send, with this number
    [tip] = await tips(harness)
    assert tip.contact is not None and b"6281399998888" not in tip.contact


async def test_raw_database_and_evidence_files_hold_no_identity_and_no_narrative(harness, settings):
    ana = harness.user(REPORTER_ID, "Yustina Bano", language_code="id")
    await open_report(ana)
    await answer_until_review(ana)
    await submit(ana)
    await asyncio.sleep(0)
    if not settings.is_sqlite:
        # On PostgreSQL read every table's rows as text instead of the file.
        async with harness.app.engine.connect() as conn:
            from sqlalchemy import text

            dump = ""
            for table in ("tips", "evidence", "conversation_states", "user_preferences", "telegram_updates"):
                dump += repr((await conn.execute(text(f"SELECT * FROM {table}"))).all())
        raw = dump.encode()
    else:
        db_path = Path(settings.database_url.split("///", 1)[1])
        files = (db_path, db_path.with_name(db_path.name + "-wal"))
        raw = b"".join(p.read_bytes() for p in files if p.exists())
    for secret in (str(REPORTER_ID), "Tetangga saya dijanjikan", "kebun sawit", "Pak Yohanes", "Yustina"):
        assert secret.encode() not in raw, secret
    files = list(settings.evidence_dir.glob("*.bin"))
    assert len(files) == 2
    for file in files:
        content = file.read_bytes()
        assert b"OggS" not in content and b"JFIF" not in content
    async with harness.app.session_factory() as session:
        assert await session.scalar(select(func.count()).select_from(Tip)) == 1


async def test_other_commands_mid_report_offer_resume_but_help_still_works(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    reply = await ana.say("/emergency")
    assert "110" in reply.text
    reply = await ana.say("/cekpt PT Maju")
    assert len(reply.buttons) == 2  # continue or discard: the draft is not silently abandoned
    reply = await ana.press(1)  # continue
    assert reply.buttons


async def test_going_back_shows_the_current_answer_marked(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)  # no danger
    await ana.press(3)  # forced or unpaid work
    reply = await ana.press("Kembali")  # back, from "where"
    assert "Jawaban saat ini" in reply.text
    assert any(label.startswith("✓ ") for label in reply.buttons)


async def test_two_quick_messages_do_not_race(harness):
    ana = harness.user()
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await skip_to_story(ana)
    # Two parts of the story sent at once: both are kept, none overwrites the other.
    harness.emulator.send_text(ana.user, "Bagian pertama cerita.")
    harness.emulator.send_text(ana.user, "Bagian kedua cerita.")
    await ana.settle()
    review = await ana.press(1)  # done (story): the review
    assert "Bagian pertama cerita." in review.text and "Bagian kedua cerita." in review.text


async def test_an_answer_button_delivered_twice_is_answered_once_and_stored_once(harness):
    """Telegram delivering a press again (its update handled and recorded already) must not answer it again, ask
    the next question twice, store the answer twice or fail. (A press answered before, handled again after a
    restart, is tests/unit/test_commit_before_send.py's.)"""
    ana = harness.user()
    await open_report(ana)
    first = await ana.press(2)  # an answer: the press is answered, the next question asked
    assert first.answers and first.messages
    draft_before = await harness.conversation_data(ana.user.id)
    harness.emulator.duplicate_last_update()
    again = await ana.settle()
    assert not again.messages and not again.edits and not again.answers
    assert await harness.conversation_data(ana.user.id) == draft_before
    assert harness.app.metrics.errors._value.get() == 0
    # The report goes on from the question asked once.
    reply = await ana.press(1)
    assert reply.messages and reply.buttons
