"""What a question asks, read from its shape (intent.py): what an amount is for, the word a definition question
defines, the word a question opens with, years that are a length of time; the Middle East as a destination with
rules of its own; a bank loan weighed against the recruiter's; Malaysian Malay words.

The questions here are worded apart from the evaluation sets, so the classifier has not learned them."""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base
from bot.services.advice.intent import FEE, WAGE, read_intent
from bot.services.advice.money import BANK, BONDAGE, CHOICE, classify_loan


@pytest.fixture(scope="module")
def index():
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR))


def top(index, question: str) -> str:
    return index.ask(question).results[0].topic


@pytest.mark.parametrize(
    ("question", "purposes"),
    [
        ("majikan kasih 900 ringgit sebulan, cukup ka", (WAGE,)),
        ("saya dapat RM 1200 je, betul ke", (WAGE,)),
        ("lowongan ke thailand gaji 15jt", (WAGE,)),
        ("biaya 20jt utk jd PRT wajar ka", (FEE,)),
        ("ejen minta RM 2500 untuk permit", (FEE,)),
        ("majikan potong gaji RM 400 tiap bulan", (FEE,)),  # a deduction is a cost, whatever "gaji" says
        ("agent wants NT$ 60,000 taken from my salary", (FEE,)),
        ("pinjam 15 juta di koperasi", (FEE,)),
        ("umur 17 tahun, tahun 2022, 3 bulan", ()),  # no money
    ],
)
def test_an_amount_is_read_as_what_it_is_for(index, question, purposes):
    assert index.analyzer.analyse_question(question).amounts == purposes


def test_a_wage_with_an_amount_is_a_wage_question_not_a_fee(index):
    answer = index.ask("upah minimum kat sabah berapa, tauke bagi 800 ringgit je")
    assert answer.results[0].topic == "rights.wages_conditions"
    assert answer.money is None and "fee" not in {f.code for f in answer.red_flags}
    # the same amount asked for by an agent is a fee
    asked = index.ask("ejen minta 800 ringgit dulu baru boleh kerja kat sabah")
    assert asked.results[0].topic in ("costs.illegal_fees", "costs.zero_cost", "costs.by_destination")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # each also names what draws it elsewhere: a broker, a company's licence, a tourist visa, an agent
        ("TPPO itu apa sebenarnya? calo di kampung bilang cuma bantu orang cari kerja", "trafficking.definition"),
        ("SIP2MI tu apa, PT bilang izin perusahaan sudah cukup", "recruiter.job_order"),
        ("PLKS itu apa, agen bilang cukup paspor deng visa turis", "malaysia.work_permit"),
        ("BPJS ne'e saida? ajente dehan la presiza", "process.social_security"),
    ],
)
def test_a_definition_question_is_answered_by_the_article_defining_the_word(index, question, topic):
    assert top(index, question) == topic


def test_the_defined_word_weighs_double_and_other_words_as_usual(index):
    analysed = index.analyzer.analyse_question("TPPO itu apa, beda sama TKI ilegal ga")
    weights = {t.text: t.weight for t in analysed.terms}
    assert weights["tppo"] == 2.0 and weights["ilegal"] == 1.0
    assert analysed.defined == {"tppo"}
    assert read_intent(["kastigu", "saida"], ["hukum", "saida"]).defined == {0}  # Tetun: "which punishment"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        # not the cost of Taiwan's caregivers or of plantation work: what is asked for comes first
        ("syarat untuk kerja jadi pengasuh di taiwan apa saja", "eligibility.requirements"),
        ("dokumen untuk kerja ladang di sabah apa saja", "documents.required"),
    ],
)
def test_a_question_opening_with_what_it_asks_for(index, question, topic):
    assert top(index, question) == topic


def test_years_of_work_are_not_an_age(index):
    answer = index.ask("beta su karja 4 taun di sabah, harus ikut pelatihan lagi ka sblum brangkat")
    assert answer.results[0].topic == "process.training"
    assert "child" not in {f.code for f in answer.red_flags}
    # an age is still an age
    assert top(index, "ade beta umur 16 taun mau karja di sabah, bisa ko") == "eligibility.age"


@pytest.mark.parametrize(
    "question",
    [
        "mau jadi sopir di kuwait, bisa lewat PT resmi ko",
        "is it possible to work as a nanny in Bahrain through a licensed agency",
        "Boleh ke kerja pembantu rumah kat Oman sekarang?",
    ],
)
def test_a_middle_east_destination_leads_to_its_rules(index, question):
    assert top(index, question) == "destinations.middle_east"


def test_oman_is_a_country_and_pakcik_an_uncle(index):
    analysed = index.analyzer.analyse_question("pakcik saya kenal tauke kat oman")
    assert "om" in analysed.words and "majikan" in analysed.concepts
    assert [t.text for t in analysed.terms].count("timurtengah") == 1  # oman, not pakcik


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("boleh pinjam bank untuk kos, atau lebih baik ejen potong gaji", CHOICE),
        ("pinjam KUR di BRI or let the agent deduct it from my salary, which is better", CHOICE),
        ("pinjam di bank tapi nanti dicicil dari gaji oleh agen", BONDAGE),
        ("bisa pinjam uang di bank utk biaya brangkat", BANK),
    ],
)
def test_a_bank_loan_weighed_against_the_recruiters(question, kind):
    assert classify_loan(question) == kind


def test_a_choice_between_loans_is_answered_by_the_loans_article_with_the_warning(index):
    answer = index.ask("mending pinjam bank atau agen talangi biaya nanti potong gaji?")
    assert answer.results[0].topic == "costs.loans"
    assert {f.code: f.topic for f in answer.red_flags}.get("debt_bondage") == "costs.loans"
