"""Shared fixtures: a fresh, migrated database per test (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set).

Migrating takes a fifth of a second or more, and most tests need a database, so each test process (each pytest-xdist
worker) migrates once into a template and every test gets a copy of it: a file copy on SQLite, ``CREATE DATABASE
... TEMPLATE`` on PostgreSQL. A test gets its own database either way, so tests never see each other's data.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings, load_settings
from bot.telegram.updates.unit import UnitSession
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database

TEST_TOKEN = "123456789:AAHtestTokenForTheLocalEmulator_0123456789"


@contextlib.contextmanager
def one_at_a_time(name: str) -> Iterator[None]:
    """Across every test process of this checkout (the pytest-xdist workers), one holder of ``name`` at a time: for
    tests that share something outside their own tmp_path, e.g. the repository's data/demo.

    (pytest-xdist's ``--dist loadgroup`` with ``xdist_group`` marks would send such tests to one worker, but with
    pytest 9.2 it silently stops grouping: pytest-xdist issue #1386.)
    """
    checkout = hashlib.sha256(str(Path(__file__).resolve().parents[1]).encode()).hexdigest()[:12]
    with open(Path(tempfile.gettempdir()) / f"tipline-tests-{checkout}-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _run_apart(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine to the end in a thread of its own: session fixtures are set up while a test's event loop may
    be running, and asyncio.run refuses to start a loop inside another."""
    errors: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(make())
        except BaseException as exc:  # handed to the caller below
            errors.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]


async def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        await upgrade_database(engine)
    finally:
        await engine.dispose()


@dataclass(frozen=True)
class DatabaseTemplate:
    """A migrated database to copy: a SQLite file, or a PostgreSQL database on the TEST_DATABASE_URL server."""

    sqlite_file: Path | None = None
    server_url: str | None = None
    pg_name: str | None = None

    def copy_sqlite(self, target: Path) -> str:
        assert self.sqlite_file is not None
        shutil.copyfile(self.sqlite_file, target)
        # Closing the last connection folds the write-ahead log into the file; copy one left behind all the same.
        wal = self.sqlite_file.with_name(self.sqlite_file.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return f"sqlite+aiosqlite:///{target}"


def _pg_admin_dsn(server_url: str) -> str:
    return server_url.replace("postgresql+asyncpg://", "postgresql://")


async def _pg_execute(server_url: str, *statements: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_pg_admin_dsn(server_url))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory) -> Iterator[DatabaseTemplate]:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        path = tmp_path_factory.mktemp("template") / "tipline.db"
        _run_apart(lambda: _migrate(f"sqlite+aiosqlite:///{path}"))
        yield DatabaseTemplate(sqlite_file=path)
        return
    # One template per test process: PostgreSQL copies a template only while nobody else is connected to it.
    base, _, _ = server.rpartition("/")
    name = f"tpl_{uuid.uuid4().hex[:16]}"
    _run_apart(lambda: _pg_execute(server, f'CREATE DATABASE "{name}"'))
    try:
        _run_apart(lambda: _migrate(f"{base}/{name}"))
        yield DatabaseTemplate(server_url=server, pg_name=name)
    finally:
        _run_apart(lambda: _pg_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def database_url(tmp_path, database_template) -> AsyncIterator[str]:
    """A migrated database of this test's own: a copy of the template."""
    if database_template.sqlite_file is not None:
        yield database_template.copy_sqlite(tmp_path / "tipline.db")
        return
    server = database_template.server_url
    assert server is not None
    base, _, _ = server.rpartition("/")
    name = f"t_{uuid.uuid4().hex[:16]}"
    await _pg_execute(server, f'CREATE DATABASE "{name}" TEMPLATE "{database_template.pg_name}"')
    yield f"{base}/{name}"
    await _pg_execute(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def migrated_sqlite(tmp_path, database_template) -> Callable[[str], str]:
    """For tests that need a SQLite file whatever the server (e.g. the command line's ``--db``): ``url =
    migrated_sqlite("cli.db")`` copies a migrated database to tmp_path/cli.db."""

    def make(name: str) -> str:
        if database_template.sqlite_file is not None:
            return database_template.copy_sqlite(tmp_path / name)
        url = f"sqlite+aiosqlite:///{tmp_path / name}"
        _run_apart(lambda: _migrate(url))
        return url

    return make


@pytest.fixture
def make_settings(database_url, tmp_path):
    def factory(**overrides: object) -> Settings:
        values: dict[str, object] = {
            "TIPLINE_ENV": "test",
            "database_url": database_url,
            "bot_token": TEST_TOKEN,
            "evidence_dir": tmp_path / "evidence",
        }
        values.update(overrides)
        return load_settings(**values)

    return factory


@pytest.fixture
def settings(make_settings) -> Settings:
    return make_settings()


@pytest.fixture
async def engine(settings):
    """An engine on this test's database, migrated already (see database_url)."""
    engine = make_engine(settings.database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine, sync_session_class=UnitSession)
