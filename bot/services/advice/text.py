"""Turning text into search terms: normalisation, chat spellings, repair of glued and misspelt words,
stemming (Sastrawi, cached) and multilingual synonym groups.

Articles and questions go through the same steps so that they meet on the same terms; only questions are
repaired, against the vocabulary of the articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.services.advice import lexicon
from bot.services.advice.intent import Intent, read_intent
from bot.services.advice.stemming import Stemmer, shared_stemmer
from bot.services.advice.tokens import (  # noqa: F401 - also reached as bot.services.advice.text.<name>
    _NO_STEM_KEYS,
    _VOWELS,
    MAX_PHRASE_WORDS,
    MAX_QUERY_TOKENS,
    MAX_REPAIRS,
    MAX_TOKEN_CHARS,
    expand_slang,
    normalize,
    tokenize,
)


@dataclass(frozen=True, slots=True)
class Term:
    """A search term from a question; ``how`` says whether the word was taken as written or repaired."""

    text: str
    weight: float = 1.0
    how: str = "exact"  # "exact", "split" (glued words) or "fuzzy" (misspelling)
    defined: bool = False  # the word a definition question defines ("TPPO itu apa"; intent.py)


@dataclass(frozen=True, slots=True)
class AnalysedText:
    words: tuple[str, ...]  # the question's words after chat spellings and repairs (used by the red-flag rules)
    stems: tuple[str, ...]  # their stems, position by position
    concepts: tuple[str, ...]  # position by position: the word's synonym group, else its stem
    terms: tuple[Term, ...]  # search terms: synonym groups, stems; function words removed
    # Every word in order as its synonym group (phrases of a group joined), else its stem, function words kept:
    # what keyword phrases such as "tanpa nama" or "dokumen apa" are matched against.
    sequence: tuple[str, ...] = ()
    hows: tuple[str, ...] = ()  # position by position: how the word was read ("exact", "split", "fuzzy")
    amounts: tuple[str | None, ...] = ()  # what each amount of money in it is for (intent.py: "wage", "fee")

    @property
    def defined(self) -> frozenset[str]:
        """The terms a definition question defines ("TPPO itu apa": {"tppo"})."""
        return frozenset(t.text for t in self.terms if t.defined)


class Analyzer:
    """Text -> terms. Build once (it holds the synonym tables and, for repairs, the articles' vocabulary)."""

    def __init__(self, stemmer: Stemmer | None = None) -> None:
        self.stemmer = stemmer or shared_stemmer()
        self._single: dict[str, str] = {}
        self._phrases: dict[tuple[str, ...], str] = {}
        self.collisions: list[tuple[str, str, str]] = []
        # Words as written first, then their stems: a variant written out ("libur") outranks another group's
        # variant that merely stems to it ("liburan"); only two groups claiming the same written form is an error.
        stem_keys: list[tuple[str | tuple[str, ...], str]] = []
        for group in lexicon.SYNONYMS:
            concept = group[0]
            for variant in group:
                words = expand_slang(tokenize(variant))
                if not words:
                    continue
                key: str | tuple[str, ...] = words[0] if len(words) == 1 else tuple(words)
                self._claim(key, concept, record=True)
                stems = [self.stemmer.stem(w) for w in words]
                if len(words) == 1 and (stems[0] in _NO_STEM_KEYS and stems[0] != words[0]):
                    continue
                stem_keys.append((stems[0] if len(words) == 1 else tuple(stems), concept))
        for key, concept in stem_keys:
            self._claim(key, concept, record=False)
        # First words of the synonym phrases: a position starting with no such word needs no phrase look-up.
        self._phrase_starts: frozenset[str] = frozenset(key[0] for key in self._phrases)
        self._known: set[str] = set(lexicon.STOPWORDS) | set(lexicon.SLANG) | set(self._single)
        self._split_vocab: set[str] = {w for w in self._known if len(w) >= 2}
        self._fuzzy_choices: dict[str, list[str]] = {}
        self._article_words: set[str] = set()
        self._known_stems: set[str] = {self._stem(w) for w in self._known}

    def _claim(self, key: str | tuple[str, ...], concept: str, record: bool) -> None:
        table: dict = self._single if isinstance(key, str) else self._phrases
        existing = table.setdefault(key, concept)
        if existing != concept and record:
            self.collisions.append((key if isinstance(key, str) else " ".join(key), existing, concept))

    def learn_vocabulary(self, texts: Iterable[str]) -> None:
        """Words of the articles: questions are repaired towards them (glued words split, misspellings fixed)."""
        counts: dict[str, int] = {}
        for text in texts:
            for word in expand_slang(tokenize(text)):
                if word.isalpha():
                    counts[word] = counts.get(word, 0) + 1
        self._known.update(counts)
        self._article_words.update(w for w in counts if len(w) >= 5)
        self._known_stems.update(self._stem(w) for w in counts)
        self._split_vocab.update(w for w in counts if len(w) >= 2)
        for word in self._known:
            counts.setdefault(word, 0)
        by_letter: dict[str, list[str]] = {}
        # Most frequent first: a fuzzy tie goes to the word people most likely meant.
        for word in sorted(counts, key=lambda w: (-counts[w], w)):
            if len(word) >= 4 and word.isalpha():
                by_letter.setdefault(word[0], []).append(word)
        self._fuzzy_choices = by_letter

    # --- articles -----------------------------------------------------------------------------------------

    def document_terms(self, text: str) -> list[str]:
        words = expand_slang(tokenize(text))
        return [t.text for t in self._terms(words, [self._stem(w) for w in words], ["exact"] * len(words))]

    # --- questions ----------------------------------------------------------------------------------------

    def analyse_question(self, text: str) -> AnalysedText:
        words: list[str] = []
        hows: list[str] = []
        repairs = 0
        for token in expand_slang(self.join_split(self.join_spelled(tokenize(text)[:MAX_QUERY_TOKENS]))):
            if repairs < MAX_REPAIRS and not self.is_known(token):
                repairs += 1
                repaired, how = self.repair(token)
                words.extend(repaired)
                hows.extend([how] * len(repaired))
            else:
                words.append(token)
                hows.append("exact")
        stems = [self._stem(w) for w in words]
        concepts = [self._single.get(w) or self._single.get(s) or s for w, s in zip(words, stems, strict=True)]
        intent = read_intent(words, concepts)
        return AnalysedText(
            tuple(words),
            tuple(stems),
            tuple(concepts),
            tuple(self._terms(words, stems, hows, intent)),
            tuple(self._sequence(words, stems)),
            tuple(hows),
            intent.amounts,
        )

    def phrase_key(self, text: str) -> tuple[str, ...]:
        """An article's keyword phrase as the sequence a question is matched against (see ``AnalysedText.sequence``)."""
        words = expand_slang(tokenize(text))
        return tuple(self._sequence(words, [self._stem(w) for w in words]))

    def is_known(self, word: str) -> bool:
        if len(word) <= 3 or not word.isalpha() or word in self._known or self.stemmer.is_root(word):
            return True
        # An inflected form counts as known only when its stem is a word we know: the English suffix rule turns
        # "trafiking" into "trafik", which is nobody's word, and such a word is better repaired ("trafficking").
        stem = self._stem(word)
        return stem != word and (stem in self._known_stems or self.stemmer.is_root(stem))

    def join_spelled(self, tokens: list[str]) -> list[str]:
        """Letters and numbers spelled out, as speech-to-text writes an abbreviation ("el te es a" -> "ltsa",
        "pe tiga em i" -> "p3mi", "sip dua em i" -> "sip2mi"), joined when the result is a word we know."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            joined = None
            if tokens[i] in lexicon.SPELLED or (len(tokens[i]) <= 4 and tokens[i].isalpha()):
                j = i + 1
                while j < len(tokens) and tokens[j] in lexicon.SPELLED:
                    j += 1
                spelled_head = tokens[i] in lexicon.SPELLED
                # A word before spelled letters ("sip dua em i") needs two of them: "do i" is not "doi".
                shortest = i + 2 if spelled_head else i + 3
                for end in range(j, shortest - 1, -1):  # the longest run first
                    head = lexicon.SPELLED[tokens[i]] if spelled_head else tokens[i]
                    candidate = head + "".join(lexicon.SPELLED[t] for t in tokens[i + 1 : end])
                    if candidate in self._known and candidate not in lexicon.SLANG and len(candidate) >= 3:
                        joined = (candidate, end)
                        break
            if joined:
                out.append(joined[0])
                i = joined[1]
            else:
                out.append(tokens[i])
                i += 1
        return out

    def join_split(self, tokens: list[str]) -> list[str]:
        """A word cut in two, as speech-to-text writes a word it hears as two ("pas por", "kon trak", "maji kan"),
        joined when the two halves make a word of the articles and one half is no word of ours."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            if i + 1 < len(tokens):
                a, b = tokens[i], tokens[i + 1]
                joined = a + b
                if (
                    joined in self._article_words
                    and a.isalpha()
                    and b.isalpha()
                    and a not in lexicon.STOPWORDS
                    and b not in lexicon.STOPWORDS
                    and (a not in self._known or b not in self._known)
                ):
                    out.append(joined)
                    i += 2
                    continue
            out.append(tokens[i])
            i += 1
        return out

    def repair(self, word: str) -> tuple[list[str], str]:
        """A word nobody knows: a spoken spelling ("brangkat", "taun", "fisa", "tepepeo"), glued words
        ("kerjadi" -> "kerja di"), else the nearest known spelling."""
        spoken = self.respell(word)
        if spoken:
            return expand_slang([spoken]), "respelled"
        parts = self.split_glued(word)
        if parts:
            return expand_slang(parts), "split"
        fixed = self.correct_spelling(word)
        if fixed:
            return expand_slang([fixed]), "fuzzy"
        return [word], "exact"

    def respell(self, word: str) -> str | None:
        """A known word written the way it is said: the "e" of "ber-", "per-", "ter-" left out ("brangkat",
        "prusahaan"), an "h" between vowels left out ("taun", "liat"), "f" for "v" or "p" ("fisa", "pasfor"), or an
        abbreviation spelled out letter by letter and glued, as speech-to-text writes it ("tepepeo" = TPPO,
        "elteesa" = LTSA)."""
        if len(word) < 4 or not word.isalpha():
            return None
        candidates = []
        if word[0] not in _VOWELS and word[1] in "rl":
            candidates.append(word[0] + "e" + word[1:])
        for i in range(1, len(word) - 1):
            if word[i - 1] in _VOWELS and word[i] in _VOWELS:
                candidates.append(word[:i] + "h" + word[i:])
        if "f" in word:
            candidates += [word.replace("f", "v"), word.replace("f", "p")]
        for candidate in candidates:
            if candidate in self._known and candidate not in lexicon.STOPWORDS:
                return candidate
        letters = self._letter_names(word)
        if letters and len(letters) >= 3 and letters in self._known and len(word) - len(letters) >= 2:
            return letters
        return None

    @staticmethod
    def _letter_names(word: str) -> str | None:
        """``word`` read as letter names glued together ("tepepeo" -> "tppo"), or None."""
        n = len(word)
        best: list[str | None] = [None] * (n + 1)
        best[0] = ""
        for end in range(1, n + 1):
            for start in range(max(0, end - 5), end):
                prev = best[start]
                name = word[start:end]
                if prev is not None and name in lexicon.SPELLED and best[end] is None:
                    best[end] = prev + lexicon.SPELLED[name]
        return best[n]

    def split_glued(self, word: str, max_parts: int = 3) -> list[str] | None:
        """Split into known words, fewest pieces first, then the most even-handed (longest) pieces."""
        n = len(word)
        if n < 4 or n > MAX_TOKEN_CHARS:
            return None
        # best[i] = (parts, -sum of squared lengths, pieces) for word[:i]
        best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0, 0, [])
        for end in range(2, n + 1):
            for start in range(0, end - 1):
                prev = best[start]
                piece = word[start:end]
                if prev is None or prev[0] >= max_parts or piece not in self._split_vocab:
                    continue
                candidate = (prev[0] + 1, prev[1] - len(piece) ** 2, [*prev[2], piece])
                if best[end] is None or candidate[:2] < best[end][:2]:  # type: ignore[index]
                    best[end] = candidate
        result = best[n]
        if result is None or result[0] < 2 or max(len(p) for p in result[2]) < 4:
            return None
        return result[2]

    def correct_spelling(self, word: str) -> str | None:
        """Nearest known word with the same first letter: 1 edit (a swap of neighbours counts as one) for words of
        5-7 letters, 2 beyond. Among equally near words, one that only adds letters the writer left out wins
        ("syrat" is "syarat", not "surat": chat drops vowels far more often than it swaps them), then the most
        frequent.

        Four-letter words are left alone: one edit away from a four-letter word is too often another real
        word ("best" -> "beat"); two edits from a seven-letter word is too often another language's word
        ("primary" -> "privacy").
        """
        if len(word) < 5 or not word.isalpha():
            return None
        choices = self._fuzzy_choices.get(word[0])
        if not choices:
            return None
        max_edits = 1 if len(word) <= 7 else 2
        matches = process.extract(word, choices, scorer=OSA.distance, score_cutoff=max_edits, limit=12)
        if not matches:
            return None
        best = min(matches, key=lambda m: (m[1], not _is_subsequence(word, m[0]), m[2]))
        return best[0]

    # --- shared -------------------------------------------------------------------------------------------

    def _stem(self, word: str) -> str:
        return word if word in lexicon.STOPWORDS else self.stemmer.stem(word)

    def _terms(self, words: list[str], stems: list[str], hows: list[str], intent: Intent | None = None) -> list[Term]:
        """Search terms, position by position; ``intent`` (questions only) weighs positions and reads amounts."""
        terms: list[Term] = []
        i = 0
        n = len(words)
        starts = self._phrase_starts
        focus = intent.weights if intent is not None else (1.0,) * n
        defined = intent.defined if intent is not None else frozenset()
        while i < n:
            if intent is not None and (i in intent.terms or i in intent.skipped):
                if i in intent.terms:
                    terms.append(Term(intent.terms[i], _weight(hows[i]), hows[i]))
                i += 1
                continue
            matched = False
            can_start = words[i] in starts or stems[i] in starts
            for size in range(min(MAX_PHRASE_WORDS, n - i) if can_start else 1, 1, -1):
                concept = self._phrases.get(tuple(words[i : i + size])) or self._phrases.get(tuple(stems[i : i + size]))
                if concept:
                    how = "fuzzy" if "fuzzy" in hows[i : i + size] else "exact"
                    is_defined = not defined.isdisjoint(range(i, i + size))
                    terms.append(Term(concept, _weight(how) * max(focus[i : i + size]), how, is_defined))
                    i += size
                    matched = True
                    break
            if matched:
                continue
            word, stem, how, weight = words[i], stems[i], hows[i], _weight(hows[i]) * focus[i]
            is_defined = i in defined
            i += 1
            concept = self._single.get(word) or self._single.get(stem)
            if concept:
                terms.append(Term(concept, weight, how, is_defined))
            elif word in lexicon.STOPWORDS or stem in lexicon.STOPWORDS:
                continue
            elif word.isdigit():
                terms.append(Term(word.lstrip("0") or "0", 0.5 * weight, how))
            elif len(stem) >= 2:
                terms.append(Term(stem, weight, how, is_defined))
        return terms

    def _sequence(self, words: list[str], stems: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        n = len(words)
        starts = self._phrase_starts
        while i < n:
            can_start = words[i] in starts or stems[i] in starts
            for size in range(min(MAX_PHRASE_WORDS, n - i) if can_start else 1, 1, -1):
                concept = self._phrases.get(tuple(words[i : i + size])) or self._phrases.get(tuple(stems[i : i + size]))
                if concept:
                    out.append(concept)
                    i += size
                    break
            else:
                word, stem = words[i], stems[i]
                out.append(
                    self._single.get(word) or self._single.get(stem) or lexicon.FUNCTION_CONCEPTS.get(word) or stem
                )
                i += 1
        return out


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _weight(how: str) -> float:
    # A repaired word may be the wrong repair: it counts, but less than a word taken as written.
    return 0.8 if how == "fuzzy" else 1.0
