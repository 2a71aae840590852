"""NTT places: regencies, transit points and the routes out, and finding them in what people write.

This module is the reference for NTT's places (21 regencies and Kota Kupang by island, transit points, the routes
out seen in cases). Codes are stable slugs; they are stored with tips and used in statistics, so never rename one.
Besides the 22 regency codes a tip's place may be ``elsewhere_id`` (elsewhere in Indonesia) or ``abroad``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

ELSEWHERE_ID = "elsewhere_id"
ABROAD = "abroad"
SPECIAL_CODES = (ELSEWHERE_ID, ABROAD)

TransitKind = Literal["airport", "port", "border", "route_city"]
MentionKind = Literal["regency", "airport", "port", "border", "route_city", "country", "region"]
Region = Literal["ntt", "elsewhere_id", "abroad"]


@dataclass(frozen=True)
class Regency:
    code: str
    name: str
    island: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class TransitPoint:
    code: str
    name: str
    regency_code: str | None
    kind: TransitKind
    aliases: tuple[str, ...]
    # Where the point lies: in NTT, elsewhere in Indonesia, or abroad (Johor, Sarawak, ...).
    region: Region = "ntt"


@dataclass(frozen=True)
class PlaceMention:
    """One place found in free text. ``text``/``start``/``end`` refer to the original string."""

    code: str
    name: str
    kind: MentionKind
    region: Region
    regency_code: str | None
    text: str
    start: int
    end: int
    fuzzy: bool = False


# Display order: by island (Timor, Flores, Sumba, then the small islands), west to east within an island.
_REGENCIES: tuple[Regency, ...] = (
    # Bare "Kupang" goes to the city: that is what people mean by it, and the regency has its own capital name.
    Regency("kota_kupang", "Kota Kupang", "Timor", ("kota kupang", "kupang", "kupang city", "kotamadya kupang")),
    Regency(
        "kupang",
        "Kupang",
        "Timor",
        ("kabupaten kupang", "kab kupang", "kupang regency", "oelamasi"),
    ),
    Regency(
        "tts",
        "Timor Tengah Selatan",
        "Timor",
        ("timor tengah selatan", "tts", "kabupaten tts", "soe"),
    ),
    Regency("ttu", "Timor Tengah Utara", "Timor", ("timor tengah utara", "ttu", "kabupaten ttu", "kefamenanu", "kefa")),
    Regency("belu", "Belu", "Timor", ("belu", "atambua")),
    Regency("malaka", "Malaka", "Timor", ("malaka", "betun")),
    Regency(
        "manggarai_barat",
        "Manggarai Barat",
        "Flores",
        ("manggarai barat", "mabar", "labuan bajo", "labuhan bajo", "labuanbajo"),
    ),
    Regency("manggarai", "Manggarai", "Flores", ("manggarai", "ruteng")),
    Regency("manggarai_timur", "Manggarai Timur", "Flores", ("manggarai timur", "matim", "borong")),
    Regency("ngada", "Ngada", "Flores", ("ngada", "bajawa")),
    Regency("nagekeo", "Nagekeo", "Flores", ("nagekeo", "mbay")),
    Regency("ende", "Ende", "Flores", ("ende",)),
    Regency("sikka", "Sikka", "Flores", ("sikka", "sika", "maumere")),
    Regency("flores_timur", "Flores Timur", "Flores", ("flores timur", "flotim", "larantuka", "adonara")),
    Regency(
        "sumba_barat_daya",
        "Sumba Barat Daya",
        "Sumba",
        ("sumba barat daya", "sbd", "tambolaka", "waitabula", "weetebula"),
    ),
    Regency("sumba_barat", "Sumba Barat", "Sumba", ("sumba barat", "waikabubak")),
    Regency("sumba_tengah", "Sumba Tengah", "Sumba", ("sumba tengah", "waibakul")),
    Regency("sumba_timur", "Sumba Timur", "Sumba", ("sumba timur", "sumtim", "waingapu")),
    Regency("alor", "Alor", "Alor", ("alor", "kalabahi")),
    Regency("lembata", "Lembata", "Lembata", ("lembata", "lewoleba", "lomblen")),
    # "Ba'a" loses its apostrophe in normalisation, hence "baa".
    Regency("rote_ndao", "Rote Ndao", "Rote", ("rote ndao", "rote", "pulau rote", "baa", "ndao")),
    Regency("sabu_raijua", "Sabu Raijua", "Sabu", ("sabu raijua", "sabu", "sawu", "savu", "raijua", "seba")),
)

_TRANSIT: tuple[TransitPoint, ...] = (
    TransitPoint(
        "el_tari",
        "El Tari airport",
        "kota_kupang",
        "airport",
        ("el tari", "eltari", "bandara el tari", "bandara kupang", "kupang airport", "penfui"),
    ),
    TransitPoint("tenau", "Tenau port", "kota_kupang", "port", ("tenau", "pelabuhan tenau")),
    TransitPoint("bolok", "Bolok ferry port", "kupang", "port", ("bolok", "pelabuhan bolok")),
    TransitPoint(
        "komodo_airport",
        "Komodo airport",
        "manggarai_barat",
        "airport",
        ("bandara komodo", "komodo airport", "bandara labuan bajo"),
    ),
    TransitPoint(
        "frans_seda",
        "Frans Seda airport",
        "sikka",
        "airport",
        ("frans seda", "bandara frans seda", "bandara maumere"),
    ),
    TransitPoint("ende_airport", "Ende airport", "ende", "airport", ("bandara ende", "ende airport", "aroeboesman")),
    TransitPoint("ende_port", "Ende port", "ende", "port", ("pelabuhan ende", "ende port", "pelabuhan ippi")),
    TransitPoint(
        "umbu_mehang_kunda",
        "Umbu Mehang Kunda airport",
        "sumba_timur",
        "airport",
        ("umbu mehang kunda", "bandara waingapu", "waingapu airport"),
    ),
    TransitPoint(
        "tambolaka_airport",
        "Tambolaka airport",
        "sumba_barat_daya",
        "airport",
        ("bandara tambolaka", "tambolaka airport"),
    ),
    TransitPoint("lewoleba_port", "Lewoleba port", "lembata", "port", ("pelabuhan lewoleba", "lewoleba port")),
    TransitPoint(
        "motaain",
        "Motaain border post",
        "belu",
        "border",
        ("motaain", "mota ain", "plbn motaain", "pos lintas batas motaain"),
    ),
    TransitPoint("wini", "Wini border post", "ttu", "border", ("wini", "plbn wini")),
    TransitPoint("atapupu", "Atapupu port", "belu", "port", ("atapupu", "pelabuhan atapupu")),
    TransitPoint("surabaya", "Surabaya", None, "route_city", ("surabaya", "sby", "tanjung perak"), "elsewhere_id"),
    TransitPoint("jakarta", "Jakarta", None, "route_city", ("jakarta", "jkt", "tanjung priok"), "elsewhere_id"),
    TransitPoint("batam", "Batam", None, "route_city", ("batam",), "elsewhere_id"),
    TransitPoint(
        "johor",
        "Johor",
        None,
        "route_city",
        ("johor", "johor bahru", "johor baru", "johor bharu"),
        "abroad",
    ),
    TransitPoint("pontianak", "Pontianak", None, "route_city", ("pontianak", "ptk"), "elsewhere_id"),
    TransitPoint("entikong", "Entikong", None, "route_city", ("entikong", "plbn entikong"), "elsewhere_id"),
    TransitPoint("nunukan", "Nunukan", None, "route_city", ("nunukan",), "elsewhere_id"),
    TransitPoint("tawau", "Tawau", None, "route_city", ("tawau",), "abroad"),
    TransitPoint("sarawak", "Sarawak", None, "route_city", ("sarawak", "serawak", "kuching"), "abroad"),
    TransitPoint("sabah", "Sabah", None, "route_city", ("sabah", "kota kinabalu"), "abroad"),
)

# Destinations named in tips that are not on the route list: countries map to "abroad", other Indonesian regions
# to "elsewhere_id". Kalimantan is here on purpose: a "plantation job in Kalimantan" is a common decoy.
_COUNTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Malaysia",
        (
            "malaysia",
            "malaysa",
            "malaisia",
            "malesia",
            "malaysya",
            "malaya",
            "mlysia",
            "msia",
            "melaka",
            "selangor",
            "penang",
            "pahang",
            "sandakan",
            "lahad datu",
            "keningau",
            "miri",
            "bintulu",
            "sibu",
            "labuan",
            "ipoh",
            "kuantan",
            "seremban",
            "klang",
            "shah alam",
            # Tetun spellings
            "malazia",
            "malaizia",
        ),
    ),
    ("Kuala Lumpur", ("kuala lumpur", "kl")),
    ("Singapore", ("singapura", "singapore", "spore")),
    ("China", ("tiongkok", "china", "cina")),
    ("South Korea", ("korea selatan", "korea", "koreia", "south korea")),
    ("Japan", ("jepang", "japan", "japaun")),
    ("United Arab Emirates", ("dubai", "uni emirat arab", "uae", "abu dhabi")),
    ("Qatar", ("qatar",)),
    ("Hong Kong", ("hong kong", "hongkong")),
    ("Taiwan", ("taiwan",)),
    ("Brunei", ("brunei",)),
    ("Timor-Leste", ("timor leste", "dili", "oecusse", "oekusi")),
    ("Saudi Arabia", ("arab saudi", "saudi arabia", "saudi")),
    ("Cambodia", ("kamboja", "kemboja", "cambodia")),
    ("Thailand", ("thailand", "thailan")),
    ("Myanmar", ("myanmar",)),
    ("Abroad", ("luar negeri", "overseas", "abroad", "luar negara", "rai liur", "rai li'ur")),
)
_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Kalimantan",
        ("kalimantan", "kalimatan", "kaltim", "kalbar", "kaltara", "balikpapan", "samarinda", "tarakan", "sampit"),
    ),
    ("Java", ("jawa", "java")),
    ("Bali", ("bali", "denpasar")),
    ("Papua", ("papua",)),
    ("Sulawesi", ("sulawesi", "makassar", "bitung", "manado")),
    (
        "Sumatra",
        ("sumatera", "sumatra", "medan", "pekanbaru", "dumai", "tanjung pinang", "tanjungpinang", "bintan", "riau"),
    ),
)

# Transit points as people in NTT write them ("Pelabuhan Tenau", not "Tenau port"): what staff read in reasons.
_LOCAL_NAMES = {
    "el_tari": "Bandara El Tari",
    "tenau": "Pelabuhan Tenau",
    "bolok": "Pelabuhan Bolok",
    "komodo_airport": "Bandara Komodo",
    "frans_seda": "Bandara Frans Seda",
    "ende_airport": "Bandara H. Hasan Aroeboesman",
    "ende_port": "Pelabuhan Ende",
    "umbu_mehang_kunda": "Bandara Umbu Mehang Kunda",
    "tambolaka_airport": "Bandara Tambolaka",
    "lewoleba_port": "Pelabuhan Lewoleba",
    "motaain": "PLBN Motaain",
    "wini": "PLBN Wini",
    "atapupu": "Pelabuhan Atapupu",
}

_BY_CODE = {r.code: r for r in _REGENCIES}
_TRANSIT_BY_CODE = {t.code: t for t in _TRANSIT}


def regencies() -> tuple[Regency, ...]:
    """The 21 regencies and Kota Kupang in display order, grouped by island."""
    return _REGENCIES


def regency(code: str) -> Regency | None:
    return _BY_CODE.get(code)


def transit_points() -> tuple[TransitPoint, ...]:
    return _TRANSIT


def transit_point(code: str) -> TransitPoint | None:
    return _TRANSIT_BY_CODE.get(code)


def is_place_code(code: str) -> bool:
    """True for a code a tip's ``regency`` may hold: a regency, ``elsewhere_id`` or ``abroad``."""
    return code in _BY_CODE or code in SPECIAL_CODES


