"""The task force works a tip from a private chat: queue, the whole tip, claim, note, refer, close, audit; and
everyone else is refused."""

from __future__ import annotations

import logging

from sqlalchemy import select

from bot.emulator.server import buttons_of
from bot.telegram.staff.callbacks import StaffCb
from db.models.audit import AuditEntry
from db.models.staff import TipLinkKey
from db.models.tips import Tip
from tests.e2e.harness import STAFF_GROUP_ID
from tests.e2e.intake_steps import answer_until_review, case_and_receipt, open_report, submit
from tests.e2e.staff_steps import (
    ADMIN_ID,
    TRIAGER_ID,
    VIEWER_ID,
    file_tips,
    link_clocks,
    make_draft,
    register,
    settle,
)


async def tip_row(harness, case: str) -> Tip:
    async with harness.app.session_factory() as session:
        return await session.scalar(select(Tip).where(Tip.case_number == case))


async def audit_rows(harness) -> list[AuditEntry]:
    async with harness.app.session_factory() as session:
        return list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())


async def test_a_tip_is_claimed_noted_referred_and_closed_and_the_audit_shows_each_step(harness):
    reporter = harness.user(555002, "Ana")
    await open_report(reporter)
    await answer_until_review(reporter)
    case, _ = case_and_receipt((await submit(reporter)).in_chat(reporter.chat_id))
    await register(harness, ADMIN_ID, "admin", "Maria")
    maria = harness.user(ADMIN_ID, "Maria", language_code="en")

    reply = await maria.say(f"/tip {case}")
    shown = reply.text
    assert case in shown and "Pak Yohanes dari PT Maju Jaya" in shown and "Tetangga saya" in shown
    kinds = [next(k for k in ("photo", "voice", "text") if k in m) for m in reply.messages]
    assert "photo" in kinds and "voice" in kinds  # the evidence itself, from the decrypted files
    assert all(m.get("has_protected_content") for m in reply.messages[:-1])
    assert "Why this priority" in shown
    assert "Claim" in " ".join(reply.buttons)

    reply = await maria.press("Claim")
    assert any(case in (a.text or "") for a in reply.answers)
    assert "Assigned to Maria" in reply.text and "in review" in reply.text

    reply = await maria.press("Add note")
    assert "Write the note" in reply.text
    reply = await maria.say("Kepala desa sudah ditelepon <ok>")
    assert "Note added" in reply.text
    assert "Kepala desa sudah ditelepon <ok>" in reply.text  # the history, escaped

    await maria.press("Refer")
    await maria.press("Polda NTT")
    reply = await maria.press("Today")
    assert "details" in reply.text.lower()
    reply = await maria.say("Ref 123/XI, Bripka Yos")
    assert "referred to Polda NTT task force" in reply.text
    assert (await tip_row(harness, case)).status == "referred"

    await maria.press("Close")
    reply = await maria.press("actioned")
    assert "closed" in reply.text.lower()
    tip = await tip_row(harness, case)
    assert tip.status == "closed" and tip.closed_at is not None

    reply = await maria.say(f"/audit {case}")
    log = reply.text
    for step in ("opened the tip", "claimed it", "added a note", "referred it", "closed it"):
        assert step in log, log
    assert log.index("claimed it") < log.index("added a note") < log.index("referred it") < log.index("closed it")
    assert "Maria" in log
    # The audit log has codes, never the note's words.
    assert all("Kepala" not in repr(row.detail) for row in await audit_rows(harness))


async def test_user_text_with_html_is_shown_to_staff_escaped(harness):
    await register(harness, ADMIN_ID, "admin")
    story = "Calo bilang <b>gaji besar</b> & <a href='x'>klik</a> di Malaysia"
    [filed] = await file_tips(harness, make_draft(story, recruiter="PT <Maju> & Co"))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say(f"/tip {filed.case_number}")
    assert story in reply.text  # shown literally, not as bold text or a link
    assert "PT <Maju> & Co" in reply.text
    sent = " ".join(str(c.params.get("text", "")) for c in harness.emulator.calls_to("sendMessage"))
    assert "&lt;b&gt;gaji besar&lt;/b&gt; &amp; &lt;a href=" in sent
    for message in reply.messages:
        assert all(
            e.get("type") not in ("bold", "text_link")
            or "gaji" not in message.get("text", "")[e["offset"] : e["offset"] + e["length"]]
            for e in message.get("entities", [])
        )


