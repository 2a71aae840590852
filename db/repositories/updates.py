"""The record of Telegram updates (see ``db.models.updates``).

The two statements every update runs are built once, with bound parameters, on the table rather than the mapped
class: SQLAlchemy then reuses their compiled form and skips the ORM's per-statement work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import table_of
from db.dialects import PerDialect
from db.direct import Writer
from db.models.updates import TelegramUpdate

_table = table_of(TelegramUpdate)
_c = _table.c


# A polled update leaves the inbox: rowcount 0 means it was handled before.
HANDLED_FROM_INBOX = (
    update(_table)
    .where(_c.bot_id == bindparam("b"), _c.update_id == bindparam("u"), _c.handled_at.is_(None))
    .values(payload=None, handled_at=bindparam("now"))
)
_HANDLED_DIRECTLY = PerDialect(
    lambda insert: (
        insert(_table)
        .values(bot_id=bindparam("b"), update_id=bindparam("u"), attempts=0, received_at=bindparam("now"))
        .values(handled_at=bindparam("now"))
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
    )
)
_STORE = PerDialect(lambda insert: insert(_table).on_conflict_do_nothing(index_elements=["bot_id", "update_id"]))
# One fetched update into the inbox, giving its id back only when it is new (ON CONFLICT: received before).
_STORE_IF_NEW = PerDialect(
    lambda insert: (
        insert(_table)
        .values(bot_id=bindparam("b"), update_id=bindparam("u"), payload=bindparam("p"), attempts=0)
        .values(received_at=bindparam("now"))
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
        .returning(_c.update_id)
    )
)


def handled(dialect: str, *, from_inbox: bool):
    """The statement recording an update as handled, with parameters ``b`` (bot id), ``u`` (update id) and
    ``now``; it changes no row (rowcount 0) when the update was handled before. ``from_inbox``: it was polled
    and waits in the table; otherwise (webhook) it is recorded here for the first time."""
    return HANDLED_FROM_INBOX if from_inbox else _HANDLED_DIRECTLY[dialect]


async def known_ids(session: AsyncSession, bot_id: int, update_ids: Sequence[int]) -> set[int]:
    """Which of ``update_ids`` were received before (waiting or handled)."""
    if not update_ids:
        return set()
    rows = await session.execute(select(_c.update_id).where(_c.bot_id == bot_id, _c.update_id.in_(update_ids)))
    return {row[0] for row in rows}


async def store(session: AsyncSession, bot_id: int, rows: Iterable[tuple[int, bytes]], now: datetime) -> None:
    """Add fetched updates (id, encrypted payload) in the caller's transaction."""
    values = [
        {"bot_id": bot_id, "update_id": update_id, "payload": payload, "received_at": now, "attempts": 0}
        for update_id, payload in rows
    ]
    if values:
        await session.execute(_STORE.of(session), values)


async def store_new(writer: Writer, bot_id: int, rows: Sequence[tuple[int, bytes]], now: datetime) -> set[int]:
    """Add fetched updates (id, encrypted payload) in one transaction of the direct writer; the ids that were new
    (the others were received before and are left as they are). One statement a row, all in one round trip: no
    look-up first, and no session."""
    values = [{"b": bot_id, "u": update_id, "p": payload, "now": now} for update_id, payload in rows]
    return {row[0] for row in await writer.insert_returning(_STORE_IF_NEW[writer.dialect], values)}


async def waiting(session: AsyncSession, bot_id: int) -> list[tuple[int, bytes, int]]:
    """Updates left unhandled by an earlier process: (update id, payload, attempts so far), oldest first."""
    rows = await session.execute(
        select(_c.update_id, _c.payload, _c.attempts)
        .where(_c.bot_id == bot_id, _c.handled_at.is_(None), _c.payload.is_not(None))
        .order_by(_c.update_id)
    )
    return [(row[0], row[1], row[2]) for row in rows]


async def count_attempt(session: AsyncSession, bot_id: int, update_ids: Sequence[int]) -> None:
    if update_ids:
        await session.execute(
            update(_table).where(_c.bot_id == bot_id, _c.update_id.in_(update_ids)).values(attempts=_c.attempts + 1)
        )


async def give_up(session: AsyncSession, bot_id: int, update_ids: Sequence[int], now: datetime) -> None:
    """Updates that failed every time: recorded as handled (the payload goes), so a redelivery is ignored too."""
    if update_ids:
        await session.execute(
            update(_table).where(_c.bot_id == bot_id, _c.update_id.in_(update_ids)).values(payload=None, handled_at=now)
        )
