"""The anonymous conversation about a tip after it was submitted: task-force questions, reporter answers and
additions, and the brake on guessing receipt codes.

Message bodies are encrypted. The staff member who asked is recorded (staff ids are not reporter data); nothing
identifies the reporter.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow


class TipMessage(Base):
    __tablename__ = "tip_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    # "question" (task force -> reporter), "answer" (reporter, to a question), "addition" (reporter, unasked)
    kind: Mapped[str] = mapped_column(String(16))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    staff_id: Mapped[int | None] = mapped_column(BigInteger)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("tip_messages.id", ondelete="SET NULL"))
    evidence_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LookupThrottle(Base):
    """Wrong receipt codes per pseudonym (as a keyed hash) in the current hour, and the pause that follows."""

    __tablename__ = "lookup_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(UTCDateTime())
    failures: Mapped[int] = mapped_column(Integer, default=0)
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
