"""The demo registry looks the same on any day: its dates move with the calendar, its verdicts do not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.services.registry import (
    DEMO_AS_OF,
    DEMO_REGISTRY_FILE,
    ParsedRegistry,
    RegistryIndex,
    SnapshotInfo,
    parse_registry_csv,
    parse_sanctions,
    redate_demo_csv,
)

DEMO_TEXT = DEMO_REGISTRY_FILE.read_text(encoding="utf-8")


def demo_index(day: date) -> tuple[ParsedRegistry, RegistryIndex]:
    parsed = parse_registry_csv(redate_demo_csv(DEMO_TEXT, day), today=day)
    assert isinstance(parsed, ParsedRegistry), parsed
    snapshot = SnapshotInfo(1, "demo", datetime.now(UTC), parsed.newest_retrieved_at, len(parsed.rows), "x", True)
    return parsed, RegistryIndex.build(parsed.rows, snapshot, day)


def test_unchanged_on_its_own_day():
    assert redate_demo_csv(DEMO_TEXT, DEMO_AS_OF) == DEMO_TEXT


@pytest.mark.parametrize("day", [date(2026, 12, 25), date(2027, 7, 20), date(2031, 2, 28), date(2040, 1, 1)])
def test_same_verdicts_and_never_stale_on_any_day(day):
    _, reference = demo_index(DEMO_AS_OF)
    parsed, index = demo_index(day)
    shift = day - DEMO_AS_OF
    assert parsed.newest_retrieved_at == date(2026, 11, 20) + shift
    for row in parsed.rows:
        then, now = reference.lookup(row.licence_number), index.lookup(row.licence_number)
        assert now.verdict is then.verdict, row.name
        assert not now.stale and now.notes == then.notes
        assert now.matches[0].licence_expires == then.matches[0].licence_expires + shift
    # Sanction dates move too, and stay readable.
    revoked = next(r for r in parsed.rows if "Flobamora Jaya Makmur" in r.name)
    assert parse_sanctions(revoked.sanctions).entries[0].start == date(2025, 8, 1) + shift


def test_moving_back_in_time_also_works():
    parsed, index = demo_index(date(2026, 6, 1))
    assert not index.lookup("DEMO/P3MI/001/2023").stale
    assert all(row.retrieved_at <= date(2026, 6, 1) for row in parsed.rows)
