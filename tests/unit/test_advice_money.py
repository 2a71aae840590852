"""Amounts in questions, the cost rules they are judged by, and bank loans told apart from debt bondage."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.advice.money import (
    ABOVE_LIMIT,
    BANK,
    BONDAGE,
    UNKNOWN,
    WITHIN_LIMIT,
    ZERO_COST,
    check_money,
    classify_loan,
    find_amounts,
)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("biaya 15 juta", 15_000_000, "IDR"),
        ("Rp 15.000.000", 15_000_000, "IDR"),
        ("15jt", 15_000_000, "IDR"),
        ("Rp15jt", 15_000_000, "IDR"),
        ("1,5 juta", 1_500_000, "IDR"),
        ("2.500.000", 2_500_000, "IDR"),
        ("500rb", 500_000, "IDR"),
        ("RM 3000", 3_000, "MYR"),
        ("rm3k", 3_000, "MYR"),
        ("3000 ringgit", 3_000, "MYR"),
        ("NT$ 25.250", 25_250, "TWD"),
        ("Rp15 miliar", 15_000_000_000, "IDR"),
        ("Rp120 milhaun", 120_000_000, "IDR"),
    ],
)
def test_amounts_as_people_write_them(text, value, currency):
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


@pytest.mark.parametrize(
    "text", ["umur 17 tahun", "tahun 2025", "tunggu 3 bulan", "0812 3456 7890", "08123456789012", "pukul 8", "5m"]
)
def test_ages_years_counts_and_phone_numbers_are_not_money(text):
    assert find_amounts(text) == []


def test_labels_use_indonesian_grouping():
    assert find_amounts("15jt")[0].label() == "Rp15.000.000"
    assert find_amounts("RM 3000")[0].label() == "RM3.000"


@pytest.mark.parametrize(
    ("question", "verdict", "job", "destination"),
    [
        ("biaya 15 juta itu wajar ka utk kerja kebun sawit", ZERO_COST, "plantation", None),
        ("agen minta RM 3000 utk kerja ladang sawit di sabah", ZERO_COST, "plantation", "malaysia"),
        ("disuruh bayar 10 juta jadi PRT di singapura", ZERO_COST, "domestic", "singapore"),
        ("bayar 5 juta jadi ABK kapal ikan", ZERO_COST, "fishing", None),
        ("PT minta 45jt utk kerja pabrik di taiwan", ABOVE_LIMIT, "formal", "taiwan"),
        ("NT$ 60.000 fee buat agency", ABOVE_LIMIT, None, "taiwan"),
        ("biaya ke taiwan jadi caregiver 20 juta", WITHIN_LIMIT, "carer", "taiwan"),
        ("PRT ke hongkong bayar 10 juta", UNKNOWN, "domestic", "hong_kong"),
        ("biaya ke malaysia kerja pabrik 12 juta", UNKNOWN, "formal", "malaysia"),
    ],
)
def test_amounts_are_judged_against_the_job_and_destination(question, verdict, job, destination):
    check = check_money(question)
    assert check is not None
    assert (check.verdict, check.job, check.destination) == (verdict, job, destination)
    assert check.red_flag == (verdict in (ZERO_COST, ABOVE_LIMIT))


def test_a_gardener_is_not_a_plantation_worker_and_a_salary_is_not_a_fee():
    assert check_money("bayar 5 juta jadi tukang kebun di malaysia").job == "gardener"
    assert check_money("gaji 15 juta per bulan di taiwan") is None
    assert check_money("gaji dipotong 2 juta tiap bulan") is None
    assert check_money("apa syarat kerja di malaysia") is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("bisa pinjam uang di bank utk biaya brangkat", BANK),
        ("boleh ke buat pinjaman bank untuk kos pergi kerja", BANK),
        ("kur untuk pmi bunganya berapa, mau pinjam", BANK),
        ("agen kasih pinjam, nanti potong gaji", BONDAGE),
        ("pt talangi dulu biayanya, bayar setelah kerja", BONDAGE),
        ("majikan bagi pinjam duit tiket, potong gaji tiap bulan", BONDAGE),
        ("pinjam di bank tapi nanti dicicil dari gaji oleh agen", BONDAGE),
        ("they cut my salary every month to pay back the debt", BONDAGE),
        ("apa syarat jadi pmi", None),
    ],
)
def test_bank_loans_and_debt_bondage(question, kind):
    assert classify_loan(question) == kind


@given(st.text(max_size=300))
def test_any_text_gives_amounts_or_nothing_never_an_error(text):
    for amount in find_amounts(text):
        assert amount.value > 0 and amount.rupiah > 0
    check = check_money(text)
    assert check is None or check.verdict in (ZERO_COST, ABOVE_LIMIT, WITHIN_LIMIT, UNKNOWN)
    assert classify_loan(text) in (None, BANK, BONDAGE)
