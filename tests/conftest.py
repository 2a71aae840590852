"""Shared fixtures: a fresh database per test (SQLite by default, PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator

import pytest

from bot.config import Settings, load_settings
from bot.telegram.updates.unit import UnitSession
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database

TEST_TOKEN = "123456789:AAHtestTokenForTheLocalEmulator_0123456789"


@pytest.fixture
async def database_url(tmp_path) -> AsyncIterator[str]:
    server = os.environ.get("TEST_DATABASE_URL")
    if not server:
        yield f"sqlite+aiosqlite:///{tmp_path / 'tipline.db'}"
        return
    # One database per test on the CI's PostgreSQL server, dropped afterwards.
    import asyncpg

    base, _, _ = server.rpartition("/")
    admin_dsn = server.replace("postgresql+asyncpg://", "postgresql://")
    name = f"t_{uuid.uuid4().hex[:16]}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    yield f"{base}/{name}"
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


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
    engine = make_engine(settings.database_url)
    await upgrade_database(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine, sync_session_class=UnitSession)
