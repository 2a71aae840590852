"""Job-offer check: each warning sign, how signs add up, "don't know", and the tip pre-fill."""

from __future__ import annotations

import tomllib

import pytest

from bot.paths import CONTENT_DIR
from bot.services.registry import QUESTIONS, assess_offer, offer_to_tip_prefill
from bot.services.registry.offer_check import DONT_KNOW, MIDDLE_EAST_TOPIC, QUESTIONS_BY_ID, upgrade_saved_answers

SAFE = {
    "channel": "office",
    "job": "plantation",
    "destination": "malaysia",
    "fees": "no",
    "visa": "work",
    "contract": "yes",
    "passport": "me",
    "route": "no",
    "departure_soon": "no",
}


def with_(**changes: str) -> dict[str, str]:
    return {**SAFE, **changes}


def test_no_warning_sign_is_low_with_full_confidence():
    result = assess_offer(SAFE)
    assert (result.risk, result.warnings, result.unknowns, result.confidence) == ("low", (), (), "high")
    assert result.topics == ("recruiter.check",)


@pytest.mark.parametrize(
    ("changes", "code", "topic"),
    [
        ({"fees": "yes"}, "fees_charged", "costs.illegal_fees"),
        ({"visa": "tourist_visit"}, "non_work_visa", "visa.tourist"),
        ({"visa": "pilgrimage"}, "non_work_visa", "visa.tourist"),
        ({"passport": "recruiter_or_employer"}, "passport_held", "rights.documents_held"),
        ({"destination": "cambodia"}, "no_placement_agreement", "destinations.no_agreement"),
        ({"destination": "thailand"}, "no_placement_agreement", "destinations.no_agreement"),
        ({"destination": "myanmar"}, "no_placement_agreement", "destinations.no_agreement"),
        ({"route": "nunukan"}, "unofficial_route", "malaysia.irregular_entry"),
        ({"route": "pontianak"}, "unofficial_route", "malaysia.irregular_entry"),
        ({"route": "batam"}, "unofficial_route", "malaysia.irregular_entry"),
        ({"route": "kalimantan_other"}, "unofficial_route", "malaysia.irregular_entry"),
        ({"destination": "saudi_middle_east", "job": "domestic"}, "middle_east_domestic", MIDDLE_EAST_TOPIC),
    ],
)
def test_each_high_sign_alone_is_high(changes, code, topic):
    result = assess_offer(with_(**changes))
    assert result.risk == "high"
    assert [(w.code, w.topic_id, w.severity) for w in result.warnings] == [(code, topic, "high")]
    assert result.topics[0] == topic and "recruiter.check" in result.topics and "redflags.signs" in result.topics


@pytest.mark.parametrize(
    ("changes", "code", "topic"),
    [
        ({"contract": "no"}, "no_contract", "process.contract"),
        ({"channel": "person"}, "individual_recruiter", "recruiter.individual_broker"),
        ({"channel": "facebook"}, "social_media_recruiter", "redflags.signs"),
        ({"channel": "whatsapp"}, "social_media_recruiter", "redflags.signs"),
        ({"channel": "tiktok"}, "social_media_recruiter", "redflags.signs"),
        ({"channel": "social_other"}, "social_media_recruiter", "redflags.signs"),
        ({"departure_soon": "yes"}, "rushed_departure", "redflags.signs"),
    ],
)
def test_each_medium_sign_alone_is_medium(changes, code, topic):
    result = assess_offer(with_(**changes))
    assert result.risk == "medium"
    assert [(w.code, w.topic_id) for w in result.warnings] == [(code, topic)]


def test_two_medium_signs_are_high():
    result = assess_offer(with_(contract="no", channel="person"))
    assert result.risk == "high"
    assert {w.code for w in result.warnings} == {"no_contract", "individual_recruiter"}
    # An offer seen on Facebook, with a departure in a few days: the usual NTT pattern.
    result = assess_offer(with_(channel="facebook", departure_soon="yes"))
    assert result.risk == "high"
    assert [w.code for w in result.warnings] == ["social_media_recruiter", "rushed_departure"]


@pytest.mark.parametrize("channel", ["office", "other", DONT_KNOW])
def test_other_channels_are_no_warning_sign(channel):
    assert assess_offer(with_(channel=channel)).risk == "low"