def place_name(code: str) -> str:
    """A display name for any code (regency, transit point, special); the code itself when unknown."""
    if code in _BY_CODE:
        return _BY_CODE[code].name
    if code in _TRANSIT_BY_CODE:
        return _TRANSIT_BY_CODE[code].name
    return {ELSEWHERE_ID: "Elsewhere in Indonesia", ABROAD: "Abroad"}.get(code, code)


def local_name(code: str) -> str:
    """A place as people in NTT write it: "Pelabuhan Tenau", "Kota Kupang", "Surabaya" (the code when unknown)."""
    if code in _LOCAL_NAMES:
        return _LOCAL_NAMES[code]
    if code in _BY_CODE:
        return _BY_CODE[code].name
    if code in _TRANSIT_BY_CODE:
        return _TRANSIT_BY_CODE[code].name
    return code


# ---------------------------------------------------------------------------------------------------------------
# Finding places in text

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
        # First registration wins, so the order of the tables above settles any clash.
        exact.setdefault(tokens, entry)
        if len(tokens) > 1 and ("".join(tokens),) not in exact:
            exact["".join(tokens),] = entry
            joined.add(("".join(tokens),))

    for r in _REGENCIES:
        for alias in r.aliases:
            add(alias, _Entry(r.code, r.name, "regency", "ntt", r.code))
    for t in _TRANSIT:
        for alias in t.aliases:
            add(alias, _Entry(t.code, t.name, t.kind, t.region, t.regency_code))
    for name, aliases in _COUNTRIES:
        for alias in aliases:
            add(alias, _Entry(ABROAD, name, "country", "abroad", None))
    for name, aliases in _REGIONS:
        for alias in aliases:
            add(alias, _Entry(ELSEWHERE_ID, name, "region", "elsewhere_id", None))
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
    "Sumba Barat"). Case, punctuation and accents are ignored; words of five letters or more may carry a small
    typo ("Atambau", "Kefamenau"); a name never matches inside another word ("belum" is not Belu)."""
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
            )
        )
        i += n
    return out


# ---------------------------------------------------------------------------------------------------------------
# Shared locations

# Approximate centres (mostly the capital, moved inland where the capital sits at the regency's edge). Good enough
# to suggest a regency for a shared map pin; staff confirm it.
_CENTRES: dict[str, tuple[float, float]] = {
    "kota_kupang": (-10.17, 123.61),
    "kupang": (-10.00, 123.90),
    "tts": (-9.86, 124.28),
    "ttu": (-9.45, 124.48),
    "belu": (-9.10, 124.89),
    "malaka": (-9.56, 124.90),
    "manggarai_barat": (-8.55, 119.95),
    "manggarai": (-8.61, 120.46),
    "manggarai_timur": (-8.65, 120.72),
    "ngada": (-8.79, 120.98),
    "nagekeo": (-8.54, 121.34),
    "ende": (-8.84, 121.66),
    "sikka": (-8.62, 122.21),
    "flores_timur": (-8.34, 122.98),
    "sumba_barat_daya": (-9.43, 119.25),
    "sumba_barat": (-9.64, 119.41),
    "sumba_tengah": (-9.62, 119.62),
    "sumba_timur": (-9.75, 120.25),
    "alor": (-8.22, 124.52),
    "lembata": (-8.37, 123.42),
    "rote_ndao": (-10.73, 123.06),
    "sabu_raijua": (-10.49, 121.84),
}

_NTT_BOX = (-11.2, -7.9, 118.8, 125.4)  # lat min, lat max, lon min, lon max
# Timor-Leste lies inside that box: its mainland east of the land border, and the Oecusse enclave.
_TIMOR_LESTE_BOXES = ((-9.6, -8.45, 125.12, 125.4), (-9.5, -9.1, 124.05, 124.5))
_MAX_KM = 150.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def regency_for_location(lat: float, lon: float) -> str | None:
    """Code of the regency whose centre is nearest to a shared location, or None outside NTT.

    Approximate: near a regency border the answer may be the neighbour. Only for suggesting a regency.
    """
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    lat_min, lat_max, lon_min, lon_max = _NTT_BOX
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        return None
    for b_lat_min, b_lat_max, b_lon_min, b_lon_max in _TIMOR_LESTE_BOXES:
        if b_lat_min <= lat <= b_lat_max and b_lon_min <= lon <= b_lon_max:
            return None
    code, dist = min(((c, _km(lat, lon, *xy)) for c, xy in _CENTRES.items()), key=lambda cd: cd[1])
    return code if dist <= _MAX_KM else None
