from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.services.triage import (
    Priority,
    TipFacts,
    TipFactsError,
    TriageResult,
    deadline,
    escalate_for_links,
    score_tip,
    tip_facts_from_mapping,
)

WITA = timezone(timedelta(hours=8))


def score(narrative: str = "", **answers) -> TriageResult:
    return score_tip(TipFacts(narrative=narrative, **answers))


def assert_rule(result: TriageResult, priority: str, code: str) -> None:
    assert result.priority == Priority(priority), result
    assert code in result.codes, result


# --- P1 ---------------------------------------------------------------------------------------------------------


def test_p1_danger_now_answer():
    r = score("ada orang di rumah itu", danger_now=True)
    assert_rule(r, "P1", "danger_now")
    first = r.reasons[0]
    assert (first.code, first.source, first.param("danger")) == ("danger_now", "answer", "yes")


def test_p1_departure_today_answer():
    assert_rule(score("tetangga mau pergi kerja", departure="today"), "P1", "departure_today")


@pytest.mark.parametrize(
    "text",
    [
        # id
        "Tiga perempuan dari Soe akan diberangkatkan malam ini lewat Tenau",
        "Besok pagi mereka naik pesawat ke Surabaya",
        "hari ini dia dibawa ke pelabuhan",
        # Kupang Malay
        "nanti malam dong bawa beta pung ade pi Kupang",
        "ini malam dong barangkat pake kapal",
        "besok dong pi Batam",
        "bsk pagi dong jalan su",
        # en
        "They are taking 3 girls to the port tonight",
        "she flies to Jakarta tomorrow",
        # ms
        "Esok dia akan dihantar ke Johor",
        "malam ni mereka bertolak ke Tawau",
    ],
)
def test_p1_departure_within_24_hours_in_text(text):
    assert_rule(score(text), "P1", "departure_today")


@pytest.mark.parametrize(
    "text",
    [
        "Adik saya dikurung di rumah agen",  # id
        "Mereka tidak boleh keluar dari penampungan",  # id
        "dong kunci dia di kamar",  # Kupang Malay
        "majikan sonde kasi kaluar",  # Kupang Malay
        "She is locked in a room by the agent",  # en
        "They are not allowed to leave the house",  # en
        "Dia dikurung majikan, tak boleh keluar",  # ms
    ],
)
def test_p1_confinement_in_text(text):
    assert_rule(score(text), "P1", "confinement_in_text")


@pytest.mark.parametrize(
    "text",
    [
        "Dia dipukul majikan setiap hari",  # id
        "Agen mengancam akan membunuh keluarganya",  # id
        "majikan pukul dia sampe bengkak",  # Kupang Malay
        "dong ancam mau bunuh kalau lapor",  # Kupang Malay
        "The boss beats her and threatened her family",  # en
        "Kakak saya dipukul dan ditendang oleh majikan",  # ms
    ],
)
def test_p1_violence_in_text(text):
    assert_rule(score(text), "P1", "violence_in_text")


@pytest.mark.parametrize("text", ["Tolong, dia dalam bahaya", "nyawa dia terancam", "Please help me, emergency"])
def test_p1_danger_in_text(text):
    assert score(text).priority == Priority.P1


def test_pukul_as_a_clock_time_is_not_violence():
    r = score("pukul 10 malam kami lihat mobil datang")
    assert "violence_in_text" not in r.codes
    assert r.priority != Priority.P1


# --- P2 ---------------------------------------------------------------------------------------------------------


def test_p2_minor_answer_and_child_category():
    assert_rule(score("ada anak mau dibawa", minors=True), "P2", "minor_involved")
    assert_rule(score("ada yang mau dibawa", category="child"), "P2", "minor_involved")


