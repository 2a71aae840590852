"""Every sentence the advice journey shows, in one place (translated through gettext).

Article titles, bodies, sources and confirm notes come from the knowledge base (content/kb), already written in
each language; only the frame around them is here.
"""

from __future__ import annotations

import datetime as dt

from aiogram.utils.i18n import gettext as _

from bot.services.helplines import HELPLINES


def browse_title() -> str:
    return _("Ask about working abroad")


def browse_intro() -> str:
    return "\n\n".join(
        [
            "✈️ <b>" + browse_title() + "</b>",
            _("Choose a topic below, or simply write your question in your own words, for example:"),
            "<i>" + example_question() + "</i>",
        ]
    )


def example_question() -> str:
    return _("How old do I have to be to work abroad?")


def choose_question() -> str:
    return _("Choose a question:")


def no_words() -> str:
    return _("I can't find an answer in stickers or emoji.")


def scope() -> str:
    return _(
        "I answer questions about working abroad safely and legally: age and documents, the official "
        "steps, costs, recruiters, visas, your rights abroad, and where to get help."
    )


def capabilities() -> str:
    return "\n\n".join(
        [
            scope(),
            _("Write your question in words, for example:") + "\n<i>" + example_question() + "</i>",
            _("Or choose from the menu:"),
        ]
    )


# Article footer ------------------------------------------------------------------------------------------


def month_name(month: int) -> str:
    names = {
        1: _("January"),
        2: _("February"),
        3: _("March"),
        4: _("April"),
        5: _("May"),
        6: _("June"),
        7: _("July"),
        8: _("August"),
        9: _("September"),
        10: _("October"),
        11: _("November"),
        12: _("December"),
    }
    return names[month]


def format_date(day: dt.date) -> str:
    return f"{day.day} {month_name(day.month)} {day.year}"


def checked_on(day: dt.date | None) -> str:
    if day is None:
        return _("Date of the last check unknown")
    return _("Checked on {date}").format(date=format_date(day))


def may_be_outdated() -> str:
    return _("This was checked more than a year ago and may be out of date; confirm at LTSA or Disnaker.")


def sources_label() -> str:
    return _("Sources:")


def was_this_helpful() -> str:
    return _("Was this helpful?")


# Warning signs -------------------------------------------------------------------------------------------


def warning_header() -> str:
    return _("Warning signs of trafficking in your message:")


def flag_text(code: str) -> str:
    texts = {
        "fee": _("someone is asking for money, or a debt to be paid from wages, to get the job"),
        "debt_bondage": _("a loan from the recruiter's side, paid back from wages: that is debt bondage"),
        "fee_excessive": _("more money than the rules allow for this job"),
        "documents_held": _("someone is keeping a passport or other documents"),
        "tourist_visa": _("going to work on a tourist or umrah visa"),
        "no_agreement_destination": _("a country where Indonesian workers may not be placed (such as Cambodia)"),
        "unofficial_route": _("leaving by an unofficial route or without proper documents"),
        "child": _("a child under 18 going to work"),
        "confinement": _("someone is locked up or not allowed to leave"),
        "violence": _("someone is being hit or hurt"),
    }
    return texts.get(code, _("a sign of trafficking"))


def warning_lead() -> str:
    return _("Warning sign:")


def warning_tail() -> str:
    return _("In danger now? Police: {number}.").format(number=HELPLINES.police)


def job_label(job: str | None) -> str:
    labels = {
        "plantation": _("plantation work"),
        "domestic": _("domestic work"),
        "carer": _("care work"),
        "driver": _("work as a family driver"),
        "cook": _("work as a cook"),
        "gardener": _("work as a gardener"),
        "cleaner": _("cleaning work"),
        "fishing": _("work as fishing crew"),
    }
    return labels.get(job or "", _("this job"))


def money_flag_text(amount: str, verdict: str, job: str | None, limit: str) -> str:
    """The warning about an amount: ``amount`` and ``limit`` already written out ("Rp15.000.000")."""
    if verdict == "zero_cost":
        return _("{amount} for {job}: the worker pays nothing (BP2MI Regulation 9/2020).").format(
            amount=amount, job=job_label(job)
        )
    return _("{amount} is more than the official cost list for Taiwan allows (about {limit}).").format(
        amount=amount, limit=limit
    )


