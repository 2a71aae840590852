"""Which of the four languages a question is written in, from words typical of each (Kupang Malay counts as id)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.services.advice.kb import DEFAULT_LANG
from bot.services.advice.lexicon import LANGUAGE_MARKERS

# On a tie Indonesian wins: it is the language most users write, and Malay and Kupang Malay share most of it.
_PREFERENCE = ("id", "ms", "tet", "en")


def detect_language(tokens: Iterable[str]) -> str:
    """``tokens`` are normalised words (``text.tokenize``); returns "id", "en", "ms" or "tet"."""
    counts = dict.fromkeys(_PREFERENCE, 0)
    for token in tokens:
        for lang, markers in LANGUAGE_MARKERS.items():
            if token in markers:
                counts[lang] += 1
    best = max(_PREFERENCE, key=lambda lang: (counts[lang], -_PREFERENCE.index(lang)))
    return best if counts[best] > 0 else DEFAULT_LANG
