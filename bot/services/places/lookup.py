"""Looking places up by code, and the structured values a tip keeps: its destination and its transit points."""

from __future__ import annotations

from collections.abc import Iterable

from bot.services.places.data import (
    ABROAD,
    ELSEWHERE_ID,
    SPECIAL_CODES,
    Choice,
    Destination,
    Regency,
    TransitPoint,
    gazetteer,
)
from bot.services.places.matching import PlaceMention, find_places

_TRANSIT_KINDS = frozenset({"airport", "port", "border", "route_city"})


def regencies() -> tuple[Regency, ...]:
    """The 21 regencies and Kota Kupang in display order, grouped by island."""
    return gazetteer().regencies


def regency(code: str) -> Regency | None:
    return gazetteer().regency_by_code.get(code)


def transit_points() -> tuple[TransitPoint, ...]:
    return gazetteer().transit


def transit_point(code: str) -> TransitPoint | None:
    return gazetteer().transit_by_code.get(code)


def is_place_code(code: str) -> bool:
    """True for a code a tip's ``regency`` may hold: a regency, ``elsewhere_id`` or ``abroad``."""
    return code in gazetteer().regency_by_code or code in SPECIAL_CODES


def place_name(code: str) -> str:
    """A display name for any code (regency, transit point, special); the code itself when unknown."""
    g = gazetteer()
    if code in g.regency_by_code:
        return g.regency_by_code[code].name
    if code in g.transit_by_code:
        return g.transit_by_code[code].name
    if code in g.destinations:
        return g.destinations[code].name
    return {ELSEWHERE_ID: "Elsewhere in Indonesia", ABROAD: "Abroad"}.get(code, code)


def local_name(code: str) -> str:
    """A place as people in NTT write it: "Pelabuhan Tenau", "Kota Kupang", "Arab Saudi" (the code when unknown)."""
    g = gazetteer()
    point = g.transit_by_code.get(code)
    if point is not None:
        return point.local_name or point.name
    if code in g.regency_by_code:
        return g.regency_by_code[code].name
    if code in g.destinations:
        return g.destinations[code].local_name
    return code


# Destinations ----------------------------------------------------------------------------------------------


def destination(code: str) -> Destination | None:
    """A country (``MY``) or an Indonesian province or island group (``ID-KR``, ``ID-KA``) by its ISO code."""
    return gazetteer().destinations.get(code)


def is_destination_code(code: str) -> bool:
    return code in gazetteer().destinations


def abroad_choices() -> tuple[Choice, ...]:
    """The countries offered as buttons: Malaysia, Singapore, Hong Kong, Taiwan, Saudi Arabia."""
    return gazetteer().abroad_choices


def indonesia_choices() -> tuple[Choice, ...]:
    """The places outside NTT offered as buttons: Batam, Nunukan, Surabaya, Jakarta, Bali."""
    return gazetteer().indonesia_choices


def choice(value: str) -> Choice | None:
    g = gazetteer()
    return next((c for c in (*g.abroad_choices, *g.indonesia_choices) if c.value == value), None)


def destination_of(mentions: Iterable[PlaceMention]) -> str | None:
    """Where the places named lead: the last country named (a route out of Indonesia ends abroad), else the last
    province outside NTT; a route city counts as the country or province it is in."""
    away = [m for m in mentions if m.region != "ntt" and m.destination]
    abroad = [m for m in away if m.region == ABROAD]
    last = (abroad or away)[-1:]
    return last[0].destination if last else None


def transit_of(mentions: Iterable[PlaceMention]) -> tuple[str, ...]:
    """Transit point codes among ``mentions``, each once, in order."""
    return tuple(dict.fromkeys(m.code for m in mentions if m.kind in _TRANSIT_KINDS))


def read_destination(text: str) -> str | None:
    return destination_of(find_places(text))


def read_transit(text: str) -> tuple[str, ...]:
    return transit_of(find_places(text))
