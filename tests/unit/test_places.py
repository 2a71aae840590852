from __future__ import annotations

import pytest

from bot.services.places import (
    ABROAD,
    ELSEWHERE_ID,
    find_places,
    is_place_code,
    place_name,
    regencies,
    regency,
    regency_for_location,
    transit_point,
    transit_points,
)


def codes(text: str) -> list[str]:
    return [m.code for m in find_places(text)]


def test_twenty_one_regencies_and_the_city_grouped_by_island():
    regs = regencies()
    assert len(regs) == 22
    assert len({r.code for r in regs}) == 22
    islands = [r.island for r in regs]
    # Grouped: once an island's run ends it never comes back.
    seen: list[str] = []
    for island in islands:
        if not seen or seen[-1] != island:
            assert island not in seen
            seen.append(island)
    assert seen[:3] == ["Timor", "Flores", "Sumba"]
    assert {"kota_kupang", "kupang", "tts", "ttu", "belu", "malaka", "manggarai_barat", "sumba_barat_daya"} <= {
        r.code for r in regs
    }


def test_lookup_and_special_codes():
    assert regency("tts").name == "Timor Tengah Selatan"
    assert regency("nowhere") is None
    assert is_place_code(ELSEWHERE_ID) and is_place_code(ABROAD) and is_place_code("belu")
    assert not is_place_code("tenau")
    assert place_name("abroad") == "Abroad"
    assert place_name("tenau") == "Tenau port"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Soe", "tts"),
        ("So'e", "tts"),
        ("Kefamenanu", "ttu"),
        ("Kefa", "ttu"),
        ("Atambua", "belu"),
        ("Betun", "malaka"),
        ("Ruteng", "manggarai"),
        ("Labuan Bajo", "manggarai_barat"),
        ("Labuanbajo", "manggarai_barat"),
        ("Borong", "manggarai_timur"),
        ("Bajawa", "ngada"),
        ("Mbay", "nagekeo"),
        ("Maumere", "sikka"),
        ("Larantuka", "flores_timur"),
        ("Lewoleba", "lembata"),
        ("Kalabahi", "alor"),
        ("Ba'a", "rote_ndao"),
        ("Seba", "sabu_raijua"),
        ("Waikabubak", "sumba_barat"),
        ("Tambolaka", "sumba_barat_daya"),
        ("Waibakul", "sumba_tengah"),
        ("Waingapu", "sumba_timur"),
        ("Oelamasi", "kupang"),
        ("Kabupaten Kupang", "kupang"),
        ("kab. kupang", "kupang"),
        ("Kota Kupang", "kota_kupang"),
        ("TTS", "tts"),
        ("ttu", "ttu"),
        ("SBD", "sumba_barat_daya"),
        ("Ende", "ende"),
    ],
)
def test_aliases_and_capitals(text, code):
    assert codes(f"dia dari {text}, mau kerja") == [code]


def test_bare_kupang_is_the_city():
    assert codes("di Kupang") == ["kota_kupang"]


def test_longest_name_wins():
    assert codes("Sumba Barat Daya") == ["sumba_barat_daya"]
    assert codes("sumba barat") == ["sumba_barat"]
    assert codes("Manggarai Timur") == ["manggarai_timur"]


def test_case_and_punctuation_insensitive():
    assert codes("ATAMBUA!!!") == ["belu"]
    assert codes("dari-soe-ke-kupang") == ["tts", "kota_kupang"]
    assert codes("MOTA'AIN") == ["motaain"]


@pytest.mark.parametrize(
    ("typo", "code"),
    [
        ("Atambau", "belu"),
        ("kefamenau", "ttu"),
        ("Waingapo", "sumba_timur"),
        ("larantoka", "flores_timur"),
        ("Kupng", "kota_kupang"),
        ("surabya", "surabaya"),
        ("pontinak", "pontianak"),
        ("malasya", "abroad"),
        ("sumba barat dya", "sumba_barat_daya"),
        ("flores timor", "flores_timur"),
    ],
)
def test_small_typos(typo, code):
    mentions = find_places(f"ke {typo} minggu lalu")
    assert [m.code for m in mentions] == [code]
    assert mentions[0].fuzzy


@pytest.mark.parametrize(
    "text",
    [
        "belum",  # Belu
        "dia belum datang",
        "sabu-sabu",  # the drug, not Sabu
        "lembaga resmi",  # Lembata, one letter off, but a real word
        "betul sekali",  # Betun
        "malamnya dia pulang",  # Malaka/Malaysia, affixed word
        "suratnya sudah ada",  # Surabaya
        "batas waktu",  # Batam
        "sabar dulu",  # Sabah
        "Sarah bilang",  # Sabah, a person's name
        "kuendenya",  # Ende inside a word
        "Seberang",  # Seba inside a word
        "soekarno",  # Soe inside a word
    ],
)
def test_no_match_inside_or_near_ordinary_words(text):
    assert codes(text) == []


def test_offsets_point_into_the_original_text():
    text = "Adik dibawa ke Tenau, lalu ke BATAM."
    mentions = find_places(text)
    assert [(m.code, text[m.start : m.end]) for m in mentions] == [("tenau", "Tenau"), ("batam", "BATAM")]
    assert mentions[0].kind == "port" and mentions[0].regency_code == "kota_kupang"
    assert mentions[1].kind == "route_city" and mentions[1].region == "elsewhere_id"


