"""Apply Alembic migrations from the application (``tipline db upgrade`` and start-up).

Alembic is loaded only when there is something to migrate: the bot checks the database's revision against the
migration files itself at every start, and a bot that needs no migration never holds Alembic (about 11 MiB) in
memory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Several workers may start at once against PostgreSQL; one migrates, the others wait on this lock.
_PG_LOCK_ID = 7_427_001


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


_REVISION = re.compile(r'^(down_revision|revision)\s*(?::[^=]*)?=\s*["\']?([\w-]+|None)["\']?', re.MULTILINE)


def head_from_files() -> str | None:
    """The newest revision, read from the migration files (a straight line of revisions, as this project keeps)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


async def is_current(engine: AsyncEngine) -> bool:
    """True when the database is at the newest revision (no Alembic needed to tell)."""
    head = head_from_files()
    if head is None:
        return False
    try:
        async with engine.connect() as connection:
            version = (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    except DBAPIError:
        return False  # a new database
    return version == head


async def upgrade_database(engine: AsyncEngine, revision: str = "head") -> None:
    if revision == "head" and await is_current(engine):
        return
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)


def _upgrade(connection: Connection, revision: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    async with engine.connect() as connection:
        return await connection.run_sync(lambda conn: MigrationContext.configure(conn).get_current_revision())
