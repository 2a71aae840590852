"""The P1/P2 boundary and the traps that raise a tip to P1 by mistake, word family by word family, in Indonesian
(with Kupang Malay and SMS spelling), English, Malay and Tetun: old stories that are over against the answers,
denials over several words and lists, grown-ups against children, times more than a day away, days that recur,
pleas and opinions, Tetun words of force and of "now". Sentences here are in no evaluation set: they check that a
rule reads a family of words, not one tip (docs/triage.md)."""

from __future__ import annotations

import pytest

from bot.services.triage import Priority, TipFacts, TriageResult, score_tip
from bot.services.triage.facts import UNSURE
from bot.services.triage.lexicon import optional_apostrophes, rx, wordset

CHILD_GONE = {"minors": True, "category": "child", "departure": "already_left"}


def score(narrative: str = "", **answers) -> TriageResult:
    return score_tip(TipFacts(narrative=narrative, **answers))


# --- An old story that is over outweighs answers about a child gone ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tahun 2015 kakak saya umur 16 dibawa calo ke Batam, tapi sudah dipulangkan dinas tahun 2016.",  # id
        "Dolo taun 2014 beta pung ade umur 15 dong bawa pi Surabaya, ma su pulang deng selamat taun 2015.",  # kpg
        "In 2016 my cousin, 15 then, was taken to Medan by an agent; police brought her home in 2017.",  # en
        "Tahun 2017 adik saya 16 tahun dibawa ejen ke Sandakan, dah dihantar balik tahun 2018.",  # ms
        "Uluk tinan 2016 ema lori ha'u nia oan tinan 15 ba Surabaya, maibé nia fila ona tinan 2017.",  # tet
        "uluk tinan 2016 ema lori hau nia oan tinan 15 ba Surabaya, maibe nia fila ona tinan 2017.",  # tet, no '
    ],
)
def test_a_story_long_ago_and_over_outweighs_answers_of_a_child_gone(text):
    r = score(text, **CHILD_GONE)
    assert r.priority == Priority.P4 and r.codes[0] == "resolved_past", r


@pytest.mark.parametrize(
    "text",
    [
        # Over, but not long ago: the answers still say a child is gone.
        "Anak saya 15 thn dibawa calo ke Kupang, sekarang sudah pulang.",
        # Long ago, but not over.
        "Tahun 2019 anak saya 15 thn dibawa calo ke Malaysia dan belum pulang sampai sekarang.",
    ],
)
def test_a_child_answered_as_gone_stays_p1_unless_the_story_is_long_ago_and_over(text):
    assert score(text, **CHILD_GONE).priority == Priority.P1


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("Kawan saya dah sampai Kuching bulan lepas guna pas lawatan, dia ok je.", {"departure": "already_left"}),
        ("beta pung om su pi Malaysia lewat jalan tikus, dia bae2 sa di sana", {"regency": "abroad"}),
        ("My brother went to Sabah on a tourist visa last month, he's fine now.", {"departure": "already_left"}),
    ],
)
def test_well_now_but_still_away_is_not_over(text, answers):
    r = score(text, **answers)
    assert r.priority == Priority.P3 and "resolved_past" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "Dulu 2017 saya kerja di Malaysia lewat calo, paspor ditahan. Sekarang saya kerja di Atambua.",
        "Lima tahun lepas ejen tipu saya. Sekarang saya tinggal kat Kupang dengan keluarga.",
    ],
)
def test_the_reporter_living_or_working_in_ntt_now_closes_an_old_story(text):
    assert score(text).priority == Priority.P4


def test_a_child_working_in_ntt_now_is_not_a_story_that_is_over():
    r = score("anak tetangga umur 15 sekarang kerja di Kupang di rumah makan")
    assert r.priority <= Priority.P2 and "resolved_past" not in r.codes


@pytest.mark.parametrize(
    "text",
    [
        "Adik saya kerja di Malaysia dengan permit yang sah, majikan baik.",
        "My daughter went to Surabaya with a registered agency and works in a factory.",
        "Ha'u nia oan servisu iha Koreia ho kontratu legál.",
    ],
)
def test_a_legal_placement_is_no_case(text):
    r = score(text)
    assert r.priority == Priority.P4 and "illegal_recruitment" not in r.codes, r


def test_a_legal_placement_does_not_put_harm_in_the_same_sentence_in_the_past():
    r = score("dia kerja lewat PT resmi tapi dipukul majikan setiap hari")
    assert r.priority == Priority.P1 and "violence_in_text" in r.codes


# --- Denials over several words and over lists --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dia tidak dipukul, dikurung atau diancam, cuma paspor ditahan majikan.",  # id: a list
        "sonde ada orang yang pukul dia, cuma paspor dong tahan",  # kpg: "orang" between
        "tak ada siapa pun kurung dia, cuma ejen simpan pasport dia",  # ms
        "She was not beaten, locked up or threatened, but the agent keeps her passport.",  # en: items of two words
        "Nobody hit her, locked her in or threatened her, but they hold her passport.",
        "la iha ema ida baku nia, maibé ajente rai nia pasaporte",  # tet: "ema ida" between
        "sira la baku no la xave ami, maibé patraun rai ami nia pasaporte",
    ],
)
def test_harm_denied_over_several_words_or_a_list_is_not_raised(text):
    r = score(text)
    assert r.priority == Priority.P2 and "documents_held" in r.codes, r


def test_a_denial_does_not_reach_past_but():
    assert score("Dia tidak dipukul, tapi dikurung di kamar sejak kemarin").priority == Priority.P1


def test_a_refusal_and_a_going_home_in_two_clauses_are_not_confinement():
    r = score("Paspor ditahan majikan di Johor, cuti tdk dikasih dan mau pulang tdk boleh")
    assert "confinement_in_text" not in r.codes


