"""Tips written as reporters write them (colloquial, Kupang Malay, typos, mixed languages) with the priority a
triager would give. When a rule changes, this file says what it does to real-looking tips."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bot.services.triage import score_tip, tip_facts_from_mapping

CASES = json.loads((Path(__file__).parent / "triage_cases.json").read_text(encoding="utf-8"))


def test_the_fixture_covers_every_priority():
    counts = Counter(case["expect"] for case in CASES)
    assert len(CASES) >= 30
    assert all(counts[p] >= 4 for p in ("P1", "P2", "P3", "P4")), counts


@pytest.mark.parametrize("case", CASES, ids=[c["tip"]["narrative"][:40] for c in CASES])
def test_realistic_tip(case):
    result = score_tip(tip_facts_from_mapping(case["tip"]))
    assert result.priority.value == case["expect"], result
    for code in case.get("codes", []):
        assert code in result.codes, result
