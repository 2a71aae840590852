"""Tipline: anonymous trafficking tip line and safe-migration advice bot for NTT."""

from bot.lazy_models import install as _defer_aiogram_types

_defer_aiogram_types()  # before anything imports aiogram: ~100 MiB less per process (bot/lazy_models.py)
