"""Pages from Jinja2 templates, autoescaped: everything a reporter or staff member wrote is escaped wherever it
is shown. Each page gets the translated texts (``t``), the labels (``L``), who is signed in and the CSRF token."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape

from bot.services.triage.status import can
from bot.web import labels
from bot.web.deps import DESK
from bot.web.i18n import LANGUAGE_NAMES, current_locale
from bot.web.texts import texts

ENV_KEY = web.AppKey("desk_templates", Environment)


def build_environment() -> Environment:
    return Environment(
        loader=PackageLoader("bot.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    desk = request.get(DESK)
    member = desk.member if desk is not None else None
    page = (
        request.app[ENV_KEY]
        .get_template(template)
        .render(
            t=texts(),
            L=labels,
            member=member,
            csrf=desk.csrf if desk is not None else "",
            may=(lambda action: member is not None and can(member.role, action)),
            lang=current_locale(),
            languages=LANGUAGE_NAMES,
            here=request.path_qs,
            **context,
        )
    )
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


def see_other(location: str) -> web.Response:
    """A redirect after a form (303: the browser follows it with GET)."""
    return web.Response(status=303, headers={"Location": location})
