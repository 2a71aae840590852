"""Example questions with the topics that answer them (``content/kb/examples.jsonl``): how people outside the
project really ask, in their words. The topic classifier (classifier.py) learns from them.

Each line: ``{"question": ..., "lang": ..., "topics": [...], "source": ...}``; an empty ``topics`` marks a question
the knowledge base does not answer (off-topic). The file is written by ``scripts/advice_examples.py`` from the
evaluation sets that are tuning data, never from a held-out set.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EXAMPLES_FILE = "examples.jsonl"


@dataclass(frozen=True, slots=True)
class Example:
    question: str
    lang: str
    topics: tuple[str, ...]  # empty: off-topic
    source: str = ""


def parse_examples(text: str) -> list[Example]:
    """Examples in ``text`` (JSON lines); ValueError names the line that is not one."""
    examples = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            examples.append(
                Example(
                    question=str(row["question"]),
                    lang=str(row["lang"]),
                    topics=tuple(str(t) for t in row.get("topics") or ()),
                    source=str(row.get("source", "")),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"line {n}: not an example ({exc})") from exc
    return examples


def load_examples(path: Path) -> tuple[Example, ...]:
    """The examples in ``path``; none when the file is missing or unreadable (``tipline kb check`` reports it)."""
    try:
        return tuple(parse_examples(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, UnicodeDecodeError):
        return ()
