"""The web desk's login codes and sessions (hashes only). A code is consumed by one statement, so two browsers
racing with the same link cannot both get in."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.web import WebLoginCode, WebSession


def add_code(session: AsyncSession, code_hash: str, staff_id: int, now: datetime, expires_at: datetime) -> None:
    session.add(WebLoginCode(code_hash=code_hash, staff_id=staff_id, created_at=now, expires_at=expires_at))


async def consume_code(session: AsyncSession, code_hash: str, now: datetime) -> int | None:
    """Mark the code used if it is unused and unexpired; the staff id it was made for, else None."""
    result = await session.execute(
        update(WebLoginCode)
        .where(WebLoginCode.code_hash == code_hash, WebLoginCode.used_at.is_(None), WebLoginCode.expires_at > now)
        .values(used_at=now)
        .returning(WebLoginCode.staff_id)
    )
    return result.scalar_one_or_none()


def add_session(session: AsyncSession, token_hash: str, staff_id: int, now: datetime, expires_at: datetime) -> None:
    session.add(
        WebSession(token_hash=token_hash, staff_id=staff_id, created_at=now, last_seen_at=now, expires_at=expires_at)
    )


async def live_session(session: AsyncSession, token_hash: str) -> WebSession | None:
    return await session.scalar(
        select(WebSession).where(WebSession.token_hash == token_hash, WebSession.ended_at.is_(None))
    )


async def end_session(session: AsyncSession, token_hash: str, now: datetime) -> None:
    await session.execute(
        update(WebSession)
        .where(WebSession.token_hash == token_hash, WebSession.ended_at.is_(None))
        .values(ended_at=now)
    )