@pytest.mark.parametrize(
    "text",
    [
        "nona itu umur 15",  # id
        "adiknya baru 15 tahun",  # id
        "masih SMP sudah mau dikirim",  # id: "mau" (going to) is not "sudah" (already)
        "anak di bawah umur direkrut calo",  # id
        "ana kecil di kampung sonde sekolah lai",  # Kupang Malay
        "beta pung ade umur 14 thn",  # Kupang Malay
        "a 16 yo girl was recruited",  # en
        "she is only 15 years old",  # en
        "budak bawah umur ditawar kerja oleh ejen",  # ms
        "dia berumur 16 tahun",  # ms
        "umur dia dipalsukan di KTP",  # forged age
    ],
)
def test_p2_child_age_in_text(text):
    assert_rule(score(text), "P2", "child_age_in_text")


@pytest.mark.parametrize(
    "text",
    ["kontrak 2 tahun di Malaysia", "sudah 5 tahun kerja di sana", "umur 25 tahun", "he is 30 years old"],
)
def test_years_that_are_not_a_childs_age(text):
    assert "child_age_in_text" not in score(text).codes


def test_p2_departure_this_week():
    assert_rule(score("mau kerja", departure="this_week"), "P2", "departure_this_week")
    assert_rule(score("Lusa mereka berangkat dari El Tari"), "P2", "departure_this_week")  # id
    assert_rule(score("hari Sabtu dong pi Kupang"), "P2", "departure_this_week")  # Kupang Malay
    assert_rule(score("they leave next week by boat"), "P2", "departure_this_week")  # en
    assert_rule(score("minggu depan dia bertolak ke Sabah"), "P2", "departure_this_week")  # ms


@pytest.mark.parametrize(
    "text",
    [
        "paspor adik saya ditahan agen",  # id
        "paspor dong tahan",  # Kupang Malay
        "the employer took her passport",  # en
        "pasport ditahan majikan",  # ms
        "paspor ada di agen",  # id
    ],
)
def test_p2_documents_held(text):
    assert_rule(score(text), "P2", "documents_held")


def test_p2_documents_held_category():
    assert_rule(score("lapor", category="documents_held"), "P2", "documents_held")


@pytest.mark.parametrize(
    "text",
    [
        "harus bayar utang ke agen 15 juta",  # id
        "dong bilang beta pung utang banyak",  # Kupang Malay
        "she has a debt of 2000 ringgit to the agent",  # en
        "hutang dengan ejen belum habis",  # ms
    ],
)
def test_p2_debt_bondage(text):
    assert_rule(score(text), "P2", "debt_bondage")


@pytest.mark.parametrize(
    "text",
    [
        "kakak di Malaysia, gaji tidak dibayar 6 bulan",  # id
        "gaji sonde bayar su 8 bulan di Malaysia",  # Kupang Malay
        "my husband in Sarawak has not been paid for months",  # en
        "gaji tak dibayar majikan di Sabah",  # ms
    ],
)
def test_p2_unpaid_wages_abroad(text):
    assert_rule(score(text), "P2", "unpaid_wages")


def test_unpaid_wages_at_home_is_a_labour_dispute_first():
    r = score("gaji tidak dibayar toko di Soe", regency="tts")
    assert r.priority == Priority.P3 and "unpaid_wages" in r.codes


@pytest.mark.parametrize(
    "text",
    [
        "Adik saya dipaksa kerja di Malaysia tanpa libur",  # id
        "dong paksa kerja di kebun sawit Sabah",  # Kupang Malay (forced)
        "She is forced to work 18 hours a day in Johor",  # en
        "Kakak di Johor dipaksa melayani tamu",  # ms
    ],
)
def test_p2_exploitation_abroad_now(text):
    assert_rule(score(text), "P2", "exploitation_abroad_now")


def test_p2_exploitation_category_with_person_abroad():
    assert_rule(score("kerja berat", category="forced_labour", regency="abroad"), "P2", "exploitation_abroad_now")
    assert_rule(
        score("kerja berat", category="forced_labour", departure="already_left"), "P2", "exploitation_abroad_now"
    )


def test_p2_holding_house():
    assert_rule(score("ada banyak nona di penampungan dekat Oesapa"), "P2", "holding_house")


