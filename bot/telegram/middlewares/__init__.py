"""Middlewares, in the order they wrap every update (see ``setup_middlewares``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from aiogram import Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Pseudonymizer
from bot.services.ratelimit import SlidingWindowLimiter
from bot.telegram.i18n import CatalogI18n
from bot.telegram.middlewares.identity import IdentityMiddleware, LocaleMiddleware
from bot.telegram.middlewares.throttling import ThrottlingMiddleware
from bot.telegram.updates.conversation import ConversationStore
from bot.telegram.updates.middleware import UnitOfWorkMiddleware
from db.direct import Writer


def setup_middlewares(
    dp: Dispatcher,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    conversations: ConversationStore,
    pseudonymizer: Pseudonymizer,
    languages: LanguagePreferences,
    i18n: CatalogI18n,
    flood_limiter: SlidingWindowLimiter,
    clock: Callable[[], datetime],
    count: Callable[[str], None] | None = None,
    writer: Writer | None = None,
) -> None:
    # aiogram's error and user-context middlewares come first (registered by the Dispatcher); then one unit of work
    # per update, which everything after it reads and writes through.
    dp.update.outer_middleware(UnitOfWorkMiddleware(session_factory, conversations, clock, count, writer))
    dp.update.outer_middleware(IdentityMiddleware(pseudonymizer, languages, default_locale=i18n.default_locale))
    dp.update.outer_middleware(LocaleMiddleware(i18n))
    dp.update.outer_middleware(ThrottlingMiddleware(flood_limiter))
