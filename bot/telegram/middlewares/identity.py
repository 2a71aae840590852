"""The user's pseudonym and language.

The Telegram user id is turned into a pseudonym here and handlers get only that (``pseudonym``). The language is the
person's stored choice, else their Telegram app's language (see ``bot.services.preferences``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n.middleware import I18nMiddleware

from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Pseudonymizer
from bot.telegram.i18n import locale_from_telegram


class IdentityMiddleware(BaseMiddleware):
    def __init__(self, pseudonymizer: Pseudonymizer, languages: LanguagePreferences, *, default_locale: str) -> None:
        self._pseudonymizer = pseudonymizer
        self._languages = languages
        self._default_locale = default_locale

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        locale = self._default_locale
        if user is not None and not user.is_bot:
            pseudonym = self._pseudonymizer.pseudonym(user.id)
            data["pseudonym"] = pseudonym
            session = data["session"]
            stored = await self._languages.get(session, pseudonym)
            locale = stored or locale_from_telegram(user.language_code, self._default_locale)
        data["locale"] = locale
        return await handler(event, data)


class LocaleMiddleware(I18nMiddleware):
    def __init__(self, i18n: I18n) -> None:
        super().__init__(i18n)

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        return data.get("locale") or self.i18n.default_locale
