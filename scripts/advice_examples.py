"""Write content/kb/examples.jsonl, the example questions the advice classifier learns from, from the evaluation
sets that are tuning data: `python scripts/advice_examples.py` (or `--check`: exit 1 when the file is out of date).

Only the files in TUNING are read. Held-out sets (tests/eval/advice_holdout*.jsonl, and any set still to be
measured once) are never examples: a question the classifier has learned cannot measure it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.paths import CONTENT_DIR  # noqa: E402
from bot.services.advice.evaluation import load_questions  # noqa: E402
from bot.services.advice.examples import EXAMPLES_FILE  # noqa: E402
from bot.services.advice.kb import kb_dir  # noqa: E402

EVAL_DIR = ROOT / "tests" / "eval"
TUNING = (
    "questions.jsonl",
    "holdout.jsonl",  # held-out set 1: measured once (2026-11), tuning data since
    "questions_outside.jsonl",
    "advice_blind1.jsonl",  # blind set 1: measured once (2026-12-01), tuning data since
    "advice_offtopic_blind1.jsonl",
    "advice_blind2.jsonl",  # blind set 2: measured once (2026-12), tuning data since
    "advice_offtopic_blind2.jsonl",
    "advice_blind3.jsonl",  # blind set 3: measured once (2026-12-01, edb0a62), tuning data since
    "advice_offtopic_blind3.jsonl",
    "advice_own.jsonl",  # three batches, each scored once before tuning (README)
    "advice_offtopic_own.jsonl",
    "advice_own2.jsonl",  # own batch 6 (off-topic near misses and their look-alikes), scored once first (README)
    "advice_offtopic_own2.jsonl",
)
HELD_OUT_PREFIX = "advice_holdout"


def example_lines() -> list[str]:
    lines = []
    seen: set[str] = set()
    for name in TUNING:
        assert not name.startswith(HELD_OUT_PREFIX), name
        for question in load_questions(EVAL_DIR / name):
            key = " ".join(question.text.lower().split())
            if key in seen:
                continue
            seen.add(key)
            row = {"question": question.text, "lang": question.lang, "topics": list(question.topics)}
            row["source"] = question.id if question.id.startswith(name) else f"{name}:{question.id}"
            lines.append(json.dumps(row, ensure_ascii=False))
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args()
    path = kb_dir(CONTENT_DIR) / EXAMPLES_FILE
    text = "\n".join(example_lines()) + "\n"
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} is out of date: run python scripts/advice_examples.py", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"{path}: {text.count(chr(10))} examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
