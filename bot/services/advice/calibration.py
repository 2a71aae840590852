"""Choosing the blend (index.Blend) by leave-one-set-out over every tuning set, not on any one of them.

Each tuning set is answered by an index whose classifier has not learned it (evaluation.index_without), as a new
set of questions would be; every set's questions are matched once (AdviceIndex.match) and then blended each way
the grid asks (AdviceIndex.decide), which costs a fraction of a millisecond a question. A blend is judged on all
the sets' questions pooled, with the worst set beside it so that no set is given up for the others:

1. no more than MAX_OFF_TOPIC_SHARE of the off-topic questions answered with confidence;
2. the most right top answers (top-1), then the best worst set, then the most right top three;
3. the fewest wrong answers given with confidence, then the most right ones.

Run by ``bench/bench_ask.py --calibrate``; the chosen values are written into index.Blend's defaults by hand, with
the figures, so that a reviewer sees what changed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bot.services.advice.evaluation import EvalSet, Question, Tally, index_without
from bot.services.advice.index import DEFAULT_BLEND, AdviceIndex, Blend, Match
from bot.services.advice.kb import KnowledgeBase

MAX_OFF_TOPIC_SHARE = 0.02

DEFAULT_GRID: dict[str, tuple[float, ...]] = {
    "classifier_weight": (0.3, 0.45, 0.6, 0.8, 1.0, 1.3),
    "temperature": (1.5, 2.0, 3.0, 4.0),
    "red_flag_boost": (0.2, 0.3, 0.4),
    "hint_boost": (0.1, 0.15, 0.2, 0.3),
}
THRESHOLDS = (0.2, 0.22, 0.24, 0.26, 0.27, 0.28, 0.3, 0.32, 0.35)


@dataclass(frozen=True, slots=True)
class Fold:
    """One tuning set, matched by an index that has not learned it."""

    label: str
    index: AdviceIndex
    matched: tuple[tuple[Question, Match], ...]


def folds(kb: KnowledgeBase, eval_sets: Iterable[EvalSet], eval_dir: Path) -> list[Fold]:
    out = []
    for eval_set in eval_sets:
        questions = eval_set.questions(eval_dir)
        if eval_set.held_out or not questions:
            continue
        index = index_without(kb, questions)
        out.append(Fold(eval_set.label, index, tuple((q, index.match(q.text)) for q in questions)))
    return out


def score(fold: Fold, blend: Blend) -> Tally:
    tally = Tally()
    for question, match in fold.matched:
        answer = fold.index.decide(match, blend)
        got = [r.topic for r in answer.results]
        if question.off_topic:
            tally.off_topic += 1
            tally.off_topic_confident += answer.confident
            continue
        right = bool(got) and got[0] in question.topics
        tally.answerable += 1
        tally.top1 += right
        tally.top3 += bool(set(question.topics) & set(got[:3]))
        tally.confident_right += answer.confident and right
        tally.confident_wrong += answer.confident and not right
    return tally


@dataclass(frozen=True, slots=True)
class Outcome:
    blend: Blend
    pooled: Tally
    per_set: Mapping[str, Tally]

    @property
    def worst_top1(self) -> float:
        return min(t.top1 / t.answerable for t in self.per_set.values() if t.answerable)

    def acceptable(self) -> bool:
        return self.pooled.off_topic_confident <= MAX_OFF_TOPIC_SHARE * self.pooled.off_topic

    def key(self) -> tuple:
        p = self.pooled
        return (p.top1, round(self.worst_top1, 4), p.top3, -p.confident_wrong, p.confident_right)

    def line(self) -> str:
        p, b = self.pooled, self.blend
        return (
            f"w={b.classifier_weight:<4} T={b.temperature:<3} flag={b.red_flag_boost:<4} hint={b.hint_boost:<4} "
            f"min={b.min_confident_score:<4}  top-1 {p.top1_rate:.3f} (worst set {self.worst_top1:.3f})  "
            f"top-3 {p.top3_rate:.3f}  off-topic confident {p.off_topic_confident}/{p.off_topic}  "
            f"confident right/wrong {p.confident_right}/{p.confident_wrong}"
        )


def outcome(all_folds: Sequence[Fold], blend: Blend) -> Outcome:
    per_set = {fold.label: score(fold, blend) for fold in all_folds}
    pooled = Tally()
    for tally in per_set.values():
        for name in Tally.__slots__:
            setattr(pooled, name, getattr(pooled, name) + getattr(tally, name))
    return Outcome(blend, pooled, per_set)


def search(
    all_folds: Sequence[Fold],
    grid: Mapping[str, Sequence[float]] = DEFAULT_GRID,
    thresholds: Sequence[float] = THRESHOLDS,
    base: Blend = DEFAULT_BLEND,
) -> list[Outcome]:
    """Every blend of the grid, ranked (best first); for each ranking blend the confidence threshold is chosen
    afterwards (it changes only which answers are confident, not their order)."""
    names = list(grid)
    ranked = []
    for values in itertools.product(*(grid[n] for n in names)):
        blend = replace(base, **dict(zip(names, values, strict=True)))
        ranked.append(outcome(all_folds, blend))
    ranked.sort(key=Outcome.key, reverse=True)
    best = []
    for candidate in ranked[:5]:
        options = [outcome(all_folds, replace(candidate.blend, min_confident_score=t)) for t in thresholds]
        fine = [o for o in options if o.acceptable()] or options
        best.append(max(fine, key=lambda o: (o.pooled.confident_right - 3 * o.pooled.confident_wrong, o.key())))
    return best + ranked[5:]
