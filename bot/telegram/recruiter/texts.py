"""Every sentence of the recruiter journey, in one place (translated through gettext).

The wording is careful on purpose: a wrong "licensed" can send someone to a trafficker and a careless "illegal"
can defame a real company. So a licence is confirmed with the reminder that it does not vouch for the person who
made the offer, and "not found" only ever means "not in this list as of this date".

The first lines carry what matters, for people who read no further: the verdict, or for a name that is close to
a listed one, "Did you mean PT ...?" with that company's status; then how old the data is when it is old. The
caveats come after. Notes from the list (sanctions) are rendered from their structured form in the reader's
language (bot/services/registry/sanctions.py), never shown as the list's own words.
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
from bot.services.registry import (
    STALE_AFTER_DAYS,
    LicenceStatus,
    LookupResult,
    Match,
    QueryCheck,
    Sanction,
    SanctionKind,
    Verdict,
    parse_sanctions,
)
from bot.services.registry.index import (
    MATCHED_BY_LICENCE,
    MATCHED_BY_PHONE,
    NOTE_LICENCE_DIFFERS,
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_PAST_EXPIRY,
    NOTE_SIMILAR_NAME_ONLY,
)

OFFICIAL_LIST_URL = "https://siskop2mi.bp2mi.go.id/profil/lembaga/list_lembaga/p3mi"
SANCTIONS_URL = "https://siskop2mi.bp2mi.go.id/profil/lembaga/list_lembaga/p3mi_sanksi"
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
HOW_LICENCE_DIFFERS = "licence_differs"
HOW_PICKED = "picked"

# What a part of the query was taken as (bot/services/registry/check.py).
KIND_NAME = "name"
KIND_PHONE = "phone"
KIND_LICENCE = "licence"


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


def format_month(day: date) -> str:
    return format_date(day).split(" ", 1)[1]


def status_phrase(match: Match) -> str:
    """The company's status as a short phrase: "licensed, valid until ...", "licence expired on ..."."""
    status = match.effective_status
    expires = match.licence_expires
    if status is LicenceStatus.ACTIVE:
        if expires is not None:
            return _("licensed, valid until {date}").format(date=format_date(expires))
        return _("licensed")
    if status is LicenceStatus.SUSPENDED:
        return _("licence suspended")
    if status is LicenceStatus.REVOKED:
        return _("licence revoked")
    if match.status is LicenceStatus.ACTIVE and match.past_expiry and expires is not None:
        return _("licence expired on {date} (the list still shows it as active)").format(date=format_date(expires))
    if expires is not None:
        return _("licence expired on {date}").format(date=format_date(expires))
    return _("licence expired")


def status_icon(match: Match) -> str:
    return {LicenceStatus.ACTIVE: "✅", LicenceStatus.EXPIRED: "⚠️"}.get(match.effective_status, "⛔")


def status_sentence(match: Match) -> str:
    """The status as a line of its own: "✅ Licensed, valid until 29 February 2028." """
    phrase = status_phrase(match)
    return f"{status_icon(match)} {phrase[:1].upper()}{phrase[1:]}."


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
    lines += sanction_lines(match)
    return lines


def sanction_lines(match: Match) -> list[str]:
    notes = parse_sanctions(match.sanctions)
    if not notes:
        return []
    lines = [_("Sanctions in the official list:")]
    lines += ["• " + sanction_text(entry) for entry in notes.entries]
    if notes.unreadable:
        lines.append(
            "• "
            + _(
                "The list has another note on sanctions against this company; read it on the official list: {url}"
            ).format(url=SANCTIONS_URL)
        )
    return lines


