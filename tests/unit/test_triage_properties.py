from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.places import find_places, regencies
from bot.services.triage import (
    Priority,
    TipFacts,
    TriageResult,
    escalate_for_links,
    extract_entities,
    find_phones,
    score_tip,
)
from bot.services.triage.facts import UNSURE
from bot.services.triage.scoring import CATEGORIES, DEPARTURES, RELATIONS

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like tips: the words the patterns care about, mixed with noise, digits and punctuation.
WORDS = [
    "dia", "tidak", "sonde", "dipukul", "pukul", "10", "besok", "malam", "ini", "nanti", "dong", "kunci", "paspor",
    "tahan", "gaji", "bayar", "utang", "umur", "15", "tahun", "kontrak", "not", "locked", "tonight", "Kupang",
    "Tenau", "Batam", "Malaysia", "calo", "PT", "Maju", "Jaya", "0812-3456-7890", "+60", "12", "345", "6789",
    "supaya", "belum", "berangkat", "pi", "tak", "dikurung", ",", ".", "!", "\n", "'", "-", "sabu-sabu",
    "tadi", "semalam", "horikalan", "tinan", "16", "la", "baku", "xave", "sudah", "pulang", "dulu", "pernah",
    "tolong", "kami", "bagaimana", "?", "pemerintah", "harus", "diculik", "paksa", "anak", "umur", "2", "luka2",
    "ejen", "ugut", "dah", "balik", "already", "back", "home", "uluk", "ona", "fila", "sponsor", "ke", "Batam",
]  # fmt: skip
tip_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)
maybe_bool = st.sampled_from([None, True, False])
danger_answer = st.sampled_from([None, True, False, UNSURE])
place_codes = [r.code for r in regencies()] + ["elsewhere_id", "abroad"]

facts_strategy = st.builds(
    TipFacts,
    narrative=tip_text,
    lang=st.sampled_from(["id", "en", "ms", "tet", "xx"]),
    category=st.one_of(st.none(), st.sampled_from(CATEGORIES), st.text(max_size=10)),
    danger_now=danger_answer,
    departure=st.one_of(st.none(), st.sampled_from(DEPARTURES)),
    people_count=st.one_of(st.none(), st.integers(min_value=-5, max_value=10_000)),
    minors=maybe_bool,
    regency=st.one_of(st.none(), st.sampled_from(place_codes), st.text(max_size=8)),
    recruiter=st.one_of(st.none(), tip_text),
    route=st.one_of(st.none(), tip_text),
    relation=st.one_of(st.none(), st.sampled_from(RELATIONS)),
    extra_texts=st.lists(tip_text, max_size=3).map(tuple),
    evidence_count=st.integers(min_value=0, max_value=50),
    has_location=st.booleans(),
)


@FAST
@given(facts_strategy)
def test_scoring_never_raises_and_always_explains(facts):
    result = score_tip(facts)
    assert isinstance(result.priority, Priority)
    assert len(result.reasons) >= 1
    assert all(r.code and isinstance(r.detail, str) for r in result.reasons)


P1_SIGNALS = [
    {"danger_now": True},
    {"departure": "today"},
    {"extra_texts": ("nanti malam dong bawa dia pi Batam",)},
    {"extra_texts": ("majikan pukul dia sekarang",)},
    {"extra_texts": ("dia dikurung di kamar",)},
    {"extra_texts": ("barusan dong tarik paksa dia masuk oto",)},
    {"extra_texts": ("patraun xave nia iha uma laran",)},
    {"extra_texts": ("the agent threatened to kill her family",)},
    {"minors": True, "departure": "already_left"},
]


@FAST
@given(facts_strategy, st.sampled_from(P1_SIGNALS))
def test_adding_a_p1_signal_never_lowers_priority(facts, signal):
    before = score_tip(facts)
    changes = dict(signal)
    if "extra_texts" in changes:
        changes["extra_texts"] = facts.extra_texts + changes["extra_texts"]
    after = score_tip(TipFacts(**{**facts.__dict__, **changes}))
    assert after.priority == Priority.P1
    assert after.priority <= before.priority


