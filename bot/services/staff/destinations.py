"""Where people were being taken, as staff type it: a country or an Indonesian province, kept as the code a
reporter's answer is kept as (ISO 3166, ``content/places/destinations.toml``: "MY", "ID-KB"), so that the figures
count a place once whoever gave it.

The places' own names and aliases are read first (bot.services.places); the short list below adds the ways staff
write some of them. A name known to neither is kept as a slug of what was typed ("Papua Barat" -> "papua_barat"),
letters only, so the figures still count it under one row.
"""

from __future__ import annotations

import re
import unicodedata

from bot.services import places

# code: ways people write it (Indonesian, English, Malay, Tetun, abbreviations)
_ALIASES: dict[str, tuple[str, ...]] = {
    "malaysia": ("malaysia", "malaisia", "malasia", "my", "mly", "sabah", "sarawak", "johor", "kuala lumpur"),
    "singapore": ("singapura", "singapore", "sg"),
    "hong_kong": ("hong kong", "hongkong", "hk"),
    "taiwan": ("taiwan",),
    "saudi_arabia": ("arab saudi", "saudi arabia", "saudi", "arabia saudita"),
    "uae": ("uni emirat arab", "uae", "dubai", "emirat arab", "abu dhabi"),
    "cambodia": ("kamboja", "cambodia", "kemboja"),
    "timor_leste": ("timor leste", "timor-leste", "tl", "dili"),
    "kalimantan_barat": ("kalimantan barat", "kalbar", "pontianak", "entikong"),
    "kalimantan_utara": ("kalimantan utara", "kaltara", "nunukan", "tarakan"),
    "kepulauan_riau": ("kepulauan riau", "kepri", "batam", "tanjung pinang"),
    "jawa_timur": ("jawa timur", "jatim", "surabaya"),
    "dki_jakarta": ("jakarta", "dki jakarta", "dki"),
    "bali": ("bali", "denpasar"),
}
# The names above as the codes tips store.
ISO = {
    "malaysia": "MY",
    "singapore": "SG",
    "hong_kong": "HK",
    "taiwan": "TW",
    "saudi_arabia": "SA",
    "uae": "AE",
    "cambodia": "KH",
    "timor_leste": "TL",
    "kalimantan_barat": "ID-KB",
    "kalimantan_utara": "ID-KU",
    "kepulauan_riau": "ID-KR",
    "jawa_timur": "ID-JI",
    "dki_jakarta": "ID-JK",
    "bali": "ID-BA",
}
_BY_ALIAS = {alias: ISO[code] for code, aliases in _ALIASES.items() for alias in aliases}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z]+", text.casefold()))


def parse_destination(text: str) -> str | None:
    """The code of a destination typed by staff; None for nothing usable."""
    plain = _plain(text)
    if not plain:
        return None
    found = places.read_destination(text)
    if found:
        return found
    if plain in _BY_ALIAS:
        return _BY_ALIAS[plain]
    for alias, code in _BY_ALIAS.items():
        if len(alias) > 3 and alias in plain:
            return code
    return plain.replace(" ", "_")[:16]
