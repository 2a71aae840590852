"""aiogram FSM storage kept in the application database.

Every change is committed at once, so a restart resumes the conversation where it was. Keys are keyed hashes
and data is encrypted (see ``db.models.conversation``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import Cipher, Pseudonymizer
from db.base import utcnow
from db.models.conversation import ConversationState

_CONTEXT = "conversation_states.data"


class SQLStorage(BaseStorage):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        *,
        cipher: Cipher,
        pseudonymizer: Pseudonymizer,
    ) -> None:
        self._sessions = session_factory
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer

    def row_key(self, key: StorageKey) -> str:
        parts = (
            key.bot_id,
            key.chat_id,
            key.user_id,
            key.thread_id or 0,
            key.business_connection_id or "",
            key.destiny,
        )
        return self._pseudonymizer.keyed_hash("fsm:" + ":".join(str(p) for p in parts))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        async with self._sessions.begin() as session:
            row = await self._row(session, key, create=True)
            row.state = value
            row.updated_at = utcnow()
            await self._drop_if_empty(session, row)

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._sessions() as session:
            row = await self._row(session, key)
            return row.state if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        async with self._sessions.begin() as session:
            row = await self._row(session, key, create=True)
            row.data = self._cipher.encrypt_json(dict(data), context=_CONTEXT) if data else None
            row.updated_at = utcnow()
            await self._drop_if_empty(session, row)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._sessions() as session:
            row = await self._row(session, key)
            if row is None or row.data is None:
                return {}
            return dict(self._cipher.decrypt_json(row.data, context=_CONTEXT))

    async def close(self) -> None:
        """The session factory belongs to the application, which disposes of the engine."""

    async def purge_older_than(self, cutoff: datetime) -> int:
        """Delete conversations untouched since ``cutoff`` (abandoned drafts); returns how many."""
        async with self._sessions.begin() as session:
            result = await session.execute(delete(ConversationState).where(ConversationState.updated_at < cutoff))
            return result.rowcount or 0

    async def _row(self, session: AsyncSession, key: StorageKey, *, create: bool = False) -> ConversationState | None:
        row_key = self.row_key(key)
        row = await session.scalar(select(ConversationState).where(ConversationState.key == row_key))
        if row is None and create:
            row = ConversationState(key=row_key, state=None, data=None, updated_at=utcnow())
            session.add(row)
        return row

    @staticmethod
    async def _drop_if_empty(session: AsyncSession, row: ConversationState) -> None:
        if row.state is None and row.data is None:
            if row in session.new:
                session.expunge(row)
            else:
                await session.delete(row)
