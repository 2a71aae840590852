"""The unit of work's own commits past SQLAlchemy's session (db.direct: SQLite's db.sqlite_inline.DirectWriter, and
PostgreSQL's db.pg_direct.PgDirectWriter when TEST_DATABASE_URL is set): what they store is what the session stores,
a second delivery changes nothing, a failure leaves nothing behind, and they wait for a session writing the same
rows."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime

import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import event, select, text, update
from sqlalchemy.ext.asyncio import create_async_engine

from bot.services.privacy import Cipher, Pseudonymizer
from bot.telegram.updates.conversation import ConversationStore
from bot.telegram.updates.unit import DuplicateUpdate, UnitOfWork
from db import direct, sqlite_inline
from db import engine as engine_module
from db.direct import direct_writer
from db.engine import SQLITE_BUSY_SECONDS
from db.migrate import upgrade_database
from db.models.conversation import ConversationState
from db.models.tips import SubmissionCounter
from db.models.updates import TelegramUpdate
from db.pg_direct import PgDirectWriter
from db.repositories import conversations
from db.repositories import tips as tips_repo
from db.repositories import updates as update_records

NOW = datetime(2026, 12, 2, 8, 30, 15, 123456, tzinfo=UTC)


@pytest.fixture
async def migrated_engine(engine):
    await upgrade_database(engine)
    return engine


@pytest.fixture
async def writer(migrated_engine):
    writer = direct_writer(migrated_engine, SQLITE_BUSY_SECONDS, held=2)
    assert writer is not None
    yield writer
    await writer.close()


@pytest.fixture
async def store(session_factory):
    # As the bot's: conversations known at start and cached, so an update's session stays unused until its commit.
    store = ConversationStore(Cipher({"k1": os.urandom(32)}), Pseudonymizer(b"p" * 32))
    async with session_factory() as session:
        await store.preload(session)
    return store


@pytest.fixture
def writes(writer, monkeypatch):
    """The direct writes made (so a test knows the session was passed by)."""
    made = []
    original = writer.write

    async def write(statements, *, first_must_change):
        made.append(first_must_change)
        return await original(statements, first_must_change=first_must_change)

    monkeypatch.setattr(writer, "write", write)
    return made


async def _inbox(session_factory, *update_ids):
    async with session_factory.begin() as session:
        await update_records.store(session, 1, [(u, b"payload") for u in update_ids], NOW)


async def _answer(session_factory, store, writer, update_id: int, chat: int, data: str) -> None:
    """One update's work: read the conversation, change it, commit (directly when ``writer`` is given)."""
    async with session_factory() as session:
        unit = UnitOfWork(
            session, store, bot_id=1, update_id=update_id, from_inbox=True, clock=lambda: NOW, writer=writer
        )
        try:
            conversation = await unit.conversation(StorageKey(bot_id=1, chat_id=chat, user_id=chat))
            conversation.state, conversation.data, conversation.dirty = "Intake:category", data, True
            await unit.commit()
        finally:
            await unit.close()


async def _rows(session_factory):
    async with session_factory() as session:
        updates = {u.update_id: (u.payload, u.handled_at) for u in (await session.scalars(select(TelegramUpdate)))}
        conversations = [(c.state, c.updated_at) for c in (await session.scalars(select(ConversationState)))]
    return updates, conversations


async def test_what_it_stores_is_what_the_session_stores(session_factory, store, writer, writes):
    await _inbox(session_factory, 10, 11)
    await _answer(session_factory, store, None, 10, chat=100, data='{"draft":1}')
    assert writes == []
    await _answer(session_factory, store, writer, 11, chat=101, data='{"draft":1}')
    assert writes == [True]
    updates, conversations = await _rows(session_factory)
    assert updates[10] == updates[11] == (None, NOW)  # the payload cleared, handled at the clock's time
    assert conversations == [("Intake:category", NOW), ("Intake:category", NOW)]
    async with session_factory() as session:
        for chat in (100, 101):
            assert await store.read(session, StorageKey(bot_id=1, chat_id=chat, user_id=chat)) == (
                "Intake:category",
                {"draft": 1},
            )


async def test_a_second_delivery_changes_nothing(session_factory, store, writer, writes):
    await _inbox(session_factory, 20)
    await _answer(session_factory, store, writer, 20, chat=200, data='{"answer":"first"}')
    with pytest.raises(DuplicateUpdate):
        await _answer(session_factory, store, writer, 20, chat=200, data='{"answer":"second"}')
    assert writes == [True, True]
    store.forget(store.row_key(StorageKey(bot_id=1, chat_id=200, user_id=200)))
    async with session_factory() as session:
        state = await store.read(session, StorageKey(bot_id=1, chat_id=200, user_id=200))
    assert state == ("Intake:category", {"answer": "first"})


