"""A triage result, a priority with its reasons, and how the reasons for one are gathered: each clipped for the
screen, a reason for the same words once, at most three of a kind, the most urgent first."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.services.triage.deadlines import Priority, deadline
from bot.services.triage.reasons import Reason
from bot.services.triage.text_signal import clip


@dataclass(frozen=True)
class TriageResult:
    priority: Priority
    reasons: tuple[Reason, ...] = field(default=())

    def deadline(self, created_at):
        return deadline(self.priority, created_at)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


_MAX_PER_CODE = 3


class Collector:
    """The reasons for one tip as the rules find them, each with the priority it raises the tip to."""

    def __init__(self) -> None:
        self.items: list[tuple[Priority, int, Reason]] = []
        self.seen: set[tuple[str, str]] = set()
        self.per_code: dict[str, int] = {}

    def add(self, priority: Priority, reason: Reason) -> None:
        reason = Reason(reason.code, clip(reason.detail), reason.source, clip(reason.quote), reason.params)
        key = (reason.code, (reason.quote or reason.detail).casefold())
        if key in self.seen or self.per_code.get(reason.code, 0) >= _MAX_PER_CODE:
            return
        self.seen.add(key)
        self.per_code[reason.code] = self.per_code.get(reason.code, 0) + 1
        self.items.append((priority, len(self.items), reason))

    def best(self) -> Priority | None:
        return min((p for p, _, _ in self.items), default=None)

    def has(self, *codes: str) -> bool:
        return any(r.code in codes for _, _, r in self.items)

    def result(self) -> TriageResult:
        ordered = sorted(self.items, key=lambda item: (item[0], item[1]))
        return TriageResult(min(p for p, _, _ in ordered), tuple(r for _, _, r in ordered))
