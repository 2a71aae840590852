"""The receipt cannot be lost: when the message carrying it fails (a 500, an error page, a dropped connection, a
timeout, Too Many Requests), the report is filed once and the reporter still gets the receipt, through the outbox;
a second tap on Submit shows it again; and after a restart the outbox still delivers it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models.outbox import OutboxMessage
from db.models.tips import Tip
from tests.e2e.intake_steps import CASE_RE, RECEIPT_RE, SUBMIT, answer_until_review, open_report


async def _tips(harness) -> int:
    async with harness.app.session_factory() as session:
        return await session.scalar(select(func.count()).select_from(Tip))


def _receipts(driver) -> list[str]:
    return [m.get("text", "") for m in driver.messages() if RECEIPT_RE.search(m.get("text", ""))]


@pytest.mark.parametrize(
    ("kind", "apply"),
    [("500", False), ("502html", False), ("drop", False), ("drop", True), ("timeout", False), ("429", False)],
)
async def test_a_failed_receipt_message_still_reaches_the_reporter(harness, kind, apply):
    harness.emulator.faults.timeout_hold = 0.2
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    harness.emulator.faults.add("sendMessage", kind, chat_id=ana.chat_id, apply=apply, retry_after=1)
    await ana.press(SUBMIT)
    await ana.settle()
    assert await _tips(harness) == 1
    receipts = _receipts(ana)
    # Telegram may have applied a message whose answer was lost: then it is shown twice, never lost.
    assert len(receipts) == (2 if apply else 1), receipts
    case = CASE_RE.search(receipts[0]).group()
    async with harness.app.session_factory() as session:
        row = await session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "receipt"))
    assert row.status == "sent" and row.payload == {} and row.destination == "delivered"
    assert case.endswith("-00001")


async def test_a_receipt_delivered_at_once_is_marked_sent_and_leaves_no_chat_behind(harness):
    """The handler sends the receipt itself and records it with the update's last commit: the outbox does not send
    it again (even past its grace period), and the row keeps neither the code nor the reporter's chat."""
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    await ana.press(SUBMIT)
    await ana.settle()
    assert len(_receipts(ana)) == 1
    async with harness.app.session_factory() as session:
        row = await session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "receipt"))
    assert row.status == "sent" and row.attempts == 1 and row.message_id is not None
    assert row.payload == {} and row.destination == "delivered"
    harness.app.clock.advance(120)  # past the grace period: the worker would send a receipt still pending
    await ana.settle()
    assert len(_receipts(ana)) == 1


async def test_a_second_tap_on_submit_shows_the_receipt_again(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    harness.emulator.faults.add("sendMessage", "drop", chat_id=ana.chat_id, apply=False)
    harness.emulator.faults.add("sendMessage", "500", chat_id=ana.chat_id, times=50)  # Telegram unreachable
    await ana.press(SUBMIT)
    harness.emulator.faults.clear()
    # Nothing arrived: the reporter taps Submit again on the review screen they still see.
    reply = await ana.press(SUBMIT)
    assert await _tips(harness) == 1
    assert RECEIPT_RE.search(reply.text), reply.texts
    assert "tidak lagi terbuka" not in reply.text.lower()


async def test_the_receipt_survives_a_restart_before_it_was_sent(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    harness.emulator.faults.add("sendMessage", "500", chat_id=ana.chat_id, times=1000)
    await ana.press(SUBMIT)
    assert _receipts(ana) == []
    await harness.restart()
    harness.emulator.faults.clear()
    harness.app.clock.advance(60)  # past the outbox's grace period and any back-off
    await ana.settle()
    assert len(_receipts(ana)) == 1
    assert await _tips(harness) == 1


async def test_report_again_right_after_filing_shows_the_receipt_first_then_starts_a_new_report(harness):
    """Nothing seemed to happen after Send, so the reporter asks to report again: they get their receipt, not a
    second report of the same thing; asking once more starts a new report."""
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    harness.emulator.faults.add("sendMessage", "drop", chat_id=ana.chat_id, apply=False)
    harness.emulator.faults.add("sendMessage", "500", chat_id=ana.chat_id, times=50)  # Telegram unreachable
    await ana.press(SUBMIT)
    harness.emulator.faults.clear()
    reply = await ana.say("/lapor")
    assert RECEIPT_RE.search(reply.text) and "sudah diterima" in reply.text, reply.texts
    assert await _tips(harness) == 1
    reply = await ana.say("/lapor")
    assert not RECEIPT_RE.search(reply.text) and reply.buttons, reply.texts  # the first question of a new report
    assert await _tips(harness) == 1