def caveat_once() -> str:
    return _("Rules change: check at LTSA before you pay or sign.")


def more_button() -> str:
    return "📖 " + _("More")


def sources_button() -> str:
    return "🔗 " + _("Sources")


def warning_footer() -> str:
    return _(
        "This can be human trafficking. You can report it anonymously with the button below. "
        "If someone is in danger right now, call the police on {number}."
    ).format(number=HELPLINES.police)


# Answers to questions ------------------------------------------------------------------------------------


def long_question(limit: int) -> str:
    return _(
        "Your message is long, so I searched with its first part only (about {limit} characters). "
        "For a better answer, ask one short question at a time."
    ).format(limit=limit)


def report_offer() -> str:
    return _("To report a case, press the report button below. You do not have to give your name.")


def not_sure() -> str:
    return _("I am not sure I understood your question. These topics come closest:")


def nothing_found() -> str:
    return _("I could not find an answer to this in what I know.")


def offer_staff() -> str:
    return _("Choose a topic, write your question in other words, or ask the task force: a person will answer you.")


# Buttons -------------------------------------------------------------------------------------------------


def all_topics_button() -> str:
    return "📚 " + _("All topics")


def main_menu_button() -> str:
    return "↩️ " + _("Main menu")


def report_button() -> str:
    return "🚨 " + _("Report this")


def ask_staff_button() -> str:
    return "🙋 " + _("Ask the task force")


def yes_button() -> str:
    return "👍 " + _("Yes")


def no_button() -> str:
    return "👎 " + _("No")


def helpful_button() -> str:
    return "👍 " + _("Helpful")


def not_helpful_button() -> str:
    return "👎 " + _("Not helpful")


def send_button() -> str:
    return "📨 " + _("Send the question")


def cancel_button() -> str:
    return "✖️ " + _("Do not send")


# Votes ---------------------------------------------------------------------------------------------------


def thanks_helpful() -> str:
    return _("Thank you! Glad it helped.")


def thanks_not_helpful() -> str:
    return _("Thank you for telling us.")


def sorry_not_helpful(can_ask_staff: bool) -> str:
    if can_ask_staff:
        return _(
            "Sorry this did not help. You can write your question in other words, choose another topic, "
            "or ask the task force."
        )
    return _("Sorry this did not help. You can write your question in your own words, or choose another topic.")


def already_voted() -> str:
    return _("You have already answered. Thank you!")


# Passing a question to the task force --------------------------------------------------------------------


def confirm_send(question_html: str, shortened: bool) -> str:
    parts = [
        "🙋 <b>" + _("Send this question to the task force?") + "</b>",
        "<blockquote>" + question_html + "</blockquote>",
    ]
    if shortened:
        parts.append(_("(Shortened here; the whole question will be sent.)"))
    parts.append(
        _(
            "Your name, number and Telegram account are not sent. You will get a secret receipt code; "
            "the answer will come under “Check my report” in the main menu."
        )
    )
    return "\n\n".join(parts)


def question_sent(case: str, receipt: str) -> str:
    return "\n".join(
        [
            "✅ <b>" + _("Your question has been sent to the task force.") + "</b>",
            "",
            _("Case number: {case}").format(case=f"<code>{case}</code>"),
            _("Your secret receipt code: {code}").format(code=f"<code>{receipt}</code>"),
            "",
            _(
                "Write the receipt code down and keep it private. The answer will come through “Check my report” "
                "in the main menu: choose it and enter this code. It may take a few working days."
            ),
        ]
    )


def question_already_sent(case: str) -> str:
    return _("This question was already sent as case {case}.").format(case=f"<code>{case}</code>")


def not_sent() -> str:
    return _("All right, the question was not sent.")


def limit_reached(limit: int) -> str:
    return _(
        "You have already sent {limit} reports and questions today, the most for one day. Please send this one "
        "tomorrow. If someone is in danger now, call the police on {number}."
    ).format(limit=limit, number=HELPLINES.police)


def button_inactive() -> str:
    return _("This button is no longer active.")
