"""Logging set-up. Log lines carry no user ids, names, message text or file ids (docs/design.md, privacy rules)."""

from __future__ import annotations

import logging


def setup_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # aiogram logs each handled update with its id and timing only; keep it, but quiet the HTTP client.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    # Database libraries log result rows at DEBUG (and drivers their arguments): at most statements, never
    # values (the engine also hides bound parameters, see db.engine).
    floor = max(logging.getLevelName(level), logging.INFO)
    for name in ("sqlalchemy", "aiosqlite", "asyncpg"):
        logging.getLogger(name).setLevel(floor)
