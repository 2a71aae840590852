"""The update inbox and the record of handled updates (see ``db.models.updates``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Delete, Insert, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.updates import InboxUpdate, ProcessedUpdate


def _insert(dialect: str):
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def mark_processed(dialect: str, bot_id: int, update_id: int, now: datetime) -> Insert:
    """Record an update as handled; inserts nothing (rowcount 0) when it was handled before."""
    return (
        _insert(dialect)(ProcessedUpdate)
        .values(bot_id=bot_id, update_id=update_id, seen_at=now)
        .on_conflict_do_nothing(index_elements=["bot_id", "update_id"])
    )


def remove_from_inbox(bot_id: int, update_id: int) -> Delete:
    return delete(InboxUpdate).where(InboxUpdate.bot_id == bot_id, InboxUpdate.update_id == update_id)


async def known_ids(session: AsyncSession, bot_id: int, update_ids: Sequence[int]) -> set[int]:
    """Which of ``update_ids`` were handled already or wait in the inbox."""
    if not update_ids:
        return set()
    handled = await session.scalars(
        select(ProcessedUpdate.update_id).where(
            ProcessedUpdate.bot_id == bot_id, ProcessedUpdate.update_id.in_(update_ids)
        )
    )
    waiting = await session.scalars(
        select(InboxUpdate.update_id).where(InboxUpdate.bot_id == bot_id, InboxUpdate.update_id.in_(update_ids))
    )
    return set(handled) | set(waiting)


async def store(session: AsyncSession, bot_id: int, rows: Iterable[tuple[int, bytes]], now: datetime) -> None:
    """Add fetched updates (id, encrypted payload) to the inbox in the caller's transaction."""
    values = [
        {"bot_id": bot_id, "update_id": update_id, "payload": payload, "received_at": now, "attempts": 0}
        for update_id, payload in rows
    ]
    if values:
        dialect = session.get_bind().dialect.name
        await session.execute(
            _insert(dialect)(InboxUpdate).on_conflict_do_nothing(index_elements=["bot_id", "update_id"]), values
        )


async def waiting(session: AsyncSession, bot_id: int) -> list[tuple[int, bytes, int]]:
    """Updates left unhandled by an earlier process: (update id, payload, attempts so far), oldest first."""
    rows = await session.execute(
        select(InboxUpdate.update_id, InboxUpdate.payload, InboxUpdate.attempts)
        .where(InboxUpdate.bot_id == bot_id)
        .order_by(InboxUpdate.update_id)
    )
    return [(row[0], row[1], row[2]) for row in rows]


async def count_attempt(session: AsyncSession, bot_id: int, update_ids: Sequence[int]) -> None:
    if update_ids:
        await session.execute(
            update(InboxUpdate)
            .where(InboxUpdate.bot_id == bot_id, InboxUpdate.update_id.in_(update_ids))
            .values(attempts=InboxUpdate.attempts + 1)
        )


async def give_up(session: AsyncSession, bot_id: int, update_ids: Sequence[int], now: datetime) -> None:
    """Drop updates that failed every time, remembering them as handled so a redelivery is ignored too."""
    for update_id in update_ids:
        await session.execute(remove_from_inbox(bot_id, update_id))
        await session.execute(mark_processed(session.get_bind().dialect.name, bot_id, update_id, now))
