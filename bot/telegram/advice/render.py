"""An article as Telegram messages: title, body (Telegram HTML), confirm note, review date, sources as links.

A message may hold at most 4,096 characters; longer text is split at paragraph, then line, then word boundaries,
never inside a tag.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from bot.services.advice import Article, render_body_html
from bot.telegram.advice import texts

# Telegram's limit is 4,096 characters after the HTML is parsed; raw HTML is longer, so this leaves a margin.
MAX_MESSAGE = 4000
OUTDATED_AFTER = dt.timedelta(days=365)
_TAG = re.compile(r"<[^>]+>")


def article_messages(
    article: Article,
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    today: dt.date | None = None,
) -> list[str]:
    """The article with ``before`` (notes, warnings) above it and ``after`` (the helpful question) below."""
    blocks = [*before, "<b>" + html.escape(article.title, quote=False) + "</b>"]
    body = render_body_html(article.body)
    if body:
        blocks.append(body)
    blocks.append(footer(article, today=today))
    blocks.extend(after)
    return split_html("\n\n".join(b for b in blocks if b))


def footer(article: Article, *, today: dt.date | None = None) -> str:
    lines = []
    if article.confirm:
        lines.append("ℹ️ <i>" + html.escape(article.confirm, quote=False) + "</i>")
        lines.append("")
    checked = "🗓 " + texts.checked_on(article.reviewed)
    today = today or dt.date.today()
    if article.reviewed is not None and today - article.reviewed > OUTDATED_AFTER:
        checked += ". " + texts.may_be_outdated()
    lines.append(checked)
    if article.sources:
        lines.append("🔗 " + texts.sources_label() + " " + ", ".join(source_links(article.sources)))
    return "\n".join(lines)


def source_links(sources: Sequence[str]) -> list[str]:
    """Web addresses as links named by their site; citations ("UU 18/2017 Pasal 5") as plain text."""
    links: list[str] = []
    seen: dict[str, int] = {}
    for source in sources:
        parts = urlsplit(source)
        if parts.scheme in ("http", "https") and parts.netloc:
            host = parts.netloc.lower().removeprefix("www.")
            seen[host] = seen.get(host, 0) + 1
            label = host if seen[host] == 1 else f"{host} ({seen[host]})"
            links.append(f'<a href="{html.escape(source, quote=True)}">{html.escape(label, quote=False)}</a>')
        else:
            links.append(html.escape(source, quote=False))
    return links


def split_html(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split ``text`` into messages of at most ``limit`` characters at paragraph, line or word boundaries.

    The knowledge base's HTML only opens and closes tags within one line, so a cut between lines is always safe;
    a single line longer than a message loses its tags and is cut between words.
    """
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        sep = "" if not current else ("\n\n" if piece.startswith("\x00") else "\n")
        piece = piece.lstrip("\x00")
        if current and len(current) + len(sep) + len(piece) > limit:
            chunks.append(current)
            current = piece
        else:
            current = f"{current}{sep}{piece}"
    if current.strip():
        chunks.append(current)
    return chunks or [text[:limit]]


def _pieces(text: str, limit: int) -> list[str]:
    """Lines no longer than ``limit``; the first line of each paragraph is marked with a leading NUL."""
    out: list[str] = []
    for paragraph in text.split("\n\n"):
        for i, line in enumerate(paragraph.split("\n")):
            mark = "\x00" if i == 0 else ""
            if len(line) <= limit:
                out.append(mark + line)
                continue
            plain = html.escape(html.unescape(_TAG.sub("", line)), quote=False)
            words = plain.split(" ")
            part = ""
            for word in words:
                while len(word) > limit:  # one "word" longer than a message: cut it
                    if part:
                        out.append(mark + part)
                        mark, part = "", ""
                    out.append(mark + word[:limit])
                    mark, word = "", word[limit:]
                if part and len(part) + 1 + len(word) > limit:
                    out.append(mark + part)
                    mark, part = "", word
                else:
                    part = f"{part} {word}" if part else word
            if part:
                out.append(mark + part)
    return out
