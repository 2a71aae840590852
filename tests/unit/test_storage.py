"""Conversation state in the update's unit of work: survives a restart, hides ids and text, is committed with the
duplicate-update record, and a rolled-back change never reaches the cache."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import text

from bot.services.privacy import Cipher, Pseudonymizer
from bot.telegram.updates.conversation import ConversationStore, UpdateStorage
from bot.telegram.updates.unit import DuplicateUpdate, UnitOfWork

KEY = StorageKey(bot_id=1, chat_id=987654321, user_id=987654321)


def _store(settings) -> ConversationStore:
    return ConversationStore(Cipher(settings.keys), Pseudonymizer(settings.pepper_bytes))


def _now() -> datetime:
    return datetime.now(UTC)


async def _unit(session, store, update_id: int) -> tuple[UnitOfWork, FSMContext]:
    unit = UnitOfWork(session, store, bot_id=1, update_id=update_id, from_inbox=False, clock=_now)
    return unit, FSMContext(storage=UpdateStorage(unit), key=KEY)


async def test_state_and_data_survive_a_new_store(session_factory, settings):
    first = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, first, 1)
        await state.set_state("Intake:where")
        await state.set_data({"narrative": "Mereka dikurung di rumah dekat Tenau", "step": 3})
        await unit.commit()
        await unit.close()
    second = _store(settings)  # what a restarted process builds
    async with session_factory() as session:
        unit, state = await _unit(session, second, 2)
        assert await state.get_state() == "Intake:where"
        assert await state.update_data({"step": 4}) == {"narrative": "Mereka dikurung di rumah dekat Tenau", "step": 4}
        await unit.commit()
        await unit.close()
    async with session_factory() as session:
        assert await _store(settings).read(session, KEY) == (
            "Intake:where",
            {"narrative": "Mereka dikurung di rumah dekat Tenau", "step": 4},
        )


async def test_raw_rows_hold_neither_the_user_id_nor_the_text(session_factory, settings, engine):
    store = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, store, 1)
        await state.set_state("Intake:story")
        await state.set_data({"narrative": "Mereka dikurung di rumah dekat Tenau"})
        await unit.commit()
    async with engine.connect() as conn:
        rows = (await conn.execute(text("SELECT key, state, data FROM conversation_states"))).all()
    dump = repr(rows)
    assert "987654321" not in dump and "dikurung" not in dump
    assert len(rows) == 1


async def test_clearing_state_and_data_removes_the_row(session_factory, settings, engine):
    store = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, store, 1)
        await state.set_state("Intake:story")
        await state.set_data({"a": 1})
        await unit.commit()
        await state.clear()
        await unit.commit()
    async with engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM conversation_states"))).scalar_one()
    assert count == 0


async def test_a_second_delivery_of_an_update_keeps_nothing(session_factory, settings):
    store = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, store, 7)
        await state.set_state("Intake:where")
        await unit.commit()
    async with session_factory() as session:
        unit, state = await _unit(session, store, 7)  # the same update again
        await state.set_state("Intake:when")
        with pytest.raises(DuplicateUpdate):
            await unit.commit()
        await session.rollback()
    async with session_factory() as session:
        assert (await store.read(session, KEY))[0] == "Intake:where"


async def test_a_rolled_back_change_does_not_reach_the_cache(session_factory, settings):
    store = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, store, 1)
        await state.set_state("Intake:where")
        await unit.commit()
    async with session_factory() as session:
        unit, state = await _unit(session, store, 2)
        await state.set_state("Intake:when")
        await session.execute(text("SELECT 1"))
        await session.rollback()  # a handler failed
        await unit.close()
    async with session_factory() as session:
        unit, state = await _unit(session, store, 3)
        assert await state.get_state() == "Intake:where"


async def test_a_service_commit_carries_the_conversation_and_the_update_record(session_factory, settings, engine):
    store = _store(settings)
    async with session_factory() as session:
        unit, state = await _unit(session, store, 11)
        await state.set_state("Intake:where")
        await session.commit()  # as a service does after filing something
        assert unit.recorded and not unit.needs_commit
    async with engine.connect() as conn:
        handled = (
            (await conn.execute(text("SELECT update_id FROM telegram_updates WHERE handled_at IS NOT NULL")))
            .scalars()
            .all()
        )
    assert handled == [11]
    async with session_factory() as session:
        assert (await store.read(session, KEY))[0] == "Intake:where"
