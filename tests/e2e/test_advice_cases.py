"""The advice cases of issue 16, through the emulator: money in a question judged against the cost rules, bank loans
told apart from debt bondage, the new topics (SIP2MI/SIP3MI, Middle East, Malaysia 2022, Taiwan costs, LTSA in NTT),
the age and trafficking penalties agreeing, and short first answers with More and Sources and a caveat once."""

from __future__ import annotations

from bot.services.advice.shortanswer import SHORT_ANSWER_MAX_LINES, wrapped_lines
from tests.e2e.test_advice import USER_ID


def fits_small_screen(text: str) -> bool:
    return len(wrapped_lines(text)) <= SHORT_ANSWER_MAX_LINES


async def test_a_fee_for_plantation_work_is_a_red_flag_in_a_short_answer(harness):
    ana = harness.user(USER_ID, "Yohanes", language_code="id")
    reply = await ana.say("biaya 15 juta itu wajar ka utk kerja kebun sawit")
    first = reply.texts[0]
    assert first.startswith("⚠️ Tanda bahaya:")
    assert "Rp15.000.000 untuk kerja kebun: pekerja tidak bayar apa pun (Peraturan BP2MI 9/2020)." in first
    assert "👉 Jangan bayar. Minta rincian biaya tertulis di LTSA." in first  # the zero-cost article's next step
    assert "Tidak yakin" not in reply.text and "tidak yakin" not in reply.text
    assert fits_small_screen(first), wrapped_lines(first)
    assert reply.buttons[0] == "🚨 Laporkan ini"
    # the same rule in Malaysian ringgit
    reply = await ana.say("agen minta RM 3000 utk kerja ladang sawit di sabah")
    assert "RM3.000 untuk kerja kebun" in reply.text


async def test_a_bank_loan_is_not_debt_bondage_but_a_recruiter_loan_is(harness):
    ana = harness.user(USER_ID, "Yohanes", language_code="id")
    reply = await ana.say("bisa pinjam uang di bank utk biaya brangkat")
    assert "Tanda bahaya" not in reply.text and "jeratan utang" not in reply.text
    assert reply.texts[0].startswith("Pinjam di bank (KUR) boleh.")
    assert "🚨 Laporkan ini" not in reply.buttons
    reply = await ana.press("Selengkapnya")
    assert "Rp100 juta" in reply.text and "6%" in reply.text
    reply = await ana.say("agen mau talangi biaya dulu, nanti potong gaji 6 bulan. aman ka?")
    assert reply.texts[0].startswith("⚠️ Tanda bahaya:")
    assert "itu jeratan utang" in reply.text
    assert reply.buttons[0] == "🚨 Laporkan ini"


async def test_sip2mi_and_sip3mi_are_told_apart(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("apa beda sip2mi sama sip3mi?")
    assert reply.texts[0].startswith("SIP3MI: izin perusahaan. SIP2MI: izin merekrut untuk satu lowongan.")
    reply = await ana.press("Selengkapnya")
    assert "Permen P2MI 2/2025" in reply.text and "SISKOP2MI" in reply.text


async def test_domestic_work_in_the_middle_east(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("kaka sa mau jadi PRT di arab saudi, su boleh ko?")
    assert reply.texts[0].startswith("PRT ke Timur Tengah dilarang sejak 2015.")
    reply = await ana.press("Selengkapnya")
    text = reply.text
    assert "260/2015" in text and "Sistem Penempatan Satu Kanal (SPSK)" in text and "Maret 2025" in text
    assert "belum bisa memastikan" in text


async def test_the_2022_malaysia_freeze(harness):
    ana = harness.user(USER_ID, "Ana", language_code="ms")
    reply = await ana.say("kenapa Indonesia stop hantar pembantu rumah ke Malaysia tahun 2022?")
    assert reply.texts[0].startswith("Pembantu rumah ke Malaysia hanya melalui Sistem Satu Saluran")
    reply = await ana.press("Lagi")
    assert "13 Julai 2022" in reply.text and "1 Ogos 2022" in reply.text and "Sistem Maid Online" in reply.text


async def test_taiwan_factory_costs_and_an_excessive_amount(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("kerja pabrik di taiwan biaya resminya brp?")
    assert reply.texts[0].startswith("Tidak gratis, tapi ada batas")
    assert "Tanda bahaya" not in reply.text
    reply = await ana.say("PT minta 45jt utk kerja pabrik di taiwan, wajar?")
    assert "Rp45.000.000 lebih besar daripada batas biaya resmi ke Taiwan" in reply.texts[0]
    assert reply.buttons[0] == "🚨 Laporkan ini"


async def test_the_age_article_and_the_trafficking_article_agree(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    await ana.say("umur minimal kerja ke luar negeri brp")
    age = (await ana.press("Selengkapnya")).text
    await ana.say("apa hukuman pelaku perdagangan orang")
    penalties = (await ana.press("Selengkapnya")).text
    for text in (age, penalties):
        assert "3 sampai 15 tahun" in text and "Rp120 juta sampai Rp600 juta" in text
        assert "penjara sampai 3 tahun dan denda sampai Rp500 juta" in text
    assert "bisa dipenjara sampai 3 tahun" not in age  # the old, wrong statement


async def test_ltsa_address_question_says_where_to_ask(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("LTSA di kupang alamat dmn")
    first = reply.texts[0]
    assert first.startswith("LTSA Provinsi NTT di Kupang")
    assert "👉 Tanya alamat dan jam buka ke KP2MI: 0-800-1000." in first
    reply = await ana.press("Selengkapnya")
    assert "4 September 2017" in reply.text and "tidak kami temukan di sumber tertulis" in reply.text


async def test_sources_button_and_the_caveat_comes_once(harness):
    ana = harness.user(USER_ID, "Ana", language_code="id")
    reply = await ana.say("brp umur minimal jd tkw")
    assert "ℹ️ Aturan bisa berubah" in reply.text
    assert fits_small_screen(reply.texts[0])
    reply = await ana.press("Sumber")
    assert reply.text.startswith("Berapa umur minimal untuk kerja ke luar negeri?")
    assert "Diperiksa pada 1 Desember 2026" in reply.text and "Sumber:" in reply.text
    assert "ℹ️" in reply.text  # the article's own confirm note lives here, every time
    assert any("kompas.com" in e["url"] for m in reply.messages for e in m.get("entities", []) if "url" in e)
    # the next answers in this conversation do not repeat the caveat
    reply = await ana.say("syarat jadi pmi apa saja")
    assert "Aturan bisa berubah" not in reply.text
    reply = await ana.say("What is the minimum age to work abroad?")
    assert "Rules change" not in reply.text and fits_small_screen(reply.texts[0])
