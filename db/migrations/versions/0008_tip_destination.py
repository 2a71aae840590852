"""tips.destination and tips.transit_points: where people are taken and the points on the way, as codes

Tips filed before this have no destination and no transit points (their answers are encrypted; the database
cannot read them to fill these in).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tips", schema=None) as batch_op:
        batch_op.add_column(sa.Column("destination", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("transit_points", sa.JSON(), server_default="[]", nullable=False))
        batch_op.create_index(batch_op.f("ix_tips_destination"), ["destination"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tips", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tips_destination"))
        batch_op.drop_column("transit_points")
        batch_op.drop_column("destination")
