"""Recruiter checks as people type them: misspelt and partial names, a person with a phone, loose licence numbers,
notes from the list in the reader's language, and data that grows old. Through the emulator, on the demo list
loaded on a fixed day of the app's clock (tests/e2e/recruiter_steps.py)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from bot.services.registry import DEMO_AS_OF, DEMO_REGISTRY_FILE
from tests.e2e.recruiter_steps import ILLEGAL, load_demo_registry, set_app_day

# English that must not show on another language's screen (company names and the URL aside).
ENGLISH = re.compile(
    r"\b(the|licen[cs]ed?|warning|revoked|suspended|expired|sanctions?|written|person|company|list|"
    r"fictional|complaints?|fee|Did you mean|Not in)\b",
    re.IGNORECASE,
)


@pytest.fixture
async def demo(harness):
    return await load_demo_registry(harness)


async def checker(harness, user_id: int, language: str):
    """A user in ``language`` (id, en, ms or tet) who has opened "check a recruiter"."""
    user = harness.user(user_id, "Ana", language_code="en" if language == "tet" else language)
    if language == "tet":
        await user.say("/language")
        await user.press("Tetun")
    await user.say("/cekpt")
    return user


def without_names_and_links(text: str) -> str:
    text = re.sub(r"PT DEMO [A-Za-z ]+", "", text)
    return re.sub(r"https://\S+", "", text)


def head(text: str, lines: int = 2) -> list[str]:
    return text.splitlines()[:lines]


# Misspelt and partial names: the likely company and its status come first ---------------------------------


async def test_misspelt_name_leads_with_the_likely_company_and_its_expiry_in_indonesian(demo):
    budi = await checker(demo, 3001, "id")
    reply = await budi.say("sumba harapn indah")
    assert head(reply.text) == [
        "🔎 Maksud Anda PT DEMO Sumba Harapan Indah?",
        "⚠️ Izin sudah habis pada 30 Juni 2025.",
    ]
    text = reply.text
    # Then the caveats: maybe another company, "not found" proves nothing, never "illegal".
    assert "Bisa jadi itu perusahaan lain" in text and "belum menunjukkan apakah perusahaan itu berizin" in text
    assert "tidak boleh merekrut atau memberangkatkan pekerja" in text
    assert not ILLEGAL.search(text)
    # The company can be opened from the first button.
    assert "PT DEMO Sumba Harapan Indah" in reply.buttons[0]
    details = await budi.press("PT DEMO Sumba Harapan Indah")
    assert "Izin sudah habis" in details.text and "DEMO/P3MI/006/2020" in details.text


async def test_partial_name_of_a_company_listed_active_but_past_expiry(demo):
    ana = await checker(demo, 3002, "en")
    reply = await ana.say("PT lintas samudra")
    assert head(reply.text) == [
        "🔎 Did you mean PT DEMO Lintas Samudra Utama?",
        "⚠️ Licence expired on 31 October 2026 (the list still shows it as active).",
    ]


async def test_near_match_of_a_licensed_company_still_warns_about_the_person(demo):
    ana = await checker(demo, 3003, "en")
    reply = await ana.say("bintang timur sentosa")
    assert head(reply.text) == [
        "🔎 Did you mean PT DEMO Bintang Timor Sentosa?",
        "✅ Licensed, valid until 19 February 2029.",
    ]
    assert "does not vouch for the person who contacted you" in reply.text
    assert "fake recruiters borrow real names" in reply.text


async def test_a_typo_of_a_whole_name_also_leads_with_did_you_mean(demo):
    ana = await checker(demo, 3004, "en")
    reply = await ana.say("demo maju bersma sejahtera")
    assert head(reply.text) == [
        "🔎 Did you mean PT DEMO Maju Bersama Sejahtera?",
        "✅ Licensed, valid until 29 February 2028.",
    ]
    assert "Licence number: DEMO/P3MI/001/2023" in reply.text and "letter by letter" in reply.text


async def test_near_match_in_tetun_has_no_english(demo):
    maria = await checker(demo, 3005, "tet")
    reply = await maria.say("sumba harapan")
    assert head(reply.text) == [
        "🔎 Ita hakarak dehan PT DEMO Sumba Harapan Indah?",
        "⚠️ Lisensa remata iha 30 Juñu 2025.",
    ]
    assert not ENGLISH.search(without_names_and_links(reply.text)), reply.text


# A person and a phone ------------------------------------------------------------------------------------


async def test_a_person_and_a_phone_is_not_read_as_a_licence_number(demo):
    budi = await checker(demo, 3011, "id")
    reply = await budi.say("pak yohanes 0812 3456 7890")
    text = reply.text
    assert text.startswith("👤 “pak yohanes” adalah orang, bukan perusahaan.")
    assert "UU 18/2017" in text and "tindak pidana" in text
    assert "📞 0812 3456 7890\nBukan nomor resmi perusahaan mana pun di daftar." in text
    assert "nomor izin “" not in text  # not "no company has the licence number ..."
    assert not ILLEGAL.search(text)
    assert any("Laporkan perekrut ini" in b for b in reply.buttons)


async def test_a_person_giving_a_companys_official_number(demo):
    ana = await checker(demo, 3012, "en")
    reply = await ana.say("ibu maria 0380 000 0101")
    text = reply.text
    assert text.startswith("👤 “ibu maria” is a person, not a company.")
    assert "The official number of PT DEMO Maju Bersama Sejahtera.\n✅ Licensed, valid until 29 February 2028." in text
    details = await ana.press("PT DEMO Maju Bersama Sejahtera")
    assert "Licensed" in details.text and "Official phone: +62 380 000 0101" in details.text


async def test_a_person_and_a_phone_in_tetun(demo):
    maria = await checker(demo, 3013, "tet")
    reply = await maria.say("senhor joao 0812-3456-7890")
    assert reply.text.startswith("👤 “senhor joao” mak ema ida, la'ós kompañia.")
    assert not ENGLISH.search(without_names_and_links(reply.text)), reply.text


# Licence numbers written loosely -------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["P3MI 004/2022", "no. 4/2022", "nomor izin 004 tahun 2022"])
async def test_loose_licence_numbers_find_the_company(demo, query):
    budi = await checker(demo, 3021, "id")
    reply = await budi.say(query)
    assert head(reply.text) == [
        "⛔ Izin dibekukan",
        "Menurut daftar resmi, izin PT DEMO Sinar Timur Mandiri sedang dibekukan.",
    ]
    assert "Nomor izin: DEMO/P3MI/004/2022" in reply.text
    assert "tidak persis sama dengan tulisan di daftar" in reply.text


async def test_an_unknown_licence_number_is_said_so_carefully(demo):
    ana = await checker(demo, 3022, "en")
    reply = await ana.say("KEP 123 tahun 2021")
    assert "No company in the official list has the licence number “KEP 123 tahun 2021”." in reply.text
    assert not ILLEGAL.search(reply.text)


async def test_a_name_with_another_companys_licence_number_is_flagged(demo):
    ana = await checker(demo, 3023, "en")
    reply = await ana.say("PT DEMO Maju Bersama Sejahtera DEMO/P3MI/004/2022")
    text = reply.text
    assert "🔢 DEMO/P3MI/004/2022\nThe licence of PT DEMO Sinar Timur Mandiri" in text
    assert "In the list: PT DEMO Maju Bersama Sejahtera." in text
    assert "These point to different companies" in text
    labels = reply.buttons
    assert any("Sinar Timur Mandiri" in b for b in labels) and any("Maju Bersama Sejahtera" in b for b in labels)


async def test_a_cv_is_told_it_cannot_be_a_placement_company(demo):
    ana = await checker(demo, 3024, "en")
    reply = await ana.say("CV Sinar Harapan Kupang")
    assert reply.text.startswith("🏢 A CV cannot be a licensed placement company")


# Notes from the list, in the reader's language -----------------------------------------------------------


async def test_sanction_notes_are_shown_in_indonesian(demo):
    budi = await checker(demo, 3031, "id")
    text = (await budi.say("demo flobamora jaya makmur")).text
    assert "Sanksi di daftar resmi:\n• izin dicabut pada 1 Agustus 2025" in text
    text = (await budi.say("demo manggarai karya utama")).text
    assert "• peringatan tertulis, 10 Maret 2025 sampai 30 Juni 2025" in text
    text = (await budi.say("demo sinar timur mandiri")).text
    assert "• kegiatan dihentikan sementara sejak 1 Oktober 2026" in text
    assert not ENGLISH.search(without_names_and_links(text)), text


async def test_sanction_notes_are_shown_in_tetun(demo):
    maria = await checker(demo, 3032, "tet")
    text = (await maria.say("demo flobamora jaya makmur")).text
    assert "Sansaun iha lista ofisiál:\n• lisensa kanseladu iha 1 Agostu 2025" in text
    assert not ENGLISH.search(without_names_and_links(text)), text
    text = (await maria.say("demo manggarai karya utama")).text
    assert "• avizu hakerek, 10 Marsu 2025 to'o 30 Juñu 2025" in text
    assert not ENGLISH.search(without_names_and_links(text)), text


async def test_a_free_text_note_is_never_shown_untranslated(harness):
    set_app_day(harness, DEMO_AS_OF)
    csv = DEMO_REGISTRY_FILE.read_text(encoding="utf-8").replace(
        "revocation 2025-08-01", '"revoked after complaints of fee charging, see letter 12/2025"'
    )
    report = await harness.app.registry.import_csv(csv, "p3mi.csv")
    assert [w.code for w in report.warnings if w.column == "sanctions"] == ["sanctions_not_structured"]
    for user_id, language, pointer in (
        (3033, "id", "Daftar itu punya catatan sanksi lain untuk perusahaan ini"),
        (3034, "tet", "Lista iha nota seluk kona-ba sansaun ba kompañia ne'e"),
    ):
        user = await checker(harness, user_id, language)
        text = (await user.say("demo flobamora jaya makmur")).text
        assert pointer in text and "p3mi_sanksi" in text
        assert "complaints" not in text and "fee charging" not in text


# How old the data is ---------------------------------------------------------------------------------------


async def test_old_data_is_said_right_under_the_verdict_by_the_apps_clock(demo):
    ana = await checker(demo, 3041, "en")
    assert "This list is from" not in (await ana.say("demo ende lio mandiri")).text
    # Forty days on, by the app's clock (no real waiting, no dependence on today's date).
    set_app_day(demo, DEMO_AS_OF + timedelta(days=40))
    lines = (await ana.say("demo ende lio mandiri")).text.splitlines()
    assert lines[0] == "✅ Licensed"
    assert lines[2] == (
        "⚠️ This list is from 18 November 2026, more than 30 days ago: a licence may have changed since. Check "
        "the current list at the LTSA or the Disnaker, or on https://siskop2mi.bp2mi.go.id/profil/lembaga/"
        "list_lembaga/p3mi"
    )
    # "Not found" rests on the whole list, which is as old as its oldest row.
    text = (await ana.say("PT Tidak Ada Sama Sekali")).text
    assert "This list is from 18 November 2026" in text


async def test_the_demo_list_loaded_years_later_is_fresh_and_the_same(harness):
    later = DEMO_AS_OF + timedelta(days=3 * 365 + 40)
    await load_demo_registry(harness, later)
    shift = later - DEMO_AS_OF
    ana = await checker(harness, 3042, "en")
    text = (await ana.say("DEMO/P3MI/002/2022")).text
    assert text.startswith("✅ Licensed") and "This list is from" not in text
    expires = date(2027, 7, 14) + shift  # as written in the file, moved by as many days
    assert f"valid until {expires.day} {expires:%B} {expires.year}" in text
    text = (await ana.say("demo lintas samudra utama")).text
    assert "still shows it as active" in text
