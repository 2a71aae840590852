"""The draft report: navigation, typed answers, limits, serialisation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.services.intake.draft import (
    MAX_SHORT_ANSWER,
    MAX_STORY,
    AnswerError,
    Draft,
    EvidenceRef,
    Step,
    clean_short_answer,
    clean_story_part,
    evidence_allowed,
    parse_yes_no,
    people_choice_from_text,
)


def test_round_trip_through_json_keeps_everything():
    draft = Draft(lang="tet", urgent=True, category="child", location=(-10.1, 123.6))
    draft.story.append("cerita")
    draft.evidence.append(EvidenceRef(ref="ab12", kind="photo", mime="image/jpeg", size=10))
    draft.note(Step.PEOPLE, "sekitar tiga")
    draft.track_message(5, 1_700_000_000)
    restored = Draft.from_dict(draft.to_dict())
    assert restored == draft


def test_back_goes_to_the_step_answered_before():
    draft = Draft()
    for step in (Step.DANGER, Step.CATEGORY, Step.WHERE):
        draft.remember(step)
    assert draft.previous_step(Step.WHERE) == Step.CATEGORY
    assert draft.previous_step(Step.CATEGORY) == Step.DANGER


def test_editing_returns_to_review():
    draft = Draft(editing=True)
    assert draft.next_step(Step.RECRUITER) == Step.REVIEW
    assert Draft().next_step(Step.RECRUITER) == Step.ROUTE


def test_required_steps_are_danger_category_story_contact():
    draft = Draft()
    assert draft.first_unanswered_required() == Step.DANGER
    draft.danger_now, draft.category, draft.contact = "no", "other", "anonymous"
    assert draft.first_unanswered_required() == Step.STORY
    draft.story.append("x")
    assert draft.first_unanswered_required() is None


def test_short_answers_are_refused_not_cut():
    assert clean_short_answer("  ok  ") == ("ok", None)
    assert clean_short_answer(" \n ") == (None, AnswerError.EMPTY)
    assert clean_short_answer("x" * (MAX_SHORT_ANSWER + 1)) == (None, AnswerError.TOO_LONG)
    assert clean_story_part("y", MAX_STORY) == (None, AnswerError.TOO_LONG)


def test_yes_no_in_the_languages_people_use():
    assert parse_yes_no("Iya, dong kunci dia") == "yes"
    assert parse_yes_no("sonde") == "no"
    assert parse_yes_no("Lae") == "no"
    assert parse_yes_no("sonde tau") == "unknown"
    assert parse_yes_no("mungkin besok") is None


def test_people_count_from_words_and_digits():
    assert people_choice_from_text("3 orang") == "2-5"
    assert people_choice_from_text("sekitar sepuluh") == "6+"
    assert people_choice_from_text("satu") == "1"
    assert people_choice_from_text("banyak") is None


def test_only_safe_document_types_are_evidence():
    assert evidence_allowed("document", "application/pdf")
    assert evidence_allowed("photo", "image/jpeg")
    assert not evidence_allowed("document", "application/x-msdownload")
    assert not evidence_allowed("document", "application/zip")


def test_prefill_from_an_offer_check():
    draft = Draft()
    draft.apply_prefill({"category": "recruitment_fraud", "departure": "this_week", "route": " via Nunukan ",
                         "story": "Diminta bayar 5 juta", "source": "offer_check", "unknown": 1})  # fmt: skip
    assert (draft.category, draft.departure, draft.route) == ("recruitment_fraud", "this_week", "via Nunukan")
    assert draft.story == ["Diminta bayar 5 juta"] and draft.prefilled_from == "offer_check"


@given(st.text(max_size=300))
def test_parsers_never_raise(text):
    parse_yes_no(text)
    people_choice_from_text(text)
    clean_short_answer(text)
