"""Parsing the authorities' CSV: all-or-nothing, every problem with the file's line number."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.registry import (
    COLUMNS,
    LicenceStatus,
    ParsedRegistry,
    RegistryErrors,
    parse_registry_bytes,
    parse_registry_csv,
)
from bot.services.registry.csv_format import MAX_LENGTH
from db.models.registry import RegistryCompany

HEADER = ",".join(COLUMNS)
TODAY = date(2026, 11, 27)


def csv_text(*rows: str, header: str = HEADER, newline: str = "\n") -> str:
    return newline.join((header, *rows)) + newline


def ok(result: ParsedRegistry | RegistryErrors) -> ParsedRegistry:
    assert isinstance(result, ParsedRegistry), getattr(result, "errors", None)
    return result


def problems(result: ParsedRegistry | RegistryErrors) -> list[tuple[int, str | None, str]]:
    assert isinstance(result, RegistryErrors), "expected the file to be rejected"
    return [(e.line, e.column, e.code) for e in result.errors]


def test_full_row_is_parsed():
    parsed = ok(
        parse_registry_csv(
            csv_text(
                "PT Contoh Jaya,KEP-001/2024,Active,2024-01-02,2029-01-01,Kementerian,Kota Kupang,"
                "Kota Kupang; Sikka ;;Sumba Barat Daya,0380 000 0201,https://example.invalid/p3mi/1,2026-11-20"
            )
        )
    )
    (row,) = parsed.rows
    assert row.line == 2
    assert row.name == "PT Contoh Jaya"
    assert row.licence_key == "KEP001/2024"
    assert row.status is LicenceStatus.ACTIVE
    assert (row.licence_issued, row.licence_expires) == (date(2024, 1, 2), date(2029, 1, 1))
    assert row.branches == ("Kota Kupang", "Sikka", "Sumba Barat Daya")
    assert row.phone == "0380 000 0201" and row.phone_e164 == "+623800000201"
    assert parsed.newest_retrieved_at == date(2026, 11, 20)
    assert len(parsed.digest) == 64


def test_only_name_licence_and_status_are_required():
    (row,) = ok(parse_registry_csv(csv_text("PT A,1,revoked,,,,,,,,"))).rows
    assert row.status is LicenceStatus.REVOKED
    assert row.licence_issued is None and row.branches == () and row.phone_e164 is None
    assert ok(parse_registry_csv(csv_text("PT A,1,revoked,,,,,,,,"))).newest_retrieved_at is None


def test_bom_crlf_blank_lines_and_optional_sanctions_column():
    text = "\ufeff" + csv_text(
        "PT A,1,active,,,,,,,,2026-11-01,",
        "",
        'PT B,2,suspended,,,,,,,,2026-11-02,"warning, 2026-05"',
        header=HEADER + ",sanctions",
        newline="\r\n",
    )
    parsed = ok(parse_registry_csv(text))
    assert [(r.line, r.name, r.sanctions) for r in parsed.rows] == [
        (2, "PT A", None),
        (4, "PT B", "warning, 2026-05"),
    ]
    assert ok(parse_registry_bytes(text.encode("utf-8"))).rows == parsed.rows


def test_bad_file_lists_every_problem_with_its_line():
    text = csv_text(
        "PT Good,LIC-1,active,2024-01-01,2029-01-01,,,,,,2026-11-01",  # 2
        ",LIC-2,zombie,2024/01/01,,,,,12345,www.example.com,",  # 3
        '"PT Multi',  # 4: a quoted name over two lines
        'Line",LIC-3,active,2024-05-01,2024-04-30,,,,,,',  # 5
        "PT Dup,lic 1,active,,,,,,,,",  # 6: same licence as line 2 once normalised
        "PT Short,LIC-4,active",  # 7
        "PT Dates,LIC-5,expired,20240101,2024-02-30,,,,,javascript:alert(1),2026-13-01",  # 8
    )
    assert problems(parse_registry_csv(text)) == [
        (3, "name", "missing_field"),
        (3, "status", "unknown_status"),
        (3, "licence_issued", "bad_date"),
        (3, "phone", "bad_phone"),
        (3, "source_url", "bad_url"),
        (4, "licence_expires", "expiry_before_issue"),
        (6, "licence_number", "duplicate_licence"),
        (7, None, "wrong_field_count"),
        (8, "licence_issued", "bad_date"),
        (8, "licence_expires", "bad_date"),
        (8, "retrieved_at", "bad_date"),
        (8, "source_url", "bad_url"),
    ]


def test_error_messages_name_line_and_column():
    result = parse_registry_csv(csv_text("PT A,1,active,,,,,,,,", "PT B,1,active,,,,,,,,"))
    assert isinstance(result, RegistryErrors)
    assert str(result.errors[0]) == "line 3, licence_number: licence number '1' is already on line 2"


@pytest.mark.parametrize(
    "header",
    [
        HEADER.replace(",phone", ""),  # missing column
        HEADER + ",notes",  # unexpected column
        HEADER.replace("name,licence_number", "licence_number,name"),  # wrong order
    ],
)
def test_header_must_match(header):
    assert problems(parse_registry_csv(csv_text("PT A,1,active,,,,,,,,", header=header))) == [(1, None, "bad_header")]


def test_header_tolerates_case_and_spaces():
    header = ", ".join(c.upper() for c in COLUMNS)
    ok(parse_registry_csv(csv_text("PT A,1,active,,,,,,,,", header=header)))


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("", "empty_file", 1),
        (HEADER + "\n", "no_rows", 1),
        ("\n\n" + HEADER + "\n", "no_rows", 3),
    ],
)
def test_empty_files_are_rejected(text, code, line):
    assert problems(parse_registry_csv(text)) == [(line, None, code)]


def test_not_utf8_names_the_line():
    data = csv_text("PT A,1,active,,,,,,,,").encode() + "PT Caf\u00e9,2,active,,,,,,,,\n".encode("latin-1")
    result = parse_registry_bytes(data)
    assert problems(result) == [(3, None, "not_utf8")]


@pytest.mark.parametrize("phone", ["+62 380 000 0201", "0380-000-0201", "(0380) 0000201", "+60 12-345 6789"])
def test_valid_phones(phone):
    (row,) = ok(parse_registry_csv(csv_text(f"PT A,1,active,,,,,,{phone},,"))).rows
    assert row.phone_e164 and row.phone_e164.startswith("+6")


@pytest.mark.parametrize("phone", ["12", "0380 000 0201 / 0380 000 0202", "call me", "+1 202 555 0100x"])
def test_invalid_phones(phone):
    text = csv_text(f'PT A,1,active,,,,,,"{phone}",,')
    assert problems(parse_registry_csv(text)) == [(2, "phone", "bad_phone")]


@pytest.mark.parametrize(
    "url",
    ["www.example.com", "ftp://example.com/x", "https://exa mple.com", "https://", "http://a..b", "https://x:99999"],
)
def test_invalid_urls(url):
    assert problems(parse_registry_csv(csv_text(f'PT A,1,active,,,,,,,"{url}",'))) == [(2, "source_url", "bad_url")]


def test_retrieved_at_in_the_future_is_rejected_when_today_is_known():
    text = csv_text("PT A,1,active,,,,,,,,2026-11-28")
    ok(parse_registry_csv(text))
    assert problems(parse_registry_csv(text, today=TODAY)) == [(2, "retrieved_at", "future_date")]


def test_warnings_do_not_reject():
    parsed = ok(
        parse_registry_csv(
            csv_text("PT Maju Jaya,1,active,,2026-01-01,,,,,,", "Maju  Jaya (PT),2,active,,,,,,,,"), today=TODAY
        )
    )
    assert [(w.line, w.code) for w in parsed.warnings] == [(2, "active_past_expiry"), (3, "duplicate_name")]
    assert parsed.status_counts() == {"active": 2, "suspended": 0, "revoked": 0, "expired": 0}


def test_too_long_values_are_rejected():
    name = "PT " + "A" * 400
    assert problems(parse_registry_csv(csv_text(f"{name},1,active,,,,,,,,"))) == [(2, "name", "too_long")]


def test_parser_limits_fit_the_database_columns():
    columns = RegistryCompany.__table__.c
    for name, limit in MAX_LENGTH.items():
        length = getattr(columns[name].type, "length", None)
        assert length is None or limit <= length, name
    assert columns["licence_key"].type.length >= MAX_LENGTH["licence_number"]


def test_shipped_demo_registry_is_valid_and_fictional():
    from bot.services.registry import DEMO_REGISTRY_FILE

    parsed = ok(parse_registry_bytes(DEMO_REGISTRY_FILE.read_bytes()))
    assert 10 <= len(parsed.rows) <= 15
    assert all("DEMO" in row.name for row in parsed.rows)
    assert all(row.source_url and ".example.invalid/" in row.source_url for row in parsed.rows)
    assert {row.status for row in parsed.rows} == set(LicenceStatus)
    assert any(row.status is LicenceStatus.ACTIVE and row.licence_expires < TODAY for row in parsed.rows)
    assert any("Sikka" in row.branches for row in parsed.rows)
