"""Append-only audit log: who (staff id) did or looked at what, when, on which case.

Rows are only ever inserted: the ORM refuses to update or delete them, and the migration adds database triggers
that refuse it too. ``detail`` holds codes only (statuses, priorities, filters), never free text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Integer, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from db.base import Base, UTCDateTime, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # The staff member's Telegram id; None for the command line or the system.
    staff_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    actor: Mapped[str] = mapped_column(String(8), default="staff")  # staff, cli, system
    action: Mapped[str] = mapped_column(String(24))
    # No foreign key: the log outlives anything it mentions and is never rewritten.
    tip_id: Mapped[int | None] = mapped_column(Integer, index=True)
    case_number: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[str] = mapped_column(String(8), default="ok")  # ok or refused
    detail: Mapped[dict | None] = mapped_column(JSON)


class AuditLogIsAppendOnly(Exception):
    pass


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _context, _instances) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEntry):
            raise AuditLogIsAppendOnly("audit log entries cannot be changed or deleted")
