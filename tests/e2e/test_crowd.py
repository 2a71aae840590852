"""A crowd: 200 people file whole reports at the same moment (after a radio spot, a raid in the news).

Outcomes, not times: every report filed exactly once with exactly its reporter's answers, each in its place; case
numbers unique and without gaps; everyone got their receipt; no handler failed."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select

from bot.emulator.scripted import ChatWatch, CrowdReporter
from bot.services.intake.submit import ANSWERS_CONTEXT
from db.models.outbox import OutboxMessage
from db.models.tips import Tip
from tests.e2e.harness import running_bot

CROWD = int(__import__("os").environ.get("CROWD", 200))


async def filed_tips(app) -> list[tuple[str, dict]]:
    async with app.session_factory() as session:
        tips = (await session.scalars(select(Tip).order_by(Tip.id))).all()
    return [(t.case_number, app.cipher.decrypt_json(t.answers, context=ANSWERS_CONTEXT)) for t in tips]


async def test_two_hundred_reporters_at_once_each_file_exactly_their_report(make_settings, caplog):
    caplog.set_level(logging.ERROR)
    async with running_bot(make_settings) as harness:
        emulator = harness.emulator
        async with ChatWatch(emulator) as watch:
            reporters = [
                CrowdReporter(emulator, watch, emulator.add_user(50_000 + i, f"R{i}"), marker=f"M{i:03d}Q")
                for i in range(CROWD)
            ]

            # Each person waits while the bot works, however slow the machine; writing again ("recovery") only when
            # the bot has finished everything and left them without a question, which must never happen.
            def idle() -> bool:
                return not emulator.busy_reasons(quiet=0.0, extra_busy=harness.busy)

            cases = await asyncio.gather(*(r.file_report(patience=900.0, idle=idle) for r in reporters))
        await harness.driver(reporters[0].user).settle()
        tips = await filed_tips(harness.app)
        async with harness.app.session_factory() as session:
            alerts = (await session.scalars(select(OutboxMessage.tip_id).where(OutboxMessage.kind == "alert"))).all()

    assert len(set(cases)) == CROWD, "every reporter got a case number of their own"
    numbers = sorted(int(case.rsplit("-", 1)[1]) for case, _ in tips)
    assert numbers == list(range(1, CROWD + 1)), "case numbers are unique and without gaps"
    by_marker = {}
    for case, answers in tips:
        markers = {r.script.marker for r in reporters if r.script.marker in answers["story"]}
        assert len(markers) == 1, f"{case}: story of {markers or 'nobody'}"
        marker = markers.pop()
        assert marker not in by_marker, f"{marker} filed twice"
        by_marker[marker] = (case, answers)
    for reporter in reporters:
        case, answers = by_marker[reporter.script.marker]
        assert reporter.case_number == case
        assert answers["recruiter"] == reporter.script.recruiter
        assert answers["route"] == reporter.script.route
        assert answers["regency"] == "kota_kupang" and answers["people"] == "2-5"
    assert sorted(alerts) == sorted(range(1, CROWD + 1)), "every tip has its staff alert waiting or sent"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "no handler failed"
    assert sum(r.recoveries for r in reporters) == 0, "nobody was left without an answer"
