"""User preferences by pseudonym. Changes are committed by the caller (the update's unit of work)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import utcnow
from db.models.preferences import UserPreference


async def get_locale(session: AsyncSession, pseudonym: str) -> str | None:
    return await session.scalar(select(UserPreference.locale).where(UserPreference.pseudonym == pseudonym))


async def set_locale(session: AsyncSession, pseudonym: str, locale: str) -> None:
    row = await session.get(UserPreference, pseudonym)
    if row is None:
        session.add(UserPreference(pseudonym=pseudonym, locale=locale))
    else:
        row.locale = locale
        row.updated_at = utcnow()
