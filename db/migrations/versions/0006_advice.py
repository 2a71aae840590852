"""advice: anonymous helpful / not-helpful counts per article and language

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "advice_feedback",
        sa.Column("topic", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("helpful", sa.Integer(), server_default="0", nullable=False),
        sa.Column("not_helpful", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("topic", "lang", name=op.f("pk_advice_feedback")),
    )


def downgrade() -> None:
    op.drop_table("advice_feedback")
