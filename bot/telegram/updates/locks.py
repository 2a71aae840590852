"""Keeping one person's updates in order across several worker processes, and electing the one worker that runs the
background work (the outbox, reminders, retention).

Within one process the scheduler's lanes already handle a person's updates one at a time. With several workers on
one PostgreSQL database (webhook mode behind one address), two of a person's updates can arrive at two workers at
once: each worker then takes a PostgreSQL advisory lock on a keyed hash of the person before handling, so the
second waits for the first. Locks live on one small connection per worker, apart from the pool, so handlers can
never starve it; if a worker dies, its connection closes and its locks are released.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from typing import Protocol

log = logging.getLogger(__name__)

OUTBOX_LEADER = "outbox-leader"


class PersonLocks(Protocol):
    async def acquire(self, lane: int) -> None: ...

    async def release(self, lane: int) -> None: ...

    async def lead(self, role: str) -> bool:
        """True if this process holds (or now took) the role; never blocks."""
        ...

    async def close(self) -> None: ...


class LocalLocks:
    """One process: the lanes are enough, and this process leads everything."""

    async def acquire(self, lane: int) -> None:
        return None

    async def release(self, lane: int) -> None:
        return None

    async def lead(self, role: str) -> bool:
        return True

    async def close(self) -> None:
        return None


def _key(salt: bytes, name: str) -> int:
    digest = hashlib.blake2b(name.encode(), key=salt[:64], digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class AdvisoryLocks:
    """PostgreSQL session advisory locks on one connection of this worker (asyncpg). ``salt`` keeps the lock keys
    from telling anyone who a person is (they are visible in pg_locks)."""

    def __init__(self, dsn: str, salt: bytes, *, retry: float = 0.01, retry_max: float = 0.2) -> None:
        self._dsn = dsn.replace("postgresql+asyncpg://", "postgresql://", 1)
        self._salt = salt
        self._retry = retry
        self._retry_max = retry_max
        self._conn = None
        self._mutex = asyncio.Lock()  # one query at a time on the connection
        self._roles: set[str] = set()

    async def _connection(self):
        if self._conn is None or self._conn.is_closed():
            import asyncpg

            self._conn = await asyncpg.connect(self._dsn)
            self._roles.clear()  # a new session holds nothing
        return self._conn

    async def _fetch(self, query: str, key: int) -> bool:
        async with self._mutex:
            try:
                conn = await self._connection()
                return bool(await conn.fetchval(query, key))
            except Exception as exc:
                if self._conn is not None and self._conn.is_closed():
                    self._conn = None  # reconnect on the next call (the locks went with the session)
                log.warning("locks: %s", type(exc).__name__)
                raise

    async def acquire(self, lane: int) -> None:
        key = _key(self._salt, f"person:{lane}")
        delay = self._retry
        while not await self._fetch("SELECT pg_try_advisory_lock($1)", key):
            await asyncio.sleep(delay)  # another worker is handling this person's previous update
            delay = min(self._retry_max, delay * 2)

    async def release(self, lane: int) -> None:
        await self._fetch("SELECT pg_advisory_unlock($1)", _key(self._salt, f"person:{lane}"))

    async def lead(self, role: str) -> bool:
        if role in self._roles and self._conn is not None and not self._conn.is_closed():
            return True
        if await self._fetch("SELECT pg_try_advisory_lock($1)", _key(self._salt, f"role:{role}")):
            self._roles.add(role)
            return True
        return False

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None
