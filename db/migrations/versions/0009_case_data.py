"""case data: structured case fields on tips, the two clocks, queue news, hand-overs, indexes for a million tips

- tips: outcome (moved from tip_cases), victims (count, under 18, female, male), referral agency and date, first
  response time, the reporter's latest news and when staff last looked (destination and transit points came in
  0008);
- partial indexes on open tips (the queue, unanswered tips by due time), one covering index for the figures,
  (key_hash, tip_id) for related tips and searches; the indexes on priority and
  on kind alone go (they led the planner past closed tips or through every tip);
- staff_handovers.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 18:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OPEN = "status != 'closed'"
# Every column the figures read (db/repositories/stats.py): a period is read from this index alone.
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
_UNANSWERED = "status != 'closed' AND first_response_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("tips", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("victims", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("victims_minors", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("victims_female", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("victims_male", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("referral_agency", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("referred_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("first_response_at", db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reporter_news_at", db.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("staff_seen_at", db.base.UTCDateTime(timezone=True), nullable=True))
    # What tip_cases knew: the outcome and the first acknowledgement (the first response).
    op.execute(
        "UPDATE tips SET outcome = (SELECT c.outcome FROM tip_cases c WHERE c.tip_id = tips.id), "
        "first_response_at = (SELECT c.acknowledged_at FROM tip_cases c WHERE c.tip_id = tips.id) "
        "WHERE id IN (SELECT tip_id FROM tip_cases)"
    )
    op.create_index(
        "ix_tips_open_queue",
        "tips",
        ["priority", "created_at", "id"],
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )
    op.create_index(
        "ix_tips_open_unanswered",
        "tips",
        ["deadline_at"],
        sqlite_where=sa.text(_UNANSWERED),
        postgresql_where=sa.text(_UNANSWERED),
    )
    op.create_index("ix_tips_figures", "tips", list(FIGURE_COLUMNS), postgresql_include=["transit_points"])
    for name, column in (("ix_tips_responded", "first_response_at"), ("ix_tips_resolved", "closed_at")):
        condition = sa.text(f"kind = 'tip' AND {column} IS NOT NULL")
        op.create_index(
            name, "tips", ["priority", "created_at", column], sqlite_where=condition, postgresql_where=condition
        )
    # Open tips by priority are in ix_tips_open_queue; on priority alone SQLite walked every closed tip too.
    op.drop_index("ix_tips_priority", table_name="tips")
    op.drop_index("ix_tips_kind", table_name="tips")  # two values: it only misled the planner
    with op.batch_alter_table("tip_link_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_link_keys_key_hash"))
        batch_op.create_index("ix_tip_link_keys_hash_tip", ["key_hash", "tip_id"], unique=False)
    op.create_table(
        "staff_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=False),
        sa.Column("at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.telegram_id"], name=op.f("fk_staff_handovers_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_handovers")),
    )
    with op.batch_alter_table("staff_handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_handovers_at"), ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_handovers_at"))
    op.drop_table("staff_handovers")
    with op.batch_alter_table("tip_link_keys", schema=None) as batch_op:
        batch_op.drop_index("ix_tip_link_keys_hash_tip")
        batch_op.create_index(batch_op.f("ix_tip_link_keys_key_hash"), ["key_hash"], unique=False)
    op.create_index("ix_tips_priority", "tips", ["priority"], unique=False)
    op.create_index("ix_tips_kind", "tips", ["kind"], unique=False)
    op.drop_index("ix_tips_resolved", table_name="tips")
    op.drop_index("ix_tips_responded", table_name="tips")
    op.drop_index("ix_tips_figures", table_name="tips")
    op.drop_index("ix_tips_open_unanswered", table_name="tips")
    op.drop_index("ix_tips_open_queue", table_name="tips")
    op.execute(
        "UPDATE tip_cases SET outcome = (SELECT t.outcome FROM tips t WHERE t.id = tip_cases.tip_id), "
        "acknowledged_at = COALESCE(acknowledged_at, "
        "(SELECT t.first_response_at FROM tips t WHERE t.id = tip_cases.tip_id))"
    )
    with op.batch_alter_table("tips", schema=None) as batch_op:
        for column in (
            "staff_seen_at",
            "reporter_news_at",
            "first_response_at",
            "referred_on",
            "referral_agency",
            "victims_male",
            "victims_female",
            "victims_minors",
            "victims",
            "outcome",
        ):
            batch_op.drop_column(column)
