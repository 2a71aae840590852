"""Task-force staff and the work on each tip.

Staff are the only people whose Telegram ids the database holds (``staff.telegram_id``); every other table refers
to a staff member by that id and never next to reporter data. A removed staff member keeps their row (inactive) so
that the audit log and case histories still say who did what.

Free text written by staff (notes, priority reasons, referral details) is encrypted like the tip itself: it often
repeats what the reporter said. Link keys are keyed hashes (HMAC with the pepper), so phone numbers and names do not
sit in plain text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow


class StaffMember(Base):
    __tablename__ = "staff"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    role: Mapped[str] = mapped_column(String(16))
    # An optional label an admin gives ("Maria, Polda"), shown in histories and the audit log.
    name: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TipCase(Base):
    """Working state of a tip besides its own columns (status, priority, closed_at live on ``tips``)."""

    __tablename__ = "tip_cases"

    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), primary_key=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff.telegram_id"), index=True)
    assigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # First claim or status change: from then on the tip counts as acknowledged (no more P1 reminders).
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    outcome: Mapped[str | None] = mapped_column(String(32))


class TipEvent(Base):
    """The case history shown on /tip: what happened to the tip, by whom (None: the system), when."""

    __tablename__ = "tip_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.telegram_id"))
    kind: Mapped[str] = mapped_column(String(24))
    # Codes only (statuses, priorities, agency codes, dates, case numbers): never free text.
    data: Mapped[dict | None] = mapped_column(JSON)
    # Free text (note, reason, referral detail), encrypted under TEXT_CONTEXT.
    text: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TipLinkKey(Base):
    """A phone number or recruiter name one tip mentions, as a keyed hash; tips sharing a hash are related."""

    __tablename__ = "tip_link_keys"
    # (key_hash, tip_id): related tips and searches by phone or recruiter read the index alone, newest first.
    __table_args__ = (UniqueConstraint("tip_id", "key_hash"), Index("ix_tip_link_keys_hash_tip", "key_hash", "tip_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # "phone" or "name"
    key_hash: Mapped[str] = mapped_column(String(64))


class TipLink(Base):
    """A link or unlink made by staff between two tips (``tip_a`` < ``tip_b``); an unlink hides an automatic link."""

    __tablename__ = "tip_links"
    __table_args__ = (UniqueConstraint("tip_a", "tip_b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tip_a: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    tip_b: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), index=True)
    linked: Mapped[bool] = mapped_column(Boolean)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.telegram_id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StaffHandover(Base):
    """A hand-over between shifts (/handover): the next one lists what arrived since the last."""

    __tablename__ = "staff_handovers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.telegram_id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
