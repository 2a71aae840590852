"""Where the project's own data lives (content, catalogs, the Bot API specification extract)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = PROJECT_ROOT / "content"
LOCALES_DIR = PROJECT_ROOT / "locales"
# Facts-only extract of the Bot API specification, with its source and licence (README.md, LICENSE beside it).
BOT_API_DIR = Path(__file__).resolve().parent / "emulator" / "bot_api"
BOT_API_SPEC = BOT_API_DIR / "bot-api.json"


def bot_api_spec_path() -> Path:
    """The Bot API specification the emulator enforces: TELEGRAM_SPEC_PATH (an extract or a full specification
    file, e.g. a newer one to try before regenerating the extract), else the committed extract."""
    override = os.environ.get("TELEGRAM_SPEC_PATH")
    if override:
        return Path(override)
    return BOT_API_SPEC
