"""Buttons of the follow-up screen (the open tip itself stays in the conversation state, never in a button)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class FollowUpCallback(CallbackData, prefix="fu"):
    action: str
