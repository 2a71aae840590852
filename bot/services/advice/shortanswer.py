"""The line budget of a short first answer: at most 8 lines of about 40 characters on a cheap phone's screen.

An article's summary (the one fact that matters) and its ``next`` line (what to do now) make the answer; a warning
line, when the question shows a warning sign, and a caveat, once per conversation, share the same 8 lines. So the
summary and the next step together may take at most 5 (checked by ``tipline kb check``).
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

SHORT_LINE_CHARS = 40
SHORT_ANSWER_MAX_LINES = 8
SHORT_TEXT_MAX_LINES = 5
_TAG = re.compile(r"<[^>]+>")


def wrapped_lines(text: str, width: int = SHORT_LINE_CHARS) -> list[str]:
    """``text`` as a narrow screen shows it: each paragraph wrapped at ``width``; HTML tags take no room."""
    plain = _TAG.sub("", text or "").replace("**", "")
    lines: list[str] = []
    for paragraph in plain.splitlines():
        if paragraph.strip():
            lines.extend(textwrap.wrap(paragraph.strip(), width=width, break_long_words=True))
    return lines


@lru_cache(maxsize=4096)
def line_count(text: str, width: int = SHORT_LINE_CHARS) -> int:
    """How many narrow lines ``text`` takes. Remembered: the blocks are the bot's own lines (articles, warnings,
    caveats in four languages; a warning may carry an amount read from the question, never the question's words),
    the same few hundred texts over and over, and wrapping them again was a twelfth of an answer's time."""
    return len(wrapped_lines(text, width))


def fit_blocks(blocks: list[tuple[str, bool]], max_lines: int = SHORT_ANSWER_MAX_LINES) -> list[str]:
    """The blocks that fit ``max_lines`` narrow lines, in their order. Each is (text, required); optional blocks are
    dropped, the last first, until the rest fits (required ones stay even if they alone are longer)."""
    kept = list(blocks)
    while sum(line_count(text) for text, _required in kept) > max_lines:
        optional = [i for i, (_text, required) in enumerate(kept) if not required]
        if not optional:
            break
        del kept[optional[-1]]
    return [text for text, _required in kept]
