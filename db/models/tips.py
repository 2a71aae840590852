"""Submitted tips and their evidence.

Plain columns are what queues and statistics need (category, priority, status, regency, destination, transit
points, timestamps; docs/data.md says what each holds). Everything
the reporter wrote, their optional contact and the priority reasons (which quote their words) are encrypted in
``answers``/``contact``/``reasons``. No column holds a Telegram identity.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UTCDateTime, utcnow

_OPEN = text("status != 'closed'")
_RESPONDED = text("kind = 'tip' AND first_response_at IS NOT NULL")
_RESOLVED = text("kind = 'tip' AND closed_at IS NOT NULL")
FIGURE_COLUMNS = (
    "created_at",
    "kind",
    "priority",
    "status",
    "regency",
    "category",
    "outcome",
    "minors",
    "victims",
    "victims_minors",
    "victims_female",
    "victims_male",
    "destination",
    "deadline_at",
    "first_response_at",
    "closed_at",
)


class Tip(Base):
    __tablename__ = "tips"
    # Fitted to the staff queries (bench/bench_data.py measures them): the queue walks open tips only, most urgent
    # then oldest; /overdue looks for open tips whose first response is late; statistics read a period.
    __table_args__ = (
        Index("ix_tips_open_queue", "priority", "created_at", "id", sqlite_where=_OPEN, postgresql_where=_OPEN),
        # The queue filtered by regency, in queue order: without it PostgreSQL ANDed ix_tips_open_queue with the
        # index on regency alone, a quarter of a million entries for a busy regency (migration 0011).
        Index(
            "ix_tips_open_regency",
            "regency",
            "priority",
            "created_at",
            "id",
            sqlite_where=_OPEN,
            postgresql_where=_OPEN,
        ),
        Index(
            "ix_tips_open_unanswered",
            "deadline_at",
            sqlite_where=text("status != 'closed' AND first_response_at IS NULL"),
            postgresql_where=text("status != 'closed' AND first_response_at IS NULL"),
        ),
        # Every column the figures read, in one index: the period's rows are read from the index alone.
        # (PostgreSQL keeps the JSON transit points as an included column: json has no btree order.)
        Index("ix_tips_figures", *FIGURE_COLUMNS, postgresql_include=["transit_points"]),
        # The medians of both clocks, one priority at a time: only that priority's rows of the period are read. (Each
        # index's condition is the median query's own, so no other query can be led through it.)
        Index(
            "ix_tips_responded",
            "priority",
            "created_at",
            "first_response_at",
            sqlite_where=_RESPONDED,
            postgresql_where=_RESPONDED,
        ),
        Index(
            "ix_tips_resolved",
            "priority",
            "created_at",
            "closed_at",
            sqlite_where=_RESOLVED,
            postgresql_where=_RESOLVED,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(32), unique=True)
    receipt_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Keyed hash of the draft id: a second Submit press, or a duplicated update, cannot file the tip twice.
    draft_ref: Mapped[str] = mapped_column(String(64), unique=True)
    # "tip" (a report) or "question" (an advice question passed to staff); both are worked in the same queue.
    # No index: two values, and an index on it led SQLite (without statistics) through every tip of a kind.
    kind: Mapped[str] = mapped_column(String(16), default="tip", server_default="tip")
    status: Mapped[str] = mapped_column(String(24), default="new", index=True)
    # No index of its own: open tips by priority are in ix_tips_open_queue, figures in ix_tips_figures (an index on
    # priority alone led SQLite through every closed tip of a priority).
    priority: Mapped[str] = mapped_column(String(2))
    category: Mapped[str | None] = mapped_column(String(32))
    regency: Mapped[str | None] = mapped_column(String(32), index=True)
    # Where the people are going or are now, outside NTT: an ISO 3166-1 alpha-2 country code ("MY") or an
    # ISO 3166-2:ID province or island-group code ("ID-KR"); None when not known.
    destination: Mapped[str | None] = mapped_column(String(16), index=True)
    # Transit point codes (content/places/transit.toml) on the way, in the order given: ["tenau", "batam"]. None
    # (none recorded by staff) is stored as JSON null, so the column itself stays NOT NULL.
    transit_points: Mapped[list[str] | None] = mapped_column(JSON, nullable=False, default=list, server_default="[]")
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

    # The case as the task force records it (codes and counts only; the words stay in the encrypted answers).
    # ``victims``: people affected as staff confirmed them; of them under 18, female, male (each None = unknown).
    outcome: Mapped[str | None] = mapped_column(String(32))
    victims: Mapped[int | None] = mapped_column(Integer)
    victims_minors: Mapped[int | None] = mapped_column(Integer)
    victims_female: Mapped[int | None] = mapped_column(Integer)
    victims_male: Mapped[int | None] = mapped_column(Integer)
    referral_agency: Mapped[str | None] = mapped_column(String(16))
    referred_on: Mapped[date | None] = mapped_column(Date)
    # The two clocks: the first response stops the response clock (``deadline_at`` is its due time); closing
    # (``closed_at``) stops the resolution clock.
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The reporter's latest answer or addition, and when staff last opened the tip: the queue marks news.
    reporter_news_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    staff_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

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