@pytest.mark.parametrize("job", ["plantation", "factory", "construction", "fishing", "other"])
def test_other_jobs_in_the_middle_east_are_not_the_moratorium(job):
    # The moratorium (Kepmenaker 260/2015) is on house work for private employers, not on every job.
    result = assess_offer(with_(destination="saudi_middle_east", job=job))
    assert "middle_east_domestic" not in {w.code for w in result.warnings}


def test_house_work_elsewhere_is_not_the_middle_east_warning():
    for destination in ("malaysia", "hong_kong", "taiwan", "singapore"):
        assert assess_offer(with_(destination=destination, job="domestic")).risk == "low"
    # Thailand, Myanmar and Cambodia stay high whatever the job.
    assert assess_offer(with_(destination="thailand", job="factory")).risk == "high"


def test_answers_saved_before_the_channel_question_are_upgraded():
    old = {"fees": "no", "individual_recruiter": "yes", "destination": "malaysia", "bogus": "x", "visa": "maybe"}
    assert upgrade_saved_answers(old) == {"fees": "no", "channel": "person", "destination": "malaysia"}
    assert upgrade_saved_answers({"individual_recruiter": "no"}) == {}
    assert upgrade_saved_answers({"channel": "tiktok", "individual_recruiter": "yes"}) == {"channel": "tiktok"}


def test_high_signs_come_before_medium_ones():
    result = assess_offer(with_(contract="no", fees="yes", route="nunukan"))
    assert [w.code for w in result.warnings] == ["fees_charged", "unofficial_route", "no_contract"]


def test_dont_know_is_neither_warning_nor_safe():
    result = assess_offer({q.id: DONT_KNOW for q in QUESTIONS})
    assert result.risk == "low" and result.warnings == ()
    assert result.unknowns == tuple(q.id for q in QUESTIONS)
    assert result.confidence == "low"
    assert assess_offer(with_(fees=DONT_KNOW)).confidence == "medium"
    assert assess_offer(with_(fees=DONT_KNOW, visa=DONT_KNOW, passport=DONT_KNOW)).confidence == "low"


def test_unanswered_questions_count_as_unknown():
    result = assess_offer({"fees": "yes"})
    assert result.risk == "high"
    assert "fees" not in result.unknowns and len(result.unknowns) == len(QUESTIONS) - 1


@pytest.mark.parametrize("answers", [{"fees": "maybe"}, {"salary": "high"}, {"destination": "yes"}])
def test_invalid_answers_are_refused(answers):
    with pytest.raises(ValueError):
        assess_offer(answers)


def test_questions_are_data_for_any_channel():
    assert [q.id for q in QUESTIONS] == [
        "channel",
        "job",
        "destination",
        "fees",
        "visa",
        "contract",
        "passport",
        "route",
        "departure_soon",
    ]
    assert set(QUESTIONS_BY_ID["channel"].options) >= {"facebook", "whatsapp", "tiktok", "person", "other"}
    for question in QUESTIONS:
        assert DONT_KNOW in question.options
        assert len(set(question.options)) == len(question.options)
        if question.kind == "yes_no":
            assert question.options == ("yes", "no", DONT_KNOW)
        # Option ids go into Telegram callback data (at most 64 bytes with the question id and a prefix).
        assert all(len(f"offer:{question.id}:{option}".encode()) <= 64 for option in question.options)
    assert set(QUESTIONS_BY_ID["destination"].options) >= {
        "malaysia",
        "singapore",
        "hong_kong",
        "taiwan",
        "saudi_middle_east",
        "cambodia",
        "thailand",
        "myanmar",
        "other",
    }


def test_every_topic_exists_in_the_knowledge_base():
    topics = tomllib.loads((CONTENT_DIR / "kb" / "topics.toml").read_text(encoding="utf-8"))
    known = {topic["id"] for topic in topics["topic"]}
    used = {q.topic_id for q in QUESTIONS} | {"recruiter.check", "redflags.signs", "recruiter.individual_broker"}
    assert used <= known, used - known


def test_prefill_for_a_tip():
    prefill = offer_to_tip_prefill(with_(departure_soon="yes", route="nunukan", fees="yes"))
    assert prefill == {
        "category": "recruitment_fraud",
        "source": "offer_check",
        "departure": "this_week",
        "route": "Nunukan",
        "destination": "malaysia",
        "red_flags": ["fees_charged", "unofficial_route", "rushed_departure"],
    }


def test_prefill_leaves_out_what_is_not_known():
    prefill = offer_to_tip_prefill({"destination": DONT_KNOW, "route": DONT_KNOW, "departure_soon": "no"})
    assert prefill == {"category": "recruitment_fraud", "source": "offer_check"}
