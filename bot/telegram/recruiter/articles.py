"""The knowledge-base article behind a warning sign, for the offer check's "read more" buttons.

One small function, :func:`article_view`, so that it can be switched to the knowledge-base screens once they
exist. It uses ``bot.services.advice.kb.load_knowledge_base`` when that is importable and loads; otherwise it
reads the title and summary line of ``content/kb/<lang>/<topic>.md`` itself.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from bot.paths import CONTENT_DIR

log = logging.getLogger(__name__)
FALLBACK_LANG = "id"


@dataclass(frozen=True, slots=True)
class ArticleView:
    title: str
    summary: str
    body_html: str = ""


def article_view(topic_id: str, lang: str) -> ArticleView | None:
    """Title, summary and (when available) the body as Telegram HTML; None when there is no article."""
    kb = _knowledge_base()
    if kb is not None:
        article = kb.article(topic_id, lang)
        if article is None:
            return None
        return ArticleView(escape(article.title), escape(article.summary), _body_html(article))
    for candidate in dict.fromkeys((lang, FALLBACK_LANG)):
        header = _read_header(CONTENT_DIR / "kb" / candidate / f"{topic_id}.md")
        if header and header.get("title"):
            return ArticleView(escape(str(header["title"])), escape(str(header.get("summary") or "")))
    return None


@cache
def _knowledge_base() -> Any | None:
    try:
        from bot.services.advice.kb import load_knowledge_base

        return load_knowledge_base(CONTENT_DIR)
    except Exception as exc:  # not built yet, or broken: fall back to the files' headers
        log.warning("knowledge base unavailable for the offer check: %s", type(exc).__name__)
        return None


def _body_html(article: Any) -> str:
    try:
        from bot.services.advice.render import render_article_html

        return render_article_html(article)
    except Exception:
        return ""


def _read_header(path: Path) -> dict[str, Any] | None:
    try:
        lines = path.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()
    except OSError:
        return None
    if not lines or lines[0].strip() != "+++":
        return None
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
        return tomllib.loads("\n".join(lines[1:end]))
    except (StopIteration, tomllib.TOMLDecodeError):
        return None
