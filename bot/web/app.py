"""The desk as an aiohttp application: the security middlewares and the routes.

Every request: its language (cookie, Indonesian by default), one database session committed once at the end (like
the bot's unit of work: a refused action's audit line is committed too), the signed-in staff member read afresh
(a removed or demoted member loses access at once), a CSRF check on every POST, and the security headers on every
response. Pages other than the login ones send a request without a session to the login page (303).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

from bot.services.staff.model import Refused
from bot.web import i18n
from bot.web.deps import DB, DEPS, DESK, FORM, DeskDeps
from bot.web.pages import audit, auth, case, figures, queue
from bot.web.render import ENV_KEY, build_environment, render, see_other

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
LANG_COOKIE = "desk_lang"
PUBLIC_PREFIXES = ("/login", "/static/", "/lang/")
_REFUSAL_STATUS = {"role": 403, "not_staff": 403, "not_found": 404}


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        response = exc
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    if isinstance(response, web.HTTPException):
        raise response
    return response


@web.middleware
async def unit_of_work(request: web.Request, handler: Handler) -> web.StreamResponse:
    deps: DeskDeps = request.app[DEPS]
    locale = request.cookies.get(LANG_COOKIE, deps.settings.default_locale)
    i18n.use(deps.catalogs, locale if locale in deps.catalogs else deps.settings.default_locale)
    if request.path.startswith("/static/"):
        return await handler(request)
    async with deps.session_factory() as session:
        request[DB] = session
        desk = await deps.logins.current(session, request.cookies.get(auth.SESSION_COOKIE))
        if desk is not None:
            request[DESK] = desk
        public = request.path.startswith(PUBLIC_PREFIXES)
        try:
            if desk is None and not public:
                await session.commit()  # an expired session is marked ended
                return see_other("/login")
            if request.method == "POST" and not public and not await _csrf_ok(request, deps):
                await session.commit()
                return render(request, "message.html", status=403, title="forbidden_title", message="csrf_failed")
            response = await handler(request)
        except web.HTTPException:
            await session.commit()
            raise
        except Refused as refused:
            log.info("desk: refused (%s)", refused.code)
            response = render(
                request,
                "refused.html",
                status=_REFUSAL_STATUS.get(refused.code, 409),
                message=i18n_refusal(refused),
                back=request.match_info.get("case"),
            )
        except Exception as exc:  # a page in the reader's language, never a traceback; nothing is committed
            # The type and where are enough to debug; the message may quote user text, the path a case number.
            frame = exc.__traceback__
            while frame is not None and frame.tb_next is not None:
                frame = frame.tb_next
            where = f"{frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else "?"
            log.error("desk: %s %s failed: %s at %s", request.method, _route(request), type(exc).__name__, where)
            await session.rollback()
            return render(request, "message.html", status=500, title="error_title", message="error")
        await session.commit()
        return response


def _route(request: web.Request) -> str:
    info = request.match_info.route.resource
    return info.canonical if info is not None else "?"


def i18n_refusal(refused: Refused) -> str:
    from bot.web.labels import refusal

    return refusal(refused)


async def _csrf_ok(request: web.Request, deps: DeskDeps) -> bool:
    form = await request.post()
    sent = form.get("csrf")
    request[FORM] = form
    return deps.logins.csrf_ok(request.cookies.get(auth.SESSION_COOKIE), sent if isinstance(sent, str) else None)


async def _not_found(request: web.Request) -> web.Response:
    return render(request, "message.html", status=404, title="not_found_title", message="not_found")


def build_desk(deps: DeskDeps) -> web.Application:
    app = web.Application(middlewares=[security_headers, unit_of_work], client_max_size=64 * 1024)
    app[DEPS] = deps
    app[ENV_KEY] = build_environment()
    app.router.add_get("/", _home)
    auth.add_routes(app)
    queue.add_routes(app)
    case.add_routes(app)
    figures.add_routes(app)
    audit.add_routes(app)
    app.router.add_static("/static/", Path(__file__).parent / "static", append_version=False)
    app.router.add_route("*", "/{tail:.*}", _not_found)
    return app


async def _home(request: web.Request) -> web.Response:
    return see_other("/queue")
