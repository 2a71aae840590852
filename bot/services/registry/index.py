"""In-memory look-up over one registry snapshot: licence number, phone, then company name.

How a name is matched
---------------------
Names are reduced to :func:`~bot.services.registry.normalise.name_tokens` (no PT/CV, case, accents or punctuation).
Each company's score is the better of two rapidfuzz ``ratio`` scores (0-100): on the words sorted alphabetically
(the same as ``token_sort_ratio``, so word order does not matter) and on the words run together (so "MajuBersama"
meets "Maju Bersama"). A word-level pass adds companies sharing most words with the query (each word allowed a
typo), because people give part of a name or add a town to it.

Thresholds (tuned on the demo list, tests/unit/test_registry_index.py and bench/bench_registry.py, where no typo
of 10,000 generated names is answered with another company):

- ``CLEAR_SCORE`` = 90: a whole-name score a clear typo reaches. One edit in 10 characters costs about 5 points,
  a missing or extra word of four letters in a three-word name about 10-15 points.
- ``CLEAR_GAP`` = 8: the best company is only "the" company when every other one scores at least 8 points less;
  two similar names ("... Jaya Abadi" / "... Jaya Makmur") within 8 points of the query are ambiguous.
- ``CLOSE_SCORE`` = 75: companies at or above it, and word-level matches, are listed as candidates.

Verdicts
--------
An exact normalised name (or a licence number or phone) held by one company is a single match. So is a best score
>= CLEAR_SCORE with no other within CLEAR_GAP, provided the query and the name have the same words, each allowed
one slip (two in words over five letters): a whole word added or missing is never "the same company". A single
match's verdict is its status, where "active" past the expiry date is "expired" (note ``past_expiry``); one found
despite typos carries ``exact=False`` and the note ``name_differs``, so the user compares the name.

Otherwise two or more candidates are "ambiguous" (best first; the user picks, and "none of these" means not
found) and one candidate or none is "not_found"; a lone candidate is returned as a suggestion (note
``similar_name_only``), never as a licensed company, because fakes borrow real names with one word changed.

Licence numbers written loosely
-------------------------------
People copy a licence number as they heard or read it: "P3MI 004/2022", "no. 4/2022", "KEP 123 tahun 2021".
:meth:`RegistryIndex.lookup_licence` first tries the number as written (spaces, dots, dashes, case ignored), then
only its letters and digits, then its **numbers**: the query's numbers, leading zeros dropped, must appear in the
same order and next to each other among a licence's numbers (4, 2022 in DEMO/P3MI/004/2022). At least two
numbers are needed (a lone number matches too much), except one of four or more digits that is not a year. One
licence found this way is a single match with ``exact=False`` and the note ``licence_differs``; several are listed
to choose from.

How old the answer's data is
----------------------------
An answer about one company is as old as that company's row (its ``retrieved_at``, else the snapshot's date); an
answer that depends on the whole list ("not found", a list of similar names) is as old as the list's oldest row.
``stale`` is set when that day is more than ``STALE_AFTER_DAYS`` before ``today``, and always without data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.services.registry.model import RegistryRow, SnapshotInfo, Verdict
from bot.services.registry.normalise import (
    LICENCE_FILLER_WORDS,
    MAX_QUERY_LENGTH,
    alone_enough,
    has_run,
    licence_key,
    licence_numbers,
    licence_words,
    loose_licence_key,
    name_tokens,
    phone_lookup_keys,
)
from bot.services.registry.results import (
    MATCHED_BY_LICENCE,
    MATCHED_BY_NAME,
    MATCHED_BY_PHONE,
    NOTE_DEMO_DATA,
    NOTE_EMPTY_QUERY,
    NOTE_LICENCE_DIFFERS,
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_NO_DATA,
    NOTE_PAST_EXPIRY,
    NOTE_SIMILAR_NAME_ONLY,
    LookupContext,
    LookupResult,
    Match,
)

__all__ = [
    "CLEAR_GAP",
    "CLEAR_SCORE",
    "CLOSE_SCORE",
    "MATCHED_BY_LICENCE",
    "MATCHED_BY_NAME",
    "MATCHED_BY_PHONE",
    "MAX_QUERY_LENGTH",
    "NOTE_DEMO_DATA",
    "NOTE_EMPTY_QUERY",
    "NOTE_LICENCE_DIFFERS",
    "NOTE_MANY_SIMILAR",
    "NOTE_NAME_DIFFERS",
    "NOTE_NO_DATA",
    "NOTE_PAST_EXPIRY",
    "NOTE_SIMILAR_NAME_ONLY",
    "LookupResult",
    "Match",
    "RegistryIndex",
]

CLEAR_SCORE = 90.0
CLEAR_GAP = 8.0
CLOSE_SCORE = 75.0
# A query word meets a name word at this ratio (one typo in a five-letter word is 80); shorter words must be exact.
WORD_SCORE = 80.0
WORD_FUZZY_MIN_LENGTH = 4
MAX_QUERY_WORDS = 8
_FUZZY_CANDIDATES = 20


class RegistryIndex:
    """Immutable after :meth:`build`; safe to share between tasks and threads."""

    __slots__ = (
        "_exact_nospace",
        "_exact_sorted",
        "_licence",
        "_licence_loose",
        "_name_sizes",
        "_nospace",
        "_number_pairs",
        "_number_single",
        "_oldest",
        "_phone",
        "_postings",
        "_rows",
        "_snapshot",
        "_sorted",
        "_today",
        "_tokens",
        "_vocabulary",
    )

    def __init__(self) -> None:
        self._rows: tuple[RegistryRow, ...] = ()
        self._snapshot: SnapshotInfo | None = None
        self._today = date.min
        self._sorted: list[str] = []
        self._nospace: list[str] = []
        self._name_sizes: list[int] = []
        self._tokens: list[tuple[str, ...]] = []
        self._exact_sorted: dict[str, list[int]] = {}
        self._exact_nospace: dict[str, list[int]] = {}
        self._licence: dict[str, int] = {}
        self._licence_loose: dict[str, list[int]] = {}
        self._phone: dict[str, list[int]] = {}
        self._postings: dict[str, frozenset[int]] = {}
        self._vocabulary: list[str] = []
        # Licences by two neighbouring numbers, and by a lone number that can be looked up alone, for numbers
        # written loosely (see the module's docstring). Each licence's words are worked out again when it is a
        # candidate, which costs less than keeping them for every row.
        self._number_pairs: dict[tuple[int, int], list[int]] = {}
        self._number_single: dict[int, list[int]] = {}
        self._oldest: date | None = None

    @classmethod
    def build(cls, rows: Iterable[RegistryRow], snapshot_info: SnapshotInfo | None, today: date) -> RegistryIndex:
        """Index ``rows`` of ``snapshot_info`` (None: nothing was ever imported). ``today`` is the default day
        for expiry and staleness; pass ``today`` to :meth:`lookup` when the index outlives the day."""
        index = cls()
        index._snapshot = snapshot_info
        index._today = today
        index._rows = tuple(rows)
        postings: dict[str, set[int]] = {}
        for i, row in enumerate(index._rows):
            tokens = name_tokens(row.name)
            sorted_name = " ".join(sorted(tokens))
            nospace = "".join(tokens)
            index._sorted.append(sorted_name)
            index._nospace.append(nospace)
            index._name_sizes.append(len(set(tokens)))
            index._tokens.append(tokens)
            index._exact_sorted.setdefault(sorted_name, []).append(i)
            index._exact_nospace.setdefault(nospace, []).append(i)
            index._licence.setdefault(row.licence_key or licence_key(row.licence_number), i)
            index._licence_loose.setdefault(loose_licence_key(row.licence_number), []).append(i)
            if row.phone_e164:
                index._phone.setdefault(row.phone_e164, []).append(i)
            for token in set(tokens):
                postings.setdefault(token, set()).add(i)
            numbers = licence_numbers(licence_words(row.licence_number))
            for pair in pairwise(numbers):
                index._number_pairs.setdefault(pair, []).append(i)
            for n in set(numbers):
                if alone_enough(n):
                    index._number_single.setdefault(n, []).append(i)
        index._postings = {token: frozenset(ids) for token, ids in postings.items()}
        index._vocabulary = sorted(index._postings)
        index._oldest = min((row.retrieved_at for row in index._rows if row.retrieved_at), default=None)
        return index

    @property
    def snapshot(self) -> SnapshotInfo | None:
        return self._snapshot

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, query: str, limit: int = 5, *, today: date | None = None) -> LookupResult:
        """The whole query as a licence number (as written), a phone number, else a company name."""
        base = self._context(query, limit, today)
        if isinstance(base, LookupResult):
            return base
        text = query[:MAX_QUERY_LENGTH].strip()
        if not text:
            return base.result(Verdict.NOT_FOUND, (), NOTE_EMPTY_QUERY)

        ids = self._licence_hits(text)
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_LICENCE)
        ids = self._phone_hits(text)
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_PHONE)
        return self._name_lookup(base, text)

    def lookup_exact(self, query: str, limit: int = 5, *, today: date | None = None) -> LookupResult | None:
        """The whole query as a licence number (as written) or a company's phone; None when it is neither.
        Cheap: no name search."""
        base = self._context(query, limit, today)
        if isinstance(base, LookupResult):
            return base
        text = query[:MAX_QUERY_LENGTH].strip()
        ids = self._licence_hits(text)
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_LICENCE)
        ids = self._phone_hits(text)
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_PHONE)
        return None

    def lookup_name(self, query: str, limit: int = 5, *, today: date | None = None) -> LookupResult:
        """The query as a company name only (a part of a mixed query that is neither a phone nor a licence)."""
        base = self._context(query, limit, today)
        if isinstance(base, LookupResult):
            return base
        return self._name_lookup(base, query[:MAX_QUERY_LENGTH].strip())

    def lookup_phone(self, query: str, limit: int = 5, *, today: date | None = None) -> LookupResult:
        """The query as a phone number only: the companies whose official number it is, or not found."""
        base = self._context(query, limit, today)
        if isinstance(base, LookupResult):
            return base
        ids = self._phone_hits(query[:MAX_QUERY_LENGTH].strip())
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_PHONE)
        return base.result(Verdict.NOT_FOUND, ())

    def lookup_licence(self, query: str, limit: int = 5, *, today: date | None = None) -> LookupResult:
        """The query as a licence number only, also when written loosely ("P3MI 004/2022", "no. 4/2022")."""
        base = self._context(query, limit, today)
        if isinstance(base, LookupResult):
            return base
        text = query[:MAX_QUERY_LENGTH].strip()
        ids = self._licence_hits(text)
        if ids:
            return self._exact_result(base, ids, MATCHED_BY_LICENCE)
        ids = self._licence_number_hits(text)
        if len(ids) == 1:
            match = self._match(ids[0], 100.0, MATCHED_BY_LICENCE, base.today, exact=False)
            return base.single(match, NOTE_LICENCE_DIFFERS)
        if ids:
            matches = tuple(self._match(i, 100.0, MATCHED_BY_LICENCE, base.today, exact=False) for i in ids)
            notes = (NOTE_MANY_SIMILAR,) if len(ids) > base.limit else ()
            return base.result(Verdict.AMBIGUOUS, matches[: base.limit], *notes)
        return base.result(Verdict.NOT_FOUND, ())

    def _context(self, query: str, limit: int, today: date | None) -> LookupContext | LookupResult:
        snapshot = self._snapshot
        if snapshot is None:
            return LookupResult(query, Verdict.NOT_FOUND, (), None, True, (NOTE_NO_DATA,))
        return LookupContext(
            query,
            today or self._today,
            snapshot.data_as_of,
            min(self._oldest, snapshot.data_as_of) if self._oldest else snapshot.data_as_of,
            snapshot.demo,
            max(1, limit),
        )

    def _name_lookup(self, base: LookupContext, text: str) -> LookupResult:
        tokens = name_tokens(text) if text else ()
        if not tokens:
            return base.result(Verdict.NOT_FOUND, (), NOTE_EMPTY_QUERY)
        return self._name_result(base, tokens)

    # Exact keys ---------------------------------------------------------------------------------------

    def _licence_hits(self, text: str) -> list[int]:
        key = licence_key(text)
        # A licence number has digits; without this a one-word name could meet a letters-only key by chance.
        if not any(ch.isdigit() for ch in key):
            return []
        hit = self._licence.get(key)
        if hit is not None:
            return [hit]
        return list(self._licence_loose.get(loose_licence_key(text), ()))

    def _licence_number_hits(self, text: str) -> list[int]:
        """Licences holding the query's numbers in a row, best first: those sharing more of its words ("P3MI",
        "KEP"), then those whose numbers are written the same way (leading zeros), then by name."""
        words = licence_words(text)
        numbers = licence_numbers(words)
        own: dict[int, tuple[str, ...]] = {}
        if len(numbers) >= 2:
            for i in self._number_pairs.get((numbers[0], numbers[1]), ()):
                own[i] = licence_words(self._rows[i].licence_number)
            found = [i for i, w in own.items() if has_run(licence_numbers(w), numbers)]
        elif len(numbers) == 1 and alone_enough(numbers[0]):
            found = list(dict.fromkeys(self._number_single.get(numbers[0], ())))
            own = {i: licence_words(self._rows[i].licence_number) for i in found}
        else:
            return []
        letters = {w for w in words if not w.isdigit()} - LICENCE_FILLER_WORDS
        written = {w for w in words if w.isdigit()}

        def rank(i: int) -> tuple[int, int, str]:
            shared, same = letters.intersection(own[i]), written.intersection(own[i])
            return (-len(shared), -len(same), self._rows[i].name.casefold())

        return sorted(found, key=rank)

    def _phone_hits(self, text: str) -> list[int]:
        ids: list[int] = []
        for key in phone_lookup_keys(text):
            ids.extend(i for i in self._phone.get(key, ()) if i not in ids)
        return ids

    def _exact_result(self, base: LookupContext, ids: list[int], matched_by: str) -> LookupResult:
        matches = [self._match(i, 100.0, matched_by, base.today) for i in ids]
        if len(matches) == 1:
            return base.single(matches[0])
        matches.sort(key=lambda m: m.name.casefold())
        notes = (NOTE_MANY_SIMILAR,) if len(matches) > base.limit else ()
        return base.result(Verdict.AMBIGUOUS, tuple(matches[: base.limit]), *notes)

    # Names --------------------------------------------------------------------------------------------

    def _name_result(self, base: LookupContext, tokens: tuple[str, ...]) -> LookupResult:
        sorted_query = " ".join(sorted(tokens))
        nospace_query = "".join(tokens)
        in_order = self._exact_nospace.get(nospace_query, [])
        # Names written the same way come first, then the same words in another order.
        exact = list(dict.fromkeys([*in_order, *self._exact_sorted.get(sorted_query, ())]))
        if len(exact) == 1:
            return base.single(self._match(exact[0], 100.0, MATCHED_BY_NAME, base.today))

        scores: dict[int, float] = {}
        for choices, q in ((self._sorted, sorted_query), (self._nospace, nospace_query)):
            for _choice, _score, i in process.extract(
                q, choices, scorer=fuzz.ratio, processor=None, limit=_FUZZY_CANDIDATES, score_cutoff=CLOSE_SCORE
            ):
                scores.setdefault(i, self._score(i, sorted_query, nospace_query))
        word_matches, word_total = self._word_matches(tokens, sorted_query)
        for i in word_matches:
            scores.setdefault(i, self._score(i, sorted_query, nospace_query))
        for i in exact:
            scores[i] = 100.0

        ranked = sorted(scores, key=lambda i: (-scores[i], self._rows[i].name.casefold(), i))
        if exact:
            ranked = exact + [i for i in ranked if i not in exact]
        elif ranked and scores[ranked[0]] >= CLEAR_SCORE:
            top = scores[ranked[0]]
            alone = len(ranked) == 1 or scores[ranked[1]] < top - CLEAR_GAP
            if alone and self._same_words(tokens, ranked[0]):
                match = self._match(ranked[0], top, MATCHED_BY_NAME, base.today, exact=False)
                return base.single(match, NOTE_NAME_DIFFERS)

        close_count = len(set(scores) | set(exact)) + max(0, word_total - len(word_matches))
        matches = tuple(
            self._match(i, scores[i], MATCHED_BY_NAME, base.today, exact=i in exact) for i in ranked[: base.limit]
        )
        if len(ranked) >= 2:
            notes = (NOTE_MANY_SIMILAR,) if close_count > base.limit else ()
            return base.result(Verdict.AMBIGUOUS, matches, *notes)
        if matches:
            return base.result(Verdict.NOT_FOUND, matches, NOTE_SIMILAR_NAME_ONLY)
        return base.result(Verdict.NOT_FOUND, ())

    def _score(self, i: int, sorted_query: str, nospace_query: str) -> float:
        return round(max(fuzz.ratio(sorted_query, self._sorted[i]), fuzz.ratio(nospace_query, self._nospace[i])), 1)

    def _same_words(self, tokens: tuple[str, ...], i: int) -> bool:
        """Every word of the query is in the name and every word of the name in the query, allowing typos and
        words run together or split. A long name otherwise scores over CLEAR_SCORE with a whole word missing,
        and "Maju Bersama Sejahtera" is not the same company as "Sinar Maju Bersama Sejahtera"."""
        name = self._tokens[i]
        query_joined, name_joined = "".join(tokens), self._nospace[i]
        return all(_word_in(word, name, name_joined) for word in tokens) and all(
            _word_in(word, tokens, query_joined) for word in name
        )

    def _word_matches(self, tokens: tuple[str, ...], sorted_query: str) -> tuple[list[int], int]:
        """Companies sharing enough words with the query (:func:`_word_hits_enough`), best first and at most a
        few, and how many there are in all."""
        words = list(dict.fromkeys(tokens))[:MAX_QUERY_WORDS]
        per_word: list[set[int]] = []
        for word in words:
            ids: set[int] = set(self._postings.get(word, ()))
            if len(word) >= WORD_FUZZY_MIN_LENGTH:
                for similar, _score, _j in process.extract(
                    word, self._vocabulary, scorer=fuzz.ratio, processor=None, limit=10, score_cutoff=WORD_SCORE
                ):
                    ids |= self._postings[similar]
            per_word.append(ids)
        hits = Counter(i for ids in per_word for i in ids)
        found = [i for i, count in hits.items() if _word_hits_enough(count, len(words), self._name_sizes[i])]
        if len(found) <= _FUZZY_CANDIDATES:
            return found, len(found)
        best = process.extract(
            sorted_query,
            [self._sorted[i] for i in found],
            scorer=fuzz.ratio,
            processor=None,
            limit=_FUZZY_CANDIDATES,
        )
        return [found[j] for _choice, _score, j in best], len(found)

    def _match(self, i: int, score: float, matched_by: str, today: date, *, exact: bool = True) -> Match:
        row = self._rows[i]
        return Match(
            name=row.name,
            licence_number=row.licence_number,
            status=row.status,
            effective_status=row.effective_status(today),
            score=score,
            branches=row.branches,
            head_office=row.head_office,
            phone=row.phone,
            licence_expires=row.licence_expires,
            source_url=row.source_url,
            matched_by=matched_by,
            exact=exact,
            past_expiry=row.past_expiry(today),
            licence_issued=row.licence_issued,
            issuer=row.issuer,
            retrieved_at=row.retrieved_at,
            sanctions=row.sanctions,
        )


def _word_in(word: str, words: tuple[str, ...], joined: str) -> bool:
    if word in words or word in joined:
        return True
    if len(word) < 3:
        return False
    return any(_near(word, other) for other in words)


def _near(a: str, b: str) -> bool:
    # One slip in a short word ("bui" for "bumi"), two in a long one ("sumebk" for "sumber").
    allowed = 1 if max(len(a), len(b)) <= 5 else 2
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def _word_hits_enough(hits: int, query_words: int, name_words: int) -> bool:
    """Whether a company shares enough words with the query to be offered as a candidate: all of the query's,
    all of its own with one word to spare (the query added a town or "Indonesia"), or two thirds of both."""
    if hits == query_words or (name_words >= 2 and hits >= name_words and hits >= query_words - 1):
        return True
    return hits >= 2 and 3 * hits >= 2 * query_words and 3 * hits >= 2 * name_words
