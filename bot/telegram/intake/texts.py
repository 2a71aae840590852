"""Every sentence the report shows, in one place (translated through gettext). Button labels are in ``labels``."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.intake.checks import DANGER, Contradiction
from bot.services.intake.draft import MAX_EVIDENCE_ITEMS, Step
from bot.telegram.intake.labels import (
    category_label,
    contact_label,
    danger_label,
    departure_label,
    destination_label,
    island_label,
    people_label,
    relation_label,
    yes_no_label,
)

__all__ = [  # the labels are used by the staff screens through this module too
    "category_label",
    "contact_label",
    "danger_label",
    "departure_label",
    "destination_label",
    "island_label",
    "people_label",
    "relation_label",
    "yes_no_label",
]


def intro() -> str:
    return (
        "🛡 <b>"
        + _("Report a case")
        + "</b>\n"
        + _(
            "Your report is anonymous: we do not record your name, number or Telegram account with it. "
            "Answer what you know; you can skip what you don't know, go back, or cancel at any time."
        )
    )


# Each question translated when asked (translating the whole table for one question cost a dozen gettext calls).
_QUESTIONS: dict[Step, Callable[[], str]] = {
    Step.DANGER: lambda: _(
        "Is anyone in danger right now? For example locked up, threatened, hurt, or about to be taken away."
    ),
    Step.CATEGORY: lambda: _("What happened? Choose what fits best, or write it in your own words."),
    Step.WHERE: lambda: _(
        "Where did this happen, or where are the people now? Choose the island, type the place, "
        "or share a location with the 📎 button."
    ),
    Step.WHEN: lambda: _("When are they leaving, or when did it happen?"),
    Step.DESTINATION: lambda: _("Where are they going, or where were they taken? Choose the place, or type it."),
    Step.PEOPLE: lambda: _("How many people are involved?"),
    Step.MINORS: lambda: _("Is anyone involved under 18 years old?"),
    Step.RECRUITER: lambda: _(
        "Do you know who recruited them? Write the name, phone number or company (PT), as much as you know."
    ),
    Step.ROUTE: lambda: _(
        "Do you know the route, or where they gather or leave from? Choose the places you know and press "
        "Done, or write it, for example: via Tenau port to Nunukan."
    ),
    Step.RELATION: lambda: _("How do you know about this?"),
    Step.EVIDENCE: lambda: _(
        "Do you have photos, screenshots, documents, voice notes or short videos? Send them now "
        "(up to {limit} files, 20 MB each), then press Done."
    ).format(limit=MAX_EVIDENCE_ITEMS),
    Step.CONTACT: lambda: _(
        "May the task force contact you if they have a question? By default your report is fully "
        "anonymous, and you can still follow it later with your receipt code."
    ),
}


def question(step: Step, *, urgent: bool = False) -> str:
    if step is Step.STORY:
        return story_question(urgent)
    return _QUESTIONS[step]()


def story_question(urgent: bool) -> str:
    if urgent:
        return _(
            "Tell us in your own words what happened: who was taken or is in danger, by whom (a name or phone "
            "number if you know it), which way they went, and how you know. You can write several messages, "
            "send voice notes or photos. Press Done when you have finished."
        )
    return _(
        "Now tell us what happened in your own words: who, what, where, when. You can write several messages, "
        "send voice notes, photos, screenshots or documents (up to {limit} files, 20 MB each). Press Done when "
        "you have finished."
    ).format(limit=MAX_EVIDENCE_ITEMS)


_STEP_TITLES: dict[Step, Callable[[], str]] = {
    Step.DANGER: lambda: _("Danger now"),
    Step.CATEGORY: lambda: _("What happened"),
    Step.WHERE: lambda: _("Where"),
    Step.WHEN: lambda: _("When / departure"),
    Step.DESTINATION: lambda: _("Going to"),
    Step.PEOPLE: lambda: _("How many people"),
    Step.MINORS: lambda: _("Anyone under 18"),
    Step.RECRUITER: lambda: _("Recruiter"),
    Step.ROUTE: lambda: _("Route"),
    Step.RELATION: lambda: _("How you know"),
    Step.STORY: lambda: _("Your story"),
    Step.EVIDENCE: lambda: _("Evidence"),
    Step.CONTACT: lambda: _("Contact"),
}


def step_title(step: Step) -> str:
    return _STEP_TITLES[step]()


def received_so_far(count: int) -> str:
    return _("Received so far: {count}.").format(count=count)


def current_answer(answer: str) -> str:
    return _("Current answer: {answer}").format(answer=answer)


# Typed answers, pauses, the review's questions ---------------------------------------------------------------


def not_understood(text: str) -> str:
    shown = text if len(text) <= 60 else text[:60] + "…"
    return "🤔 " + _(
        "I did not understand “{text}” as an answer to this question. Please press one of the buttons."
    ).format(text=escape(shown))


def not_understood_free() -> str:
    return "🤔 " + _("That does not answer this question. Please write the answer, or press Skip.")


def pick_a_category() -> str:
    return "📝 " + _("Thank you, I have kept what you wrote. Which of these fits it best?")


def which_regency(place: str) -> str:
    return "📍 " + _("I have noted “{place}”. Which regency is it in? Choose the island, or type the regency.").format(
        place=escape(place)
    )


def type_the_place(abroad: bool) -> str:
    if abroad:
        return _("Write the name of the country, and the city if you know it.")
    return _("Write the name of the place (town, regency or province).")


def in_progress() -> str:
    return _("You have a report in progress.")


def in_progress_choose() -> str:
    return _("You have a report in progress. Do you want to continue it or discard it?")


def no_longer_open() -> str:
    return _("This report is no longer open.")


def deleted() -> str:
    return _("The report was deleted. Nothing was sent.")


def stale_button() -> str:
    return _("This button belongs to an earlier question. Please answer the latest one.")


def cancel_question() -> str:
    return _("Cancel this report? Everything you entered will be deleted and nothing will be sent.")


def already_reporting() -> str:
    return "🛡 " + _("You are already making a report. Let's go on from here:")


def welcome_back(step: Step) -> str:
    return (
        "👋 "
        + _("Welcome back. You were making a report; we had reached the question “{step}”.").format(
            step=step_title(step) if step is not Step.REVIEW else _("Please check your report")
        )
        + "\n"
        + _("Do you want to continue it, or start again?")
    )


def contradiction(check: Contradiction, category: str | None) -> str:
    if check.code == DANGER:
        lead = _("Your story says “{quote}”, but you answered that nobody is in danger right now.").format(
            quote=escape(check.quote)
        )
        return "⚠️ " + lead + "\n" + question(Step.DANGER)
    if check.quote:
        lead = _("Your story says “{quote}”, but you answered that nobody involved is under 18.").format(
            quote=escape(check.quote)
        )
    else:
        lead = _("You chose “{category}”, but answered that nobody involved is under 18.").format(
            category=category_label(category or "child")
        )
    return "⚠️ " + lead + "\n" + question(Step.MINORS)


# Story, files, places ----------------------------------------------------------------------------------------


def story_added(evidence_step: bool) -> str:
    if evidence_step:
        return _("Added to your story. Send files, or press Done.")
    return _("Added. Write more, send a voice note or photos, or press Done.")


def story_too_long(limit: int) -> str:
    return _(
        "Your story has reached {limit} characters, the most I can keep in one report. This last part "
        "was not added. You can send a voice note instead, or press Done."
    ).format(limit=limit)


def story_needed() -> str:
    return _("Please write at least a few words about what happened, or send a voice note.")


def typed_too_early() -> str:
    return "↪️ " + _(
        "You sent this before the question below appeared, so it was not saved as its answer. Please answer the "
        "question below; to change an earlier answer, press Back."
    )


def question_unconfirmed() -> str:
    return "↪️ " + _(
        "The bot was interrupted while showing the question below, so your message was not saved as its answer. "
        "Please answer the question below again."
    )


def answer_too_long(limit: int) -> str:
    return _(
        "That answer is too long for this question: at most {limit} characters. Please shorten it; "
        "there is room for the whole story later."
    ).format(limit=limit)


def report_continues() -> str:
    return _("Your report continues.")


def too_many_files(limit: int) -> str:
    return _("You have already added {limit} files, the most for one report.").format(limit=limit)


def file_type_refused() -> str:
    return _("This type of file cannot be added. Send photos, PDF or Word documents, voice notes, audio or videos.")


def file_too_big() -> str:
    return _("This file is larger than 20 MB, so I cannot receive it. Try a shorter video or a smaller file.")


def file_failed() -> str:
    return _("I could not receive this file. Please try sending it again.")


def voice_added() -> str:
    return _("Voice note received and added to your story. Say or write more, or press Done.")


def file_received(count: int, limit: int) -> str:
    return _("Received ({count} of {limit}).").format(count=count, limit=limit)


def will_be_attached() -> str:
    return _("It will be attached to your report.")


def location_received(attached_only: bool) -> str:
    if attached_only:
        return _("Location received. It will be attached to your report.")
    return _("Location received.")


def unsupported() -> str:
    return _("I can't use this kind of message in a report. Please answer with text, the buttons, or send a file.")


def use_the_buttons_below() -> str:
    return _("Please use the buttons below the summary to change an answer or to submit.")


# Sending ------------------------------------------------------------------------------------------------------


def phone_prompt() -> str:
    return _("Write the phone number the task force may call, for example 0812 3456 7890.")


def phone_invalid() -> str:
    return _(
        "That does not look like a phone number. Please write it with its area or country code, "
        "for example 0812 3456 7890 or +60 12 345 6789."
    )


def phone_confirm(phone: str) -> str:
    return _("Send the report with the number {phone}? The task force may call you on it.").format(
        phone=f"<code>{escape(phone)}</code>"
    )


def one_more_answer() -> str:
    return _("One more answer is needed before the report can be sent.")


def limit_text(limit: int) -> str:
    return _(
        "You have already sent {limit} reports today, the most for one day. Please send the next one tomorrow. "
        "If someone is in danger now, call the police on 110."
    ).format(limit=limit)


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


def already_filed() -> str:
    return "✅ " + _(
        "Your report was received; here is its receipt again. To report something else, press Report a case."
    )


def already_received(case_number: str) -> str:
    return _("This report was already received as case {case}.").format(case=case_number)


def keep_code_safe() -> str:
    return _("All right. Keep your receipt code safe.")


def chat_deleted() -> str:
    return _("The conversation was deleted from this chat.")


def clear_offer() -> str:
    return _(
        "Do you want me to delete this conversation from your phone, so nobody who picks it up can read it? "
        "Write down your receipt code first."
    )