async def test_a_failed_write_leaves_nothing_and_the_next_one_goes_through(migrated_engine, session_factory, writer):
    await _inbox(session_factory, 30)
    handled = update_records.handled(migrated_engine.dialect.name, from_inbox=True)
    broken = text("INSERT INTO no_such_table VALUES (1)")
    with pytest.raises(Exception, match="no_such_table"):
        await writer.write([(handled, {"b": 1, "u": 30, "now": NOW}), (broken, {})], first_must_change=True)
    updates, _ = await _rows(session_factory)
    assert updates[30] == (b"payload", None)
    # (On PostgreSQL the failed transaction's connection went back closed: the pool gives a working one.)
    assert await writer.write([(handled, {"b": 1, "u": 30, "now": NOW})], first_must_change=True)
    updates, _ = await _rows(session_factory)
    assert updates[30] == (None, NOW)


async def test_a_lone_statement_commits_by_itself_and_a_second_delivery_is_still_refused(
    migrated_engine, session_factory, writer
):
    """One statement needs no BEGIN and COMMIT around it (most updates' second commit is one conversation): it is
    still stored, and the record of an update handled before still changes nothing and says so."""
    await _inbox(session_factory, 60)
    handled = update_records.handled(migrated_engine.dialect.name, from_inbox=True)
    assert await writer.write([(handled, {"b": 1, "u": 60, "now": NOW})], first_must_change=True)
    assert not await writer.write([(handled, {"b": 1, "u": 60, "now": NOW})], first_must_change=True)
    assert await writer.write([(handled, {"b": 1, "u": 60, "now": NOW})], first_must_change=False)
    updates, _ = await _rows(session_factory)
    assert updates[60] == (None, NOW)


async def test_it_waits_for_a_session_that_is_writing(session_factory, store, writer, writes):
    """SQLite: on the process's write lock (not in SQLite's busy handler, which would block the event loop);
    PostgreSQL: on the row's lock."""
    await _inbox(session_factory, 40)
    order = []
    async with session_factory() as session:
        await session.execute(text("UPDATE telegram_updates SET attempts = attempts + 1 WHERE update_id = 40"))
        task = asyncio.create_task(_answer(session_factory, store, writer, 40, chat=400, data='{"a":1}'))
        await asyncio.sleep(0.05)
        order.append("session commits")
        assert not task.done()  # waiting for the write lock, not for SQLite's busy timeout
        await session.commit()
    await task
    assert writes == [True]
    order.append("direct write done")
    assert order == ["session commits", "direct write done"]
    updates, _ = await _rows(session_factory)
    assert updates[40] == (None, NOW)


async def test_none_where_it_cannot_share_the_file_and_postgresql_through_its_pool():
    memory = create_async_engine("sqlite+aiosqlite:///:memory:", module=sqlite_inline.dbapi())
    aiosqlite = create_async_engine("sqlite+aiosqlite:///elsewhere.db")  # aiosqlite's own threads: not ours
    postgres = create_async_engine("postgresql+asyncpg://tipline@127.0.0.1:1/tipline")
    try:
        assert direct_writer(memory, SQLITE_BUSY_SECONDS) is None  # a second connection: another database
        assert direct_writer(aiosqlite, SQLITE_BUSY_SECONDS) is None
        assert isinstance(direct_writer(postgres, SQLITE_BUSY_SECONDS), PgDirectWriter)
    finally:
        for engine in (memory, aiosqlite, postgres):
            await engine.dispose()


async def test_statements_built_per_call_do_not_pile_up(session_factory, writer):
    await _inbox(session_factory, 50)
    for n in range(100):
        statement = text("UPDATE telegram_updates SET attempts = :n WHERE update_id = 50")
        assert await writer.write([(statement, {"n": n})], first_must_change=True)
    assert len(writer._compiled) <= 64
    async with session_factory() as session:
        assert (
            await session.execute(text("SELECT attempts FROM telegram_updates WHERE update_id = 50"))
        ).scalar() == 99


def _postgresql(engine) -> bool:
    return engine.dialect.name == "postgresql"


