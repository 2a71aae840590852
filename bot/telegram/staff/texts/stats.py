"""The figures (/stats, `tipline stats`, the monthly report): table titles, row and column labels, the text tables
of /stats. Labels here are plain text (no HTML): the callers escape for the medium they write to."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape, unescape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.staff.report import Labels
from bot.services.staff.stats import Figures, Table
from bot.telegram.staff.texts.labels import (
    age,
    category_label,
    destination_label,
    outcome_label,
    place_label,
    priority_label,
)


def table_title(name: str) -> str:
    return {
        "regency_month": _("Tips per regency and month"),
        "category_outcome": _("Tips per category and outcome"),
        "minors": _("Children (under 18) per category"),
        "destinations": _("Destinations"),
        "transit": _("Transit points"),
        "outcomes": _("Closed cases: outcomes, victims and children"),
        "clocks": _("First response and resolution per priority"),
    }.get(name, name)


def row_label(table: str, key: str) -> str:
    """A row's label as plain text."""
    if key == "none":
        return _("not recorded")
    if table == "regency_month":
        return unescape(place_label(key))
    if table in ("category_outcome", "minors"):
        return unescape(category_label(key))
    if table == "outcomes":
        return unescape(outcome_label(key))
    if table == "destinations":
        return unescape(destination_label(key))
    if table == "transit":
        return places.local_name(key)
    if table == "clocks":
        return unescape(priority_label(key)).strip()
    return key


def col_label(table: str, key: str) -> str:
    if table == "regency_month":
        return key  # a month, YYYY-MM
    if table == "category_outcome":
        if key == "open":
            return _("still open")
        if key == "none":
            return _("not recorded")
        return unescape(outcome_label(key))
    labels = {
        "tips": _("tips"),
        "with_minors": _("tips with a child"),
        "minors_recorded": _("children recorded"),
        "victims": _("victims recorded"),
        "minors": _("of them children"),
        "responded": _("responded"),
        "median_response_min": _("median minutes to first response"),
        "responded_late": _("responded late"),
        "waiting": _("no response yet"),
        "waiting_late": _("no response, late"),
        "closed": _("closed"),
        "median_close_h": _("median hours to close"),
        "closed_late": _("closed late"),
        "open_late": _("open past resolution time"),
    }
    return labels.get(key, key)


def total_labels() -> dict[str, str]:
    return {
        "tips": _("Tips received"),
        "closed": _("Closed"),
        "with_minors": _("Tips with a child (under 18)"),
        "victims": _("Victims recorded"),
        "minors": _("Children recorded"),
        "female": _("Women and girls recorded"),
        "male": _("Men and boys recorded"),
        "stopped_people": _("People whose non-procedural departure was stopped"),
    }


def report_labels(figures: Figures, *, suppressed: bool) -> Labels:
    period = figures.period
    return Labels(
        title=_("Tipline: monthly report {month}").format(month=period.start.strftime("%Y-%m")),
        subtitle=_("Tips received from {start} to {end} (WITA), as recorded by the task force.").format(
            start=period.start.strftime("%d-%m-%Y"), end=_last_day(period.end).strftime("%d-%m-%Y")
        ),
        note=_(
            "Counts from 1 to 4 are shown as <5, and some other counts with them, so that no one can be recognised."
        ),
        total=_("Total"),
        table_titles={name: table_title(name) for name in figures.tables},
        row=row_label,
        col=col_label,
        totals=total_labels(),
        chart_titles={
            "regencies": _("Regencies with 5 tips or more"),
            "response": _("Median hours to the first response, per priority"),
        },
    )


def _last_day(end: date) -> date:
    return date.fromordinal(end.toordinal() - 1)


def chart_titles() -> dict[str, str]:
    return {"per_month": _("Tips per month"), "regencies": _("Regencies with most tips")}


# /stats in the chat ----------------------------------------------------------------------------------------


def _chat_label(table: str, column: str) -> str:
    """In the chat a median is written as a duration, so its label names no unit."""
    if column == "median_response_min":
        return _("median time to first response")
    if column == "median_close_h":
        return _("median time to close")
    return col_label(table, column)


def _duration(minutes: float) -> str:
    """A median as people read it: 18 min, 14 h 18 min, 7 days (the same words as a tip's age)."""
    start = datetime(2000, 1, 1)
    return age(start, start + timedelta(minutes=float(minutes)))


def _shown(column: str, value) -> str:
    if value is None:
        return "-"
    if column == "median_response_min":
        return _duration(value)
    if column == "median_close_h":
        return _duration(float(value) * 60)
    return str(value)


def _lines(table: Table, cols: list[str], limit: int = 12) -> list[str]:
    out = []
    for row in table.rows[:limit]:
        values = " · ".join(f"{_chat_label(table.name, c)} {_shown(c, table.get(row, c))}" for c in cols)
        out.append(f"• {escape(row_label(table.name, row))}: {escape(values)}")
    if len(table.rows) > limit:
        out.append("  " + _("… and {count} more").format(count=len(table.rows) - limit))
    return out or ["  " + _("nothing recorded")]


def stats_text(figures: Figures, now: datetime) -> str:
    """The figures of the period as text tables (the chart follows as a picture)."""
    period = figures.period
    t = figures.totals
    tables = figures.tables
    lines = [
        "📊 <b>"
        + _("Figures")
        + "</b> "
        + _("{start} to {end}").format(
            start=period.start.strftime("%m-%Y"), end=_last_day(period.end).strftime("%m-%Y")
        ),
        _("Tips received: {tips} · closed: {closed} · with a child: {minors}").format(
            tips=t["tips"], closed=t["closed"], minors=t["with_minors"]
        ),
        _("Victims recorded: {victims} (children {minors}, women and girls {female}, men and boys {male})").format(
            victims=t["victims"], minors=t["minors"], female=t["female"], male=t["male"]
        ),
        _("Departures stopped: {people} people").format(people=t["stopped_people"]),
        "",
        "<b>" + escape(table_title("clocks")) + "</b>",
    ]
    lines += _lines(tables["clocks"], ["tips", "median_response_min", "responded_late", "waiting_late", "open_late"])
    regency = tables["regency_month"]
    lines += ["", "<b>" + escape(_("Tips per regency")) + "</b>"]
    lines += [f"• {escape(row_label('regency_month', r))}: {regency.row_total(r)}" for r in regency.rows[:10]] or [
        "  " + _("nothing recorded")
    ]
    outcome = tables["category_outcome"]
    lines += ["", "<b>" + escape(table_title("category_outcome")) + "</b>"]
    for row in outcome.rows[:8]:
        parts = [
            f"{col_label('category_outcome', c)} {outcome.get(row, c)}" for c in outcome.cols if outcome.get(row, c)
        ]
        lines.append(f"• {escape(row_label('category_outcome', row))}: {escape(', '.join(parts))}")
    more = (("outcomes", ["tips", "victims", "minors"]), ("destinations", ["tips", "victims"]), ("transit", ["tips"]))
    for name, cols in more:
        lines += ["", "<b>" + escape(table_title(name)) + "</b>", *_lines(tables[name], cols, 8)]
    lines += ["", _("The whole month as files: tipline report --month YYYY-MM")]
    return "\n".join(lines)
