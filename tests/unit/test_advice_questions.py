"""The core of the advice journey's questions: long messages, answer language, warning signs -> report, filing a
question for staff, and the anonymous helpful counter."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.advice.feedback import feedback_counts, record_vote
from bot.services.advice.questions import (
    MAX_ANSWERED,
    DailyLimitReached,
    QuestionService,
    answer_language,
    category_for_flags,
    has_words,
    question_head,
    question_parts,
    report_prefill,
)
from bot.services.intake.submit import ANSWERS_CONTEXT, REASONS_CONTEXT
from bot.services.privacy import Cipher, Pseudonymizer, receipt_hash
from db.models.tips import Tip

LANGS = ("id", "en", "ms", "tet")


def test_short_questions_are_read_whole():
    assert question_head("  brp umur minimal jd tkw  ") == ("brp umur minimal jd tkw", False)


def test_long_questions_are_cut_at_a_sentence_or_word_and_say_so():
    text = "Saya mau tanya. " * 100
    head, shortened = question_head(text)
    assert shortened and len(head) <= MAX_ANSWERED and head.endswith(".")
    words = "kata " * 400
    head, shortened = question_head(words)
    assert shortened and len(head) <= MAX_ANSWERED and not head.endswith(" ") and head.split()[-1] == "kata"


def test_parts_cover_the_whole_message():
    text = " ".join(f"kalimat {i} tentang kerja." for i in range(300))
    parts = question_parts(text)
    assert len(parts) > 1 and all(len(p) <= MAX_ANSWERED for p in parts)
    assert " ".join(parts).split() == text.split()
    assert question_parts("x" * 2500) == ["x" * 1000, "x" * 1000, "x" * 500]


@pytest.mark.parametrize(
    ("question", "locale", "expected"),
    [
        ("brp umur minimal jd tkw", "id", "id"),
        ("brp umur minimal jd tkw", "en", "en"),  # no sign of a language: the person's own
        ("What is the minimum age to work abroad?", "id", "en"),
        ("beta pung paspor ditahan", "en", "id"),  # Kupang Malay on a phone set to English
        ("berapakah umur minimum", "id", "id"),  # one Malay-looking word is not enough
        ("Hau bele ba servisu iha rai liur?", "id", "tet"),
        ("PLKS?", "ms", "ms"),
    ],
)
def test_answer_language(question, locale, expected):
    assert answer_language(question, locale, LANGS) == expected


def test_only_emoji_or_punctuation_has_no_words():
    assert not has_words("🙏🙏😊 ?!")
    assert not has_words("")
    assert has_words("ok 👍")


def test_flags_map_to_the_most_serious_category():
    assert category_for_flags(["fee", "documents_held"]) == "documents_held"
    assert category_for_flags(["fee"]) == "recruitment_fraud"
    assert category_for_flags(["tourist_visa"]) == "undocumented_departure"
    assert category_for_flags(["unofficial_route", "fee"]) == "undocumented_departure"
    assert category_for_flags(["no_agreement_destination"]) == "recruitment_fraud"
    assert category_for_flags(["violence", "documents_held"]) == "forced_labour"
    assert category_for_flags(["confinement", "child"]) == "child"
    assert category_for_flags([]) is None
    assert category_for_flags(["unknown"]) is None
    assert report_prefill(" agen minta uang ", ["fee"]) == {
        "story": "agen minta uang",
        "source": "advice",
        "category": "recruitment_fraud",
    }
    assert "category" not in report_prefill("halo", [])


@pytest.fixture
def questions(settings) -> QuestionService:
    return QuestionService(
        cipher=Cipher(settings.keys), pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=2
    )


async def test_a_question_is_filed_encrypted_once_and_counts_toward_the_daily_limit(session_factory, questions):
    async with session_factory() as session:
        first = await questions.ask_staff(
            session, question="bisa kerja di jepang?", lang="id", ref="tok1", pseudonym="p1", topics=["process.steps"]
        )
        again = await questions.ask_staff(
            session, question="bisa kerja di jepang?", lang="id", ref="tok1", pseudonym="p1"
        )
        assert first.receipt and again.receipt is None and again.case_number == first.case_number
        [tip] = (await session.scalars(select(Tip))).all()
        assert (tip.kind, tip.status, tip.priority, tip.category) == ("question", "new", "P4", None)
        assert tip.receipt_hash == receipt_hash(questions._pseudonymizer, first.receipt)
        assert b"jepang" not in tip.answers
        answers = questions._cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)
        assert answers["story"] == "bisa kerja di jepang?" and answers["closest_topics"] == ["process.steps"]
        await questions.ask_staff(session, question="kedua", lang="id", ref="tok2", pseudonym="p1")
        with pytest.raises(DailyLimitReached):
            await questions.ask_staff(session, question="ketiga", lang="id", ref="tok3", pseudonym="p1")


async def test_warning_signs_raise_a_question_to_at_least_p3(session_factory, questions):
    async with session_factory() as session:
        result = await questions.ask_staff(
            session,
            question="boleh kerja pakai visa turis?",
            lang="id",
            ref="t",
            pseudonym="",
            red_flags=["tourist_visa"],
        )
        tip = await session.get(Tip, result.tip_id)
        assert tip.priority in ("P1", "P2", "P3") and tip.category == "undocumented_departure"
        reasons = questions._cipher.decrypt_json(tip.reasons, context=REASONS_CONTEXT)
        assert {"code": "advice_tourist_visa", "detail": "tourist_visa"} in reasons
        result = await questions.ask_staff(
            session,
            question="agen minta uang 5 juta dan paspor saya ditahan",
            lang="id",
            ref="u",
            pseudonym="",
            red_flags=["fee", "documents_held"],
        )
        tip = await session.get(Tip, result.tip_id)
        assert tip.priority == "P2" and tip.category == "documents_held"


async def test_votes_are_plain_counts(session_factory):
    async with session_factory() as session:
        await record_vote(session, "eligibility.age", "id", helpful=True)
        await record_vote(session, "eligibility.age", "id", helpful=True)
        await record_vote(session, "eligibility.age", "id", helpful=False)
        await record_vote(session, "eligibility.age", "en", helpful=False)
        counts = {(c.topic, c.lang): (c.helpful, c.not_helpful) for c in await feedback_counts(session)}
    assert counts == {("eligibility.age", "en"): (0, 1), ("eligibility.age", "id"): (2, 1)}


def test_wanting_to_report_is_recognised_in_four_languages():
    from bot.services.advice.questions import wants_to_report

    for text in ("beta mo lapor ada calo di kampung", "Saya ingin melaporkan perekrut", "I want to report my agent",
                 "saya nak buat aduan tentang ejen", "Ha'u hakarak hato'o keixa"):  # fmt: skip
        assert wants_to_report(text), text
    for text in ("berapa umur minimal jadi tkw", "how much is a passport", "laporan gaji"):
        assert not wants_to_report(text), text


def test_new_warning_signs_have_a_report_category():
    from bot.services.advice.questions import FLAG_CATEGORIES, category_for_flags
    from bot.services.advice.redflags import FLAG_TOPICS

    assert set(FLAG_TOPICS) <= set(FLAG_CATEGORIES)
    assert category_for_flags(["fee_excessive"]) == "recruitment_fraud"
    assert category_for_flags(["fee", "debt_bondage"]) == "forced_labour"
