"""The language reporters use, rule by rule, in Indonesian (with Kupang Malay and SMS spelling), English, Malay and
Tetun. Sentences here are not in the evaluation set: they check that a rule reads the words, not one tip."""

from __future__ import annotations

import pytest

from bot.services.triage import Priority, TipFacts, TriageResult, score_tip
from bot.services.triage.facts import UNSURE


def score(narrative: str = "", **answers) -> TriageResult:
    return score_tip(TipFacts(narrative=narrative, **answers))


def codes(narrative: str, **answers) -> set[str]:
    return set(score(narrative, **answers).codes)


# --- Time words --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "besok subuh dong antar nona dong pi Bolok",  # kpg
        "sebentar malam om dong bawa ana2 pi pelabuhan",  # kpg: "sebentar malam" is tonight
        "nanti jam 9 malam mereka naik kapal ke Surabaya",  # id
        "malam ini tiga perempuan diberangkatkan lewat Motaain",  # id
        "they fly out tonight from El Tari",  # en
        "the ship leaves in about three hours with the workers",  # en
        "malam ni mereka akan dihantar ke Tawau",  # ms
        "esok pagi bot bertolak ke Nunukan",  # ms
        "ohin kalan sira sei sai husi Atapupu",  # tet
        "aban dadeer ajente sei lori sira ba Kupang",  # tet
    ],
)
def test_a_time_within_24_hours_next_to_moving_is_p1(text):
    r = score(text)
    assert r.priority == Priority.P1 and "departure_today" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "tadi malam dia berangkat ke Surabaya dengan calo, umurnya 25",  # id
        "barusan dong bawa beta pung kaka pi Tenau, dia su 30 taun",  # kpg
        "semalam abang saya bertolak ke Batam bersama ejen",  # ms: semalam is yesterday
        "my brother left last night with a broker for Batam",  # en
        "horikalan ha'u-nia maun sai ho ajente ba Surabaya",  # tet: last night
        "horiseik nia ba ona ho ajente ba Batam",  # tet: yesterday
    ],
)
def test_an_adult_who_just_left_is_on_the_way_p2(text):
    r = score(text)
    assert r.priority == Priority.P2 and "in_transit" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "lusa dong pi Kalimantan",  # kpg
        "hari Sabtu ini mereka dijemput ke Kupang",  # id
        "they leave next week for Malaysia",  # en
        "minggu depan dia ikut ejen ke Sabah",  # ms
        "semana oin sira sei ba Malázia",  # tet
    ],
)
def test_within_the_week_is_p2(text):
    r = score(text)
    assert r.priority == Priority.P2 and "departure_this_week" in r.codes, r


# --- Ages written every way ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "umur 16 dia dibawa calo ke Batam",
        "nona itu baru 16 thn su dibawa pi Kalimantan",
        "anaknya 15th sudah berangkat ke Malaysia",
        "usianya 14 tahun, dibawa agen ke Surabaya",
        "budak 15 tahun itu sudah dibawa ke Johor",
        "ha'u-nia alin tinan 16 ba ona ho ajente",
        "a 16-year-old girl was taken to Batam",
        "she is only 15 and she left with the agent",
        "my cousin (17) went to Sabah with a broker",
        "anak saya (15) sudah pergi dengan sponsor",
        "sixteen years old and already sent to Jakarta",
    ],
)
def test_a_child_who_left_is_p1_however_the_age_is_written(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "kontrak 2 tahun di Malaysia",
        "sudah 5 tahun kerja di sana",
        "nia servisu tinan 5 iha Malázia",
        "he worked there for 10 years",
        "umur 25 tahun, mau kerja di Batam",
        "she is 30 and works in Johor",
    ],
)
def test_durations_and_adult_ages_are_not_children(text):
    assert "child_age_in_text" not in codes(text)


def test_an_age_at_the_time_of_an_old_story_is_not_a_child_now():
    r = score("Waktu umur 15 saya dibawa calo ke Malaysia, sekarang sudah pulang dan berkeluarga")
    assert r.priority == Priority.P4 and "child_on_the_move" not in r.codes


