"""A held-out check of retrieval: tests/eval/holdout.jsonl was written blind (by someone who saw neither the
engine, nor the tuning set, nor the articles' keywords) after the engine was tuned. It measures, it does not tune:
never change the engine because of a question here; write a new held-out set instead once this one has been used.

The floors are lower than the tuning set's targets on purpose: they catch a regression, they are not a goal.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base

HOLDOUT = Path(__file__).resolve().parents[1] / "eval" / "holdout.jsonl"


def test_held_out_questions():
    index = AdviceIndex.build(load_knowledge_base(CONTENT_DIR))
    rows = [json.loads(line) for line in HOLDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    answerable = [r for r in rows if r["topic"]]
    top1 = top3 = off_topic_confident = 0
    for row in rows:
        answer = index.ask(row["q"], lang=None, limit=3)
        got = [r.topic for r in answer.results]
        if row["topic"] is None:
            off_topic_confident += answer.confident
            continue
        ok = {row["topic"], *row.get("alt", [])}
        top1 += bool(got[:1] and got[0] in ok)
        top3 += bool(ok & set(got[:3]))
    n = len(answerable)
    print(f"\nheld-out: n={n} top-1={top1 / n:.3f} top-3={top3 / n:.3f} "
          f"off-topic answered confidently={off_topic_confident}/{len(rows) - n}")  # fmt: skip
    assert n >= 80
    assert top1 / n >= 0.8 and top3 / n >= 0.9
