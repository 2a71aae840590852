"""Checking a recruiter and a whole job offer through the emulator, against the shipped (fictional) demo registry."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services.intake.submit import ANSWERS_CONTEXT
from bot.services.registry import DEMO_AS_OF, DEMO_REGISTRY_FILE
from db.models.tips import Tip
from tests.e2e.intake_steps import DANGER_NO, SUBMIT, case_and_receipt, skip_to_story
from tests.e2e.recruiter_steps import ILLEGAL, load_demo_registry, set_app_day


@pytest.fixture
async def demo(harness):
    return await load_demo_registry(harness)


async def open_check(driver, language_code_label: str = "Check a recruiter"):
    await driver.say("/start")
    return await driver.press(language_code_label)


async def tips(harness) -> list[Tip]:
    async with harness.app.session_factory() as session:
        return list((await session.scalars(select(Tip).order_by(Tip.id))).all())


def answers_of(harness, tip: Tip) -> dict:
    return harness.app.cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)


def skip_index(driver) -> int:
    return next(i for i, label in enumerate(driver.last_buttons(), 1) if "➡️" in label)


# Licensed -------------------------------------------------------------------------------------------------


async def test_licensed_by_name_with_a_typo_and_without_pt(demo):
    ana = demo.user(2001, "Ana", language_code="en")
    prompt = await open_check(ana)
    assert "company" in prompt.text and "licence number" in prompt.text
    reply = await ana.say("demo maju bersma sejahtera")
    text = reply.text
    assert "Licensed" in text and "PT DEMO Maju Bersama Sejahtera" in text
    assert "DEMO/P3MI/001/2023" in text and "+62 380 000 0101" in text
    assert "Branches in NTT: Kota Kupang, Sikka, Sumba Barat Daya" in text
    assert "letter by letter" in text  # the typed name differs from the official one
    assert "job order" in text and "SIP" in text and "LTSA" in text and "Disnaker" in text
    assert "does not vouch for the person who contacted you" in text
    assert "Data as of 20 November 2026" in text
    assert "Demo data" in text
    labels = reply.buttons
    for wanted in ("Check another", "Check the whole job offer", "Report this recruiter", "Main menu"):
        assert any(wanted in label for label in labels), labels


async def test_licensed_by_exact_name_in_another_word_order_has_no_compare_note(demo):
    ana = demo.user(2002, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("P.T. Demo sejahtera-bersama MAJU")
    assert "Licensed" in reply.text and "letter by letter" not in reply.text


async def test_licensed_by_licence_number_with_spaces_and_lower_case(demo):
    ana = demo.user(2003, "Ana", language_code="en")
    reply = await ana.say("/cekpt demo p3mi 001 2023")
    text = reply.text
    assert "Licensed" in text and "PT DEMO Maju Bersama Sejahtera" in text
    assert "Found by the licence number" in text and "letter by letter" in text
    # The command left the user ready for another query: a typed name is checked at once.
    reply = await ana.say("demo/p3mi/002/2022")
    assert "PT DEMO Flobamora Jaya Abadi" in reply.text


async def test_licensed_by_phone_asks_to_compare_the_name(demo):
    ana = demo.user(2004, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("0380 000 0101")
    text = reply.text
    assert "Licensed" in text and "PT DEMO Maju Bersama Sejahtera" in text
    assert "You gave a phone number" in text and "letter by letter" in text


async def test_shared_contact_card_is_checked_by_its_phone(demo):
    ana = demo.user(2005, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.contact("+62 389 000 0108", first_name="Pak Recruiter")
    assert "PT DEMO Bintang Timor Sentosa" in reply.text and "Licensed" in reply.text


# Suspended, revoked, expired ------------------------------------------------------------------------------


async def test_revoked_is_stated_plainly_with_what_to_do(demo):
    ana = demo.user(2011, "Ana", language_code="en")
    await open_check(ana)
    text = (await ana.say("demo flobamora jaya makmur")).text
    assert "Licence revoked" in text and "PT DEMO Flobamora Jaya Makmur" in text
    assert "may no longer recruit or send workers" in text
    assert "Sanctions in the official list:" in text and "licence revoked on 1 August 2025" in text
    assert "Do not hand over your KTP" in text and "BP3MI NTT" in text
    assert "Licensed" not in text


async def test_suspended_is_stated_plainly(demo):
    ana = demo.user(2012, "Ana", language_code="en")
    text = (await ana.say("/cekpt DEMO/P3MI/004/2022")).text
    assert "Licence suspended" in text and "may not recruit or send workers now" in text


async def test_expired_by_status_and_by_date(demo):
    ana = demo.user(2013, "Ana", language_code="en")
    await open_check(ana)
    text = (await ana.say("demo sumba harapan indah")).text
    assert "Licence expired" in text and "expired on 30 June 2025" in text
    assert "until the licence is renewed" in text
    # Listed as active, but its expiry date (2026-10-31) has passed.
    text = (await ana.say("demo lintas samudra utama")).text
    assert "Licence expired" in text and "31 October 2026" in text
    assert "still shows it as active" in text


# Not found, ambiguous ------------------------------------------------------------------------------------


async def test_not_found_never_says_illegal_and_explains_what_it_means(demo):
    ana = demo.user(2021, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("PT Sejahtera Abadi Makmur Sentosa")
    text = reply.text
    assert "Not in the list" in text and "Sejahtera Abadi Makmur Sentosa" in text
    assert not ILLEGAL.search(text), text
    assert "may be written differently" in text and "may be new" in text
    assert "licence number" in text and "BP3MI NTT" in text and "LTSA" in text
    assert "calo, sponsor, PL" in text and "never licensed" in text
    assert "Data as of" in text
    assert any("Report this recruiter" in b for b in reply.buttons)


async def test_not_found_in_indonesian_never_says_ilegal(demo):
    budi = demo.user(2022, "Budi", language_code="id")
    await budi.say("/start")
    await budi.press("Cek perusahaan")
    for query in ("PT Sejahtera Abadi Makmur Sentosa", "0812 3456 7890", "KEP 123/2020"):
        text = (await budi.say(query)).text
        assert "Data per" in text and "calo" in text, text
        assert not ILLEGAL.search(text), text


async def test_phone_not_found_says_personal_numbers_are_common(demo):
    ana = demo.user(2023, "Ana", language_code="en")
    text = (await ana.say("/cekpt 0812 3456 7890")).text
    assert "not the official number of any company" in text and not ILLEGAL.search(text)


async def test_did_you_mean_suggestion_can_be_opened(demo):
    ana = demo.user(2024, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("maju bersama")
    assert reply.text.startswith("🔎 Did you mean PT DEMO Maju Bersama Sejahtera?")
    assert "PT DEMO Maju Bersama Sejahtera" in reply.buttons[0]
    reply = await ana.press("PT DEMO Maju Bersama Sejahtera")
    assert "Licensed" in reply.text and "You chose this company from similar names" in reply.text


async def test_ambiguous_names_are_listed_and_one_can_be_picked(demo):
    ana = demo.user(2031, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("flobamora jaya")
    text = reply.text
    assert text.startswith("🔎 Did you mean one of these?")
    assert "PT DEMO Flobamora Jaya Abadi" in text and "PT DEMO Flobamora Jaya Makmur" in text
    assert "Licence revoked" in text and "Licensed, valid until 14 July 2027" in text
    labels = reply.buttons
    assert any("Jaya Abadi" in b for b in labels) and any("Jaya Makmur" in b for b in labels)
    assert any("None of these" in b for b in labels)
    reply = await ana.press("Jaya Makmur")
    assert "Licence revoked" in reply.text and "You chose this company" in reply.text


async def test_none_of_these_is_a_careful_not_found(demo):
    ana = demo.user(2032, "Ana", language_code="en")
    await open_check(ana)
    await ana.say("flobamora")
    reply = await ana.press("None of these")
    assert "Not in the list" in reply.text and not ILLEGAL.search(reply.text)
    assert "Did you mean" not in reply.text


async def test_pick_from_an_old_list_still_works_and_forged_buttons_are_refused(demo):
    ana = demo.user(2033, "Ana", language_code="en")
    await open_check(ana)
    await ana.say("flobamora jaya")
    old_list = demo.emulator.last_bot_message(ana.chat_id, with_buttons=True)
    await ana.say("demo alor mitra sejati")
    # A button of the earlier list, pressed after another answer: still answers for that company.
    demo.emulator.press(ana.user, old_list, label="Jaya Abadi")
    reply = await ana.settle()
    assert "Licensed" in reply.text and "PT DEMO Flobamora Jaya Abadi" in reply.text
    # Lists pushed out by newer answers, unknown values, junk: a short notice, no message, no crash.
    for data in ("rc:pick:999:0", "rc:pick:1:77", "rc:zap:1:0", "rc:pick:x:y", "ro:fees:maybe", "rn:read:0:etc.none"):
        demo.emulator.press(ana.user, old_list, callback_data=data)
        reply = await ana.settle()
        assert reply.messages == [], (data, reply.texts)
        assert reply.answers and "no longer active" in (reply.answers[0].text or ""), data


# Bad input ------------------------------------------------------------------------------------------------


async def test_bad_input_while_waiting_for_a_name(demo):
    ana = demo.user(2041, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("x" * 201)
    assert "at most 200 characters" in reply.text
    reply = await ana.say("?!")
    assert "Please write a company name" in reply.text or "too short" in reply.text
    reply = await ana.say("- -")
    assert "too short" in reply.text or "Please write a company name" in reply.text
    reply = await ana.sticker()
    assert "I can only look up text" in reply.text
    reply = await ana.photo()
    assert "I can only look up text" in reply.text
    # Still waiting for a name after all that.
    reply = await ana.say("demo ende lio mandiri")
    assert "Licensed" in reply.text and "Branches in NTT: Ende, Sikka, Nagekeo" in reply.text


async def test_company_data_and_queries_are_shown_html_escaped(demo):
    ana = demo.user(2046, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("<b>PT Jaya</b> & Co")
    # Escaped, so Telegram shows the tags as typed instead of making text bold (or refusing the message).
    assert "Not in the list" in reply.text and "“<b>PT Jaya</b> & Co”" in reply.text


async def test_checking_is_refused_politely_while_a_report_is_being_written(demo):
    ana = demo.user(2047, "Ana", language_code="en")
    await ana.say("/start")
    menu = demo.emulator.last_bot_message(ana.chat_id, with_buttons=True)
    await ana.press("Report a case")
    demo.emulator.press(ana.user, menu, label="Check a recruiter")
    reply = await ana.settle()
    assert "You have a report in progress" in reply.text
    reply = await ana.press("Continue the report")
    assert "in danger right now" in reply.text


async def test_start_or_menu_leaves_the_waiting_state(demo):
    ana = demo.user(2042, "Ana", language_code="en")
    await open_check(ana)
    reply = await ana.say("/start")
    assert "Welcome to Tipline NTT" in reply.text
    reply = await ana.say("demo ende lio mandiri")
    assert "Licensed" not in reply.text  # no longer a query: the fallback answers
    await open_check(ana)
    await ana.press("Main menu")
    reply = await ana.say("demo ende lio mandiri")
    assert "Licensed" not in reply.text


async def test_no_registry_loaded_says_so_and_points_to_the_official_list(harness):
    ana = harness.user(2043, "Ana", language_code="en")
    reply = await ana.say("/recruiter demo maju bersama sejahtera")
    assert "not loaded yet" in reply.text and "siskop2mi.bp2mi.go.id" in reply.text
    assert not ILLEGAL.search(reply.text)


async def test_old_data_is_flagged_and_real_data_is_not_called_demo(harness):
    set_app_day(harness, DEMO_AS_OF)
    old = (DEMO_AS_OF - timedelta(days=45)).isoformat()
    csv = DEMO_REGISTRY_FILE.read_text(encoding="utf-8")
    csv = re.sub(r",20\d\d-\d\d-\d\d,([^,]*)$", rf",{old},\1", csv, flags=re.MULTILINE)
    report = await harness.app.registry.import_csv(csv, "p3mi-old.csv", demo=False)
    assert report.snapshot.data_as_of.isoformat() == old
    ana = harness.user(2044, "Ana", language_code="en")
    text = (await ana.say("/cekpt DEMO/P3MI/009/2023")).text
    # Said right under the verdict, for readers who stop there.
    lines = text.splitlines()
    assert lines[0] == "✅ Licensed" and lines[2].startswith("⚠️ This list is from 13 October 2026, more than 30")
    assert "Demo data" not in text


async def test_report_this_recruiter_starts_a_report_with_the_recruiter_filled_in(demo):
    ana = demo.user(2045, "Ana", language_code="en")
    await open_check(ana)
    await ana.say("0380 000 0101")
    reply = await ana.press("Report this recruiter")
    assert "Report a case" in reply.text
    await ana.press(DANGER_NO)
    await ana.press(1)  # category: recruitment fraud
    await skip_to_story(ana)  # where, when, where to, people, minors, recruiter, route, relation: keep what is there
    await ana.say("He asked for my KTP and 2 million rupiah.")
    review = await ana.press(1)  # story done: the review
    assert "PT DEMO Maju Bersama Sejahtera (DEMO/P3MI/001/2023)" in review.text
    await ana.press(SUBMIT)
    [tip] = await tips(demo)
    answers = answers_of(demo, tip)
    assert "DEMO/P3MI/001/2023" in answers["recruiter"] and answers["prefilled_from"] == "recruiter_check"


# The whole offer ------------------------------------------------------------------------------------------


OFFER_RISKY = [
    "A person or a relative",  # where the offer came from
    "Plantation",  # job
    "Malaysia",  # destination
    "Yes",  # fees
    "Tourist",  # visa
    "No",  # contract seen
    "recruiter or the employer",  # passport
    "Nunukan",  # route
    "Yes",  # leave within days
]


async def test_offer_check_ends_in_a_prefilled_report(demo):
    ana = demo.user(2051, "Ana", language_code="en")
    await ana.say("/cekpt demo maju bersama sejahtera")
    reply = await ana.press("Check the whole job offer")
    assert "9 short questions" in reply.text and "Question 1 of 9" in reply.text
    for label in OFFER_RISKY:
        reply = await ana.press(label)
    text = reply.text
    assert "High risk" in text
    for sign in ("Money asked", "Not a work visa", "Passport kept by others", "Unofficial route"):
        assert sign in text, sign
    assert "No written contract" in text and "Recruited by a person" in text and "Rushed departure" in text
    labels = reply.buttons
    assert any("📖 Money asked" in b for b in labels) and any("Report this offer" in b for b in labels)
    # A sign's button shows the article behind it.
    article = await ana.press("📖 Not a work visa")
    assert "tourist" in article.text.lower() and "visa" in article.text.lower()
    reply = await ana.press("Report this offer")
    assert "Report a case" in reply.text
    await ana.press(DANGER_NO)
    await ana.press(1)  # category
    await skip_to_story(ana)
    await ana.say("A man in our village offered work in Malaysia.")
    review = await ana.press(1)  # story done: the review
    assert "Nunukan" in review.text
    reply = await ana.press(SUBMIT)
    case_and_receipt(reply)
    [tip] = await tips(demo)
    assert tip.category == "recruitment_fraud" and tip.departure == "this_week"
    answers = answers_of(demo, tip)
    assert answers["route"] == "Nunukan" and answers["departure"] == "this_week"
    assert answers["prefilled_from"] == "offer_check"


async def test_offer_check_with_no_warning_sign_is_careful(demo):
    ana = demo.user(2052, "Ana", language_code="en")
    await open_check(ana)
    await ana.press("Check the whole job offer")
    for label in ("company office", "Factory", "Taiwan", "No", "Work visa", "Yes", "I keep it myself", "No", "No"):
        reply = await ana.press(label)
    assert "No warning sign found" in reply.text and "does not prove the offer is safe" in reply.text
    assert "High risk" not in reply.text


async def test_offer_check_back_cancel_and_typing(demo):
    ana = demo.user(2053, "Ana", language_code="en")
    await open_check(ana)
    await ana.press("Check the whole job offer")
    await ana.press("TikTok")
    reply = await ana.press("Back")
    assert "Question 1 of 9" in reply.text and any(b.startswith("✓ TikTok") for b in reply.buttons)
    await ana.press("Facebook")
    reply = await ana.say("I think it's factory work")
    assert "Please answer with the buttons" in reply.text and "Question 2 of 9" in reply.text
    reply = await ana.sticker()
    assert "Please answer with the buttons" in reply.text
    # An answer button of an earlier question does nothing but say so.
    first = [m for m in ana.messages() if "Question 1 of 9" in m.get("text", "")][-1]
    demo.emulator.press(ana.user, first, label="Don't know")
    reply = await ana.settle()
    assert reply.messages == [] and "earlier question" in (reply.answers[0].text or "")
    reply = await ana.press("Cancel")
    assert "stopped" in reply.text and any("Report a case" in b for b in reply.buttons)
    # After cancelling, the old question's buttons are no longer active.
    demo.emulator.press(ana.user, first, label="WhatsApp")
    reply = await ana.settle()
    assert reply.messages == [] and "no longer active" in (reply.answers[0].text or "")


async def test_restart_in_the_middle_of_the_offer_check_resumes_it(demo):
    ana = demo.user(2054, "Ana", language_code="en")
    await open_check(ana)
    await ana.press("Check the whole job offer")
    for label in OFFER_RISKY[:6]:
        await ana.press(label)
    await demo.restart()
    reply = await ana.press("recruiter or the employer")
    assert "Question 8 of 9" in reply.text
    for label in OFFER_RISKY[7:]:
        reply = await ana.press(label)
    text = reply.text
    assert "High risk" in text and "Money asked" in text and "Not a work visa" in text


async def test_offer_check_in_tetun_and_malay(demo):
    maria = demo.user(2055, "Maria", language_code="en")
    await maria.say("/language")
    await maria.press("Tetun")
    reply = await maria.say("/cekpt demo flobamora jaya makmur")
    assert "PT DEMO Flobamora Jaya Makmur" in reply.text and not ILLEGAL.search(reply.text)
    siti = demo.user(2056, "Siti", language_code="ms")
    reply = await siti.say("/cekpt PT Tiada Dalam Senarai")
    assert not ILLEGAL.search(reply.text) and "calo" in reply.text
