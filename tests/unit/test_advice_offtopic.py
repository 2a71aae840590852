"""Is a question about working abroad, migration or trafficking at all (bot/services/advice/domain.py)?

Near misses wrap an everyday subject in the domain's words: the weather in Kota Kinabalu, a football match against
Malaysia, the ringgit's rate, a driving licence at the police, an ID card, a school abroad, a ferry timetable, a
cashier's job in Kupang, a holiday visa. They must get no article as a confident answer (the bot says what it answers
instead: plan.OUTSIDE), while their look-alikes about working abroad keep theirs. The questions below are not in the
evaluation sets (the classifier has not learned them), except the three of blind set 3 that were answered with
confidence when it was measured.
"""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base
from bot.services.advice.domain import about_domain, evidence
from bot.services.advice.plan import ARTICLE, OUTSIDE, UNSURE, plan_answer
from bot.services.advice.text import Analyzer


@pytest.fixture(scope="module")
def index() -> AdviceIndex:
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR))


BLIND3_CONFIDENT = [
    "kursus bahasa inggris murah di kupang ada ko, bt mau lancar ngomong",
    "syarat bikin SIM C di polres TTS apa saja",
    "cuaca kat Kota Kinabalu esok hujan tak",
]

# Families of near misses, each in several languages and styles (Kupang Malay, SMS spelling, Malaysian Malay,
# English, Tetun).
NEAR_MISSES = {
    "ferry and bus tickets": [
        "tiket kapal feri dari kupang ke kalabahi brp skrg",
        "harga tiket speedboat tawau nunukan berapa",
        "ferry tickets from Batam to Singapore price",
        "tiket feri dari Johor ke Batam berapa ringgit",
        "bilhete ró husi Dili ba Kupang hira?",
        "how much is the bus from Kupang to Atambua",
    ],
    "ID cards": [
        "cara urus ktp yg rusak di kupang",
        "bikin kartu keluarga baru sonde pake surat pindah bisa ko",
        "how do I replace my lost KTP",
        "cara dapat IC baru kalau hilang",
    ],
    "exchange rates": [
        "kurs dolar hari ini brp rupiah",
        "what is the exchange rate for dollar to rupiah",
        "berapa nilai ringgit hari ni berbanding rupiah",
        "1 ringgit berapa rupiah skrg",
    ],
    "holiday visas and passports": [
        "visa liburan ke korea syaratnya apa aja",
        "visa holiday to australia for indonesians how long",
        "nak pergi bercuti ke Jepun perlu visa ke",
        "paspor anak untuk liburan ke malaysia syaratnya apa",
        "how do I renew my passport for a holiday",
    ],
    "football": [
        "nonton bola malaysia lawan indonesia di kuala lumpur beli tiket dmn",
        "skor bola malaysia vs thailand semalam",
        "when is the next Malaysia football game",
        "siapa menang piala AFF tahun ini",
    ],
    "jobs at home": [
        "lowongan kerja sopir di kupang gaji brp",
        "cari kerja di kupang jadi pelayan toko",
        "any jobs in Kupang for high school graduates",
        "kerja di kantor bupati tts gaji brp",
        "iha servisu ba motorista iha Dili ka lae?",
    ],
    "weather, school, prices": [
        "ramalan cuaca Kuala Lumpur esok",
        "cara daftar kuliah di malaysia",
        "harga beras di kupang naik lg",
    ],
}

# Their look-alikes about working abroad, with the topic that answers them.
LOOK_ALIKES = [
    ("naik feri ke tawau trus masuk kerja di sabah tanpa paspor, aman ko", "malaysia.irregular_entry"),
    ("calo suruh pake visa liburan ke malaysia baru kerja di sana, boleh ko", "visa.tourist"),
    ("ktp beta dipalsukan umurnya sama agen supaya bisa brangkat", "eligibility.age"),
    ("majikan bayar gaji pake kurs murah, potong juga, bisa lapor ke mana", "costs.illegal_fees"),
    ("lowongan kerja di malaysia dari fb gaji besar, asli ko", "redflags.signs"),
    ("ada orang di kupang buka lowongan kerja ke hongkong, cara cek izinnya", "recruiter.check"),
    ("i want to work in a hotel in dubai, is it allowed", "destinations.middle_east"),
    ("bikin paspor di kupang untuk kerja ke malaysia bawa apa saja", "documents.passport"),
    ("apa itu sistem satu kanal ke malaysia", "malaysia.one_channel"),
    ("nak balik kampung dari malaysia tapi pasport ditahan majikan", "rights.documents_held"),
]


@pytest.mark.parametrize("question", BLIND3_CONFIDENT)
def test_the_three_blind_set_3_questions_are_outside(index, question):
    answer = index.ask(question)
    assert answer.outside and not answer.confident, answer


