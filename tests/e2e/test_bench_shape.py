"""The echo bot's yardstick for the reports benchmark (bench/crowd.py, ``REPORT_SHAPE``) sends what a reporter sends:
the same number of updates, typed and pressed in the same order. If the report's questions change, the yardstick
must follow, or the benchmark compares Tipline with a different journey."""

from __future__ import annotations

from bench.crowd import REPORT_SHAPE
from bot.emulator.scripted import ChatWatch, CrowdReporter
from tests.e2e.harness import running_bot


async def test_the_echo_bots_report_is_a_reporters_report_in_kind(make_settings):
    async with running_bot(make_settings) as harness:
        emulator = harness.emulator
        async with ChatWatch(emulator) as watch:
            reporter = CrowdReporter(emulator, watch, emulator.add_user(61_000, "Shape"), marker="SHAPE1")
            await reporter.file_report(patience=60.0)
    kinds = tuple("press" if what.startswith("presses") else "text" for _at, what in reporter.log)
    assert reporter.recoveries == 0
    assert kinds == REPORT_SHAPE
