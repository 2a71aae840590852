"""User preferences by pseudonym. Changes are committed by the caller (the update's unit of work)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from db.base import table_of, utcnow
from db.models.preferences import UserPreference

_table = table_of(UserPreference)
_GET = select(_table.c.locale).where(_table.c.pseudonym == bindparam("p"))


async def get_locale(session: AsyncSession, pseudonym: str) -> str | None:
    return (await session.execute(_GET, {"p": pseudonym})).scalar()


async def set_locale(session: AsyncSession, pseudonym: str, locale: str) -> None:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    now = utcnow()
    stmt = insert(_table).values(pseudonym=pseudonym, locale=locale, created_at=now, updated_at=now)
    await session.execute(
        stmt.on_conflict_do_update(index_elements=["pseudonym"], set_={"locale": locale, "updated_at": now})
    )


async def all_locales(session: AsyncSession) -> list[tuple[str, str]]:
    rows = await session.execute(select(_table.c.pseudonym, _table.c.locale))
    return [(row[0], row[1]) for row in rows]
