"""Walking through the report as a reporter does, shared by the intake tests."""

from __future__ import annotations

import re

from bot.emulator.driver import SAMPLE_JPEG, SAMPLE_OGG, ChatDriver

NARRATIVE = "Tetangga saya dijanjikan kerja di kebun sawit Malaysia. Dia disuruh berangkat malam ini lewat Tenau."
CASE_RE = re.compile(r"TPPO-\d{4}-\d{5}")
RECEIPT_RE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\b")

# Button positions (1-based, reading order) of each step's keyboard.
DANGER_YES, DANGER_NO = 1, 2
CATEGORY_RECRUITMENT = 1
WHEN_THIS_WEEK = 2
MINORS_NO = 2
RELATION_NEIGHBOUR = 3
CONTACT_ANONYMOUS, CONTACT_PHONE, CONTACT_CHAT = 1, 2, 3
SUBMIT = 13  # after the 12 edit buttons on the review screen


async def open_report(driver: ChatDriver):
    await driver.say("/start")
    return await driver.press(1)  # "Report a case" is the first menu button


async def answer_until_review(driver: ChatDriver, *, danger: int = DANGER_NO, with_media: bool = True):
    """A complete report: location, photo and voice note included."""
    await driver.press(danger)
    await driver.press(CATEGORY_RECRUITMENT)
    await driver.location(-10.1718, 123.6075)  # Kota Kupang
    await driver.press(WHEN_THIS_WEEK)
    await driver.say("3 orang")
    await driver.press(MINORS_NO)
    await driver.say("Pak Yohanes dari PT Maju Jaya, hp 0812-3456-7890")
    await driver.say("lewat pelabuhan Tenau lalu ke Nunukan")
    await driver.press(RELATION_NEIGHBOUR)
    await driver.say(NARRATIVE)
    if with_media:
        await driver.voice(SAMPLE_OGG, duration=4)
    await driver.press(1)  # Done (story)
    if with_media:
        await driver.photo(SAMPLE_JPEG)
    await driver.press(1)  # Done (evidence)
    return await driver.press(CONTACT_ANONYMOUS)


async def submit(driver: ChatDriver):
    return await driver.press(SUBMIT)


def case_and_receipt(reply) -> tuple[str, str]:
    text = reply.text
    case = CASE_RE.search(text)
    receipt = RECEIPT_RE.search(text)
    assert case and receipt, text
    return case.group(), receipt.group()
