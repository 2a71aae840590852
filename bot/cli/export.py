"""`tipline export --format csv|json [--since DATE] --out FILE [--with-details --as ADMIN_ID]` and
`tipline stats [--json]`.

The export holds triage fields only (case number, kind, status, priority, category, regency, created and closed
dates, outcome). ``--with-details`` adds the reporter's words and is allowed only with ``--as`` naming a registered
admin; the reporter's contact is never exported. Every export is written to the audit log.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from datetime import date
from pathlib import Path

from bot.cli._common import add_db_option, open_database, print_json, settings_from_args
from bot.services.privacy import Cipher
from bot.services.staff.export import audit_export, export_rows, stats, to_csv, to_json
from bot.services.triage.status import Role
from db.base import utcnow
from db.repositories import staff as staff_repo


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="triage data of every tip as CSV or JSON (audited)")
    export.add_argument("--format", required=True, choices=("csv", "json"))
    export.add_argument("--since", metavar="DATE", help="only tips received on or after DATE (YYYY-MM-DD, WITA)")
    export.add_argument("--out", required=True, metavar="FILE", help="file to write (- for standard output)")
    export.add_argument(
        "--with-details", action="store_true", help="include the reporter's words (needs --as an admin's id)"
    )
    export.add_argument("--as", dest="as_staff", metavar="ADMIN_ID", help="Telegram id of the admin exporting")
    add_db_option(export)
    export.set_defaults(func=_export)

    st = subparsers.add_parser("stats", help="counts by status, priority, category, regency and month")
    st.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(st)
    st.set_defaults(func=_stats)


def _fail(message: str) -> int:
    print(f"tipline export: {message}", file=sys.stderr)
    return 2


async def _export(args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            return _fail(f"--since: not a date: {args.since!r} (use YYYY-MM-DD)")
    staff_id = None
    if args.as_staff is not None:
        try:
            staff_id = int(args.as_staff)
        except ValueError:
            return _fail("--as: a Telegram user id is a whole number")
    if args.with_details and staff_id is None:
        return _fail("--with-details exports the reporters' words: give --as with a registered admin's id")
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
                    with_details=args.with_details,
                    count=0,
                    result="refused",
                )
                await session.commit()
                return _fail(f"--as {staff_id}: not a registered admin; nothing exported")
        rows = await export_rows(session, Cipher(settings.keys), since=since, with_details=args.with_details)
        text = to_csv(rows, args.with_details) if args.format == "csv" else to_json(rows)
        if args.out == "-":
            sys.stdout.write(text)
        else:
            await asyncio.to_thread(_write_private, Path(args.out), text)
        audit_export(
            session,
            now=utcnow(),
            staff_id=staff_id,
            fmt=args.format,
            since=since,
            with_details=args.with_details,
            count=len(rows),
        )
        await session.commit()
    if args.out != "-":
        print(f"exported {len(rows)} tip(s) to {args.out}", file=sys.stderr)
    return 0


def _write_private(path: Path, text: str) -> None:
    """Written readable by the owner only: an export is sensitive even without details."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fp:
        fp.write(text)


async def _stats(args: argparse.Namespace) -> int:
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        counts = await stats(session)
    if args.json:
        print_json(counts)
        return 0
    print(f"tips: {counts['total']}")
    for key, title in (
        ("by_status", "status"),
        ("by_priority", "priority"),
        ("by_category", "category"),
        ("by_regency", "regency"),
        ("by_month", "month"),
    ):
        print(f"\nby {title}:")
        for name, n in counts[key].items():
            print(f"  {name:<28} {n}")
    return 0
