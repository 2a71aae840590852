"""The words people type instead of pressing a button, by question and answer (``content/intake/answers.toml``),
read once, the first time a typed answer is read. Only word lists live there; ``understand`` decides what a message
means."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.paths import CONTENT_DIR

WORDS_FILE = CONTENT_DIR / "intake" / "answers.toml"


@dataclass(frozen=True)
class Vocabulary:
    yes_no: dict[str, tuple[str, ...]]  # yes, no, unknown
    danger: dict[str, tuple[str, ...]]  # yes, no: words for danger and for safety
    category: dict[str, tuple[str, ...]]  # in order: the most serious first
    relation: dict[str, tuple[str, ...]]
    when: dict[str, tuple[str, ...]]
    many: tuple[str, ...]
    alone: tuple[str, ...]
    numbers: dict[str, int]
    done: tuple[str, ...]
    send: tuple[str, ...]
    skip: tuple[str, ...]
    not_answers: tuple[str, ...]
    report_verbs: frozenset[str]
    report_fillers: frozenset[str]
    report_language: dict[str, frozenset[str]]  # en, ms, tet
    report_language_id: frozenset[str]  # Indonesian: what the message is in when no other language's words are

    @property
    def category_order(self) -> tuple[str, ...]:
        return tuple(self.category)


def _lists(table: dict) -> dict[str, tuple[str, ...]]:
    return {key: tuple(value) for key, value in table.items() if isinstance(value, list)}


def load(path: Path = WORDS_FILE) -> Vocabulary:
    with path.open("rb") as f:
        data = tomllib.load(f)
    report = data["report"]
    return Vocabulary(
        yes_no=_lists(data["yes_no"]),
        danger=_lists(data["danger"]),
        category=_lists(data["category"]),
        relation=_lists(data["relation"]),
        when=_lists(data["when"]),
        many=tuple(data["people"]["many"]),
        alone=tuple(data["people"]["alone"]),
        numbers={str(k): int(v) for k, v in data["people"]["numbers"].items()},
        done=tuple(data["story"]["done"]),
        send=tuple(data["review"]["send"]),
        skip=tuple(data["skip"]["words"]),
        not_answers=tuple(data["not_answers"]["words"]),
        report_verbs=frozenset(report["verbs"]),
        report_fillers=frozenset(report["fillers"]),
        report_language={lang: frozenset(words) for lang, words in report["language"].items() if lang != "id"},
        report_language_id=frozenset(report["language"]["id"]),
    )


@cache
def vocabulary() -> Vocabulary:
    return load()
