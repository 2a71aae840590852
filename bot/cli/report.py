"""`tipline report --month YYYY-MM [--out DIR] [--lang id|en|ms|tet] [--internal]`: the monthly report for the
province, as CSV tables and one HTML page with charts.

The report leaves the task force, so counts from 1 to 4 are hidden ("<5", with secondary suppression: see
``bot/services/staff/report.py``); ``--internal`` writes every count, for the task force's own use. Audited.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.cli._common import add_db_option, open_database, settings_from_args
from bot.cli.export import parse_month
from bot.config import SUPPORTED_LOCALES
from bot.paths import LOCALES_DIR
from bot.services.staff.report import write_report
from bot.services.staff.stats import audit_cli, compute
from db.base import utcnow


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="the monthly report for the province: CSV tables + HTML with charts")
    report.add_argument("--month", required=True, metavar="YYYY-MM")
    report.add_argument("--out", metavar="DIR", help="folder to write (default: report-YYYY-MM)")
    report.add_argument("--lang", default="id", choices=SUPPORTED_LOCALES, help="language of the report (default id)")
    report.add_argument("--internal", action="store_true", help="every count, small ones too (for the task force only)")
    report.add_argument("--no-charts", action="store_true", help="tables only (no matplotlib needed)")
    add_db_option(report)
    report.set_defaults(func=_report)


async def _report(args: argparse.Namespace) -> int:
    try:
        period = parse_month(args.month)
    except ValueError as exc:
        print(f"tipline report: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out or f"report-{args.month}")
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        figures = await compute(session, period, utcnow())
        audit_cli(session, "report", utcnow(), {"month": args.month, "internal": args.internal})
        await session.commit()
    # Labels come from the staff catalogs (the same words staff read in the bot); aiogram's i18n is only a reader.
    from bot.telegram.i18n import build_i18n
    from bot.telegram.staff.texts.stats import report_labels

    i18n = build_i18n(LOCALES_DIR, args.lang)
    charts = None
    if not args.no_charts:
        from bot.services.staff.charts import report_svgs

        charts = report_svgs
    with i18n.context(), i18n.use_locale(args.lang):
        labels = report_labels(figures, suppressed=not args.internal)
        written = await asyncio.to_thread(
            write_report, figures, out, labels, suppressed=not args.internal, charts=charts
        )
    print(f"report for {args.month}: {len(written)} file(s) in {out}", file=sys.stderr)
    for path in written:
        print(path)
    return 0
