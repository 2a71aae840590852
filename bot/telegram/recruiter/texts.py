"""Every sentence of the recruiter journey (translated through gettext).

The wording is careful on purpose: a wrong "licensed" can send someone to a trafficker and a careless "illegal"
can defame a real company. So a licence is confirmed with the reminder that it does not vouch for the person who
made the offer, and "not found" only ever means "not in this list as of this date".

The first lines carry what matters, for people who read no further: the verdict, or for a name that is close to
a listed one, "Did you mean PT ...?" with that company's status; then how old the data is when it is old. The
caveats come after. Notes from the list (sanctions) are rendered from their structured form in the reader's
language (bot/services/registry/sanctions.py), never shown as the list's own words.
Company data and the user's query are HTML-escaped in these modules, nowhere else.

The sentences live in three modules by screen, re-exported here so that the journey asks ``texts.X`` for all of them:
labels.py (dates, status words, data age, branches), company_texts.py (one company), lookup_texts.py (not found,
several, no data, mixed input). This module holds the prompts, bad input and button labels.
"""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _

from bot.telegram.recruiter.company_texts import (
    did_you_mean,
    how_found,
    sanction_lines,
    sanction_text,
    single_text,
)
from bot.telegram.recruiter.labels import (
    HOW_LICENCE,
    HOW_LICENCE_DIFFERS,
    HOW_NAME,
    HOW_NAME_DIFFERS,
    HOW_PHONE,
    HOW_PICKED,
    KIND_LICENCE,
    KIND_NAME,
    KIND_PHONE,
    MAX_QUERY,
    MIN_QUERY,
    OFFICIAL_LIST_URL,
    SANCTIONS_URL,
    bold_name,
    footer,
    footer_lines,
    format_date,
    format_month,
    quote,
    split_branches,
    stale_lines,
    stale_warning,
    status_icon,
    status_label,
    status_phrase,
    status_sentence,
    title,
)
from bot.telegram.recruiter.lookup_texts import (
    ambiguous_text,
    cv_note,
    mixed_text,
    near_match_text,
    no_data_text,
    none_of_these_text,
    not_found_text,
    part_line,
    past_expiry,
    person_lines,
    suggestion_of,
)

__all__ = [
    "HOW_LICENCE",
    "HOW_LICENCE_DIFFERS",
    "HOW_NAME",
    "HOW_NAME_DIFFERS",
    "HOW_PHONE",
    "HOW_PICKED",
    "KIND_LICENCE",
    "KIND_NAME",
    "KIND_PHONE",
    "MAX_QUERY",
    "MIN_QUERY",
    "OFFICIAL_LIST_URL",
    "SANCTIONS_URL",
    "ambiguous_text",
    "bold_name",
    "check_another",
    "check_company",
    "check_offer",
    "company_gone",
    "cv_note",
    "did_you_mean",
    "empty_query",
    "footer",
    "footer_lines",
    "format_date",
    "format_month",
    "how_found",
    "main_menu_label",
    "mixed_text",
    "near_match_text",
    "no_data_text",
    "no_longer_active",
    "none_of_these",
    "none_of_these_text",
    "not_found_text",
    "not_text",
    "part_line",
    "past_expiry",
    "person_lines",
    "prompt",
    "prompt_again",
    "quote",
    "report_in_progress",
    "report_recruiter",
    "sanction_lines",
    "sanction_text",
    "single_text",
    "split_branches",
    "stale_lines",
    "stale_warning",
    "status_icon",
    "status_label",
    "status_phrase",
    "status_sentence",
    "suggestion_of",
    "title",
    "too_long",
    "too_short",
]


# Prompts and bad input ------------------------------------------------------------------------------------


def prompt() -> str:
    return "\n".join(
        [
            title(),
            _(
                "Write the name of the company (PT), its licence number, or the phone number the recruiter "
                "gave you. For example: Maju Jaya, or 0812 3456 7890."
            ),
            "",
            _("I look it up in the official list of licensed placement companies (P3MI)."),
        ]
    )


def prompt_again() -> str:
    return _("Write the company name, licence number or phone number to check.")


def empty_query() -> str:
    return _("Please write a company name, a licence number or a phone number.")


def too_short() -> str:
    return _("That is too short to look up. Please write at least {limit} letters or digits.").format(limit=MIN_QUERY)


def too_long() -> str:
    return _(
        "That is too long: write at most {limit} characters, only the company name, the licence number "
        "or the phone number."
    ).format(limit=MAX_QUERY)


def not_text() -> str:
    return _(
        "I can only look up text. Please write the company name, the licence number or the phone number in a message."
    )


def report_in_progress() -> str:
    return _("You have a report in progress. Continue it or discard it first, then check the recruiter.")


def no_longer_active() -> str:
    return _("This button is no longer active.")


def company_gone() -> str:
    return _("This company is no longer in the current list. Please check the name again.")


# Buttons --------------------------------------------------------------------------------------------------


def check_another() -> str:
    return "🔁 " + _("Check another")


def check_offer() -> str:
    return "📝 " + _("Check the whole job offer")


def report_recruiter() -> str:
    return "🛡 " + _("Report this recruiter")


def none_of_these() -> str:
    return _("None of these")


def main_menu_label() -> str:
    return "↩️ " + _("Main menu")


def check_company(name: str) -> str:
    """The button under an advice answer that names a company (bot/telegram/recruiter/entry.py)."""
    return "🏢 " + _("Check {name}").format(name=name)
