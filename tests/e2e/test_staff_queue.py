"""The task force at 200 tips a day, through the real bot: badges, search, combinable filters, bulk close, caseload,
hand-over, both clocks, case data and the figures with their chart, in each staff member's language."""

from __future__ import annotations

import json

from sqlalchemy import select

from bot.emulator.server import buttons_of
from bot.services.followup import FollowUpService
from bot.telegram.staff.callbacks import Act, StaffCb
from db.models.audit import AuditEntry
from db.models.tips import Tip
from tests.e2e.staff_steps import ADMIN_ID, TRIAGER_ID, file_tips, link_clocks, make_draft, register


async def tip_row(harness, case: str) -> Tip:
    async with harness.app.session_factory() as session:
        return await session.scalar(select(Tip).where(Tip.case_number == case))


async def test_search_by_phone_keeps_no_number_and_combines_with_filters(harness):
    await register(harness, ADMIN_ID, "admin")
    first, second, other = await file_tips(
        harness,
        make_draft("Anak saya direkrut lewat WA.", recruiter="Om Anton 0812-3456-7890", minors="yes"),
        make_draft("Tawaran kerja di Malaysia, nomornya +62 812 3456 7890."),
        make_draft("Calo lain, nomor 0813-9999-1111."),
    )
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say("/find 0812 3456 7890")
    assert first.case_number in reply.text and second.case_number in reply.text
    assert other.case_number not in reply.text
    assert "phone …7890" in reply.text and "3456" not in reply.text.replace(first.case_number, "")
    # The search is kept for the buttons as a keyed hash: the number is nowhere in the stored conversation.
    stored = (await harness.conversation_data(ADMIN_ID))["staff_search"]
    assert stored["kind"] == "phone" and stored["label"] == "…7890" and len(stored["key_hash"]) == 64
    assert not any(n in json.dumps(stored) for n in ("0812", "+62812", "6281234567890"))
    reply = await staff.press("Under 18")  # a filter on top of the search
    assert first.case_number in reply.text and second.case_number not in reply.text
    assert "🧒" in reply.text
    # Nothing typed reaches the audit log either: a search is logged by its kind.
    async with harness.app.session_factory() as session:
        details = [repr(r.detail) for r in (await session.scalars(select(AuditEntry))).all()]
    assert all("3456" not in d for d in details) and any("'search': 'phone'" in d for d in details)

    reply = await staff.say("/find Om")
    assert "6 letters or more" in reply.text
    reply = await staff.say("/find TPPO-2020-99999")
    assert "no tip with that case number" in reply.text
    reply = await staff.say(f"/find {int(other.case_number[-5:])}")
    assert other.case_number in reply.text and first.case_number not in reply.text


