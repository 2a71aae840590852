"""The unit of work's own commits past SQLAlchemy's session.

Every update records itself as handled and most save a conversation, often twice an update; through an
AsyncSession each such commit cost hundreds of microseconds of CPU (session transaction, greenlet hand-offs,
execution context) for statements the database runs in a few dozen. A direct writer runs the same statements in one
transaction on a connection of its own: the application's Core statements, compiled once by SQLAlchemy's dialect and
given their values through the same bind processors, so what is stored is what the session would have stored.

``direct_writer`` picks the one for the engine: SQLite through ``db.sqlite_inline`` (``sqlite_inline.DirectWriter``)
or PostgreSQL through asyncpg (``db.pg_direct.PgDirectWriter``); None for anything else (the session is used).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from db import pg_direct, sqlite_inline


class Writer(Protocol):
    dialect: str  # the database's dialect name ("sqlite", "postgresql"), for statements per dialect

    async def write(self, statements: Iterable[tuple[Any, dict[str, Any]]], *, first_must_change: bool) -> bool:
        """Run ``statements`` (statement, values) in one transaction and commit. With ``first_must_change``, a first
        statement that changes no row rolls everything back and gives False (the update was handled before)."""
        ...

    async def insert_returning(self, statement: Any, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Run an INSERT ... RETURNING ``statement`` once per row of values, all or none, and give what each
        returned (nothing for a row its ON CONFLICT skipped): in one round trip on PostgreSQL."""
        ...

    async def fetch_one(self, statement: Any, values: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row ``statement`` (a SELECT) gives, read outside any transaction of the session's."""
        ...

    async def close(self) -> None:
        """Let go of its connections (before the engine is disposed of)."""
        ...


_WRITER = "tipline.direct_writer"


def attach(session: Any, writer: Writer) -> None:
    """Let reads through ``read_one`` on ``session`` (an AsyncSession) go to ``writer`` while the session holds no
    transaction: the unit of work attaches its writer to the update's session."""
    session.info[_WRITER] = writer


async def read_one(session: Any, statement: Any, values: dict[str, Any]) -> tuple[Any, ...] | None:
    """The first row of a Core SELECT (compiled once: no expanding parameters). Straight from the database through
    the writer ``attach``ed to ``session`` when the session holds no transaction: read through the session, it would
    open one, and the update's commits would then go through the session instead of the writer (a check-out, BEGIN
    and COMMIT, the session's statements: a millisecond of CPU more on an update that only reads). Else through the
    session, in its transaction."""
    writer = session.info.get(_WRITER)
    if writer is not None and not session.in_transaction():
        return await writer.fetch_one(statement, values)
    row = (await session.execute(statement, values)).first()
    return tuple(row) if row is not None else None


def direct_writer(engine: Any, busy_seconds: float, *, held: int = 0) -> Writer | None:
    """The direct writer for ``engine``'s database, or None when there is none for it (the unit then commits
    through its session). On PostgreSQL it keeps up to ``held`` of the engine pool's connections between writes
    (``db.pg_direct``); SQLite's has a connection of its own."""
    writer: Writer | None = sqlite_inline.direct_writer(engine, busy_seconds)
    if writer is None:
        writer = pg_direct.direct_writer(engine, held=held)
    return writer
