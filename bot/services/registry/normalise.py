"""Normal forms of company names, licence numbers and phone numbers, shared by the importer and the index.

The same function must normalise both the registry and the query, or an exact match would be missed.
"""

from __future__ import annotations

import re
import unicodedata

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
