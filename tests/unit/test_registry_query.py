"""Taking a recruiter query apart, and finding company names in questions: examples and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.registry import find_company_names, split_query
from bot.services.registry.query import LICENCE_CUES, NUMBER_WORDS, YEAR_WORDS


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# Splitting ------------------------------------------------------------------------------------------------


def test_a_person_and_a_phone_are_not_a_licence_number():
    parts = split_query("pak yohanes 0812 3456 7890")
    assert parts.person == "pak yohanes" and parts.name is None
    assert parts.phones == ("0812 3456 7890",) and parts.licences == ()


@pytest.mark.parametrize(
    ("query", "licence"),
    [
        ("P3MI 004/2022", "P3MI 004/2022"),
        ("no. 4/2022", "4/2022"),
        ("nomor 4/2022", "4/2022"),
        ("KEP 123 tahun 2021", "KEP 123 tahun 2021"),
        ("KEP.123/PPTK/2020", "KEP.123/PPTK/2020"),
        ("DEMO/P3MI/001/2023", "DEMO/P3MI/001/2023"),
        ("izin 12345678", "izin 12345678"),  # a licence word before it: not a phone
        ("SIP3MI 0812 3456", "SIP3MI 0812 3456"),
    ],
)
def test_loose_licence_numbers(query, licence):
    parts = split_query(query)
    assert parts.licences == (licence,) and parts.phones == () and parts.name is None


@pytest.mark.parametrize(
    "query",
    [
        "0812 3456 7890",
        "0812-3456-7890",
        "0812.3456.7890",
        "081234567890",
        "+62 812 3456 7890",
        "62812 3456 7890",
        "812 3456 7890",
        "(0380) 000-0101",
        "0380 000 0101",
        "+60 12-345 6789",
        "wa 0812 3456 7890",
        "no hp 0812 3456 7890",
    ],
)
def test_phone_formats(query):
    parts = split_query(query)
    assert len(parts.phones) == 1 and parts.licences == () and parts.name is None and parts.person is None


@pytest.mark.parametrize(
    ("query", "name", "legal_form"),
    [
        ("demo maju bersama sejahtera", "demo maju bersama sejahtera", None),
        ("PT Maju Jaya", "PT Maju Jaya", "PT"),
        ("P.T. Demo sejahtera-bersama MAJU", "PT Demo sejahtera bersama MAJU", "PT"),
        ("pt. sumba harapan indah", "PT sumba harapan indah", "PT"),
        ("apakah pt demo maju bersama sejahtera resmi", "PT demo maju bersama sejahtera", "PT"),
        ("CV Sinar Timur", "CV Sinar Timur", "CV"),
        ("PT 3 Putra", "PT 3 Putra", "PT"),
    ],
)
def test_names(query, name, legal_form):
    parts = split_query(query)
    assert (parts.name, parts.legal_form, parts.phones, parts.licences) == (name, legal_form, (), ())


def test_everything_at_once():
    parts = split_query("PT Maju Jaya no izin 4/2022, hp 0812-3456-7890")
    assert parts.name == "PT Maju Jaya" and parts.legal_form == "PT"
    assert parts.licences == ("izin 4/2022",) and parts.phones == ("0812-3456-7890",)
    parts = split_query("mama ana wa 0812 3456 7890 dan PT Sinar")
    assert parts.name == "PT Sinar" and parts.phones == ("0812 3456 7890",)


@pytest.mark.parametrize("honorific", ["pak", "Bapak", "ibu", "Mama", "om", "kaka", "calo", "sponsor", "Senhor"])
def test_a_name_after_a_form_of_address_is_a_person(honorific):
    parts = split_query(f"{honorific} Yohanes 081234567890")
    assert parts.person == f"{honorific} Yohanes" and parts.name is None and len(parts.phones) == 1


@pytest.mark.parametrize("query", ["", " ", "PT 3", "2021", "0812 3456 7890 2021", "!!!", "/"])
def test_leftover_numbers_and_punctuation_are_not_a_name(query):
    parts = split_query(query)
    assert parts.name is None or any(ch.isalpha() for ch in parts.name)


# Properties -----------------------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["pak", "ibu", "yohanes", "maria", "PT", "maju", "jaya", "dari", "sumba", "kupang", "ini", "nomor", "wa", "dia"]
)
_MOBILE = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["0812", "0813", "0821", "0852", "0853", "0811", "0878", "0896"]),
    st.text(alphabet="0123456789", min_size=6, max_size=8),
)


def _formatted(number: str, style: int) -> str:
    if style == 0:
        return number
    if style == 1:
        return f"{number[:4]} {number[4:8]} {number[8:]}"
    if style == 2:
        return f"{number[:4]}-{number[4:8]}-{number[8:]}"
    if style == 3:
        return "+62 " + number[1:4] + " " + number[4:]
    return "62" + number[1:]


@settings(max_examples=400, deadline=None)
@given(
    before=st.lists(_WORDS, max_size=4),
    number=_MOBILE,
    style=st.integers(min_value=0, max_value=4),
    after=st.lists(_WORDS, max_size=3),
)
def test_a_phone_among_words_is_a_phone_and_never_a_licence(before, number, style, after):
    phone = _formatted(number, style)
    query = " ".join([*before, phone, *after])
    parts = split_query(query)
    wanted = digits(number)[1:]  # without the trunk 0, which the +62 forms drop
    assert any(digits(p).endswith(wanted) for p in parts.phones), (query, parts)
    assert not any(wanted in digits(licence) for licence in parts.licences), (query, parts)


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=300))
def test_splitting_never_raises_and_keeps_parts_inside_the_text(text):
    parts = split_query(text)
    assert parts.part_count >= 0
    for part in (*parts.phones, *parts.licences):
        assert part and digits(part)
    assert not any(word.casefold() in NUMBER_WORDS for word in (parts.name or "").split()[:1])


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"0123456789 +-./()", "PT", "pak ", "KEP ", "tahun ", "no. ", "wa "]), max_size=40
    ).map("".join)
)
def test_number_heavy_input_never_raises(text):
    parts = split_query(text)
    # A phone is never also a licence: the parts do not overlap.
    for phone in parts.phones:
        assert all(digits(phone) not in digits(licence) or not digits(phone) for licence in parts.licences)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=500))
def test_finding_company_names_never_raises(text):
    for mention in find_company_names(text):
        assert mention.legal_form in ("PT", "CV") and mention.name.strip()


def test_licence_words_are_known():
    # Sanity of the word lists: no word is both a number word and a licence word.
    assert not (NUMBER_WORDS & LICENCE_CUES) and not (YEAR_WORDS & LICENCE_CUES)


# Company names in questions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("PT Maju Jaya minta biaya 10 juta, aman ka?", ["PT Maju Jaya"]),
        ("pt maju jaya minta biaya 10 jt aman ka", ["PT maju jaya"]),
        ("PT. Bintang Timur Sentosa itu resmi kah?", ["PT Bintang Timur Sentosa"]),
        ("Apakah P.T. Sinar Harapan terdaftar?", ["PT Sinar Harapan"]),
        ("beta pung ade mau brangkat lewat pt sinar harapan ko malaysia", ["PT sinar harapan"]),
        ("Is PT Global Karya licensed? They asked me for 5 million", ["PT Global Karya"]),
        ("I sent my CV to PT Global Karya, is it legit?", ["PT Global Karya"]),
        ("Adakah PT Cahaya Baru berlesen? Mereka minta bayaran", ["PT Cahaya Baru"]),
        ("PT Rote Cahaya mak husu osan, legal ka lae?", ["PT Rote Cahaya"]),
        ("CV Karya Mandiri rekrut utk kebun sawit", ["CV Karya Mandiri"]),
        ("PT Maju Jaya atau PT Sinar Timur, mana yang resmi?", ["PT Maju Jaya", "PT Sinar Timur"]),
        ("PT Maju Jaya, PT Maju Jaya, pt maju jaya", ["PT Maju Jaya"]),
    ],
)
def test_company_names_in_questions(question, names):
    assert [m.text for m in find_company_names(question)] == names


@pytest.mark.parametrize(
    "question",
    [
        "berapa biaya ke malaysia?",
        "kirim CV dan KTP ke mana?",
        "CV saya sudah dikirim",
        "please send your CV to us",
        "PT-nya apa ya?",
        "apakah PT itu resmi?",
        "PT 3 orang",
        "opt out",
        "script",
        "CV. ",
    ],
)
def test_no_company_name(question):
    assert find_company_names(question) == ()
