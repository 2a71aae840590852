"""Sign-in with the bot's one-time link, sign-out, the language choice.

``GET /login/{code}`` only shows a button: the code is spent by the POST, so a link preview or a scanner that
fetches the link cannot use it up. Attempts are rate-limited per client address.
"""

from __future__ import annotations

import ipaddress

from aiohttp import web

from bot.web.deps import DB, DESK, deps_of
from bot.web.i18n import LANGUAGE_NAMES
from bot.web.render import render, see_other

SESSION_COOKIE = "desk_session"


async def login_page(request: web.Request) -> web.StreamResponse:
    if request.get(DESK) is not None:
        return see_other("/queue")
    note = "logged_out" if "out" in request.query else "expired" if "expired" in request.query else None
    return render(request, "login.html", note=note)


async def login_link(request: web.Request) -> web.StreamResponse:
    return render(request, "login_confirm.html", code=request.match_info["code"])


async def login_with_code(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    if not deps.login_limiter.hit(client_address(request)):
        return render(request, "login.html", status=429, note="login_limited")
    token = await deps.logins.redeem(request[DB], request.match_info["code"])
    if token is None:
        return render(request, "login.html", status=403, note="login_failed")
    response = see_other("/queue")
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="Strict",
        secure=deps.settings.desk_url().startswith("https://"),
        path="/",
    )
    return response


def client_address(request: web.Request) -> str:
    """Who is trying to sign in, for the rate limit. Behind a reverse proxy (deploy/Caddyfile) every request comes
    from the proxy, on loopback or a private network (a container's): then the address the proxy appended to
    X-Forwarded-For is the client's. The header from a public address is not believed. (The limit is a second wall:
    a code has 192 random bits.)"""
    remote = request.remote or "?"
    forwarded = request.headers.get("X-Forwarded-For")
    if forwarded and _proxy(remote):
        return forwarded.split(",")[-1].strip() or remote
    return remote


def _proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


async def logout(request: web.Request) -> web.StreamResponse:
    desk = request[DESK]
    await deps_of(request).logins.end(request[DB], request.cookies[SESSION_COOKIE], desk.member)
    response = see_other("/login?out=1")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


async def choose_language(request: web.Request) -> web.StreamResponse:
    code = request.match_info["code"]
    target = request.query.get("next", "/queue")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/queue"  # only a page of the desk: never a redirect elsewhere
    response = see_other(target)
    if code in LANGUAGE_NAMES:
        response.set_cookie(
            "desk_lang",
            code,
            httponly=True,
            samesite="Strict",
            path="/",
            max_age=365 * 24 * 3600,
            secure=deps_of(request).settings.desk_url().startswith("https://"),
        )
    return response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/login", login_page)
    app.router.add_get("/login/{code}", login_link)
    app.router.add_post("/login/{code}", login_with_code)
    app.router.add_post("/logout", logout)
    app.router.add_get("/lang/{code}", choose_language)
