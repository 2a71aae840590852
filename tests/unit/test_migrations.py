"""Migrations build exactly the schema the models describe, and go down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from db.migrate import current_revision, head_revision, upgrade_database
from db.models import Base


async def test_upgraded_schema_matches_models(engine):
    async with engine.connect() as conn:
        diff = await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata))
    assert diff == []
    assert await current_revision(engine) == head_revision()


async def test_upgrade_is_idempotent_and_downgrade_works(engine):
    from alembic import command

    from db.migrate import alembic_config

    await upgrade_database(engine)  # second time: nothing to do
    async with engine.begin() as conn:

        def down(sync):
            config = alembic_config()
            config.attributes["connection"] = sync
            command.downgrade(config, "base")

        await conn.run_sync(down)
    assert await current_revision(engine) is None
    await upgrade_database(engine)
    assert await current_revision(engine) == head_revision()
