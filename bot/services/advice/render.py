"""Article text -> Telegram HTML (the body only; the caller adds title and footer)."""

from __future__ import annotations

import html
import re

from bot.services.advice.kb import Article

_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")


def render_body_html(body: str) -> str:
    """Escape everything, then ``**bold**`` -> ``<b>``, ``- `` bullets -> ``• ``.

    Lines inside a paragraph are joined: editors may wrap long lines, and Telegram would show every break.
    Paragraphs stay separated by a blank line; each bullet keeps its own line.
    """
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("- "):
                lines.append("• " + line[2:].strip())
            elif lines:
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(_BOLD_RE.sub(r"<b>\1</b>", html.escape(line, quote=False)) for line in lines))
    return "\n\n".join(paragraphs)


def render_article_html(article: Article) -> str:
    return render_body_html(article.body)
