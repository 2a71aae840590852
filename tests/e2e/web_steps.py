"""Helpers of the web desk tests: the desk served over the harness's app, a staff member's /web link, signing in."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator

from aiohttp.test_utils import TestClient, TestServer

from bot.app import build_desk_app
from tests.e2e.harness import BotHarness

LINK_RE = re.compile(r"https?://\S+/login/[A-Za-z0-9_\-]+")
CSRF_RE = re.compile(r'name="csrf" value="([0-9a-f]+)"')


@contextlib.asynccontextmanager
async def desk_client(harness: BotHarness) -> AsyncIterator[TestClient]:
    assert harness.app is not None
    client = TestClient(TestServer(build_desk_app(harness.app)))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


async def web_link(harness: BotHarness, user_id: int) -> str:
    """The link the bot gives ``user_id`` (a staff member) for /web."""
    reply = await harness.user(user_id, "Staff").say("/web")
    found = LINK_RE.search(reply.text)
    assert found, reply.text
    return found.group(0)


def code_of(link: str) -> str:
    return link.rsplit("/", 1)[1]


async def sign_in(client: TestClient, harness: BotHarness, user_id: int) -> str:
    """Sign ``user_id`` in on ``client``; the CSRF token of its session."""
    code = code_of(await web_link(harness, user_id))
    response = await client.post(f"/login/{code}", allow_redirects=False)
    assert response.status == 303, await response.text()
    page = await client.get("/queue")
    assert page.status == 200
    return csrf_of(await page.text())


def csrf_of(page: str) -> str:
    found = CSRF_RE.search(page)
    assert found, "no CSRF field on the page"
    return found.group(1)
