"""Ask about working abroad, through the emulator: browsing, questions in people's own words, votes, passing a
question to the task force, warning signs that start a report, and bad input."""

from __future__ import annotations

from sqlalchemy import select

from bot.services.intake.submit import ANSWERS_CONTEXT
from bot.services.privacy import receipt_hash
from bot.telegram.advice.render import article_messages
from db.models.advice import ArticleFeedback
from db.models.tips import Tip
from tests.e2e.harness import running_bot
from tests.e2e.intake_steps import CASE_RE, RECEIPT_RE, case_and_receipt

USER_ID = 2_000_123
AGE_TITLE_ID = "Berapa umur minimal untuk kerja ke luar negeri?"
AGE_SUMMARY_ID = "Minimal 18 tahun. Di bawah 18 tahun tidak boleh diberangkatkan kerja ke luar negeri."
RED_FLAG_QUESTION = "agen minta uang 5 juta dan paspor saya ditahan"


async def tips(harness) -> list[Tip]:
    async with harness.app.session_factory() as session:
        return list((await session.scalars(select(Tip).order_by(Tip.id))).all())


async def feedback(harness) -> dict[tuple[str, str], tuple[int, int]]:
    async with harness.app.session_factory() as session:
        rows = (await session.scalars(select(ArticleFeedback))).all()
    return {(r.topic, r.lang): (r.helpful, r.not_helpful) for r in rows}


async def stored_draft(harness, user_id: int) -> dict:
    """The report draft as the intake flow keeps it (decrypted from the conversation storage)."""
    data = await harness.conversation_data(user_id)
    return data["draft"]


def links(reply) -> list[str]:
    return [e["url"] for m in reply.messages for e in m.get("entities", []) if e.get("type") == "text_link"]


def button_index(labels: list[str], text: str) -> int:
    return next(i for i, label in enumerate(labels, 1) if text in label)


# Browsing ------------------------------------------------------------------------------------------------