async def test_postgresql_sends_the_record_and_the_conversation_as_one_statement(
    migrated_engine, session_factory, store, writer, monkeypatch
):
    """One round trip for an update's first commit (its record and its conversation) instead of four; the same rows
    stored, and a second delivery still refused with nothing changed."""
    if not _postgresql(migrated_engine):
        pytest.skip("PostgreSQL's writer")
    import asyncpg

    sent = []
    original = asyncpg.connection.Connection.execute

    async def execute(self, query, *args, **kwargs):
        sent.append(query.split(None, 1)[0])
        return await original(self, query, *args, **kwargs)

    monkeypatch.setattr(asyncpg.connection.Connection, "execute", execute)
    await _inbox(session_factory, 70)
    sent.clear()
    await _answer(session_factory, store, writer, 70, chat=700, data='{"answer":"first"}')
    assert sent == ["WITH"]
    with pytest.raises(DuplicateUpdate):
        await _answer(session_factory, store, writer, 70, chat=700, data='{"answer":"second"}')
    assert sent == ["WITH", "WITH"]
    store.forget(store.row_key(StorageKey(bot_id=1, chat_id=700, user_id=700)))
    async with session_factory() as session:
        assert await store.read(session, StorageKey(bot_id=1, chat_id=700, user_id=700)) == (
            "Intake:category",
            {"answer": "first"},
        )


async def test_a_failing_part_of_the_one_statement_leaves_nothing(migrated_engine, session_factory, writer):
    await _inbox(session_factory, 80)
    handled = update_records.handled(migrated_engine.dialect.name, from_inbox=True)
    # A conversation without its key breaks a NOT NULL rule, after the record's part has run.
    statement, values = conversations.save(migrated_engine.dialect.name, None, "Intake:story", None, NOW)
    with pytest.raises(Exception, match="(?i)null"):
        await writer.write([(handled, {"b": 1, "u": 80, "now": NOW}), (statement, values)], first_must_change=True)
    updates, conversations_stored = await _rows(session_factory)
    assert updates[80] == (b"payload", None)
    assert conversations_stored == []
    assert await writer.write([(handled, {"b": 1, "u": 80, "now": NOW})], first_must_change=True)


async def test_statements_on_one_table_run_in_turn(migrated_engine, session_factory, writer):
    """Parts of one statement do not see each other's changes: writes to the same table are never joined (the
    second here changes the row the first adds)."""
    from sqlalchemy import bindparam, update

    table = ConversationState.__table__
    statement, values = conversations.save(migrated_engine.dialect.name, "k", "Intake:story", None, NOW)
    later = update(table).where(table.c.key == bindparam("key")).values(state=bindparam("state"))
    assert await writer.write(
        [(statement, values), (later, {"key": "k", "state": "Intake:place"})], first_must_change=True
    )
    _, stored = await _rows(session_factory)
    assert stored == [("Intake:place", NOW)]


async def test_insert_returning_gives_back_only_new_rows_and_stores_all_or_nothing(session_factory, writer):
    now = NOW
    assert await update_records.store_new(writer, 1, [(90, b"a"), (91, b"b")], now) == {90, 91}
    # 91 again (a redelivery) beside a new one: only the new one comes back, the stored 91 is left as it was.
    assert await update_records.store_new(writer, 1, [(91, b"other"), (92, b"c")], now) == {92}
    assert await update_records.store_new(writer, 1, [], now) == set()
    updates, _ = await _rows(session_factory)
    assert {u: updates[u] for u in (90, 91, 92)} == {90: (b"a", None), 91: (b"b", None), 92: (b"c", None)}
    with pytest.raises(Exception, match="(?i)null"):  # a row that breaks a rule: none of the batch is stored
        await update_records.store_new(writer, 1, [(93, b"d"), (None, b"e")], now)  # type: ignore[list-item]
    updates, _ = await _rows(session_factory)
    assert 93 not in updates


@pytest.mark.parametrize("direct", [False, True], ids=["session", "direct writer"])
async def test_the_poller_puts_each_fetched_update_in_the_inbox_once(session_factory, settings, writer, direct):
    """Polled updates are stored (sealed) before they are handled; one fetched again is not handled again."""
    import orjson
    from aiogram import Bot
    from aiogram.types import Update

    from bot.telegram.updates.polling import _CONTEXT, Poller
    from tests.conftest import TEST_TOKEN

    class Scheduler:
        def __init__(self) -> None:
            self.submitted: list[int] = []

        def submit(self, update, *, from_inbox):
            self.submitted.append(update.update_id)

    def fetched(*update_ids):
        chat = {"id": 5, "type": "private"}
        person = {"id": 5, "is_bot": False, "first_name": "A"}
        raws = [
            {"update_id": u, "message": {"message_id": u, "date": 0, "chat": chat, "from": person, "text": f"t{u}"}}
            for u in update_ids
        ]
        return [(raw, Update.model_validate(raw)) for raw in raws]

    cipher = Cipher(settings.keys)
    scheduler = Scheduler()
    async with Bot(TEST_TOKEN) as bot:
        poller = Poller(bot, scheduler, session_factory, cipher, clock=lambda: NOW, writer=writer if direct else None)
        await poller._accept(fetched(1, 2))
        await poller._accept(fetched(2, 3))
        bot_id = bot.id
    assert scheduler.submitted == [1, 2, 3]
    async with session_factory() as session:
        rows = await update_records.waiting(session, bot_id)
    assert [(u, attempts) for u, _payload, attempts in rows] == [(1, 0), (2, 0), (3, 0)]
    opened = [orjson.loads(cipher.decrypt(payload, context=_CONTEXT)) for _u, payload, _a in rows]
    assert [raw["message"]["text"] for raw in opened] == ["t1", "t2", "t3"]


