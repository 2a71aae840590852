"""Telegram text formatting as the Bot API server applies it: parse_mode HTML / MarkdownV2 / Markdown.

``parse_text(text, parse_mode)`` returns the plain text the user sees and the MessageEntity list Telegram would
attach (offsets and lengths in UTF-16 code units), or raises :class:`EntityParseError` with the description Telegram
gives after ``Bad Request: can't parse entities:``.

The parsers: html.py (stricter than Telegram about a bare ``&``), markdown.py (MarkdownV2 and legacy Markdown);
entities.py holds what they build.
"""

from __future__ import annotations

from bot.emulator.formatting.entities import EntityParseError, ParsedText, utf16_len
from bot.emulator.formatting.html import parse_html
from bot.emulator.formatting.markdown import parse_markdown_legacy, parse_markdown_v2

__all__ = [
    "EntityParseError",
    "ParsedText",
    "parse_text",
    "utf16_len",
]

PARSE_MODES = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown_legacy}


def _strip(parsed: ParsedText) -> ParsedText:
    """Telegram trims leading and trailing whitespace of message text and shifts entities accordingly."""
    text = parsed.text
    stripped = text.strip()
    if stripped == text:
        return parsed
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    entities = []
    for e in parsed.entities:
        start = max(0, e["offset"] - lead)
        end = min(total, e["offset"] + e["length"] - lead)
        if end > start:
            entities.append({**e, "offset": start, "length": end - start})
    return ParsedText(stripped, entities)


def parse_text(text: str, parse_mode: str | None = None, entities: list[dict] | None = None) -> ParsedText:
    """Text and entities of a message as Telegram stores it. parse_mode is case-insensitive (HTML, MarkdownV2,
    Markdown); explicit ``entities`` take precedence over parse_mode (as in the Bot API server) and are kept."""
    if parse_mode and not entities:
        parser = PARSE_MODES.get(parse_mode.lower())
        if parser is None:
            raise ValueError(f"unsupported parse_mode {parse_mode!r}")
        return _strip(parser(text))
    return _strip(ParsedText(text, [dict(e) for e in entities or []]))
