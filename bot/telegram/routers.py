"""All routers in the order they get a chance at an update: user journeys, then the fallback."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType

from bot.telegram.fallback.router import build_router as fallback_router
from bot.telegram.followup.router import build_router as followup_router
from bot.telegram.intake.router import build_router as intake_router
from bot.telegram.start.router import build_router as start_router


def get_routers() -> list[Router]:
    # People talk to the bot in private chats only; in the staff group it posts alerts and stays quiet.
    private = Router(name="private")
    private.message.filter(F.chat.type == ChatType.PRIVATE)
    private.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    # Journeys before the start menu: /start in the middle of a report offers to resume it.
    private.include_routers(followup_router(), intake_router(), start_router(), fallback_router())
    return [private]
