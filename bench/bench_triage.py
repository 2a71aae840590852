"""Benchmark of triage scoring: `python bench/bench_triage.py [--rounds N]`.

Scores every tip of the evaluation sets (tests/eval/triage_*.jsonl) for several rounds and prints the median and
95th percentile time per tip; then stories of the longest length a report may have (20,000 characters), each
scored as when it is filed (triage and the recruiter names and numbers used to link tips): a real story repeated,
random words from the evaluation sets, and texts written to be slow (one phrase repeated thousands of times, no
punctuation, one giant word, symbols only). Text caches are emptied before each scoring, so every figure is a
tip seen for the first time, except the re-score of the long story, which is what a follow-up message costs.

Figures are the best of several runs in CPU time of this process (the machine is shared: wall time measures the
neighbours), and the wall time of the same runs for comparison. Scoring runs inside the handler that files a tip,
on the event loop: while it runs, nobody else's update is handled. Targets: p95 < 20 ms per tip; a 20,000-character
story well under 0.1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.services.triage import TipFacts, score_tip  # noqa: E402
from bot.services.triage.entities import extract_entities  # noqa: E402
from bot.services.triage.evaluation import read_cases  # noqa: E402
from bot.services.triage.signals import forget_texts  # noqa: E402

EVAL_FILES = sorted((ROOT / "tests" / "eval").glob("triage_*.jsonl"))
LONGEST = 20_000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(facts: TipFacts, *, cached: bool = False) -> float:
    """One scoring in ms; without ``cached`` the text caches are emptied first (a tip scored for the first time)."""
    if not cached:
        forget_texts()
    start = time.perf_counter()
    score_tip(facts)
    return (time.perf_counter() - start) * 1000


def filing(facts: TipFacts, runs: int) -> tuple[float, float]:
    """What filing a tip costs in triage (score and entities): best CPU ms and best wall ms over ``runs``."""
    best_cpu = best_wall = float("inf")
    for _ in range(runs):
        forget_texts()
        cpu, wall = time.process_time(), time.perf_counter()
        score_tip(facts)
        extract_entities(facts)
        best_cpu = min(best_cpu, (time.process_time() - cpu) * 1000)
        best_wall = min(best_wall, (time.perf_counter() - wall) * 1000)
    forget_texts()
    return best_cpu, best_wall


def fill(unit: str) -> str:
    return (unit * (LONGEST // max(1, len(unit)) + 1))[:LONGEST]


def long_stories(narratives: list[str]) -> dict[str, Callable[[], str]]:
    rng = random.Random(20261201)
    words = " ".join(narratives).split()
    longest = max(narratives, key=len)
    return {
        "the longest tip repeated": lambda: fill(longest + " "),
        "random words of the sets": lambda: " ".join(rng.choice(words) for _ in range(4000))[:LONGEST],
        "'dipukul ' repeated": lambda: fill("dipukul "),
        "'besok berangkat ' repeated": lambda: fill("besok berangkat "),
        "'anak 15 tahun dibawa ' repeated": lambda: fill("anak 15 tahun dibawa "),
        "'ke batam ' repeated": lambda: fill("ke batam "),
        "'a ' repeated (10,000 words)": lambda: fill("a "),
        "one word of 20,000 letters": lambda: "a" * LONGEST,
        "'&' repeated": lambda: "&" * LONGEST,
        "'Om Yos 0812345678 ' repeated": lambda: fill("Om Yos 0812345678 "),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the evaluation sets (default 5)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each long story, best kept (default 5)")
    args = parser.parse_args()
    cases = [c for path in EVAL_FILES for c in read_cases(path)]
    first = [timed(c.facts) for c in cases]
    later = [timed(c.facts) for _ in range(args.rounds) for c in cases]
    print(f"tips: {len(cases)} from {', '.join(p.name for p in EVAL_FILES)} x {args.rounds} rounds")
    print(f"first round: median {statistics.median(first):.2f} ms, p95 {percentile(first, 0.95):.2f} ms")
    print(f"later rounds: median {statistics.median(later):.2f} ms, p95 {percentile(later, 0.95):.2f} ms")

    longest = max(cases, key=lambda c: len(c.facts.narrative))
    print(f"\na {LONGEST:,}-character story filed (score and entities), best of {args.runs}: CPU ms (wall ms)")
    worst = 0.0
    for name, make in long_stories([c.facts.narrative for c in cases]).items():
        facts = replace(longest.facts, narrative=make())
        cpu, wall = filing(facts, args.runs)
        worst = max(worst, cpu)
        print(f"  {name:<36} {cpu:7.1f} ({wall:.1f})")
    print(f"  {'slowest':<36} {worst:7.1f}")

    story = fill(longest.facts.narrative + " ")
    long_facts = replace(longest.facts, narrative=story)
    timed(long_facts)
    # A re-score reads the same story again with one message more: the story's analysis is cached.
    again = [timed(replace(long_facts, extra_texts=("tadi malam dong pukul dia",)), cached=True) for _ in range(10)]
    forget_texts()
    print(f"the long story re-scored with one message more: median {statistics.median(again):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
