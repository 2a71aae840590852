"""Telegram's HTML subset (``parse_mode="HTML"``), with the errors Telegram gives (messages modelled on tdlib's).

Deliberately a little stricter than Telegram about ``&``: a bare ``&`` that does not start one of
``&lt; &gt; &amp; &quot;`` or a numeric reference is refused, so that unescaped user text is caught in tests.
"""

from __future__ import annotations

import re

from bot.emulator.formatting.entities import Builder, EntityParseError, ParsedText, byte_offset

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
    out = Builder()
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
                    f'Unescaped "&" at byte offset {byte_offset(s, i)}: only &lt; &gt; &amp; &quot; '
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
                raise EntityParseError(f"Unclosed end tag at byte offset {byte_offset(s, begin)}")
            name = s[i + 2 : end].strip().lower()
            if not stack:
                raise EntityParseError(f'Unexpected end tag "</{name}>" at byte offset {byte_offset(s, begin)}')
            top, start, top_attrs = stack[-1]
            if name != top:
                raise EntityParseError(
                    f'Unmatched end tag at byte offset {byte_offset(s, begin)}, expected "</{top}>", found "</{name}>"'
                )
            stack.pop()
            entity = _make_entity(top, start, out.offset - start, top_attrs, stack)
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
                f'Unsupported start tag "" at byte offset {byte_offset(s, begin)} (escape "<" as "&lt;")'
            )
        name = m.group(0).lower()
        if name not in HTML_TAGS:
            raise EntityParseError(f'Unsupported start tag "{name}" at byte offset {byte_offset(s, begin)}')
        i = m.end()
        attrs: dict[str, str] = {}
        while True:
            while i < n and s[i].isspace():
                i += 1
            if i >= n:
                raise EntityParseError(f"Unclosed start tag at byte offset {byte_offset(s, begin)}")
            if s[i] == ">":
                i += 1
                break
            am = _ATTR_NAME_RE.match(s, i)
            if not am:
                raise EntityParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{name}" '
                    f"at byte offset {byte_offset(s, begin)}"
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
                    raise EntityParseError(f"Unclosed start tag at byte offset {byte_offset(s, begin)}")
                if s[i] in "\"'":
                    quote = s[i]
                    close = s.find(quote, i + 1)
                    if close == -1:
                        raise EntityParseError(
                            f'Unclosed end of attribute value of the tag "{name}" '
                            f"at byte offset {byte_offset(s, begin)}"
                        )
                    value = s[i + 1 : close]
                    i = close + 1
                else:
                    j = i
                    while j < n and not s[j].isspace() and s[j] != ">":
                        j += 1
                    value = s[i:j]
                    i = j
                value = _unescape_attr(s, value, byte_offset(s, begin))
            attrs[attr] = value
        if name == "span" and attrs.get("class") != "tg-spoiler":
            raise EntityParseError(f'Tag "span" must have class "tg-spoiler" at byte offset {byte_offset(s, begin)}')
        if name == "tg-emoji" and not attrs.get("emoji-id"):
            raise EntityParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {byte_offset(s, begin)}'
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