# --- Force and abduction ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ada dua orang culik nona di jalan ke Baumata",  # id
        "dia dibawa paksa oleh orang tidak dikenal",  # id
        "dong tarik paksa dia masuk oto",  # kpg
        "dong ame paksa ana nona dari rumah",  # kpg
        "two men dragged her into a black van",  # en
        "my sister was kidnapped on her way home",  # en
        "seorang gadis diculik dan dilarikan dengan kereta",  # ms
        "ema na'in rua dada feto ida tama karreta",  # tet
        "sira rapta labarik ida iha eskola oin",  # tet
    ],
)
def test_taken_by_force_is_p1(text):
    r = score(text)
    assert r.priority == Priority.P1 and "taken_by_force" in r.codes, r


def test_force_long_ago_is_not_urgent():
    r = score("Tahun 2018 adik saya pernah diculik calo, sekarang masih kerja di Malaysia")
    assert "taken_by_force" not in r.codes and "past_taken_by_force" in r.codes
    assert r.priority == Priority.P3


# --- Negation and the past -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "dia tidak dipukul dan tidak dikurung",  # id
        "sonde ada yang pukul dia, sonde dikunci",  # kpg
        "nobody hit her and she is not locked in",  # en
        "dia tak dipukul, tak dikurung",  # ms
        "sira la baku nia no la xave nia",  # tet
    ],
)
def test_denied_harm_raises_nothing(text):
    assert score(text).priority not in (Priority.P1, Priority.P2), score(text)


@pytest.mark.parametrize(
    "text",
    [
        "dulu dia pernah dipukul majikan di Johor, sekarang sudah pulang ke Soe",  # id
        "dulu beta pung kaka dapa kurung di Malaysia ma su pulang deng selamat",  # kpg
        "she was locked in by her employer years ago but she is already back home",  # en
        "dulu dia dikurung majikan, tapi dia dah balik kampung",  # ms
        "uluk patraun baku nia, maibé nia fila ona ba uma",  # tet
    ],
)
def test_old_harm_that_is_over_is_p4(text):
    r = score(text)
    assert r.priority == Priority.P4 and r.codes[0] == "resolved_past", r


def test_an_old_story_naming_a_recruiter_who_can_be_found_is_p3():
    r = score("Dulu saya dikurung di Malaysia, sekarang sudah pulang. Calonya Om Markus dari Kefa masih rekrut orang.")
    assert r.priority == Priority.P3


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("suami saya bertolak semalam ke Surabaya dulu baru ke Batam", "dulu = first"),
        ("nia iha tusan ho ajente, tenke selu uluk mak bele fila", "uluk = first"),
        ("dia tak pernah dapat cuti di rumah majikan", "tak pernah = never"),
        ("gaji tidak dibayar sejak bulan lalu", "sejak = since"),
    ],
)
def test_words_that_look_like_the_past_but_are_not(text, meaning):
    r = score(text, regency="abroad")
    assert not any(c.startswith("past_") for c in r.codes), (meaning, r)
    assert r.priority <= Priority.P2, (meaning, r)


# --- Politeness against a cry for help ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "tolong kasi info cara urus paspor",
        "tolong pemerintah perhatikan nasib PMI di luar negeri",
        "tolong jelaskan syarat kerja di Korea",
        "please tell me how to report a recruiter",
        "tolong beri maklumat tentang agensi berlesen",
        "favór ida, fó informasaun kona-ba servisu iha rai li'ur",
    ],
)
def test_tolong_in_a_request_is_politeness(text):
    r = score(text)
    assert r.priority == Priority.P4 and "danger_in_text" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "tolong kami, kami di sini tidak bisa pulang",
        "tolong!! dong mau bawa beta pi mana sonde tau",
        "help me please, I don't know where I am",
        "tolong saya, saya takut",
        "ajuda ami! ami la hatene ami iha ne'ebé",
    ],
)
def test_a_cry_for_help_is_p1(text):
    r = score(text)
    assert r.priority == Priority.P1, r


