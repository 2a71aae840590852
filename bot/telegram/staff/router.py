"""The task force's side in a private chat with the bot: commands, buttons, typed input (and, through /tip, the
evidence). Each part is its own router (``commands.py``, ``buttons.py``, ``typed.py``; showing a tip with its
evidence is ``showing.py``), all behind one gate (``gate.py``) that admits active staff only, injects the member and
answers every refusal.

Thin: every decision (who may do what, which status may follow which) is in ``bot.services.staff``.
"""

from __future__ import annotations

from aiogram import Router

from bot.telegram.staff.buttons import build_buttons_router
from bot.telegram.staff.commands import build_commands_router, parse_queue_args
from bot.telegram.staff.gate import StaffGate
from bot.telegram.staff.showing import show_case
from bot.telegram.staff.typed import build_typed_router, parse_date
from bot.telegram.staff.web_link import build_web_link_router


def build_router() -> Router:
    router = Router(name="staff")
    for part in (build_commands_router(), build_buttons_router(), build_typed_router()):
        # The gate runs once a handler's own filters matched: a reporter's message costs no staff look-up.
        part.message.middleware(StaffGate())
        part.callback_query.middleware(StaffGate())
        router.include_router(part)
    # /web checks the sender itself: to anyone but staff it must look like any unknown command.
    router.include_router(build_web_link_router())
    return router


__all__ = ["build_router", "parse_date", "parse_queue_args", "show_case"]
