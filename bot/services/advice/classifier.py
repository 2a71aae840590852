"""A second signal beside the word match: a naive Bayes classifier over the words, word pairs and keyword phrases
of questions, learned from the example questions (examples.py) and the articles' titles, summaries and keywords.

The word match (index.py) knows what the articles say; the classifier knows how people ask. "berapa lama penjara
untuk ejen" shares "umur" with nothing and "penjara" with one article, but the word pair "lama penjara" and the
question shape of hundreds of examples point to the penalties article, whatever the other words.

Built once with the index (counting, a few milliseconds); asking costs one vector sum per feature of the question.
Off-topic examples train a class of their own (OFF_TOPIC), whose probability tells how much the question looks
like the off-topic questions people asked.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from bot.services.advice import lexicon
from bot.services.advice.text import AnalysedText

OFF_TOPIC = ""
# Laplace smoothing; a feature of an example question weighs 1, the primary topic of an example 1 and its other
# acceptable topics half; an article's title 1, its summary and keywords less (they are not questions).
ALPHA = 0.5
PAIR_WEIGHT = 0.5
ARTICLE_WEIGHTS = {"title": 0.5, "summary": 0.25, "keyword": 0.15}
SECOND_TOPIC_WEIGHT = 0.5
# Naive Bayes multiplies evidence as if every word were independent, so its probabilities are too sure of
# themselves; dividing the log-probabilities by a temperature above 1 softens them before they are blended.
TEMPERATURE = 2.0

_FUNCTION = frozenset(lexicon.FUNCTION_CONCEPTS.values())


class Weights(dict[str, float]):
    """Weights by feature, a missing one weighing 0 (``collections.Counter``'s behaviour, typed for floats)."""

    def __missing__(self, key: str) -> float:
        return 0.0


def features(analysed: AnalysedText, phrases: Iterable[str] = ()) -> Weights:
    """The question as features: its search terms, the keyword phrases found in it, and pairs of neighbouring
    words (function words that carry the question's shape, such as "berapa" or "tanpa", kept)."""
    found = Weights()
    for term in analysed.terms:
        found[term.text] += term.weight
    for phrase in phrases:
        found[phrase] += 1.0
    words = [w for w in analysed.sequence if w not in lexicon.STOPWORDS or w in _FUNCTION]
    for first, second in pairwise(words):
        found[f"{first}+{second}"] += PAIR_WEIGHT
    return found


class TopicClassifier:
    def __init__(
        self, classes: Sequence[str], log_prior: list[float], log_likelihood: Mapping[str, Sequence[float]]
    ) -> None:
        self.classes = tuple(classes)
        self._log_prior = log_prior
        self._log_likelihood = log_likelihood

    @classmethod
    def train(cls, classes: Sequence[str], documents: Iterable[tuple[Mapping[str, float], Mapping[str, float]]]):
        """``documents``: (features, {class: weight}) pairs."""
        classes = tuple(classes)
        position = {c: i for i, c in enumerate(classes)}
        counts = [Weights() for _ in classes]
        prior = [0.0] * len(classes)
        for found, labels in documents:
            for label, weight in labels.items():
                i = position.get(label)
                if i is None:
                    continue
                prior[i] += weight
                for feature, value in found.items():
                    counts[i][feature] += value * weight
        vocabulary = set().union(*counts)
        size = max(len(vocabulary), 1)
        totals = [sum(c.values()) for c in counts]
        prior_total = sum(prior) + len(classes)
        log_prior = [math.log((p + 1) / prior_total) for p in prior]
        # Rows are arrays of doubles: 8 bytes a value instead of a float object and a pointer (32), about 6 MiB less
        # for the bot's ~7,000 features x 37 classes, and, like tuples of floats, nothing the garbage collector walks
        # (tens of thousands of lists would make every full collection cost tens of milliseconds).
        log_likelihood = {
            feature: array(
                "d",
                (math.log((counts[i][feature] + ALPHA) / (totals[i] + ALPHA * size)) for i in range(len(classes))),
            )
            for feature in vocabulary
        }
        return cls(classes, log_prior, log_likelihood)

    def log_scores(self, found: Mapping[str, float]) -> list[float]:
        """Each class's log prior plus the log-likelihood of the features (features never seen in training are
        left out), in ``classes`` order."""
        scores = list(self._log_prior)
        for feature, value in found.items():
            row = self._log_likelihood.get(feature)
            if row is not None:
                if value == 1.0:
                    scores = [a + b for a, b in zip(scores, row, strict=True)]
                else:
                    scores = [a + value * b for a, b in zip(scores, row, strict=True)]
        return scores

    def probabilities(self, found: Mapping[str, float], temperature: float = TEMPERATURE) -> dict[str, float]:
        """Class -> probability (summing to 1)."""
        return self.soften(self.log_scores(found), temperature)

    def soften(self, scores: Sequence[float], temperature: float = TEMPERATURE) -> dict[str, float]:
        """Log scores -> probabilities, divided by ``temperature`` first (see TEMPERATURE)."""
        top = max(scores)
        exps = [math.exp((s - top) / temperature) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}
