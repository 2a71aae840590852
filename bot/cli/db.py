"""`tipline db upgrade|current`: schema migrations."""

from __future__ import annotations

import argparse

from bot.cli._common import add_db_option, settings_from_args
from db.engine import make_engine
from db.migrate import current_revision, head_revision, upgrade_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="database schema")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="apply migrations up to the newest schema")
    add_db_option(upgrade)
    upgrade.set_defaults(func=_upgrade)
    current = actions.add_parser("current", help="show the applied and the newest revision")
    add_db_option(current)
    current.set_defaults(func=_current)


async def _upgrade(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    engine = make_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        print(f"database at revision {await current_revision(engine)}")
    finally:
        await engine.dispose()
    return 0


async def _current(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    engine = make_engine(settings.database_url)
    try:
        print(f"applied: {await current_revision(engine) or 'none'}; newest: {head_revision()}")
    finally:
        await engine.dispose()
    return 0