@pytest.mark.parametrize(
    ("family", "question"), [(family, q) for family, questions in NEAR_MISSES.items() for q in questions]
)
def test_near_misses_get_no_confident_article(index, family, question):
    answer = index.ask(question)
    assert not answer.confident, (family, answer)
    assert answer.outside, (family, answer)


def test_near_misses_the_word_lists_miss_still_get_no_article(index):
    # "jalan2" (a trip) is read as "jalan", which is also a road ("jalan tikus"): the subject is not recognised,
    # but the tourist-visa article needs work or leaving in the question, so the person is "not sure"-answered.
    answer = index.ask("beta mau jalan2 ke singapura, perlu visa ko")
    assert not answer.confident and not answer.in_domain
    # Sending money home names two kinds of domain word ("kirim", "uang", a country); the classifier finds it like
    # its off-topic examples (remittances) and no article is given.
    answer = index.ask("kirim uang ke malaysia lewat bank apa yg murah")
    assert not answer.confident and answer.off_topic >= 0.5


@pytest.mark.parametrize(("question", "topic"), LOOK_ALIKES)
def test_look_alikes_about_working_abroad_keep_their_answer(index, question, topic):
    answer = index.ask(question)
    assert not answer.outside
    assert answer.confident and answer.results[0].topic == topic, answer


@pytest.fixture(scope="module")
def analyzer(index) -> Analyzer:
    return index.analyzer


def about(analyzer: Analyzer, text: str) -> bool:
    return about_domain(analyzer.analyse_question(text), phrase_match=False)


def test_one_word_naming_two_kinds_counts_once(analyzer):
    # "lowongan" is both a job and a recruiter's word: not two kinds of evidence by itself
    found = evidence(analyzer.analyse_question("lowongan guru honorer di soe"))
    assert found.kinds >= {"work"} and found.words == 1
    assert not about(analyzer, "lowongan guru honorer di soe")  # a job at home
    assert about(analyzer, "lowongan kerja ke malaysia dari PT di soe")


def test_a_border_town_is_the_domain_except_in_a_timetable(analyzer):
    assert about(analyzer, "lewat nunukan masuk sabah aman ko")
    assert not about(analyzer, "jadwal feri nunukan tawau hari sabtu")


def test_one_civil_paper_is_the_registry_but_a_list_is_the_documents_for_going(analyzer):
    assert not about(analyzer, "cara urus ktp yang hilang")
    assert about(analyzer, "perlu ktp kk akte ijazah apa lagi")
    assert about(analyzer, "bikin paspor dmn? di kupang bisa?")  # a passport office at home is the domain


def test_a_local_word_is_work_at_home_whatever_the_country(analyzer):
    assert not about(analyzer, "gaji minimum Malaysia tahun ni berapa untuk pekerja tempatan")
    assert about(analyzer, "gaji minimum pekerja asing di Malaysia berapa")


def test_off_subjects_need_work_abroad_said_in_so_many_words(analyzer):
    assert not about(analyzer, "tiket feri ke malaysia berapa")
    assert about(analyzer, "naik feri ke malaysia utk kerja di kebun tanpa dokumen")
    assert not about(analyzer, "visa turis ke jepang buat liburan")
    assert about(analyzer, "visa turis ke jepang buat kerja")


def test_the_plan_says_what_the_bot_answers_instead_of_not_sure(index):
    plan = plan_answer(index, "cuaca kat Kota Kinabalu esok hujan tak", "ms")
    assert plan.kind == OUTSIDE and plan.topic is None and plan.lang == "ms"
    # about working abroad but no article fits: still "not sure", with the closest topics
    assert plan_answer(index, "bisa kerja di jepang jadi perawat lansia & dapat visa?", "id").kind == UNSURE
    # a warning sign leads the answer whatever the subject
    plan = plan_answer(index, "agen minta uang 5 juta dan paspor saya ditahan", "id")
    assert plan.kind == ARTICLE and plan.flags


@pytest.mark.parametrize(
    "text",
    [
        # trafficking at home: a child at work, someone offering or taking people, a route without papers
        "A girl of 14 from our street is working at a massage place in Kupang where men visit at night.",
        "Labarik-feto ida tinan 14 servisu iha fatin masajen iha Kupang, mane sira mai iha kalan.",
        "Sy dengar di Rote ada yang cari cewek2 muda utk kerja di cafe di Bali, katanya gaji besar.",
        "nona 16 taun ditawari kerja di rumah makan di kupang, dijanjikan gaji besar",
        "Minggu depan ada 10 orang perempuan akan dihantar ke Malaysia guna visa pelancong.",
        "Aban kalan iha ró ida sei sai husi Atapupu ho ema barak la iha dokumentu ba Kupang.",
        "PT DEMO Sumba Harapan minta biaya 10 juta, aman ka?",
    ],
)
def test_trafficking_and_recruiting_at_home_stay_in_the_domain(index, text):
    assert not index.ask(text).outside
