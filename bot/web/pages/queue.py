"""The queue: the same query and search as the bot's /queue and /find (``CaseService.queue`` / ``search``), 20 a
page, filters and paging as plain GET links."""

from __future__ import annotations

from urllib.parse import urlencode

from aiohttp import web

from bot.services import places
from bot.services.staff.model import ANY_STATUS, PRIORITIES, STATUSES, QueueFilter, Refused
from bot.web import labels
from bot.web.deps import DB, DESK, deps_of
from bot.web.render import render


def _filter(query, search) -> QueueFilter:
    status = query.get("status") or None
    if status not in (*STATUSES, ANY_STATUS):
        status = None
    priority = query.get("priority") if query.get("priority") in PRIORITIES else None
    regency = query.get("regency") if query.get("regency") and places.regency(query["regency"]) else None
    category = query.get("category") if query.get("category") in labels.CATEGORIES else None
    if search is not None and status is None:
        status = ANY_STATUS  # a search looks at every tip, closed ones too (as /find does)
    return QueueFilter(
        status=status,
        priority=priority,
        regency=regency,
        category=category,
        minors=query.get("minors") == "1",
        search=search,
    )


async def queue_page(request: web.Request) -> web.Response:
    deps = deps_of(request)
    member = request[DESK].member
    query = request.query
    text = (query.get("q") or "").strip()[:200]
    search, problem = None, None
    if text:
        try:
            search = await deps.cases.search(request[DB], member, text)
        except Refused as refused:
            if refused.code in ("role", "not_staff"):
                raise
            problem = labels.refusal(refused)
    try:
        page_no = max(1, int(query.get("page", "1")))
    except ValueError:
        page_no = 1
    f = _filter(query, search)
    page = None if problem else await deps.cases.queue(request[DB], member, f, page_no)
    kept = {k: v for k, v in query.items() if k in ("status", "priority", "regency", "category", "minors", "q") and v}

    def page_link(n: int) -> str:
        return "/queue?" + urlencode({**kept, "page": n})

    return render(
        request,
        "queue.html",
        page=page,
        problem=problem,
        search=search,
        q=text,
        f=f,
        now=deps.clock(),
        statuses=STATUSES,
        priorities=PRIORITIES,
        regencies=[(r.code, r.name) for r in places.regencies()],
        categories=list(labels.CATEGORIES),
        any_status=ANY_STATUS,
        page_link=page_link,
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/queue", queue_page)
