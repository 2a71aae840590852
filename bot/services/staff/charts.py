"""Charts of the figures, drawn with matplotlib only when asked for (`/stats`, the monthly report): the library is
imported on first use, never at start-up, and drawing runs off the event loop (the caller's ``to_thread``).

Plain data in (``Figures`` and translated titles), image bytes or SVG text out.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from bot.services.staff.report import THRESHOLD, Labels
from bot.services.staff.stats import Figures

TOP_REGENCIES = 10
_COLOURS = {"bar": "#2b6cb0", "minor": "#c05621", "P1": "#c53030", "P2": "#dd6b20", "P3": "#d69e2e", "P4": "#a0aec0"}


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # no display: files and bytes only
    from matplotlib import pyplot

    return pyplot


def _per_month(figures: Figures) -> tuple[list[str], list[int]]:
    table = figures.tables["regency_month"]
    return table.cols, [table.col_total(m) for m in table.cols]


def _top_regencies(figures: Figures, floor: int = 0) -> list[tuple[str, int]]:
    table = figures.tables["regency_month"]
    rows = [(r, table.row_total(r)) for r in table.rows]
    return [(r, n) for r, n in sorted(rows, key=lambda x: -x[1]) if n >= floor][:TOP_REGENCIES]


def stats_png(figures: Figures, titles: dict[str, str], label: Callable[[str, str], str]) -> bytes:
    """Tips per month and the regencies with most tips, one PNG for `/stats` (staff only: nothing hidden)."""
    return _drawn(figures, titles, label, "png")


def stats_svg(figures: Figures, titles: dict[str, str], label: Callable[[str, str], str]) -> str:
    """The same chart as SVG, for the web desk (served from its own origin as image/svg+xml). Text is drawn as
    paths and matplotlib writes no script, so the file is inert."""
    return _drawn(figures, titles, label, "svg").decode("utf-8")


def _drawn(figures: Figures, titles: dict[str, str], label: Callable[[str, str], str], fmt: str) -> bytes:
    plt = _pyplot()
    fig = _stats_figure(plt, figures, titles, label)
    try:
        out = io.BytesIO()
        fig.savefig(out, format=fmt)
        return out.getvalue()
    finally:
        plt.close(fig)


def _stats_figure(plt, figures: Figures, titles: dict[str, str], label: Callable[[str, str], str]):
    months, counts = _per_month(figures)
    regencies = _top_regencies(figures)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=100)
    try:
        left.bar(range(len(months)), counts, color=_COLOURS["bar"])
        left.set_xticks(range(len(months)), [m[2:] for m in months], rotation=60, fontsize=8)
        left.set_title(titles["per_month"], fontsize=10)
        names = [label("regency_month", r) for r, _ in regencies][::-1]
        right.barh(range(len(names)), [n for _, n in regencies][::-1], color=_COLOURS["bar"])
        right.set_yticks(range(len(names)), names, fontsize=8)
        right.set_title(titles["regencies"], fontsize=10)
        fig.tight_layout()
    except Exception:
        plt.close(fig)
        raise
    return fig


def report_svgs(figures: Figures, labels: Labels, suppressed: bool = True) -> dict[str, str]:
    """Charts for the monthly report. When it leaves the task force (``suppressed``), a regency with fewer than 5
    tips is not drawn: its bar would show the small count the tables hide."""
    plt = _pyplot()
    out: dict[str, str] = {}
    regencies = _top_regencies(figures, THRESHOLD if suppressed else 1)
    if regencies:
        fig, ax = plt.subplots(figsize=(7, 3.5), dpi=100)
        try:
            names = [labels.row("regency_month", r) for r, _ in regencies][::-1]
            ax.barh(range(len(names)), [n for _, n in regencies][::-1], color=_COLOURS["bar"])
            ax.set_yticks(range(len(names)), names, fontsize=8)
            fig.tight_layout()
            out["regencies"] = _svg(fig)
        finally:
            plt.close(fig)
    clocks = figures.tables["clocks"]
    priorities = [p for p in clocks.rows if clocks.cells.get((p, "median_response_min")) is not None]
    if priorities:
        fig, ax = plt.subplots(figsize=(7, 3), dpi=100)
        try:
            values = [float(clocks.cells[(p, "median_response_min")] or 0) / 60 for p in priorities]
            ax.bar(priorities, values, color=[_COLOURS.get(p, "#718096") for p in priorities])
            fig.tight_layout()
            out["response"] = _svg(fig)
        finally:
            plt.close(fig)
    return out


def _svg(fig) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # inline in the page: without the XML prologue
