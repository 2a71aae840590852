"""Statements that differ between the two databases (an upsert's ON CONFLICT clause is each dialect's own), built
once for both at import, so that the statements run on every update or every filing are reused in their compiled
form instead of being built per call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")


class PerDialect(Generic[T]):
    """``build(insert)`` made with SQLite's and with PostgreSQL's ``insert``; looked up by dialect name (anything
    but PostgreSQL is SQLite) or by a session's bind."""

    def __init__(self, build: Callable[[Callable[..., Any]], T]) -> None:
        self._sqlite = build(sqlite.insert)
        self._postgresql = build(postgresql.insert)

    def __getitem__(self, dialect: str) -> T:
        return self._postgresql if dialect == "postgresql" else self._sqlite

    def of(self, session: AsyncSession) -> T:
        return self[session.get_bind().dialect.name]
