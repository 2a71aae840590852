"""The application's clock: wall time plus an offset that tests and the demo can move forward.

Background loops (the outbox worker, reminders) read the time from here, so a test can jump 30 minutes ahead
(``clock.advance(1800)``) and the loops see it at once: every listener added with ``on_advance`` is called,
which is how the loops wake up instead of sleeping through the jump.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

# What a service or a handler that needs the time is given: ``OffsetClock().now``, or a fixed time in a test.
Clock = Callable[[], datetime]


class OffsetClock:
    def __init__(self) -> None:
        self._offset = timedelta()
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    @property
    def offset(self) -> timedelta:
        """How far the clock was moved from wall time (a restarted bot in a test keeps it)."""
        return self._offset

    def advance(self, seconds: float) -> None:
        self._offset += timedelta(seconds=seconds)
        for listener in list(self._listeners):
            listener()

    def on_advance(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)
