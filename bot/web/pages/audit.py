"""The audit log, for admins (the same role check as the bot's /audit): the newest entries, or one case's."""

from __future__ import annotations

from aiohttp import web

from bot.web.deps import DB, DESK, deps_of
from bot.web.render import render


async def audit_page(request: web.Request) -> web.Response:
    deps = deps_of(request)
    member = request[DESK].member
    case = (request.query.get("case") or "").strip()[:32]
    if case:
        lines = await deps.cases.audit_trail(request[DB], member, case)
    else:
        lines = await deps.cases.recent_audit(request[DB], member)
    return render(request, "audit.html", lines=lines, case=case)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/audit", audit_page)
