"""SQLite for an asyncio process without a thread per connection.

aiosqlite runs every call (cursor, execute, fetch, close, commit) on a worker thread and waits for it: a statement
that SQLite answers in 10 us costs about 400 us of CPU in thread hand-offs, and an update that reads and writes a few
rows spends most of its time there (measured: bench/bench_bot.py). Here the same calls run directly in the event
loop's thread, which is right for the bot's statements: short, on indexed keys, on a local file.

What makes that safe is the write lock. SQLite allows one writer at a time; a second connection of the same process
wanting to write would wait in SQLite's busy handler, inside the event loop's thread, while the writer it waits for
cannot run. So each database file has an ``asyncio.Lock`` that a connection takes (waiting like any coroutine) before
the first statement that writes, and gives back when its transaction ends. Readers take nothing (WAL mode lets them
read while someone writes). Another *process* writing at the same time (the CLI while the bot runs) is still handled
by SQLite's busy timeout.

The module imitates the parts of aiosqlite's interface that SQLAlchemy's ``sqlite+aiosqlite`` dialect uses; the
engine gets it through ``create_async_engine(..., module=dbapi())`` (see ``db.engine``).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi

from db.compiled import Statements

# Statements that start a write transaction (Python's sqlite3 opens one implicitly before them).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "BEGIN", "SAVEPOINT", "WITH")
_locks: dict[tuple[int, str], asyncio.Lock] = {}


def _write_lock(database: str) -> asyncio.Lock:
    # One lock per file and event loop (tests run many loops, one after another).
    key = (id(asyncio.get_running_loop()), database)
    lock = _locks.get(key)
    if lock is None:
        lock = _locks[key] = asyncio.Lock()
    return lock


def _writes(sql: str) -> bool:
    head = sql.lstrip()[:10].upper()
    if head.startswith("WITH"):
        return any(word in sql.upper() for word in ("INSERT", "UPDATE", "DELETE"))
    return head.startswith(_WRITES)


class _Awaitable:
    """What aiosqlite's ``cursor()`` returns: awaitable and usable with ``async with``."""

    def __init__(self, value: Any) -> None:
        self._value = value

    def __await__(self):
        if False:  # pragma: no cover - makes this a generator
            yield
        return self._value

    async def __aenter__(self) -> Any:
        return self._value

    async def __aexit__(self, *exc: object) -> None:
        await self._value.close()


class Cursor:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._cursor = connection._conn.cursor()

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        await self._connection._before(sql)
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Cursor:
        await self._connection._before(sql)
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class Connection:
    def __init__(self, conn: sqlite3.Connection, database: str) -> None:
        self._conn = conn
        self._connection = conn  # SQLAlchemy checks this is set before commit and rollback
        self._database = database
        self._holding = False

    async def _before(self, sql: str) -> None:
        if not self._holding and _writes(sql):
            await _write_lock(self._database).acquire()
            self._holding = True

    def _release(self) -> None:
        if self._holding and not self._conn.in_transaction:
            self._holding = False
            _write_lock(self._database).release()

    def cursor(self) -> _Awaitable:
        return _Awaitable(Cursor(self))

    async def execute(self, sql: str, parameters: Any = ()) -> Cursor:
        cursor = Cursor(self)
        return await cursor.execute(sql, parameters)

    async def commit(self) -> None:
        try:
            self._conn.commit()
        finally:
            self._release()

    async def rollback(self) -> None:
        try:
            self._conn.rollback()
        finally:
            self._release()

    async def close(self) -> None:
        try:
            self._conn.close()
        finally:
            if self._holding:
                self._holding = False
                _write_lock(self._database).release()

    def stop(self) -> None:
        self._conn.close()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        # typeshed allows only None and the three names; SQLAlchemy also sets "", which sqlite3 accepts.
        self._conn.isolation_level = value  # type: ignore[assignment]


class _Module:
    """The aiosqlite-like module: ``connect`` and the exception classes."""

    Connection = Connection
    DatabaseError = sqlite3.DatabaseError
    Error = sqlite3.Error
    IntegrityError = sqlite3.IntegrityError
    NotSupportedError = sqlite3.NotSupportedError
    OperationalError = sqlite3.OperationalError
    ProgrammingError = sqlite3.ProgrammingError
    sqlite_version = sqlite3.sqlite_version
    sqlite_version_info = sqlite3.sqlite_version_info

    @staticmethod
    def connect(database: str, **kwargs: Any) -> _Awaitable:
        kwargs.pop("check_same_thread", None)
        conn = sqlite3.connect(database, check_same_thread=False, **kwargs)
        return _Awaitable(Connection(conn, str(database)))


