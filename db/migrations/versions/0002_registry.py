"""registry: snapshots of the licensed-recruiter (P3MI) list, their companies, the active snapshot

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 19:04:31.784160
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "registry_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("imported_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("newest_retrieved_at", sa.Date(), nullable=True),
        sa.Column("data_as_of", sa.Date(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_snapshots")),
    )
    op.create_table(
        "registry_active",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("activated_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_registry_active_single_row")),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["registry_snapshots.id"],
            name=op.f("fk_registry_active_snapshot_id_registry_snapshots"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_active")),
    )
    op.create_table(
        "registry_companies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("licence_number", sa.String(length=100), nullable=False),
        sa.Column("licence_key", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("licence_issued", sa.Date(), nullable=True),
        sa.Column("licence_expires", sa.Date(), nullable=True),
        sa.Column("issuer", sa.String(length=300), nullable=True),
        sa.Column("head_office", sa.String(length=300), nullable=True),
        sa.Column("branches", sa.JSON(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("phone_e164", sa.String(length=20), nullable=True),
        sa.Column("source_url", sa.String(length=1000), nullable=True),
        sa.Column("retrieved_at", sa.Date(), nullable=True),
        sa.Column("sanctions", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('active', 'suspended', 'revoked', 'expired')", name=op.f("ck_registry_companies_status")
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["registry_snapshots.id"],
            name=op.f("fk_registry_companies_snapshot_id_registry_snapshots"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registry_companies")),
        sa.UniqueConstraint("snapshot_id", "licence_key", name=op.f("uq_registry_companies_snapshot_id")),
    )


def downgrade() -> None:
    op.drop_table("registry_companies")
    op.drop_table("registry_active")
    op.drop_table("registry_snapshots")
