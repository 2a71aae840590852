"""Async engine and session factory, built on demand (never at import time).

Pool: the bot handles at most ``UPDATES_CONCURRENCY`` updates at once, each holding at most one connection, and the
background work (outbox, reminders, retention, polling) needs a few more; ``pool_size`` is set from that by the
caller, with no overflow, so the pool can never run dry while handlers wait on each other.

PostgreSQL connections are checked before use only when they have sat unused in the pool for a while
(``PING_AFTER_IDLE_SECONDS``), with one round trip: see ``_ping_when_idle``.

SQL parameters are never logged (``hide_parameters``): they carry pseudonyms, encrypted blobs and, in a
statement's bound values, anything a handler queried with.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session
from sqlalchemy.util.concurrency import await_

from db import sqlite_inline

DEFAULT_POOL_SIZE = 20
POOL_TIMEOUT_SECONDS = 30
# Only another process writing (the CLI while the bot runs) can make SQLite wait: in the bot's own process writers
# queue on an asyncio lock (db.sqlite_inline). The wait blocks the event loop, so it is kept short.
SQLITE_BUSY_SECONDS = 5
# A PostgreSQL connection back in the pool for longer than this is pinged before it is used again (a restart of the
# server, or a firewall dropping idle connections, would otherwise fail the next update that takes it). One used
# less than this ago is taken as it is: in a crowd every connection is, and SQLAlchemy's own pre-ping cost three
# round trips on every check-out (BEGIN, an empty query, ROLLBACK: for pgbouncer's transaction mode), some nine per
# update. HikariCP, the JVM's usual pool, makes the same choice (500 ms by default).
PING_AFTER_IDLE_SECONDS = 1.0
_IDLE_SINCE = "tipline_idle_since"


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
    engine = create_async_engine(url, pool_timeout=POOL_TIMEOUT_SECONDS, **common)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: AsyncEngine) -> None:
    """Ping a pooled connection on its way out of the pool when it sat there longer than
    ``PING_AFTER_IDLE_SECONDS``: one query, by the simple protocol (no prepared statement). A connection that fails
    it is replaced, and so are all the pool's older ones (after a restart of the server every one of them is dead),
    as SQLAlchemy's pre-ping does."""
    pool = engine.sync_engine.pool

    @event.listens_for(pool, "checkin")
    def _idle_from_now(_dbapi_connection, record) -> None:
        if record is not None:
            record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.pop(_IDLE_SINCE, None)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # new, or used a moment ago
        try:
            await_(dbapi_connection.driver_connection.execute("SELECT 1"))
        except Exception as error:  # closed by the server, or the network gone: the pool opens another
            raise exc.InvalidatePoolError() from error


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
