"""Conversation rows (aiogram FSM state): the key is a keyed hash and the data arrives already encrypted, so this
module sees neither identities nor content."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Delete, Insert, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.conversation import ConversationState

_table = ConversationState.__table__
# Read for every conversation not in the cache: built once, on the table (no ORM work per call).
_LOAD = select(_table.c.state, _table.c.data).where(_table.c.key == bindparam("k"))


async def load(session: AsyncSession, key: str) -> tuple[str | None, bytes | None] | None:
    row = (await session.execute(_LOAD, {"k": key})).first()
    return (row[0], row[1]) if row is not None else None


async def all_keys(session: AsyncSession) -> list[str]:
    return list((await session.scalars(select(_table.c.key))).all())


def save(dialect: str, key: str, state: str | None, data: bytes | None, now: datetime) -> Insert:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(_table).values(key=key, state=state, data=data, updated_at=now)
    return stmt.on_conflict_do_update(
        index_elements=["key"], set_={"state": stmt.excluded.state, "data": stmt.excluded.data, "updated_at": now}
    )


def remove(key: str) -> Delete:
    return delete(_table).where(_table.c.key == key)


async def purge_older_than(session: AsyncSession, cutoff: datetime) -> int:
    result = await session.execute(delete(_table).where(_table.c.updated_at < cutoff))
    return result.rowcount or 0
