"""`tipline export --format csv|json [--since DATE] [--until DATE] --out FILE [--with-details --as ADMIN_ID]` and
`tipline stats [--month YYYY-MM | --since DATE --until DATE] [--json]`.

The export holds every structured field of each tip (no words of the reporter), streamed to the file as it is
read; ``--with-details`` adds the reporter's words and is allowed only with ``--as`` naming a registered admin; the
reporter's contact is never exported. Every export is written to the audit log, and so is every `tipline stats`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from datetime import date
from pathlib import Path

from bot.cli._common import add_db_option, open_database, print_json, settings_from_args
from bot.services.privacy import Cipher
from bot.services.staff.export import audit_export, export_rows, write_csv, write_json
from bot.services.staff.stats import Period, audit_cli, compute
from bot.services.triage.deadlines import wita
from bot.services.triage.status import Role
from db.base import utcnow
from db.repositories import staff as staff_repo


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="every structured field of each tip as CSV or JSON (audited)")
    export.add_argument("--format", required=True, choices=("csv", "json"))
    export.add_argument("--since", metavar="DATE", help="tips received on or after DATE (YYYY-MM-DD, WITA)")
    export.add_argument("--until", metavar="DATE", help="tips received on or before DATE (YYYY-MM-DD, WITA)")
    export.add_argument("--out", required=True, metavar="FILE", help="file to write (- for standard output)")
    export.add_argument(
        "--with-details", action="store_true", help="include the reporter's words (needs --as an admin's id)"
    )
    export.add_argument("--as", dest="as_staff", metavar="ADMIN_ID", help="Telegram id of the admin exporting")
    add_db_option(export)
    export.set_defaults(func=_export)

    st = subparsers.add_parser("stats", help="the task force's figures: cross-tables and both clocks (audited)")
    st.add_argument("--month", metavar="YYYY-MM", help="one month (default: the last 12 months)")
    st.add_argument("--since", metavar="DATE", help="from DATE (YYYY-MM-DD, WITA)")
    st.add_argument("--until", metavar="DATE", help="up to and including DATE (YYYY-MM-DD, WITA)")
    st.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(st)
    st.set_defaults(func=_stats)


def _fail(command: str, message: str) -> int:
    print(f"tipline {command}: {message}", file=sys.stderr)
    return 2


def parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option}: not a date: {value!r} (use YYYY-MM-DD)") from None


def parse_month(value: str) -> Period:
    try:
        year, month = (int(part) for part in value.split("-"))
        return Period.month(year, month)
    except ValueError:
        raise ValueError(f"--month: not a month: {value!r} (use YYYY-MM)") from None


async def _export(args: argparse.Namespace) -> int:
    try:
        since, until = parse_day(args.since, "--since"), parse_day(args.until, "--until")
    except ValueError as exc:
        return _fail("export", str(exc))
    if since and until and until < since:
        return _fail("export", "--until is before --since")
    staff_id = None
    if args.as_staff is not None:
        try:
            staff_id = int(args.as_staff)
        except ValueError:
            return _fail("export", "--as: a Telegram user id is a whole number")
    if args.with_details and staff_id is None:
        return _fail("export", "--with-details exports the reporters' words: give --as with a registered admin's id")
    settings = settings_from_args(args)
    async with open_database(settings) as (_engine, sessions), sessions() as session:
        if staff_id is not None:
            member = await staff_repo.get_active(session, staff_id)
            if member is None or (args.with_details and member.role is not Role.ADMIN):
                audit_export(
                    session,
                    now=utcnow(),
                    staff_id=member.telegram_id if member else None,  # never the id of someone who is not staff
                    fmt=args.format,
                    since=since,
                    until=until,
                    with_details=args.with_details,
                    count=0,
                    result="refused",
                )
                await session.commit()
                return _fail("export", f"--as {staff_id}: not a registered admin; nothing exported")
        rows = export_rows(
            session, Cipher(settings.keys), now=utcnow(), since=since, until=until, with_details=args.with_details
        )
        with _output(args.out) as out:
            if args.format == "csv":
                count = await write_csv(rows, out, args.with_details)
            else:
                count = await write_json(rows, out)
        audit_export(
            session,
            now=utcnow(),
            staff_id=staff_id,
            fmt=args.format,
            since=since,
            until=until,
            with_details=args.with_details,
            count=count,
        )
        await session.commit()
    if args.out != "-":
        print(f"exported {count} tip(s) to {args.out}", file=sys.stderr)
    return 0


@contextlib.contextmanager
def _output(target: str):
    """Standard output, or a file readable by the owner only: an export is sensitive even without details."""
    if target == "-":
        yield sys.stdout
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
        yield fp


def stats_period(args: argparse.Namespace) -> Period:
    if args.month:
        return parse_month(args.month)
    since, until = parse_day(args.since, "--since"), parse_day(args.until, "--until")
    today = utcnow().astimezone(wita()).date()
    default = Period.last_months(today)
    start = since or default.start
    end = date.fromordinal(until.toordinal() + 1) if until else default.end
    if end <= start:
        raise ValueError("--until is before --since")
    return Period(start, end)


async def _stats(args: argparse.Namespace) -> int:
    try:
        period = stats_period(args)
    except ValueError as exc:
        return _fail("stats", str(exc))
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        figures = await compute(session, period, utcnow())
        audit_cli(session, "stats", utcnow(), {"from": period.start.isoformat(), "to": period.end.isoformat()})
        await session.commit()
    if args.json:
        print_json(
            {
                "from": period.start.isoformat(),
                "until": date.fromordinal(period.end.toordinal() - 1).isoformat(),
                "totals": figures.totals,
                "tables": {
                    name: {
                        "rows": table.rows,
                        "columns": table.cols,
                        "cells": {row: {c: table.cells.get((row, c), 0) for c in table.cols} for row in table.rows},
                    }
                    for name, table in figures.tables.items()
                },
            }
        )
        return 0
    last = date.fromordinal(period.end.toordinal() - 1)
    print(f"tips received {period.start.isoformat()} to {last.isoformat()} (WITA)")
    for key, value in figures.totals.items():
        print(f"  {key:<16} {value}")
    for name, table in figures.tables.items():
        print(f"\n{name}")
        width = max([len(r) for r in table.rows] + [6])
        print(" " * (width + 2) + "  ".join(f"{c:>{max(8, len(c))}}" for c in table.cols))
        for row in table.rows:
            cells = "  ".join(f"{_cell(table.cells.get((row, c), 0)):>{max(8, len(c))}}" for c in table.cols)
            print(f"  {row:<{width}}{cells}")
    return 0


def _cell(value) -> str:
    return "-" if value is None else str(value)
