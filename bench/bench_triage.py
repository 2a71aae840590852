"""Benchmark of triage scoring: `python bench/bench_triage.py [--rounds N]`.

Scores every tip of the evaluation set (tests/eval/triage_tuning.jsonl) for several rounds and prints the median
and 95th percentile time per tip, and the same for the longest story allowed (20,000 characters). Text caches are
emptied before each scoring, so every figure is a tip seen for the first time, except the re-score of the long
story, which is what a follow-up message costs. The first round also warms the place-name caches (shown apart).
Target: p95 < 20 ms per tip (a tip is scored when it is filed and twice when the reporter adds information).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.triage import score_tip  # noqa: E402
from bot.services.triage.evaluation import read_cases  # noqa: E402
from bot.services.triage.signals import find_signals  # noqa: E402
from bot.services.triage.tense import text_of  # noqa: E402

EVAL_FILE = ROOT / "tests" / "eval" / "triage_tuning.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(facts, *, cached: bool = False) -> float:
    """One scoring; without ``cached`` the text caches are emptied first (a tip scored for the first time)."""
    if not cached:
        find_signals.cache_clear()
        text_of.cache_clear()
    start = time.perf_counter()
    score_tip(facts)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the evaluation set (default 5)")
    args = parser.parse_args()
    cases = read_cases(EVAL_FILE)
    first = [timed(c.facts) for c in cases]
    later = [timed(c.facts) for _ in range(args.rounds) for c in cases]
    longest = max(cases, key=lambda c: len(c.facts.narrative))
    story = (longest.facts.narrative + " ") * (20_000 // (len(longest.facts.narrative) + 1))
    long_facts = replace(longest.facts, narrative=story[:20_000])
    long = [timed(long_facts) for _ in range(10)]
    # A re-score reads the same story again with one message more: the story's analysis is cached.
    again = [timed(replace(long_facts, extra_texts=("tadi malam dong pukul dia",)), cached=True) for _ in range(10)]
    print(f"tips: {len(cases)} x {args.rounds} rounds")
    print(f"first round: median {statistics.median(first):.2f} ms, p95 {percentile(first, 0.95):.2f} ms")
    print(f"later rounds: median {statistics.median(later):.2f} ms, p95 {percentile(later, 0.95):.2f} ms")
    print(f"a 20,000-character story: median {statistics.median(long):.1f} ms, max {max(long):.1f} ms")
    print(f"the same story re-scored with one message more: median {statistics.median(again):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
