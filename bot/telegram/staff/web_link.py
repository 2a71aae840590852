"""``/web``: a one-time link to the web desk (bot/web), for active staff in a private chat.

Not behind the staff gate: someone who is not staff gets exactly what any unknown command gets (the handler steps
aside and the fallback answers), so the command reveals nothing. In a group the private router never sees it.
"""

from __future__ import annotations

from html import escape

from aiogram import Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.filters import Command
from aiogram.types import Message, User
from aiogram.utils.i18n import gettext as _
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.desk_login import CODE_MINUTES, DeskLogins
from db.repositories import staff as staff_repo


async def on_web(
    message: Message, event_from_user: User, session: AsyncSession, desk_logins: DeskLogins, settings: Settings
) -> None:
    member = await staff_repo.get_active(session, event_from_user.id)
    if member is None:
        raise SkipHandler  # the fallback answers, as for any command it does not know
    code = await desk_logins.issue_code(session, member)
    link = f"{settings.desk_url()}/login/{code}"
    await message.answer(
        _("Your link to the web desk (valid {minutes} minutes, works once; do not forward it):").format(
            minutes=CODE_MINUTES
        )
        + f"\n{escape(link)}"
    )


def build_web_link_router() -> Router:
    router = Router(name="staff.web")
    router.message.register(on_web, Command("web"))
    return router
