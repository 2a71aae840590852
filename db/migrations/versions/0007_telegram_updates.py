"""telegram_updates: polled updates kept (encrypted) until handled, and handled ones remembered, in one table

Replaces processed_updates (ids of handled updates), whose rows are kept as handled.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "telegram_updates",
        sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("received_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("handled_at", db.base.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name=op.f("pk_telegram_updates")),
    )
    op.create_index(op.f("ix_telegram_updates_handled_at"), "telegram_updates", ["handled_at"], unique=False)
    op.execute(
        "INSERT INTO telegram_updates (bot_id, update_id, attempts, received_at, handled_at) "
        "SELECT bot_id, update_id, 0, seen_at, seen_at FROM processed_updates"
    )
    op.drop_index(op.f("ix_processed_updates_seen_at"), table_name="processed_updates")
    op.drop_table("processed_updates")


def downgrade() -> None:
    op.create_table(
        "processed_updates",
        sa.Column("bot_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("seen_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bot_id", "update_id", name=op.f("pk_processed_updates")),
    )
    op.create_index(op.f("ix_processed_updates_seen_at"), "processed_updates", ["seen_at"], unique=False)
    op.execute(
        "INSERT INTO processed_updates (bot_id, update_id, seen_at) "
        "SELECT bot_id, update_id, handled_at FROM telegram_updates WHERE handled_at IS NOT NULL"
    )
    op.drop_index(op.f("ix_telegram_updates_handled_at"), table_name="telegram_updates")
    op.drop_table("telegram_updates")
