"""The report as people really answer it, through the emulator, in Indonesian and Tetun (and Kupang Malay, Malay,
English where the words differ): typed answers understood or asked again, never stored as another answer; a wish
to report opens the report; a pause is noticed; "not sure" gets the emergency numbers; the language holds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.tips import ANSWERS_CONTEXT
from db.models.tips import Tip
from tests.e2e.intake_steps import case_and_receipt, open_report, skip_to_story

# What one person types at every question, in their language, and what each must be stored as.
TYPED = {
    "id": [
        "sonde",  # danger: Kupang Malay "no"
        "ditawari kerja palsu ke Malaysia",  # what happened, in own words
        "Soe",  # where
        "minggu ini",  # when
        "Malaysia",  # where to
        "tiga orang",  # how many
        "tidak",  # under 18
        "Om Yos 0812 3456 7890",  # recruiter
        "lewat Tenau",  # route
        "tetangga",  # how you know
        "Dong janji kerja di kebun sawit, gaji 5 juta. Berangkat minggu ini.",  # story
        "selesai",  # finishes the story
        "kirim",  # sends it, anonymously
    ],
    "tet": [
        "lae",
        "servisu bosok iha Malázia",
        "Atambua",
        "aban",
        "Malázia",
        "rua",
        "lae",
        "Senhor Joao 0812 3456 7890",
        "liu Tenau",
        "viziñu",
        "Sira promete servisu iha to'os, saláriu rihun atus lima. Sira sei sai aban.",
        "remata",
        "haruka",
    ],
    "en": [
        "no",
        "fake job offer in Malaysia",
        "Soe",
        "this week",
        "Malaysia",
        "three",
        "no",
        "Mr Yos 0812 3456 7890",
        "via Tenau",
        "neighbour",
        "They promised work on a plantation, 5 million a month. They leave this week.",
        "done",
        "send",
    ],
    "ms": [
        "tidak",
        "tawaran kerja palsu ke Malaysia",
        "Atambua",
        "minggu ini",
        "Malaysia",
        "tiga orang",
        "tak",
        "Encik Yos 0812 3456 7890",
        "melalui Tenau",
        "jiran",
        "Mereka janji kerja di ladang, gaji 5 juta sebulan. Bertolak minggu ini.",
        "dah siap",
        "hantar",
    ],
}
REGENCY = {"id": "tts", "tet": "belu", "en": "tts", "ms": "belu"}
DEPARTURE = {"id": "this_week", "tet": "this_week", "en": "this_week", "ms": "this_week"}


async def the_tip(harness) -> tuple[Tip, dict]:
    async with harness.app.session_factory() as session:
        tip = (await session.scalars(select(Tip))).one()
    return tip, harness.app.cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)


@pytest.mark.parametrize("lang", ["id", "tet", "en", "ms"])
async def test_typed_answers_are_understood_at_every_question(harness, lang):
    ana = harness.user(620001, "Ana", language_code=lang)
    await open_report(ana)
    replies = [await ana.say(text) for text in TYPED[lang]]
    review = replies[-2]
    assert not any("🤔" in r.text for r in replies), [r.text for r in replies if "🤔" in r.text]
    case_and_receipt(replies[-1])
    tip, answers = await the_tip(harness)
    assert (tip.category, tip.regency, tip.departure, tip.destination) == (
        "recruitment_fraud",
        REGENCY[lang],
        DEPARTURE[lang],
        "MY",
    )
    assert (tip.people, tip.minors, answers["danger_now"], answers["relation"]) == ("2-5", "no", "no", "neighbour")
    assert tip.transit_points == ["tenau"]
    # Stored once, each in its place: no typed answer repeated as a note, "selesai" is not part of the story.
    assert answers["notes"] == {} and answers["relation_text"] is None
    assert answers["story"] == TYPED[lang][10]
    # The review shows each button answer once, by its label: no typed word repeated beside it.
    for typed in (TYPED[lang][i] for i in (0, 3, 4, 5, 6, 9)):
        assert f"; {typed}" not in review.text, typed


@pytest.mark.parametrize(
    ("lang", "typed", "label"),
    [("id", "halo?", "Satu orang"), ("tet", "ita di'ak?", "Ema ida")],
)
async def test_what_is_not_understood_is_asked_again_with_the_buttons_and_stored_nowhere(harness, lang, typed, label):
    ana = harness.user(620002, "Ana", language_code=lang)
    await open_report(ana)
    await ana.press(2)  # nobody in danger
    await ana.press(1)  # fake job offer
    await ana.say("Kupang")
    await ana.press(5)  # when: I don't know
    await ana.press(1)  # where to: Batam
    question = ana.last_text()  # how many people?
    reply = await ana.say(typed)
    assert "🤔" in reply.text and typed in reply.text
    assert question in reply.text and label in reply.buttons  # the same question, with its buttons
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["people"] is None and draft["notes"] == {}
    reply = await ana.say("1")
    assert "🤔" not in reply.text
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["people"] == "1" and draft["notes"] == {}


@pytest.mark.parametrize(
    ("lang", "words", "question"),
    [
        ("id", "mau lapor", "dalam bahaya sekarang"),
        ("id", "Saya mau melaporkan", "dalam bahaya sekarang"),
        ("tet", "Ha'u hakarak hato'o", "iha perigu agora"),
    ],
)
async def test_a_wish_to_report_opens_the_report_and_is_never_an_answer(harness, lang, words, question):
    ana = harness.user(620003, "Ana", language_code=lang)
    reply = await ana.say(words)
    assert len(reply.messages) == 1, reply.texts  # the report, and nothing from the advice side
    assert question in reply.text and len(reply.buttons) == 4
    await ana.press(2)  # nobody in danger
    await ana.press(1)  # fake job offer
    where = ana.last_text()
    reply = await ana.say(words)  # again, in the middle of the report
    assert where in reply.text and "🛡" in reply.text
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["place_text"] is None and draft["story"] == [] and draft["regency"] is None


async def test_kupang_malay_as_people_type_it(harness):
    ana = harness.user(620015, "Ana")
    await open_report(ana)
    reply = await ana.say("iyo, dong kunci dia di rumah")
    assert "110" in reply.texts[0] and "🤔" not in reply.text  # yes: the emergency numbers at once
    # Someone in danger: the short way, from where they went straight to the story.
    for text in ("calo janji karja di Malaysia", "Kefa", "su pi", "Nunukan", "sonde"):
        reply = await ana.say(text)
        assert "🤔" not in reply.text, (text, reply.text)
    assert "Selesai" in " ".join(reply.buttons)  # the story's Done
    await ana.say("Dong bawa pi Kupang su dua hari, sonde bisa kontak.")
    await ana.say("sudah")
    reply = await ana.say("kirim")
    case_and_receipt(reply)
    tip, answers = await the_tip(harness)
    assert (answers["danger_now"], tip.urgent, tip.category, tip.regency) == ("yes", True, "recruitment_fraud", "ttu")
    assert (tip.departure, tip.destination, tip.transit_points) == ("already_left", "ID-KU", ["nunukan"])
    assert answers["notes"] == {"danger": "iyo, dong kunci dia di rumah"}  # the words beyond "iyo" are kept


async def test_a_wish_to_report_opens_the_report_from_any_other_journey(harness):
    ana = harness.user(620014, "Ana")
    await ana.say("/start")
    await ana.press(4)  # check my report: the bot waits for a receipt code
    reply = await ana.say("mau lapor")
    assert "Laporkan kasus" in reply.text and "dalam bahaya sekarang" in reply.text
    await ana.say("/cekpt")  # the recruiter check waits for a name
    await ana.press(2)  # discard the report just started
    await ana.say("/cekpt")
    reply = await ana.say("saya mau lapor")
    assert "Laporkan kasus" in reply.text


@pytest.mark.parametrize(
    ("lang", "welcome", "when"),
    [("id", "Selamat datang kembali", "Waktu / keberangkatan"), ("tet", "Bemvindu fali", "Bainhira / sai")],
)
async def test_after_a_pause_the_reporter_is_told_where_they_were_before_anything_is_taken(
    harness, lang, welcome, when
):
    ana = harness.user(620004, "Ana", language_code=lang)
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await ana.say("Kupang")  # now at "When?"
    harness.app.clock.advance(20 * 60)
    reply = await ana.say("halo")  # not a pause yet: asked again as usual
    assert "🤔" in reply.text
    harness.app.clock.advance(31 * 60)
    reply = await ana.say("besok")  # a day's word, but after a pause it is not taken as the answer
    assert welcome in reply.text and when in reply.text and len(reply.buttons) == 2
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["departure"] is None and draft["when_text"] is None
    reply = await ana.press(1)  # continue
    assert "🤔" not in reply.text and len(reply.buttons) > 2  # the question "When?" again, with its buttons
    await ana.press(2)  # this week
    harness.app.clock.advance(24 * 3600)
    await ana.say("halo")
    reply = await ana.press(2)  # start a new report
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["category"] is None and draft["regency"] is None
    assert len(reply.buttons) == 4  # the first question again


@pytest.mark.parametrize(
    ("lang", "safe"),
    [("id", "jangan menghadapi perekrut"), ("tet", "labele hasoru rekrutadór")],
)
async def test_not_sure_shows_the_emergency_numbers_and_how_to_stay_safe(harness, lang, safe):
    ana = harness.user(620005, "Ana", language_code=lang)
    await open_report(ana)
    reply = await ana.press(3)  # not sure
    help_text = reply.texts[0]
    assert "110" in help_text and "129" in help_text and "08111-129-129" in help_text
    assert safe in help_text
    assert len(reply.messages) == 2  # the help first, then the next question
    reply = await ana.say("la hatene" if lang == "tet" else "tidak tahu")  # typed at "what happened": asked again
    assert "🤔" in reply.text


async def test_a_language_recognised_from_the_first_message_holds_on_every_screen(harness):
    """A Tetun speaker whose phone is in Indonesian writes in Tetun: the report, the review, the receipt and the
    menu afterwards are in Tetun, and so is the next /start."""
    ana = harness.user(620006, "Ana", language_code="id")
    reply = await ana.say("Ha'u hakarak hato'o kazu ida")
    assert "Hato'o kazu" in reply.text and "iha perigu agora" in reply.text
    for step in ("lae", "servisu bosok", "Kupang", "aban", "Malázia", "ida", "lae", "la hatene", "la hatene"):
        reply = await ana.say(step)
        assert "🤔" not in reply.text, (step, reply.text)
    reply = await ana.press(3)  # how you know: a neighbour or friend
    assert "konta saida mak akontese" in reply.text  # the story's question, in Tetun
    await ana.say("Sira promete servisu iha Malázia.")
    reply = await ana.say("remata")
    assert "Favór haree fali ita-nia relatóriu" in reply.text
    reply = await ana.say("haruka")
    assert "Ami simu ona ita-nia relatóriu" in reply.text
    reply = await ana.press(2)  # keep the conversation
    assert "Hato'o kazu" in " ".join(reply.buttons)
    reply = await ana.say("/start")
    assert "Bemvindu" in reply.text


async def test_an_indonesian_speaker_with_an_english_phone_gets_the_report_in_indonesian(harness):
    ana = harness.user(620007, "Ana", language_code="en")
    reply = await ana.say("beta mau lapor")
    assert "Laporkan kasus" in reply.text
    await ana.press(2)
    reply = await ana.press(1)
    assert "Di mana kejadiannya" in reply.text
    reply = await ana.press("Batal")
    reply = await ana.press(1)  # yes, delete it: the menu, in Indonesian too
    assert "Laporkan kasus" in " ".join(reply.buttons)


async def test_the_language_recognised_in_an_advice_question_holds_in_the_report_it_starts(harness):
    ana = harness.user(620008, "Ana", language_code="id")
    reply = await ana.say("Ajente foti ha'u-nia pasaporte no husu osan tokon lima. Ne'e loos ka lae?")
    report = next((b for b in reply.buttons if "🚨" in b), None)
    assert report is not None, reply.buttons
    reply = await ana.press(report)
    assert "Hato'o kazu" in reply.text and "iha perigu agora" in reply.text
    reply = await ana.press(2)
    assert "Bahaya" not in reply.text and len(reply.buttons) > 3


@pytest.mark.parametrize(
    ("lang", "abroad", "elsewhere", "other"),
    [
        ("id", "Luar negeri", "Tempat lain di Indonesia", "Tempat lain"),
        ("tet", "Rai li'ur", "Fatin seluk", "Fatin seluk"),
    ],
)
async def test_where_abroad_and_where_in_indonesia_are_answers_with_codes(harness, lang, abroad, elsewhere, other):
    ana = harness.user(620009, "Ana", language_code=lang)
    await open_report(ana)
    await ana.press(2)
    await ana.press(3)  # forced or unpaid work
    await ana.press(abroad)
    labels = ana.last_buttons()
    for country in ("Malaysia" if lang == "id" else "Malázia", "Singapura", "Hong Kong", "Taiwan"):
        assert country in labels, labels
    assert any(b.startswith("✏️") for b in labels)  # another country, typed
    await ana.press(1)  # Malaysia
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert (draft["regency"], draft["destination"]) == ("abroad", "MY")
    # Back to the place, elsewhere in Indonesia, another place typed.
    await ana.press(1 if lang == "x" else len(ana.last_buttons()) - 2)  # Back
    await ana.press(elsewhere)
    assert ana.last_buttons()[:5] == ["Batam", "Nunukan", "Surabaya", "Jakarta", "Bali"]
    await ana.press(other)
    await ana.say("Tarakan")
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert (draft["regency"], draft["destination"], draft["place_text"]) == ("elsewhere_id", "ID-KU", "Tarakan")


async def test_kupang_city_and_regency_are_told_apart(harness):
    ana = harness.user(620010, "Ana")
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await ana.press("Timor")
    labels = ana.last_buttons()
    assert "Kota Kupang" in labels and "Kabupaten Kupang" in labels
    await ana.press("Kabupaten Kupang")
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["regency"] == "kupang"


@pytest.mark.parametrize("lang", ["id", "tet"])
async def test_where_they_are_going_is_asked_when_someone_leaves_and_kept_as_a_code(harness, lang):
    ana = harness.user(620011, "Ana", language_code=lang)
    await open_report(ana)
    await ana.press(2)
    await ana.press(1)
    await ana.say("Kefamenanu")
    reply = await ana.press(4)  # already left
    assert "Batam" in reply.buttons and "Nunukan" in reply.buttons
    await ana.press("Batam")
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert (draft["regency"], draft["destination"], draft["transit"]) == ("ttu", "ID-KR", ["batam"])


@pytest.mark.parametrize(
    ("lang", "story"),
    [
        ("id", "Tetangga saya ditawari kerja. Anaknya baru umur 16 tahun ikut juga."),
        ("tet", "Sira lori labarik feto ida, tinan 15, ba Kupang."),
    ],
)
async def test_the_review_asks_once_about_a_contradiction(harness, lang, story):
    ana = harness.user(620012, "Ana", language_code=lang)
    await open_report(ana)
    await ana.press(2)  # nobody in danger
    await ana.press(1)  # fake job offer
    await ana.say("Kupang")
    await ana.press(5)  # when: don't know
    await ana.press(1)  # where to: Batam
    await ana.press(2)  # 2 to 5
    await ana.press(2)  # nobody under 18
    await ana.press(next(i for i, b in enumerate(ana.last_buttons(), 1) if "➡️" in b))  # recruiter: skip
    await ana.press(next(i for i, b in enumerate(ana.last_buttons(), 1) if "➡️" in b))  # route: skip
    await ana.press(3)  # a neighbour
    await ana.say(story)
    reply = await ana.press(1)  # Done: the review asks first, quoting the story
    quoted = reply.text.split("“", 1)[1].split("”", 1)[0]
    assert "⚠️" in reply.text and quoted in story and len(reply.buttons) == 3
    reply = await ana.press(2)  # "no, nobody under 18": kept, as the reporter answered
    assert "⚠️" not in reply.text and len(reply.buttons) == 5  # the review, with its ways to send
    await ana.press(4)  # change an answer
    await ana.press(6)  # how many people
    reply = await ana.press(1)  # one person: back to the review, not asked again
    assert "⚠️" not in reply.text and len(reply.buttons) == 5
    reply = await ana.press(1)  # send anonymously
    case_and_receipt(reply)
    tip, _answers = await the_tip(harness)
    assert tip.minors == "no" and tip.people == "1"


async def test_a_contradicted_no_danger_is_asked_again_and_yes_brings_the_emergency_numbers(harness):
    ana = harness.user(620013, "Ana")
    await open_report(ana)
    await ana.press(2)  # nobody in danger
    await ana.press(7)  # something else
    await skip_to_story(ana)
    await ana.say("Kakak saya dikurung di rumah agen di Kupang sekarang, tidak boleh keluar.")
    reply = await ana.press(1)
    assert "dikurung" in reply.text and "dalam bahaya sekarang" in reply.text
    reply = await ana.say("halo")  # not an answer: the same question again
    assert "🤔" in reply.text and "dikurung" in reply.text and len(reply.buttons) == 3
    reply = await ana.press(1)  # yes, someone is in danger now
    assert "110" in reply.texts[0] and "Ditandai mendesak" in reply.text
    await ana.press(1)
    tip, answers = await the_tip(harness)
    assert answers["danger_now"] == "yes" and tip.urgent and tip.priority == "P1"


async def _to_the_recruiter_question(ana) -> None:
    await open_report(ana)
    await ana.press(2)  # nobody in danger
    await ana.press(1)  # fake job offer
    await ana.say("Kupang")
    await ana.press(5)  # when: I don't know
    await ana.press(1)  # where to: Batam
    await ana.say("3")  # how many
    await ana.say("tidak")  # under 18: no


async def test_an_answer_sent_twice_is_stored_once_and_never_as_the_next_answer(harness):
    """A reporter on a slow line sends the recruiter twice (or answers two copies of one question): the second copy
    arrives after the next question was asked, was typed before it appeared, and is stored for nothing."""
    ana = harness.user(620040, "Ana", language_code="id")
    await _to_the_recruiter_question(ana)
    recruiter = "Om Beni dari Oesapa"
    reply = await ana._act(
        lambda: (harness.emulator.send_text(ana.user, recruiter), harness.emulator.send_text(ana.user, recruiter))
    )
    # The second copy is answered with the route question again, under a word on why it was not saved.
    assert "sebelum pertanyaan di bawah muncul" in reply.texts[-1] and "jalurnya" in reply.texts[-1], reply.texts
    assert reply.buttons, "the question comes with its buttons"
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["recruiter"] == recruiter and draft["route"] is None and draft["notes"] == {}
    reply = await ana.say("lewat Tenau")  # the route question, answered as asked
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["recruiter"] == recruiter and draft["route"] == "lewat Tenau"


async def test_words_sent_while_the_bot_could_not_note_the_question_are_stored_for_none(harness):
    """The bot stops between showing a question and noting which message showed it (here the answer to that message
    is lost; a process killed at that moment leaves the same). What arrives next may have been typed for the
    question before, on a second copy of it: it is stored for none, and the question is shown again to answer."""
    ana = harness.user(620041, "Ana", language_code="id")
    await _to_the_recruiter_question(ana)
    recruiter = "Om Beni dari Oesapa"
    # The route question reaches the chat, but the bot never hears that it did.
    harness.emulator.faults.add("sendMessage", "drop", chat_id=ana.chat_id, apply=True)
    await ana.say(recruiter)
    assert any("jalurnya" in m.get("text", "") for m in ana.messages()), "the route question is on the screen"
    # The recruiter once more, as if answering a second copy of its question.
    reply = await ana.say(recruiter)
    assert "terhenti" in reply.texts[-1] and "jalurnya" in reply.texts[-1], reply.texts
    assert reply.buttons, "the question comes with its buttons"
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["recruiter"] == recruiter and draft["route"] is None and draft["notes"] == {}
    await ana.say("lewat Tenau")  # the question shown again, answered
    draft = (await harness.conversation_data(ana.chat_id))["draft"]
    assert draft["recruiter"] == recruiter and draft["route"] == "lewat Tenau"
