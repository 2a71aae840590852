"""Submitted tips and their evidence.

Plain columns are what queues and statistics need (category, priority, status, regency, destination, transit
points, timestamps; docs/data.md says what each holds). Everything
the reporter wrote, their optional contact and the priority reasons (which quote their words) are encrypted in
``answers``/``contact``/``reasons``. No column holds a Telegram identity.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UTCDateTime, utcnow


class Tip(Base):
    __tablename__ = "tips"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    receipt_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Keyed hash of the draft id: a second Submit press, or a duplicated update, cannot file the tip twice.
    draft_ref: Mapped[str] = mapped_column(String(64), unique=True)
    # "tip" (a report) or "question" (an advice question passed to staff); both are worked in the same queue.
    kind: Mapped[str] = mapped_column(String(16), default="tip", server_default="tip", index=True)
    status: Mapped[str] = mapped_column(String(24), default="new", index=True)
    priority: Mapped[str] = mapped_column(String(2), index=True)
    category: Mapped[str | None] = mapped_column(String(32))
    regency: Mapped[str | None] = mapped_column(String(32), index=True)
    # Where the people are going or are now, outside NTT: an ISO 3166-1 alpha-2 country code ("MY") or an
    # ISO 3166-2:ID province or island-group code ("ID-KR"); None when not known.
    destination: Mapped[str | None] = mapped_column(String(8), index=True)
    # Transit point codes (content/places/transit.toml) on the way, in the order given: ["tenau", "batam"].
    transit_points: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    departure: Mapped[str | None] = mapped_column(String(16))
    minors: Mapped[str | None] = mapped_column(String(8))
    people: Mapped[str | None] = mapped_column(String(8))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    lang: Mapped[str] = mapped_column(String(8))
    evidence_count: Mapped[int] = mapped_column(Integer, default=0)
    answers: Mapped[bytes] = mapped_column(LargeBinary)
    reasons: Mapped[bytes | None] = mapped_column(LargeBinary)
    contact: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    deadline_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    evidence: Mapped[list[Evidence]] = relationship(back_populates="tip", order_by="Evidence.id")


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)  # our random file name; never Telegram's file id
    kind: Mapped[str] = mapped_column(String(16))
    mime: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    tip: Mapped[Tip] = relationship(back_populates="evidence")


class CaseCounter(Base):
    """Per-year sequence for public case numbers (TPPO-2026-00042)."""

    __tablename__ = "case_counters"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, default=0)


class SubmissionCounter(Base):
    """Reports submitted per pseudonym per day, for the daily limit.

    The key is a keyed hash of pseudonym and date, and nothing links it to the tips themselves.
    """

    __tablename__ = "submission_counters"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), index=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
