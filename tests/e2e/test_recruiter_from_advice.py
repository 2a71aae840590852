"""A question that names a company gets a "Check PT ..." button under the answer; pressing it checks that
company, and the conversation stays with questions."""

from __future__ import annotations

import pytest

from tests.e2e.recruiter_steps import ILLEGAL, load_demo_registry


@pytest.fixture
async def demo(harness):
    return await load_demo_registry(harness)


async def test_a_question_naming_a_company_offers_to_check_it_in_indonesian(demo):
    budi = demo.user(3101, "Budi", language_code="id")
    reply = await budi.say("PT DEMO Sumba Harapan minta biaya 10 juta, aman ka?")
    # A fee like this is a warning sign: "report this" leads, the company check comes right after it.
    assert reply.buttons[:2] == ["🚨 Laporkan ini", "🏢 Cek PT DEMO Sumba Harapan"]
    assert "Data per" not in reply.text  # the answer itself is the advice, not a registry check
    check = await budi.press("Cek PT DEMO Sumba Harapan")
    assert check.text.splitlines()[:2] == [
        "🔎 Maksud Anda PT DEMO Sumba Harapan Indah?",
        "⚠️ Izin sudah habis pada 30 Juni 2025.",
    ]
    assert not ILLEGAL.search(check.text)
    # The next message is still a question, not a company name to look up.
    reply = await budi.say("berapa umur minimal untuk kerja ke luar negeri?")
    assert "Data per" not in reply.text and "daftar resmi perusahaan" not in reply.text


async def test_a_question_naming_a_company_in_english(demo):
    ana = demo.user(3102, "Ana", language_code="en")
    reply = await ana.say("Is PT DEMO Flobamora Jaya Abadi licensed? They want 5 million for the training")
    assert "🏢 Check PT DEMO Flobamora Jaya Abadi" in reply.buttons
    check = await ana.press("Check PT DEMO Flobamora Jaya Abadi")
    assert check.text.startswith("✅ Licensed") and "does not vouch for the person" in check.text


async def test_two_companies_get_two_buttons_and_lowercase_names_work(demo):
    budi = demo.user(3103, "Budi", language_code="id")
    reply = await budi.say("pt demo rote cahaya samudra atau pt demo alor mitra sejati, mana yg resmi?")
    assert reply.buttons[:2] == ["🏢 Cek PT demo rote cahaya samudra", "🏢 Cek PT demo alor mitra sejati"]
    check = await budi.press("Cek PT demo alor mitra sejati")
    assert check.text.startswith("⚠️ Izin sudah habis") and "31 Maret 2024" in check.text


async def test_a_question_without_a_company_has_no_such_button(demo):
    budi = demo.user(3104, "Budi", language_code="id")
    reply = await budi.say("berapa biaya kerja ke malaysia? saya sudah kirim CV")
    assert not any("Cek PT" in b or "Cek CV" in b for b in reply.buttons)


async def test_the_button_in_tetun(demo):
    maria = demo.user(3105, "Maria", language_code="en")
    await maria.say("/language")
    await maria.press("Tetun")
    reply = await maria.say("PT DEMO Rote Cahaya Samudra mak husu osan, legal ka lae?")
    assert "🏢 Verifika PT DEMO Rote Cahaya Samudra" in reply.buttons
    check = await maria.press("Verifika PT DEMO Rote Cahaya Samudra")
    assert check.text.startswith("✅ Iha lisensa")


async def test_an_old_check_button_pushed_out_by_newer_answers_says_so(demo):
    budi = demo.user(3106, "Budi", language_code="id")
    await budi.say("PT DEMO Ende Lio Mandiri resmi kah?")
    first = demo.emulator.last_bot_message(budi.chat_id, with_buttons=True)
    await budi.say("/cekpt")
    for n in range(11):  # more answers than are kept
        await budi.say(f"PT Contoh {n}")
    demo.emulator.press(budi.user, first, label="Cek PT DEMO Ende Lio Mandiri")
    reply = await budi.settle()
    assert reply.messages == [] and "tidak aktif" in (reply.answers[0].text or "")
