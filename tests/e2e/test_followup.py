"""Check my report: status by receipt, questions from the task force, answers and additions, guessing brake."""

from __future__ import annotations

from sqlalchemy import select

from bot.emulator.driver import SAMPLE_JPEG
from bot.services.followup import MESSAGE_CONTEXT
from bot.services.intake.submit import CONTACT_CONTEXT
from db.models.followup import TipMessage
from db.models.tips import Evidence, Tip
from tests.e2e.intake_steps import SEND_CHAT, answer_until_review, case_and_receipt, open_report, submit


async def file_report(harness, driver, *, contact: int | None = None) -> tuple[str, str]:
    await open_report(driver)
    await answer_until_review(driver, with_media=False)
    # Sent anonymously, or with the review's other way of sending (allowing messages in this chat).
    reply = await driver.press(contact) if contact is not None else await submit(driver)
    await driver.press(2)  # keep the conversation
    return case_and_receipt(reply)


async def the_tip(harness) -> Tip:
    async with harness.app.session_factory() as session:
        return (await session.scalars(select(Tip))).one()


async def staff_asks(harness, question: str) -> int | None:
    tip = await the_tip(harness)
    async with harness.app.session_factory() as session:
        return await harness_followup(harness).ask(session, tip.id, staff_id=42, text=question)


def harness_followup(harness):
    from bot.services.followup import FollowUpService

    return FollowUpService(cipher=harness.app.cipher, pseudonymizer=harness.app.pseudonymizer)


async def open_status(driver, receipt: str):
    await driver.say("/start")
    await driver.press(4)  # "Check my report"
    return await driver.say(receipt)


async def test_status_question_answer_with_photo(harness):
    ana = harness.user()
    case, receipt = await file_report(harness, ana)
    reply = await open_status(ana, receipt.lower().replace("-", " "))  # typed loosely
    assert case in reply.text and "sudah diterima" in reply.text

    await staff_asks(harness, "Kapan tepatnya mereka berangkat? <b>jam berapa</b>?")
    reply = await open_status(ana, receipt)
    assert "Satgas TPPO bertanya" in reply.text
    assert "&lt;b&gt;" not in reply.text and "<b>jam berapa</b>" in reply.text  # shown as text, not as markup
    await ana.press("Jawab")
    await ana.say("Besok pagi jam 5 dari pelabuhan Tenau")
    reply = await ana.photo(SAMPLE_JPEG)
    assert "Tersimpan" in reply.text
    await ana.press(1)  # done

    tip = await the_tip(harness)
    assert tip.status == "in_review" and tip.evidence_count == 1
    async with harness.app.session_factory() as session:
        messages = (await session.scalars(select(TipMessage).order_by(TipMessage.id))).all()
        evidence = (await session.scalars(select(Evidence))).all()
    kinds = [m.kind for m in messages]
    assert kinds == ["question", "answer", "answer"] or kinds == ["question", "answer", "addition"]
    assert messages[0].answered_at is not None
    text = harness.app.cipher.decrypt_text(messages[1].body, context=MESSAGE_CONTEXT)
    assert text == "Besok pagi jam 5 dari pelabuhan Tenau"
    assert [e.kind for e in evidence] == ["photo"]


async def test_a_second_account_with_the_receipt_can_follow_up(harness):
    ana = harness.user(1001, "Ana")
    _, receipt = await file_report(harness, ana)
    other_phone = harness.user(1002, "Ana di HP lain", language_code="en")
    reply = await open_status(other_phone, receipt)
    assert "Status:" in reply.text
    await other_phone.press("Add information")
    reply = await other_phone.say("I remembered the car plate: DH 1234 AB")
    assert "Saved" in reply.text


async def test_guessing_receipts_hits_the_pause(harness):
    ana = harness.user()
    _, receipt = await file_report(harness, ana)
    guesser = harness.user(3003, "Guesser")
    await guesser.say("/status")
    for attempt in range(4):
        reply = await guesser.say(f"AAAA-BBBB-CCCC-D{attempt + 2}")
        assert "Tidak ada laporan" in reply.text
    reply = await guesser.say("ZZZZ-ZZZZ-ZZZZ-ZZ")  # the fifth wrong code
    assert "satu jam" in reply.text
    await guesser.say("/status")
    reply = await guesser.say(receipt)  # even the right code waits
    assert "satu jam" in reply.text and "Status:" not in reply.text
    harness.emulator.advance_time(0)  # the pause is per account: the reporter still gets in
    reply = await open_status(ana, receipt)
    assert "Status:" in reply.text


async def test_unknown_and_malformed_codes_get_the_same_answer(harness):
    ana = harness.user()
    await ana.say("/status")
    first = (await ana.say("hello")).text
    second = (await ana.say("AAAA-BBBB-CCCC-DD")).text
    assert first == second


