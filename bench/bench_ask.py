"""Benchmark and evaluation of question answering: `python bench/bench_ask.py [--rounds N]`.

First the figures per evaluation set and language: top-1, top-3 and off-topic questions answered with confidence,
for the tuning set (tests/eval/questions.jsonl), the first held-out set (holdout.jsonl) and the set in other
people's wording (questions_outside.jsonl, its tune and held-out splits).

Then the timing: the index is built once (timed, with its memory traced), every question of all the sets is asked
for several rounds, and the median and 95th percentile time per question are printed. The first round also pays
for stemming words never seen before; it is shown apart. Target: p95 < 5 ms.
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

EVAL_DIR = ROOT / "tests" / "eval"
EVAL_SETS = [
    ("tuning set", "questions.jsonl", None),
    ("held-out 1", "holdout.jsonl", None),
    ("outside, tune", "questions_outside.jsonl", "tune"),
    ("outside, held-out", "questions_outside.jsonl", "heldout"),
]


def load_rows(name: str, split: str | None) -> list[dict]:
    rows = [json.loads(line) for line in (EVAL_DIR / name).read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split is None or r.get("split") == split]


def accuracy(index: AdviceIndex, rows: list[dict]) -> dict[str, list[int]]:
    """language -> [answerable, top-1, top-3, off-topic, off-topic answered confidently]; "all" sums them."""
    table: dict[str, list[int]] = {}
    for row in rows:
        answer = index.ask(row["q"])
        got = [r.topic for r in answer.results]
        for key in ("all", row["lang"]):
            stats = table.setdefault(key, [0, 0, 0, 0, 0])
            if row["topic"] is None:
                stats[3] += 1
                stats[4] += answer.confident
                continue
            ok = {row["topic"], *row.get("alt", [])}
            stats[0] += 1
            stats[1] += bool(got[:1]) and got[0] in ok
            stats[2] += bool(ok & set(got[:3]))
    return table


def print_accuracy(index: AdviceIndex) -> None:
    print("set                 lang   n    top-1  top-3  off-topic confident")
    for label, name, split in EVAL_SETS:
        table = accuracy(index, load_rows(name, split))
        for lang in ("all", "id", "en", "ms", "tet"):
            if lang not in table:
                continue
            n, t1, t3, off, conf = table[lang]
            top1 = f"{t1 / n:.3f}" if n else "  -  "
            top3 = f"{t3 / n:.3f}" if n else "  -  "
            print(f"{label:<19} {lang:<5} {n:>4}   {top1}  {top3}  {conf}/{off}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds over the evaluation set (default 20)")
    args = parser.parse_args()

    questions = [row["q"] for _label, name, split in EVAL_SETS for row in load_rows(name, split)]

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

    print_accuracy(index)
    print()
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
