"""`tipline purge [--dry-run]`: apply the retention rules now (the running bot also does it every few hours)."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from bot.cli._common import add_db_option, open_database, settings_from_args
from bot.services.evidence import EvidenceStore
from bot.services.privacy import Cipher
from bot.services.retention import RetentionService


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("purge", help="delete abandoned drafts and old sensitive data (retention)")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    add_db_option(parser)
    parser.set_defaults(func=_purge)


async def _purge(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    cipher = Cipher(settings.keys)
    async with open_database(settings) as (_engine, sessions):
        service = RetentionService(
            sessions,
            EvidenceStore(settings.evidence_dir, cipher),
            cipher,
            draft_days=settings.draft_retention_days,
            closed_tip_days=settings.closed_tip_retention_days,
        )
        report = await service.run(datetime.now(UTC), dry_run=args.dry_run)
    prefix = "would delete" if args.dry_run else "deleted"
    for line in report.lines():
        print(f"{prefix} {line}")
    return 0
