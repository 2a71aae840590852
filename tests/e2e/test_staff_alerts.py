"""Alerts to the staff group through the durable outbox: content, the group's rate limit, faults, restarts,
and the 30-minute reminder for unacknowledged P1 tips."""

from __future__ import annotations

from collections import Counter

from bot.app import build_app
from tests.e2e.harness import STAFF_GROUP_ID
from tests.e2e.intake_steps import NARRATIVE, answer_until_review, case_and_receipt, open_report, submit
from tests.e2e.staff_steps import (
    cases_in,
    file_tips,
    group_calls,
    group_texts,
    link_clocks,
    make_draft,
    settle,
)


async def test_a_new_tip_reaches_the_staff_group_as_an_alert_without_details(harness):
    ana = harness.user(555001, "Ana")
    await open_report(ana)
    await answer_until_review(ana)
    reply = await submit(ana)
    case, receipt = case_and_receipt(reply.in_chat(ana.chat_id))
    group = reply.in_chat(STAFF_GROUP_ID)
    assert len(group.messages) == 1, group.texts
    alert = group.texts[0]
    assert case in alert and "/tip " + case in alert
    assert "P1" in alert or "P2" in alert
    assert "Kota Kupang" in alert
    # No narrative, no recruiter, no phone, no receipt, nothing about the reporter.
    for secret in (NARRATIVE[:30], "Yohanes", "0812", receipt, "Ana", str(ana.chat_id)):
        assert secret not in alert


async def test_a_burst_of_50_tips_stays_within_20_messages_a_minute_and_loses_none(harness):
    link_clocks(harness)
    drafts = [make_draft(f"Laporan nomor {i}: ada calo di pasar.") for i in range(50)]
    filed = await file_tips(harness, *drafts)
    await settle(harness)
    for _ in range(5):  # let the minute pass (in emulator time) until everything is out
        if len(set(cases_in(group_texts(harness)))) == 50:
            break
        harness.emulator.advance_time(61)
        await settle(harness)
    calls = group_calls(harness, ok_only=False)
    times = sorted(c.time for c in calls)
    for i, start in enumerate(times):
        in_window = sum(1 for t in times[i:] if t < start + 60)
        assert in_window <= 20, f"{in_window} group messages within 60 s"
    seen = Counter(cases_in(group_texts(harness)))
    assert set(seen) == {s.case_number for s in filed}
    assert all(n == 1 for n in seen.values()), [c for c, n in seen.items() if n > 1]
    assert len(calls) < 50  # folded into digests


async def test_429_and_5xx_on_the_group_still_deliver_every_alert_exactly_once(harness):
    faults = harness.emulator.faults
    faults.add(method="sendMessage", kind="429", chat_id=STAFF_GROUP_ID, times=2, retry_after=1)
    faults.add(method="sendMessage", kind="500", chat_id=STAFF_GROUP_ID, times=1)
    faults.add(method="sendMessage", kind="502", chat_id=STAFF_GROUP_ID, times=1)
    faults.add(method="sendMessage", kind="502html", chat_id=STAFF_GROUP_ID, times=1)
    filed = await file_tips(harness, *(make_draft(f"Tip {i}: calo di Tenau.") for i in range(3)))
    await settle(harness)
    assert faults.pending == []
    seen = Counter(cases_in(group_texts(harness)))
    assert seen == Counter({s.case_number: 1 for s in filed})
    calls = group_calls(harness, ok_only=False)
    # Telegram's retry_after was honoured: nothing went to the group within a second after a 429.
    for i, call in enumerate(calls[:-1]):
        if call.fault == "429":
            assert calls[i + 1].time - call.time >= 0.9


async def test_a_dropped_answer_is_retried_and_delivered(harness):
    harness.emulator.faults.add(method="sendMessage", kind="drop", chat_id=STAFF_GROUP_ID, times=1)
    [filed] = await file_tips(harness, make_draft("Ada yang mau dibawa ke Malaysia."))
    await settle(harness)
    assert cases_in(group_texts(harness)) == [filed.case_number]


async def test_alerts_pending_at_a_restart_are_delivered_after_it(harness):
    await harness.stop()
    # Tips filed while the bot is down (another worker process, or a crash after commit): only the outbox has them.
    app = await build_app(harness.settings)
    try:
        from bot.services.intake.submit import IntakeService

        service = IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=100)
        filed = []
        for i in range(3):
            async with app.session_factory() as session:
                filed.append(await service.submit(session, make_draft(f"Tip {i} waktu bot mati."), pseudonym=""))
                await session.commit()
    finally:
        await app.close()
    assert group_texts(harness) == []
    await harness.start()
    await settle(harness)
    assert Counter(cases_in(group_texts(harness))) == Counter({s.case_number: 1 for s in filed})


async def test_a_send_interrupted_by_a_restart_is_sent_after_it(harness):
    # The group answers 429 with a long wait; the bot restarts meanwhile; the alert still goes out, once.
    link_clocks(harness)
    harness.emulator.faults.add(method="sendMessage", kind="429", chat_id=STAFF_GROUP_ID, times=1, retry_after=30)
    [filed] = await file_tips(harness, make_draft("Calo datang malam ini."))
    await settle(harness)
    assert group_texts(harness) == []
    await harness.restart()
    link_clocks(harness)
    harness.emulator.advance_time(31)
    await settle(harness)
    assert cases_in(group_texts(harness)) == [filed.case_number]


async def test_an_unacknowledged_p1_is_alerted_again_every_30_minutes(harness):
    link_clocks(harness)
    [p1] = await file_tips(harness, make_draft("Dia dikurung di rumah calo, besok pagi naik kapal.", danger="yes"))
    [p3] = await file_tips(harness, make_draft("Ada calo di kampung kami."))
    await settle(harness)
    assert p1.priority == "P1"
    assert len(group_texts(harness)) == 2
    harness.emulator.advance_time(20 * 60)
    await settle(harness)
    assert len(group_texts(harness)) == 2  # not yet
    harness.emulator.advance_time(11 * 60)
    await settle(harness)
    texts = group_texts(harness)
    assert len(texts) == 3
    assert p1.case_number in texts[-1] and "⏰" in texts[-1]
    assert p3.case_number not in texts[-1]
    harness.emulator.advance_time(10 * 60)
    await settle(harness)
    assert len(group_texts(harness)) == 3  # once per interval
    harness.emulator.advance_time(25 * 60)
    await settle(harness)
    assert len(group_texts(harness)) == 4
    assert p1.case_number in group_texts(harness)[-1]


async def test_an_answer_lost_after_telegram_posted_the_alert_gives_a_duplicate_never_a_loss(harness):
    # The documented limit of "exactly once": Telegram posted the message but the bot never heard back. Telegram
    # has no idempotency key, so the bot cannot tell this from a send that failed; it sends again.
    harness.emulator.faults.add(method="sendMessage", kind="drop", chat_id=STAFF_GROUP_ID, times=1, apply=True)
    [filed] = await file_tips(harness, make_draft("Ada yang mau dibawa ke Malaysia."))
    await settle(harness)
    assert cases_in(group_texts(harness)) == [filed.case_number, filed.case_number]
