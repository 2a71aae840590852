"""What the parsers build: the plain text a user sees and its MessageEntity list, with offsets in UTF-16 code units."""

from __future__ import annotations

from dataclasses import dataclass


class EntityParseError(ValueError):
    """Text that Telegram would refuse with "Bad Request: can't parse entities: <message>"."""


@dataclass(frozen=True)
class ParsedText:
    text: str
    entities: list[dict]


def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units (the unit of MessageEntity offsets)."""
    return len(s.encode("utf-16-le")) // 2


def byte_offset(s: str, index: int) -> int:
    """Where ``s[index]`` is in UTF-8 bytes: the offset Telegram's parse errors give."""
    return len(s[:index].encode("utf-8"))


class Builder:
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
