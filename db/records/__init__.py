"""Plain records the repositories take and return: the vocabulary the database shares with the core.

They live here, below the core, so that ``db`` imports nothing from ``bot.services`` (see docs/developing.md,
"Layers"); the core re-exports them under their old names (``bot.services.registry.model.RegistryRow`` is this
module's class, not a copy).
"""