class _InlineDbapi(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any):
        from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection
        from sqlalchemy.util.concurrency import await_

        return AsyncAdapt_aiosqlite_connection(self, await_(self.aiosqlite.connect(*arg, **kw)))


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """The DB-API module to give ``create_async_engine`` for a ``sqlite+aiosqlite`` URL."""
    return _InlineDbapi(_Module, sqlite3)  # type: ignore[arg-type]


# The update's own writes, past SQLAlchemy (db.direct) ---------------------------------------------


class DirectWriter:
    """Runs a few statements in one transaction on a connection of its own, without SQLAlchemy's session,
    connection and greenlet hand-offs around them.

    For the unit of work's own commits (bot.telegram.updates.unit): every update records itself as handled and
    most save a conversation, often twice an update, and through an AsyncSession each such commit cost ~250 us of
    CPU for statements SQLite runs in ~30. The statements are the application's Core statements, compiled once with
    SQLAlchemy's SQLite dialect and given their values through the same bind processors, so what is stored is what
    the session would have stored. The write lock is the one every connection of this process takes
    (``_write_lock``), taken before the transaction begins and given back when it ends, with nothing awaited in
    between: no other coroutine runs inside the transaction."""

    def __init__(self, database: str, dialect: Any, busy_seconds: float) -> None:
        self._database = database
        self._busy_seconds = busy_seconds
        self._conn: sqlite3.Connection | None = None
        self._compiled = Statements(dialect)
        self.dialect: str = dialect.name

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self._database, timeout=self._busy_seconds, isolation_level=None)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._conn = conn
        return self._conn

    async def write(self, statements: Iterable[tuple[Any, dict[str, Any]]], *, first_must_change: bool) -> bool:
        """Run ``statements`` (statement, values) and commit. With ``first_must_change``, a first statement that
        changes no row rolls everything back and gives False (the update was handled before)."""
        prepared = [self._compiled.prepare(statement, values) for statement, values in statements]
        async with _write_lock(self._database):
            conn = self._connection()
            if len(prepared) == 1:  # one statement is a transaction of its own (the connection autocommits)
                sql, parameters = prepared[0]
                return conn.execute(sql, parameters).rowcount > 0 or not first_must_change
            conn.execute("BEGIN IMMEDIATE")
            try:
                for i, (sql, parameters) in enumerate(prepared):
                    changed = conn.execute(sql, parameters).rowcount
                    if i == 0 and first_must_change and changed == 0:
                        conn.execute("ROLLBACK")
                        return False
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return True

    async def insert_returning(self, statement: Any, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """Run ``statement`` (an INSERT ... RETURNING) for each row of values in one transaction; what they returned."""
        prepared = [self._compiled.prepare(statement, values) for values in rows]
        returned: list[tuple[Any, ...]] = []
        if not prepared:
            return returned
        async with _write_lock(self._database):
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                for sql, parameters in prepared:
                    returned.extend(conn.execute(sql, parameters).fetchall())
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return returned

    async def fetch_one(self, statement: Any, values: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of ``statement`` (a SELECT): the connection autocommits, so no transaction is left open."""
        sql, parameters = self._compiled.prepare(statement, values)
        row = self._connection().execute(sql, parameters).fetchone()
        return tuple(row) if row is not None else None

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def direct_writer(engine: Any, busy_seconds: float) -> DirectWriter | None:
    """A :class:`DirectWriter` on ``engine``'s database file, or None when the engine is not SQLite through this
    module or its database is in memory (a second connection would see another database)."""
    if engine.dialect.name != "sqlite" or not isinstance(engine.dialect.dbapi, _InlineDbapi):
        return None
    arguments, options = engine.dialect.create_connect_args(engine.url)
    database = str(arguments[0]) if arguments else ""
    if not database or database == ":memory:" or options.get("uri"):
        return None
    # The same file name the pool's connections are opened with: the write lock is looked up by it.
    return DirectWriter(database, engine.dialect, busy_seconds)
