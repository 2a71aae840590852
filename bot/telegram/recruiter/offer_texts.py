"""Wording of the job-offer check: questions, options, warning signs and the result (see
bot/services/registry/offer_check.py for the rules; ids there, words here)."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from bot.services.registry import QUESTIONS, OfferAssessment, OfferWarning
from bot.services.registry.offer_check import DONT_KNOW, NO, YES


def intro() -> str:
    return "\n".join(
        [
            "📝 <b>" + _("Check a job offer") + "</b>",
            _(
                "{count} short questions about the offer. Answer what you know; “Don't know” is a fine answer. "
                "Your answers are not sent to anyone."
            ).format(count=len(QUESTIONS)),
        ]
    )


def question(question_id: str) -> str:
    return {
        "channel": _("Where did you see or hear about the offer?"),
        "job": _("What is the job?"),
        "fees": _(
            "Were you asked to pay money? For example for registration, training, the medical check, "
            "the passport or the ticket."
        ),
        "visa": _("Which visa will you travel on?"),
        "contract": _("Have you seen a written employment contract?"),
        "passport": _("Who will keep your passport?"),
        "destination": _("Which country is the job in?"),
        "route": _("Will you travel through Nunukan, Pontianak, Batam or elsewhere in Kalimantan?"),
        "departure_soon": _("Are you asked to leave within a few days?"),
    }[question_id]


def progress(number: int, total: int) -> str:
    return _("Question {number} of {total}").format(number=number, total=total)


def option(question_id: str, option_id: str) -> str:
    if option_id == YES:
        return _("Yes")
    if option_id == NO:
        return _("No")
    if option_id == DONT_KNOW:
        return _("Don't know")
    labels = {
        # i18n: same in all languages
        ("channel", "facebook"): _("Facebook"),
        # i18n: same in all languages
        ("channel", "whatsapp"): _("WhatsApp"),
        # i18n: same in all languages
        ("channel", "tiktok"): _("TikTok"),
        ("channel", "social_other"): _("Other social media"),
        ("channel", "person"): _("A person or a relative"),
        ("channel", "office"): _("A company office, the LTSA or the Disnaker"),
        ("channel", "other"): _("Somewhere else"),
        ("job", "domestic"): _("House work (housekeeper, nanny, carer)"),
        ("job", "plantation"): _("Plantation or farm"),
        ("job", "factory"): _("Factory"),
        ("job", "construction"): _("Construction"),
        ("job", "fishing"): _("Fishing boat or ship"),
        ("job", "other"): _("Another job"),
        ("visa", "work"): _("Work visa"),
        ("visa", "tourist_visit"): _("Tourist or visit visa"),
        ("visa", "pilgrimage"): _("Pilgrimage visa (umrah, hajj)"),
        ("passport", "me"): _("I keep it myself"),
        ("passport", "recruiter_or_employer"): _("The recruiter or the employer"),
        # i18n: same in all languages
        ("destination", "malaysia"): _("Malaysia"),
        ("destination", "singapore"): _("Singapore"),
        # i18n: same in all languages
        ("destination", "hong_kong"): _("Hong Kong"),
        # i18n: same in all languages
        ("destination", "taiwan"): _("Taiwan"),
        ("destination", "saudi_middle_east"): _("Saudi Arabia or another Middle East country"),
        ("destination", "cambodia"): _("Cambodia"),
        ("destination", "thailand"): _("Thailand"),
        # i18n: same in all languages
        ("destination", "myanmar"): _("Myanmar"),
        ("destination", "other"): _("Another country"),
        # i18n: same in all languages
        ("route", "nunukan"): _("Nunukan"),
        # i18n: same in all languages
        ("route", "pontianak"): _("Pontianak"),
        # i18n: same in all languages
        ("route", "batam"): _("Batam"),
        ("route", "kalimantan_other"): _("Elsewhere in Kalimantan"),
    }
    return labels.get((question_id, option_id), option_id)


def unknown_label(question_id: str) -> str:
    """What a "don't know" answer leaves open, as a short phrase."""
    return {
        "channel": _("who offered the job"),
        "job": _("the job"),
        "fees": _("whether you must pay"),
        "visa": _("the visa"),
        "contract": _("the contract"),
        "passport": _("who keeps the passport"),
        "destination": _("the country"),
        "route": _("the route"),
        "departure_soon": _("the departure date"),
    }[question_id]


def sign_label(code: str) -> str:
    """Short name of a warning sign (a button label)."""
    return {
        "fees_charged": _("Money asked"),
        "non_work_visa": _("Not a work visa"),
        "passport_held": _("Passport kept by others"),
        "no_placement_agreement": _("Country without placement agreement"),
        "unofficial_route": _("Unofficial route"),
        "no_contract": _("No written contract"),
        "individual_recruiter": _("Recruited by a person"),
        "social_media_recruiter": _("Offer on social media"),
        "middle_east_domestic": _("House work in the Middle East"),
        "rushed_departure": _("Rushed departure"),
    }.get(code, code)


def sign_text(code: str) -> str:
    return {
        "fees_charged": _(
            "You were asked to pay. Workers may not be charged placement costs; a request for money first "
            "is a common sign of a job scam."
        ),
        "non_work_visa": _(
            "You would travel on a tourist, visit or pilgrimage visa. Working abroad needs a work visa; with "
            "another visa you work without protection and can be arrested."
        ),
        "passport_held": _(
            "Someone else would keep your passport. Your passport belongs to you; keeping it is a way to stop "
            "you from leaving."
        ),
        "no_placement_agreement": _(
            "Indonesia has no agreement to place workers in Cambodia, Thailand or Myanmar. "
            "Job offers there are a known trap."
        ),
        "unofficial_route": _(
            "The trip goes through Nunukan, Pontianak, Batam or Kalimantan: common ways to enter Malaysia "
            "without the right papers. Workers who go by the legal route travel with a work visa."
        ),
        "no_contract": _(
            "You have not seen a written contract. You must read and sign it before you leave, in a language "
            "you understand."
        ),
        "individual_recruiter": _(
            "You were recruited by a person, not a company office. A person (calo, sponsor, PL) may not place "
            "workers; only a licensed company may."
        ),
        "social_media_recruiter": _(
            "The offer came through social media. Recruiting through personal Facebook, WhatsApp or TikTok "
            "accounts is a common trap (“hand in your KTP and go”). A real offer names a company and a licence "
            "you can check here, and its job order is known at the LTSA or the Disnaker."
        ),
        "middle_east_domestic": _(
            "Since July 2015 Indonesia does not place house workers with families in Saudi Arabia or other "
            "Middle East countries (Kepmenaker 260/2015). The only exception has been a small official scheme "
            "for Saudi Arabia, through selected companies and with a Saudi company as the employer. Reopening "
            "was announced in 2025; ask the LTSA or BP3MI NTT whether it has started and whether this offer is "
            "part of it. Other offers of house work there are a known trafficking route."
        ),
        "rushed_departure": _(
            "You are asked to leave within days. The legal process (training, medical check, visa, contract) "
            "takes weeks; a rush is a warning sign."
        ),
    }.get(code, code)


def risk_headline(risk: str) -> str:
    return {
        "high": "🔴 <b>" + _("High risk") + "</b>",
        "medium": "🟠 <b>" + _("Medium risk") + "</b>",
        "low": "🟢 <b>" + _("No warning sign found") + "</b>",
    }[risk]


def risk_text(risk: str) -> str:
    return {
        "high": _(
            "This offer has serious warning signs of a job scam or of trafficking. Do not hand over your KTP, "
            "passport or money, and do not leave before you have checked the offer at the LTSA or the Disnaker."
        ),
        "medium": _(
            "This offer has warning signs. Check it at the LTSA or the Disnaker before you go further, and do not "
            "hand over your KTP or money yet."
        ),
        "low": _(
            "Nothing you told me is a warning sign. This does not prove the offer is safe: still check the "
            "company, and ask for the job order and the recruitment permit (SIP)."
        ),
    }[risk]


def result_text(assessment: OfferAssessment) -> str:
    lines = ["📝 <b>" + _("Result of the offer check") + "</b>", "", risk_headline(assessment.risk)]
    lines.append(risk_text(assessment.risk))
    if assessment.warnings:
        lines += ["", "<b>" + _("Warning signs:") + "</b>"]
        lines += [f"• <b>{sign_label(w.code)}</b>: {sign_text(w.code)}" for w in assessment.warnings]
    if assessment.unknowns:
        unknown = ", ".join(unknown_label(q) for q in assessment.unknowns)
        lines += [
            "",
            "❓ "
            + _(
                "You did not know: {things}. Find these out before you go: a real offer can answer all of them."
            ).format(things=unknown),
        ]
    lines += [
        "",
        _("Tap a warning sign to read more. Also check the company itself with “Check a recruiter”."),
    ]
    return "\n".join(lines)


def read_label(warning: OfferWarning) -> str:
    return "📖 " + sign_label(warning.code)


def topic_label(topic_id: str) -> str:
    return "📖 " + {
        "redflags.signs": _("Warning signs of a job scam"),
        "recruiter.check": _("How to check a recruiter"),
    }.get(topic_id, topic_id)


def article_missing() -> str:
    return _("This article is not available yet.")


def answer_with_buttons() -> str:
    return _("Please answer with the buttons under the question.")


def stale_question() -> str:
    return _("This button belongs to an earlier question. Please answer the latest one.")


def cancelled() -> str:
    return _("The offer check was stopped. Nothing was saved or sent.")


def back() -> str:
    return "⬅️ " + _("Back")


def cancel() -> str:
    return "✖️ " + _("Cancel")


def report_offer() -> str:
    return "🛡 " + _("Report this offer")


def check_recruiter() -> str:
    return "🏢 " + _("Check a recruiter")
