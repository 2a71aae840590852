"""``/healthz`` and ``/metrics`` on an aiohttp application (the webhook's, or a small one in polling mode).

/healthz answers 200 when the database answers and the outbox is not stuck (its oldest due message has waited
less than ``max_outbox_lag`` seconds), else 503; the body says which, with numbers only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime

from aiohttp import web
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.metrics import CONTENT_TYPE, Metrics, outbox_state

MAX_OUTBOX_LAG = 300.0


def add_routes(
    app: web.Application,
    *,
    sessions: async_sessionmaker[AsyncSession],
    metrics: Metrics,
    clock: Callable[[], datetime],
    max_outbox_lag: float = MAX_OUTBOX_LAG,
) -> None:
    async def healthz(_request: web.Request) -> web.Response:
        try:
            async with sessions() as session:
                await session.execute(text("SELECT 1"))
                backlog, lag = await outbox_state(session, clock())
        except Exception as exc:
            return web.json_response({"ok": False, "database": type(exc).__name__}, status=503)
        ok = lag < max_outbox_lag
        body = {"ok": ok, "database": "ok", "outbox_backlog": backlog, "outbox_lag_seconds": round(lag, 1)}
        return web.json_response(body, status=200 if ok else 503)

    async def metrics_page(_request: web.Request) -> web.Response:
        # The counters still say something useful when the database does not answer.
        with contextlib.suppress(Exception):
            await metrics.refresh(sessions, clock())
        return web.Response(body=metrics.exposition(), headers={"Content-Type": CONTENT_TYPE})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
