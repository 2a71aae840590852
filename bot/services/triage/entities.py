"""Entities in a tip that can tie it to other tips: phone numbers, recruiter and company names, places.

Everything is normalised so that two ways of writing the same thing compare equal: phone numbers to E.164
("0812-3456-7890" = "+62 812 3456 7890" = "6281234567890"), names to a folded lower-case form ("PT. Maju Jaya
Sejahtera" = "maju jaya sejahtra").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bot.services.places import find_places, is_common_word, is_place_code
from bot.services.triage.facts import TipFacts
from bot.services.triage.signals import places_in


@dataclass(frozen=True)
class Entities:
    phones: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.phones or self.names or self.places)


# --- Phones -------------------------------------------------------------------------------------------------------

# A run of digits with the separators people type: spaces, dots, dashes, brackets, slashes.
_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[ \t.\-()/]{0,3}\d){6,20}(?![\w])")
_SEPARATORS = re.compile(r"[ \t.\-()/]+")


def normalise_phone(raw: str) -> str | None:
    """E.164 for an Indonesian or Malaysian number as people write it, or None if it is not a valid number.

    Numbers without a country code are tried as Indonesian first, then Malaysian ("012-345 6789" is Malaysian).
    """
    import phonenumbers

    if not isinstance(raw, str):
        return None
    text = raw.strip()
    digits = re.sub(r"\D", "", text)
    if not 8 <= len(digits) <= 15:
        return None
    international = text.startswith("+") or digits.startswith("00")
    if digits.startswith("00"):
        digits = digits[2:]
    # "+62 0812..." and "620812...": a trunk zero kept after the country code.
    if digits.startswith("620"):
        digits = "62" + digits[3:]
    if digits.startswith("600"):
        digits = "60" + digits[3:]
    attempts: list[tuple[str, str | None]]
    if international:
        attempts = [("+" + digits, None)]
    elif digits.startswith(("62", "60")) and len(digits) >= 10:
        attempts = [("+" + digits, None), (digits, "ID"), (digits, "MY")]
    elif digits.startswith("0") or digits.startswith("8"):
        attempts = [(digits, "ID"), (digits, "MY")]
    else:
        return None
    for number, region in attempts:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            if digits.startswith("8") and phonenumbers.region_code_for_number(parsed) != "ID":
                continue
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _split_run(run: str) -> Iterator[str]:
    """Numbers in one run of digits; two numbers separated only by a space form one run."""
    groups = [g for g in _SEPARATORS.split(run) if g]
    i = 0
    while i < len(groups):
        for j in range(len(groups), i, -1):
            candidate = "".join(groups[i:j])
            if len(re.sub(r"\D", "", candidate)) > 15:
                continue
            phone = normalise_phone(candidate)
            if phone:
                yield phone
                i = j
                break
        else:
            i += 1


def find_phones(text: str) -> list[str]:
    """E.164 numbers found in free text, in order, without repeats."""
    if not isinstance(text, str) or not text:
        return []
    out: list[str] = []
    for m in _PHONE_RUN.finditer(text):
        for phone in _split_run(m.group()):
            if phone not in out:
                out.append(phone)
    return out


# --- Names --------------------------------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_LEGAL_FORMS = _wordset(
    "pt cv tbk persero ltd limited sdn bhd inc corp co company perusahaan yayasan agen agency agensi ud fa firma "
    "pte llc plc p3mi pjtki pptkis"
)
_HONORIFICS = _wordset(
    "pak bapak bpk bp ibu bu om tante tanta mama mam bapa kak kaka kakak ka abang bang mr mrs ms miss sdr sdri "
    "saudara nona nyong opa oma mister madam haji hj bro sis"
)
# Words that introduce a name in an answer ("namanya Yosef", "calo: Pak Anton") and are skipped before it.
_FILLERS = _wordset(
    "nama namanya bernama nm si sang the named called recruiter calo agen sponsor perekrut tekong yaitu adalah"
)
# Where a captured name ends.
_NAME_STOP = _wordset(
    """
    yang yg di ke dari dan untuk utk itu ini tsb tersebut punya pung bilang kata katanya dengan dgn sama mau akan
    sudah su sdh juga lalu terus trus kirim bawa rekrut merekrut datang tipu janji suruh minta ambil kasih kasi
    the in at from to and who which that is was has said with for of on by dong dorang beta lu dia mereka saya
    kami kita ada adalah atau karena krn jadi sebagai yaitu namanya nama bernama called named alamat kantor
    milik cabang no nomor nomer hp wa telp tlp telepon phone contact kontak sekarang di mana dimana mana
    ada kerja bekerja berangkat pergi pi jalan tapi but orang org seorang someone a an laki perempuan
    """
)
_HARD_STOP = _wordset("yang yg di ke dari dan untuk itu ini the and in at from to of dia saya beta mereka dong")
_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ph", "f"), ("th", "t"))

_COMPANY_STRONG = re.compile(r"(?<![\w.])(?:P\.?\s?T\.?|C\.?V\.?)(?=\s)", re.IGNORECASE)
_COMPANY_WEAK = re.compile(
    r"\b(?:agen|agensi|agency|perusahaan|yayasan|company)\s+((?:yang\s+|yg\s+)?(?:bernama|namanya|nama|called|named)\s+|:\s*)?",
    re.IGNORECASE,
)
_PERSON_ROLE = re.compile(
    r"\b(?:calo|sponsor|perekrut|recruiter|tekong|broker|pl)(?:nya)?\s+(?:yang\s+|yg\s+)?"
    r"(?:bernama|namanya|nama(?:nya)?|named|called|is|:)\s*",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[^\W\d_][\w&'’.-]*")


def normalise_name(name: str) -> str:
    """A folded form for comparing names: lower case, no accents, no legal form or honorific, old and new
    spellings alike ("Soejono" = "Sujono", "Djaja" = "Jaja"), doubled letters single, "-tera" = "-tra"."""
    if not isinstance(name, str):
        return ""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[^\w]+|_", " ", text)
    words = [w for w in text.split() if w not in _LEGAL_FORMS and w not in _HONORIFICS]
    folded = []
    for w in words:
        for old, new in _SPELLING:
            w = w.replace(old, new)
        w = re.sub(r"(.)\1+", r"\1", w)
        w = re.sub(r"tera$", "tra", w)
        folded.append(w)
    return " ".join(folded)


def _capture(text: str, start: int, *, mixed_case: bool, strong: bool, limit: int = 5) -> str | None:
    """The name that starts at ``start``: words up to a stop word, punctuation or ``limit`` words."""
    words: list[str] = []
    pos = start
    for m in _NAME_WORD.finditer(text, start):
        gap = text[pos : m.start()]
        if gap.strip(" \t&") or "\n" in gap:
            break
        raw = m.group()
        word = raw.rstrip(".'’")
        low = word.casefold()
        capitalised = mixed_case and word[:1].isupper()
        # A capitalised word in text that uses capitals is part of a name ("Yayasan Kasih Bunda"), unless it is
        # one of the small words that start a sentence.
        if (low in _NAME_STOP and not (capitalised and low not in _HARD_STOP)) or (words and low in _LEGAL_FORMS):
            break
        # In text written with capitals a name is capitalised: "agen datang" is not an agency called "datang".
        if mixed_case and not strong and not word[:1].isupper():
            break
        words.append(word)
        pos = m.end()
        if len(words) >= limit or (raw.endswith(".") and len(word) > 1):
            break
    if not words:
        return None
    name = normalise_name(" ".join(words))
    if len(name.replace(" ", "")) < 3:
        return None
    if not strong and len(name.split()) == 1 and is_common_word(name):
        return None
    return name


def company_names(text: str) -> list[str]:
    """Normalised names after "PT", "CV", "agen", "agency", "perusahaan", "yayasan", or "calo namanya ..."."""
    if not isinstance(text, str) or not text:
        return []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    out: list[str] = []
    for pattern, strong in ((_COMPANY_STRONG, True), (_COMPANY_WEAK, False), (_PERSON_ROLE, True)):
        for m in pattern.finditer(text):
            pos = m.end()
            while pos < len(text) and text[pos] in " \t\"'“”":
                pos += 1
            # "agen namanya X" names X outright; a bare "agen X" only if X looks like a name.
            named = strong or bool(m.groups() and m.group(1))
            name = _capture(text, pos, mixed_case=mixed, strong=named)
            if name and name not in out:
                out.append(name)
    return out


_UNKNOWN = re.compile(
    r"^(?:-+|\?+|n/?a|none|no|unknown|tidak|tiada|(?:saya\s+|beta\s+)?(?:tidak|tdk|ga|gak|nggak|sonde|son|tak|belum|"
    r"blm)\s+(?:tahu|tau|tw|ada|kenal|ingat)(?:\s+\w+)?|(?:i\s+)?don'?t\s+know(?:\s+\w+)?|not\s+sure|rahasia)$",
    re.IGNORECASE,
)


def recruiter_names(answer: str) -> list[str]:
    """Names in the answer to "who recruited them?": companies by their markers, otherwise the person's full name."""
    if not isinstance(answer, str) or not answer.strip():
        return []
    out = company_names(answer)
    for part in re.split(r"[,;/\n|()]+|\s+(?:dan|and|atau|or)\s+", answer):
        part = _PHONE_RUN.sub(" ", part)
        part = re.sub(r"\(\s*\)", " ", part).strip(" .:-")
        if not part or _UNKNOWN.match(" ".join(part.split())):
            continue
        if _COMPANY_STRONG.search(part + " ") or _COMPANY_WEAK.search(part):
            continue
        start = next((m.start() for m in _NAME_WORD.finditer(part) if m.group().casefold() not in _FILLERS), None)
        if start is None:
            continue
        name = _capture(part, start, mixed_case=False, strong=True, limit=4)
        # "Kupang" as the answer names where the recruiter is from, not who.
        if name and any(p.start == 0 and p.end >= len(name) for p in find_places(name)):
            continue
        if name and name not in out:
            out.append(name)
    return out


# --- Putting it together ------------------------------------------------------------------------------------------


def _texts(facts: TipFacts) -> Iterable[str]:
    return facts.texts()


def extract_entities(facts: TipFacts) -> Entities:
    """Phones, names and places of one tip, from the recruiter and route answers, the narrative and other texts."""
    phones: list[str] = []
    names: list[str] = []
    places: set[str] = set()
    for text in _texts(facts):
        phones += find_phones(text)
        names += company_names(text)
        for p in places_in(text):
            places.add(p.code)
            if p.regency_code:
                places.add(p.regency_code)
    names += recruiter_names(facts.recruiter) if isinstance(facts.recruiter, str) else []
    if isinstance(facts.regency, str) and is_place_code(facts.regency):
        places.add(facts.regency)
    return Entities(frozenset(phones), frozenset(n for n in names if n), frozenset(places))
