"""The mechanisms that make retrieval hold on other people's wording, each on questions of its own kind: spoken
spellings, keyword phrases with their question words, the domain check, the topic classifier."""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base
from bot.services.advice.classifier import OFF_TOPIC, TopicClassifier
from bot.services.advice.examples import Example
from bot.services.advice.phrases import PhraseMatcher


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base(CONTENT_DIR)


@pytest.fixture(scope="module")
def index(kb):
    return AdviceIndex.build(kb)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("brangkat", "berangkat"),  # the "e" of "ber-" left out
        ("prusahaan", "perusahaan"),
        ("fisa", "visa"),  # Kupang Malay says f for v
        ("taun", "tahun"),
        ("tepepeo", "tppo"),  # letter names glued by speech-to-text
        ("elteesa", "ltsa"),
        ("bepejees", "bpjs"),
    ],
)
def test_spoken_spellings_are_read_as_the_word_meant(index, written, read):
    assert read in index.analyzer.analyse_question(f"{written} itu apa").words


def test_words_cut_by_speech_to_text_are_joined_and_letters_are_not_over_joined(index):
    analyzer = index.analyzer
    assert "paspor" in analyzer.analyse_question("pas por untuk kerja di luar negeri").words
    assert analyzer.analyse_question("el te es a di kupang").words[0] == "ltsa"
    # "do i" is not the slang "doi" (money)
    assert "uang" not in analyzer.analyse_question("how do i renew my driving licence").words


def test_a_misspelling_missing_a_letter_is_preferred_to_a_swapped_letter(index):
    assert index.analyzer.correct_spelling("syrat") == "syarat"


def test_keyword_phrases_match_with_one_extra_word_and_two_word_phrases_in_either_order():
    matcher = PhraseMatcher([("tanpa", "nama"), ("dokumen", "apa"), ("berapa", "lama", "hukum")])
    assert matcher.find(["lapor", "tanpa", "bagi", "nama"]) == {("tanpa", "nama")}
    assert matcher.find(["tanpa", "kasih", "tahu", "nama"]) == set()  # two extra words: no longer the phrase
    assert matcher.find(["apa", "dokumen"]) == {("dokumen", "apa")}  # "what documents"
    assert matcher.find(["berapa", "lama", "hukum", "calo"]) == {("berapa", "lama", "hukum")}
    assert matcher.find(["hukum", "lama", "berapa"]) == set()  # longer phrases only in order


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("macam mana nak report ejen haram tanpa bagi nama", "help.report"),
        ("om dari kampung sebelah mau urus semua, dia bukan dari PT, aman ko", "recruiter.individual_broker"),
        ("dokumentu saida deit mak presiza atu ba servisu iha rai liur", "documents.required"),
        ("tepepeo tu apa sebenarnya", "trafficking.definition"),
        ("tindak pidana perdagangan orang itu maksudnya bagaimana", "trafficking.definition"),
        ("berapa lama penjara untuk ejen yang hantar budak bawah umur", "trafficking.penalties"),
    ],
)
def test_the_question_words_say_which_topic(index, question, topic):
    assert index.ask(question).results[0].topic == topic


@pytest.mark.parametrize(
    "question",
    [
        "kredit motor beat DP brp di kupang skrg",
        "nak pinjam duit beli motor, bank mana senang lulus",
        "visa liburan ke singapura utk keluarga urusnya dmn, cuma jalan2",
        "what's the visa fee for tourists visiting japan",
        "cara cek saldo bpjs kesehatan",
        "macam mana nak buat pasport untuk pergi umrah",
        "kurs ringgit ke rupiah hari ini brp",
        "harga tiket feri ke batam",
        "telemovel ida nebee diak no baratu",
    ],
)
def test_everyday_questions_with_domain_words_are_not_answered_with_confidence(index, question):
    answer = index.ask(question)
    assert not answer.confident, [(r.topic, r.score) for r in answer.results]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("bisa pinjam uang di bank utk biaya brangkat", "costs.loans"),
        ("dong bilang pake fisa wisata dulu, sampe sana baru urus kerja, aman ko", "visa.tourist"),
        ("BPJS nee saida, obrigatóriu ka ba traballador migrante", "process.social_security"),
    ],
)
def test_the_same_words_about_working_abroad_are_answered(index, question, topic):
    answer = index.ask(question)
    assert answer.confident and answer.results[0].topic == topic and answer.in_domain


def test_a_visa_question_without_a_tourist_visa_is_not_the_tourist_visa_answer(index):
    answer = index.ask("bisa kerja di jepang jadi perawat lansia & dapat visa?")
    assert not answer.confident


def test_the_classifier_learns_how_people_ask_and_what_is_off_topic():
    documents = [
        ({"lama+penjara": 1.0, "hukum": 1.0}, {"trafficking.penalties": 1.0}),
        ({"umur": 1.0, "berapa+umur": 1.0}, {"eligibility.age": 1.0}),
        ({"resep": 1.0, "masak": 1.0}, {OFF_TOPIC: 1.0}),
    ]
    classifier = TopicClassifier.train(["trafficking.penalties", "eligibility.age", OFF_TOPIC], documents)
    p = classifier.probabilities({"lama+penjara": 1.0, "calo": 1.0})  # "calo" was never seen: left out
    assert max(p, key=p.get) == "trafficking.penalties" and abs(sum(p.values()) - 1) < 1e-9
    off = classifier.probabilities({"resep": 1.0})
    assert max(off, key=off.get) == OFF_TOPIC


def test_the_index_learns_from_the_examples_it_is_given(kb):
    question = "usi mau tanya, bos kapal sita hp deng paspor, beta musti bagemana"
    taught = [Example(question, "id", ("rights.documents_held",), "test")] * 5
    assert AdviceIndex.build(kb, examples=taught).ask(question).results[0].topic == "rights.documents_held"
    untaught = AdviceIndex.build(kb, examples=[])
    assert untaught.ask("paspor sy ditahan majikan").results  # the word match alone still answers