async def test_browse_to_an_article_in_two_taps_in_indonesian_then_in_english(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    await ana.say("/start")
    reply = await ana.press("Tanya")
    assert "Pilih topik" in reply.text
    assert reply.buttons[0] == "Syarat & dokumen" and "↩️ Menu utama" in reply.buttons
    reply = await ana.press("Syarat & dokumen")
    assert AGE_TITLE_ID in reply.text
    reply = await ana.press(1)
    article = reply.text
    assert article.startswith(AGE_TITLE_ID)
    assert "18 tahun" in article
    assert "Diperiksa pada 1 Desember 2026" in article
    assert "ℹ️" in article and "LTSA" in article  # the confirm note
    assert any("kompas.com" in url for url in links(reply))
    assert "Apakah ini membantu?" in article
    assert {"👍 Ya", "👎 Tidak", "⬅️ Syarat & dokumen", "↩️ Menu utama"} <= set(reply.buttons)
    assert all(len(m["text"]) <= 4096 for m in reply.messages)
    # a related topic opens in one tap
    reply = await ana.press("Siapa yang boleh")
    assert reply.text.startswith("Siapa yang boleh kerja ke luar negeri?")

    await ana.say("/language")
    await ana.press("English")
    reply = await ana.say("/tanya")
    assert "Choose a topic" in reply.text
    reply = await ana.press("Requirements & documents")
    reply = await ana.press(1)
    assert reply.text.startswith("What is the minimum age to work abroad?")
    assert "Checked on 1 December 2026" in reply.text
    assert "👍 Yes" in reply.buttons and "⬅️ Requirements & documents" in reply.buttons
    # back to the section, then to the list of sections
    reply = await ana.press("⬅️ Requirements")
    assert "What is the minimum age to work abroad?" in reply.text
    reply = await ana.press("All topics")
    assert "Official steps" in reply.buttons


async def test_browsing_in_tetun_and_every_article_fits_telegram_in_every_language(harness):
    kb = harness.app.knowledge_base
    ana = harness.user(USER_ID, "Ana", language_code="tet")
    reply = await ana.say("/tanya")
    assert "Rekizitu no dokumentu" in reply.buttons
    section = kb.sections[-1]
    await ana.press(section.title("tet"))
    reply = await ana.press(1)
    assert reply.text.startswith(kb.title(section.topics[0], "tet"))
    assert "Verifika iha 27 Novembru 2026" in reply.text
    # every article, rendered as the bot sends it, fits in one message of at most 4,096 characters
    i18n = harness.app.i18n
    for (topic, lang), article in kb.articles.items():
        with i18n.context(), i18n.use_locale(lang):
            chunks = article_messages(article, after=["<i>Was this helpful?</i>"])
        assert len(chunks) == 1 and len(chunks[0]) <= 4096, (topic, lang)


# Questions in free text ----------------------------------------------------------------------------------


async def test_colloquial_question_gets_the_right_article(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("brp umur minimal jd tkw")
    # a short answer: the one fact and the next step; the article itself is one tap away
    assert reply.texts[0].startswith(AGE_SUMMARY_ID)
    assert "👉 Tunggu sampai 18 tahun" in reply.text
    assert "tidak yakin" not in reply.text and "Tanda bahaya" not in reply.text
    assert "Diperiksa pada" not in reply.text
    # More and Sources, at most one other close topic, the vote
    assert {"📖 Selengkapnya", "🔗 Sumber", "👍 Membantu", "👎 Tidak membantu"} <= set(reply.buttons)
    assert len([b for b in reply.buttons if b.startswith("➡️")]) <= 1


async def test_kupang_malay_question_about_a_child_shows_the_warning(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("beta pung adik umur 16 mau pi karja di malaysia, bisa ko?")
    assert reply.text.startswith("⚠️ Tanda bahaya:")
    assert "anak di bawah 18 tahun" in reply.text and "110" in reply.text
    assert AGE_SUMMARY_ID in reply.text
    assert reply.buttons[0] == "🚨 Laporkan ini"


async def test_question_in_english_is_answered_in_english(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("What is the minimum age to work abroad?")
    assert reply.texts[0].startswith("At least 18. Nobody under 18 may be sent to work abroad.")
    assert {"📖 More", "🔗 Sources", "👍 Helpful"} <= set(reply.buttons)
    reply = await ana.press("More")
    assert reply.text.startswith("What is the minimum age to work abroad?")
    assert "Checked on 1 December 2026" in reply.text and "Was this helpful?" in reply.text
    # the person's own language setting is not changed by one English question
    reply = await ana.say("/start")
    assert "Selamat datang" in reply.texts[0]


async def test_helpful_votes_are_counted_once_per_article_view(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("brp umur minimal jd tkw")
    answer_message = reply.messages[-1]
    reply = await ana.press("👍 Membantu")
    assert any(a.text and "Terima kasih" in a.text for a in reply.answers)
    assert "👍 Membantu" not in reply.buttons  # the vote buttons are gone from the answer
    assert await feedback(harness) == {("eligibility.age", "id"): (1, 0)}
    # a second tap on the same article (a stale copy of its keyboard) is not counted again
    vote = next(
        b["callback_data"]
        for row in answer_message["reply_markup"]["inline_keyboard"]
        for b in row
        if "👍" in b["text"]
    )
    harness.emulator.press(
        ana.user, harness.emulator.message(ana.chat_id, answer_message["message_id"]), callback_data=vote
    )
    reply = await ana.settle()
    assert any(a.text and "sudah menjawab" in a.text for a in reply.answers)
    assert await feedback(harness) == {("eligibility.age", "id"): (1, 0)}
    # another view of an article is another vote; "No" offers to ask the task force
    reply = await ana.say("berapa umur minimal kerja ke malaysia")
    reply = await ana.press("👎 Tidak membantu")
    assert "Maaf, ini belum membantu" in reply.text
    assert "🙋 Tanya Satgas TPPO" in reply.buttons
    assert await feedback(harness) == {("eligibility.age", "id"): (1, 1)}


# Passing a question to the task force --------------------------------------------------------------------


async def test_unsure_answer_passes_the_question_to_the_task_force(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    question = "bisa kerja di jepang jadi perawat <lansia> & dapat visa?"
    reply = await ana.say(question)
    assert "Saya tidak yakin" in reply.text
    topic_buttons = [b for b in reply.buttons if b.startswith("➡️")]
    assert len(topic_buttons) == 3
    reply = await ana.press("Tanya Satgas TPPO")
    assert question in reply.text  # shown back as the person wrote it (escaped, so the markup is intact)
    assert "Cek laporan saya" in reply.text
    assert await tips(harness) == []  # nothing is sent before the confirmation
    confirmation = reply.messages[-1]
    send = next(b["callback_data"] for row in confirmation["reply_markup"]["inline_keyboard"] for b in row)
    reply = await ana.press("Kirim pertanyaan")
    case, receipt = case_and_receipt(reply)
    assert "Pertanyaan Anda sudah dikirim" in reply.text and "Cek laporan saya" in reply.text
    [tip] = await tips(harness)
    assert tip.kind == "question" and tip.status == "new" and tip.priority == "P4"
    assert tip.case_number == case and tip.lang == "id" and tip.category is None
    assert tip.receipt_hash == receipt_hash(harness.app.pseudonymizer, receipt)
    assert b"lansia" not in tip.answers  # encrypted at rest
    answers = harness.app.cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)
    assert answers["story"] == question and answers["kind"] == "question"
    assert receipt not in repr(tip.__dict__) and str(USER_ID) not in repr(tip.__dict__)
    # pressing Send again (a stale copy of the button) files nothing more
    harness.emulator.press(
        ana.user, harness.emulator.message(ana.chat_id, confirmation["message_id"]), callback_data=send
    )
    reply = await ana.settle()
    assert reply.answers and not reply.messages
    assert len(await tips(harness)) == 1


async def test_a_question_can_be_withheld_at_the_confirmation(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    await ana.say("apakah boleh bawa anjing peliharaan ke luar negeri?")
    await ana.press("Tanya Satgas TPPO")
    reply = await ana.press("Jangan kirim")
    assert "tidak dikirim" in reply.text
    assert await tips(harness) == []


async def test_daily_limit_applies_to_questions(make_settings):
    async with running_bot(make_settings, max_reports_per_day=1) as harness:
        ana = harness.user(USER_ID, "Ana", language_code="id")
        await ana.say("bisa kerja di jepang jadi perawat lansia?")
        await ana.press("Tanya Satgas TPPO")
        reply = await ana.press("Kirim pertanyaan")
        assert RECEIPT_RE.search(reply.text)
        await ana.say("apakah boleh bawa anjing peliharaan ke luar negeri?")
        reply = await ana.press("Tanya Satgas TPPO")
        assert "batas terbanyak" in reply.text and not CASE_RE.search(reply.text)
        assert len(await tips(harness)) == 1


# Warning signs -------------------------------------------------------------------------------------------


async def test_red_flag_question_warns_and_starts_a_prefilled_report(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say(RED_FLAG_QUESTION)
    text = reply.text
    assert text.startswith("⚠️ Tanda bahaya:")
    assert "meminta uang" in text and "menahan paspor" in text
    assert "110" in text
    assert reply.buttons[0] == "🚨 Laporkan ini"
    reply = await ana.press("Laporkan ini")
    assert "Laporkan kasus" in reply.texts[0]
    draft = await stored_draft(harness, USER_ID)
    assert draft["category"] == "documents_held"
    assert draft["story"] == [RED_FLAG_QUESTION]
    assert draft["prefilled_from"] == "advice"

    # finish the report: the category and the story come from the question
    await ana.press(2)  # nobody in danger right now
    await ana.say("agen dari Kupang")  # typed at the category step: kept beside the prefilled category
    for _ in range(7):  # skip where, when, people, minors, recruiter, route, relation
        await ana.press(button_index(ana.last_buttons(), "➡️"))
    review = await ana.press(1)  # story: Done (it already holds the question)
    assert RED_FLAG_QUESTION in review.text
    reply = await ana.press(button_index(ana.last_buttons(), "📨"))
    case_and_receipt(reply)
    [tip] = await tips(harness)
    assert tip.kind == "tip" and tip.category == "documents_held"
    answers = harness.app.cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)
    assert answers["story"] == RED_FLAG_QUESTION and answers["prefilled_from"] == "advice"


# Bad input -----------------------------------------------------------------------------------------------


async def test_long_question_is_answered_from_its_first_part_and_says_so(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    filler = " ".join(["Saya dari Soe dan sudah lama mencari kerja yang baik untuk keluarga."] * 20)
    question = "brp umur minimal jd tkw? " + filler + " Terus agen minta uang 5 juta, itu boleh?"
    assert len(question) > 1000
    reply = await ana.say(question)
    assert "Pesan Anda panjang" in reply.texts[0] and "1000" in reply.texts[0]
    assert "meminta uang" in reply.text  # a warning sign past the first part is still seen
    assert reply.buttons[0] == "🚨 Laporkan ini"
    # nothing is cut silently: a report started from it carries the whole message
    await ana.press("Laporkan ini")
    draft = await stored_draft(harness, USER_ID)
    assert draft["story"] == [question] and draft["category"] == "recruitment_fraud"


async def test_emoji_and_stickers_get_what_the_bot_can_do(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("🙏🙏😊")
    assert "Stiker dan emoji tidak bisa saya pakai" in reply.text and "Saya menjawab pertanyaan" in reply.text
    assert any("Tanya soal kerja" in b for b in reply.buttons)
    reply = await ana.sticker("👍")
    assert "Saya menjawab pertanyaan" in reply.text and any("Laporkan kasus" in b for b in reply.buttons)
    reply = await ana.say("halo")
    assert "Saya menjawab pertanyaan" in reply.text and "Stiker" not in reply.text
    assert await tips(harness) == []


async def test_unknown_button_values_are_refused_quietly(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("/tanya")
    menu = harness.emulator.message(ana.chat_id, reply.messages[-1]["message_id"])
    forged = [
        "ab:article:no.such.topic:id:1",
        "ab:section:nowhere::0",
        "ab:explode:x::0",
        "av:eligibility.age:xx:y:",
        "av:no.such.topic:id:y:",
        "av:eligibility.age:id:maybe:",
        "aq:send:deadbeef",
        "aq:report:deadbeef",
        "aq:bogus:",
    ]
    for data in forged:
        harness.emulator.press(ana.user, menu, callback_data=data)
        reply = await ana.settle()
        assert reply.answers, data  # every press is answered (no spinning button) ...
        assert not reply.messages, data  # ... without noise, except the fallback for unparseable data
        assert not any("kesalahan" in t.lower() for t in reply.texts)
    # data no journey can even parse goes to the fallback, which says the button is no longer active
    harness.emulator.press(ana.user, menu, callback_data="ab")
    reply = await ana.settle()
    assert any(a.text and "tidak aktif" in a.text for a in reply.answers)
    assert await feedback(harness) == {} and await tips(harness) == []


async def test_text_inside_another_flow_is_not_taken_as_a_question(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    await ana.say("/start")
    await ana.press(1)  # Report a case
    await ana.press(2)  # nobody in danger
    reply = await ana.say("brp umur minimal jd tkw")  # typed as the answer to "what happened"
    assert AGE_TITLE_ID not in reply.text


async def test_saying_you_want_to_report_offers_the_report_button(harness):
    ana = harness.user()
    reply = await ana.say("beta mo lapor ada calo di kampung")
    assert "melaporkan kasus" in reply.text
    reply = await ana.press("Laporkan ini")
    assert "anonim" in reply.texts[0].lower()