def sanction_text(entry: Sanction) -> str:
    start = format_month(entry.start) if entry.start_month_only else format_date(entry.start)
    if entry.end is not None:
        end = format_month(entry.end) if entry.end_month_only else format_date(entry.end)
        return {
            SanctionKind.WARNING: _("written warning, {start} to {end}"),
            SanctionKind.SUSPENSION: _("activities suspended from {start} to {end}"),
            SanctionKind.FINE: _("administrative fine, {start} to {end}"),
            SanctionKind.REVOCATION: _("licence revoked from {start} to {end}"),
        }[entry.kind].format(start=start, end=end)
    return {
        SanctionKind.WARNING: _("written warning, {start}"),
        SanctionKind.SUSPENSION: _("activities suspended from {start}"),
        SanctionKind.FINE: _("administrative fine, {start}"),
        SanctionKind.REVOCATION: _("licence revoked on {start}"),
    }[entry.kind].format(start=start)


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
    if how == HOW_LICENCE_DIFFERS:
        return _(
            "Found by the numbers in the licence number you wrote, which is not written exactly as in the list. "
            "Fake recruiters copy real licence numbers: check that the number and the company name on the "
            "recruiter's papers are exactly these, letter by letter."
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


def did_you_mean(match: Match) -> list[str]:
    """The lead of an answer for a name close to a listed one: the likely company and its status."""
    return ["🔎 <b>" + _("Did you mean {name}?").format(name=escape(match.name)) + "</b>", status_sentence(match)]


def single_text(result: LookupResult, match: Match, how: str, *, before: list[str] | None = None) -> str:
    verdict = result.verdict
    # A name found despite typos may be another company: the answer says so before anything else.
    lines = list(before or [])
    lines += did_you_mean(match) if how == HOW_NAME_DIFFERS else _headline(verdict, match)
    lines += stale_lines(result)
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
        return HOW_LICENCE_DIFFERS if NOTE_LICENCE_DIFFERS in result.notes else HOW_LICENCE
    if NOTE_NAME_DIFFERS in result.notes or not match.exact:
        return HOW_NAME_DIFFERS
    return HOW_NAME


# Not found, several, no data ------------------------------------------------------------------------------


def _not_found_lead(query: str, kind: str) -> list[str]:
    quoted = "“" + _quote(query) + "”"
    if kind == KIND_PHONE:
        return [
            _("The number {query} is not the official number of any company in the official list.").format(
                query=quoted
            ),
            _(
                "Recruiters often use their own mobile number, so this says little. Ask for the company's full "
                "name and licence number, and check those."
            ),
        ]
    if kind == KIND_LICENCE:
        return [
            _("No company in the official list has the licence number {query}.").format(query=quoted),
            _("Check that you copied it exactly, or search by the company name."),
        ]
    return [
        _("I did not find {query} in the official list of licensed placement companies (P3MI).").format(query=quoted)
    ]


def _not_found_caveat() -> list[str]:
    return [
        _(
            "That alone does not tell you whether the company is licensed. The name may be written differently, "
            "the company may be new, or it may have no licence."
        ),
        "• " + _("Ask the recruiter for the company's full name and licence number, and check again here."),
        "• "
        + _("Check at the LTSA, the Disnaker or BP3MI NTT, or on the official list: {url}").format(
            url=OFFICIAL_LIST_URL
        ),
    ]


def _calo_note() -> str:
    return "👤 " + _(
        "A person who recruits on their own (calo, sponsor, PL) is never licensed: only a company can be. "
        "Do not hand over your KTP or money to a person recruiting on their own."
    )


def not_found_text(result: LookupResult, query: str, *, kind: str = KIND_NAME, before: list[str] | None = None) -> str:
    lines = [*(before or []), "🔎 <b>" + _("Not in the list") + "</b>"]
    lines += _not_found_lead(query, kind)
    lines += stale_lines(result)
    lines += ["", *_not_found_caveat(), "", _calo_note()]
    return "\n".join(lines + footer(result))


def near_match_text(result: LookupResult, query: str, suggestion: Match, *, before: list[str] | None = None) -> str:
    """A name that is not in the list but close to one company's: that company and its status first."""
    lines = [*(before or []), *did_you_mean(suggestion)]
    lines += stale_lines(result)
    lines += [
        "",
        _(
            "{query} is not written like this in the official list; the name above is the closest. It may be a "
            "different company: fake recruiters borrow real names. Tap it below for its details, and compare "
            "the name and the licence number with the recruiter's papers, letter by letter."
        ).format(query="“" + _quote(query) + "”"),
        "",
        _(
            "If it is another company: not being in this list does not tell you whether it is licensed (the name "
            "may be written differently, or the company may be new). Ask for its full name and licence number "
            "and check again, or ask at the LTSA, the Disnaker or BP3MI NTT."
        ),
    ]
    if suggestion.effective_status is LicenceStatus.ACTIVE:
        lines.append(
            _(
                "If it is this company: a licence does not vouch for the person who contacted you. Call the "
                "company on its official number to confirm that the person works for it."
            )
        )
    else:
        lines.append(_("If it is this company: it may not recruit or send workers now."))
    lines += ["", _calo_note()]
    return "\n".join(lines + footer(result))


def none_of_these_text(result: LookupResult, query: str) -> str:
    return not_found_text(result, query)


def ambiguous_text(result: LookupResult, query: str, *, before: list[str] | None = None) -> str:
    lines = [*(before or []), "🔎 <b>" + _("Did you mean one of these?") + "</b>"]
    for number, match in enumerate(result.matches, start=1):
        status = status_sentence(match).removesuffix(".")
        lines.append(f"{number}. {_name(match)}\n    {status} ({escape(match.licence_number)})")
    lines += stale_lines(result)
    lines += [
        "",
        _(
            "The official list has several companies with names like {query}. Compare the full name and the "
            "licence number with the recruiter's papers."
        ).format(query="“" + _quote(query) + "”"),
    ]
    if NOTE_MANY_SIMILAR in result.notes:
        lines += [_("More companies have similar names: write the full name or the licence number.")]
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


def stale_lines(result: LookupResult) -> list[str]:
    """Right under the lead, so that a reader who stops there knows the data is old."""
    if not result.stale or result.data_as_of is None:
        return []
    return [_stale_warning(result.data_as_of)]


def _stale_warning(as_of: date) -> str:
    return "⚠️ " + _(
        "This list is from {date}, more than {days} days ago: a licence may have changed since. Check the "
        "current list at the LTSA or the Disnaker, or on {url}"
    ).format(date=format_date(as_of), days=STALE_AFTER_DAYS, url=OFFICIAL_LIST_URL)


def footer(result: LookupResult) -> list[str]:
    return _footer(result.data_as_of, result.demo)


def _footer(as_of: date | None, demo: bool) -> list[str]:
    lines = [""]
    if as_of is not None:
        lines.append("📅 " + _("Data as of {date}.").format(date=format_date(as_of)))
    if demo:
        lines.append("🧪 " + _("Demo data: these companies are made up. This is not the real list."))
    return lines


# Mixed input: a person, phones, licence numbers and a name together ----------------------------------------


def cv_note() -> str:
    return "🏢 " + _(
        "A CV cannot be a licensed placement company: only a limited company (PT) can hold the licence (P3MI). "
        "A CV that recruits workers to go abroad is not a placement company."
    )


def person_lines(person: str) -> list[str]:
    return [
        "👤 <b>" + _("{name} is a person, not a company.").format(name="“" + _quote(person) + "”") + "</b>",
        _(
            "Only a company (PT) with a licence may recruit and place workers abroad. Under the law on migrant "
            "workers (UU 18/2017) a person may not place workers on their own: it is a crime, even if they "
            "say they work for a company."
        ),
        _("Ask which company they work for, and check its full name and licence number here."),
    ]


def part_line(kind: str, text: str, result: LookupResult) -> str:
    """One part of a mixed query and what the list says about it, in one or two lines."""
    icon = {KIND_PHONE: "📞", KIND_LICENCE: "🔢"}.get(kind, "🏢")
    head = f"{icon} <b>{_quote(text)}</b>"
    if result.verdict is Verdict.AMBIGUOUS:
        names = ", ".join(_name(m) for m in result.matches[:3])
        return head + "\n" + _("Several companies, tap one below: {names}").format(names=names)
    if result.verdict is Verdict.NOT_FOUND:
        suggestion = suggestion_of(result)
        if suggestion is not None:
            return (
                head
                + "\n"
                + _("Not in the list as written. Did you mean {name}?").format(name=_name(suggestion))
                + "\n"
                + status_sentence(suggestion)
            )
        if kind == KIND_PHONE:
            return (
                head
                + "\n"
                + _(
                    "Not the official number of any company in the list. Recruiters often use their own mobile "
                    "number, so this says little."
                )
            )
        if kind == KIND_LICENCE:
            return head + "\n" + _("No company in the list has this licence number.")
        return head + "\n" + _("Not in the list.")
    match = result.matches[0]
    if kind == KIND_PHONE:
        found = _("The official number of {name}.").format(name=_name(match))
    elif kind == KIND_LICENCE:
        found = _("The licence of {name} ({number}).").format(
            name=_name(match), number="<code>" + escape(match.licence_number) + "</code>"
        )
    elif NOTE_NAME_DIFFERS in result.notes or not match.exact:
        found = _("Not in the list as written. Did you mean {name}?").format(name=_name(match))
    else:
        found = _("In the list: {name}.").format(name=_name(match))
    return head + "\n" + found + "\n" + status_sentence(match)


def mixed_text(check: QueryCheck) -> str:
    """Several things in one message ("pak yohanes 0812 3456 7890"): each checked as what it is."""
    lines: list[str] = []
    if check.parts.person:
        lines += person_lines(check.parts.person)
    if check.parts.legal_form == "CV":
        lines += ["", cv_note()] if lines else [cv_note()]
    results = [part.result for part in check.results]
    for part in check.results:
        lines += ["", part_line(part.kind, part.text, part.result)]
    if check.conflict:
        lines += [
            "",
            "⚠️ "
            + _(
                "These point to different companies. Fake recruiters copy real licence numbers and phone "
                "numbers: trust only a company whose name, licence number and phone all match the recruiter's "
                "papers, letter by letter."
            ),
        ]
    dated = [r.data_as_of for r in results if r.data_as_of is not None]
    as_of = min(dated) if dated else None
    if as_of is not None and any(r.stale for r in results):
        lines += ["", _stale_warning(as_of)]
    lines += [
        "",
        _(
            "A company that is not in the list may still be licensed under another name, and a licensed company "
            "does not vouch for the person who contacted you."
        ),
        "• "
        + _("Check at the LTSA, the Disnaker or BP3MI NTT, or on the official list: {url}").format(
            url=OFFICIAL_LIST_URL
        ),
    ]
    if not check.parts.person:
        lines += ["", _calo_note()]
    return "\n".join(lines + _footer(as_of, any(r.demo for r in results)))


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


def check_company(name: str) -> str:
    """The button under an advice answer that names a company (bot/telegram/recruiter/entry.py)."""
    return "🏢 " + _("Check {name}").format(name=name)