# --- Requests and opinions with no case in them ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "bagaimana cara melapor calo yang kirim anak di bawah umur?",  # id: a question naming a child and a broker
        "menurut saya banyak TKW dipukul dan dikurung majikan, pemerintah harus bertindak",  # id: an opinion
        "beta mau jadi relawan di gugus tugas, bisa ko?",  # kpg
        "the government should arrest every trafficker who sells children",  # en
        "I would like to volunteer to help survivors",  # en
        "saya nak tanya macam mana nak lapor ejen haram",  # ms
        "kerajaan patut tangkap sindiket yang jual budak bawah umur",  # ms
        "governu tenke kaer ajente sira ne'ebé fa'an ema",  # tet
        "ha'u hakarak hatene oinsá atu ba servisu iha rai li'ur ho legál",  # tet
    ],
)
def test_requests_and_opinions_are_p4(text):
    r = score(text)
    assert r.priority == Priority.P4 and r.codes == ("general_request",), r


def test_a_question_about_a_real_case_is_the_case():
    r = score("Adik saya dikurung majikan di Johor, harus lapor ke mana?")
    assert r.priority == Priority.P1


def test_an_answer_that_points_at_a_case_overrides_the_framing():
    assert score("bagaimana ini?", danger_now=True).priority == Priority.P1
    assert score("apa yang harus saya lakukan?", departure="today").priority == Priority.P1


# --- "Not sure" ----------------------------------------------------------------------------------------------------


def test_not_sure_is_a_signal_not_a_no():
    moving = score("dia mau dibawa ke Malaysia", danger_now=UNSURE, departure="this_week")
    assert moving.priority == Priority.P1 and "danger_unsure" in moving.codes
    still = score("ada calo di desa", danger_now=UNSURE)
    assert still.priority == Priority.P3 and "danger_unsure" in still.codes  # shown, not a raise
    no = score("dia mau dibawa ke Malaysia", danger_now=False, departure="this_week")
    assert no.priority == Priority.P2


def test_the_headline_case_is_p1_in_every_language():
    answers = {"danger_now": UNSURE, "departure": "already_left", "minors": True, "category": "child"}
    stories = {
        "id": "Tadi malam anak tetangga saya, umur 16, dibawa sponsor ke Batam",
        "en": "Last night my neighbour's 16-year-old daughter was taken by a sponsor to Batam",
        "ms": "Malam semalam anak jiran saya berumur 16 tahun dibawa sponsor ke Batam",
        "tet": "Horikalan sponsor ida lori ha'u-nia viziñu nia oan-feto tinan 16 ba Batam",
    }
    for lang, story in stories.items():
        r = score(story, lang=lang, **answers)
        assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, (lang, r)
        # The story alone, without the answers, says the same.
        assert score(story, lang=lang).priority == Priority.P1, lang


@pytest.mark.parametrize(
    "text",
    [
        "anak tetangga umur 14 dinikahkan paksa dengan pria dari luar pulau",  # a child married off by force
        "anak umur 15 dijual ke om2 di Batam",  # a child sold
        "adik saya sakit parah di mess tapi tidak dibawa ke dokter",  # ill with no care
        "my sister is very sick and they are not allowed to see a doctor",
        "budak itu 13 tahun dan dipaksa kahwin... dinikahkan paksa minggu ini",
    ],
)
def test_other_urgent_situations(text):
    assert score(text).priority == Priority.P1, score(text)


def test_an_illness_that_is_over_is_not_urgent():
    assert score("saya sakit parah minggu lalu tapi sekarang sudah sembuh").priority == Priority.P4


