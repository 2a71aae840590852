"""Recruiter registry: one snapshot per import of the authorities' list, its companies, and which one is active.

Snapshots are never overwritten or deleted by an import, so what the bot said on a given day can be traced to the
list it was reading. Column sizes are at least the parser's limits (bot/services/registry/csv_format.py).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow

LICENCE_STATUSES = ("active", "suspended", "revoked", "expired")


class RegistrySnapshot(Base):
    __tablename__ = "registry_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_name: Mapped[str] = mapped_column(String(255))
    # SHA-256 of the imported text: shows whether two imports were the same file.
    digest: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    newest_retrieved_at: Mapped[date | None] = mapped_column(Date)
    data_as_of: Mapped[date] = mapped_column(Date)
    row_count: Mapped[int] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class RegistryCompany(Base):
    __tablename__ = "registry_companies"
    __table_args__ = (
        # Also the index for "all rows of a snapshot" (its leading column).
        UniqueConstraint("snapshot_id", "licence_key"),
        CheckConstraint(f"status IN {LICENCE_STATUSES!r}", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("registry_snapshots.id", ondelete="CASCADE"))
    line: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    licence_number: Mapped[str] = mapped_column(String(100))
    licence_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    licence_issued: Mapped[date | None] = mapped_column(Date)
    licence_expires: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    head_office: Mapped[str | None] = mapped_column(String(300))
    branches: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_e164: Mapped[str | None] = mapped_column(String(20))
    source_url: Mapped[str | None] = mapped_column(String(1000))
    retrieved_at: Mapped[date | None] = mapped_column(Date)
    sanctions: Mapped[str | None] = mapped_column(Text)


class RegistryActive(Base):
    """A single row naming the active snapshot: switching is one update, inside the import's transaction."""

    __tablename__ = "registry_active"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, default=1)
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("registry_snapshots.id", ondelete="RESTRICT"))
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
