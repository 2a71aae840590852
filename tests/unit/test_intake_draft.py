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
)
from bot.services.intake.steps import next_step


def test_round_trip_through_json_keeps_everything():
    draft = Draft(lang="tet", urgent=True, category="child", location=(-10.1, 123.6))
    draft.story.append("cerita")
    draft.evidence.append(EvidenceRef(ref="ab12", kind="photo", mime="image/jpeg", size=10))
    draft.note(Step.PEOPLE, "sekitar tiga")
    draft.track_message(5, 1_700_000_000)
    restored = Draft.from_dict(draft.to_dict())
    assert restored == draft


def _filled_draft() -> Draft:
    """Every field given a value unlike its default (the test below fails when a field is added and not here)."""
    draft = Draft(lang="tet", urgent=True, danger_now="no", category="child", category_text="kerja", regency="kupang")
    draft.place_text, draft.location, draft.destination, draft.destination_text = "Oesapa", (-10.1, 123.6), "MY", "x"
    draft.transit += ["nunukan", "batam"]
    draft.departure, draft.when_text, draft.people, draft.minors = "soon", "besok", "2-5", "yes"
    draft.recruiter, draft.route, draft.relation, draft.relation_text = "Om Beni", "Tenau", "family", "om"
    draft.story += ["cerita", "lagi"]
    draft.evidence.append(EvidenceRef(ref="ab12", kind="photo", mime="image/jpeg", size=10))
    draft.contact, draft.contact_phone = "phone", "+6281234567890"
    draft.note(Step.PEOPLE, "sekitar tiga")
    draft.skipped.append("when")
    draft.history += ["danger", "category"]
    draft.editing, draft.awaiting, draft.checking, draft.active_at = True, "place:abroad", "minors_age", 1.5
    draft.implied.append("minors")
    draft.checked.append("minors_age")
    draft.asked_step, draft.asked_id = "route", 42
    draft.track_message(5, 1_700_000_000)
    draft.prefilled_from, draft.prefill_facts = "offer", {"destination": "MY", "red_flags": ["fee", "passport"]}
    return draft


def test_to_dict_is_asdict_and_shares_nothing_with_the_draft():
    from dataclasses import asdict, fields

    draft = _filled_draft()
    untouched = [f.name for f in fields(Draft) if getattr(draft, f.name) == getattr(Draft(), f.name)]
    assert untouched == ["id"] or untouched == [], untouched
    expected = asdict(draft)
    expected["location"] = list(draft.location)
    data = draft.to_dict()
    assert data == expected
    # Changing the draft afterwards leaves the data as it was.
    draft.story.append("x")
    draft.message_ids[0].append(1)
    draft.notes["when"] = "y"
    draft.prefill_facts["red_flags"].append("z")
    draft.evidence[0].size = 11
    assert data == expected


def test_back_goes_to_the_step_answered_before():
    draft = Draft()
    for step in (Step.DANGER, Step.CATEGORY, Step.WHERE):
        draft.remember(step)
    assert draft.previous_step(Step.WHERE) == Step.CATEGORY
    assert draft.previous_step(Step.CATEGORY) == Step.DANGER


def test_editing_returns_to_review():
    draft = Draft(editing=True, danger_now="no")
    assert next_step(draft, Step.RECRUITER) == Step.REVIEW
    assert next_step(Draft(danger_now="no"), Step.RECRUITER) == Step.ROUTE


def test_required_steps_are_danger_category_story():
    """The contact is chosen by how the report is sent, so it is no longer a question that must be answered."""
    draft = Draft()
    assert draft.first_unanswered_required() == Step.DANGER
    draft.danger_now, draft.category = "no", "other"
    assert draft.first_unanswered_required() == Step.STORY
    draft.story.append("x")
    assert draft.first_unanswered_required() is None


def test_short_answers_are_refused_not_cut():
    assert clean_short_answer("  ok  ") == ("ok", None)
    assert clean_short_answer(" \n ") == (None, AnswerError.EMPTY)
    assert clean_short_answer("x" * (MAX_SHORT_ANSWER + 1)) == (None, AnswerError.TOO_LONG)
    assert clean_story_part("y", MAX_STORY) == (None, AnswerError.TOO_LONG)


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
    draft.apply_prefill({"destination": "malaysia"})
    assert draft.destination == "MY"


@given(st.text(max_size=300))
def test_cleaning_never_raises(text):
    clean_short_answer(text)
    clean_story_part(text, 0)
