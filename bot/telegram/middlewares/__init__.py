"""Middlewares, in the order they wrap every update (see ``setup_middlewares``)."""

from __future__ import annotations

from aiogram import Dispatcher
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import Pseudonymizer
from bot.services.ratelimit import SlidingWindowLimiter
from bot.telegram.i18n import CatalogI18n
from bot.telegram.middlewares.database import DatabaseSessionMiddleware
from bot.telegram.middlewares.dedup import DuplicateUpdateMiddleware
from bot.telegram.middlewares.identity import IdentityMiddleware, LocaleMiddleware
from bot.telegram.middlewares.inflight import InFlightCounter
from bot.telegram.middlewares.throttling import ThrottlingMiddleware


def setup_middlewares(
    dp: Dispatcher,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    pseudonymizer: Pseudonymizer,
    i18n: CatalogI18n,
    inflight: InFlightCounter,
    flood_limiter: SlidingWindowLimiter,
) -> None:
    # Counted first so that "idle" means no handler is running, whatever the later layers decide.
    dp.update.outer_middleware(inflight)
    dp.update.outer_middleware(DuplicateUpdateMiddleware(session_factory))
    dp.update.outer_middleware(DatabaseSessionMiddleware(session_factory))
    dp.update.outer_middleware(IdentityMiddleware(pseudonymizer, default_locale=i18n.default_locale))
    dp.update.outer_middleware(LocaleMiddleware(i18n))
    dp.update.outer_middleware(ThrottlingMiddleware(flood_limiter))