async def test_someone_who_is_not_staff_is_refused_and_a_forged_button_does_nothing(harness, caplog):
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    stranger = harness.user(555999, "Stranger", language_code="en")
    for command in ("/queue", f"/tip {filed.case_number}", "/overdue", f"/audit {filed.case_number}"):
        reply = (await stranger.say(command)).in_chat(stranger.chat_id)
        assert "task-force staff only" in reply.text
        assert filed.case_number not in reply.text
    await stranger.say("/start")
    message = harness.emulator.last_bot_message(stranger.chat_id)
    caplog.set_level(logging.INFO)
    forged = StaffCb(a="claim", t=1).pack()
    stranger._drain()
    harness.emulator.press(stranger.user, message, callback_data=forged)
    reply = await stranger.settle()
    assert [a.text for a in reply.answers] == ["Not allowed."]
    assert reply.messages == []
    tip = await tip_row(harness, filed.case_number)
    assert tip.status == "new"
    for forged in (StaffCb(a="co", t=1, v="false_or_prank").pack(), StaffCb(a="q").pack()):
        harness.emulator.press(stranger.user, message, callback_data=forged)
        reply = await stranger.settle()
        assert [a.text for a in reply.answers] == ["Not allowed."]
    assert (await tip_row(harness, filed.case_number)).status == "new"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "refused" in logged and "555999" not in logged and "Stranger" not in logged
    # Nothing about the stranger is stored: the audit log has no rows for them.
    assert all(row.staff_id is None or row.staff_id != 555999 for row in await audit_rows(harness))


async def test_a_removed_staff_member_is_refused_at_once_and_a_viewer_only_looks(harness):
    from bot.services.staff.directory import remove_staff

    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    await register(harness, TRIAGER_ID, "triager", "Tri")
    await register(harness, VIEWER_ID, "viewer", "Vi")
    tri = harness.user(TRIAGER_ID, "Tri", language_code="en")
    reply = await tri.say(f"/tip {filed.case_number}")
    assert "Claim" in " ".join(reply.buttons)
    async with harness.app.session_factory() as session:
        await remove_staff(session, TRIAGER_ID)
    reply = await tri.press("Claim")  # a button of a screen shown while still staff
    assert [a.text for a in reply.answers] == ["Not allowed."]
    assert (await tip_row(harness, filed.case_number)).status == "new"

    vi = harness.user(VIEWER_ID, "Vi", language_code="en")
    reply = await vi.say(f"/tip {filed.case_number}")
    assert filed.case_number in reply.text
    assert not any(label for label in reply.buttons if "Claim" in label or "Close" in label)
    message = harness.emulator.last_bot_message(vi.chat_id, with_buttons=True)
    vi._drain()
    harness.emulator.press(vi.user, message, callback_data=StaffCb(a="claim", t=filed.tip_id).pack())
    reply = await vi.settle()
    assert reply.answers[0].show_alert and "role" in reply.answers[0].text
    assert (await tip_row(harness, filed.case_number)).status == "new"
    refused = [r for r in await audit_rows(harness) if r.result == "refused"]
    assert [(r.staff_id, r.action) for r in refused] == [(VIEWER_ID, "claim")]
    reply = await vi.say(f"/audit {filed.case_number}")
    assert "role does not allow" in reply.text


