"""Finding places in what people write: exact names and aliases, longest first, with small typos forgiven.

Case, punctuation and accents are ignored; words of five letters or more may carry a small typo ("Atambau",
"Kefamenau"), but never when the word is an ordinary Indonesian word; a name never matches inside another word
("belum" is not Belu).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from bot.services.places.data import ABROAD, ELSEWHERE_ID, MentionKind, Region, gazetteer


@dataclass(frozen=True)
class PlaceMention:
    """One place found in free text. ``text``/``start``/``end`` refer to the original string.

    ``code`` is a regency or transit point code, or ``abroad``/``elsewhere_id`` for a country or a region of
    Indonesia, whose ISO code is then ``destination`` (None for "luar negeri", which names no country)."""

    code: str
    name: str
    kind: MentionKind
    region: Region
    regency_code: str | None
    text: str
    start: int
    end: int
    fuzzy: bool = False
    destination: str | None = None


_WORD = re.compile(r"[^\W_]+(?:['’`][^\W_]+)*")


def normalise_word(word: str) -> str:
    """Lower case, accents and apostrophes dropped: "Ba'a" -> "baa", "Mota’ain" -> "motaain"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words of ``text`` as (normalised word, start, end); punctuation and hyphens separate words."""
    out = []
    for m in _WORD.finditer(text):
        norm = normalise_word(m.group())
        if norm:
            out.append((norm, m.start(), m.end()))
    return out


@dataclass(frozen=True)
class _Entry:
    code: str
    name: str
    kind: MentionKind
    region: Region
    regency_code: str | None
    destination: str | None = None


@dataclass(frozen=True)
class _Alias:
    tokens: tuple[str, ...]
    entry: _Entry
    # "labuanbajo" for "labuan bajo": matched exactly only, as a long joined word tolerates too many typos.
    joined: bool = False


@cache
def _aliases() -> tuple[dict[tuple[str, ...], _Entry], dict[str, tuple[_Alias, ...]], int]:
    exact: dict[tuple[str, ...], _Entry] = {}
    joined: set[tuple[str, ...]] = set()

    def add(alias: str, entry: _Entry) -> None:
        tokens = tuple(t for t, _, _ in tokenize(alias))
        # First registration wins, so the order of the content files settles any clash.
        exact.setdefault(tokens, entry)
        if len(tokens) > 1 and ("".join(tokens),) not in exact:
            exact["".join(tokens),] = entry
            joined.add(("".join(tokens),))

    g = gazetteer()
    for r in g.regencies:
        for alias in r.aliases:
            add(alias, _Entry(r.code, r.name, "regency", "ntt", r.code))
    for t in g.transit:
        for alias in t.aliases:
            add(alias, _Entry(t.code, t.name, t.kind, t.region, t.regency_code, t.destination))
    for named in g.named:
        kind: MentionKind = "country" if named.region == ABROAD else "region"
        code = ABROAD if named.region == ABROAD else ELSEWHERE_ID
        for alias in named.aliases:
            add(alias, _Entry(code, named.name, kind, named.region, None, named.code))
    by_first: dict[str, list[_Alias]] = {}
    for tokens, entry in exact.items():
        if tokens not in joined:
            by_first.setdefault(tokens[0], []).append(_Alias(tokens, entry))
    return exact, {k: tuple(v) for k, v in by_first.items()}, max(len(k) for k in exact)


# Words a typo of a place name is likely to collide with that the Indonesian root-word list does not hold:
# person names, English and Malay words, inflected forms.
_NOT_PLACES_WORDS = """
    sarah sabar sabtu betul batas tawar borang bolak tenang tenaga kupas pulang malam malah malas maria
    marta kamis jumat senin rabu selasa minggu sikat barang lembaga lembar timur barat tengah selatan
    utara daya hotel motor model water later after under other never their there where sumber sumbu
    sendiri tonight