# --- Word families from the first blind set (new sentences, not its tips) -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "horiseik ema na'in tolu obriga ha'u-nia alin sae kamioneta ida iha merkadu",  # tet: forced to board
        "foin daudaun sira forsa labarik-feto ida tama karreta mean",  # tet: forced into a car
        "ohin dadeer mane ida obriga nia tuir sira ba tasi ibun",  # tet: forced to follow them
        "they forced her to get into a white van outside the market an hour ago",  # en
        "barusan dong paksa nona naik oto pick up",  # kpg
    ],
)
def test_forced_to_board_or_follow_is_taken_by_force(text):
    r = score(text)
    assert r.priority == Priority.P1 and "taken_by_force" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "tadi malam di belakang rumah ada nona teriak minta tolong, dorang angkat dia ke mobil",  # id
        "ada perempuan menjerit minta tolong dalam lori tu tadi",  # ms
        "I heard a girl screaming for help from the back of the truck",  # en
        "iha uma ne'ebá feto ida hakilar husu tulun",  # tet
    ],
)
def test_someone_heard_crying_for_help_is_danger(text):
    r = score(text)
    assert r.priority == Priority.P1 and "danger_in_text" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "tolong la kerajaan buat sesuatu pasal ejen haram yang tipu orang kampung",  # ms: a plea, "tolong la"
        "mohon pemerintah provinsi perhatikan nasib TKI kita di luar negeri",  # id
        "kami minta kepada pemerintah supaya calo ilegal ditangkap semua",  # id
        "please government do something about these illegal agents",  # en
        "ami husu ba governu atu kaer ajente ilegál sira",  # tet
        "ajuda ita nia feto sira, governu tenke halo buat ruma",  # tet: "ajuda ita nia" is "help our"
        "tolong kami rakyat kecil, buka lapangan kerja di NTT",  # id: a plea for a whole group
        "kerajaan kena ambil tindakan tegas, kesian budak-budak kampung",  # ms: "kena" is "must"
    ],
)
def test_pleas_to_the_government_are_p4(text):
    r = score(text)
    assert r.priority == Priority.P4 and "danger_in_text" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "pekerja kat kilang tu takde permit tapi saya tak nampak kena pukul, diorang boleh balik",  # ms
        "sonde liat ada yang pukul dong, cuma gaji kecil",  # kpg
        "I saw no sign of abuse at the farm",  # en
        "ha'u la haree ema baku sira",  # tet
    ],
)
def test_harm_nobody_saw_is_not_claimed(text):
    r = score(text)
    assert "violence_in_text" not in r.codes and r.priority != Priority.P1, r


@pytest.mark.parametrize(
    "text",
    [
        "setiap malam ada bot turunkan orang kat pangkalan Sandakan, saya rasa pendatang haram",  # ms
        "sy rasa dorang calo, tiap minggu ada oto bawa nona2 dari Soe pi Tenau",  # kpg
        "I think they are smugglers, every night a boat lands people at the Nunukan jetty",  # en
    ],
)
def test_a_guess_in_a_report_of_what_someone_sees_is_still_a_report(text):
    r = score(text)
    assert "general_request" not in r.codes and r.priority == Priority.P3, r


@pytest.mark.parametrize(
    "text",
    [
        "saya rasa ejen-ejen ni semua penipu",  # ms
        "menurut saya calo itu jahat semua",  # id
        "I think the recruiters are the real problem",  # en
    ],
)
def test_an_opinion_alone_is_still_p4(text):
    assert score(text).priority == Priority.P4


@pytest.mark.parametrize(
    "text",
    [
        "ada rumah kat Kota Kinabalu tempat tekong simpan orang yang baru sampai, sekarang ada 20 orang",  # ms
        "di mess itu ada 12 nona tunggu paspor baru mau dikirim ke Malaysia",  # id
        "there is a house in Batam where the agent puts new workers until their papers are ready",  # en
        "iha uma ida iha Atambua ajente rai feto sira hein pasaporte",  # tet
    ],
)
def test_a_place_where_agents_keep_people_is_a_holding_house(text):
    r = score(text)
    assert r.priority == Priority.P2 and "holding_house" in r.codes, r


@pytest.mark.parametrize(
    "text,answers",
    [
        ("om dia mau bawa anak umur 15 ke Malaysia tahun depan", {"regency": "abroad", "minors": True}),
        ("tekong nak bawa budak 14 tahun tu ke Sabah bulan depan", {"regency": "abroad"}),
        ("ajente atu lori labarik tinan 16 ba Malaysia tinan oin", {"regency": "abroad", "departure": "later"}),
    ],
)
def test_a_child_leaving_months_from_now_is_p2_even_answered_abroad(text, answers):
    r = score(text, **answers)
    assert r.priority == Priority.P2, r


