"""The unit of work's own commits on PostgreSQL past SQLAlchemy's session (see ``db.direct``): the statements run on
the asyncpg connection of a pooled connection, in a transaction of their own. Where they write different tables
(an update's record and its conversation, most first commits) they go as one statement, one round trip, instead of
BEGIN, one each and COMMIT: under a crowd every round trip waits a turn of the event loop.

Through the session the same commit cost about a millisecond of the bot's CPU on every update (checking out, the
session's transaction, each statement's execution context and greenlet hand-off), for statements PostgreSQL runs in
a few dozen microseconds. The connections come from the engine's pool (its size and time-out, its ping before use)
but are not given back after every write: checking one out of SQLAlchemy's pool and in again cost ~160 us of CPU,
three times the statement's own ~60, two or three times an update (its record, its conversation, the inbox). The
writer keeps up to ``held`` of them between writes and gives one back to the pool once it has gone unused for
``PING_AFTER_IDLE_SECONDS``, so a connection that sat idle is pinged by the pool before it is used again, as any
other. The engine's pool is sized for them (``Settings.database_pool_size``).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from asyncpg.exceptions import DivisionByZeroError
from sqlalchemy.util import greenlet_spawn

from db import engine as engines
from db.compiled import Statements


def _rowcount(status: str) -> int:
    """The rows a statement changed, from its command tag ("UPDATE 1", "INSERT 0 1"; "SELECT 2" for a select)."""
    tail = status.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0


_PLACEHOLDER = re.compile(r"\$(\d+)")
_MOST_COMBINED = 64  # shapes of combined statements kept (a few: the record, one or two conversations, a receipt)


def _combinable(statements: Sequence[Any], sqls: Sequence[str]) -> bool:
    """Whether ``statements`` can run as one: each writes a table no other writes (the parts of one statement see
    the same snapshot and run in no set order, so none may depend on another's change), and their SQL holds no
    literal text (where a "$1" would not be a parameter)."""
    tables = [getattr(getattr(statement, "table", None), "name", None) for statement in statements]
    return (
        None not in tables
        and len(set(tables)) == len(tables)
        and not any("'" in sql for sql in sqls)
        and "RETURNING" not in sqls[0].upper()
    )


def _shift(offset: int) -> Callable[[re.Match[str]], str]:
    return lambda match: f"${int(match.group(1)) + offset}"


def _combined_sql(sqls: Sequence[str], counts: Sequence[int], first_must_change: bool) -> str:
    """One statement doing what ``sqls`` do in turn, each part a data-modifying WITH; parameters numbered on. With
    ``first_must_change``, it fails with a division by zero (and so changes nothing) when the first changes no row."""
    parts = []
    offset = 0
    for i, (sql, count) in enumerate(zip(sqls, counts, strict=True)):
        shifted = _PLACEHOLDER.sub(_shift(offset), sql) if offset else sql
        parts.append(f"w{i} AS ({shifted}{' RETURNING 1' if i == 0 and first_must_change else ''})")
        offset += count
    tail = "SELECT 1 / count(*) FROM w0" if first_must_change else "SELECT 1"
    return "WITH " + ", ".join(parts) + " " + tail


class PgDirectWriter:
    def __init__(self, engine: Any, *, held: int = 0) -> None:
        self._engine = engine
        self._compiled = Statements(engine.dialect)
        self.dialect: str = engine.dialect.name
        self._combined: dict[tuple[tuple[str, ...], bool], str | None] = {}
        self._held = held
        # Connections checked out of the engine's pool and kept between writes, each with when it was last used;
        # the most recently used last (taken first: the others grow idle and go back to the pool).
        self._free: list[tuple[Any, float]] = []

    async def _acquire(self) -> Any:
        """A pooled connection: the one kept from the latest write, else one from the engine's pool."""
        if self._free:
            pooled, used_at = self._free.pop()
            if time.monotonic() - used_at < engines.PING_AFTER_IDLE_SECONDS:
                return pooled
            # Idle too long to be trusted without a ping, and the others kept longer still: back to the pool, which
            # pings each on its next check-out.
            idle, self._free = [pooled, *(p for p, _used_at in self._free)], []
            for connection in idle:
                await greenlet_spawn(connection.close)
        return await self._engine.raw_connection()

    async def _release(self, pooled: Any, *, healthy: bool) -> None:
        """Keep ``pooled`` for the next write, or give it back to the pool (closed instead after an error: the
        connection broken, or left in a failed transaction; cancelled mid-way, which also ends its transaction, and
        the pool opens another). Giving back runs SQLAlchemy's pool code, which awaits the driver in a greenlet."""
        if healthy and len(self._free) < self._held:
            self._free.append((pooled, time.monotonic()))
            return
        await greenlet_spawn(pooled.close if healthy else pooled.invalidate)

    def _one_statement(
        self, statements: Sequence[Any], prepared: Sequence[tuple[str, tuple[Any, ...]]], first_must_change: bool
    ) -> tuple[str, tuple[Any, ...]] | None:
        """The statements as one (SQL and parameters), or None when they must run one by one."""
        sqls = tuple(sql for sql, _parameters in prepared)
        key = (sqls, first_must_change)
        sql = self._combined.get(key, "")
        if sql == "":
            if len(self._combined) >= _MOST_COMBINED:
                self._combined.clear()
            sql = self._combined[key] = (
                _combined_sql(sqls, [len(p) for _sql, p in prepared], first_must_change)
                if _combinable(statements, sqls)
                else None
            )
        if sql is None:
            return None
        return sql, tuple(value for _sql, parameters in prepared for value in parameters)

    async def write(self, statements: Iterable[tuple[Any, dict[str, Any]]], *, first_must_change: bool) -> bool:
        """Run ``statements`` (statement, values) in one transaction and commit. With ``first_must_change``, a first
        statement that changes no row rolls everything back and gives False (the update was handled before)."""
        statements = list(statements)
        prepared = [self._compiled.prepare(statement, values) for statement, values in statements]
        combined = (
            self._one_statement([s for s, _v in statements], prepared, first_must_change) if len(prepared) > 1 else None
        )
        pooled = await self._acquire()
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
            if combined is not None:
                # Several statements as one: a transaction of its own, one round trip instead of one per statement
                # and two for BEGIN and COMMIT (most updates' first commit: the update's record and its conversation).
                sql, parameters = combined
                try:
                    await connection.execute(sql, *parameters)
                except DivisionByZeroError:  # the first changed nothing: nothing was changed
                    healthy = True
                    return False
                healthy = True
                return True
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
            await self._release(pooled, healthy=healthy)

    async def insert_returning(self, statement: Any, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Run ``statement`` (an INSERT ... RETURNING) for each row of values, pipelined in one round trip and atomic
        (asyncpg's ``fetchmany``); what they returned."""
        prepared = [self._compiled.prepare(statement, values) for values in rows]
        if not prepared:
            return []
        pooled = await self._acquire()
        healthy = False
        try:
            records = await pooled.driver_connection.fetchmany(prepared[0][0], [p for _sql, p in prepared])
            healthy = True
        finally:
            await self._release(pooled, healthy=healthy)
        return [tuple(record) for record in records]

    async def fetch_one(self, statement: Any, values: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of ``statement`` (a SELECT), in a transaction of its own: one round trip."""
        sql, parameters = self._compiled.prepare(statement, values)
        pooled = await self._acquire()
        healthy = False
        try:
            record = await pooled.driver_connection.fetchrow(sql, *parameters)
            healthy = True
        finally:
            await self._release(pooled, healthy=healthy)
        return tuple(record) if record is not None else None

    async def close(self) -> None:
        """Give the connections kept between writes back to the engine's pool (before it is disposed of)."""
        free, self._free = self._free, []
        for pooled, _used_at in free:
            await greenlet_spawn(pooled.close)


def direct_writer(engine: Any, *, held: int = 0) -> PgDirectWriter | None:
    """A :class:`PgDirectWriter` when ``engine`` is PostgreSQL through asyncpg, else None. It keeps up to ``held``
    of the pool's connections between writes: the pool must have room for them beside everything else."""
    if engine.dialect.name != "postgresql" or engine.dialect.driver != "asyncpg":
        return None
    return PgDirectWriter(engine, held=held)
