"""The answer about one company: the verdict first (or "Did you mean PT ...?"), its details and sanctions, how it
was found, and what to do; a licence is confirmed with the reminder that it does not vouch for the person."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.registry import (
    LicenceStatus,
    LookupResult,
    Match,
    Sanction,
    SanctionKind,
    Verdict,
    parse_sanctions,
)
from bot.services.registry.index import (
    MATCHED_BY_LICENCE,
    MATCHED_BY_PHONE,
    NOTE_LICENCE_DIFFERS,
    NOTE_NAME_DIFFERS,
)
from bot.telegram.recruiter.labels import (
    HOW_LICENCE,
    HOW_LICENCE_DIFFERS,
    HOW_NAME,
    HOW_NAME_DIFFERS,
    HOW_PHONE,
    HOW_PICKED,
    SANCTIONS_URL,
    bold_name,
    footer,
    format_date,
    format_month,
    split_branches,
    stale_lines,
    status_label,
    status_sentence,
)

# One company ----------------------------------------------------------------------------------------------


def _headline(verdict: Verdict, match: Match) -> list[str]:
    name = bold_name(match)
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