@FAST
@given(facts_strategy, st.integers(min_value=0, max_value=20))
def test_escalation_never_lowers_priority(facts, count):
    result = score_tip(facts)
    assert escalate_for_links(result, count).priority <= result.priority


@FAST
@given(st.text(max_size=300))
def test_phone_extraction_never_raises(text):
    for phone in find_phones(text):
        assert phone.startswith("+") and phone[1:].isdigit()


@FAST
@given(st.lists(st.sampled_from(["0812", "3456", "7890", "+62", "62", "60", "012", "-", " ", ".", "(", ")"])))
def test_phone_extraction_on_digit_soup(parts):
    find_phones("".join(parts))


@FAST
@given(facts_strategy)
def test_entities_and_places_never_raise(facts):
    extract_entities(facts)
    find_places(facts.narrative)


# Answers ordered from least to most urgent: moving one step up never lowers a tip.
LADDERS = {
    "danger_now": [None, False, UNSURE, True],
    "departure": [None, "unknown", "later", "this_week", "today"],
    "minors": [None, False, True],
}


def _leaves_months_from_now(field: str, value: object, lower: TriageResult, higher: TriageResult) -> bool:
    """The one answer docs/triage.md lets lower a tip: a child who leaves "later" (months from now) is not a child
    away, though "where did it happen" says abroad or elsewhere (that is where the reporter saw it). Not knowing
    when, or not being asked, leaves them a child who may be away (P1)."""
    return field == "departure" and value == "later" and _moving(lower) and not _moving(higher)


def _moving(result: TriageResult) -> bool:
    return any(reason.code == "child_on_the_move" for reason in result.reasons)


@FAST
@given(facts_strategy, st.sampled_from(sorted(LADDERS)), st.data())
def test_a_more_urgent_answer_never_lowers_priority(facts, field, data):
    ladder = LADDERS[field]
    i = data.draw(st.integers(min_value=0, max_value=len(ladder) - 2))
    lower = score_tip(TipFacts(**{**facts.__dict__, field: ladder[i]}))
    higher = score_tip(TipFacts(**{**facts.__dict__, field: ladder[i + 1]}))
    if _leaves_months_from_now(field, ladder[i + 1], lower, higher):
        return
    assert higher.priority <= lower.priority, (field, ladder[i], ladder[i + 1], lower, higher)


def test_a_child_leaving_months_from_now_is_not_a_child_away_but_an_unknown_departure_is():
    """The case hypothesis found (minors yes, "where" elsewhere in Indonesia): the documented exception above."""
    for place in ("elsewhere_id", "abroad"):
        child = TipFacts(minors=True, regency=place)
        assert score_tip(TipFacts(**{**child.__dict__, "departure": "later"})).priority == Priority.P2
        for departure in (None, "unknown"):
            unknown = score_tip(TipFacts(**{**child.__dict__, "departure": departure}))
            assert unknown.priority == Priority.P1 and _moving(unknown)


@FAST
@given(facts_strategy, st.integers(min_value=1, max_value=10), st.booleans())
def test_evidence_and_a_location_never_lower_priority(facts, more, location):
    before = score_tip(facts)
    after = score_tip(
        TipFacts(
            **{
                **facts.__dict__,
                "evidence_count": facts.evidence_count + more,
                "has_location": location or facts.has_location,
            }
        )
    )
    assert after.priority <= before.priority


@FAST
@given(facts_strategy)
def test_reasons_are_data_that_survive_storage(facts):
    from bot.services.triage.reasons import reasons_from_data, reasons_to_data

    result = score_tip(facts)
    assert reasons_from_data(reasons_to_data(result.reasons)) == list(result.reasons)
