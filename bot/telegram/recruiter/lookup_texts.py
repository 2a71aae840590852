"""Answers other than one company: not in the list (which never means "illegal"), a close name, several
companies, no data, and a message with several things in it (a person, phones, licence numbers and a name)."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.registry import (
    LicenceStatus,
    LookupResult,
    Match,
    QueryCheck,
    Verdict,
)
from bot.services.registry.index import (
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_PAST_EXPIRY,
    NOTE_SIMILAR_NAME_ONLY,
)
from bot.telegram.recruiter.company_texts import (
    did_you_mean,
)
from bot.telegram.recruiter.labels import (
    KIND_LICENCE,
    KIND_NAME,
    KIND_PHONE,
    OFFICIAL_LIST_URL,
    bold_name,
    footer,
    footer_lines,
    quote,
    stale_lines,
    stale_warning,
    status_sentence,
    title,
)

# Not found, several, no data ------------------------------------------------------------------------------


def _not_found_lead(query: str, kind: str) -> list[str]:
    quoted = "“" + quote(query) + "”"
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
        ).format(query="“" + quote(query) + "”"),
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
        lines.append(f"{number}. {bold_name(match)}\n    {status} ({escape(match.licence_number)})")
    lines += stale_lines(result)
    lines += [
        "",
        _(
            "The official list has several companies with names like {query}. Compare the full name and the "
            "licence number with the recruiter's papers."
        ).format(query="“" + quote(query) + "”"),
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


# Mixed input: a person, phones, licence numbers and a name together ----------------------------------------


def cv_note() -> str:
    return "🏢 " + _(
        "A CV cannot be a licensed placement company: only a limited company (PT) can hold the licence (P3MI). "
        "A CV that recruits workers to go abroad is not a placement company."
    )


def person_lines(person: str) -> list[str]:
    return [
        "👤 <b>" + _("{name} is a person, not a company.").format(name="“" + quote(person) + "”") + "</b>",
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
    head = f"{icon} <b>{quote(text)}</b>"
    if result.verdict is Verdict.AMBIGUOUS:
        names = ", ".join(bold_name(m) for m in result.matches[:3])
        return head + "\n" + _("Several companies, tap one below: {names}").format(names=names)
    if result.verdict is Verdict.NOT_FOUND:
        suggestion = suggestion_of(result)
        if suggestion is not None:
            return (
                head
                + "\n"
                + _("Not in the list as written. Did you mean {name}?").format(name=bold_name(suggestion))
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
        found = _("The official number of {name}.").format(name=bold_name(match))
    elif kind == KIND_LICENCE:
        found = _("The licence of {name} ({number}).").format(
            name=bold_name(match), number="<code>" + escape(match.licence_number) + "</code>"
        )
    elif NOTE_NAME_DIFFERS in result.notes or not match.exact:
        found = _("Not in the list as written. Did you mean {name}?").format(name=bold_name(match))
    else:
        found = _("In the list: {name}.").format(name=bold_name(match))
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
        lines += ["", stale_warning(as_of)]
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
    return "\n".join(lines + footer_lines(as_of, any(r.demo for r in results)))


def suggestion_of(result: LookupResult) -> Match | None:
    if result.verdict is Verdict.NOT_FOUND and NOTE_SIMILAR_NAME_ONLY in result.notes and result.matches:
        return result.matches[0]
    return None


def past_expiry(result: LookupResult) -> bool:
    return NOTE_PAST_EXPIRY in result.notes
