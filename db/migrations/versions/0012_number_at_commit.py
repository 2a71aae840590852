"""PostgreSQL: a report sent from the bot takes its case number inside its commit

The year's case counter is one row that every filing waits on from the statement that takes a number to the end of
its commit. Taken by the last statement before the commit, the row stayed locked for two round trips and the event
loop's turns between them: in a crowd of 300 reporters, 9 ms at the median, and their 300 Sends queued behind one
another for 3 s on it alone (bench/bench_bot.py --workloads reports on PostgreSQL). A deferred constraint trigger
numbers the tip as the commit runs, inside the server: the row is held for microseconds. SQLite writes one
transaction at a time and numbers in the commit's last statement, as before.

A tip numbered already in its transaction (``number_tip``) is left as it is: the trigger numbers only a tip still
holding the placeholder ``~...`` (``db.repositories.tips.unnumbered``) when its transaction commits.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 21:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION tips_number_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    the_year integer := CAST(EXTRACT(YEAR FROM NEW.created_at AT TIME ZONE 'UTC') AS integer);
    number bigint;
BEGIN
    PERFORM 1 FROM tips WHERE id = NEW.id AND case_number LIKE '~%';
    IF NOT FOUND THEN
        RETURN NULL;  -- numbered in its transaction already
    END IF;
    INSERT INTO case_counters (year, last) VALUES (the_year, 1)
    ON CONFLICT (year) DO UPDATE SET last = case_counters.last + 1
    RETURNING case_counters.last INTO number;
    UPDATE tips SET case_number = 'TPPO-' || CAST(the_year AS VARCHAR) || '-'
        || CASE WHEN number < 100000 THEN lpad(CAST(number AS VARCHAR), 5, '0') ELSE CAST(number AS VARCHAR) END
    WHERE id = NEW.id;
    RETURN NULL;
END
$$
"""

_TRIGGER = """
CREATE CONSTRAINT TRIGGER tips_number_at_commit AFTER INSERT ON tips
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.case_number LIKE '~%')
EXECUTE FUNCTION tips_number_at_commit()
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTION)
    op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS tips_number_at_commit ON tips")
    op.execute("DROP FUNCTION IF EXISTS tips_number_at_commit()")
