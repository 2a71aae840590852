"""Telegram text formatting as the Bot API server applies it: parse_mode HTML / MarkdownV2 / Markdown.

``parse_text(text, parse_mode)`` returns the plain text the user sees and the MessageEntity list Telegram would
attach (offsets and lengths in UTF-16 code units), or raises :class:`EntityParseError` with the description Telegram
gives after ``Bad Request: can't parse entities:``.

The HTML parser is deliberately a little stricter than Telegram about ``&``: a bare ``&`` that does not start one of
``&lt; &gt; &amp; &quot;`` or a numeric reference is refused, so that unescaped user text is caught in tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "EntityParseError",
    "ParsedText",
    "parse_text",
    "utf16_len",
]

HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_TAG_NAME_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR_NAME_RE = re.compile(r"[a-zA-Z_][a-zA-Z0-9_-]*")
MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")


class EntityParseError(ValueError):
    """Text that Telegram would refuse with "Bad Request: can't parse entities: <message>"."""


@dataclass(frozen=True)
class ParsedText:
    text: str
    entities: list[dict]


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units (the unit of MessageEntity offsets)."""
    return len(s.encode("utf-16-le")) // 2


def _byte_offset(s: str, index: int) -> int:
    return len(s[:index].encode("utf-8"))


class _Builder:
    """Accumulates plain text and tracks UTF-16 offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0

    def add(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.offset += utf16_len(s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _decode_entity(s: str, i: int) -> tuple[str, int] | None:
    m = _ENTITY_RE.match(s, i)
    if not m:
        return None
    name = m.group(1)
    if name.startswith("#"):
        code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return chr(code), m.end()
    return _NAMED_ENTITIES[name], m.end()


def _unescape_attr(s: str, value: str, base: int) -> str:
    out: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == "&":
            decoded = _decode_entity(value, i)
            if decoded is None:
                raise EntityParseError(f'Unescaped "&" in attribute value at byte offset {base}')
            out.append(decoded[0])
            i = decoded[1]
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse_html(s: str) -> ParsedText:
    """Parse Telegram's HTML subset. Raises EntityParseError like Telegram (messages modelled on tdlib's)."""
    out = _Builder()
    stack: list[tuple[str, int, dict[str, str]]] = []  # (tag, utf16 start, attributes)
    entities: list[dict] = []
    n = len(s)
    i = 0
    while i < n:
        c = s[i]
        if c == "&":
            decoded = _decode_entity(s, i)
            if decoded is None:
                raise EntityParseError(
                    f'Unescaped "&" at byte offset {_byte_offset(s, i)}: only &lt; &gt; &amp; &quot; '
                    "and numeric character references are supported"
                )
            out.add(decoded[0])
            i = decoded[1]
            continue
        if c != "<":
            j = i
            while j < n and s[j] not in "<&":
                j += 1
            out.add(s[i:j])
            i = j
            continue
        begin = i
        if i + 1 < n and s[i + 1] == "/":
            end = s.find(">", i + 2)
            if end == -1:
                raise EntityParseError(f"Unclosed end tag at byte offset {_byte_offset(s, begin)}")
            name = s[i + 2 : end].strip().lower()
            if not stack:
                raise EntityParseError(f'Unexpected end tag "</{name}>" at byte offset {_byte_offset(s, begin)}')
            top, start, attrs = stack[-1]
            if name != top:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {_byte_offset(s, begin)}, expected "</{top}>", found "</{name}>"'
                )
            stack.pop()
            entity = _make_entity(top, start, out.offset - start, attrs, stack)
            merged = (
                entity is not None
                and entities
                and entity["type"] == "pre"
                and entities[-1]["type"] == "pre"
                and (entities[-1]["offset"], entities[-1]["length"]) == (entity["offset"], entity["length"])
            )
            if entity is not None and not merged:  # <pre><code class="language-x"> is one pre entity
                entities.append(entity)
            i = end + 1
            continue
        m = _TAG_NAME_RE.match(s, i + 1)
        if not m:
            raise EntityParseError(
                f'Unsupported start tag "" at byte offset {_byte_offset(s, begin)} (escape "<" as "&lt;")'
            )
        name = m.group(0).lower()
        if name not in HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {_byte_offset(s, begin)}')
        i = m.end()
        attrs: dict[str, str] = {}
        while True:
            while i < n and s[i].isspace():
                i += 1
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {_byte_offset(s, begin)}")
            if s[i] == ">":
                i += 1
                break
            am = _ATTR_NAME_RE.match(s, i)
            if not am:
                raise EntityParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{name}" '
                    f"at byte offset {_byte_offset(s, begin)}"
                )
            attr = am.group(0).lower()
            i = am.end()
            while i < n and s[i].isspace():
                i += 1
            value = ""
            if i < n and s[i] == "=":
                i += 1
                while i < n and s[i].isspace():
                    i += 1
                if i >= n:
                    raise EntityParseError(f"Unclosed start tag at byte offset {_byte_offset(s, begin)}")
                if s[i] in "\"'":
                    quote = s[i]
                    close = s.find(quote, i + 1)
                    if close == -1:
                        raise EntityParseError(
                            f'Unclosed end of attribute value of the tag "{name}" '
                            f"at byte offset {_byte_offset(s, begin)}"
                        )
                    value = s[i + 1 : close]
                    i = close + 1
                else:
                    j = i
                    while j < n and not s[j].isspace() and s[j] != ">":
                        j += 1
                    value = s[i:j]
                    i = j
                value = _unescape_attr(s, value, _byte_offset(s, begin))
            attrs[attr] = value
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {_byte_offset(s, begin)}')
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            raise EntityParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {_byte_offset(s, begin)}'
            )
        stack.append((name, out.offset, attrs))
    if stack:
        raise EntityParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return ParsedText(out.text, entities)


def _make_entity(
    tag: str, offset: int, length: int, attrs: dict[str, str], outer: list[tuple[str, int, dict[str, str]]]
) -> dict | None:
    if length <= 0:
        return None
    kind = HTML_TAGS[tag]
    entity: dict = {"type": kind, "offset": offset, "length": length}
    if tag == "a":
        href = attrs.get("href", "")
        if not href:
            return None
        if href.startswith("tg://user?id="):
            entity = {"type": "text_mention", "offset": offset, "length": length}
            user_id = href.split("=", 1)[1]
            if user_id.isdigit():
                entity["user"] = {"id": int(user_id), "is_bot": False, "first_name": "User"}
            return entity
        entity["url"] = href
    elif tag == "code":
        # <pre><code class="language-X"> becomes a single pre entity with a language.
        cls = attrs.get("class", "")
        if outer and outer[-1][0] == "pre" and cls.startswith("language-"):
            return {"type": "pre", "offset": offset, "length": length, "language": cls[len("language-") :]}
    elif tag == "blockquote":
        if "expandable" in attrs:
            entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs["emoji-id"]
    return entity


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
    out = _Builder()
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
                    raise EntityParseError(f"Can't find end of Pre entity at byte offset {_byte_offset(s, i)}")
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
                raise EntityParseError(f"Can't find end of Code entity at byte offset {_byte_offset(s, i)}")
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
                raise EntityParseError(f"Can't find end of TextUrl entity at byte offset {_byte_offset(s, i)}")
            j = i + 2
            url_chars: list[str] = []
            while j < n and s[j] != ")":
                if s[j] == "\\" and j + 1 < n:
                    j += 1
                url_chars.append(s[j])
                j += 1
            if j >= n:
                raise EntityParseError(f"Can't find end of a URL at byte offset {_byte_offset(s, i)}")
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
                        f"Can't find end of {_MDV2_NAMES[t]} entity at byte offset {_byte_offset(s, at)}"
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
        raise EntityParseError(f"Can't find end of {_MDV2_NAMES[t]} entity at byte offset {_byte_offset(s, at)}")
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
    out = _Builder()
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
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {_byte_offset(s, i)}")
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
                raise EntityParseError(f"Can't find end of the entity starting at byte offset {_byte_offset(s, i)}")
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
