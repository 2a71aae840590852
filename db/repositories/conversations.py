"""Conversation rows (aiogram FSM state): the key is a keyed hash and the data arrives already encrypted, so this
module sees neither identities nor content.

The statements run on every update are built once, with bound parameters, on the table: SQLAlchemy then reuses
their compiled form instead of building and compiling an upsert per update.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import table_of
from db.dialects import PerDialect
from db.models.conversation import ConversationState

_table = table_of(ConversationState)
_LOAD = select(_table.c.state, _table.c.data).where(_table.c.key == bindparam("k"))
_REMOVE = delete(_table).where(_table.c.key == bindparam("k"))


def _upsert(insert):
    stmt = insert(_table).values(
        key=bindparam("k"), state=bindparam("s"), data=bindparam("d"), updated_at=bindparam("t")
    )
    return stmt.on_conflict_do_update(
        index_elements=["key"],
        set_={"state": stmt.excluded.state, "data": stmt.excluded.data, "updated_at": stmt.excluded.updated_at},
    )


_SAVE = PerDialect(_upsert)


async def load(session: AsyncSession, key: str) -> tuple[str | None, bytes | None] | None:
    row = (await session.execute(_LOAD, {"k": key})).first()
    return (row[0], row[1]) if row is not None else None


async def all_keys(session: AsyncSession) -> list[str]:
    return list((await session.scalars(select(_table.c.key))).all())


def save(dialect: str, key: str, state: str | None, data: bytes | None, now: datetime):
    """The upsert of one conversation and its parameters, for ``session.execute(statement, parameters)``."""
    return _SAVE[dialect], {"k": key, "s": state, "d": data, "t": now}


def remove(key: str):
    return _REMOVE, {"k": key}


async def purge_older_than(session: AsyncSession, cutoff: datetime) -> int:
    result = cast(
        "CursorResult[Any]",  # a DELETE gives a CursorResult (typed as any Result)
        await session.execute(delete(_table).where(_table.c.updated_at < cutoff)),
    )
    return result.rowcount or 0