# --- P3 and P4 --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ada calo di desa yang tawarkan kerja di Malaysia",  # id
        "om satu bilang semua biaya ditanggung, kasi KTP sa",  # Kupang Malay
        "Someone on Facebook offers jobs abroad with a tourist visa",  # en
        "ejen tawarkan kerja tanpa permit, visa pelancong",  # ms
    ],
)
def test_p3_illegal_recruitment(text):
    assert_rule(score(text), "P3", "illegal_recruitment")


def test_p3_recruitment_category_and_recruiter_answer():
    assert_rule(score("ada tawaran", category="recruitment_fraud"), "P3", "illegal_recruitment")
    r = score("ada yang rekrut", recruiter="PT Sinar Jaya Abadi")
    assert_rule(r, "P3", "illegal_recruitment")
    answered = [x for x in r.reasons if x.source == "answer"]
    assert answered and answered[0].quote == "PT Sinar Jaya Abadi"


def test_unknown_recruiter_answer_is_not_a_recruiter():
    assert "illegal_recruitment" not in score("info saja", recruiter="sonde tau").codes


def test_p3_transit_point():
    r = score("Calo biasa kumpul orang di Pelabuhan Bolok sebelum ke Batam")
    assert_rule(r, "P3", "transit_point")
    assert {x.param("place") for x in r.reasons if x.code == "transit_point"} == {"bolok", "batam"}


def test_p3_job_offer_in_a_country_without_placement_agreement():
    assert_rule(score("ada lowongan kerja di Kamboja gaji besar"), "P3", "illegal_recruitment")


def test_p3_specific_details_without_signals():
    r = score("Tetangga saya di Waingapu mau kerja ke luar negeri, saya khawatir")
    assert r.priority == Priority.P3
    assert r.codes == ("specific_details",)
    assert "Waingapu" in r.reasons[0].detail


@pytest.mark.parametrize(
    "answers",
    [{"regency": "belu"}, {"relation": "family"}, {"people_count": 2}, {"evidence_count": 1}, {"has_location": True}],
)
def test_p3_specific_answers(answers):
    assert score("tolong dicek", **answers).priority == Priority.P3


@pytest.mark.parametrize(
    "text",
    [
        "Bagaimana cara lapor kalau ada perdagangan orang?",  # id
        "kaka, ini bot betul ko?",  # Kupang Malay
        "Just want to know if this bot is real",  # en
        "banyak orang kerja di luar negeri, kerajaan patut ambil tahu",  # ms
        "",
    ],
)
def test_p4_general_information(text):
    r = score(text)
    assert r.priority == Priority.P4
    assert r.codes in (("no_specifics",), ("general_request",))


def test_abroad_answer_alone_is_not_specific():
    assert score("ada info", regency="abroad").priority == Priority.P4


# --- Negation ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dia tidak dipukul",  # id
        "tidak ada yang dikurung",  # id
        "sonde ada yang pukul dia",  # Kupang Malay
        "dong sonde kunci dia",  # Kupang Malay
        "she is not locked in and nobody hit her",  # en
        "dia tak dikurung",  # ms
        "tidak dipukul, tidak dikurung, tidak diancam",
    ],
)
def test_negation_does_not_raise(text):
    r = score(text)
    assert r.priority == Priority.P4, r


def test_negation_stays_in_its_clause():
    r = score("Dia tidak dipukul, tapi dikurung di kamar")
    assert r.priority == Priority.P1
    assert "confinement_in_text" in r.codes and "violence_in_text" not in r.codes


def test_negated_departure_and_not_yet():
    assert "departure_today" not in score("tidak jadi berangkat besok").codes
    assert "departure_today" in score("dia belum berangkat, besok baru jalan").codes
    # A plea, not a denial.
    assert "departure_today" in score("tolong cegah supaya dia tidak dibawa besok").codes


def test_negated_documents_and_debt():
    assert "documents_held" not in score("paspor tidak ditahan, ada di dia sendiri").codes
    assert "documents_held" not in score("paspor saya simpan sendiri").codes
    assert "debt_bondage" not in score("dia tidak punya utang").codes


