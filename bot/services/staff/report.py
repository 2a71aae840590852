"""The monthly report for the province: the figures of one month as CSV tables and one HTML page with charts.

Figures meant to leave the task force hide small counts: a cell from 1 to 4 is shown as "<5" (a count that small
can point at a village, a family, a child). Where a row or a column would then have exactly one hidden cell, its
total would give it away, so the next smallest count in that row or column is hidden too, until no row or column
has a single hidden cell (where there is no other count to hide, the line's total is hidden instead); totals under
5 are hidden as well. Medians are kept: they are not counts of people.

Plain data in (``Figures`` and the labels in the reader's language), files out: the CLI and a web desk use it.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.services.staff.stats import Cell, Figures, Table

THRESHOLD = 5
HIDDEN = "<5"
# Columns that are not counts of tips or people (never hidden, never summed).
NOT_COUNTS = frozenset({"median_response_min", "median_close_h"})
REPORT_TABLES = ("regency_month", "category_outcome", "minors", "outcomes", "destinations", "transit", "clocks")


@dataclass
class Suppressed:
    cells: dict[tuple[str, str], Cell | str]
    # Rows and columns whose total must not be shown: under 5, or a line left with one hidden cell (its total
    # minus the cells shown would give that cell away).
    hidden_row_totals: set[str]
    hidden_col_totals: set[str]


def suppress(table: Table, threshold: int = THRESHOLD) -> Suppressed:
    """The table's cells with small counts hidden (primary and secondary suppression; see the module)."""
    counts = {k: v for k, v in table.cells.items() if k[1] not in NOT_COUNTS and isinstance(v, int)}
    hidden = {k for k, v in counts.items() if 0 < v < threshold}
    rows = {r: [(r, c) for c in table.cols if (r, c) in counts] for r in table.rows}
    cols = {c: [(r, c) for r in table.rows if (r, c) in counts] for c in table.cols if c not in NOT_COUNTS}
    changed = True
    while changed:
        changed = False
        for line in [*rows.values(), *cols.values()]:
            mine = [k for k in line if k in hidden]
            if len(mine) != 1:
                continue
            others = sorted((k for k in line if k not in hidden and counts[k] > 0), key=lambda k: (counts[k], k))
            if others:
                hidden.add(others[0])
                changed = True

    def total_hidden(line: list[tuple[str, str]]) -> bool:
        total = sum(counts[k] for k in line)
        return 0 < total < threshold or sum(k in hidden for k in line) == 1

    cells: dict[tuple[str, str], Cell | str] = {k: (HIDDEN if k in hidden else v) for k, v in table.cells.items()}
    return Suppressed(
        cells,
        {r for r, line in rows.items() if total_hidden(line)},
        {c for c, line in cols.items() if total_hidden(line)},
    )


def hidden_total(value: int, threshold: int = THRESHOLD) -> int | str:
    return HIDDEN if 0 < value < threshold else value


@dataclass
class Labels:
    """Everything the report says, in the reader's language (the caller translates)."""

    title: str
    subtitle: str
    note: str
    total: str
    table_titles: dict[str, str]
    row: Callable[[str, str], str]  # (table, row key) -> label
    col: Callable[[str, str], str]  # (table, column key) -> label
    totals: dict[str, str] = field(default_factory=dict)  # figures["totals"] key -> label
    chart_titles: dict[str, str] = field(default_factory=dict)


def _csv(table: Table, shown: Suppressed | None, labels: Labels) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    counted = [c for c in table.cols if c not in NOT_COUNTS]
    cells = shown.cells if shown else table.cells
    with_total = table.name in ("regency_month", "category_outcome")
    writer.writerow(["", *(labels.col(table.name, c) for c in table.cols), *([labels.total] if with_total else [])])
    for row in table.rows:
        values = [_plain(cells.get((row, c), 0)) for c in table.cols]
        if with_total:
            total = sum(int(table.cells.get((row, c)) or 0) for c in counted)
            values.append(HIDDEN if shown and row in shown.hidden_row_totals else total)
        writer.writerow([labels.row(table.name, row), *values])
    if with_total:
        totals = [HIDDEN if shown and c in shown.hidden_col_totals else table.col_total(c) for c in table.cols]
        grand = sum(table.col_total(c) for c in counted)
        # One hidden row or column total would be the grand total minus the others.
        lone = shown is not None and (len(shown.hidden_col_totals) == 1 or len(shown.hidden_row_totals) == 1)
        writer.writerow([labels.total, *totals, HIDDEN if lone else (hidden_total(grand) if shown else grand)])
    return out.getvalue()


def _plain(value) -> str | int | float:
    return "" if value is None else value


def write_report(
    figures: Figures,
    out_dir: Path,
    labels: Labels,
    *,
    suppressed: bool = True,
    charts: Callable[[Figures, Labels, bool], dict[str, str]] | None = None,
) -> list[Path]:
    """``<table>.csv`` for each table and ``report.html``; returns the files written. ``charts`` gives inline SVG
    per chart name, given whether small counts are hidden (None: a report without charts)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    sections = []
    for name in REPORT_TABLES:
        table = figures.tables[name]
        shown = suppress(table) if suppressed else None
        path = out_dir / f"{name}.csv"
        path.write_text(_csv(table, shown, labels), encoding="utf-8")
        written.append(path)
        sections.append((name, table, shown.cells if shown else dict(table.cells)))
    svgs = charts(figures, labels, suppressed) if charts else {}
    page = _html(figures, labels, sections, svgs, suppressed)
    path = out_dir / "report.html"
    path.write_text(page, encoding="utf-8")
    written.append(path)
    return written


def _html(figures: Figures, labels: Labels, sections: Iterable, svgs: dict[str, str], suppressed: bool) -> str:
    e = html.escape
    totals = figures.totals
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>{e(labels.title)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #bbb;padding:.2em .5em;"
        "text-align:right}th:first-child,td:first-child{text-align:left}caption{text-align:left;font-weight:bold}"
        ".note{color:#555;font-size:.9em}figure{margin:1em 0}</style></head><body>",
        f"<h1>{e(labels.title)}</h1><p>{e(labels.subtitle)}</p>",
    ]
    if suppressed:
        parts.append(f"<p class='note'>{e(labels.note)}</p>")
    parts.append("<table>")
    for key, label in labels.totals.items():
        value = totals.get(key, 0)
        parts.append(f"<tr><th>{e(label)}</th><td>{e(str(hidden_total(value) if suppressed else value))}</td></tr>")
    parts.append("</table>")
    for name, svg in svgs.items():
        parts.append(f"<figure>{svg}<figcaption>{e(labels.chart_titles.get(name, ''))}</figcaption></figure>")
    for name, table, cells in sections:
        parts.append(f"<table><caption>{e(labels.table_titles.get(name, name))}</caption><tr><th></th>")
        parts += [f"<th>{e(labels.col(name, c))}</th>" for c in table.cols]
        parts.append("</tr>")
        if not table.rows:
            parts.append(f"<tr><td colspan='{len(table.cols) + 1}'>-</td></tr>")
        for row in table.rows:
            parts.append(f"<tr><td>{e(labels.row(name, row))}</td>")
            parts += [f"<td>{e(str(_plain(cells.get((row, c), 0))))}</td>" for c in table.cols]
            parts.append("</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
