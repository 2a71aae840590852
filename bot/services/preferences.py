"""Each person's chosen language, read on every update: cached per process, written in the caller's transaction.

Only a choice is stored (the language menu, or a language recognised from what the person wrote: ``adopt``);
without one the bot follows the language of the person's Telegram app, which every update carries, so a first
contact writes nothing. The cache also remembers who has no stored choice, and learns a change only once it is
committed.
"""

from __future__ import annotations

from collections import OrderedDict

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from db.repositories import preferences

_NONE = ""  # cached: this person has no stored choice


class LanguagePreferences:
    def __init__(self, *, cache_size: int = 50_000, enabled: bool = True) -> None:
        self._cache: OrderedDict[str, str] = OrderedDict()
        # Off when several processes share the database: another one may change a choice at any time.
        self._cache_size = cache_size if enabled else 0
        self._complete = False  # the cache holds every stored choice: a miss means "no choice", no look-up

    async def preload(self, session: AsyncSession) -> int:
        """Read every stored choice (few: only people who chose). Only for a process that is the database's sole
        writer; beyond the cache's size, look-ups go on as before."""
        choices = await preferences.all_locales(session)
        for pseudonym, locale in choices:
            self._remember(pseudonym, locale)
        self._complete = len(choices) < self._cache_size
        return len(choices)

    def cached(self, pseudonym: str) -> str | None:
        """The stored choice if this process knows it (no database; used where the database may be down)."""
        return self._cache.get(pseudonym) or None

    async def get(self, session: AsyncSession, pseudonym: str) -> str | None:
        locale = self._cache.get(pseudonym)
        if locale is not None:
            self._cache.move_to_end(pseudonym)
            return locale or None
        if self._complete:
            return None
        locale = await preferences.get_locale(session, pseudonym)
        self._remember(pseudonym, locale or _NONE)
        return locale

    async def set(self, session: AsyncSession, pseudonym: str, locale: str) -> None:
        await preferences.set_locale(session, pseudonym, locale)
        sync = session.sync_session

        def committed(_session) -> None:
            self._remember(pseudonym, locale)
            event.remove(sync, "after_rollback", rolled_back)

        def rolled_back(_session) -> None:
            event.remove(sync, "after_commit", committed)
            event.remove(sync, "after_rollback", rolled_back)

        event.listen(sync, "after_commit", committed, once=True)
        event.listen(sync, "after_rollback", rolled_back)

    async def adopt(self, session: AsyncSession, pseudonym: str, locale: str) -> bool:
        """A language recognised from what the person wrote becomes their choice, unless they have chosen one (a
        choice from the language menu is never overruled by a message in another language). True when stored."""
        if await self.get(session, pseudonym) is not None:
            return False
        await self.set(session, pseudonym, locale)
        return True

    def _remember(self, pseudonym: str, locale: str) -> None:
        if self._complete and not locale:
            return  # "no choice" needs no entry when the cache is complete
        self._cache[pseudonym] = locale
        self._cache.move_to_end(pseudonym)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
            self._complete = False