async def test_notice_permission_is_encrypted_and_can_be_withdrawn(harness):
    ana = harness.user()
    _, receipt = await file_report(harness, ana, contact=SEND_CHAT)
    tip = await the_tip(harness)
    contact = harness.app.cipher.decrypt_json(tip.contact, context=CONTACT_CONTEXT)
    assert contact == {"kind": "chat", "chat_id": ana.chat_id}
    assert str(ana.chat_id).encode() not in tip.contact
    assert await staff_asks(harness, "Boleh kami bertanya?") == ana.chat_id
    reply = await open_status(ana, receipt)
    assert any("Hentikan" in b for b in reply.buttons)
    reply = await ana.press("Hentikan")
    assert "dimatikan" in reply.text
    assert (await the_tip(harness)).contact is None
    assert await staff_asks(harness, "Pertanyaan kedua") is None


async def test_closed_tip_shows_closed_and_takes_no_additions(harness):
    ana = harness.user()
    _, receipt = await file_report(harness, ana)
    async with harness.app.session_factory.begin() as session:
        tip = (await session.scalars(select(Tip))).one()
        tip.status = "closed"
    reply = await open_status(ana, receipt)
    assert "kasus sudah ditutup" in reply.text
    assert not any("Tambah" in b for b in reply.buttons)


# The task-force side of the follow-up ------------------------------------------------------------------------


async def _staff_opens(harness, staff, case: str):
    await staff.say(f"/tip {case}")


async def test_staff_question_reaches_the_reporter_and_the_answer_with_a_photo_reaches_the_staff_member(harness):
    from tests.e2e.staff_steps import ADMIN_ID, register

    ana = harness.user()
    case, receipt = await file_report(harness, ana, contact=SEND_CHAT)
    await register(harness, ADMIN_ID, "admin", "Petugas Maria")
    staff = harness.user(ADMIN_ID, "Maria", language_code="id")
    await _staff_opens(harness, staff, case)
    await staff.press("Klaim")
    await staff.press("Tanya pelapor")
    reply = await staff.say("Apakah Anda tahu nomor HP perekrutnya?")
    assert "pemberitahuan netral" in reply.text.lower()

    # The opted-in reporter gets a neutral notice only: no question, no case number.
    notices = [m["text"] for m in harness.emulator.sent_messages(ana.chat_id) if "kabar baru" in m.get("text", "")]
    assert len(notices) == 1
    assert case not in notices[0] and "nomor HP" not in notices[0]

    reply = await open_status(ana, receipt)
    assert "Apakah Anda tahu nomor HP perekrutnya?" in reply.text
    await ana.press("Jawab")
    await ana.say("Nomornya 0812 9999 1111")
    await ana.photo(SAMPLE_JPEG)
    await ana.press(1)

    # The assigned staff member is told in their private chat, with codes only.
    staff_alerts = [m["text"] for m in harness.emulator.sent_messages(ADMIN_ID) if case in m.get("text", "")]
    assert any("menjawab" in t.lower() for t in staff_alerts), staff_alerts
    assert not any("0812 9999 1111" in t for t in staff_alerts)
    reply = await staff.say(f"/tip {case}")
    assert "Nomornya 0812 9999 1111" in reply.text
    assert "bertanya kepada pelapor: Apakah Anda tahu nomor HP perekrutnya?" in reply.text  # the history
    reply = await staff.say(f"/audit {case}")
    assert "bertanya kepada pelapor" in reply.text
    assert (await the_tip(harness)).status == "in_review"
    assert any(m.get("photo") for m in harness.emulator.sent_messages(ADMIN_ID))


async def test_no_notice_for_a_reporter_who_did_not_allow_it(harness):
    from tests.e2e.staff_steps import ADMIN_ID, register

    ana = harness.user()
    case, receipt = await file_report(harness, ana)  # anonymous, no contact
    await register(harness, ADMIN_ID, "admin")
    staff = harness.user(ADMIN_ID, "Maria")
    await _staff_opens(harness, staff, case)
    await staff.press("Tanya pelapor")
    reply = await staff.say("Kapan mereka berangkat?")
    assert "pemberitahuan netral" not in reply.text.lower()
    assert not any("kabar baru" in m.get("text", "") for m in harness.emulator.sent_messages(ana.chat_id))
    assert "Kapan mereka berangkat?" in (await open_status(ana, receipt)).text


async def test_closing_a_tip_forgets_the_reporter_chat(harness):
    from sqlalchemy import select

    from db.models.outbox import OutboxMessage
    from tests.e2e.staff_steps import ADMIN_ID, register

    ana = harness.user()
    case, _ = await file_report(harness, ana, contact=SEND_CHAT)
    await register(harness, ADMIN_ID, "admin")
    staff = harness.user(ADMIN_ID, "Maria")
    await _staff_opens(harness, staff, case)
    await staff.press("Tanya pelapor")
    await staff.say("Pertanyaan")
    await _staff_opens(harness, staff, case)
    await staff.press("Tutup")
    await staff.press(1)
    tip = await the_tip(harness)
    assert tip.status == "closed" and tip.contact is None
    async with harness.app.session_factory() as session:
        rows = (await session.scalars(select(OutboxMessage).where(OutboxMessage.tip_id == tip.id))).all()
    assert not [r for r in rows if r.destination.startswith("sealed:")]
    assert all(str(ana.chat_id) not in r.destination for r in rows)
