"""open tips by regency: a partial index for the queue filtered by regency (with or without a priority)

At a million tips PostgreSQL answered "P2 + a regency + under 18" by ANDing the open-queue index with the index on
regency alone, reading the regency's quarter of a million entries for a few hundred open tips (43 ms median, 60 ms
p95 in bench/bench_data.py). Open tips by (regency, priority, created_at) give the page in queue order and its
count from a few hundred entries.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 22:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "status != 'closed'"


def upgrade() -> None:
    op.create_index(
        "ix_tips_open_regency",
        "tips",
        ["regency", "priority", "created_at", "id"],
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )


def downgrade() -> None:
    op.drop_index("ix_tips_open_regency", table_name="tips")
