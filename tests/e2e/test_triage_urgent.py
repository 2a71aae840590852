"""Urgent first, end to end through the emulator: the neighbour's 16-year-old daughter taken by a "sponsor" last
night towards Batam ("not sure" about danger, already left, someone under 18) is P1 in every language, the staff
group is alerted with P1, and the staff member reads why in their own language. Later information from the
reporter that makes a tip urgent raises it and alerts the group again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models.tips import Tip
from tests.e2e.harness import STAFF_GROUP_ID
from tests.e2e.intake_steps import (
    CATEGORY_CHILD,
    DANGER_NOT_SURE,
    DESTINATION_BATAM,
    SUBMIT,
    WHEN_ALREADY_LEFT,
    case_and_receipt,
    open_report,
)
from tests.e2e.staff_steps import ADMIN_ID, file_tips, make_draft, register, settle

SOE = (-9.86, 124.28)  # Timor Tengah Selatan

STORIES = {
    "id": "Tadi malam anak perempuan tetangga saya yang umurnya 16 tahun dibawa oleh seorang sponsor ke Batam. "
    "Orang tuanya tidak tahu alamatnya.",
    "en": "Last night my neighbour's 16-year-old daughter was taken by a sponsor. They are heading to Batam. "
    "Her parents do not know where exactly.",
    "ms": "Malam semalam anak perempuan jiran saya yang berumur 16 tahun dibawa oleh seorang sponsor ke Batam. "
    "Keluarganya tidak tahu di mana dia sekarang.",
    "tet": "Horikalan sponsor ida lori ha'u-nia viziñu nia oan-feto, tinan 16, ba Batam. "
    "Nia inan-aman la hatene nia iha ne'ebé.",
}
# What the staff member reads as the first reason, in their language.
CHILD_REASON = {
    "id": "anak yang sudah berangkat, sedang jauh dari rumah, atau berangkat dalam 24 jam",
    "en": "a child who has left, is away, or leaves within 24 hours",
    "ms": "kanak-kanak yang sudah pergi, berada jauh dari rumah, atau bertolak dalam 24 jam",
    "tet": "labarik ne'ebé sai ona, iha dook husi uma, ka sai iha oras 24 nia laran",
}
URGENT = {"id": "P1 mendesak", "en": "P1 urgent", "ms": "P1", "tet": "P1"}


async def report_the_child_taken_last_night(driver, story: str):
    await open_report(driver)
    await driver.press(DANGER_NOT_SURE)
    await driver.press(CATEGORY_CHILD)  # a child: someone under 18, not asked again
    await driver.location(*SOE)
    await driver.press(WHEN_ALREADY_LEFT)
    await driver.press(DESTINATION_BATAM)
    # Urgent: straight to the story, which asks who took her, which way and how the reporter knows.
    await driver.say(story)
    await driver.press(1)  # Done (story): the review
    return await driver.press(SUBMIT)


@pytest.mark.parametrize("lang", ["id", "en", "ms", "tet"])
async def test_the_child_taken_last_night_is_p1_end_to_end(harness, lang):
    reporter = harness.user(610001, "Reporter", language_code=lang)
    reply = await report_the_child_taken_last_night(reporter, STORIES[lang])
    case, _receipt = case_and_receipt(reply.in_chat(reporter.chat_id))
    await settle(harness)

    async with harness.app.session_factory() as session:
        tip = await session.scalar(select(Tip).where(Tip.case_number == case))
    assert tip.priority == "P1"
    alerts = [m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID)]
    [alert] = [a for a in alerts if case in a]
    assert "P1" in alert and "🚨" in alert  # the group is told it is urgent
    assert "Batam" not in alert and "sponsor" not in alert  # codes only, never the story

    await register(harness, ADMIN_ID, "admin", "Maria")
    staff = harness.user(ADMIN_ID, "Maria", language_code=lang)
    shown = (await staff.say(f"/tip {case}")).text
    assert URGENT[lang] in shown
    assert CHILD_REASON[lang] in shown


async def test_later_information_that_makes_it_urgent_raises_the_tip_and_alerts_the_group_again(harness):
    from tests.e2e.test_followup import open_status

    [filed] = await file_tips(harness, make_draft("Ada calo tawarkan kerja di Malaysia ke tetangga saya"))
    case, receipt, before = filed.case_number, filed.receipt, filed.priority
    assert before == "P3"
    ana = harness.user(610101, "Ana")
    group_before = len(harness.emulator.sent_messages(STAFF_GROUP_ID))

    await open_status(ana, receipt)
    await ana.press(1)  # Add information
    await ana.say("Barusan calo itu tarik paksa tetangga saya masuk oto di depan pasar, mau dibawa ke Tenau")
    await settle(harness)

    async with harness.app.session_factory() as session:
        tip = await session.scalar(select(Tip).where(Tip.case_number == case))
    assert tip.priority == "P1"
    new = [m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID)[group_before:]]
    raised = [t for t in new if case in t and "P1" in t and before in t]
    assert raised, new  # "Prioritas dinaikkan ... P2 → P1 setelah ada informasi baru dari pelapor"
    assert all("tarik paksa" not in t for t in new)

    await register(harness, ADMIN_ID, "admin", "Maria")
    staff = harness.user(ADMIN_ID, "Maria", language_code="en")
    shown = (await staff.say(f"/tip {case}")).text
    assert f"Priority raised {before} → P1 after the reporter's new information" in shown  # the history
    assert "taken or moved by force, now or just now" in shown
    audit = (await staff.say(f"/audit {case}")).text
    assert "raised the priority after the reporter's new information" in audit
