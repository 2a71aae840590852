"""Shared locations: which NTT regency a map pin is probably in (the nearest regency centre, within reach)."""

from __future__ import annotations

import math

from bot.services.places.data import gazetteer


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
    g = gazetteer()
    lat_min, lat_max, lon_min, lon_max = g.ntt_box
    if not (lat_min <= lat <= lat_max and lon_min <= lon <= lon_max):
        return None
    for b_lat_min, b_lat_max, b_lon_min, b_lon_max in g.timor_leste_boxes:
        if b_lat_min <= lat <= b_lat_max and b_lon_min <= lon <= b_lon_max:
            return None
    centres = [(r.code, r.centre) for r in g.regencies if r.centre is not None]
    code, dist = min(((c, _km(lat, lon, *xy)) for c, xy in centres), key=lambda cd: cd[1])
    return code if dist <= g.max_km else None
