"""Every sentence the intake flow shows, in one place (translated through gettext)."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from bot.services.helplines import HELPLINES
from bot.services.intake.draft import MAX_EVIDENCE_ITEMS, Step


def question(step: Step) -> str:
    texts = {
        Step.DANGER: _(
            "Is anyone in danger right now? For example locked up, threatened, hurt, or about to be taken away."
        ),
        Step.CATEGORY: _("What happened? Choose what fits best, or write it in your own words."),
        Step.WHERE: _(
            "Where did this happen, or where are the people now? Choose the island, type the place, "
            "or share a location with the 📎 button."
        ),
        Step.WHEN: _("When are they leaving, or when did it happen?"),
        Step.PEOPLE: _("How many people are involved?"),
        Step.MINORS: _("Is anyone involved under 18 years old?"),
        Step.RECRUITER: _(
            "Do you know who recruited them? Write the name, phone number or company (PT), as much as you know."
        ),
        Step.ROUTE: _(
            "Do you know the route, or where they gather or leave from? "
            "For example El Tari airport, Tenau port, via Nunukan or Batam."
        ),
        Step.RELATION: _("How do you know about this?"),
        Step.STORY: _(
            "Now tell us what happened in your own words: who, what, where, when. You can write several "
            "messages or send a voice note. Press Done when you have finished."
        ),
        Step.EVIDENCE: _(
            "Do you have photos, screenshots, documents, voice notes or short videos? Send them now "
            "(up to {limit} files, 20 MB each), then press Done."
        ).format(limit=MAX_EVIDENCE_ITEMS),
        Step.CONTACT: _(
            "May the task force contact you if they have a question? By default your report is fully "
            "anonymous, and you can still follow it later with your receipt code."
        ),
    }
    return texts[step]


def step_title(step: Step) -> str:
    titles = {
        Step.DANGER: _("Danger now"),
        Step.CATEGORY: _("What happened"),
        Step.WHERE: _("Where"),
        Step.WHEN: _("When / departure"),
        Step.PEOPLE: _("How many people"),
        Step.MINORS: _("Anyone under 18"),
        Step.RECRUITER: _("Recruiter"),
        Step.ROUTE: _("Route"),
        Step.RELATION: _("How you know"),
        Step.STORY: _("Your story"),
        Step.EVIDENCE: _("Evidence"),
        Step.CONTACT: _("Contact"),
    }
    return titles[step]


def category_label(code: str) -> str:
    return {
        "recruitment_fraud": _("Fake job offer or illegal recruitment"),
        "undocumented_departure": _("Leaving without proper documents"),
        "forced_labour": _("Forced or unpaid work"),
        "sexual_exploitation": _("Sexual exploitation"),
        "child": _("A child is involved"),
        "documents_held": _("Passport or ID taken away"),
        "other": _("Something else"),
    }[code]


def departure_label(code: str) -> str:
    return {
        "today": _("Today or tonight"),
        "this_week": _("This week"),
        "later": _("Later"),
        "already_left": _("Already left"),
        "unknown": _("I don't know"),
    }[code]


def people_label(code: str) -> str:
    return {"1": _("One person"), "2-5": _("2 to 5"), "6+": _("More than 5"), "unknown": _("I don't know")}[code]


def yes_no_label(code: str) -> str:
    return {"yes": _("Yes"), "no": _("No"), "unknown": _("I don't know")}[code]


def danger_label(code: str) -> str:
    return {"yes": _("Yes, someone is in danger now"), "no": _("No"), "unknown": _("I'm not sure")}[code]


def relation_label(code: str) -> str:
    return {
        "self": _("It happened to me"),
        "family": _("A family member"),
        "neighbour": _("A neighbour or friend"),
        "witness": _("I saw it myself"),
        "online": _("I saw it online"),
        "other": _("Other"),
    }[code]


def contact_label(code: str) -> str:
    return {
        "anonymous": _("Stay anonymous"),
        "phone": _("Leave a phone number"),
        "chat": _("Allow messages in this chat"),
    }[code]


def island_label(code: str) -> str:
    return {
        "timor": _("Timor"),
        "flores": _("Flores"),
        "sumba": _("Sumba"),
        "islands": _("Alor, Lembata, Rote, Sabu"),
        "elsewhere_id": _("Elsewhere in Indonesia"),
        "abroad": _("Abroad"),
    }[code]


def danger_now_advice() -> str:
    return "\n".join(
        [
            "🆘 <b>" + _("Call for help now") + "</b>",
            _("Police: call {number}").format(number=HELPLINES.police),
            _("SAPA {number}: call {number} or WhatsApp {whatsapp}").format(
                number=HELPLINES.sapa, whatsapp=HELPLINES.sapa_whatsapp
            ),
            "",
            _("Your report is marked urgent. Let's continue so the task force gets the details quickly."),
        ]
    )


def back() -> str:
    return "⬅️ " + _("Back")


def skip() -> str:
    return _("Skip") + " ➡️"


def cancel() -> str:
    return "✖️ " + _("Cancel")


def done() -> str:
    return "✅ " + _("Done")


def not_answered() -> str:
    return _("not answered")


def skipped() -> str:
    return _("skipped")


def receipt_text(case_number: str, code: str) -> str:
    """The message with the case number and the secret receipt code (sent once, and again by the outbox if the
    first send failed)."""
    return (
        "✅ <b>"
        + _("Your report has been received.")
        + "</b>\n\n"
        + _("Case number: {case}").format(case=f"<code>{case_number}</code>")
        + "\n"
        + _("Your secret receipt code: {code}").format(code=f"<code>{code}</code>")
        + "\n\n"
        + _(
            "Write the receipt code down and keep it private. With it you can check your report and answer "
            "the task force's questions, from any phone. Whoever has the code can follow the report."
        )
    )
