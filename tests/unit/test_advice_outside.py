"""Retrieval on questions written in other people's wording (tests/eval/questions_outside.jsonl): Kupang Malay,
Tetun, Malaysian Malay, typos and speech-to-text slips ("el te es a", "sip dua em i").

The file has two splits, "tune" and "heldout"; the held-out split was measured once (0.872 / 0.974, README of
2026-12-01) and both are tuning data since: the topic classifier learns from them (content/kb/examples.jsonl), so
these floors only catch a regression. Honest figures: `python bench/bench_ask.py --cv` (leave-one-set-out) and the
sealed set in test_advice_blind.py.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base

OUTSIDE = Path(__file__).resolve().parents[1] / "eval" / "questions_outside.jsonl"
# The issue's targets, met on the tune split; the held-out floors catch a regression (measured: see README).
TUNE_TOP1, TUNE_TOP3, TUNE_OFF_TOPIC_CONFIDENT = 0.92, 0.98, 1
HELDOUT_TOP1, HELDOUT_TOP3, HELDOUT_OFF_TOPIC_CONFIDENT = 0.85, 0.95, 0


@pytest.fixture(scope="module")
def index() -> AdviceIndex:
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR))


def rows(split: str) -> list[dict]:
    data = [json.loads(line) for line in OUTSIDE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in data if r["split"] == split]


def measure(index: AdviceIndex, split: str) -> tuple[dict[str, list[int]], int, list[str]]:
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    off_confident = 0
    misses = []
    for row in rows(split):
        answer = index.ask(row["q"])
        got = [r.topic for r in answer.results]
        if row["topic"] is None:
            off_confident += answer.confident
            continue
        ok = {row["topic"], *row.get("alt", [])}
        stats = per_lang[row["lang"]]
        stats[0] += 1
        stats[1] += bool(got[:1]) and got[0] in ok
        stats[2] += bool(ok & set(got[:3]))
        if not (got[:1] and got[0] in ok):
            misses.append(f"  [{row['lang']}] {row['q']!r}: expected {row['topic']}, got {got}")
    return per_lang, off_confident, misses


def test_the_outside_set_is_well_formed(index):
    topics = set(index.kb.topic_ids)
    for split in ("tune", "heldout"):
        data = rows(split)
        assert sum(1 for r in data if r["topic"]) >= 35 and sum(1 for r in data if r["topic"] is None) >= 6
        assert {r["lang"] for r in data} >= {"id", "ms", "tet"}
        for row in data:
            assert row["topic"] is None or row["topic"] in topics, row
            assert all(alt in topics for alt in row.get("alt", [])), row
    styles = {r["style"] for split in ("tune", "heldout") for r in rows(split)}
    assert {"kupang", "tet", "ms", "typo", "stt", "offtopic"} <= styles


@pytest.mark.parametrize(
    ("split", "min_top1", "min_top3", "max_off_confident"),
    [
        ("tune", TUNE_TOP1, TUNE_TOP3, TUNE_OFF_TOPIC_CONFIDENT),
        ("heldout", HELDOUT_TOP1, HELDOUT_TOP3, HELDOUT_OFF_TOPIC_CONFIDENT),
    ],
)
def test_outside_wording(index, split, min_top1, min_top3, max_off_confident):
    per_lang, off_confident, misses = measure(index, split)
    n, top1, top3 = (sum(s[i] for s in per_lang.values()) for i in range(3))
    lines = [f"{split}: n={n} top-1={top1 / n:.3f} top-3={top3 / n:.3f} off-topic confident={off_confident}"]
    lines += [f"  {lang}: n={s[0]} top-1={s[1] / s[0]:.3f} top-3={s[2] / s[0]:.3f}" for lang, s in per_lang.items()]
    report = "\n".join([*lines, *misses])
    print(report)
    assert top1 / n >= min_top1 and top3 / n >= min_top3, report
    assert off_confident <= max_off_confident, report


def test_the_issue_questions(index):
    """The two questions of the issue: a red flag for the fee, none for the bank loan."""
    sawit = index.ask("biaya 15 juta itu wajar ka utk kerja kebun sawit")
    assert [f.code for f in sawit.red_flags] == ["fee_excessive"] and sawit.results[0].topic == "costs.zero_cost"
    assert sawit.confident
    bank = index.ask("bisa pinjam uang di bank utk biaya brangkat")
    assert bank.red_flags == [] and bank.results[0].topic == "costs.loans" and bank.loan == "bank"
