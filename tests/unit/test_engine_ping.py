"""PostgreSQL connections are pinged before use only after sitting idle in the pool (db.engine._ping_when_idle): one
dropped while idle is replaced before anything runs on it; one used a moment ago is taken as it is, and when the
server did drop it, one statement fails and the pool recovers by itself. Needs TEST_DATABASE_URL (PostgreSQL)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.util import greenlet_spawn

from db import engine as engine_module
from db.engine import make_engine

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL"), reason="pinging pooled connections is PostgreSQL's (TEST_DATABASE_URL)"
)


async def _backend(engine) -> int:
    async with engine.connect() as connection:
        return int((await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one())


async def _drop(database_url: str, pid: int) -> None:
    """What a restart of the server or a firewall does to an idle connection: closed from the other end."""
    other = make_engine(database_url, pool_size=1)
    try:
        async with other.connect() as connection:
            assert (await connection.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})).scalar_one()
    finally:
        await other.dispose()


@pytest.fixture
async def one_connection(database_url):
    engine = make_engine(database_url, pool_size=1)
    yield engine
    await engine.dispose()


async def test_a_connection_dropped_while_idle_is_replaced_before_use(one_connection, database_url, monkeypatch):
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 0.0)  # every connection back in the pool is idle
    first = await _backend(one_connection)
    await _drop(database_url, first)
    second = await _backend(one_connection)  # no error: the ping found it closed and the pool opened another
    assert second != first
    # The direct writer's raw connections come from the same pool, with the same check.
    pooled = await one_connection.raw_connection()
    try:
        await _drop(database_url, second)
    finally:
        await greenlet_spawn(pooled.close)
    pooled = await one_connection.raw_connection()
    try:
        assert await pooled.driver_connection.fetchval("SELECT pg_backend_pid()") not in (first, second)
    finally:
        await greenlet_spawn(pooled.close)


async def test_a_connection_used_a_moment_ago_is_not_pinged(one_connection, database_url, monkeypatch):
    """The price of skipping the ping: a connection dropped within the idle window fails the one statement that
    meets it; the failure marks the pool's connections for replacing, and the next statement runs."""
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 3600.0)
    first = await _backend(one_connection)
    await _drop(database_url, first)
    with pytest.raises(DBAPIError):
        await _backend(one_connection)
    assert await _backend(one_connection) != first