def test_past_violence_is_normal_priority():
    r = score("Tahun lalu dia dipukul majikan, sekarang masih kerja di Malaysia")
    assert r.priority == Priority.P3
    assert "past_violence_in_text" in r.codes
    # Over and done with: an old story, nothing to act on now.
    resolved = score("Tahun lalu dia dipukul majikan, sekarang sudah pulang ke Ende")
    assert resolved.priority == Priority.P4 and resolved.codes[0] == "resolved_past"
    # Over in one clause, going on in the next.
    assert score("Dulu dia dipukul, sekarang dia dikurung").priority == Priority.P1


# --- Result shape -----------------------------------------------------------------------------------------------


def test_reasons_most_urgent_first_and_capped():
    r = score("dia dipukul, dipukul lagi, dipukul terus, dipukul, ditampar. umur 15. calo", minors=True)
    ranks = {"violence_in_text": 1, "minor_involved": 2, "child_age_in_text": 2, "illegal_recruitment": 3}
    seen = [ranks[c] for c in r.codes]
    assert seen == sorted(seen)
    assert r.codes.count("violence_in_text") <= 3


def test_details_are_short_and_from_the_text():
    r = score("Nanti malam dong bawa " + "x " * 200 + "pi Batam")
    for reason in r.reasons:
        assert len(reason.detail) <= 80


def test_unknown_answer_values_are_ignored_not_trusted():
    r = score_tip(TipFacts(narrative="info", category="weird", departure="yesterday", regency="mars", relation="?"))
    assert r.priority == Priority.P4


def test_lang_does_not_switch_patterns_off():
    assert score("dia dipukul", lang="en").priority == Priority.P1
    assert score("she was beaten", lang="id").priority == Priority.P1


# --- Linked recruiters ------------------------------------------------------------------------------------------


def test_escalate_for_links():
    low = score("ada calo")
    assert low.priority == Priority.P3
    assert escalate_for_links(low, 2) == low
    up = escalate_for_links(low, 3)
    assert up.priority == Priority.P2
    assert (up.reasons[0].code, up.reasons[0].param("count")) == ("linked_recruiter", "3")
    again = escalate_for_links(up, 5)
    assert again.codes.count("linked_recruiter") == 1 and again.reasons[0].param("count") == "5"
    urgent = score("dia dipukul")
    kept = escalate_for_links(urgent, 4)
    assert kept.priority == Priority.P1
    assert kept.codes == ("violence_in_text", "linked_recruiter")


# --- Deadlines --------------------------------------------------------------------------------------------------


def test_deadline_p1_and_p2_are_clock_hours():
    t = datetime(2026, 12, 5, 23, 50, tzinfo=WITA)  # a Saturday night
    assert deadline(Priority.P1, t) == t + timedelta(minutes=30)
    assert deadline(Priority.P2, t) == t + timedelta(hours=24)


def test_deadline_p3_friday_afternoon_falls_due_wednesday():
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=WITA)
    assert friday.weekday() == 4
    due = deadline(Priority.P3, friday)
    assert due.weekday() == 2
    assert due == datetime(2026, 12, 9, 15, 0, tzinfo=WITA)


def test_deadline_p3_counts_working_days_in_wita_not_utc():
    # Friday 17:00 UTC is already Saturday 01:00 in WITA: three working days from Saturday is Wednesday.
    t = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    due = deadline(Priority.P3, t)
    assert due.astimezone(WITA) == datetime(2026, 12, 9, 1, 0, tzinfo=WITA)
    assert due.tzinfo == UTC


def test_deadline_p4_ten_working_days():
    monday = datetime(2026, 11, 30, 9, 0, tzinfo=WITA)
    assert deadline(Priority.P4, monday) == datetime(2026, 12, 14, 9, 0, tzinfo=WITA)
    assert deadline("P4", monday) == deadline(Priority.P4, monday)


