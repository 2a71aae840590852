"""User preferences by pseudonym."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from db.base import utcnow
from db.models.preferences import UserPreference


async def get_locale(session: AsyncSession, pseudonym: str) -> str | None:
    row = await session.get(UserPreference, pseudonym)
    return row.locale if row else None


async def set_locale(session: AsyncSession, pseudonym: str, locale: str) -> None:
    row = await session.get(UserPreference, pseudonym)
    if row is None:
        session.add(UserPreference(pseudonym=pseudonym, locale=locale))
    else:
        row.locale = locale
        row.updated_at = utcnow()
    await session.commit()
