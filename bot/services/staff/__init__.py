"""The task-force side, framework-free: staff directory, working a tip, linking, reminders, export.

The outbox that carries alerts to the staff group is ``bot.services.outbox``.
"""

from bot.services.staff.cases import CaseService
from bot.services.staff.filing import file_tip
from bot.services.staff.model import (
    AGENCIES,
    CaseView,
    QueueFilter,
    QueueItem,
    QueuePage,
    Refused,
    StaffMember,
)

__all__ = [
    "AGENCIES",
    "CaseService",
    "CaseView",
    "QueueFilter",
    "QueueItem",
    "QueuePage",
    "Refused",
    "StaffMember",
    "file_tip",
]