def test_deadline_naive_is_utc_and_result_method():
    naive = datetime(2026, 12, 4, 7, 0)  # Friday 15:00 WITA
    due = deadline(Priority.P3, naive)
    assert due.tzinfo is None and due == datetime(2026, 12, 9, 7, 0)
    r = score("ada calo")
    assert r.deadline(naive) == due


def test_priority_order():
    assert Priority.P1 < Priority.P2 < Priority.P3 < Priority.P4
    assert min(Priority.P3, Priority.P1) == Priority.P1
    assert Priority.P1.label == "urgent" and Priority.P4.rank == 4


# --- Reading plain data -----------------------------------------------------------------------------------------


def test_tip_facts_from_mapping():
    facts = tip_facts_from_mapping(
        {"narrative": "x", "minors": True, "people_count": 2, "extra_texts": ["a", "b"], "regency": "tts"}
    )
    assert facts == TipFacts(narrative="x", minors=True, people_count=2, extra_texts=("a", "b"), regency="tts")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "narrative"),
        ({"narrative": 1}, "narrative"),
        ({"narrative": "x", "surprise": 1}, "surprise"),
        ({"narrative": "x", "people_count": "3"}, "people_count"),
        ({"narrative": "x", "people_count": True}, "people_count"),
        ({"narrative": "x", "people_count": -1}, "people_count"),
        ({"narrative": "x", "minors": "maybe"}, "minors"),
        ({"narrative": "x", "danger_now": "perhaps"}, "danger_now"),
        ({"narrative": "x", "category": "bad"}, "category"),
        ({"narrative": "x", "departure": 3}, "departure"),
        ({"narrative": "x", "regency": "atlantis"}, "regency"),
        ({"narrative": "x", "extra_texts": "one"}, "extra_texts"),
        ({"narrative": "x", "extra_texts": ["ok", 2]}, "extra_texts[1]"),
        ({"narrative": "x", "has_location": None}, "has_location"),
        ({"narrative": "x", "evidence_count": 1.5}, "evidence_count"),
    ],
)
def test_tip_facts_errors_name_the_field(data, field):
    with pytest.raises(TipFactsError) as err:
        tip_facts_from_mapping(data)
    assert err.value.field == field


def test_tip_facts_top_level_must_be_an_object():
    with pytest.raises(TipFactsError):
        tip_facts_from_mapping(["narrative"])  # type: ignore[arg-type]


def test_destination_and_transit_points_answered_count_like_the_same_words():
    from bot.services.triage.scoring import TipFacts, score_tip

    plain = score_tip(TipFacts(narrative="Saya mau tanya saja.", category="other"))
    chosen = score_tip(
        TipFacts(narrative="Saya mau tanya saja.", category="other", destination="KH", transit_points=("tenau",))
    )
    assert plain.priority.value == "P4"
    assert chosen.priority.value == "P3"
    assert ("transit_point", "tenau") in [(r.code, r.param("place")) for r in chosen.reasons]
    assert ("illegal_recruitment", "Cambodia") in [(r.code, r.param("country")) for r in chosen.reasons]
    # Named in the text too: one reason, the reporter's words.
    named = score_tip(TipFacts(narrative="Dia lewat Tenau.", transit_points=("tenau",)))
    assert [r.source for r in named.reasons if r.code == "transit_point"] == ["text"]


def test_destination_and_transit_points_read_from_json():
    import pytest

    from bot.services.triage.facts import TipFactsError, tip_facts_from_mapping

    facts = tip_facts_from_mapping({"narrative": "x", "destination": "ID-KR", "transit_points": ["el_tari", "batam"]})
    assert facts.destination == "ID-KR" and facts.transit_points == ("el_tari", "batam")
    with pytest.raises(TipFactsError, match="destination"):
        tip_facts_from_mapping({"narrative": "x", "destination": "Batam"})
    with pytest.raises(TipFactsError, match=r"transit_points\[0\]"):
        tip_facts_from_mapping({"narrative": "x", "transit_points": ["kupang"]})
