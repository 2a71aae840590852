"""Warning signs in questions, in the four languages, and neutral questions that must not raise them."""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import FLAG_TOPICS, AdviceIndex, load_knowledge_base


@pytest.fixture(scope="module")
def index() -> AdviceIndex:
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR))


def codes(index: AdviceIndex, question: str) -> set[str]:
    return {flag.code for flag in index.ask(question).red_flags}


@pytest.mark.parametrize(
    ("question", "code"),
    [
        # fee
        ("PT minta saya bayar biaya medical 3 juta", "fee"),
        ("sponsor suruh setor uang jaminan dulu", "fee"),
        ("dong minta doi 5 juta baru kasi berangkat", "fee"),
        ("majikan potong gaji saya tiap bulan", "fee"),
        ("the agent charged me a registration fee", "fee"),
        ("Ejen minta bayaran RM3000", "fee"),
        ("Ajénsia husu osan atu haruka ha'u", "fee"),
        # documents held
        ("paspor saya dipegang agen", "documents_held"),
        ("pasport sy d tahan bos", "documents_held"),
        ("my agent is keeping my passport", "documents_held"),
        ("employer refuses to return my passport", "documents_held"),
        ("Majikan simpan pasport saya", "documents_held"),
        ("Patraun kaer ha'u-nia pasaporte", "documents_held"),
        # tourist / visit / pilgrimage visa
        ("pergi ke malaysia pakai visa pelancong", "tourist_visa"),
        ("kerja pakai visa ziarah di arab", "tourist_visa"),
        ("can i work with a visit visa", "tourist_visa"),
        ("Saya masuk guna pas lawatan sosial, boleh kerja?", "tourist_visa"),
        ("Vistu turista bele uza ba servisu?", "tourist_visa"),
        # destinations without agreement
        ("ada kerja di myanmar gaji tinggi", "no_agreement_destination"),
        ("job offer in cambodia", "no_agreement_destination"),
        ("Tawaran kerja di Kemboja", "no_agreement_destination"),
        # unofficial routes
        ("lewat jalur tikus ke sabah", "unofficial_route"),
        ("diselundupkan ke malaysia pakai perahu", "unofficial_route"),
        ("berangkat tanpa dokumen", "unofficial_route"),
        ("beta mau pi malaysia lewat nunukan", "unofficial_route"),
        ("masuk malaysia secara ilegal", "unofficial_route"),
        ("Tama Malázia liu dalan ilegál", "unofficial_route"),
        # child
        ("anak umur 14 mau dibawa ke malaysia", "child"),
        ("dia baru 15 tahun", "child"),
        ("beta pung ana masih SMA mau pi kerja", "child"),
        ("my daughter is 17", "child"),
        ("labarik tinan 15 ba servisu", "child"),
        ("sya blm 18 thn mau jd tkw", "child"),
        ("umur di KTP dituakan supaya bisa berangkat", "child"),
        # confinement and violence
        ("saya dikunci di rumah majikan", "confinement"),
        ("tidak boleh keluar rumah", "confinement"),
        ("I am not allowed to leave the house", "confinement"),
        ("majikan pukul saya", "violence"),
        ("my employer beats me", "violence"),
    ],
)
def test_warning_signs_are_found(index, question, code):
    assert code in codes(index, question)


@pytest.mark.parametrize(
    "question",
    [
        "berapa biaya bikin paspor",
        "how much does a passport cost",
        "biaya paspor brp",
        "do i have to pay for training",
        "apa harus bayar untuk kerja di malaysia?",
        "gaji di malaysia 1500 ringgit cukup?",
        "kapan bisa ambil paspor di kantor imigrasi",
        "saya mau simpan fotokopi paspor",
        "belum punya paspor, cara buat di mana?",
        "umur minimal berapa",
        "berapa umur minimal jd tkw",
        "umur 45 masih bisa?",
        "kontrak kerja 2 tahun boleh diperpanjang?",
        "penjara 15 tahun untuk pelaku",
        "sudah 5 tahun kerja di malaysia",
        "kerja jaga anak di malaysia gratis?",
        "apa itu visa?",
        "umroh itu apa",
        "saya tinggal di batam",
        "tidak bisa pulang karena tidak ada uang",
        "what is the best phone",
        "the boss is kind, can i change employer",
        "",
        "😀😀😀",
    ],
)
def test_neutral_questions_raise_no_flag(index, question):
    assert codes(index, question) == set()


def test_each_flag_names_the_topic_that_explains_it(index):
    assert set(FLAG_TOPICS.values()) <= set(index.kb.topic_ids)
    flags = index.ask("agen ambil paspor saya dan minta uang 5 juta").red_flags
    assert [(f.code, f.topic) for f in flags] == [
        ("fee", "costs.illegal_fees"),
        ("documents_held", "rights.documents_held"),
    ]


def test_a_flag_lifts_its_topic(index):
    answer = index.ask("my sister is 16 can she work in malaysia")
    assert answer.results[0].topic == "eligibility.age"