@pytest.mark.parametrize(
    "text",
    [
        "budak tu baru tingkatan dua, ejen bawa dia ke Johor semalam",  # ms: budak is a child
        "labarik tinan sanulu resin lima lakon horiseik ho ajente",  # tet: an age in words
    ],
)
def test_malay_and_tetun_child_words_make_a_child_on_the_move(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


def test_budak_as_slave_is_not_a_child():
    r = score("dia diperlakukan seperti budak oleh majikan di Kuala Lumpur, gaji tak dibayar")
    assert "child_age_in_text" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "dia tidak bisa pulang ke Indonesia karena paspornya ditahan majikan di Johor",  # id
        "adik saya tak boleh balik sebab takde duit tiket, ejen simpan pasport dia",  # ms
        "she cannot go home because the agency in Kuala Lumpur took her passport",  # en
    ],
)
def test_unable_to_go_home_for_want_of_papers_is_documents_held_not_confinement(text):
    r = score(text)
    assert r.priority == Priority.P2 and "confinement_in_text" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "anak saya umur 16 ikut bas ke Kota Kinabalu bulan lepas, sampai sekarang tak balik",  # ms
        "ade nona umur 15 pi deng satu om dari kampung sebelah, sampe skarang sonde pulang",  # kpg
        "my 14-year-old niece went off with a man from the next village and still hasn't come home",  # en
        "ha'u-nia oan tinan 16 sai ho mane ida, to'o agora la fila",  # tet
    ],
)
def test_a_child_gone_with_someone_and_not_back_has_left(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "anak tetangga umur 15 sudah seminggu tinggal di rumah calo di Oesapa, katanya tunggu paspor",  # id
        "labarik tinan 14 hela iha uma ajente nian iha Atambua hein atu ba Malázia",  # tet
    ],
)
def test_a_child_kept_in_a_holding_house_has_left_home(text):
    r = score(text)
    assert r.priority == Priority.P1 and "holding_house" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "abang saya kena tangkap kat Johor tahun 2019 dan dihantar balik, sekarang dia ok je kat kampung",  # ms
        "my cousin was deported from Malaysia in 2020 and works in Kupang now",  # en
        "kaka beta balik dari Malaysia tahun lalu, dulu dong pukul dia tapi sekarang su sehat",  # kpg
    ],
)
def test_sent_home_or_back_from_abroad_and_well_is_resolved(text):
    assert score(text).priority == Priority.P4


@pytest.mark.parametrize(
    "text",
    [
        "pemerintah kok diam saja, banyak TKI kita pulang dalam peti mati",  # id
        "kerajaan buat tak tahu je pasal pekerja asing kena tipu",  # ms
        "the government does nothing while agents cheat our people",  # en
        "governu nonok deit, ita-nia joven sira ba rai liur la ho dokumentu",  # tet
    ],
)
def test_complaints_about_the_government_are_p4(text):
    assert score(text).priority == Priority.P4


@pytest.mark.parametrize(
    "text",
    [
        "ejen tu kutip IC orang kampung, kata nak buat permit kerja kat Malaysia",  # ms
        "calo itu kumpul KTP warga desa, janji kerja di Kalimantan",  # id
    ],
)
def test_identity_cards_collected_from_people_are_recruitment_not_documents_held(text):
    r = score(text)
    assert r.priority == Priority.P3 and "documents_held" not in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "dulu tahun 2005 bapa saya kerja di Sabah dan pernah disiksa mandor, sekarang bapa sudah meninggal",  # id
        "uluk tinan 1999 patraun baku ha'u-nia tiu iha Malázia, agora nia mate ona",  # tet
    ],
)
def test_an_old_story_of_someone_long_dead_is_over(text):
    assert score(text).priority == Priority.P4


