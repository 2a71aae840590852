"""The whole-offer check asks where the offer was seen and what the job is: personal social-media recruiting is
a warning sign, house work in the Middle East meets the moratorium, and both reach a report."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.services.intake.submit import ANSWERS_CONTEXT
from db.models.tips import Tip
from tests.e2e.intake_steps import DANGER_NO, SUBMIT, skip_to_story
from tests.e2e.recruiter_steps import load_demo_registry


@pytest.fixture
async def demo(harness):
    return await load_demo_registry(harness)


async def start_offer_check(user, menu_label: str, offer_label: str):
    await user.say("/start")
    await user.press(menu_label)
    return await user.press(offer_label)


async def answer(user, labels):
    reply = None
    for label in labels:
        reply = await user.press(label)
    return reply


async def test_facebook_and_house_work_in_saudi_arabia_in_indonesian(demo):
    budi = demo.user(3201, "Budi", language_code="id")
    first = await start_offer_check(budi, "Cek perusahaan", "Cek seluruh tawaran kerja")
    assert "Pertanyaan 1 dari 9" in first.text and "Dari mana Anda melihat atau mendengar tawaran ini?" in first.text
    for option in ("Facebook", "WhatsApp", "TikTok", "Seseorang atau kerabat", "Tempat lain", "Tidak tahu"):
        assert any(option in b for b in first.buttons), option
    second = await budi.press("Facebook")
    assert "Pekerjaannya apa?" in second.text
    result = await answer(
        budi,
        ["Kerja rumah tangga", "Arab Saudi", "Tidak", "Visa kerja", "Ya", "Saya pegang sendiri", "Tidak", "Tidak"],
    )
    text = result.text
    assert "🔴 Risiko tinggi" in text
    assert "Tawaran lewat media sosial" in text and "akun pribadi Facebook, WhatsApp atau TikTok" in text
    assert "Kerja rumah tangga di Timur Tengah" in text and "Kepmenaker 260/2015" in text and "BP3MI NTT" in text
    labels = result.buttons
    assert any("📖 Tawaran lewat media sosial" in b for b in labels)
    # The knowledge base's article on the moratorium is one tap away.
    assert any("📖 Kerja rumah tangga di Timur Tengah" in b for b in labels)

    await budi.press("Laporkan tawaran ini")
    await budi.press(DANGER_NO)
    await budi.press(1)
    await skip_to_story(budi)
    await budi.say("Ada lowongan PRT ke Arab Saudi di Facebook.")
    await budi.press(1)  # Done: the review
    await budi.press(SUBMIT)
    async with demo.app.session_factory() as session:
        [tip] = (await session.scalars(select(Tip))).all()
    facts = demo.app.cipher.decrypt_json(tip.answers, context=ANSWERS_CONTEXT)["prefill_facts"]
    assert facts["destination"] == "saudi_middle_east"
    assert facts["red_flags"] == ["middle_east_domestic", "social_media_recruiter"]


async def test_tiktok_alone_is_a_warning_sign_and_a_company_office_is_not(demo):
    ana = demo.user(3202, "Ana", language_code="en")
    await start_offer_check(ana, "Check a recruiter", "Check the whole job offer")
    result = await answer(
        ana, ["TikTok", "Factory", "Taiwan", "No", "Work visa", "Yes", "I keep it myself", "No", "No"]
    )
    assert "🟠 Medium risk" in result.text and "Offer on social media" in result.text
    await start_offer_check(ana, "Check a recruiter", "Check the whole job offer")
    result = await answer(
        ana, ["company office", "Factory", "Taiwan", "No", "Work visa", "Yes", "I keep it myself", "No", "No"]
    )
    assert "No warning sign found" in result.text


async def test_a_person_or_relative_with_a_rushed_departure_is_high(demo):
    ana = demo.user(3203, "Ana", language_code="en")
    await start_offer_check(ana, "Check a recruiter", "Check the whole job offer")
    result = await answer(
        ana,
        ["A person or a relative", "Plantation", "Malaysia", "No", "Work visa", "Yes", "I keep it myself", "No", "Yes"],
    )
    assert "🔴 High risk" in result.text
    assert "Recruited by a person" in result.text and "Rushed departure" in result.text


async def test_thailand_is_high_whatever_the_job(demo):
    ana = demo.user(3204, "Ana", language_code="en")
    await start_offer_check(ana, "Check a recruiter", "Check the whole job offer")
    result = await answer(
        ana, ["company office", "Factory", "Thailand", "No", "Work visa", "Yes", "I keep it myself", "No", "No"]
    )
    assert "🔴 High risk" in result.text and "Country without placement agreement" in result.text


async def test_where_did_you_see_it_in_tetun(demo):
    maria = demo.user(3205, "Maria", language_code="en")
    await maria.say("/language")
    await maria.press("Tetun")
    first = await start_offer_check(maria, "Verifika rekrutadór", "Verifika oferta serbisu tomak")
    assert "Iha ne'ebé mak ita haree ka rona kona-ba oferta ne'e?" in first.text
    result = await answer(
        maria, ["Facebook", "Serbisu uma laran", "Arábia Saudita", "Lae", "Vistu serbisu", "Sin", "rasik", "Lae", "Lae"]
    )
    assert "Risku aas" in result.text
    assert "Oferta iha média sosiál" in result.text and "Serbisu uma laran iha Médiu Oriente" in result.text
    assert "Kepmenaker 260/2015" in result.text
