"""The unit of work's own commits on PostgreSQL past SQLAlchemy's session (see ``db.direct``): the statements run on
the asyncpg connection of a pooled connection, each one round trip, in a transaction of their own.

Through the session the same commit cost about a millisecond of the bot's CPU on every update (checking out, the
session's transaction, each statement's execution context and greenlet hand-off), for statements PostgreSQL runs in
a few dozen microseconds. The connection still comes from the engine's pool (its size and time-out, its ping
before use), and goes back to it when the transaction is over, as a session's would.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.util import greenlet_spawn

from db.compiled import Statements


def _rowcount(status: str) -> int:
    """The rows a statement changed, from its command tag ("UPDATE 1", "INSERT 0 1"; "SELECT 2" for a select)."""
    tail = status.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0


class PgDirectWriter:
    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._compiled = Statements(engine.dialect)

    async def write(self, statements: Iterable[tuple[Any, dict[str, Any]]], *, first_must_change: bool) -> bool:
        """Run ``statements`` (statement, values) in one transaction and commit. With ``first_must_change``, a first
        statement that changes no row rolls everything back and gives False (the update was handled before)."""
        prepared = [self._compiled.prepare(statement, values) for statement, values in statements]
        pooled = await self._engine.raw_connection()
        healthy = False
        try:
            connection = pooled.driver_connection  # asyncpg's, with the codecs SQLAlchemy set up on connect
            if len(prepared) == 1:
                # One statement is a transaction of its own: no BEGIN and COMMIT, two round trips fewer (most
                # updates' second commit is their conversation alone).
                sql, parameters = prepared[0]
                changed = _rowcount(await connection.execute(sql, *parameters))
                healthy = True
                return changed > 0 or not first_must_change
            transaction = connection.transaction()
            await transaction.start()
            for i, (sql, parameters) in enumerate(prepared):
                changed = _rowcount(await connection.execute(sql, *parameters))
                if i == 0 and first_must_change and changed == 0:
                    await transaction.rollback()
                    healthy = True
                    return False
            await transaction.commit()
            healthy = True
            return True
        finally:
            # Back to the pool; after an error (the connection broken, or left in a failed transaction; cancelled
            # mid-way) closed instead, which also ends its transaction, and the pool opens another. Both run
            # SQLAlchemy's pool code, which awaits the driver through a greenlet.
            await greenlet_spawn(pooled.close if healthy else pooled.invalidate)

    def close(self) -> None:
        """Nothing to close: the connections are the engine's pool's."""


def direct_writer(engine: Any) -> PgDirectWriter | None:
    """A :class:`PgDirectWriter` when ``engine`` is PostgreSQL through asyncpg, else None."""
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "asyncpg":
        return None
    return PgDirectWriter(engine)
