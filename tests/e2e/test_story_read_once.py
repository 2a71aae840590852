"""A report's words are read once: the review reads everything the reporter typed to ask about contradictions,
and sending scores the report from what the review read. Once the tip is filed, nothing read from the report's
words is kept in memory."""

from __future__ import annotations

from bot.services.triage import signals, tense
from tests.e2e.intake_steps import NARRATIVE, SUBMIT, answer_until_review, case_and_receipt, open_report

RECRUITER = "Pak Yohanes dari PT Maju Jaya, hp 0812-3456-7890"
ROUTE = "lewat pelabuhan Tenau lalu ke Nunukan"


def _kept(text: str) -> list[str]:
    """Which readings of ``text`` are kept: its signals, its places, its analysed text."""
    memos = {"signals": signals.find_signals, "places": signals.places_in, "text": tense.text_of}
    return [name for name, memo in memos.items() if text in memo]


async def test_the_words_read_for_the_review_are_not_read_again_to_file_them_and_are_forgotten_once_filed(
    harness, monkeypatch
):
    looked_up: list[str] = []
    find_places = signals.find_places
    monkeypatch.setattr(signals, "find_places", lambda text: looked_up.append(text) or find_places(text))
    signals.forget_texts()
    ana = harness.user()
    await open_report(ana)
    review = await answer_until_review(ana, with_media=False)
    assert review.in_chat(ana.chat_id).text
    # The review's check read the story and the other typed answers.
    assert looked_up == [NARRATIVE, RECRUITER, ROUTE]
    assert all(_kept(text) == ["signals", "places", "text"] for text in looked_up)

    reply = await ana.press(SUBMIT)
    case_and_receipt(reply.in_chat(ana.chat_id))
    assert looked_up == [NARRATIVE, RECRUITER, ROUTE]  # sending read none of them again
    assert all(_kept(text) == [] for text in (NARRATIVE, RECRUITER, ROUTE))