def _checkouts(engine) -> list[int]:
    """Counts the engine pool's check-outs (the list's length)."""
    seen: list[int] = []
    event.listen(engine.sync_engine.pool, "checkout", lambda *_args: seen.append(1))
    return seen


async def test_postgresql_keeps_connections_between_writes_and_gives_them_back_at_close(
    migrated_engine, session_factory, writer
):
    """Checking a connection out of SQLAlchemy's pool and in again cost more CPU than the write itself: one used a
    moment ago is kept for the next write (at most ``held``), and all go back to the pool at close."""
    if not _postgresql(migrated_engine):
        pytest.skip("the SQLite writer has a connection of its own")
    pool = migrated_engine.sync_engine.pool
    await _inbox(session_factory, 70)
    checkouts = _checkouts(migrated_engine)
    statement = text("UPDATE telegram_updates SET attempts = attempts + 1 WHERE update_id = 70")
    for _ in range(5):
        assert await writer.write([(statement, {})], first_must_change=True)
    assert len(checkouts) == 1 and pool.checkedout() == 1
    # A crowd's writes at once: each its own connection, no more than ``held`` kept afterwards.
    await asyncio.gather(*(writer.write([(statement, {})], first_must_change=True) for _ in range(6)))
    assert pool.checkedout() == 2
    await writer.close()
    assert pool.checkedout() == 0
    async with session_factory() as session:
        attempts = await session.scalar(text("SELECT attempts FROM telegram_updates WHERE update_id = 70"))
    assert attempts == 11


async def test_postgresql_gives_back_a_connection_idle_too_long_for_the_pool_to_ping(
    migrated_engine, session_factory, writer, monkeypatch
):
    """A connection kept past the idle window is not trusted without a ping: it goes back to the pool, and the next
    write checks one out (pinged there, db.engine). One dropped by the server meanwhile costs nothing."""
    if not _postgresql(migrated_engine):
        pytest.skip("the SQLite writer has a connection of its own")
    await _inbox(session_factory, 80)
    statement = text("UPDATE telegram_updates SET attempts = attempts + 1 WHERE update_id = 80")
    assert await writer.write([(statement, {})], first_must_change=True)
    (kept, _used_at), *_ = writer._free
    pid = await kept.driver_connection.fetchval("SELECT pg_backend_pid()")
    async with session_factory() as session:  # the server drops it (a restart, a firewall)
        await session.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_SECONDS", 0.0)
    checkouts = _checkouts(migrated_engine)
    assert await writer.write([(statement, {})], first_must_change=True)
    assert len(checkouts) == 1
    assert migrated_engine.sync_engine.pool.checkedout() == 1


async def test_postgresql_does_not_keep_the_connection_of_a_failed_write(migrated_engine, session_factory, writer):
    if not _postgresql(migrated_engine):
        pytest.skip("the SQLite writer has a connection of its own")
    await _inbox(session_factory, 90)
    with pytest.raises(Exception, match="no_such_table"):
        await writer.write([(text("INSERT INTO no_such_table VALUES (1)"), {})], first_must_change=False)
    assert writer._free == [] and migrated_engine.sync_engine.pool.checkedout() == 0
    handled = update_records.handled(migrated_engine.dialect.name, from_inbox=True)
    assert await writer.write([(handled, {"b": 1, "u": 90, "now": NOW})], first_must_change=True)


async def test_a_read_outside_a_transaction_goes_to_the_writer_and_opens_none(session_factory, writer):
    """A handler that only reads (a report's first step reads the day's count) leaves its session without a
    transaction, so its commits still go through the writer; in a transaction, the read sees its own changes."""
    async with session_factory.begin() as session:
        session.add(SubmissionCounter(key="k", day="2026-12-02", count=2))
    async with session_factory() as session:
        direct.attach(session, writer)
        assert await tips_repo.submissions(session, "k") == 2
        assert not session.in_transaction()
        await session.execute(update(SubmissionCounter).values(count=5))
        assert await tips_repo.submissions(session, "k") == 5
        await session.rollback()
    async with session_factory() as session:  # no writer: through the session, as before
        assert await tips_repo.submissions(session, "k") == 2
        assert session.in_transaction()
