"""No identity and no words in the logs, at any level: a DEBUG log of whole journeys (a report with a photo, a
question, a recruiter check, following up, the task force's view) holds no Telegram user id, name, username or
anything the person typed."""

from __future__ import annotations

import logging

from bot.logs import setup_logging
from tests.e2e.intake_steps import NARRATIVE, answer_until_review, case_and_receipt, open_report, submit

USER_ID = 987_654_321_987
SECRET_WORDS = ("Om-Penanda-Rekruter", "Penanda-Pertanyaan", "Pak Yohanes dari PT Maju Jaya", NARRATIVE)


async def test_a_debug_log_of_whole_journeys_holds_no_identity_and_no_words(harness, caplog):
    caplog.set_level(logging.DEBUG)
    setup_logging("DEBUG")  # what LOG_LEVEL=DEBUG does in `tipline run`
    user = harness.emulator.add_user(USER_ID, "Kristoforus", language_code="id", username="kristo_penanda")
    ana = harness.driver(user)
    await open_report(ana)
    await answer_until_review(ana)  # with a photo, a voice note and a location
    reply = await submit(ana)
    _case, receipt = case_and_receipt(reply)
    await ana.say(f"apakah {SECRET_WORDS[1]} boleh kerja di malaysia umur 17?")
    await ana.say(f"/cekpt {SECRET_WORDS[0]} 0812 3456 7890")
    await ana.say("/status")
    await ana.say(receipt)
    forbidden = [str(USER_ID), "Kristoforus", "kristo_penanda", *SECRET_WORDS, receipt, "0812 3456 7890"]
    records = [r for r in caplog.records if not r.name.startswith("bot.emulator")]
    assert logging.getLogger().level == logging.DEBUG
    # The risky part ran: the database's statements were logged (their values hidden).
    assert any(r.name.startswith("sqlalchemy.engine") for r in records)
    text = "\n".join(r.getMessage() for r in records)
    leaks = [word for word in forbidden if word in text]
    assert not leaks, f"the log holds {leaks}"
