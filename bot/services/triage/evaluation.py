"""Measuring triage against tips labelled by hand: agreement, P1 recall and false-P1 rate per language.

An evaluation file is JSON lines, one tip per line (docs/triage.md, "Evaluation"):
``{"id", "lang", "narrative", "answers": {...}, "expected": "P1".."P4", "why"}`` where ``answers`` holds the
fields of ``tipline triage score`` input other than ``narrative`` and ``lang``. Answers are read the way a person
would write them down: "yes"/"no" for true/false, "unsure" or "not sure" for the danger question, "2-5" for a
number of people. A field this reader does not know is a format error, named with its line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.services.triage.facts import FIELDS, TipFacts, TipFactsError, tip_facts_from_mapping
from bot.services.triage.scoring import Priority, TriageResult, score_tip

LANGS = ("id", "en", "ms", "tet")
_PEOPLE = {"1": 1, "2-5": 2, "6+": 6, "unknown": None}
_BOOL_WORDS = {"true": True, "false": False, "null": None, "none": None, "": None}


def _place_code(value: str) -> str | None:
    """A regency written as a code or a name ("Kota Kupang", "TTS", "abroad")."""
    from bot.services import places

    text = value.strip()
    if not text or places.is_place_code(text):
        return text or None
    key = " ".join(text.casefold().replace("_", " ").split())
    for r in places.regencies():
        if key in (r.name.casefold(), r.code.replace("_", " ")):
            return r.code
    found = places.find_places(text)
    if found and found[0].kind == "regency":
        return found[0].code
    return {"abroad": "abroad", "luar negeri": "abroad", "elsewhere in indonesia": "elsewhere_id"}.get(key, text)


class EvalFormatError(ValueError):
    """A line of an evaluation file cannot be read; the message names the line and the field."""


@dataclass(frozen=True)
class EvalCase:
    id: str
    lang: str
    facts: TipFacts
    expected: Priority
    why: str


@dataclass
class Figures:
    n: int = 0
    agree: int = 0
    p1: int = 0  # tips labelled P1
    p1_found: int = 0  # of those, scored P1
    not_p1: int = 0
    false_p1: int = 0  # tips not labelled P1 but scored P1

    def add(self, expected: Priority, got: Priority) -> None:
        self.n += 1
        self.agree += expected == got
        if expected == Priority.P1:
            self.p1 += 1
            self.p1_found += got == Priority.P1
        else:
            self.not_p1 += 1
            self.false_p1 += got == Priority.P1

    @property
    def agreement(self) -> float:
        return self.agree / self.n if self.n else 1.0

    @property
    def p1_recall(self) -> float:
        return self.p1_found / self.p1 if self.p1 else 1.0

    @property
    def false_p1_rate(self) -> float:
        return self.false_p1 / self.not_p1 if self.not_p1 else 0.0


@dataclass
class Report:
    by_lang: dict[str, Figures] = field(default_factory=dict)
    overall: Figures = field(default_factory=Figures)
    misses: list[tuple[EvalCase, TriageResult]] = field(default_factory=list)

    def passes(self, *, agreement: float, p1_recall: float, false_p1_rate: float) -> bool:
        return (
            self.overall.agreement >= agreement
            and self.overall.p1_recall >= p1_recall
            and self.overall.false_p1_rate <= false_p1_rate
        )


def _answers(raw: object, where: str) -> dict[str, object]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise EvalFormatError(f"{where}: answers must be an object")
    out: dict[str, object] = {}
    for key, value in raw.items():
        if key in ("narrative", "lang") or key not in FIELDS:
            raise EvalFormatError(f"{where}: answers.{key}: unknown field (known: {', '.join(FIELDS[2:])})")
        if key == "people_count" and isinstance(value, str):
            text = value.strip()
            value = int(text) if text.isdigit() else _PEOPLE.get(text)
        elif key in ("category", "departure", "relation") and isinstance(value, str):
            value = "_".join(value.strip().casefold().replace("-", " ").split()) or None
        elif key == "regency" and isinstance(value, str):
            value = _place_code(value)
        elif key in ("danger_now", "minors", "has_location") and isinstance(value, str):
            value = _BOOL_WORDS.get(value.strip().casefold(), value)
        if key == "extra_texts" and isinstance(value, str):
            value = [value]
        out[key] = value
    return out


def read_cases(path: Path) -> list[EvalCase]:
    """Every tip in an evaluation file; raises ``EvalFormatError`` naming the line of the first bad one."""
    cases: list[EvalCase] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalFormatError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise EvalFormatError(f"{where}: a line must be a JSON object")
        for name in ("id", "lang", "narrative", "expected"):
            if not isinstance(row.get(name), str):
                raise EvalFormatError(f"{where}: {name} is required (a string)")
        if row["lang"] not in LANGS:
            raise EvalFormatError(f"{where}: lang must be one of {', '.join(LANGS)}")
        if row["expected"] not in Priority.__members__:
            raise EvalFormatError(f"{where}: expected must be P1, P2, P3 or P4")
        if row["id"] in seen:
            raise EvalFormatError(f"{where}: id {row['id']!r} is used twice")
        seen.add(row["id"])
        data = {"narrative": row["narrative"], "lang": row["lang"], **_answers(row.get("answers"), where)}
        try:
            facts = tip_facts_from_mapping(data)
        except TipFactsError as exc:
            raise EvalFormatError(f"{where}: answers.{exc.field}: {exc.message}") from None
        cases.append(EvalCase(row["id"], row["lang"], facts, Priority(row["expected"]), str(row.get("why", ""))))
    return cases


def evaluate(cases: Iterable[EvalCase], score: Callable[[TipFacts], TriageResult] = score_tip) -> Report:
    report = Report()
    for case in cases:
        result = score(case.facts)
        report.by_lang.setdefault(case.lang, Figures()).add(case.expected, result.priority)
        report.overall.add(case.expected, result.priority)
        if result.priority != case.expected:
            report.misses.append((case, result))
    return report


def format_report(report: Report, title: str, *, show_misses: bool = True) -> str:
    def row(name: str, f: Figures) -> str:
        return (
            f"  {name:<8} n={f.n:>3}  agreement={f.agreement:.3f}  P1 recall={f.p1_recall:.3f} ({f.p1_found}/{f.p1})"
            f"  false-P1 rate={f.false_p1_rate:.3f} ({f.false_p1}/{f.not_p1})"
        )

    lines = [f"{title}:"]
    lines += [row(lang, report.by_lang[lang]) for lang in LANGS if lang in report.by_lang]
    lines.append(row("all", report.overall))
    if show_misses and report.misses:
        lines.append("  disagreements (expected -> scored: why it was expected; reasons given):")
        for case, result in report.misses:
            codes = ", ".join(dict.fromkeys(result.codes))
            lines.append(f"    {case.id}: {case.expected} -> {result.priority}: {case.why}; [{codes}]")
    return "\n".join(lines)


def confusion(cases: Sequence[EvalCase], score: Callable[[TipFacts], TriageResult] = score_tip) -> dict:
    """expected -> scored -> count, for the documentation."""
    table: dict[str, dict[str, int]] = {p.value: {q.value: 0 for q in Priority} for p in Priority}
    for case in cases:
        table[case.expected.value][score(case.facts).priority.value] += 1
    return table
