"""The articles' keyword phrases ("tanpa nama", "dokumen apa", "berapa lama penjara") found in a question's word
sequence (``AnalysedText.sequence``), each then counted as one more search term."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_PHRASE_GAP = 1


def phrase_term(key: tuple[str, ...]) -> str:
    """The search term standing for a keyword phrase (no word can look like it: words have no spaces)."""
    return "\u00ab" + " ".join(key)


class PhraseMatcher:
    """Finds the articles' keyword phrases in a question's word sequence (``AnalysedText.sequence``).

    A phrase matches in order with at most ``MAX_PHRASE_GAP`` extra words inside it ("tanpa bagi nama" is "tanpa
    nama"); a two-word phrase also matches in the other order ("apa dokumen" is "dokumen apa", which English writes
    "what documents").
    """

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        # Two-word phrases (most of them) are looked up as pairs of words, in either order; longer ones are followed
        # word by word from their first word.
        self._pairs: dict[tuple[str, str], tuple[str, ...]] = {}
        self._longer: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(set(phrases)):
            if len(key) == 2:
                self._pairs.setdefault((key[0], key[1]), key)
                self._pairs.setdefault((key[1], key[0]), key)
            else:
                self._longer.setdefault(key[0], []).append(key)

    def find(self, sequence: Sequence[str]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set()
        n = len(sequence)
        pairs = self._pairs
        for i, word in enumerate(sequence):
            for j in range(i + 1, min(i + 2 + MAX_PHRASE_GAP, n)):
                key = pairs.get((word, sequence[j]))
                if key is not None:
                    found.add(key)
            for key in self._longer.get(word, ()):
                j, gaps, matched = i + 1, 0, 1
                while matched < len(key) and j < n and gaps <= MAX_PHRASE_GAP:
                    if sequence[j] == key[matched]:
                        matched += 1
                    else:
                        gaps += 1
                    j += 1
                if matched == len(key) and gaps <= MAX_PHRASE_GAP:
                    found.add(key)
        return found
