"""Helpers shared by subcommands: settings and an upgraded database."""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings, load_settings
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database


def settings_from_args(args: Any) -> Settings:
    overrides: dict[str, object] = {}
    if getattr(args, "db", None):
        overrides["database_url"] = args.db
    return load_settings(**overrides)


@asynccontextmanager
async def open_database(settings: Settings) -> AsyncIterator[tuple[AsyncEngine, async_sessionmaker[AsyncSession]]]:
    """An engine on the configured database, migrated to the newest schema, disposed of on exit."""
    engine = make_engine(settings.database_url)
    try:
        await upgrade_database(engine)
        yield engine, make_session_factory(engine)
    finally:
        await engine.dispose()


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def add_db_option(parser: Any) -> None:
    parser.add_argument("--db", metavar="URL", help="database URL (default: DATABASE_URL)")
