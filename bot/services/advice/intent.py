"""What a question asks, read from its shape rather than from its topic words.

Topic words say what a question is near; a few shapes say which of those things it asks about:
- an amount of money is about wages when a wage word stands next to it ("majikan kasih 900 ringgit", "saya dapat
  RM 1200", "gaji 15jt") and about a fee when a paying, asking or lending word does ("biaya 20jt", "ejen minta
  RM 2500", "pinjam 15 juta", "potong gaji RM 400"): the amount is then read as that word ("gaji" or "biaya"), not
  as money in general, and a salary never makes a fee question;
- a definition question ("TPPO itu apa", "apa itu OPP", "what is the LTSA", "BPJS ne'e saida", "maksudnya apa")
  is about the word it defines: that word weighs double, whatever else the question mentions ("... beda sama TKI
  ilegal ga");
- a question that opens with what it asks for ("Hukuman untuk ejen yang ... apa?", "syarat buat jadi TKW apa")
  is about that word: it weighs half as much again;
- a number of years with no age in the question and a working or staying word before it ("pernah kerja di
  malaysia 3 taun", "kontrak 2 tahun") is how long, not how old: "tahun" then weighs little.

Plain word lists in, per-position weights and term overrides out (text.py applies them to the search terms).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.services.advice import lexicon

WAGE = "wage"
FEE = "fee"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The search term an amount is read as, by what it is for (None: an amount of money, purpose unknown).
AMOUNT_TERMS = {WAGE: "gaji", FEE: "biaya", None: "uang"}

DEFINED_WEIGHT = 2.0  # the word a definition question defines
HEAD_WEIGHT = 2.0  # the word a question opens with, when "for" follows it ("hukuman untuk ...")
DURATION_WEIGHT = 0.2  # "tahun" in a length of time ("kerja 3 tahun")
AMOUNT_WINDOW = 4  # a wage or fee word at most this many words from the amount tells what it is for
MAX_DEFINED_WORDS = 3

_MULTIPLIERS = _words("juta ribu jt rb k miliar milyar million millions thousand ribuan milhaun bilion")
_CURRENCY_BEFORE = _words("rp idr rm myr nt ntd twd usd us hkd sgd sar s hk")
_CURRENCY_AFTER = _words("ringgit rupiah rm ntd usd dollar dolar dollars sgd hkd riyal yen won")
_BARE_AMOUNT_MIN = 100_000  # a number without a unit below this is not money ("umur 17", "tahun 2022")

# Words beside an amount that say it is a wage: the wage words, and receiving ("dapat", "kasih" by an employer,
# "digaji", "sebulan"). Deducting or lending beside a wage word makes it a cost of going again ("potong gaji").
_WAGE_WORDS = _words(
    """gaji digaji dapat kasih bagi terima menerima diterima receive received receives earn earns earning get gets
    got simu sebulan perbulan bulanan month monthly fulan pendapatan income"""
)
_FEE_WORDS = _words(
    """biaya bayar minta diminta meminta husu tagih ditagih charge charged dp deposit jaminan setor transfer tf
    modal pungut dipungut wants asks asked demand demanded selu"""
)
_DEBT_WORDS = _words("utang potong taken")  # synonym groups: loans and deductions, always a cost

# Definition questions: "apa itu X", "X itu apa", "X tu apa", "what is X", "X saida", "X maksudnya".
_AFTER_CUES: tuple[tuple[str, ...], ...] = (
    ("apa", "itu"), ("apakah", "itu"), ("apa", "yang", "dimaksud"), ("apa", "maksud"), ("apa", "arti"),
    ("apa", "maksudnya"), ("apa", "ertinya"), ("apa", "erti"), ("maksud",), ("arti",), ("erti",), ("pengertian",),
    ("definisi",), ("what", "is"), ("what", "are"), ("whats",), ("what", "does"), ("meaning", "of"),
    ("what", "counts", "as"), ("what", "is", "meant", "by"), ("saida", "mak"), ("saida", "maka"),
    ("saida", "loos"),
)  # fmt: skip
_BEFORE_CUES: tuple[tuple[str, ...], ...] = (
    ("itu", "apa"), ("ini", "apa"), ("itu", "apakah"), ("maksudnya",), ("artinya",), ("ertinya",),
    ("nee", "saida"), ("mak", "saida"), ("katak", "saida"), ("signifika", "saida"), ("saida",), ("mean",),
    ("means",),
)  # fmt: skip
# "X saida" is also "which X" ("kastigu saida": which punishment): one word only.
_ONE_WORD_CUES = frozenset([("saida",)])
_CUE_WORDS = frozenset(cue[0] for cue in (*_AFTER_CUES, *_BEFORE_CUES))
_SKIP = _words("the a an sebenarnya sih sebetulnya tu itu ini nee")
_AGE_WORDS = _words("umur usia age aged old idade tinan umor")
_PERSON_WORDS = _words(
    """anak adik kakak kaka ade saya beta sy aku i im she he dia nia oan labarik sister brother daughter son
    ponakan keponakan sepupu cucu nona"""
)
_DURATION_BEFORE = _words(
    """kerja bekerja karja pernah selama kontrak tinggal servisu work worked working for during lama stayed
    duduk menetap"""
)
_YEARS = frozenset(["tahun"])
_FOR = _words("untuk buat bagi for kepada")
_QUESTION_WORDS = _words("apa berapa what which how much saida hira mana siapa who bagaimana oinsa")


@dataclass(frozen=True, slots=True)
class Intent:
    weights: tuple[float, ...]  # per word position: how much its search term counts (1 = as usual)
    terms: dict[int, str]  # position -> the term read there instead (an amount read as its purpose)
    skipped: frozenset[int]  # positions that make no term of their own (the rest of an amount)
    amounts: tuple[str | None, ...]  # what each amount is for: WAGE, FEE or None
    defined: frozenset[int] = frozenset()  # positions of the word(s) a definition question defines


def _amount_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each amount: a number with a multiplier or a currency beside it, or a large bare number."""
    spans = []
    i, n = 0, len(words)
    while i < n:
        if not words[i].isdigit():
            i += 1
            continue
        start, end = i, i + 1
        while end < n and words[end].isdigit() and len(words[end]) == 3:  # "60 000" from "60,000"
            end += 1
        unit = False
        if start > 0 and words[start - 1] in _CURRENCY_BEFORE:
            start, unit = start - 1, True
        if end < n and words[end] in _MULTIPLIERS:
            end, unit = end + 1, True
        if end < n and words[end] in _CURRENCY_AFTER:
            end, unit = end + 1, True
        digits = "".join(w for w in words[i:end] if w.isdigit())
        if unit or (len(digits) <= 12 and int(digits) >= _BARE_AMOUNT_MIN):
            spans.append((start, end))
        i = end
    return spans


