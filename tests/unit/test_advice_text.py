"""Normalisation, chat spellings, stemming cache, glued-word splitting, spelling repair, synonym groups."""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, detect_language, load_knowledge_base
from bot.services.advice.text import Analyzer, Stemmer, expand_slang, normalize, tokenize


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR)).analyzer


def terms(analyzer: Analyzer, text: str) -> list[str]:
    return [t.text for t in analyzer.analyse_question(text).terms]


def test_normalize_strips_accents_apostrophes_case_and_long_repeats():
    assert normalize("Ne'ebé RAI-LI'UR Malázia kompañia") == "neebe rai-liur malazia kompania"
    assert normalize("tolongggg") == "tolongg"
    assert normalize("Ha’u") == "hau"


def test_tokenize_separates_units_from_numbers_but_keeps_names():
    assert tokenize("umur 17thn, biaya 15jt / RM3000") == ["umur", "17", "thn", "biaya", "15", "jt", "rm", "3000"]
    assert tokenize("p3mi bp2mi sip3mi") == ["p3mi", "bp2mi", "sip3mi"]
    assert tokenize("berkas2 apa") == ["berkas", "apa"]
    assert tokenize("😀😀 ✈️ 你好") == []
    assert tokenize("") == []


def test_kupang_malay_and_chat_spellings_become_standard_words():
    assert expand_slang(["beta", "pung", "ade", "mau", "pi"]) == ["saya", "punya", "adik", "mau", "pergi"]
    assert expand_slang(["sonde", "su", "brp", "dmn"]) == ["tidak", "sudah", "berapa", "di", "mana"]


def test_stemmer_caches_and_counts_hits():
    stemmer = Stemmer()
    assert stemmer.stem("pekerja") == "kerja"
    assert (stemmer.hits, stemmer.misses) == (0, 1)
    assert stemmer.stem("pekerja") == "kerja"
    assert (stemmer.hits, stemmer.misses) == (1, 1)
    assert stemmer.stem("keberangkatan") == "berangkat"
    assert stemmer.stem("pasportnya") == "pasport"  # not a dictionary word: the particle still goes
    assert stemmer.stem("licensed") == stemmer.stem("license")


def test_stemmer_cache_is_bounded():
    stemmer = Stemmer(cache_size=3)
    for word in ("bekerja", "pekerja", "dikerjakan", "pelatihan"):
        stemmer.stem(word)
    assert len(stemmer._cache) == 3
    stemmer.stem("bekerja")  # evicted, so computed again
    assert stemmer.misses == 5


@pytest.mark.parametrize(
    ("glued", "parts"),
    [
        ("kerjadi", ["kerja", "di"]),
        ("dimalaysia", ["di", "malaysia"]),
        ("carabikin", ["cara", "bikin"]),
        ("bikinpaspor", ["bikin", "paspor"]),
        ("tkwmalaysia", ["tkw", "malaysia"]),
    ],
)
def test_glued_words_are_split_into_known_words(analyzer, glued, parts):
    assert analyzer.split_glued(glued) == parts


def test_unsplittable_words_are_left_alone(analyzer):
    assert analyzer.split_glued("pasporr") is None
    assert analyzer.split_glued("xyzqwv") is None
    assert analyzer.split_glued("di") is None


def test_misspellings_are_corrected_towards_the_articles_vocabulary(analyzer):
    assert analyzer.correct_spelling("pasporr") == "paspor"
    assert analyzer.correct_spelling("dokumn") == "dokumen"
    assert analyzer.correct_spelling("kontark") == "kontrak"  # a swap of neighbours is one edit
    assert analyzer.correct_spelling("best") is None  # four letters: too close to other words to guess
    assert analyzer.correct_spelling("zzzzzzz") is None


def test_question_terms_meet_across_languages(analyzer):
    # the same synonym group, whichever language or register the word is in
    for word in ("paspor", "passport", "pasport", "pasaporte", "paspot"):
        assert terms(analyzer, word) == ["paspor"], word
    assert terms(analyzer, "luar negeri") == terms(analyzer, "overseas") == terms(analyzer, "rai-li'ur")
    assert terms(analyzer, "TKW") == terms(analyzer, "pekerja migran") == terms(analyzer, "migrant worker")


def test_function_words_are_dropped(analyzer):
    assert terms(analyzer, "beta mau tanya sonde tau apa ko") == []
    assert terms(analyzer, "what is the") == []
    assert terms(analyzer, "saida mak ne'e") == []


def test_question_is_repaired_before_matching(analyzer):
    analysed = analyzer.analyse_question("kerjadi malasyia, pasporr sy d tahan")
    assert "kerja" in [t.text for t in analysed.terms]
    assert {"malaysia", "paspor", "tahan"} <= {t.text for t in analysed.terms}
    assert any(t.how == "split" for t in analysed.terms) and any(t.how == "fuzzy" for t in analysed.terms)


def test_synonym_groups_do_not_collide(analyzer):
    assert analyzer.collisions == []


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("beta mau pi kerja di malaysia", "id"),
        ("brp umur minimal jd tkw", "id"),
        ("what is the minimum age", "en"),
        ("Macam mana nak buat pasport", "ms"),
        ("Majikan simpan pasport saya, boleh ke?", "ms"),
        ("Oinsá atu hetan pasaporte?", "tet"),
        ("paspor", "id"),
        ("", "id"),
    ],
)
def test_detect_language(question, lang):
    assert detect_language(tokenize(question)) == lang
