"""web desk: one-time login codes and browser sessions (hashes only)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_login_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("used_at", db.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_login_codes")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.telegram_id"], name=op.f("fk_web_login_codes_staff_id_staff"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("code_hash", name=op.f("uq_web_login_codes_code_hash")),
    )
    op.create_index(op.f("ix_web_login_codes_staff_id"), "web_login_codes", ["staff_id"])
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("expires_at", db.base.UTCDateTime(), nullable=False),
        sa.Column("ended_at", db.base.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_sessions")),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.telegram_id"], name=op.f("fk_web_sessions_staff_id_staff"), ondelete="CASCADE"
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_sessions_token_hash")),
    )
    op.create_index(op.f("ix_web_sessions_staff_id"), "web_sessions", ["staff_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_web_sessions_staff_id"), table_name="web_sessions")
    op.drop_table("web_sessions")
    op.drop_index(op.f("ix_web_login_codes_staff_id"), table_name="web_login_codes")
    op.drop_table("web_login_codes")