"""
_NOT_PLACES = frozenset(_NOT_PLACES_WORDS.split())


@cache
def _dictionary() -> frozenset[str]:
    """Indonesian root words (from Sastrawi, a project dependency): a real word is never read as a misspelt place."""
    try:
        import Sastrawi

        path = Path(Sastrawi.__file__).parent / "Stemmer" / "data" / "kata-dasar.txt"
        words = path.read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        words = []
    # "kunang-kunang" is one entry; its parts are words too.
    return frozenset(part for w in words for part in w.split("-") if part) | _NOT_PLACES


def _max_typos(length: int) -> int:
    if length >= 9:
        return 2
    return 1 if length >= 5 else 0


_SUFFIXES = ("nya", "lah", "kah", "kan", "ku", "mu", "an", "i")
_PREFIXES = ("ber", "ter", "per", "mem", "men", "meng", "me", "di", "ke", "se", "pe")


def is_common_word(word: str) -> bool:
    """True for an Indonesian root word or a simple affixed form of one ("malamnya", "suratnya")."""
    words = _dictionary()
    if word in words:
        return True
    stems = [word] + [word[len(p) :] for p in _PREFIXES if word.startswith(p)]
    for stem in stems:
        if stem in words:
            return True
        for suffix in _SUFFIXES:
            if stem.endswith(suffix) and stem[: -len(suffix)] in words:
                return True
    return False


def _fuzzy_ok(word: str, alias_token: str, multi: bool) -> int | None:
    """Edit distance if ``word`` may be a typo of ``alias_token``, else None."""
    from rapidfuzz.distance import OSA

    if word == alias_token:
        return 0
    if multi:
        # Inside a multi-word name the other words anchor the match, so shorter words may carry a typo too.
        if len(alias_token) < 3 or len(word) < 3:
            return None
        limit = max(1, _max_typos(len(alias_token)))
    else:
        if len(alias_token) < 5 or len(word) < 5 or word[0] != alias_token[0]:
            return None
        limit = _max_typos(len(alias_token))
    if word.isdigit() or is_common_word(word):
        return None
    d = OSA.distance(word, alias_token, score_cutoff=limit)
    return d if d <= limit else None


@lru_cache(maxsize=4096)
def _candidates(word: str) -> tuple[_Alias, ...]:
    """Aliases whose first word is ``word`` or within two edits of it."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    by_first = _aliases()[1]
    if len(word) < 3:
        return by_first.get(word, ())
    close = process.extract(word, list(by_first), scorer=OSA.distance, score_cutoff=2, limit=None)
    return tuple(a for first, _, _ in close for a in by_first[first])


def _fuzzy_match(words: list[str], i: int) -> tuple[int, int, _Entry] | None:
    """The best fuzzy alias starting at word ``i``: (number of words, distance, entry)."""
    best: tuple[int, int, _Entry] | None = None
    for alias in _candidates(words[i]):
        n = len(alias.tokens)
        if i + n > len(words):
            continue
        total = exact_words = 0
        for w, a in zip(words[i : i + n], alias.tokens, strict=True):
            d = _fuzzy_ok(w, a, n > 1)
            if d is None:
                break
            total += d
            exact_words += d == 0
        else:
            if total == 0 or (n > 1 and exact_words == 0):
                continue
            if total > max(1, _max_typos(sum(len(a) for a in alias.tokens))):
                continue
            if best is None or (n, -total) > (best[0], -best[1]):
                best = (n, total, alias.entry)
    return best


def find_places(text: str) -> list[PlaceMention]:
    """Places named in ``text``, in order, longest name first where names overlap ("Sumba Barat Daya", not
    "Sumba Barat")."""
    if not text:
        return []
    exact, _, longest = _aliases()
    toks = tokenize(text)
    words = [t for t, _, _ in toks]
    out: list[PlaceMention] = []
    i = 0
    while i < len(words):
        found: tuple[int, _Entry, bool] | None = None
        for n in range(min(longest, len(words) - i), 0, -1):
            entry = exact.get(tuple(words[i : i + n]))
            if entry is not None:
                found = (n, entry, False)
                break
        fz = _fuzzy_match(words, i)
        if fz is not None and (found is None or fz[0] > found[0]):
            found = (fz[0], fz[2], True)
        if found is None:
            i += 1
            continue
        n, entry, is_fuzzy = found
        # "sabu-sabu" is the drug, not the island: a reduplicated word is an ordinary word.
        if n == 1 and ((i + 1 < len(words) and words[i + 1] == words[i]) or (i > 0 and words[i - 1] == words[i])):
            i += 1
            continue
        start, end = toks[i][1], toks[i + n - 1][2]
        out.append(
            PlaceMention(
                code=entry.code,
                name=entry.name,
                kind=entry.kind,
                region=entry.region,
                regency_code=entry.regency_code,
                text=text[start:end],
                start=start,
                end=end,
                fuzzy=is_fuzzy,
                destination=entry.destination,
            )
        )
        i += n
    return out
