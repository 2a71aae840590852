"""All routers in the order they get a chance at an update: user journeys, then the fallback."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType

from bot.telegram.advice.router import build_question_router as advice_question_router
from bot.telegram.advice.router import build_router as advice_router
from bot.telegram.fallback.router import build_router as fallback_router
from bot.telegram.followup.router import build_router as followup_router
from bot.telegram.intake.router import build_phrase_router as report_phrase_router
from bot.telegram.intake.router import build_router as intake_router
from bot.telegram.recruiter.router import build_router as recruiter_router
from bot.telegram.staff.router import build_router as staff_router
from bot.telegram.start.router import build_router as start_router


def get_routers() -> list[Router]:
    # People talk to the bot in private chats only; in the staff group it posts alerts and stays quiet.
    private = Router(name="private")
    private.message.filter(F.chat.type == ChatType.PRIVATE)
    private.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    # Journeys before the start menu: /start in the middle of a report offers to resume it.
    # Any text outside a flow is taken as an advice question: that router comes after every journey (so that
    # their states see their answers first) and just before the fallback.
    # Staff commands (/queue, /tip ...) come first so that no journey swallows them.
    # "I want to report" opens a report from anywhere else (bot.telegram.intake.router.build_phrase_router).
    private.include_routers(
        staff_router(),
        report_phrase_router(),
        followup_router(),
        intake_router(),
        recruiter_router(),
        advice_router(),
        start_router(),
        advice_question_router(),
        fallback_router(),
    )
    return [private]
