from __future__ import annotations

import time

import pytest

from bot.services.triage import (
    Entities,
    TipFacts,
    extract_entities,
    find_links,
    find_phones,
    link_key,
    normalise_name,
    normalise_phone,
    shared_recruiter_counts,
)
from bot.services.triage.entities import company_names, recruiter_names

# --- Phones -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "0812 3456 7890",
        "0812.3456.7890",
        "(0812) 3456-7890",
        "+62 0812 3456 7890",
        "0062 812 3456 7890",
        "812-3456-7890",
    ],
)
def test_indonesian_mobile_forms_are_equal(written):
    assert normalise_phone(written) == "+6281234567890"
    assert find_phones(f"hp agen {written} ya") == ["+6281234567890"]


@pytest.mark.parametrize("written", ["012-345 6789", "+60 12-345 6789", "60123456789", "0123456789"])
def test_malaysian_mobile_forms_are_equal(written):
    assert normalise_phone(written) == "+60123456789"


def test_landline_and_helpline_numbers():
    assert normalise_phone("0380 821234") == "+62380821234"
    assert normalise_phone("0811-8080-141") == "+628118080141"


@pytest.mark.parametrize(
    "text",
    ["Rp 1.500.000.000", "NIK 5301234567890001", "tgl 12-10-2024", "rekening 1234567890", "umur 15 tahun", "123"],
)
def test_not_phone_numbers(text):
    assert find_phones(text) == []


def test_several_numbers_in_one_text():
    text = "hubungi 0812 3456 7890 atau 0813.9876.5432, di Malaysia +60 12-345 6789; lagi 08123456789 08139876543"
    assert find_phones(text) == [
        "+6281234567890",
        "+6281398765432",
        "+60123456789",
        "+628123456789",
        "+628139876543",
    ]


# --- Names ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("PT Maju Jaya Sejahtera", "maju jaya sejahtra"),
        ("P.T. Maju Jaya Sejahtera", "PT. MAJU JAYA SEJAHTERA"),
        ("Soejono", "Sujono"),
        ("Tjahaya Baru", "Cahaya Baru"),
        ("Yohannis Lake", "Yohanis Lake"),
        ("CV Sumber Rejeki", "sumber rejeki"),
        ("Bapak Yohanis Lake", "Yohanis Lake"),
        ("Global Maid Sdn. Bhd.", "global maid"),
        ("Stephanus", "Stefanus"),
    ],
)
def test_name_normalisation_folds_variants(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_name_normalisation_keeps_the_full_name():
    assert normalise_name("Om Yohanis  Lake") == "yohanis lake"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dia direkrut PT. Maju Jaya Sejahtera yang ada di Kupang", ["maju jaya sejahtra"]),
        ("dari pt maju jaya sejahtra, agen namanya Om Yos", ["maju jaya sejahtra", "yos"]),
        ("P.T. Djaja Abadi Sentosa, Jakarta", ["jaja abadi sentosa"]),
        ("lewat yayasan Kasih Bunda di Soe", ["kasih bunda"]),
        ("calo namanya Yohanis Lake dari Soe", ["yohanis lake"]),
        ("agency called Global Maid Sdn Bhd", ["global maid"]),
        ("Agen datang ke rumah", []),
        ("send your CV to the agent", []),
        ("perusahaan sawit di Kalimantan", []),
    ],
)
def test_company_names_in_text(text, names):
    assert company_names(text) == names


@pytest.mark.parametrize(
    ("answer", "names"),
    [
        ("Om Yos (0812-3456-7890), PT Maju Jaya Sejahtra", ["maju jaya sejahtra", "yos"]),
        ("Bapak Yohanis Lake", ["yohanis lake"]),
        ("namanya Yosef, orang Soe", ["yosef"]),
        ("calo: Pak Anton dan Mama Ina", ["anton", "ina"]),
        ("tidak tahu", []),
        ("sonde tau", []),
        ("-", []),
        ("don't know", []),
        ("Kupang", []),
        ("orang dari kupang yang pakai mobil hitam", []),
    ],
)
def test_recruiter_answer(answer, names):
    assert recruiter_names(answer) == names


def test_extract_entities_from_all_texts():
    facts = TipFacts(
        narrative="Agen PT Maju Jaya bawa adik ke Tenau, hp 0812-3456-7890",
        recruiter="Om Yos",
        route="Kupang - Batam",
        extra_texts=("nomor lain +60 12-345 6789",),
        regency="tts",
    )
    e = extract_entities(facts)
    assert e.phones == {"+6281234567890", "+60123456789"}
    assert e.names == {"maju jaya", "yos"}
    assert e.places == {"tts", "tenau", "kota_kupang", "batam"}


def test_extract_entities_of_an_empty_tip():
    assert extract_entities(TipFacts()) == Entities()
    assert not Entities()


# --- Linking ----------------------------------------------------------------------------------------------------


def test_link_keys():
    assert link_key("phone", "0812-3456-7890") == link_key("phone", "+62 812 3456 7890") == "phone:+6281234567890"
    assert link_key("name", "PT Maju Jaya Sejahtera") == link_key("name", "maju jaya sejahtra")
    with pytest.raises(ValueError):
        link_key("colour", "red")


def tip(narrative: str = "", recruiter: str | None = None) -> Entities:
    return extract_entities(TipFacts(narrative=narrative, recruiter=recruiter))


def test_two_ways_of_writing_a_number_link():
    links = find_links(
        {
            "a": tip("calo hp 0812-3456-7890"),
            "b": tip(recruiter="6281234567890"),
            "c": tip("calo hp 0813-1111-2222"),
        }
    )
    assert links == {"a": {"b"}, "b": {"a"}, "c": set()}


def test_fuzzy_company_names_link():
    links = find_links(
        {
            "a": tip("direkrut PT Maju Jaya Sejahtera"),
            "b": tip(recruiter="maju jaya sejahtra"),
            "c": tip(recruiter="PT Majoe Djaja Sejahtera"),
            "d": tip(recruiter="PT Maju Bersama"),
        }
    )
    assert links["a"] == {"b", "c"}
    assert links["d"] == set()


def test_fuzzy_person_names_link_but_short_names_do_not():
    links = find_links(
        {
            "a": tip(recruiter="Yohanes Lake"),
            "b": tip(recruiter="Om Yohanis Lake"),
            "c": tip(recruiter="Yos"),
            "d": tip(recruiter="Yos"),
        }
    )
    assert links["a"] == {"b"}
    assert links["c"] == set()


def test_shared_recruiter_counts_feed_escalation():
    ents = {
        "a": tip(recruiter="PT Maju Jaya Sejahtera"),
        "b": tip(recruiter="maju jaya sejahtra"),
        "c": tip(recruiter="Maju Jaya Sejahtera 0812-3456-7890"),
        "d": tip(recruiter="0812 3456 7890"),
        "e": tip(recruiter="orang lain"),
    }
    counts = shared_recruiter_counts(ents)
    assert counts == {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1}


def test_linking_thousands_of_tips_is_fast():
    import random

    rng = random.Random(7)
    syllables = ["ma", "ju", "ja", "ya", "se", "sin", "ar", "ba", "ru", "ka", "sih", "ta", "ni", "lo", "bu", "de"]
    ents = {}
    for i in range(3000):
        name = " ".join("".join(rng.choices(syllables, k=3)) for _ in range(2))
        phone = f"+62812{rng.randrange(10**7):07d}"
        ents[f"t{i}"] = Entities(phones=frozenset({phone}), names=frozenset({name}))
    start = time.perf_counter()
    links = find_links(ents)
    assert time.perf_counter() - start < 3.0
    assert len(links) == 3000
