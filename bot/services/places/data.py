"""The gazetteer: NTT's regencies, transit points and the places outside NTT that tips name, read from
``content/places/*.toml`` once, the first time a place is looked up.

Codes are stable: regency and transit point codes are slugs, destinations ISO 3166 codes. They are stored with tips
and used in statistics, so a content edit may add aliases or places but never rename a code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final, Literal

from bot.paths import CONTENT_DIR

ELSEWHERE_ID: Final = "elsewhere_id"
ABROAD: Final = "abroad"
SPECIAL_CODES = (ELSEWHERE_ID, ABROAD)

TransitKind = Literal["airport", "port", "border", "route_city"]
MentionKind = Literal["regency", "airport", "port", "border", "route_city", "country", "region"]
Region = Literal["ntt", "elsewhere_id", "abroad"]

PLACES_DIR = CONTENT_DIR / "places"


@dataclass(frozen=True)
class Regency:
    code: str
    name: str  # "Kabupaten Kupang", "Kota Kupang", "Timor Tengah Selatan"
    island: str
    aliases: tuple[str, ...]
    centre: tuple[float, float] | None = None


@dataclass(frozen=True)
class TransitPoint:
    code: str
    name: str
    regency_code: str | None
    kind: TransitKind
    aliases: tuple[str, ...]
    # Where the point lies: in NTT, elsewhere in Indonesia, or abroad (Johor, Sarawak, ...).
    region: Region = "ntt"
    local_name: str = ""
    destination: str | None = None  # ISO code of the country or province a point outside NTT is in


@dataclass(frozen=True)
class Destination:
    """A country (ISO 3166-1 alpha-2) or an Indonesian province or island group (ISO 3166-2:ID)."""

    code: str
    name: str  # English
    local_name: str  # Indonesian
    region: Region  # abroad or elsewhere_id


@dataclass(frozen=True)
class Choice:
    """A destination offered as a button: ``value`` travels in the button, the rest is what choosing it stores."""

    value: str
    destination: str
    label: str = ""  # a place name shown as it is in every language ("Batam"); empty: the country's name
    transit: str | None = None


@dataclass(frozen=True)
class _Named:
    """An alias table entry for a country or a region of Indonesia."""

    name: str
    region: Region
    code: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Gazetteer:
    regencies: tuple[Regency, ...]
    transit: tuple[TransitPoint, ...]
    named: tuple[_Named, ...]  # countries first, then Indonesian provinces, in file order
    destinations: dict[str, Destination]
    abroad_choices: tuple[Choice, ...]
    indonesia_choices: tuple[Choice, ...]
    ntt_box: tuple[float, float, float, float]
    timor_leste_boxes: tuple[tuple[float, float, float, float], ...]
    max_km: float
    regency_by_code: dict[str, Regency] = field(default_factory=dict, repr=False)
    transit_by_code: dict[str, TransitPoint] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.regency_by_code.update({r.code: r for r in self.regencies})
        self.transit_by_code.update({t.code: t for t in self.transit})


def _read(name: str, folder: Path) -> dict:
    with (folder / name).open("rb") as f:
        return tomllib.load(f)


def load(folder: Path = PLACES_DIR) -> Gazetteer:
    """Read the three content files; raises ValueError naming what is wrong (tests run this on the real files)."""
    ntt, transit, away = _read("ntt.toml", folder), _read("transit.toml", folder), _read("destinations.toml", folder)
    regencies = tuple(
        Regency(r["code"], r["name"], r["island"], tuple(r["aliases"]), tuple(r["centre"]) if "centre" in r else None)
        for r in ntt["regency"]
    )
    points = tuple(
        TransitPoint(
            code=p["code"],
            name=p["name"],
            regency_code=p.get("regency"),
            kind=p["kind"],
            aliases=tuple(p["aliases"]),
            region=p.get("region", "ntt"),
            local_name=p.get("local_name", ""),
            destination=p.get("destination"),
        )
        for p in transit["point"]
    )
    named: list[_Named] = []
    destinations: dict[str, Destination] = {}
    tables: tuple[tuple[str, Region], ...] = (("country", ABROAD), ("province", ELSEWHERE_ID))
    for table, region in tables:
        for entry in away[table]:
            code = entry.get("code")
            named.append(_Named(entry["name"], region, code, tuple(entry["aliases"])))
            if code and code not in destinations:
                destinations[code] = Destination(code, entry["name"], entry["local_name"], region)
    choices = {
        kind: tuple(
            Choice(c["value"], c["destination"], c.get("label", ""), c.get("transit")) for c in away[f"{kind}_choice"]
        )
        for kind in ("abroad", "indonesia")
    }
    geometry = ntt["geometry"]
    gazetteer = Gazetteer(
        regencies=regencies,
        transit=points,
        named=tuple(named),
        destinations=destinations,
        abroad_choices=choices["abroad"],
        indonesia_choices=choices["indonesia"],
        ntt_box=tuple(geometry["ntt_box"]),
        timor_leste_boxes=tuple(tuple(b) for b in geometry["timor_leste_boxes"]),
        max_km=float(geometry["max_km"]),
    )
    _check(gazetteer)
    return gazetteer


def _check(g: Gazetteer) -> None:
    codes = [r.code for r in g.regencies]
    if len(set(codes)) != len(codes):
        raise ValueError("ntt.toml: a regency code is listed twice")
    transit = [t.code for t in g.transit]
    if len(set(transit)) != len(transit) or set(transit) & set(codes) or set(transit) & set(SPECIAL_CODES):
        raise ValueError("transit.toml: a code is listed twice or clashes with a regency code")
    for t in g.transit:
        if t.regency_code is not None and t.regency_code not in codes:
            raise ValueError(f"transit.toml: {t.code}: unknown regency {t.regency_code}")
        if t.destination is not None and t.destination not in g.destinations:
            raise ValueError(f"transit.toml: {t.code}: unknown destination {t.destination}")
    for choice in (*g.abroad_choices, *g.indonesia_choices):
        if choice.destination not in g.destinations:
            raise ValueError(f"destinations.toml: choice {choice.value}: unknown destination {choice.destination}")
        if choice.transit is not None and choice.transit not in transit:
            raise ValueError(f"destinations.toml: choice {choice.value}: unknown transit point {choice.transit}")


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of the project's content, read once per process."""
    return load()
