"""NTT places: regencies, transit points, the places outside NTT that tips name, and finding them in what people
write.

The data is in ``content/places/*.toml`` (read by ``data``); ``matching`` finds places in text, ``geometry`` places
a shared location, ``lookup`` looks codes up. Codes are stable: they are stored with tips and used in statistics.
A tip's ``regency`` is one of the 22 regency codes, ``elsewhere_id`` (elsewhere in Indonesia) or ``abroad``; its
``destination`` an ISO 3166 code (a country, or an Indonesian province or island group); its ``transit_points``
transit point codes.
"""

from bot.services.places.data import (
    ABROAD,
    ELSEWHERE_ID,
    SPECIAL_CODES,
    Choice,
    Destination,
    MentionKind,
    Regency,
    Region,
    TransitKind,
    TransitPoint,
)
from bot.services.places.geometry import regency_for_location
from bot.services.places.lookup import (
    abroad_choices,
    choice,
    destination,
    destination_of,
    indonesia_choices,
    is_destination_code,
    is_place_code,
    local_name,
    place_name,
    read_destination,
    read_transit,
    regencies,
    regency,
    transit_of,
    transit_point,
    transit_points,
)
from bot.services.places.matching import PlaceMention, find_places, is_common_word, normalise_word, tokenize

__all__ = [
    "ABROAD",
    "ELSEWHERE_ID",
    "SPECIAL_CODES",
    "Choice",
    "Destination",
    "MentionKind",
    "PlaceMention",
    "Regency",
    "Region",
    "TransitKind",
    "TransitPoint",
    "abroad_choices",
    "choice",
    "destination",
    "destination_of",
    "find_places",
    "indonesia_choices",
    "is_common_word",
    "is_destination_code",
    "is_place_code",
    "local_name",
    "normalise_word",
    "place_name",
    "read_destination",
    "read_transit",
    "regencies",
    "regency",
    "regency_for_location",
    "tokenize",
    "transit_of",
    "transit_point",
    "transit_points",
]
