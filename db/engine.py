"""Async engine and session factory, built on demand (never at import time).

Pool: the bot handles at most ``UPDATES_CONCURRENCY`` updates at once, each holding at most one connection, and the
background work (outbox, reminders, retention, polling) needs a few more; ``pool_size`` is set from that by the
caller, with no overflow, so the pool can never run dry while handlers wait on each other.

SQL parameters are never logged (``hide_parameters``): they carry pseudonyms, encrypted blobs and, in a
statement's bound values, anything a handler queried with.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session

from db import sqlite_inline

DEFAULT_POOL_SIZE = 20
POOL_TIMEOUT_SECONDS = 30
# Only another process writing (the CLI while the bot runs) can make SQLite wait: in the bot's own process writers
# queue on an asyncio lock (db.sqlite_inline). The wait blocks the event loop, so it is kept short.
SQLITE_BUSY_SECONDS = 5


def make_engine(url: str, *, echo: bool = False, pool_size: int = DEFAULT_POOL_SIZE) -> AsyncEngine:
    """Create the engine for ``url``; for SQLite, create the parent folder and set WAL, synchronous=NORMAL (safe
    in WAL: a power cut may lose the last commits, never corrupt the file) and foreign keys."""
    parsed = make_url(url)
    common = {"echo": echo, "hide_parameters": True, "pool_size": pool_size, "max_overflow": 0}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url,
            module=sqlite_inline.dbapi(),  # no thread per connection: see db.sqlite_inline
            connect_args={"timeout": SQLITE_BUSY_SECONDS},
            pool_timeout=POOL_TIMEOUT_SECONDS,
            **common,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True, pool_timeout=POOL_TIMEOUT_SECONDS, **common)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.close()


def make_session_factory(
    engine: AsyncEngine, *, sync_session_class: type[Session] = Session
) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=sync_session_class)


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"