def _purpose(words: Sequence[str], concepts: Sequence[str], span: tuple[int, int]) -> str | None:
    """WAGE or FEE by the nearest wage or fee word to the amount; a loan or deduction nearby makes it FEE."""
    start, end = span
    best: tuple[int, str] | None = None
    for j in range(max(0, start - AMOUNT_WINDOW), min(len(words), end + AMOUNT_WINDOW)):
        if start <= j < end:
            continue
        distance = start - j if j < start else j - end + 1
        if concepts[j] in _DEBT_WORDS or words[j] in _DEBT_WORDS:
            return FEE
        if words[j] in _WAGE_WORDS or concepts[j] == "gaji":
            kind = WAGE
        elif words[j] in _FEE_WORDS or concepts[j] in ("biaya", "bayar"):
            kind = FEE
        else:
            continue
        if best is None or distance < best[0] or (distance == best[0] and kind == FEE):
            best = (distance, kind)
    if best is not None:
        return best[1]
    kinds = {concepts[j] for j in range(len(words))}
    if "biaya" in kinds or "bayar" in kinds or "utang" in kinds:
        return FEE
    return WAGE if "gaji" in kinds else None


def _content(word: str, concept: str) -> bool:
    return word not in lexicon.STOPWORDS and concept not in lexicon.STOPWORDS and not word.isdigit()


def _defined(words: Sequence[str], concepts: Sequence[str]) -> set[int]:
    """Positions of the word(s) a definition question defines (at most MAX_DEFINED_WORDS, nearest the cue)."""
    if "apa" not in words and "what" not in words and "saida" not in words and not _CUE_WORDS.intersection(words):
        return set()
    found: set[int] = set()
    n = len(words)
    for i in range(n):
        for cue in _AFTER_CUES:
            if tuple(words[i : i + len(cue)]) == cue:
                j = i + len(cue)
                taken: list[int] = []
                while j < n and words[j] in _SKIP:
                    j += 1
                while j < n and len(taken) < MAX_DEFINED_WORDS and _content(words[j], concepts[j]):
                    taken.append(j)
                    j += 1
                found.update(taken)
                break
        for cue in _BEFORE_CUES:
            if tuple(words[i : i + len(cue)]) == cue:
                j, taken = i - 1, []
                limit = 1 if cue in _ONE_WORD_CUES else MAX_DEFINED_WORDS
                while j >= 0 and words[j] in _SKIP:
                    j -= 1
                while j >= 0 and len(taken) < limit and _content(words[j], concepts[j]):
                    taken.append(j)
                    j -= 1
                found.update(taken)
                break
    return found


def _durations(words: Sequence[str], concepts: Sequence[str]) -> set[int]:
    """Positions of "tahun" in a length of time: after a number, no age in the question, a working or staying word
    shortly before, no person right before the number."""
    if any(w in _AGE_WORDS or c == "umur" for w, c in zip(words, concepts, strict=True)):
        return set()
    found = set()
    for i in range(1, len(words)):
        if concepts[i] not in _YEARS or not words[i - 1].isdigit() or int(words[i - 1]) > 99:
            continue
        before = words[max(0, i - 6) : i - 1]
        if set(words[max(0, i - 3) : i - 1]) & _PERSON_WORDS:
            continue
        if set(before) & _DURATION_BEFORE:
            found.add(i)
    return found


def _head(words: Sequence[str], concepts: Sequence[str]) -> int | None:
    """The position of the word a question opens with when "for" follows it ("hukuman untuk ejen ... apa?")."""
    first = next((i for i, (w, c) in enumerate(zip(words, concepts, strict=True)) if _content(w, c)), None)
    if first is None or first > 2 or first + 1 >= len(words) or words[first + 1] not in _FOR:
        return None
    return first if _QUESTION_WORDS.intersection(words) else None


def read_intent(words: Sequence[str], concepts: Sequence[str]) -> Intent:
    weights = [1.0] * len(words)
    terms: dict[int, str] = {}
    skipped: set[int] = set()
    purposes = []
    for start, end in _amount_spans(words):
        purpose = _purpose(words, concepts, (start, end))
        purposes.append(purpose)
        terms[start] = AMOUNT_TERMS[purpose]
        skipped.update(range(start + 1, end))
    defined = frozenset(i for i in _defined(words, concepts) if i not in terms and i not in skipped)
    for i in defined:
        weights[i] = DEFINED_WEIGHT
    head = _head(words, concepts)
    if head is not None and head not in defined and head not in terms:
        weights[head] = HEAD_WEIGHT
    for i in _durations(words, concepts):
        weights[i] = DURATION_WEIGHT
    return Intent(tuple(weights), terms, frozenset(skipped), tuple(purposes), defined)
