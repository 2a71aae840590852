"""The desk's language: the project's gettext catalogs (every domain of a language chained, as the bot does), the
language of the request in a context variable, and ``_`` that translates with it.

Indonesian unless the person chose another language (a cookie); the choice is offered on every page.
"""

from __future__ import annotations

import gettext
from contextvars import ContextVar
from pathlib import Path

from bot.config import SUPPORTED_LOCALES

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English", "ms": "Bahasa Melayu", "tet": "Tetun"}
_current: ContextVar[gettext.NullTranslations | None] = ContextVar("desk_translations", default=None)
_current_locale: ContextVar[str] = ContextVar("desk_locale", default="id")


def load_catalogs(locales_dir: Path) -> dict[str, gettext.NullTranslations]:
    """Each language's compiled catalogs, chained (one lookup finds a message whatever its domain)."""
    out: dict[str, gettext.NullTranslations] = {}
    for locale in SUPPORTED_LOCALES:
        chain: gettext.NullTranslations | None = None
        for path in sorted((locales_dir / locale / "LC_MESSAGES").glob("*.mo")):
            with path.open("rb") as fp:
                catalog = gettext.GNUTranslations(fp)
            if chain is None:
                chain = catalog
            else:
                chain.add_fallback(catalog)
        if chain is None:
            raise RuntimeError(f"catalogs for '{locale}' are not compiled; run `make i18n-compile`")
        out[locale] = chain
    return out


def use(catalogs: dict[str, gettext.NullTranslations], locale: str) -> None:
    """Translate the rest of this request (its task) into ``locale``."""
    _current.set(catalogs[locale])
    _current_locale.set(locale)


def current_locale() -> str:
    return _current_locale.get()


def _(message: str) -> str:
    catalog = _current.get()
    return catalog.gettext(message) if catalog is not None else message


def shared(message: str) -> str:
    """A message id another catalog holds (the bot's staff screens): translated the same way, not extracted again
    (the desk's labels are the bot's labels)."""
    return _(message)