async def test_the_queue_marks_news_from_the_reporter_until_the_tip_is_opened(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    followup = FollowUpService(cipher=harness.app.cipher, pseudonymizer=harness.app.pseudonymizer)
    async with harness.app.session_factory() as session:
        await followup.add(session, filed.tip_id, text="Calonya datang lagi malam ini")
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    reply = await staff.say("/queue")
    assert "📨" in reply.text.split("\n\n")[1]
    await staff.say(f"/tip {filed.case_number}")
    reply = await staff.say("/queue")
    assert "📨" not in reply.text.split("\n\n")[1]


async def test_an_admin_closes_several_pranks_at_once_and_a_triager_cannot(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    await register(harness, TRIAGER_ID, "triager", "Tri")
    a, b, keep = await file_tips(harness, *(make_draft(f"Tes {i} saja, iseng.") for i in range(3)))
    admin = harness.user(ADMIN_ID, "Maria", language_code="en")
    await admin.say("/queue")
    reply = await admin.press("Close several")
    assert "Tick the duplicates" in reply.text
    await admin.press(a.case_number)
    reply = await admin.press(b.case_number)
    assert "2 ticked" in reply.text
    reply = await admin.press("Close ticked: prank")
    assert "2 closed: false or prank" in reply.text
    assert (await tip_row(harness, a.case_number)).status == "closed"
    assert (await tip_row(harness, b.case_number)).outcome == "false_or_prank"
    assert (await tip_row(harness, keep.case_number)).status == "new"

    tri = harness.user(TRIAGER_ID, "Tri", language_code="en")
    reply = await tri.say("/queue")
    assert not any("Close several" in label for label in reply.buttons)
    message = harness.emulator.last_bot_message(tri.chat_id, with_buttons=True)
    tri._drain()
    harness.emulator.press(tri.user, message, callback_data=StaffCb(a=Act.BULK, v="duplicate").pack())
    reply = await tri.settle()
    assert reply.answers[0].show_alert and "Tick at least one" in reply.answers[0].text
    harness.emulator.press(tri.user, message, callback_data=StaffCb(a=Act.PICK, t=keep.tip_id).pack())
    await tri.settle()
    harness.emulator.press(tri.user, message, callback_data=StaffCb(a=Act.BULK, v="duplicate").pack())
    reply = await tri.settle()
    assert any("role does not allow" in (answer.text or "") for answer in reply.answers)
    assert (await tip_row(harness, keep.case_number)).status == "new"


async def test_caseload_and_hand_over(harness):
    link_clocks(harness)
    await register(harness, ADMIN_ID, "admin", "Maria")
    await register(harness, TRIAGER_ID, "triager", "Tri")
    first, second = await file_tips(harness, make_draft("Ada calo di Soe."), make_draft("Calo di Kefa."))
    tri = harness.user(TRIAGER_ID, "Tri", language_code="en")
    await tri.say(f"/tip {first.case_number}")
    await tri.press("Claim")
    admin = harness.user(ADMIN_ID, "Maria", language_code="en")
    reply = await admin.say("/caseload")
    assert "Tri: <b>1</b>" in reply.messages[-1]["text"] or "Tri: 1" in reply.text
    assert "not assigned: 1" in reply.text
    reply = await admin.press("Tri")
    assert first.case_number in reply.text and second.case_number not in reply.text

    reply = await tri.say("/handover")
    assert "first hand-over" in reply.text and "New tips: 2" in reply.text and "Open: 2" in reply.text
    [third] = await file_tips(harness, make_draft("Calo baru di Atambua."))
    reply = await admin.say("/handover")
    assert "Since the last hand-over" in reply.text and "Tri" in reply.text
    assert "New tips: 1" in reply.text and third.case_number in reply.text


async def test_case_data_is_recorded_checked_and_counted(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Tiga orang mau diberangkatkan lewat Tenau malam ini."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    await staff.say(f"/tip {filed.case_number}")
    await staff.press("Case data")
    await staff.press("Victims")
    reply = await staff.say("tiga")
    assert "whole number" in reply.text
    reply = await staff.say("3")
    assert "saved" in reply.text
    await staff.press("Under 18")
    reply = await staff.say("5")
    assert "do not add up" in reply.text
    await staff.say("2")
    await staff.press("Destination")
    await staff.say("Malaysia")
    await staff.press("Transit points")
    reply = await staff.press("Pelabuhan Tenau")
    assert "☑️ Pelabuhan Tenau" in reply.buttons
    tip = await tip_row(harness, filed.case_number)
    assert (tip.victims, tip.victims_minors, tip.destination, tip.transit_points) == (3, 2, "MY", ["tenau"])
    reply = await staff.say(f"/tip {filed.case_number}")
    assert "3 victim(s) (2 under 18)" in reply.text and "Malaysia" in reply.text and "Pelabuhan Tenau" in reply.text
    await staff.press("Claim")
    await staff.press("Close")
    reply = await staff.press("departure stopped")
    assert "closed: departure stopped" in reply.text.lower() or "departure stopped" in reply.answers[0].text
    reply = await staff.say("/stats")
    assert "Departures stopped: 3 people" in reply.text
    assert any("photo" in m for m in reply.messages)  # the chart


async def test_staff_screens_are_in_the_staff_members_language(harness):
    await file_tips(harness, make_draft("Ada calo di Soe.", minors="yes"))
    for n, (lang, words, english) in enumerate(
        (
            ("id", ("Laporan terbuka", "Di bawah 18"), ("Open tips", "Under 18", "Search")),
            ("tet", ("Relatóriu nakloke", "Menus husi 18"), ("Open tips", "Under 18", "Search")),
            ("ms", ("Laporan terbuka", "Bawah 18"), ("Open tips", "Under 18", "Search")),
        )
    ):
        await register(harness, ADMIN_ID + 10 + n, "admin")
        staff = harness.user(ADMIN_ID + 10 + n, "Staff", language_code=lang)
        reply = await staff.say("/queue")
        shown = reply.text + " " + " ".join(reply.buttons)
        assert all(w in shown for w in words), (lang, shown)
        assert not any(e in shown for e in english), (lang, shown)
        reply = await staff.say("/handover")
        assert "Hand-over" not in reply.text and "New tips" not in reply.text, lang
        reply = await staff.say("/overdue")
        assert "No tip is past" not in reply.text, lang


async def test_stale_staff_buttons_are_answered_not_ignored(harness):
    await register(harness, ADMIN_ID, "admin")
    [filed] = await file_tips(harness, make_draft("Ada calo di Soe."))
    staff = harness.user(ADMIN_ID, "Staff", language_code="en")
    await staff.say(f"/tip {filed.case_number}")
    message = harness.emulator.last_bot_message(staff.chat_id, with_buttons=True)
    assert any(b["text"].endswith("Case data") for b in buttons_of(message))
    staff._drain()
    harness.emulator.press(staff.user, message, callback_data=StaffCb(a=Act.DATA_FIELD, t=filed.tip_id, v="x").pack())
    reply = await staff.settle()
    assert reply.answers[0].show_alert and "not valid" in reply.answers[0].text
