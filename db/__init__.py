"""Database layer: typed models, engine/session factory, records shared with the core, repositories, migrations.

Imports nothing from the core (bot.services), the Telegram adapter or aiogram (docs/developing.md, "Layers")."""
