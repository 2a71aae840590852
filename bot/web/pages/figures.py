"""The figures: the cross-tables of ``CaseService.figures`` (the bot's /stats) as HTML tables, their chart as SVG
drawn on the server (same origin, no script), and the monthly report as ``tipline report --month`` writes it,
zipped for download (internal: every count, as staff see them)."""

from __future__ import annotations

import asyncio
import io
import re
import tempfile
import zipfile
from pathlib import Path

from aiohttp import web

from bot.services.staff.model import Refused
from bot.services.staff.report import write_report
from bot.services.staff.stats import Period
from bot.services.triage.deadlines import wita
from bot.web.deps import DB, DESK, deps_of
from bot.web.i18n import current_locale, shared
from bot.web.render import render

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _last_months(request: web.Request) -> Period:
    return Period.last_months(deps_of(request).clock().astimezone(wita()).date())


async def figures_page(request: web.Request) -> web.Response:
    deps = deps_of(request)
    figures = await deps.cases.figures(request[DB], request[DESK].member, _last_months(request))
    labels = deps.report_labels(figures, current_locale(), True)
    today = deps.clock().astimezone(wita()).date()
    months = [m for m in reversed(Period.last_months(today).months())]
    return render(request, "figures.html", figures=figures, labels=labels, months=months)


async def chart(request: web.Request) -> web.Response:
    from bot.services.staff.charts import stats_svg

    deps = deps_of(request)
    figures = await deps.cases.figures(request[DB], request[DESK].member, _last_months(request))
    labels = deps.report_labels(figures, current_locale(), True)
    titles = {"per_month": shared("Tips per month"), "regencies": shared("Regencies with most tips")}
    svg = await asyncio.to_thread(stats_svg, figures, titles, labels.row)
    return web.Response(text=svg, content_type="image/svg+xml", charset="utf-8")


async def report(request: web.Request) -> web.Response:
    from bot.services.staff.charts import report_svgs

    deps = deps_of(request)
    found = _MONTH.match(request.query.get("month", ""))
    if not found or not 1 <= int(found[2]) <= 12:
        raise Refused("bad_input")
    period = Period.month(int(found[1]), int(found[2]))
    figures = await deps.cases.figures(request[DB], request[DESK].member, period)
    labels = deps.report_labels(figures, current_locale(), True)

    def zipped() -> bytes:
        with tempfile.TemporaryDirectory() as folder:
            written = write_report(figures, Path(folder), labels, suppressed=False, charts=report_svgs)
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in written:
                    archive.write(path, f"report-{found[0]}/{path.name}")
            return out.getvalue()

    body = await asyncio.to_thread(zipped)
    return web.Response(
        body=body,
        content_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="tipline-report-{found[0]}.zip"'},
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/figures", figures_page)
    app.router.add_get("/figures/chart.svg", chart)
    app.router.add_get("/figures/report", report)
