"""Durable outbox of staff messages (alerts to the staff group, reminders).

A row is written in the same transaction as what it announces (a new tip), so a committed tip always has its alert
waiting; the worker (``bot.services.outbox``) delivers it and marks it sent. ``dedup_key`` makes enqueueing
idempotent ("alert:42", "reminder:42:3"). The payload holds codes only: case number, priority, category, regency,
times. Never a narrative, evidence or anything about the reporter. A message about a tip whose payload has no case
number (a report's alert and receipt, queued before the commit that numbers the tip) gets the tip's when delivered.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow


class OutboxMessage(Base):
    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # "staff_group" (resolved to STAFF_CHAT_ID when sent), a staff member's private chat id as text, or
    # "sealed:..." for a reporter's notice: their chat id encrypted, readable only by the worker when it sends.
    destination: Mapped[str] = mapped_column(String(160))
    kind: Mapped[str] = mapped_column(String(16))
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    tip_id: Mapped[int | None] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    priority: Mapped[str] = mapped_column(String(2), default="P4")
    payload: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    # A worker that took the row for sending holds it until then; an expired lease is taken again.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Telegram's message id; rows folded into one digest share it.
    message_id: Mapped[int | None] = mapped_column(BigInteger)
