"""What triage read in one text, kept while the report it belongs to is open.

A report's story is read when the review asks about contradictions and again when the report is sent; the same
texts are read again when a reporter's later message re-scores the tip. Reading a story (its places above all) is
the dearest part of filing a report, so each reading of a text is kept: per text, for at most ``ttl`` seconds,
at most ``size`` texts and ``budget`` characters, oldest dropped first. Whoever files or re-scores a tip forgets
its texts (``forget_texts``) so that reporters' words stay in memory no longer than the conversation itself does
(its cache keeps a draft for the same 15 minutes: ``bot.telegram.updates.conversation``).

Kept per text, not per report: texts of different reports that are the same ("tidak tahu") share an entry, and
forgetting one report's texts may make another read them again, which gives the same findings.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

SIZE = 2_048  # texts: a crowd of 300 reporters has about four typed answers each
BUDGET = 1_000_000  # characters: fifty stories of the longest, 20,000 each
TTL = 900.0  # seconds: as long as the conversation cache keeps a draft

_MEMOS: list[TextMemo] = []


class TextMemo(Generic[T]):
    """``read(text)`` remembered per text. Entries are dropped in the order they were made."""

    def __init__(
        self,
        read: Callable[[str], T],
        *,
        size: int = SIZE,
        budget: int = BUDGET,
        ttl: float = TTL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self._size = size
        self._budget = budget
        self._ttl = ttl
        self._clock = clock
        self._kept: OrderedDict[str, tuple[T, float]] = OrderedDict()
        self._chars = 0
        self.__doc__ = read.__doc__
        self.__wrapped__ = read

    def __call__(self, text: str) -> T:
        now = self._clock()
        self._trim(now)
        kept = self._kept.get(text)
        if kept is not None:
            return kept[0]
        value = self._read(text)
        self._kept[text] = (value, now)
        self._chars += len(text)
        self._trim(now)
        return value

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, text: object) -> bool:
        return text in self._kept

    def forget(self, texts: Iterable[str] | None = None) -> None:
        """Drop ``texts`` (every text when None)."""
        if texts is None:
            self._kept.clear()
            self._chars = 0
            return
        for text in texts:
            self._drop(text)

    def _drop(self, text: str) -> None:
        if self._kept.pop(text, None) is not None:
            self._chars -= len(text)

    def _trim(self, now: float) -> None:
        """Drop the oldest entries while there are too many, too many characters, or they have expired."""
        while self._kept:
            oldest, (_, made) = next(iter(self._kept.items()))
            if len(self._kept) <= self._size and self._chars <= self._budget and now - made < self._ttl:
                return
            self._drop(oldest)


def text_memo(read: Callable[[str], T]) -> TextMemo[T]:
    """Decorator: ``read`` kept per text, forgotten with every other reading by ``forget_texts``."""
    memo = TextMemo(read)
    _MEMOS.append(memo)
    return memo


def forget_texts(texts: Iterable[str] | None = None) -> None:
    """Forget every reading of ``texts`` (of every text when None): call it when a tip has been filed or
    re-scored."""
    dropped = None if texts is None else tuple(texts)
    for memo in _MEMOS:
        memo.forget(dropped)
