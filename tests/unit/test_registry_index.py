"""Look-ups over an in-memory index: matching, verdicts, staleness, and never raising."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.registry import (
    COLUMNS,
    LicenceStatus,
    LookupResult,
    ParsedRegistry,
    RegistryIndex,
    SnapshotInfo,
    Verdict,
    parse_registry_csv,
)
from bot.services.registry.index import (
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_NO_DATA,
    NOTE_PAST_EXPIRY,
    NOTE_SIMILAR_NAME_ONLY,
)

TODAY = date(2026, 11, 27)
ROWS = """\
PT Maju Bersama Sejahtera,KEP-001/2024,active,2024-01-01,2029-01-01,,Kota Kupang,Kota Kupang;Sikka,0380 000 0201,https://example.invalid/1,2026-11-20
PT Flobamora Jaya Abadi,KEP-002/2024,active,2024-01-01,2029-01-01,,,,,,2026-11-20
PT Flobamora Jaya Makmur,KEP-003/2024,active,2024-01-01,2029-01-01,,,,,,2026-11-20
CV Sinar Timur Mandiri,KEP-004/2023,suspended,2023-01-01,2028-01-01,,,,,,2026-11-20
PT Karya Nusa Cendana,KEP-005/2020,revoked,2020-01-01,2025-01-01,,,,,,2026-11-20
PT Sumba Harapan Indah,KEP-006/2019,expired,2019-01-01,2024-01-01,,,,,,2026-11-20
PT Lintas Samudra Utama,KEP-007/2021,active,2021-11-01,2026-10-31,,,,,,2026-11-20
PT Bintang Timor Sentosa,KEP-008/2024,active,2024-01-01,2029-01-01,,,,0812-0000-0209,,2026-11-15
PT Ende Lio Mandiri,KEP-009/2024,active,,,,,,,,2026-11-15
PT Rote Cahaya Samudra,KEP-010/2024,active,,,,,,,,2026-11-15
"""


def parsed_rows(rows: str = ROWS) -> ParsedRegistry:
    result = parse_registry_csv(",".join(COLUMNS) + "\n" + rows)
    assert isinstance(result, ParsedRegistry), result
    return result


def snapshot_for(parsed: ParsedRegistry, *, data_as_of: date | None = None, demo: bool = False) -> SnapshotInfo:
    as_of = data_as_of or parsed.newest_retrieved_at or TODAY
    return SnapshotInfo(1, "test.csv", datetime(2026, 11, 21, tzinfo=UTC), as_of, len(parsed.rows), "0" * 64, demo)


@pytest.fixture(scope="module")
def index() -> RegistryIndex:
    parsed = parsed_rows()
    return RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)


def names(result: LookupResult) -> list[str]:
    return [m.name for m in result.matches]


@pytest.mark.parametrize(
    "query",
    [
        "PT Maju Bersama Sejahtera",
        "Maju Bersama Sejahtera",  # no PT
        "P.T. maju-bersama, sejahtera",  # punctuation, case
        "PT. MAJU BERSAMA SEJAHTERA",
        "Sejahtera Maju Bersama",  # word order
        "Bersama Sejahtera Maju PT",
        "PT Maju Bersma Sejahtera",  # typo
        "Maju Bersama Sejahtra",  # typo
        "PT Majuu Bersama Sejahterah",  # two typos
        "MajuBersama Sejahtera",  # spacing
        "Maju Ber sama Sejahtera",
    ],
)
def test_name_variants_find_the_company(index, query):
    result = index.lookup(query)
    assert result.verdict is Verdict.LICENSED
    assert names(result) == ["PT Maju Bersama Sejahtera"]
    assert result.matches[0].matched_by == "name"
    assert result.matches[0].score >= 90


def test_exact_and_typo_matches_are_told_apart(index):
    exact = index.lookup("P.T. Maju-Bersama Sejahtera")
    assert exact.matches[0].exact and NOTE_NAME_DIFFERS not in exact.notes
    typo = index.lookup("Maju Bersma Sejahtera")
    assert typo.verdict is Verdict.LICENSED
    assert not typo.matches[0].exact and NOTE_NAME_DIFFERS in typo.notes


@pytest.mark.parametrize("query", ["KEP-001/2024", "kep-001/2024", "KEP 001/2024", "kep.001 / 2024", "Kep 001 2024"])
def test_licence_number_variants(index, query):
    result = index.lookup(query)
    assert result.verdict is Verdict.LICENSED
    assert names(result) == ["PT Maju Bersama Sejahtera"]
    assert result.matches[0].matched_by == "licence_number"


@pytest.mark.parametrize(
    ("query", "company"),
    [
        ("0380 000 0201", "PT Maju Bersama Sejahtera"),
        ("+62 380-000-0201", "PT Maju Bersama Sejahtera"),
        ("62 380 0000 201", "PT Maju Bersama Sejahtera"),
        ("081200000209", "PT Bintang Timor Sentosa"),
        ("+62 812 0000 0209", "PT Bintang Timor Sentosa"),
    ],
)
def test_phone_formats(index, query, company):
    result = index.lookup(query)
    assert result.verdict is Verdict.LICENSED
    assert names(result) == [company]
    assert result.matches[0].matched_by == "phone"


@pytest.mark.parametrize(
    ("query", "verdict"),
    [
        ("Sinar Timur Mandiri", Verdict.SUSPENDED),
        ("Karya Nusa Cendana", Verdict.REVOKED),
        ("KEP-005/2020", Verdict.REVOKED),
        ("Sumba Harapan Indah", Verdict.EXPIRED),
        ("PT Ende Lio Mandiri", Verdict.LICENSED),  # no expiry date given: the list's status stands
    ],
)
def test_status_verdicts(index, query, verdict):
    result = index.lookup(query)
    assert result.verdict is verdict
    assert len(result.matches) == 1
    assert result.matches[0].status.value == result.matches[0].effective_status.value


def test_active_but_past_expiry_is_expired(index):
    result = index.lookup("Lintas Samudra Utama")
    assert result.verdict is Verdict.EXPIRED
    (match,) = result.matches
    assert match.status is LicenceStatus.ACTIVE
    assert match.effective_status is LicenceStatus.EXPIRED
    assert match.past_expiry
    assert NOTE_PAST_EXPIRY in result.notes
    # The day it expires it is still valid.
    assert index.lookup("Lintas Samudra Utama", today=date(2026, 10, 31)).verdict is Verdict.LICENSED


def test_two_similar_names_close_to_the_query_are_ambiguous(index):
    result = index.lookup("PT Flobamora Jaya")
    assert result.verdict is Verdict.AMBIGUOUS
    assert names(result) == ["PT Flobamora Jaya Abadi", "PT Flobamora Jaya Makmur"]
    assert result.matches[0].score >= result.matches[1].score
    assert index.lookup("flobamora").verdict is Verdict.AMBIGUOUS


@pytest.mark.parametrize(
    ("query", "company"),
    [
        ("PT Flobamora Jaya Abadi", "PT Flobamora Jaya Abadi"),
        ("Flobamora Jaya Abdi", "PT Flobamora Jaya Abadi"),
        ("Flobamora Jaya Makmru", "PT Flobamora Jaya Makmur"),
        ("Makmur Jaya Flobamora", "PT Flobamora Jaya Makmur"),
    ],
)
def test_clear_typo_of_one_of_two_similar_names_is_not_ambiguous(index, query, company):
    result = index.lookup(query)
    assert result.verdict is Verdict.LICENSED
    assert names(result) == [company]


def test_unknown_company_is_not_found(index):
    result = index.lookup("PT Sumber Rejeki Abadi")
    assert result.verdict is Verdict.NOT_FOUND
    assert result.matches == ()


@pytest.mark.parametrize(
    "query",
    [
        "PT Maju Bersama Sejahtera Abadi",  # an extra word: may well be another company
        "PT Sinar Maju Bersama Sejahtera",
        "Maju Bersama",  # part of a name
    ],
)
def test_a_similar_name_is_only_a_suggestion(index, query):
    result = index.lookup(query)
    assert result.verdict is Verdict.NOT_FOUND
    assert names(result) == ["PT Maju Bersama Sejahtera"]
    assert NOTE_SIMILAR_NAME_ONLY in result.notes


def test_same_name_with_two_licences_is_ambiguous():
    parsed = parsed_rows("PT Maju Jaya,A-1,active,,,,,,,,\nMaju Jaya,A-2,revoked,,,,,,,,\n")
    result = RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY).lookup("PT Maju Jaya")
    assert result.verdict is Verdict.AMBIGUOUS
    assert {m.licence_number for m in result.matches} == {"A-1", "A-2"}


def test_many_similar_names_are_limited_and_flagged(index):
    result = index.lookup("PT", limit=3)
    assert result.verdict is Verdict.NOT_FOUND
    result = index.lookup("Mandiri Samudra", limit=1)
    assert len(result.matches) == 1
    assert result.verdict in (Verdict.AMBIGUOUS, Verdict.NOT_FOUND)
    many = index.lookup("Jaya", limit=1)
    assert many.verdict is Verdict.AMBIGUOUS and len(many.matches) == 1 and NOTE_MANY_SIMILAR in many.notes


def test_an_answer_is_as_old_as_the_rows_it_rests_on():
    parsed = parsed_rows()
    index = RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)
    # One company: the day its own row was copied (rows of one file can be copied on different days).
    assert index.lookup("Ende Lio Mandiri").data_as_of == date(2026, 11, 15)
    assert index.lookup("Maju Bersama Sejahtera").data_as_of == date(2026, 11, 20)
    # "Not found" and a list of similar names rest on the whole list: its oldest row.
    assert index.lookup("Tidak Ada Sama Sekali").data_as_of == date(2026, 11, 15)
    assert index.lookup("Flobamora Jaya").data_as_of == date(2026, 11, 15)
    assert not index.lookup("Ende Lio Mandiri").stale


def test_stale_after_thirty_days():
    parsed = parsed_rows()
    index = RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)
    day_30, day_31 = date(2026, 11, 20) + timedelta(days=30), date(2026, 11, 20) + timedelta(days=31)
    assert not index.lookup("Maju Bersama Sejahtera", today=day_30).stale
    assert index.lookup("Maju Bersama Sejahtera", today=day_31).stale
    # On day 30 of the newest row, the oldest row (15 November) is already 35 days old.
    assert index.lookup("Tidak Ada Sama Sekali", today=day_30).stale
    for query in ("DEMO", "KEP-001/2024", "0380 000 0201"):
        assert index.lookup(query, today=date(2027, 6, 1)).stale, query
    # Rows without a retrieval day are as old as the snapshot (its import day when nothing else is known).
    bare = parsed_rows("PT Tanpa Tanggal,T-1,active,,,,,,,,\n")
    undated = RegistryIndex.build(bare.rows, snapshot_for(bare, data_as_of=date(2026, 9, 1)), TODAY)
    result = undated.lookup("Tanpa Tanggal")
    assert result.data_as_of == date(2026, 9, 1) and result.stale


def test_no_registry_says_so():
    result = RegistryIndex.build([], None, TODAY).lookup("PT Maju Bersama Sejahtera")
    assert result.verdict is Verdict.NOT_FOUND
    assert result.data_as_of is None
    assert NOTE_NO_DATA in result.notes
    assert result.to_dict()["data_as_of"] is None


def test_json_form_has_the_stable_keys(index):
    data = index.lookup("Maju Bersama Sejahtera").to_dict()
    assert list(data)[:4] == ["query", "verdict", "matches", "data_as_of"]
    assert data["verdict"] == "licensed" and data["data_as_of"] == "2026-11-20" and data["stale"] is False
    match = data["matches"][0]
    assert {"name", "licence_number", "status", "score", "branches"} <= set(match)
    assert match["branches"] == ["Kota Kupang", "Sikka"]


def test_demo_snapshot_is_marked():
    parsed = parsed_rows()
    result = RegistryIndex.build(parsed.rows, snapshot_for(parsed, demo=True), TODAY).lookup("x")
    assert result.demo and "demo_data" in result.notes


@pytest.mark.parametrize("query", ["", "   ", "!!!", "PT", "P.T.", "\u200b", "+", "0", "x" * 10_000])
def test_odd_queries(index, query):
    result = index.lookup(query)
    assert result.verdict in (Verdict.NOT_FOUND, Verdict.AMBIGUOUS)
    assert result.query == query


@settings(max_examples=300, deadline=None)
@given(query=st.text(), limit=st.integers(min_value=-3, max_value=50))
def test_lookup_never_raises(index, query, limit):
    result = index.lookup(query, limit)
    assert result.verdict in Verdict
    assert len(result.matches) <= max(1, limit)
    result.to_dict()


@settings(max_examples=100, deadline=None)
@given(query=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40))
def test_lookup_of_unicode_names_never_raises(query):
    parsed = parsed_rows("PT Ökonomi Café Ünïcode,U-1,active,,,,,,,,\nPT 日本 Tenaga,U-2,active,,,,,,,,\n")
    index = RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)
    index.lookup(query)
    assert index.lookup("okonomi cafe unicode").verdict is Verdict.LICENSED


@settings(max_examples=200, deadline=None)
@given(query=st.from_regex(r"\+?[\d\s().\-/]{1,45}", fullmatch=True) | st.from_regex(r"[A-Za-z.\-/ 0-9]{1,30}"))
def test_number_like_queries_never_raise(index, query):
    assert index.lookup(query).verdict in Verdict


# Licence numbers written loosely -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "company"),
    [
        ("no. 1/2024", "PT Maju Bersama Sejahtera"),
        ("KEP 1 tahun 2024", "PT Maju Bersama Sejahtera"),
        ("kep 005 2020", "PT Karya Nusa Cendana"),
        ("KEP-5/2020", "PT Karya Nusa Cendana"),
        ("nomor 7 / 2021", "PT Lintas Samudra Utama"),
    ],
)
def test_loose_licence_numbers_find_the_company(index, query, company):
    result = index.lookup_licence(query)
    assert names(result) == [company]
    assert result.verdict not in (Verdict.NOT_FOUND, Verdict.AMBIGUOUS)


def test_a_licence_found_by_its_numbers_says_so(index):
    result = index.lookup_licence("no. 1/2024")
    assert "licence_differs" in result.notes and not result.matches[0].exact
    exact = index.lookup_licence("KEP-001/2024")
    assert "licence_differs" not in exact.notes and exact.matches[0].exact


@pytest.mark.parametrize("query", ["2024", "1", "001", "KEP", "no.", "1/2025", "99/2024", "tahun 2024"])
def test_too_little_or_wrong_numbers_find_nothing(index, query):
    assert index.lookup_licence(query).verdict is Verdict.NOT_FOUND


def test_numbers_shared_by_several_licences_are_listed_best_first():
    parsed = parsed_rows(
        "PT Satu,KEP-4/2022,active,,,,,,,,\nPT Dua,SK 4/2022/P3MI,active,,,,,,,,\nPT Tiga,KEP-14/2022,active,,,,,,,,\n"
    )
    index = RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)
    result = index.lookup_licence("P3MI 4/2022")
    assert result.verdict is Verdict.AMBIGUOUS
    # The licence that also has "P3MI" in it comes first; "14/2022" is another number.
    assert names(result) == ["PT Dua", "PT Satu"]


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=60))
def test_lookup_by_part_never_raises(index, query):
    for result in (index.lookup_licence(query), index.lookup_phone(query), index.lookup_name(query)):
        assert result.verdict in Verdict
