"""Typed answers at every question, as people type them in Indonesian, Kupang Malay, Malay, English and Tetun:
stored as the answer they clearly are, never as another; the order of the questions; the review's questions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.intake import answers, checks, steps
from bot.services.intake import understand as u
from bot.services.intake.answers import Outcome
from bot.services.intake.draft import STEP_ORDER, Draft, Step


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ya", "yes"),
        ("Iya, dong kunci dia", "yes"),
        ("iyo", "yes"),  # kpg
        ("sin", "yes"),  # tet
        ("ada", "yes"),
        ("tidak", "no"),
        ("nggak", "no"),
        ("sonde", "no"),  # kpg
        ("tidak ada", "no"),
        ("lae", "no"),  # tet
        ("la iha", "no"),  # tet
        ("tiada", "no"),  # ms
        ("no", "no"),
        ("tidak tahu", "unknown"),
        ("sonde tau", "unknown"),  # kpg
        ("la hatene", "unknown"),  # tet
        ("tak pasti", "unknown"),  # ms
        ("not sure", "unknown"),
        ("mungkin", "unknown"),
        ("halo?", None),
        ("1", None),
        ("saya rasa tidak", None),  # not said first: not read as an answer
    ],
)
def test_yes_no_unknown(text, value):
    assert u.yes_no(text).value == value


def test_words_beyond_the_answer_are_kept_and_a_bare_answer_is_not():
    assert not u.yes_no("ya").extra and not u.yes_no("iya betul pak").extra
    assert u.yes_no("Iya, dong kunci dia di rumah agen").extra


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tolong", "yes"),
        ("aman", "no"),
        ("semua aman", "no"),
        ("seguru", "no"),  # tet
        ("ada bahaya", "yes"),
        ("halo", None),
    ],
)
def test_danger_in_words(text, value):
    assert u.danger(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tetangga", "neighbour"),
        ("tetangga saya", "neighbour"),
        ("anak tetangga saya", "neighbour"),
        ("teman", "neighbour"),
        ("jiran", "neighbour"),  # ms
        ("vizinhu", "neighbour"),  # tet
        ("keluarga", "family"),
        ("kakak saya", "family"),
        ("família", "family"),  # tet, with its accent
        ("maun", "family"),  # tet: older brother
        ("beta pung sodara", "family"),  # kpg: my sibling
        ("saya punya kakak", "family"),
        ("ha'u-nia maun", "family"),  # tet: my older brother
        ("saya sendiri", "self"),
        ("beta", "self"),
        ("ha'u rasik", "self"),
        ("saya lihat sendiri", "witness"),
        ("i saw it", "witness"),
        ("dari facebook", "online"),
        ("dengar dari orang", "other"),
        ("halo", None),
        ("5", None),
    ],
)
def test_how_the_reporter_knows(text, value):
    assert u.relation(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", "1"),
        ("satu orang", "1"),
        ("dia sendiri", "1"),
        ("3 orang", "2-5"),
        ("tiga", "2-5"),
        ("rua", "2-5"),  # tet
        ("sekitar sepuluh", "6+"),
        ("12", "6+"),
        ("banyak", "6+"),
        ("barak", "6+"),  # tet
        ("tidak tahu", "unknown"),
        ("halo?", None),
        ("0", None),
    ],
)
def test_how_many_in_digits_and_words(text, value):
    assert u.people(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("malam ini", "today"),
        ("sekarang", "today"),
        ("ohin kalan", "today"),  # tet
        ("besok", "this_week"),
        ("minggu ini", "this_week"),
        ("aban", "this_week"),  # tet
        ("bulan depan", "later"),
        ("belum berangkat", "later"),
        ("sudah berangkat", "already_left"),
        ("su pi", "already_left"),  # kpg
        ("tadi malam", "already_left"),
        ("sai ona", "already_left"),  # tet
        ("tidak tahu", "unknown"),
        ("halo", None),
    ],
)
def test_when_in_words(text, value):
    assert u.departure(text).value == value


def test_a_date_is_kept_as_written_without_a_choice():
    draft = Draft()
    assert answers.typed(draft, Step.WHEN, "tanggal 12 Desember").outcome is Outcome.STORED
    assert draft.when_text == "tanggal 12 Desember" and draft.departure is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("anak tetangga dibawa calo ke Batam", "child"),  # the most serious when several fit
        ("ditawari kerja di Malaysia gaji besar", "recruitment_fraud"),
        ("gaji tidak dibayar dua bulan", "forced_labour"),
        ("paspor ditahan agen", "documents_held"),
        ("berangkat tanpa paspor lewat jalur tikus", "undocumented_departure"),
        ("servisu bosok iha Malázia", "recruitment_fraud"),  # tet
        ("halo", None),
    ],
)
def test_what_happened_in_own_words(text, value):
    assert u.category(text).value == value


def test_a_description_is_kept_and_never_becomes_other():
    draft = Draft()
    result = answers.typed(draft, Step.CATEGORY, "Sa pung sodara pi deng orang sonde jelas")
    assert result.outcome is Outcome.NOTED and draft.category is None
    assert draft.category_text == "Sa pung sodara pi deng orang sonde jelas"
    answers.typed(draft, Step.CATEGORY, "ditawari kerja palsu ke Malaysia")
    assert draft.category == "recruitment_fraud"


def test_typed_answers_are_stored_once_without_a_note():
    draft = Draft()
    for step, text in ((Step.DANGER, "tidak"), (Step.PEOPLE, "1"), (Step.MINORS, "ya"), (Step.RELATION, "tetangga")):
        assert answers.typed(draft, step, text).outcome is Outcome.STORED
    assert (draft.danger_now, draft.people, draft.minors, draft.relation) == ("no", "1", "yes", "neighbour")
    assert draft.notes == {} and draft.relation_text is None


def test_not_understood_stores_nothing():
    draft = Draft()
    for step in (Step.DANGER, Step.PEOPLE, Step.MINORS, Step.RELATION, Step.WHEN, Step.DESTINATION):
        assert answers.typed(draft, step, "halo?").outcome is Outcome.NOT_UNDERSTOOD
    assert draft == Draft(id=draft.id)


def test_button_labels_in_any_language_are_answers():
    labels = {"sudah berangkat": "already_left", "ha'u la hatene": "unknown"}
    draft = Draft()
    assert answers.typed(draft, Step.WHEN, "Sudah berangkat", labels).value == "already_left"
    assert answers.typed(draft, Step.MINORS, "Ha'u la hatene", labels).value == "unknown"


@pytest.mark.parametrize("text", ["selesai", "Sudah", "cukup", "done", "remata", "Itu saja.", "su abis"])
def test_finishing_the_story_in_words(text):
    assert u.done(text)


def test_a_story_is_not_mistaken_for_done():
    assert not u.done("sudah dua hari dia hilang")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("mau lapor", "id"),
        ("Saya mau melaporkan", "id"),
        ("beta mau lapor kasus", "id"),  # kpg
        ("saya ingin membuat laporan", "id"),
        ("I want to report", "en"),
        ("I'd like to report a case", "en"),
        ("saya nak buat aduan", "ms"),
        ("ha'u hakarak hato'o", "tet"),
        ("Ha'u hakarak hato'o kazu ida", "tet"),
    ],
)
def test_a_wish_to_report_in_any_language(text, lang):
    found = u.report_request(text)
    assert found is not None and found.lang == lang


@pytest.mark.parametrize(
    "text",
    [
        "saya mau melaporkan tetangga saya dibawa calo ke Malaysia",  # a story: read as one
        "lapor polisi di mana?",
        "/lapor",
        "halo",
        "report",  # one word: a report, but not English for sure
    ],
)
def test_a_story_or_a_question_is_not_only_a_wish_to_report(text):
    found = u.report_request(text)
    assert found is None or (text == "report" and found.lang is None)


def test_places_typed_abroad_and_in_indonesia():
    draft = Draft()
    assert answers.typed(draft, Step.WHERE, "Soe").outcome is Outcome.STORED
    assert draft.regency == "tts" and draft.destination is None
    draft = Draft()
    answers.typed(draft, Step.WHERE, "di Johor, Malaysia")
    assert (draft.regency, draft.destination) == ("abroad", "MY")
    draft = Draft(awaiting=answers.AWAIT_ABROAD)
    answers.typed(draft, Step.WHERE, "Oman")
    assert (draft.regency, draft.destination, draft.destination_text) == ("abroad", None, "Oman")
    draft = Draft()
    assert answers.typed(draft, Step.WHERE, "Desa Oelbubuk").outcome is Outcome.NOTED
    assert draft.place_text == "Desa Oelbubuk" and draft.regency is None


def test_place_buttons_set_the_destination_and_transit():
    draft = Draft()
    assert answers.choose(draft, Step.WHERE, "batam")
    assert (draft.regency, draft.destination, draft.transit) == ("elsewhere_id", "ID-KR", ["batam"])
    assert answers.choose(draft, Step.DESTINATION, "SA") and draft.destination == "SA"
    assert not answers.choose(draft, Step.WHERE, "atlantis")
    assert not answers.choose(draft, Step.DANGER, "maybe")


def test_a_child_answers_the_under_18_question_and_urgent_cases_go_straight_to_the_story():
    draft = Draft(danger_now="unknown")
    answers.choose(draft, Step.CATEGORY, "child")
    assert draft.minors == "yes" and draft.implied == ["minors"]
    answers.choose(draft, Step.WHEN, "already_left")
    asked = [s for s in STEP_ORDER if steps.asked(draft, s)]
    assert asked == [Step.DANGER, Step.CATEGORY, Step.WHERE, Step.WHEN, Step.DESTINATION, Step.STORY, Step.REVIEW]
    answers.choose(draft, Step.CATEGORY, "recruitment_fraud")
    assert draft.minors is None and draft.implied == []


def test_the_long_way_for_a_general_worry():
    draft = Draft(danger_now="no", category="other", departure="unknown")
    asked = [s for s in STEP_ORDER if steps.asked(draft, s)]
    assert asked == [
        Step.DANGER,
        Step.CATEGORY,
        Step.WHERE,
        Step.WHEN,
        Step.PEOPLE,
        Step.MINORS,
        Step.RECRUITER,
        Step.ROUTE,
        Step.RELATION,
        Step.STORY,
        Step.REVIEW,
    ]


def test_contradictions_are_found_once_each():
    draft = Draft(danger_now="no", category="recruitment_fraud", minors="no")
    draft.story.append("Anak saya umur 16 tahun dikurung di rumah agen sekarang.")
    found = checks.contradictions(draft)
    assert [(c.code, c.step) for c in found] == [("minors", Step.MINORS), ("danger", Step.DANGER)]
    assert "16" in found[0].quote and "dikurung" in found[1].quote
    draft.checked.append("minors")
    assert checks.next_check(draft).code == "danger"
    draft.checked.append("danger")
    assert checks.next_check(draft) is None
    draft.checking = "minors"  # being asked, not answered yet: asked again
    assert checks.next_check(draft).code == "minors"
    draft.checking = None
    child = Draft(category="child", minors="no")
    assert [c.code for c in checks.contradictions(child)] == ["minors"]


def test_the_reporters_words_are_read_for_contradictions_wherever_they_typed_them():
    draft = Draft(danger_now="no", category="recruitment_fraud", minors="no")
    draft.story.append("Tetangga saya dijanjikan kerja di kebun sawit.")
    draft.route = "lewat Tenau, sekarang mereka dikurung di rumah agen"
    draft.notes["people"] = "dua anak, umur 15 tahun"
    found = checks.contradictions(draft)
    assert [(c.code, c.step) for c in found] == [("minors", Step.MINORS), ("danger", Step.DANGER)]
    assert "15" in found[0].quote and "dikurung" in found[1].quote
    # The story's words come first: its quote is the one shown.
    draft.story.append("Adik saya 16 tahun juga ikut.")
    assert "16" in checks.contradictions(draft)[0].quote


def test_a_drafts_typed_texts_are_the_texts_triage_reads():
    from bot.services.intake.submit import tip_facts

    draft = Draft(
        category_text="kerja di kapal",
        place_text="dekat pasar",
        when_text="minggu lalu",
        recruiter="Om Yos",
        route="lewat Tenau",
        relation_text="om saya",
        notes={"danger": "ya, dikurung", "people": " "},
    )
    draft.story.extend(["Dia dibawa.", "Sudah dua minggu."])
    assert draft.typed_texts() == tip_facts(draft).texts()
    assert draft.typed_texts()[0] == draft.story_text and " " not in draft.typed_texts()
    assert Draft().typed_texts() == tip_facts(Draft()).texts() == ()


@given(st.text(max_size=200), st.sampled_from(list(Step)))
def test_any_text_at_any_step_never_raises_and_never_stores_a_code_that_is_not_offered(text, step):
    draft = Draft()
    answers.typed(draft, step, text)
    assert draft.danger_now in (None, "yes", "no", "unknown")
    assert draft.people in (None, "1", "2-5", "6+", "unknown")
    assert draft.minors in (None, "yes", "no", "unknown")
    assert draft.relation in (None, "self", "family", "neighbour", "witness", "online", "other")
    u.report_request(text)


def test_only_a_destination_code_reaches_triage_and_the_tip():
    from bot.services.intake.submit import answers_payload, tip_facts

    draft = Draft(story=["x"])
    answers.choose(draft, Step.DESTINATION, "unknown")
    assert draft.destination == "unknown" and tip_facts(draft).destination is None
    draft = Draft(awaiting=answers.AWAIT_DESTINATION, route="lewat Bandara El Tari lalu Surabaya")
    answers.typed(draft, Step.DESTINATION, "Oman")
    facts = tip_facts(draft)
    assert facts.destination is None and answers_payload(draft)["destination_text"] == "Oman"
    assert facts.transit_points == ("el_tari", "surabaya")
