"""staff: staff directory, case work (assignee, history, links), outbox, append-only audit log

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 20:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import db.base

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("telegram_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("telegram_id", name=op.f("pk_staff")),
    )
    op.create_table(
        "tip_cases",
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("assignee_id", sa.BigInteger(), nullable=True),
        sa.Column("assigned_at", db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["assignee_id"], ["staff.telegram_id"], name=op.f("fk_tip_cases_assignee_id_staff")),
        sa.ForeignKeyConstraint(["tip_id"], ["tips.id"], name=op.f("fk_tip_cases_tip_id_tips"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("tip_id", name=op.f("pk_tip_cases")),
    )
    with op.batch_alter_table("tip_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_cases_assignee_id"), ["assignee_id"], unique=False)

    op.create_table(
        "tip_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("text", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.telegram_id"], name=op.f("fk_tip_events_staff_id_staff")),
        sa.ForeignKeyConstraint(["tip_id"], ["tips.id"], name=op.f("fk_tip_events_tip_id_tips"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_events")),
    )
    with op.batch_alter_table("tip_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_events_tip_id"), ["tip_id"], unique=False)

    op.create_table(
        "tip_link_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["tip_id"], ["tips.id"], name=op.f("fk_tip_link_keys_tip_id_tips"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_link_keys")),
        sa.UniqueConstraint("tip_id", "key_hash", name=op.f("uq_tip_link_keys_tip_id")),
    )
    with op.batch_alter_table("tip_link_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_link_keys_key_hash"), ["key_hash"], unique=False)
        batch_op.create_index(batch_op.f("ix_tip_link_keys_tip_id"), ["tip_id"], unique=False)

    op.create_table(
        "tip_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tip_a", sa.Integer(), nullable=False),
        sa.Column("tip_b", sa.Integer(), nullable=False),
        sa.Column("linked", sa.Boolean(), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=True),
        sa.Column("updated_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.telegram_id"], name=op.f("fk_tip_links_staff_id_staff")),
        sa.ForeignKeyConstraint(["tip_a"], ["tips.id"], name=op.f("fk_tip_links_tip_a_tips"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tip_b"], ["tips.id"], name=op.f("fk_tip_links_tip_b_tips"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tip_links")),
        sa.UniqueConstraint("tip_a", "tip_b", name=op.f("uq_tip_links_tip_a")),
    )
    with op.batch_alter_table("tip_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tip_links_tip_a"), ["tip_a"], unique=False)
        batch_op.create_index(batch_op.f("ix_tip_links_tip_b"), ["tip_b"], unique=False)

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=160), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("dedup_key", sa.String(length=64), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.String(length=2), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("locked_until", db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=64), nullable=True),
        sa.Column("created_at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", db.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["tip_id"], ["tips.id"], name=op.f("fk_outbox_tip_id_tips"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_outbox_dedup_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_next_attempt_at"), ["next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_tip_id"), ["tip_id"], unique=False)

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", db.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("staff_id", sa.BigInteger(), nullable=True),
        sa.Column("actor", sa.String(length=8), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("tip_id", sa.Integer(), nullable=True),
        sa.Column("case_number", sa.String(length=32), nullable=True),
        sa.Column("result", sa.String(length=8), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_tip_id"), ["tip_id"], unique=False)

    # The audit log is append-only in the database too, whatever code or person connects to it.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_tip_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_staff_id"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
    op.drop_table("audit_log")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_tip_id"))
        batch_op.drop_index(batch_op.f("ix_outbox_status"))
        batch_op.drop_index(batch_op.f("ix_outbox_next_attempt_at"))
    op.drop_table("outbox")
    with op.batch_alter_table("tip_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_links_tip_b"))
        batch_op.drop_index(batch_op.f("ix_tip_links_tip_a"))
    op.drop_table("tip_links")
    with op.batch_alter_table("tip_link_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_link_keys_tip_id"))
        batch_op.drop_index(batch_op.f("ix_tip_link_keys_key_hash"))
    op.drop_table("tip_link_keys")
    with op.batch_alter_table("tip_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_events_tip_id"))
    op.drop_table("tip_events")
    with op.batch_alter_table("tip_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tip_cases_assignee_id"))
    op.drop_table("tip_cases")
    op.drop_table("staff")
