"""Questions that are not about working abroad, through the emulator: the weather in Kota Kinabalu, an English course
in Kupang, a driving licence, a football match against Malaysia get "I can't answer that, here is what I answer" in the
person's language, never an article; their look-alikes about working abroad still get the article."""

from __future__ import annotations

import pytest

from tests.e2e.test_advice import USER_ID

# (interface language, question, "no answer" lead, what the bot answers, the task-force button)
NEAR_MISSES = [
    (
        "id",
        "kursus bahasa inggris murah di kupang ada ko, bt mau lancar ngomong",
        "Saya belum menemukan jawabannya",
        "Saya menjawab pertanyaan tentang kerja ke luar negeri",
        "Tanya Satgas TPPO",
    ),
    (
        "ms",
        "cuaca kat Kota Kinabalu esok hujan tak",
        "Saya tidak menemui jawapannya",
        "Saya menjawab soalan tentang bekerja di luar negara",
        None,
    ),
    (
        "en",
        "where can I watch the Malaysia vs Indonesia football match online",
        "I could not find an answer to this",
        "I answer questions about working abroad safely and legally",
        None,
    ),
    (
        "tet",
        "oinsá halo karta kondusaun iha Dili?",
        "Ha'u la hetan resposta",
        "Ha'u hatán pergunta kona-ba serbisu iha rai li'ur",
        None,
    ),
]


@pytest.mark.parametrize(("lang", "question", "lead", "scope", "staff"), NEAR_MISSES)
async def test_an_off_topic_near_miss_gets_what_the_bot_answers_not_an_article(
    harness, lang, question, lead, scope, staff
):
    ana = harness.user(USER_ID, "Ana", language_code=lang)
    reply = await ana.say(question)
    assert lead in reply.text and scope in reply.text, reply.text
    # no short answer: neither More nor Sources nor a vote on an article
    more = {"id": "Selengkapnya", "en": "More", "ms": "Lagi", "tet": "Barak liu"}[lang]
    assert not any(more in b for b in reply.buttons) and not any(b.startswith("👍") for b in reply.buttons)
    assert not reply.text.startswith("⚠️")
    # the way on: the task force, all topics (the closest topics too, in case it was about working abroad)
    if staff:
        assert any(staff in b for b in reply.buttons), reply.buttons
    assert len(reply.buttons) >= 2


async def test_the_look_alike_about_working_abroad_gets_its_article(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("naik feri ke tawau trus masuk kerja di sabah tanpa paspor, aman ko")
    assert "Saya belum menemukan" not in reply.text and "tidak yakin" not in reply.text
    assert "deportasi" in reply.text.lower() or "dideportasi" in reply.text.lower(), reply.text
    assert any("Selengkapnya" in b for b in reply.buttons)