def test_a_phone_that_is_dead_is_not_a_story_that_is_over():
    r = score("ha'u-nia alin-feto tinan 14 sai ho mane ida horiseik, agora nia telefone mate")
    assert r.priority == Priority.P1, r


@pytest.mark.parametrize(
    "text",
    [
        "majikan kunci pintu bilik setiap kali dia keluar, kami tak boleh buat apa",  # ms
        "the supervisor locks the gate of the dorm from outside at night",  # en
        "patraun xave odamatan husi li'ur kalan-kalan",  # tet
    ],
)
def test_someone_else_locking_the_door_on_them_is_confinement(text):
    r = score(text)
    assert r.priority == Priority.P1 and "confinement_in_text" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "ade nona umur 16 su seminggu di rumah satu ibu di Kefa yang janji kerja di Bali",  # kpg
        "my niece, 15, has been at the recruiter's house in Kupang for four days",  # en
    ],
)
def test_a_child_who_has_stayed_days_at_someone_elses_place_has_left_home(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


@pytest.mark.parametrize(
    "text,expected",
    [
        ("saya dengar cerita, ada kapal bawa budak-budak dari Flores ke Tawau", Priority.P3),  # children in general
        ("ejen tu nak bawa budak-budak dari kampung kami ke Johor bulan depan", Priority.P2),  # a particular group
        ("bagaimana cara lapor calo? di kampung kami banyak", Priority.P4),  # "our village" in a question
    ],
)
def test_children_in_general_against_children_of_a_particular_place(text, expected):
    assert score(text).priority == expected


@pytest.mark.parametrize(
    "text",
    [
        "three girls about 14-15 were brought to the guesthouse last night",  # en
        "ada budak lelaki dalam 13 tahun dibawa ke Tawau semalam",  # ms
        "3 ana nona SMP pi deng satu ibu ke Atambua kemarin",  # kpg
    ],
)
def test_ages_given_roughly_and_school_levels_are_children(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


def test_a_rescue_told_after_it_happened_is_not_a_cry():
    r = score("alhamdulillah, polis selamatkan dia semalam dan dia dah selamat di rumah")
    assert "danger_in_text" not in [c for c in r.codes], r


@pytest.mark.parametrize(
    "text",
    [
        "sonde ada yang pukul ato kunci dong, cuma gaji dipotong untuk bayar utang di Pontianak",  # kpg
        "tak pernah kena pukul atau kurung, cuma kerja lama",  # ms
        "nobody hit or locked them up, they just work long hours in Johor",  # en
    ],
)
def test_a_negation_reaches_across_or(text):
    r = score(text)
    assert not {"violence_in_text", "confinement_in_text"} & set(r.codes), r


@pytest.mark.parametrize(
    "text",
    [
        "td subuh ada oto bawa 12 org dr Soe ke Tenau",  # SMS spelling of "tadi subuh"
        "tadi petang dorang brangkat ke pelabuhan Bolok",  # kpg
    ],
)
def test_sms_and_kupang_time_words_of_the_last_day(text):
    r = score(text)
    assert r.priority == Priority.P2 and "in_transit" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "kerja dari jam 5 pagi sampai jam 11 malam di rumah makan di Ende",  # id
        "she works from 6am till midnight every day at a shop in Kupang",  # en
    ],
)
def test_long_hours_with_the_hour_written_out(text):
    r = score(text)
    assert r.priority == Priority.P2 and "exploitation_now" in r.codes, r


def test_ordinary_working_hours_are_not_exploitation():
    assert "exploitation_now" not in score("dia kerja dari jam 8 pagi sampai jam 4 sore di toko").codes


@pytest.mark.parametrize(
    "text",
    [
        "jiran saya sorok 4 orang perempuan dalam rumah, tak pernah nampak diorang keluar",  # ms
        "the couple next door keeps two young women inside the house, I never see them go out",  # en
    ],
)
def test_people_kept_inside_and_never_seen_out_is_confinement(text):
    r = score(text)
    assert r.priority == Priority.P1 and "confinement_in_text" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "PT Sumber Rejeki menampung 30 calon PMI di BLK mereka di Kupang sebelum berangkat",  # id
        "the agency is keeping about 20 girls in its dormitory in Atambua",  # en
    ],
)
def test_an_agency_keeping_recruits_in_its_training_centre_is_a_holding_house(text):
    r = score(text)
    assert "holding_house" in r.codes and r.priority <= Priority.P2, r


