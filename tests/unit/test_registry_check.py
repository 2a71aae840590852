"""A whole recruiter check: mixed input taken apart and each part looked up as what it is."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.registry import RegistryIndex, Verdict, check_query
from tests.unit.test_registry_index import TODAY, parsed_rows, snapshot_for


@pytest.fixture(scope="module")
def index() -> RegistryIndex:
    parsed = parsed_rows()
    return RegistryIndex.build(parsed.rows, snapshot_for(parsed), TODAY)


def test_a_plain_name_is_one_part(index):
    check = check_query(index, "maju bersama sejahtera")
    assert check.simple is not None and check.simple.kind == "name"
    assert check.simple.result.verdict is Verdict.LICENSED


@pytest.mark.parametrize(
    ("query", "kind"),
    [("KEP-001/2024", "licence"), ("kep 001 2024", "licence"), ("0380 000 0201", "phone"), ("no. 1/2024", "licence")],
)
def test_a_whole_licence_or_phone_is_one_part(index, query, kind):
    check = check_query(index, query)
    assert check.simple is not None and check.simple.kind == kind
    assert [m.name for m in check.simple.result.matches] == ["PT Maju Bersama Sejahtera"]


def test_a_person_and_a_phone(index):
    check = check_query(index, "pak yohanes 0812 3456 7890")
    assert check.simple is None and check.parts.person == "pak yohanes"
    [phone] = check.results
    assert phone.kind == "phone" and phone.result.verdict is Verdict.NOT_FOUND
    # The person's phone is the official number of a company: that company is found.
    check = check_query(index, "ibu maria 0812-0000-0209")
    assert [m.name for m in check.companies()] == ["PT Bintang Timor Sentosa"]


def test_a_name_with_a_licence_of_another_company_is_a_conflict(index):
    check = check_query(index, "PT Maju Bersama Sejahtera KEP-005/2020")
    assert {part.kind for part in check.results} == {"name", "licence"}
    assert check.conflict
    assert {m.name for m in check.companies()} == {"PT Maju Bersama Sejahtera", "PT Karya Nusa Cendana"}
    same = check_query(index, "PT Maju Bersama Sejahtera no. 1/2024")
    assert not same.conflict and len(same.companies()) == 1


def test_a_cv_is_noted(index):
    check = check_query(index, "CV Sinar Timur Mandiri")
    assert check.parts.legal_form == "CV"
    assert check.simple is not None and check.simple.result.verdict is Verdict.SUSPENDED


def test_no_data(index):
    empty = RegistryIndex.build([], None, TODAY)
    assert check_query(empty, "pak yohanes 0812 3456 7890").no_data


def test_the_day_given_decides_expiry(index):
    assert check_query(index, "Maju Bersama Sejahtera", today=date(2029, 6, 1)).simple.result.verdict is Verdict.EXPIRED
