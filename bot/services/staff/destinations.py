"""Where people were being taken, as staff type it: a country or an Indonesian province, kept as a short code.

The codes are what the figures group by; a name not listed here is kept as a slug of what was typed ("Papua
Barat" -> "papua_barat"), letters only, so the figures still count it under one row.
"""

from __future__ import annotations

import re
import unicodedata

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
_BY_ALIAS = {alias: code for code, aliases in _ALIASES.items() for alias in aliases}
KNOWN = tuple(_ALIASES)


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.findall(r"[a-z]+", text.casefold()))


def parse_destination(text: str) -> str | None:
    """The code of a destination typed by staff; None for nothing usable."""
    plain = _plain(text)
    if not plain:
        return None
    if plain in _BY_ALIAS:
        return _BY_ALIAS[plain]
    for alias, code in _BY_ALIAS.items():
        if len(alias) > 3 and alias in plain:
            return code
    return plain.replace(" ", "_")[:16]