@pytest.mark.parametrize(
    "text",
    [
        "Why doesn't the government stop these agents?",  # en
        "kenapa polis tak tangkap tekong-tekong ni",  # ms
    ],
)
def test_why_does_the_government_not_act_is_a_complaint(text):
    assert score(text).priority == Priority.P4


@pytest.mark.parametrize(
    "text,expected",
    [
        ("ema dehan feto barak hetan baku iha Malázia", Priority.P4),  # heard, people in general
        ("I heard girls are abused on the plantations in Sabah", Priority.P3),  # heard, a transit region
        ("ema dehan iha uma ida iha Kefamenanu ajente rai feto sira hein pasaporte", Priority.P2),  # a town in NTT
    ],
)
def test_hearsay_about_people_in_general_against_hearsay_about_a_place(text, expected):
    assert score(text).priority == expected


@pytest.mark.parametrize(
    "text",
    [
        "anak saya umur 15 kabur dari rumah majikan di Kupang tadi pagi",  # id
        "a 14-year-old girl escaped from her employer and is at the police post",  # en
    ],
)
def test_a_child_who_ran_away_from_an_employer_has_left_home(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


def test_living_at_the_employers_house_is_not_home():
    r = score("adik saya dipukul majikan minggu ini, skrg masih tinggal di rumah majikan itu")
    assert r.priority == Priority.P1, r


@pytest.mark.parametrize(
    "text",
    [
        "pukul 4 pagi tadi perahu yang bawa 15 orang ke Malaysia terbalik dekat Sebatik, 6 orang belum ditemukan",  # id
        "the boat carrying workers capsized off Tawau last night and three are still not found",  # en
    ],
)
def test_a_boat_that_sank_with_people_missing_is_danger_now(text):
    r = score(text)
    assert r.priority == Priority.P1 and "danger_in_text" in r.codes, r


def test_a_shipwreck_long_ago_is_not_danger_now():
    r = score("tahun 2015 kapal yang bawa paman saya tenggelam, dia selamat dan sudah pulang")
    assert r.priority != Priority.P1, r


@pytest.mark.parametrize(
    "text",
    [
        "dua nona umur 13 dan 14 tinggal di rumah majikan di Kupang jadi pembantu, tidak sekolah",  # id
        "labarik-mane tinan 15 servisu iha uma patraun nian iha Kefamenanu",  # tet
        "a 15-year-old girl works as a live-in maid in Kupang",  # en
    ],
)
def test_a_child_living_at_an_employers_house_is_away_from_home(text):
    r = score(text)
    assert r.priority == Priority.P1 and "child_on_the_move" in r.codes, r


@pytest.mark.parametrize(
    "text",
    [
        "Boleh saya lapor tanpa nama? Saya takut calo tahu.",  # ms/id: the question comes first
        "bisa sy lapor lewat sini? ada calo di kampung",  # kpg
    ],
)
def test_a_question_anywhere_in_the_text_frames_it(text):
    assert score(text).priority == Priority.P4


def test_got_back_and_okay_now_is_over():
    assert score("my mother got back from Malaysia in 2016, the agent cheated her but she's okay now").priority == (
        Priority.P4
    )


@pytest.mark.parametrize(
    "text",
    [
        "a man keeps waiting outside the junior high school in Kefa offering girls jobs in Bali",  # en
        "ada om yang tunggu anak2 kls 2 SMP pulang sekolah, tawari kerja di Jakarta",  # id
    ],
)
def test_schoolchildren_approached_by_a_recruiter_are_children(text):
    r = score(text)
    assert r.priority == Priority.P2 and "child_age_in_text" in r.codes, r
