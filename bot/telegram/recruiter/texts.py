"""Every sentence of the recruiter journey, in one place (translated through gettext).

The wording is careful on purpose: a wrong "licensed" can send someone to a trafficker and a careless "illegal"
can defame a real company. So a licence is confirmed with the reminder that it does not vouch for the person who
made the offer, and "not found" only ever means "not in this list as of this date".
Company data and the user's query are HTML-escaped here, nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.registry import STALE_AFTER_DAYS, LicenceStatus, LookupResult, Match, Verdict
from bot.services.registry.index import (
    MATCHED_BY_LICENCE,
    MATCHED_BY_PHONE,
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_PAST_EXPIRY,
    NOTE_SIMILAR_NAME_ONLY,
)
from bot.services.registry.normalise import phone_lookup_keys

OFFICIAL_LIST_URL = "https://siskop2mi.bp2mi.go.id/profil/lembaga/list_lembaga/p3mi"
# Longest query accepted; the registry index cuts longer ones anyway (index.MAX_QUERY_LENGTH).
MAX_QUERY = 200
MIN_QUERY = 2
# How much of the user's query is repeated back.
_QUOTE = 80

# How a single company was found: decides which "compare the name" note goes with it.
HOW_NAME = "name"
HOW_NAME_DIFFERS = "name_differs"
HOW_PHONE = "phone"
HOW_LICENCE = "licence"
HOW_PICKED = "picked"


# Prompts and bad input ------------------------------------------------------------------------------------


def title() -> str:
    return "🏢 <b>" + _("Check a recruiter") + "</b>"


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


# Dates and labels -----------------------------------------------------------------------------------------


def format_date(day: date) -> str:
    months = (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )
    return f"{day.day} {months[day.month - 1]} {day.year}"


def status_label(status: LicenceStatus) -> str:
    return {
        LicenceStatus.ACTIVE: _("active"),
        LicenceStatus.SUSPENDED: _("suspended"),
        LicenceStatus.REVOKED: _("revoked"),
        LicenceStatus.EXPIRED: _("expired"),
    }[status]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE:
        text = text[: _QUOTE - 1] + "…"
    return escape(text)


def _name(match: Match) -> str:
    return "<b>" + escape(match.name) + "</b>"


# One company ----------------------------------------------------------------------------------------------


def _headline(verdict: Verdict, match: Match) -> list[str]:
    name = _name(match)
    if verdict is Verdict.LICENSED:
        return [
            "✅ <b>" + _("Licensed") + "</b>",
            _("{name} is in the official list of licensed placement companies (P3MI), with an active licence.").format(
                name=name
            ),
        ]
    if verdict is Verdict.SUSPENDED:
        return [
            "⛔ <b>" + _("Licence suspended") + "</b>",
            _("The official list says the licence of {name} is suspended.").format(name=name),
            _("This means the company may not recruit or send workers now."),
        ]
    if verdict is Verdict.REVOKED:
        return [
            "⛔ <b>" + _("Licence revoked") + "</b>",
            _("The official list says the licence of {name} was revoked.").format(name=name),
            _("This means the company may no longer recruit or send workers."),
        ]
    # Expired, by its status or by the date.
    lines = ["⚠️ <b>" + _("Licence expired") + "</b>"]
    if match.licence_expires is not None:
        lines.append(
            _("The licence of {name} expired on {date}.").format(name=name, date=format_date(match.licence_expires))
        )
    else:
        lines.append(_("The official list says the licence of {name} has expired.").format(name=name))
    lines.append(
        _(
            "This means the company may not recruit or send workers until the licence is renewed; "
            "a renewed licence would show in the official list."
        )
    )
    return lines


def _details(match: Match, verdict: Verdict) -> list[str]:
    lines = ["", _("Licence number: {number}").format(number="<code>" + escape(match.licence_number) + "</code>")]
    status = status_label(match.effective_status)
    if verdict is Verdict.LICENSED and match.licence_expires is not None:
        status = _("{status}, valid until {date}").format(status=status, date=format_date(match.licence_expires))
    lines.append(_("Status: {status}").format(status=status))
    if match.past_expiry and match.status is LicenceStatus.ACTIVE:
        lines.append(_("(The list still shows it as active, but its expiry date has passed.)"))
    ntt, other = split_branches(match.branches)
    if ntt:
        lines.append(_("Branches in NTT: {places}").format(places=", ".join(escape(b) for b in ntt)))
    elif match.branches:
        lines.append(_("No branch in NTT is listed."))
    if other:
        lines.append(_("Other branches: {places}").format(places=", ".join(escape(b) for b in other)))
    if match.head_office:
        lines.append(_("Head office: {place}").format(place=escape(match.head_office)))
    if match.phone:
        lines.append(_("Official phone: {phone}").format(phone=escape(match.phone)))
    if match.sanctions:
        lines.append(_("Note in the list: {note}").format(note=escape(match.sanctions)))
    return lines


def _how_note(how: str) -> str | None:
    if how == HOW_PHONE:
        return _(
            "You gave a phone number: it is the official number of the company above. Check that the "
            "recruiter's papers show exactly this company name, letter by letter."
        )
    if how == HOW_LICENCE:
        return _(
            "Found by the licence number. Fake recruiters copy real licence numbers: check that the company "
            "name on the recruiter's papers is exactly this one, letter by letter."
        )
    if how == HOW_NAME_DIFFERS:
        return _(
            "The name you wrote is not exactly the name in the list. Compare the official name above with the "
            "recruiter's papers letter by letter: fake recruiters use names that look like real ones."
        )
    if how == HOW_PICKED:
        return _(
            "You chose this company from similar names. Make sure it is exactly the company on the recruiter's "
            "papers: compare the name and the licence number letter by letter."
        )
    return None


def _advice(verdict: Verdict) -> list[str]:
    if verdict is Verdict.LICENSED:
        return [
            "",
            "⚠️ "
            + _(
                "A licensed company does not vouch for the person who contacted you. Before you hand over "
                "your KTP, any document or any money:"
            ),
            "• " + _("ask for the job order and the recruitment permit (SIP) for this job;"),
            "• " + _("call the company on its official number to confirm that the person works for it;"),
            "• " + _("check the offer at the LTSA or the Disnaker (manpower office) of your regency."),
        ]
    return [
        "",
        _("What to do:"),
        "• " + _("Do not hand over your KTP, passport or other documents, or any money, to anyone recruiting for it."),
        "• " + _("Check at the LTSA, the Disnaker or BP3MI NTT."),
        "• " + _("If someone is recruiting in its name, you can report it here, anonymously."),
    ]


def single_text(result: LookupResult, match: Match, how: str) -> str:
    verdict = result.verdict
    lines = _headline(verdict, match)
    lines += _details(match, verdict)
    note = _how_note(how)
    if note:
        lines += ["", "🔤 " + note]
    lines += _advice(verdict)
    return "\n".join(lines + footer(result))


def how_found(result: LookupResult, match: Match) -> str:
    if match.matched_by == MATCHED_BY_PHONE:
        return HOW_PHONE
    if match.matched_by == MATCHED_BY_LICENCE:
        return HOW_LICENCE
    if NOTE_NAME_DIFFERS in result.notes or not match.exact:
        return HOW_NAME_DIFFERS
    return HOW_NAME


# Not found, several, no data ------------------------------------------------------------------------------


def looks_like_phone(query: str) -> bool:
    return bool(phone_lookup_keys(query))


def looks_like_licence(query: str) -> bool:
    """Digits enough to be a licence number ("KEP 123/2020"), not a name with a number in it ("3 Putra")."""
    return sum(ch.isdigit() for ch in query) >= 3 and not looks_like_phone(query)


def not_found_text(result: LookupResult, query: str, *, suggestion: Match | None) -> str:
    quoted = "“" + _quote(query) + "”"
    lines = ["🔎 <b>" + _("Not in the list") + "</b>"]
    if looks_like_phone(query):
        lines.append(
            _("The number {query} is not the official number of any company in the official list.").format(query=quoted)
        )
        lines.append(
            _(
                "Recruiters often use their own mobile number, so this says little. Ask for the company's full "
                "name and licence number, and check those."
            )
        )
    elif looks_like_licence(query):
        lines.append(_("No company in the official list has the licence number {query}.").format(query=quoted))
        lines.append(_("Check that you copied it exactly, or search by the company name."))
    else:
        lines.append(
            _("I did not find {query} in the official list of licensed placement companies (P3MI).").format(
                query=quoted
            )
        )
    lines += [
        "",
        _(
            "That alone does not tell you whether the company is licensed. The name may be written differently, "
            "the company may be new, or it may have no licence."
        ),
        "• " + _("Ask the recruiter for the company's full name and licence number, and check again here."),
        "• "
        + _("Check at the LTSA, the Disnaker or BP3MI NTT, or on the official list: {url}").format(
            url=OFFICIAL_LIST_URL
        ),
        "",
        "👤 "
        + _(
            "A person who recruits on their own (calo, sponsor, PL) is never licensed: only a company can be. "
            "Do not hand over your KTP or money to a person recruiting on their own."
        ),
    ]
    if suggestion is not None:
        lines += [
            "",
            "💡 "
            + _(
                "Did you mean {name}? A company in the list has a similar name, but it may be a different "
                "company: fake recruiters borrow real names. Tap it to see its details and compare letter by letter."
            ).format(name=_name(suggestion)),
        ]
    return "\n".join(lines + footer(result))


def none_of_these_text(result: LookupResult, query: str) -> str:
    return not_found_text(result, query, suggestion=None)


def ambiguous_text(result: LookupResult, query: str) -> str:
    lines = [
        "🔎 <b>" + _("Several similar names") + "</b>",
        _(
            "The official list has several companies with names like {query}. Which one is it? Compare the full "
            "name and the licence number with the recruiter's papers."
        ).format(query="“" + _quote(query) + "”"),
        "",
    ]
    for number, match in enumerate(result.matches, start=1):
        lines.append(
            f"{number}. {_name(match)}\n    "
            + _("licence {number}, {status}").format(
                number=escape(match.licence_number), status=status_label(match.effective_status)
            )
        )
    if NOTE_MANY_SIMILAR in result.notes:
        lines += ["", _("More companies have similar names: write the full name or the licence number.")]
    lines += ["", _("Tap the company to see its details. If none of them is exactly the company, tap “None of these”.")]
    return "\n".join(lines + footer(result))


def no_data_text() -> str:
    return "\n".join(
        [
            title(),
            _("The list of licensed companies is not loaded yet, so I cannot check it here now."),
            _("Check at the LTSA, the Disnaker or BP3MI NTT, or on the official list: {url}").format(
                url=OFFICIAL_LIST_URL
            ),
        ]
    )


def footer(result: LookupResult) -> list[str]:
    lines = [""]
    if result.data_as_of is not None:
        lines.append("📅 " + _("Data as of {date}.").format(date=format_date(result.data_as_of)))
    if result.stale:
        lines.append(
            "⚠️ "
            + _(
                "This list is more than {days} days old, so a licence may have changed since. Check the current "
                "list at the LTSA or the Disnaker, or on {url}"
            ).format(days=STALE_AFTER_DAYS, url=OFFICIAL_LIST_URL)
        )
    if result.demo:
        lines.append("🧪 " + _("Demo data: these companies are made up. This is not the real list."))
    return lines


def suggestion_of(result: LookupResult) -> Match | None:
    if result.verdict is Verdict.NOT_FOUND and NOTE_SIMILAR_NAME_ONLY in result.notes and result.matches:
        return result.matches[0]
    return None


def past_expiry(result: LookupResult) -> bool:
    return NOTE_PAST_EXPIRY in result.notes


# Branches -------------------------------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def _place_key(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


@cache
def _ntt_names() -> frozenset[str]:
    names: set[str] = set()
    for regency in places.regencies():
        names.add(_place_key(regency.name))
        names.update(_place_key(alias) for alias in regency.aliases)
        names.add(_place_key("kabupaten " + regency.name))
        names.add(_place_key("kab " + regency.name))
    return frozenset(names)


def split_branches(branches: Iterable[str]) -> tuple[list[str], list[str]]:
    """The branches in NTT (regency names as listed) and the others."""
    known = _ntt_names()
    ntt: list[str] = []
    other: list[str] = []
    for branch in branches:
        (ntt if _place_key(branch) in known else other).append(branch)
    return ntt, other


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