async def test_an_invalid_status_change_is_refused_with_the_reason(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    await staff.say(f"/tip {filed.case_number}")
    await staff.press("Close")
    reply = await staff.press("actioned")
    assert "A new tip can only be closed as a duplicate or as false or prank" in reply.answers[0].text
    assert (await tip_row(harness, filed.case_number)).status == "new"
    await staff.press("Status")
    assert staff.last_buttons()[0] == "in review"
    reply = await staff.press("in review")
    assert "in review" in reply.text
    # A stale button (new -> in review again): refused with the reason, and the screen shows where it stands.
    message = harness.emulator.last_bot_message(staff.chat_id, with_buttons=True)
    staff._drain()
    harness.emulator.press(staff.user, message, callback_data=StaffCb(a="s", t=filed.tip_id, v="in_review").pack())
    reply = await staff.settle()
    assert "already" in reply.answers[0].text
    # Reopening is for admins; a referral from "new" is refused by the state machine.
    [other] = await file_tips(harness, make_draft("Calo lain di Kefa."))
    await staff.say(f"/tip {other.case_number}")
    await staff.press("Refer")
    await staff.press("Police")
    await staff.press("Today")
    reply = await staff.press("Skip")
    assert "cannot go from “new” to “referred”" in reply.answers[0].text


async def test_priority_change_needs_a_reason_and_can_be_cancelled(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    await staff.say(f"/tip {filed.case_number}")
    await staff.press("Priority")
    reply = await staff.press("P1")
    assert "Why should" in reply.text
    reply = await staff.say("/cancel")
    assert "Cancelled" in reply.text
    assert (await tip_row(harness, filed.case_number)).priority == "P3"
    await staff.say(f"/tip {filed.case_number}")
    await staff.press("Priority")
    await staff.press("P1")
    reply = await staff.say("Korban dihubungi: berangkat malam ini")
    assert "is now" in reply.text and "P1" in reply.text
    assert "berangkat malam ini" in reply.text  # the reason is in the history
    tip = await tip_row(harness, filed.case_number)
    assert tip.priority == "P1"


async def test_linking_finds_tips_sharing_a_phone_number_written_two_ways(harness):
    await register(harness, ADMIN_ID, "admin")
    first, second, unrelated = await file_tips(
        harness,
        make_draft("Anak saya direkrut lewat WA.", recruiter="Om Anton 0812-3456-7890"),
        make_draft("Ada orang tawarkan kerja di Malaysia, nomornya +62 812 3456 7890."),
        make_draft("Calo lain, nomor 0813-9999-1111."),
    )
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say(f"/tip {second.case_number}")
    panel = reply.texts[-1]
    assert "Related tips" in panel and first.case_number in panel and "same phone number" in panel
    assert unrelated.case_number not in panel
    async with harness.app.session_factory() as session:
        keys = (await session.scalars(select(TipLinkKey.key_hash))).all()
    assert keys and all("6281234567890" not in key for key in keys)  # keyed hashes, not the numbers
    # Unlink, then link by hand.
    await staff.press("Unlink")
    reply = await staff.press(first.case_number)
    assert "no longer linked" in reply.answers[0].text
    assert first.case_number not in reply.texts[-1].split("History")[0]
    await staff.press("Link")
    reply = await staff.say(unrelated.case_number)
    assert "linked with" in reply.text and "linked by staff" in reply.text


async def test_three_tips_naming_the_same_recruiter_raise_each_to_p2(harness):
    filed = await file_tips(
        harness,
        *(make_draft(f"Tip {i}: ada perekrut di desa.", recruiter="PT Maju Jaya Sejahtera") for i in range(3)),
    )
    await settle(harness)
    tips = [await tip_row(harness, s.case_number) for s in filed]
    assert [t.priority for t in tips] == ["P2", "P2", "P2"]
    group = [m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID)]
    assert any("Priority raised" in text or "Prioritas dinaikkan" in text for text in group)


async def test_the_queue_is_most_urgent_first_with_filters_and_pages(harness):
    link_clocks(harness)
    await register(harness, ADMIN_ID, "admin")
    # 20 a page: 25 open tips are two pages.
    p3 = await file_tips(harness, *(make_draft(f"Tip {i}: calo di pasar.", regency="tts") for i in range(24)))
    [p1] = await file_tips(harness, make_draft("Dia dikurung, besok pagi naik kapal.", danger="yes", regency="belu"))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say("/queue")
    text = reply.text
    assert "Open tips: 25" in text and "Page 1 of 2" in text
    assert text.index(p1.case_number) < text.index(p3[0].case_number) < text.index(p3[1].case_number)
    reply = await staff.press("Next")
    assert p3[-1].case_number in reply.text and "Page 2 of 2" in reply.text
    await staff.press("Priority")
    reply = await staff.press("P1 urgent")
    assert "Open tips: 1" in reply.text and p1.case_number in reply.text
    reply = await staff.say("/queue tts")
    assert "Open tips: 24" in reply.text and p1.case_number not in reply.text
    reply = await staff.say("/queue mine")
    assert "Open tips: 0" in reply.text
    await staff.say(f"/tip {p1.case_number}")
    await staff.press("Claim")
    reply = await staff.say("/queue mine")
    assert "Open tips: 1" in reply.text and p1.case_number in reply.text
    # /overdue has two clocks. After 31 minutes a P1 nobody responded to is late; the claimed one is not (its
    # first response came in time), however long the case then takes.
    [waiting] = await file_tips(harness, make_draft("Dia dikurung, malam ini naik kapal.", danger="yes"))
    harness.emulator.advance_time(31 * 60)
    reply = await staff.say("/overdue")
    assert waiting.case_number in reply.text and "first response" in reply.text
    assert p1.case_number not in reply.text and p3[0].case_number not in reply.text
    # A week later the claimed P1 is still open: late on the resolution clock.
    harness.emulator.advance_time(7 * 24 * 3600)
    reply = await staff.say("/overdue")
    assert p1.case_number in reply.text and "resolution" in reply.text


async def test_staff_see_the_bot_in_their_language(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="id")
    reply = await staff.say(f"/tip {filed.case_number}")
    assert "Klaim" in " ".join(reply.buttons)
    assert "Riwayat" in reply.text


async def test_evidence_buttons_and_history_survive_a_restart(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    await staff.say(f"/tip {filed.case_number}")
    await staff.press("Add note")
    await harness.restart()
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say("Catatan setelah restart")  # the question survived in the FSM storage
    assert "Note added" in reply.text
    message = harness.emulator.last_bot_message(staff.chat_id, with_buttons=True)
    assert any("Claim" in b["text"] for b in buttons_of(message))


async def test_news_from_the_reporter_reaches_the_group_and_shows_on_the_tip(harness):
    from bot.services.followup import FollowUpService
    from bot.telegram.staff.delivery import notify_staff_of

    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    followup = FollowUpService(cipher=harness.app.cipher, pseudonymizer=harness.app.pseudonymizer)
    async with harness.app.session_factory() as session:
        reply = await followup.add(session, filed.tip_id, text="Calo itu datang lagi <malam ini>")
        await notify_staff_of(harness.app.clock.now)(session, filed.tip_id, reply)
    await settle(harness)
    group = [m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID)]
    assert filed.case_number in group[-1] and "datang lagi" not in group[-1]
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say(f"/tip {filed.case_number}")
    assert "Reporter added: Calo itu datang lagi <malam ini>" in reply.text


async def test_closing_forgets_the_reporters_chat(harness):
    from bot.services.intake.submit import IntakeService

    await register(harness, ADMIN_ID, "admin")
    app = harness.app
    service = IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=10)
    async with app.session_factory() as session:
        filed = await service.submit(
            session, make_draft("Ada calo.", contact="chat"), pseudonym="", notify_chat_id=5551
        )
        await session.commit()
    await settle(harness)
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say(f"/tip {filed.case_number}")
    assert "accepts questions through the bot" in reply.text and "5551" not in reply.text
    await staff.press("Close")
    await staff.press("duplicate")
    tip = await tip_row(harness, filed.case_number)
    assert tip.status == "closed" and tip.contact is None


async def test_prompts_want_text_and_unknown_cases_are_named(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say("/tip TPPO-2020-99999")
    assert "no tip with that case number" in reply.text
    reply = await staff.say("/tip")
    assert "for example /tip" in reply.text
    await staff.say(f"/tip {int(filed.case_number[-5:])}")  # the number alone is enough
    await staff.press("Add note")
    reply = await staff.photo()
    assert "text message" in reply.text
    reply = await staff.say("/queue")  # a new command drops the pending question
    assert "Open tips: 1" in reply.text
    reply = await staff.say("this is not a note")
    assert "Note added" not in reply.text
