"""The start menu, language choice, emergency numbers and answers to the unexpected, through the emulator."""

from __future__ import annotations

MENU_ID = ["Laporkan kasus", "Tanya soal kerja ke luar negeri", "Cek perusahaan perekrut", "Cek laporan saya"]


async def test_start_shows_welcome_and_menu_in_indonesian(harness):
    ana = harness.user(1001, "Ana", language_code="id")
    reply = await ana.say("/start")
    assert "Selamat datang di Tipline NTT" in reply.texts[0]
    assert "110" in reply.texts[0]
    labels = reply.buttons
    for label in MENU_ID:
        assert any(label in b for b in labels), labels
    assert any("Nomor darurat" in b for b in labels) and any("Bahasa" in b for b in labels)


async def test_telegram_language_picks_english_on_first_contact(harness):
    john = harness.user(1002, "John", language_code="en-GB")
    reply = await john.say("/start")
    assert "Welcome to Tipline NTT" in reply.texts[0]
    assert any("Report a case" in b for b in reply.buttons)


async def test_unknown_language_code_falls_back_to_indonesian(harness):
    user = harness.user(1003, "Pierre", language_code="fr")
    assert "Selamat datang" in (await user.say("/start")).texts[0]


async def test_emergency_numbers_in_indonesian(harness):
    ana = harness.user()
    await ana.say("/start")
    reply = await ana.press("Nomor darurat")
    text = reply.text
    for number in ("110", "129", "08111-129-129", "0-800-1000"):
        assert number in text
    assert "Polisi" in text and "perlindungan perempuan dan anak" in text
    whatsapp = reply.messages[0]["reply_markup"]["inline_keyboard"][0][0]
    assert whatsapp["url"] == "https://wa.me/628111129129"


async def test_language_switch_to_english_is_remembered_across_restart(harness):
    ana = harness.user()
    await ana.say("/start")
    await ana.press("Bahasa")
    reply = await ana.press("English")
    assert "Language set to English." in reply.texts[0]
    assert any("Report a case" in b for b in reply.buttons)
    reply = await ana.press("Emergency numbers")
    assert "Police: call 110" in reply.text and "KP2MI" in reply.text
    await harness.restart()
    reply = await ana.say("/start")
    assert "Welcome to Tipline NTT" in reply.texts[0]


async def test_language_command_and_every_language_has_its_menu(harness):
    ana = harness.user()
    expected = {"Bahasa Melayu": "Laporkan kes", "Tetun": "Hato'o kazu", "Bahasa Indonesia": "Laporkan kasus"}
    for language, report_label in expected.items():
        await ana.say("/language")
        reply = await ana.press(language)
        assert any(report_label in b for b in reply.buttons), (language, reply.buttons)


async def test_emergency_command_works_in_tetun(harness):
    ana = harness.user()
    await ana.say("/language")
    await ana.press("Tetun")
    reply = await ana.say("/emergency")
    assert "Polísia" in reply.text and "110" in reply.text and "08111-129-129" in reply.text


async def test_unknown_command_gets_help_and_menu(harness):
    ana = harness.user()
    reply = await ana.say("/foobar")
    assert "Saya tidak mengenal perintah itu" in reply.text
    assert any("Laporkan kasus" in b for b in reply.buttons)


async def test_sticker_gets_a_clear_answer_and_menu(harness):
    ana = harness.user()
    reply = await ana.sticker()
    assert "tidak bisa saya pakai" in reply.text
    assert any("Laporkan kasus" in b for b in reply.buttons)


async def test_bot_stays_quiet_in_the_staff_group(harness):
    from tests.e2e.harness import STAFF_GROUP_ID

    member = harness.emulator.add_user(2001, "Staff")
    harness.emulator.send_text(member, "hello everyone", chat_id=STAFF_GROUP_ID)
    await harness.emulator.wait_idle(extra_busy=harness.busy)
    assert harness.emulator.sent_messages(STAFF_GROUP_ID) == []


async def test_commands_menu_is_set_per_language(harness):
    calls = harness.emulator.calls_to("setMyCommands")
    codes = {c.params.get("language_code") for c in calls}
    assert {None, "en", "ms"} <= codes
