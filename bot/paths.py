"""Where the project's own data lives (content, catalogs, the shared Bot API spec)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = PROJECT_ROOT / "content"
LOCALES_DIR = PROJECT_ROOT / "locales"


def bot_api_spec_path() -> Path:
    """The Bot API specification: TELEGRAM_SPEC_PATH, else ../shared/telegram/bot-api.json beside the project."""
    override = os.environ.get("TELEGRAM_SPEC_PATH")
    if override:
        return Path(override)
    return PROJECT_ROOT.parent / "shared" / "telegram" / "bot-api.json"
