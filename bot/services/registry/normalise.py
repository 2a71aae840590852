"""Normal forms of company names, licence numbers and phone numbers, shared by the importer and the index.

The same function must normalise both the registry and the query, or an exact match would be missed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import phonenumbers

from bot.services.triage.entities import normalise_phone as triage_normalise_phone

# Legal-form words say nothing about which company it is; people write them or leave them out at random.
_LEGAL_FORMS = frozenset({"pt", "cv", "tbk", "persero"})
# "P.T." and "C.V." become two one-letter tokens once punctuation is gone.
_LEGAL_FORM_PAIRS = frozenset({("p", "t"), ("c", "v")})
_APOSTROPHES = re.compile(r"['’‘`´]")
_NOT_WORD = re.compile(r"[\W_]+")

# Spaces, dots and dashes are how people and spreadsheets garble a licence number; slashes are kept in the key
# because "12/345" and "123/45" may be different licences (the loose key, used only for look-ups, drops them).
_LICENCE_NOISE = re.compile(r"[\s.·\u2010-\u2015\u2212\-]+")
_LOOSE_NOISE = re.compile(r"[\W_]+")

# Regions tried, in order, for a number written without a country code: the registry is Indonesian, and a
# Malaysian number is the other one a worker from NTT is likely to be given.
PHONE_REGIONS = ("ID", "MY")
_PHONE_LIKE = re.compile(r"\+?[\d\s().\-/]{6,40}")


def name_tokens(text: str) -> tuple[str, ...]:
    """Lower-case, accent-free, punctuation-free words of a company name, without legal forms (PT, CV...)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("", folded.casefold())
    tokens = _NOT_WORD.sub(" ", folded).split()
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in _LEGAL_FORM_PAIRS:
            i += 2
            continue
        if tokens[i] not in _LEGAL_FORMS:
            kept.append(tokens[i])
        i += 1
    # A name that is nothing but a legal form ("PT") still has to be findable as itself.
    return tuple(kept) if kept else tuple(tokens)


def licence_key(text: str) -> str:
    """Licence number without spaces, dots and dashes, upper case: the key compared for duplicates and look-ups."""
    return _LICENCE_NOISE.sub("", unicodedata.normalize("NFKC", text)).upper()


def loose_licence_key(text: str) -> str:
    """Only letters and digits: lets "DEMO P3MI 001 2024" find "DEMO/P3MI/001/2024"."""
    return _LOOSE_NOISE.sub("", unicodedata.normalize("NFKC", text)).upper()


def normalise_phone(text: str) -> str | None:
    """E.164 form of a valid Indonesian (else Malaysian) number, or None when it is not a valid number."""
    text = text.strip()
    if not _PHONE_LIKE.fullmatch(text):
        return None
    # One normaliser for the whole project, so a number in a tip and in the registry compare equal.
    return triage_normalise_phone(text)


def phone_lookup_keys(text: str) -> tuple[str, ...]:
    """Every E.164 form a query could mean (ID and MY readings, "62..." without the plus); empty if not a phone.

    Looser than :func:`normalise_phone` (possible, not valid), since a query only has to hit a stored key.
    """
    text = text.strip()
    if not _PHONE_LIKE.fullmatch(text):
        return ()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not 6 <= len(digits) <= 17:
        return ()
    variants = [text]
    if not text.startswith("+") and digits.startswith(("62", "60")) and len(digits) >= 10:
        variants.append("+" + digits)
    keys: list[str] = []
    for variant in variants:
        for region in PHONE_REGIONS:
            try:
                number = phonenumbers.parse(variant, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_possible_number(number):
                key = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                if key not in keys:
                    keys.append(key)
    return tuple(keys)


# Licence numbers written loosely ("P3MI 004/2022", "no. 4/2022"): their words and numbers (see index.py).
# Beyond this, a query is not a company name; cutting it keeps a look-up's cost bounded.
MAX_QUERY_LENGTH = 200
# Words around a licence number that are not part of it ("no. 4/2022", "KEP 123 tahun 2021").
LICENCE_FILLER_WORDS = frozenset(
    {"NO", "NOMOR", "NOMER", "NUMBER", "NR", "NUM", "NUMERU", "TAHUN", "THN", "TH", "YEAR", "TINAN"}
)
# Shorter lone numbers match too many licences to be worth a list.
LONE_NUMBER_MIN_DIGITS = 4
_LICENCE_TOKEN = re.compile(r"[^\W_]+")


def licence_words(text: str) -> tuple[str, ...]:
    """The letters-and-digits words of a licence number, upper case: "KEP.123/PPTK/2020" -> KEP 123 PPTK 2020."""
    folded = unicodedata.normalize("NFKC", text[:MAX_QUERY_LENGTH]).upper()
    return tuple(_LICENCE_TOKEN.findall(folded))


def licence_numbers(words: Iterable[str]) -> tuple[int, ...]:
    """The all-digit words as numbers (leading zeros dropped); words over 18 digits are not licence parts."""
    return tuple(int(w) for w in words if w.isascii() and w.isdigit() and len(w) <= 18)


def alone_enough(number: int) -> bool:
    """Whether a lone number is worth looking up: four digits or more, and not a year ("2022" is in every
    licence issued that year)."""
    return number >= 10 ** (LONE_NUMBER_MIN_DIGITS - 1) and not 1950 <= number <= 2100


def has_run(numbers: tuple[int, ...], run: tuple[int, ...]) -> bool:
    size = len(run)
    return any(numbers[k : k + size] == run for k in range(len(numbers) - size + 1))
