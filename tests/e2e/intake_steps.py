"""Walking through the report as a reporter does, shared by the intake tests."""

from __future__ import annotations

import re

from bot.emulator.driver import SAMPLE_JPEG, SAMPLE_OGG, ChatDriver

NARRATIVE = "Tetangga saya dijanjikan kerja di kebun sawit Malaysia. Dia disuruh berangkat malam ini lewat Tenau."
CASE_RE = re.compile(r"TPPO-\d{4}-\d{5}")
RECEIPT_RE = re.compile(r"\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\b")

# Button positions (1-based, reading order) of each step's keyboard.
DANGER_YES, DANGER_NO, DANGER_NOT_SURE = 1, 2, 3
CATEGORY_RECRUITMENT, CATEGORY_CHILD = 1, 5
WHEN_THIS_WEEK, WHEN_ALREADY_LEFT = 2, 4
DESTINATION_BATAM, DESTINATION_MALAYSIA = 1, 6  # Batam, Nunukan, Surabaya, Jakarta, Bali, then the countries
MINORS_NO = 2
RELATION_NEIGHBOUR = 3
# The review's buttons: how to send it, then change an answer, then cancel.
SEND_ANONYMOUS, SEND_CHAT, SEND_PHONE, CHANGE_ANSWER = 1, 2, 3, 4
SUBMIT = SEND_ANONYMOUS


async def open_report(driver: ChatDriver):
    await driver.say("/start")
    return await driver.press(1)  # "Report a case" is the first menu button


async def answer_until_review(driver: ChatDriver, *, danger: int = DANGER_NO, with_media: bool = True):
    """A complete report on the long way (nobody in danger, no child): location, photo and voice note included.
    Returns the review."""
    await driver.press(danger)
    await driver.press(CATEGORY_RECRUITMENT)
    await driver.location(-10.1718, 123.6075)  # Kota Kupang
    await driver.press(WHEN_THIS_WEEK)
    await driver.press(DESTINATION_MALAYSIA)
    await driver.say("3 orang")
    await driver.press(MINORS_NO)
    await driver.say("Pak Yohanes dari PT Maju Jaya, hp 0812-3456-7890")
    await driver.say("lewat pelabuhan Tenau lalu ke Nunukan")
    await driver.press(RELATION_NEIGHBOUR)
    await driver.say(NARRATIVE)
    if with_media:
        await driver.voice(SAMPLE_OGG, duration=4)
        await driver.photo(SAMPLE_JPEG)
    return await driver.press(1)  # Done (story): the review


async def skip_to_story(driver: ChatDriver):
    """Skip every question until the story's (the one with Done): answers the tests do not need."""
    for _ in range(12):
        message = driver.last_message(with_buttons=True) or {}
        data = [b.get("callback_data") for row in message["reply_markup"]["inline_keyboard"] for b in row]
        if "in:done:story" in data:
            return
        await driver.press(next(i for i, label in enumerate(driver.last_buttons(), 1) if "➡️" in label))
    raise AssertionError(f"no story question; last buttons: {driver.last_buttons()}")


async def submit(driver: ChatDriver):
    return await driver.press(SUBMIT)


def button_index(driver: ChatDriver, text: str) -> int:
    """The position of the first button of the newest keyboard whose label contains ``text``."""
    labels = driver.last_buttons()
    return next(i for i, label in enumerate(labels, 1) if text in label)


def case_and_receipt(reply) -> tuple[str, str]:
    text = reply.text
    case = CASE_RE.search(text)
    receipt = RECEIPT_RE.search(text)
    assert case and receipt, text
    return case.group(), receipt.group()