# --- Grown-ups and children ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "budak umur 19 tahun tu dah pergi Sabah semalam ikut ejen",  # ms: "budak" with an adult age
        "remaja 20 thn dari Kefa sudah berangkat ke Batam kemarin",
        "a 19-year-old teenager left for Malaysia last night with an agent",
    ],
)
def test_an_adult_age_next_to_a_child_word_is_a_grown_up(text):
    # A grown-up who left in the last day is on the way (P2); a child would be P1.
    r = score(text)
    assert r.priority == Priority.P2 and not {"child_on_the_move", "child_age_in_text"} & set(r.codes), r


@pytest.mark.parametrize(
    "text",
    [
        "anak2 perempuan pake seragam SMP diantar ke karaoke tiap malam",
        "girls in school uniforms serve customers at the karaoke bar",
    ],
)
def test_school_uniforms_are_children(text):
    assert score(text).priority == Priority.P1


# --- Time: more than a day away, recurring, or dating the message --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Sepupu saya umur 17 tahun nak ke Johor bulan depan ikut pakcik, kerja kedai makan kat sana.",  # ms
        "adik sy 16 thn mo pi Kalimantan 2 minggu lagi, kerja di rumah makan di Samarinda",  # kpg
        "My niece (16) will go to Jakarta after Christmas to work as a nanny in Kelapa Gading.",  # en
        "Ha'u nia alin tinan 16 sei ba Dili fulan oin atu servisu iha restorante.",  # tet
    ],
)
def test_a_child_who_leaves_weeks_or_months_from_now_is_p2(text):
    r = score(text)
    assert r.priority == Priority.P2 and "child_on_the_move" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "tiap hari Sabtu ada mobil jemput anak muda di terminal Kefa bawa ke Kupang",
        "every Saturday a van takes young men from Atambua to the port",
        "kada sábadu karreta ida lori mane joven sira husi Suai ba Atambua",
    ],
)
def test_a_day_that_recurs_is_a_pattern_not_a_departure(text):
    r = score(text)
    assert r.priority == Priority.P3 and "departure_this_week" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "today is monday, my brother (25) leaves for Malaysia on friday with an agent",
        "hari ini hari Senin, kakak saya (30) berangkat ke Batam hari Jumat",
    ],
)
def test_today_naming_the_day_is_not_a_departure_today(text):
    r = score(text)
    assert r.priority == Priority.P2 and "departure_today" not in r.codes, r


def test_last_month_in_kupang_malay_is_not_yesterday():
    r = score("beta pung om umur 40 su pi Malaysia bulan kemarin iko calo")
    assert r.priority == Priority.P3 and "in_transit" not in r.codes


# --- Tetun force and "now" -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Agora daudaun mane na'in rua obriga feto na'in tolu sa'e bis iha terminal",
        "oras nee mane ida obriga feto rua sae bis ba Atambua",  # no apostrophes
        "Ema ida dada labarik feto ida nia liman no lori nia ba karreta",
        "mane sira kaer metin feto ida nia liman iha merkadu",
        "ada laki2 tarik tangan nona itu paksa naik oto di depan pasar",  # kpg
        "they pulled her by the arm into the van outside the church",  # en
    ],
)
def test_forced_or_pulled_away_now_is_p1(text):
    r = score(text)
    assert r.priority == Priority.P1 and "taken_by_force" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "Mane ida baku feto ida iha uma ajente nian",
        "patraun taka feto na'in rua iha kuartu laran",
    ],
)
def test_tetun_beating_and_shutting_in(text):
    assert score(text).priority == Priority.P1


# --- Pleas and opinions -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tolong bantu kami rakyat kecil, banyak anak muda pergi ke Malaysia tanpa dokumen",
        "please help our people, too many young women go to Malaysia illegally and get abused",
        "Menurut saya calo2 di kampung harus ditangkap semua, mereka jual anak orang",
        "beta rasa polisi di sini sonde serius urus calo, itu sa beta pung pendapat",
        "Somebody should investigate the agents in Kupang, everyone knows they send girls abroad.",
        "Ha'u nia opiniaun: eskola sira tenke hanorin labarik sira kona-ba tráfiku.",
    ],
)
def test_pleas_for_a_group_and_opinions_are_p4(text):
    assert score(text).priority == Priority.P4


@pytest.mark.parametrize(
    "text",
    [
        "how do I know if an agent has a licence?",
        "oinsá atu hatene ajente ida iha lisensa ka lae? Ha'u nia oan hakarak ba Koreia tinan oin.",
    ],
)
def test_an_agent_asked_about_is_the_question_not_a_recruiter(text):
    r = score(text)
    assert r.priority == Priority.P4 and "illegal_recruitment" not in r.codes, r


def test_a_plea_for_one_person_is_still_a_cry():
    assert score("tolong bantu adik saya, dia dikunci majikan di kamar").priority == Priority.P1


# --- Typing without apostrophes -----------------------------------------------------------------------------------


def test_apostrophes_may_be_left_out_of_every_pattern():
    assert optional_apostrophes(r"ha'u|[\w']+|ne'?e") == r"ha'?u|[\w']+|ne'?e"
    assert rx(r"\b(?:ha'u)\b").fullmatch("hau") and rx(r"\b(?:ha'u)\b").fullmatch("ha'u")
    assert {"ha'u", "hau", "don't", "dont"} <= wordset("ha'u don't")


def test_not_sure_while_someone_leaves_in_a_day_or_two_is_p1_in_tetun():
    r = score("Ha'u nia alin mane tinan 20 sei sai husi Motaain aban-bainrua ho ema ida", danger_now=UNSURE)
    assert r.priority == Priority.P1
