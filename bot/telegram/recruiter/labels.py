"""What every answer of the recruiter check shares: the list's addresses, dates and status words, a quoted query,
the data's age and the demo note, and which branches are in NTT. Company data and the user's query are HTML-escaped
here and in the other text modules, nowhere else."""

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


def title() -> str:
    return "🏢 <b>" + _("Check a recruiter") + "</b>"


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


def quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE:
        text = text[: _QUOTE - 1] + "…"
    return escape(text)


def bold_name(match: Match) -> str:
    return "<b>" + escape(match.name) + "</b>"


def stale_lines(result: LookupResult) -> list[str]:
    """Right under the lead, so that a reader who stops there knows the data is old."""
    if not result.stale or result.data_as_of is None:
        return []
    return [stale_warning(result.data_as_of)]


def stale_warning(as_of: date) -> str:
    return "⚠️ " + _(
        "This list is from {date}, more than {days} days ago: a licence may have changed since. Check the "
        "current list at the LTSA or the Disnaker, or on {url}"
    ).format(date=format_date(as_of), days=STALE_AFTER_DAYS, url=OFFICIAL_LIST_URL)


def footer(result: LookupResult) -> list[str]:
    return footer_lines(result.data_as_of, result.demo)


def footer_lines(as_of: date | None, demo: bool) -> list[str]:
    lines = [""]
    if as_of is not None:
        lines.append("📅 " + _("Data as of {date}.").format(date=format_date(as_of)))
    if demo:
        lines.append("🧪 " + _("Demo data: these companies are made up. This is not the real list."))
    return lines


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
