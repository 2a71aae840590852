"""Staff as stored: who may use the staff side, with which role; and the queue's filter as its query takes it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    TRIAGER = "triager"
    VIEWER = "viewer"


@dataclass(frozen=True)
class StaffMember:
    telegram_id: int
    role: Role
    name: str | None = None
    active: bool = True

    @property
    def label(self) -> str:
        return self.name or f"#{self.telegram_id}"


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = None  # None: every open status
    priority: str | None = None
    regency: str | None = None
    mine: bool = False

    def is_empty(self) -> bool:
        return not (self.status or self.priority or self.regency or self.mine)
