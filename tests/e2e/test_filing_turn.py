"""The year's case counter is one row that every filing waits on, from the statement that takes a number to the
commit. In a crowd's Sends that wait is the whole of a filing's turn, so a Send takes its number in its commit's last
statement: nothing is written between the number and the commit (the alert and the receipt, queued before, get it
from the tip when the outbox delivers them). On PostgreSQL the commit itself numbers the tip (a deferred trigger,
migration 0012): no statement of the bot's takes a number, and the counter is held inside the server alone."""

from __future__ import annotations

from sqlalchemy import event, select

from db.models.outbox import OutboxMessage
from db.models.tips import Tip
from tests.e2e.harness import STAFF_GROUP_ID
from tests.e2e.intake_steps import SUBMIT, answer_until_review, case_and_receipt, open_report
from tests.e2e.staff_steps import settle


async def test_a_send_takes_its_case_number_in_the_last_statement_before_its_commit_or_in_the_commit(harness):
    ana = harness.user()
    await open_report(ana)
    await answer_until_review(ana, with_media=False)
    engine = harness.app.engine.sync_engine
    seen: list[tuple[int, str]] = []  # (connection, statement or COMMIT), in order, on every connection

    def statement(conn, _cursor, sql, *_args) -> None:
        seen.append((id(conn.connection.dbapi_connection), " ".join(sql.split())))

    def commit(conn) -> None:
        seen.append((id(conn.connection.dbapi_connection), "COMMIT"))

    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", commit)
    try:
        reply = await ana.press(SUBMIT)
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "commit", commit)
    case, _code = case_and_receipt(reply.in_chat(ana.chat_id))

    filing = next(c for c, sql in seen if sql.startswith("INSERT INTO tips "))
    on_it = [sql for c, sql in seen if c == filing]
    commit = on_it.index("COMMIT", next(i for i, sql in enumerate(on_it) if sql.startswith("INSERT INTO tips ")))
    if engine.dialect.name == "postgresql":
        assert not any("case_counters" in sql or "SET case_number" in sql for _c, sql in seen)
        counter = commit
    else:
        counter = next(i for i, sql in enumerate(on_it) if "case_counters" in sql)
        # SQLite numbers the tip in a second statement (no statement there both counts and updates).
        rest = on_it[counter + 1 : commit]
        assert len(rest) == 1 and rest[0].startswith("UPDATE tips SET case_number"), rest
    written = on_it[:counter]
    for table in ("tips", "tip_link_keys", "outbox", "conversation_states"):
        assert any(sql.startswith(("INSERT INTO " + table, "UPDATE " + table)) for sql in written), table

    # The alert and the receipt were queued before the number, and say it.
    await settle(harness)
    async with harness.app.session_factory() as session:
        tip = await session.scalar(select(Tip).where(Tip.case_number == case))
        kinds = (await session.scalars(select(OutboxMessage.kind).where(OutboxMessage.tip_id == tip.id))).all()
    assert sorted(kinds) == ["alert", "receipt"]
    assert any(case in m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID))
