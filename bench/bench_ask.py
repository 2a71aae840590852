"""Benchmark of question answering: `python bench/bench_ask.py [--rounds N]`.

Loads the knowledge base and builds the index once (timed, with its memory traced), then asks every question of
the evaluation set (tests/eval/questions.jsonl) for several rounds and prints the median and 95th percentile
time per question. The first round also pays for stemming words never seen before; it is shown apart.
Target: p95 < 5 ms.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.paths import CONTENT_DIR  # noqa: E402
from bot.services.advice import AdviceIndex, load_knowledge_base  # noqa: E402
from bot.services.advice.text import shared_stemmer  # noqa: E402

EVAL_FILE = ROOT / "tests" / "eval" / "questions.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds over the evaluation set (default 20)")
    args = parser.parse_args()

    questions = [json.loads(line)["q"] for line in EVAL_FILE.read_text(encoding="utf-8").splitlines() if line]

    started = time.perf_counter()
    kb = load_knowledge_base(CONTENT_DIR)
    index = AdviceIndex.build(kb)
    build_ms = (time.perf_counter() - started) * 1000

    # Memory: build again from nothing (the stemmer and its dictionary included) under tracemalloc, which
    # slows the build down several times; the timing above is without it.
    del index
    shared_stemmer.cache_clear()
    gc.collect()
    tracemalloc.start()
    index = AdviceIndex.build(load_knowledge_base(CONTENT_DIR))
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rounds: list[list[float]] = []
    for _ in range(args.rounds):
        times = []
        for question in questions:
            t0 = time.perf_counter()
            index.ask(question)
            times.append((time.perf_counter() - t0) * 1000)
        rounds.append(times)

    cold = rounds[0]
    warm = [t for r in rounds[1:] for t in r] or cold
    every = [t for r in rounds for t in r]
    print(f"questions: {len(questions)} x {args.rounds} rounds ({len(every)} asks)")
    print(f"index build: {build_ms:.0f} ms ({len(kb.articles)} articles; loading the files and the stemmer included)")
    print(f"index memory: {retained / 1e6:.1f} MB retained, {peak / 1e6:.1f} MB peak while building (tracemalloc)")
    print(f"per question, all rounds: median {statistics.median(every):.3f} ms, p95 {percentile(every, 0.95):.3f} ms")
    print(f"per question, warm rounds: median {statistics.median(warm):.3f} ms, p95 {percentile(warm, 0.95):.3f} ms")
    print(
        f"per question, first round: median {statistics.median(cold):.3f} ms, p95 {percentile(cold, 0.95):.3f} ms, "
        f"max {max(cold):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
