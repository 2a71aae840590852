"""Conversation state in the database: survives a restart, hides ids and text, purges abandoned drafts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import text

from bot.services.privacy import Cipher, Pseudonymizer
from db.fsm_storage import SQLStorage

KEY = StorageKey(bot_id=1, chat_id=987654321, user_id=987654321)


def _storage(session_factory, settings) -> SQLStorage:
    return SQLStorage(session_factory, cipher=Cipher(settings.keys), pseudonymizer=Pseudonymizer(settings.pepper_bytes))


async def test_state_and_data_survive_a_new_storage_instance(session_factory, settings):
    first = _storage(session_factory, settings)
    await first.set_state(KEY, "Intake:where")
    await first.set_data(KEY, {"narrative": "Mereka dikurung di rumah dekat Tenau", "step": 3})
    second = _storage(session_factory, settings)  # what a restarted process builds
    assert await second.get_state(KEY) == "Intake:where"
    assert await second.get_data(KEY) == {"narrative": "Mereka dikurung di rumah dekat Tenau", "step": 3}
    assert await second.update_data(KEY, {"step": 4}) == {
        "narrative": "Mereka dikurung di rumah dekat Tenau",
        "step": 4,
    }


async def test_raw_rows_hold_neither_the_user_id_nor_the_text(session_factory, settings, engine):
    storage = _storage(session_factory, settings)
    await storage.set_state(KEY, "Intake:story")
    await storage.set_data(KEY, {"narrative": "Mereka dikurung di rumah dekat Tenau"})
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT key, state, data FROM conversation_states"))).all()
    dump = repr(rows)
    assert "987654321" not in dump and "dikurung" not in dump
    assert len(rows) == 1


async def test_clearing_state_and_data_removes_the_row(session_factory, settings, engine):
    storage = _storage(session_factory, settings)
    await storage.set_state(KEY, "Intake:story")
    await storage.set_data(KEY, {"a": 1})
    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    async with engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM conversation_states"))).scalar_one()
    assert count == 0
    assert await storage.get_data(KEY) == {}


async def test_purge_removes_only_abandoned_conversations(session_factory, settings):
    storage = _storage(session_factory, settings)
    other = StorageKey(bot_id=1, chat_id=5, user_id=5)
    await storage.set_state(KEY, "Intake:story")
    await storage.set_state(other, "Intake:story")
    purged = await storage.purge_older_than(datetime.now(UTC) + timedelta(seconds=1))
    assert purged == 2
    await storage.set_state(KEY, "Intake:story")
    assert await storage.purge_older_than(datetime.now(UTC) - timedelta(days=7)) == 0