def test_transit_points_and_routes():
    tp = {t.code: t for t in transit_points()}
    for code in ("el_tari", "tenau", "bolok", "motaain", "wini", "atapupu", "frans_seda", "umbu_mehang_kunda"):
        assert code in tp
    for code in ("surabaya", "jakarta", "batam", "johor", "pontianak", "entikong", "nunukan", "tawau", "sarawak"):
        assert tp[code].kind == "route_city" and tp[code].regency_code is None
    assert transit_point("sabah").region == "abroad"
    assert transit_point("motaain").kind == "border" and transit_point("motaain").regency_code == "belu"
    assert codes("Kupang -> Pontianak -> Entikong -> Sarawak") == ["kota_kupang", "pontianak", "entikong", "sarawak"]
    assert codes("lewat bandara El Tari") == ["el_tari"]
    assert codes("bandara tambolaka") == ["tambolaka_airport"]


def test_countries_and_regions():
    found = find_places("kerja di Malaysia, katanya kebun sawit di Kalimantan, atau Hong Kong")
    assert [(m.code, m.name) for m in found] == [
        ("abroad", "Malaysia"),
        ("elsewhere_id", "Kalimantan"),
        ("abroad", "Hong Kong"),
    ]


def test_empty_and_odd_input():
    assert find_places("") == []
    assert find_places("!!! ??? 123") == []


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (-10.16, 123.60, "kota_kupang"),  # Kupang city centre
        (-9.86, 124.28, "tts"),  # Soe
        (-9.10, 124.89, "belu"),  # Atambua
        (-8.49, 119.88, "manggarai_barat"),  # Labuan Bajo
        (-9.66, 120.26, "sumba_timur"),  # Waingapu
        (-8.22, 124.52, "alor"),  # Kalabahi
        (-10.73, 123.06, "rote_ndao"),  # Ba'a
    ],
)
def test_regency_for_location(lat, lon, code):
    assert regency_for_location(lat, lon) == code


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (-6.2, 106.8),  # Jakarta
        (1.49, 103.74),  # Johor Bahru
        (-8.56, 125.57),  # Dili, Timor-Leste
        (-9.20, 124.37),  # Pante Macassar, Oecusse
        (float("nan"), 120.0),
    ],
)
def test_regency_for_location_outside_ntt(lat, lon):
    assert regency_for_location(lat, lon) is None


def test_kupang_labels_tell_the_city_from_the_regency():
    assert regency("kota_kupang").name == "Kota Kupang"
    assert regency("kupang").name == "Kabupaten Kupang"
    names = [r.name for r in regencies()]
    assert len(set(names)) == len(names)


def test_destinations_are_iso_codes_with_names():
    from bot.services.places import destination, is_destination_code, local_name

    assert destination("MY").name == "Malaysia" and destination("MY").region == "abroad"
    assert destination("SA").local_name == "Arab Saudi"
    assert destination("ID-KR").local_name == "Kepulauan Riau" and destination("ID-KR").region == "elsewhere_id"
    assert destination("ID-KA").name == "Kalimantan"
    assert not is_destination_code("abroad") and not is_destination_code("batam")
    assert local_name("ID-JI") == "Jawa Timur" and local_name("tenau") == "Pelabuhan Tenau"


def test_the_offered_choices_abroad_and_in_indonesia():
    from bot.services.places import abroad_choices, choice, indonesia_choices

    assert [c.destination for c in abroad_choices()] == ["MY", "SG", "HK", "TW", "SA"]
    assert [(c.label, c.destination, c.transit) for c in indonesia_choices()] == [
        ("Batam", "ID-KR", "batam"),
        ("Nunukan", "ID-KU", "nunukan"),
        ("Surabaya", "ID-JI", "surabaya"),
        ("Jakarta", "ID-JK", "jakarta"),
        ("Bali", "ID-BA", None),
    ]
    assert choice("batam").destination == "ID-KR" and choice("nowhere") is None


@pytest.mark.parametrize(
    ("text", "destination", "transit"),
    [
        ("dibawa ke Batam lewat Tenau", "ID-KR", ("batam", "tenau")),
        ("kerja di kebun sawit Kalimantan", "ID-KA", ()),
        ("ke Tarakan lalu ke Nunukan", "ID-KU", ("nunukan",)),
        ("katanya ke Arab Saudi", "SA", ()),
        ("dari Kupang ke Surabaya, terus ke Malaysia", "MY", ("surabaya",)),
        ("Kupang -> Surabaya -> Batam", "ID-KR", ("surabaya", "batam")),
        ("mau ke luar negeri", None, ()),
        ("Lewat Bandara El Tari", None, ("el_tari",)),
        ("Kuala Lumpur", "MY", ()),
    ],
)
def test_destination_and_transit_read_from_text(text, destination, transit):
    from bot.services.places import read_destination, read_transit

    assert read_destination(text) == destination
    assert read_transit(text) == transit


def test_the_content_files_are_checked(tmp_path):
    import shutil

    from bot.services.places.data import PLACES_DIR, load

    for name in ("ntt.toml", "transit.toml", "destinations.toml"):
        shutil.copy(PLACES_DIR / name, tmp_path / name)
    assert len(load(tmp_path).regencies) == 22
    transit = (tmp_path / "transit.toml").read_text()
    (tmp_path / "transit.toml").write_text(transit.replace('destination = "ID-KR"', 'destination = "ID-XX"'))
    with pytest.raises(ValueError, match="batam: unknown destination ID-XX"):
        load(tmp_path)
