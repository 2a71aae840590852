"""MarkdownV2 and legacy Markdown (``parse_mode="MarkdownV2"`` / ``"Markdown"``) as Telegram parses them."""

from __future__ import annotations

import re

from bot.emulator.formatting.entities import Builder, EntityParseError, ParsedText, byte_offset

MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
}


def parse_markdown_v2(s: str) -> ParsedText:
    """A faithful-enough MarkdownV2 parser: reserved characters must be escaped, entities must be closed."""
    out = Builder()
    stack: list[tuple[str, int, int]] = []  # (type, utf16 start, char index)
    entities: list[dict] = []
    n = len(s)
    i = 0
    line_start = True
    quote_start: int | None = None

    def close_quote() -> None:
        nonlocal quote_start
        if quote_start is not None and out.offset > quote_start:
            entities.append({"type": "blockquote", "offset": quote_start, "length": out.offset - quote_start})
        quote_start = None

    while i < n:
        c = s[i]
        if line_start:
            line_start = False
            if c == ">" or (c == "*" and s.startswith("**>", i)):
                if quote_start is None:
                    quote_start = out.offset
                i += 3 if c == "*" else 1
                continue
            close_quote()
        if c == "\\" and i + 1 < n and 0 < ord(s[i + 1]) <= 126:
            out.add(s[i + 1])
            i += 2
            continue
        if c == "\n":
            out.add(c)
            line_start = True
            i += 1
            continue
        if c == "`":
            if s.startswith("```", i):
                end = _find_unescaped(s, "```", i + 3)
                if end == -1:
                    raise EntityParseError(f"Can't find end of Pre entity at byte offset {byte_offset(s, i)}")
                body = s[i + 3 : end]
                language = ""
                if "\n" in body:
                    first, rest = body.split("\n", 1)
                    if first and " " not in first:
                        language, body = first, rest
                start = out.offset
                out.add(_unescape_code(body))
                entity = {"type": "pre", "offset": start, "length": out.offset - start}
                if language:
                    entity["language"] = language
                if entity["length"]:
                    entities.append(entity)
                i = end + 3
                continue
            end = _find_unescaped(s, "`", i + 1)
            if end == -1:
                raise EntityParseError(f"Can't find end of Code entity at byte offset {byte_offset(s, i)}")
            start = out.offset
            out.add(_unescape_code(s[i + 1 : end]))
            if out.offset > start:
                entities.append({"type": "code", "offset": start, "length": out.offset - start})
            i = end + 1
            continue
        kind: str | None = None
        width = 1
        if c == "*":
            kind = "bold"
        elif c == "_":
            if s.startswith("__", i):
                kind, width = "underline", 2
            else:
                kind = "italic"
        elif c == "~":
            kind = "strikethrough"
        elif c == "|" and s.startswith("||", i):
            kind, width = "spoiler", 2
        elif c == "[":
            stack.append(("text_link", out.offset, i))
            i += 1
            continue
        elif c == "]" and stack and stack[-1][0] == "text_link":
            _, start, _ = stack.pop()
            if i + 1 >= n or s[i + 1] != "(":
                raise EntityParseError(f"Can't find end of TextUrl entity at byte offset {byte_offset(s, i)}")
            j = i + 2
            url_chars: list[str] = []
            while j < n and s[j] != ")":
                if s[j] == "\\" and j + 1 < n:
                    j += 1
                url_chars.append(s[j])
                j += 1
            if j >= n:
                raise EntityParseError(f"Can't find end of a URL at byte offset {byte_offset(s, i)}")
            if out.offset > start:
                entities.append(
                    {"type": "text_link", "offset": start, "length": out.offset - start, "url": "".join(url_chars)}
                )
            i = j + 1
            continue
        if kind is not None:
            open_types = [t for t, _, _ in stack]
            if kind in open_types:
                if stack[-1][0] != kind:
                    t, _, at = stack[-1]
                    raise EntityParseError(
                        f"Can't find end of {_MDV2_NAMES[t]} entity at byte offset {byte_offset(s, at)}"
                    )
                _, start, _ = stack.pop()
                if out.offset > start:
                    entities.append({"type": kind, "offset": start, "length": out.offset - start})
            else:
                stack.append((kind, out.offset, i))
            i += width
            continue
        if c in MDV2_RESERVED:
            raise EntityParseError(f"Character '{c}' is reserved and must be escaped with the preceding '\\'")
        out.add(c)
        i += 1
    close_quote()
    if stack:
        t, _, at = stack[-1]
        raise EntityParseError(f"Can't find end of {_MDV2_NAMES[t]} entity at byte offset {byte_offset(s, at)}")
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText(out.text, entities)


def _find_unescaped(s: str, needle: str, start: int) -> int:
    i = start
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s.startswith(needle, i):
            return i
        i += 1
    return -1


def _unescape_code(s: str) -> str:
    return re.sub(r"\\([`\\])", r"\1", s)


def parse_markdown_legacy(s: str) -> ParsedText:
    """Legacy Markdown: *bold* _italic_ `code` ```pre``` [text](url); no nesting."""
    out = Builder()
    entities: list[dict] = []
    n = len(s)
    i = 0
    kinds = {"*": "bold", "_": "italic"}
    while i < n:
        c = s[i]
        if c == "\\" and i + 1 < n and s[i + 1] in "*_`[":
            out.add(s[i + 1])
            i += 2
            continue
        if c in kinds or c == "`":
            delim = "```" if s.startswith("```", i) else c
            end = s.find(delim, i + len(delim))
            if end == -1:
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {byte_offset(s, i)}")
            start = out.offset
            out.add(s[i + len(delim) : end])
            kind = "pre" if delim == "```" else ("code" if c == "`" else kinds[c])
            if out.offset > start:
                entities.append({"type": kind, "offset": start, "length": out.offset - start})
            i = end + len(delim)
            continue
        if c == "[":
            close = s.find("](", i)
            end = s.find(")", close + 2) if close != -1 else -1
            if close == -1 or end == -1:
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {byte_offset(s, i)}")
            start = out.offset
            out.add(s[i + 1 : close])
            if out.offset > start:
                entities.append(
                    {"type": "text_link", "offset": start, "length": out.offset - start, "url": s[close + 2 : end]}
                )
            i = end + 1
            continue
        out.add(c)
        i += 1
    return ParsedText(out.text, entities)
