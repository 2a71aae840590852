"""Splitting Telegram HTML into messages that each fit, without ever cutting a tag or an entity.

Telegram limits a message to 4096 characters *after entities parsing* (counted in UTF-16 code units, so an emoji
counts two): "&amp;" is one character, "<b>" none. A story of a thousand "&" is 5,000 characters of HTML but fits
in one message; a long one is cut at a line end, else a space, else between two characters, and a part that ends
inside <b> or <i> closes it and the next part opens it again, so every part parses on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LIMIT = 4000  # below Telegram's 4096, for the "(2/3)" headings added to parts

_TOKEN = re.compile(r"(<[^<>]*>)|(&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);)|(\n)|( )|([^<&\n ]+)|([<&])", re.DOTALL)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z-]+)")


def units(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Token:
    raw: str
    visible: int  # UTF-16 units this token shows
    kind: str  # "tag", "entity", "newline", "space", "text"


def _tokens(html: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _TOKEN.finditer(html):
        tag, entity, newline, space, text, stray = m.groups()
        if tag is not None:
            out.append(_Token(tag, 0, "tag"))
        elif entity is not None:
            out.append(_Token(entity, 1, "entity"))
        elif newline is not None:
            out.append(_Token("\n", 1, "newline"))
        elif space is not None:
            out.append(_Token(" ", 1, "space"))
        elif text is not None:
            # A long word may be cut between characters: one token per character keeps cuts safe.
            out.extend(_Token(c, units(c), "text") for c in text)
        else:
            out.append(_Token(stray or "", 1, "text"))  # a lone "<" or "&": escape() never leaves one
    return out


_TAGS = re.compile(r"<[^<>]*>")
_ENTITIES = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def visible_length(html: str) -> int:
    """What Telegram counts of ``html``: tags count nothing, a character reference counts one."""
    return units(_ENTITIES.sub("&", _TAGS.sub("", html)))


def _tag_name(raw: str) -> tuple[bool, str] | None:
    m = _TAG.match(raw)
    if m is None:
        return None
    return bool(m.group(1)), m.group(2).lower()


def split_html(html: str, limit: int = LIMIT) -> list[str]:
    """``html`` as parts of at most ``limit`` visible units each; empty input gives no part."""
    tokens = _tokens(html)
    parts: list[str] = []
    current: list[_Token] = []
    size = 0
    start_tags: list[str] = []  # opening tags carried into ``current`` from the part before

    def open_at(index: int) -> list[str]:
        stack = list(start_tags)
        for t in current[:index]:
            if t.kind != "tag":
                continue
            info = _tag_name(t.raw)
            if info is None:
                continue
            closing, name = info
            if closing:
                for j in range(len(stack) - 1, -1, -1):
                    if _tag_name(stack[j]) == (False, name):
                        del stack[j]
                        break
            else:
                stack.append(t.raw)
        return stack

    def flush(cut: int) -> None:
        nonlocal current, size, start_tags
        head, tail = current[:cut], current[cut:]
        still_open = open_at(cut)
        # Drop the separator the cut falls on, so no part starts or ends with a stray line break or space.
        while tail and tail[0].kind in ("newline", "space"):
            tail = tail[1:]
        while head and head[-1].kind in ("newline", "space"):
            head = head[:-1]
        body = "".join(start_tags) + "".join(t.raw for t in head)
        closes = "".join(f"</{_tag_name(raw)[1]}>" for raw in reversed(still_open))  # type: ignore[index]
        if sum(t.visible for t in head):
            parts.append(body + closes)
        start_tags = still_open
        current = tail
        size = sum(t.visible for t in current)

    for token in tokens:
        if size + token.visible > limit and current:
            # Prefer the last line end, then the last space, else cut right here (never inside a token).
            cut = next((i for i in range(len(current) - 1, 0, -1) if current[i].kind == "newline"), None)
            if cut is None or sum(t.visible for t in current[:cut]) < limit // 3:
                cut = next((i for i in range(len(current) - 1, 0, -1) if current[i].kind == "space"), None)
            if cut is None or sum(t.visible for t in current[:cut]) < limit // 3:
                cut = len(current)
            flush(cut)
        current.append(token)
        size += token.visible
    flush(len(current))
    return parts
