"""Conversation state (aiogram's FSM) inside the update's unit of work.

Each update reads the state once (from a per-process cache, else the database) and writes it back, encrypted, in the
update's own commit. The cache holds the state as JSON text, so a handler changing what it read cannot change the
cache; entries expire after ``ttl`` seconds, so rows changed outside this process (retention, another process)
are read again.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher, Pseudonymizer
from db.repositories import conversations

_CONTEXT = "conversation_states.data"


def _dumps(data: Mapping[str, Any]) -> str:
    """Compact JSON text with characters as they are (what ``json.dumps(..., ensure_ascii=False,
    separators=(",", ":"))`` gives), by orjson: a draft is read and written a few times per update."""
    return orjson.dumps(dict(data), option=orjson.OPT_NON_STR_KEYS).decode()


@dataclass
class Conversation:
    """One conversation as the current update sees it. ``data`` is JSON text ("" when empty)."""

    state: str | None
    data: str
    dirty: bool = False

    @property
    def empty(self) -> bool:
        return self.state is None and not self.data


class ConversationStore:
    """Process-wide: turns storage keys into row keys, encrypts, and caches what was last committed."""

    def __init__(
        self,
        cipher: Cipher,
        pseudonymizer: Pseudonymizer,
        *,
        cache_size: int = 20_000,
        ttl: float = 900.0,
        enabled: bool = True,
    ) -> None:
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer
        self._cache: OrderedDict[str, tuple[str | None, str, float]] = OrderedDict()
        self._cache_size = cache_size
        self._ttl = ttl
        self.enabled = enabled
        # Keys of every stored conversation, when this process is the database's only writer (``preload``): a key
        # not in it needs no look-up. Most updates come from people who are in no conversation at all.
        self._known: set[str] | None = None

    async def preload(self, session: AsyncSession) -> int:
        """Learn which conversations exist (keys only). Only for a process that is the database's sole writer."""
        self._known = set(await conversations.all_keys(session))
        return len(self._known)

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

    async def load(self, session: AsyncSession, row_key: str) -> Conversation:
        cached = self._cache.get(row_key)
        if cached is not None:
            state, data, stored_at = cached
            if time.monotonic() - stored_at < self._ttl:
                self._cache.move_to_end(row_key)
                return Conversation(state, data)
            del self._cache[row_key]
        if self._known is not None and row_key not in self._known:
            return Conversation(None, "")
        row = await conversations.load(session, row_key)
        if row is None:
            conversation = Conversation(None, "")
        else:
            state, blob = row
            data = self._cipher.decrypt(blob, context=_CONTEXT).decode() if blob is not None else ""
            conversation = Conversation(state, "" if data == "{}" else data)
        self.remember(row_key, conversation)
        return conversation

    def statement(self, dialect: str, row_key: str, conversation: Conversation, now):
        """The write that stores ``conversation`` (a delete when it is empty): a statement and its parameters."""
        if conversation.empty:
            return conversations.remove(row_key)
        blob = self._cipher.encrypt(conversation.data.encode(), context=_CONTEXT) if conversation.data else None
        return conversations.save(dialect, row_key, conversation.state, blob, now)

    async def read(self, session: AsyncSession, key: StorageKey) -> tuple[str | None, dict[str, Any]]:
        """State and data of a conversation, from the database (for tools and tests; the bot reads through the
        unit of work)."""
        row_key = self.row_key(key)
        self.forget(row_key)
        conversation = await self.load(session, row_key)
        return conversation.state, orjson.loads(conversation.data) if conversation.data else {}

    async def write(
        self, session: AsyncSession, key: StorageKey, state: str | None, data: Mapping[str, Any], now
    ) -> None:
        """Store a conversation in the caller's transaction (for tools and tests)."""
        row_key = self.row_key(key)
        text = _dumps(data) if data else ""
        dialect = session.get_bind().dialect.name
        await session.execute(*self.statement(dialect, row_key, Conversation(state, text), now))
        self.forget(row_key)

    def remember(self, row_key: str, conversation: Conversation) -> None:
        """Called with what was just read or committed."""
        if self._known is not None:
            if conversation.empty:
                self._known.discard(row_key)
            else:
                self._known.add(row_key)
        if not self.enabled:
            return
        self._cache[row_key] = (conversation.state, conversation.data, time.monotonic())
        self._cache.move_to_end(row_key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def forget(self, row_key: str) -> None:
        self._cache.pop(row_key, None)


class HoldsConversations(Protocol):
    """What the storage needs of the update's unit of work (bot.telegram.updates.unit)."""

    async def conversation(self, key: StorageKey) -> Conversation: ...


class UpdateStorage(BaseStorage):
    """aiogram's storage interface over the current unit of work: reads come from the unit, writes wait in it and
    are committed with the update's other changes."""

    def __init__(self, unit: HoldsConversations) -> None:
        self._unit = unit

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        conversation = await self._unit.conversation(key)
        value = state.state if isinstance(state, State) else state
        if value != conversation.state:
            conversation.state = value
            conversation.dirty = True

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._unit.conversation(key)).state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        conversation = await self._unit.conversation(key)
        text = _dumps(data) if data else ""
        if text != conversation.data:
            conversation.data = text
            conversation.dirty = True

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        data = (await self._unit.conversation(key)).data
        return orjson.loads(data) if data else {}

    async def close(self) -> None:
        """Nothing to close: the unit of work owns the session."""
