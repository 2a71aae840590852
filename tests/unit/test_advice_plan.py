"""The answer policy (bot.services.advice.plan): plain data the Telegram adapter renders."""

from __future__ import annotations

import pytest

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base
from bot.services.advice.plan import ARTICLE, CAPABILITIES, NO_WORDS, UNSURE, merge_flags, plan_answer
from bot.services.advice.redflags import RedFlag
from bot.services.advice.shortanswer import SHORT_TEXT_MAX_LINES, fit_blocks, wrapped_lines


@pytest.fixture(scope="module")
def index() -> AdviceIndex:
    return AdviceIndex.build(load_knowledge_base(CONTENT_DIR))


def test_an_answerable_question_gets_one_article_and_the_caveat_once(index):
    plan = plan_answer(index, "brp umur minimal jd tkw", "id")
    assert (plan.kind, plan.topic, plan.lang, plan.flags) == (ARTICLE, "eligibility.age", "id", ())
    assert plan.show_caveat and not plan.offer_report and len(plan.others) <= 1
    assert not plan_answer(index, "brp umur minimal jd tkw", "id", caveat_shown=True).show_caveat


def test_the_sawit_fee_is_a_red_flag_on_the_zero_cost_article(index):
    plan = plan_answer(index, "biaya 15 juta itu wajar ka utk kerja kebun sawit", "id")
    assert plan.kind == ARTICLE and plan.topic == "costs.zero_cost"
    assert plan.flags == ("fee_excessive",) and plan.offer_report
    assert plan.money is not None and plan.money.amount.label() == "Rp15.000.000"


def test_a_bank_loan_is_no_warning(index):
    plan = plan_answer(index, "bisa pinjam uang di bank utk biaya brangkat", "id")
    assert (plan.kind, plan.topic, plan.flags, plan.loan) == (ARTICLE, "costs.loans", (), "bank")
    assert not plan.offer_report


def test_words_emoji_and_greetings(index):
    assert plan_answer(index, "🙏🙏", "id").kind == NO_WORDS
    assert plan_answer(index, "halo", "id").kind == CAPABILITIES
    unsure = plan_answer(index, "bisa kerja di jepang jadi perawat lansia & dapat visa?", "id")
    assert unsure.kind == UNSURE and 1 <= len(unsure.others) <= 3


def test_a_long_message_is_searched_in_its_first_part_and_warned_about_in_all_of_it(index):
    question = "brp umur minimal jd tkw? " + "Saya dari Soe. " * 100 + "Agen minta uang 5 juta, boleh?"
    plan = plan_answer(index, question, "id")
    assert plan.shortened and "fee" in plan.flags and plan.offer_report


def test_language_follows_the_question_when_it_is_clear(index):
    assert plan_answer(index, "What is the minimum age to work abroad?", "id").lang == "en"
    assert plan_answer(index, "PLKS?", "en").lang == "en"


def test_merged_flags_keep_the_most_serious_first():
    merged = merge_flags([RedFlag("fee", "costs.illegal_fees")], [RedFlag("child", "eligibility.age")])
    assert [f.code for f in merged] == ["child", "fee"]


def test_every_article_short_text_fits_and_the_budget_drops_optional_blocks_first(index):
    for article in index.kb.articles.values():
        lines = wrapped_lines(article.summary) + wrapped_lines(article.next_step)
        assert len(lines) <= SHORT_TEXT_MAX_LINES, (article.topic, article.lang)
    six_lines, ten_lines = "x " * 120, "x " * 200
    # the caveat goes first (it stays due for a later answer), then the fact; warnings and next step stay
    assert fit_blocks([("warning", True), (six_lines, False), ("next", True), ("caveat", False)]) == [
        "warning",
        six_lines,
        "next",
    ]
    assert fit_blocks([("warning", True), (ten_lines, False), ("next", True), ("caveat", False)]) == [
        "warning",
        "next",
    ]
    assert fit_blocks([("a", True), ("b", False)]) == ["a", "b"]
