"""Sliding-window rate limits kept in memory (flood control per pseudonym).

Limits that must survive a restart or hold across several workers (reports per day, receipt look-ups) are counted
in the database instead; this one only protects the bot from a burst of messages.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class SlidingWindowLimiter:
    limit: int
    window_seconds: float
    clock: Callable[[], float] = time.monotonic
    _hits: dict[str, deque[float]] = field(default_factory=dict)
    _warned: dict[str, float] = field(default_factory=dict)

    def hit(self, key: str) -> bool:
        """Record one event for ``key``; True when it is within the limit."""
        now = self.clock()
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] > self.window_seconds:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        self._forget_idle(now)
        return True

    def should_warn(self, key: str) -> bool:
        """Warn once per window, so a flood does not get a flood of warnings back."""
        now = self.clock()
        last = self._warned.get(key)
        if last is not None and now - last < self.window_seconds:
            return False
        self._warned[key] = now
        return True

    def _forget_idle(self, now: float) -> None:
        if len(self._hits) < 10_000:
            return
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] > self.window_seconds]:
            del self._hits[key]
            self._warned.pop(key, None)
