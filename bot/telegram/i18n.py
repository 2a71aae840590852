"""Translations: gettext catalogs per journey, merged per language at start-up.

Each journey has its own catalog (``locales/<lang>/LC_MESSAGES/<domain>.po``, domains listed in
``locales/domains.toml``) so that work on one journey never conflicts with another's catalog. At run time the
compiled catalogs of a language are merged into one, so one ``gettext`` call finds a message whatever its domain,
in one look-up (a chain of fallbacks would ask each domain in turn: some thirty calls an update in a report).
"""

from __future__ import annotations

import gettext
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

from aiogram.utils.i18n import I18n

from bot.config import SUPPORTED_LOCALES

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English", "ms": "Bahasa Melayu", "tet": "Tetun"}


class CatalogI18n(I18n):
    @contextmanager
    def context(self) -> Generator[I18n, None, None]:
        # aiogram's gettext looks the instance up on I18n itself; a subclass would get a context of its own.
        token = I18n.set_current(self)
        try:
            yield self
        finally:
            I18n.reset_current(token)

    def find_locales(self) -> dict[str, gettext.GNUTranslations]:
        translations: dict[str, gettext.GNUTranslations] = {}
        for locale_dir in sorted(p for p in self.path.iterdir() if p.is_dir()):
            messages = locale_dir / "LC_MESSAGES"
            compiled = sorted(messages.glob("*.mo")) if messages.is_dir() else []
            sources = sorted(messages.glob("*.po")) if messages.is_dir() else []
            if sources and len(compiled) < len(sources):
                raise RuntimeError(f"catalogs for '{locale_dir.name}' are not compiled; run `make i18n-compile`")
            merged: gettext.GNUTranslations | None = None
            for path in compiled:
                with path.open("rb") as fp:
                    catalog = gettext.GNUTranslations(fp)
                if merged is None:
                    merged = catalog
                else:
                    _merge(merged, catalog)
            if merged is not None:
                translations[locale_dir.name] = merged
        return translations


def _merge(into: gettext.GNUTranslations, catalog: gettext.GNUTranslations) -> None:
    """Add ``catalog``'s messages to ``into`` as a fallback would find them (the first domain's wins a msgid both
    have). A catalog with other plural rules stays a fallback: its plural forms need its own rule."""
    if catalog._info.get("plural-forms") != into._info.get("plural-forms"):  # type: ignore[attr-defined]
        into.add_fallback(catalog)
        return
    messages = into._catalog  # type: ignore[attr-defined]
    for key, text in catalog._catalog.items():  # type: ignore[attr-defined]
        messages.setdefault(key, text)


def build_i18n(locales_dir: Path, default_locale: str) -> CatalogI18n:
    return CatalogI18n(path=locales_dir, default_locale=default_locale, domain="messages")


def locale_from_telegram(language_code: str | None, default: str) -> str:
    """Pick our language from Telegram's language_code on first contact ("en-GB" -> en, unknown -> default)."""
    if not language_code:
        return default
    primary = language_code.lower().replace("_", "-").split("-")[0]
    if primary == "in":  # the old ISO code some Android builds still report for Indonesian
        primary = "id"
    return primary if primary in SUPPORTED_LOCALES else default
