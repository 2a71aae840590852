"""What staff type in a search, resolved to something the database can look up without learning it.

A case number finds that tip. A phone number or a recruiter's name becomes the keyed hash the tips' link keys
were made with when they were filed (``bot.services.staff.filing.link_hashes``): the number or name itself is never
stored, logged or sent to the database, and the search shows only a masked label. A regency, transit point or
destination becomes its place code.
"""

from __future__ import annotations

import re

from bot.services import places
from bot.services.privacy import Pseudonymizer
from bot.services.staff.model import Refused, Search
from bot.services.triage.entities import extract_entities, normalise_phone
from bot.services.triage.facts import TipFacts
from bot.services.triage.linking import MIN_NAME_LENGTH, link_keys
from bot.services.triage.signals import forget_texts

CASE_RE = re.compile(r"^\s*(?:TPPO-\d{4}-)?\d{1,6}\s*$", re.IGNORECASE)
_FULL_CASE = re.compile(r"^TPPO-\d{4}-\d{5}$", re.IGNORECASE)


def looks_like_case(text: str) -> bool:
    return bool(CASE_RE.match(text))


def place_code(text: str) -> str | None:
    """A regency, transit point or place code typed by staff ("tts", "Tenau", "Pelabuhan Tenau", "Belu")."""
    value = text.strip().casefold()
    if places.regency(value) or places.transit_point(value) or value in places.SPECIAL_CODES:
        return value
    found = places.find_places(text)
    if not found or any(f.code != found[0].code for f in found):
        return None
    # The whole text must be the place ("PT Kupang Jaya" is a company, not Kupang).
    rest = text
    for mention in sorted(found, key=lambda f: -f.start):
        rest = rest[: mention.start] + " " + rest[mention.end :]
    if any(word not in _PLACE_WORDS for word in re.findall(r"\w+", rest.casefold())):
        return None
    return found[0].code


_PLACE_WORDS = frozenset(
    {"kabupaten", "kab", "kota", "pelabuhan", "bandara", "port", "airport", "plbn", "pos", "lintas", "batas", "di"}
)


def resolve(text: str, pseudonymizer: Pseudonymizer, *, case_tip_id: int | None = None) -> Search:
    """The search for ``text``; ``case_tip_id`` is the tip a case number found (the caller looked it up).

    Raises ``Refused("search_short")`` for a name too short to match on (the link keys skip short names, as
    "Maria" or "Yos" are shared by too many people)."""
    value = " ".join(text.split())
    if not value:
        raise Refused("search_short")
    if case_tip_id is not None:
        return Search("case", value.upper() if _FULL_CASE.match(value) else value, tip_id=case_tip_id)
    phone = normalise_phone(value)
    if phone is not None:
        return Search("phone", "…" + phone[-4:], key_hash=pseudonymizer.keyed_hash(f"link:phone:{phone}"))
    code = place_code(value)
    if code is not None:
        return Search("place", code, place=code)
    keys = sorted(k for k in link_keys(extract_entities(TipFacts(recruiter=value))) if k.startswith("name:"))
    forget_texts([value])  # read for its link keys only
    if not keys:
        raise Refused("search_short", min=MIN_NAME_LENGTH)
    # The longest key is the whole name as typed (a company's words may also give shorter keys).
    key = max(keys, key=len)
    return Search("name", _initials(value), key_hash=pseudonymizer.keyed_hash(f"link:{key}"))


def _initials(name: str) -> str:
    """A name shown as initials ("P. M. J."): enough to recognise the search, not to read the name off a screen."""
    words = [w for w in re.split(r"\W+", name) if w]
    return " ".join(w[0].upper() + "." for w in words[:6]) or "?"
