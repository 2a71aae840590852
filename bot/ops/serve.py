"""Running the bot: long polling, or a webhook served by one or several worker processes; with /healthz and
/metrics beside it."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import signal
from collections.abc import AsyncIterator

from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessages,
    EditMessageReplyMarkup,
    EditMessageText,
    GetUpdates,
    SendMessage,
)
from aiogram.types import Message, Update
from aiohttp import web

from bot.app import App, build_app, build_bot, build_desk_app, build_dispatcher, build_runner
from bot.config import Settings, SettingsError
from bot.lazy_models import build_now
from bot.ops.health import add_routes
from bot.telegram.bot_session import response_type
from bot.telegram.updates.webhook import webhook_handler

log = logging.getLogger(__name__)


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)


@contextlib.asynccontextmanager
async def serve_desk(app: App) -> AsyncIterator[web.AppRunner]:
    """The web desk on WEB_HOST:WEB_PORT while the block runs."""
    runner = web.AppRunner(build_desk_app(app), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, app.settings.web_host, app.settings.web_port).start()
        log.info("web desk listening on %s:%s", app.settings.web_host, app.settings.web_port)
        yield runner
    finally:
        await runner.cleanup()


def _health_app(app: App) -> web.Application:
    web_app = web.Application()
    add_routes(web_app, sessions=app.session_factory, metrics=app.metrics, clock=app.clock.now)
    return web_app


# Collections of the youngest generation: Python's default (700 allocations) runs one every few hundred
# microseconds under a crowd, each update allocating thousands of short-lived objects (pydantic models, SQL rows).
GC_YOUNG_THRESHOLD = 20_000


def build_common_models() -> None:
    """aiogram's models are built on first use (bot/lazy_models.py); these are used in every conversation, so they are
    built at start-up: the first person to write after a start does not wait for them (~0.3 s of CPU), and an update
    recovered after a crash is not slowed by them."""
    build_now(
        Update,
        GetUpdates,
        SendMessage,
        EditMessageText,
        EditMessageReplyMarkup,
        AnswerCallbackQuery,
        DeleteMessages,
        # Kept by the session that reads the answers (a model nothing refers to is made again on its next use).
        *(response_type(returning) for returning in (list[Update], Message, Message | bool, bool)),
    )


def settle_memory() -> None:
    """Once start-up is done: what it built (aiogram's types, the advice and registry indexes, the catalogs: several
    hundred thousand objects that live as long as the process) leaves the garbage collector's view, so that its
    full collections, which ran several times a second under a crowd walking all of them, only walk what updates
    made since; and young collections run less often. Cycles are still collected."""
    build_common_models()
    gc.collect()
    gc.freeze()
    _give_back_free_memory()
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, middle, old)


def _give_back_free_memory() -> None:
    """Return to the system what start-up allocated and freed (the migration check, the registry and knowledge
    base being read and indexed): glibc keeps freed heap pages otherwise, and they count in the process's RSS."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, macOS): nothing to do
        return
    libc.malloc_trim(0)


async def run_polling(settings: Settings) -> None:
    app = await build_app(settings)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    runner = build_runner(app, bot, dp)
    settle_memory()
    stop = asyncio.Event()
    _stop_on_signals(stop)
    health: web.AppRunner | None = None
    desk = contextlib.AsyncExitStack()
    try:
        if settings.web_enabled:
            await desk.enter_async_context(serve_desk(app))
        if settings.health_port:
            health = web.AppRunner(_health_app(app), access_log=None)
            await health.setup()
            await web.TCPSite(health, settings.webhook_host, settings.health_port).start()
        await bot.delete_webhook(drop_pending_updates=False)
        async with runner.polling(app.session_factory, app.cipher, clock=app.clock.now, writer=app.writer) as polling:
            stopped = asyncio.create_task(stop.wait())
            await asyncio.wait({polling, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if polling.done() and not polling.cancelled() and polling.exception() is not None:
                raise polling.exception()  # type: ignore[misc]
    finally:
        await desk.aclose()
        if health is not None:
            await health.cleanup()
        await bot.session.close()
        await app.close()


def check_webhook_settings(settings: Settings) -> str:
    if not settings.webhook_url:
        raise SettingsError("WEBHOOK_URL: required for --webhook")
    if not settings.webhook_secret:
        # Telegram sends the secret with every update; without it anyone could post forged updates.
        raise SettingsError("WEBHOOK_SECRET: required for --webhook")
    return settings.webhook_secret.get_secret_value()


async def set_webhook(settings: Settings) -> None:
    """Tell Telegram where to send updates (once, by the process that starts the workers)."""
    secret = check_webhook_settings(settings)
    app = await build_app(settings)
    bot = build_bot(settings)
    try:
        dp = build_dispatcher(app)
        await bot.set_webhook(
            f"{settings.webhook_url}/webhook", secret_token=secret, allowed_updates=dp.resolve_used_update_types()
        )
    finally:
        await bot.session.close()
        await app.close()


async def run_webhook(settings: Settings, *, worker: bool = False) -> None:
    """Serve the webhook. ``worker``: one of several processes started by ``bot.ops.workers`` (they share the
    port; the supervisor migrated the database and set the webhook)."""
    secret = check_webhook_settings(settings)
    app = await build_app(settings, migrate=not worker)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    runner = build_runner(app, bot, dp)
    web_app = _health_app(app)
    web_app.router.add_post("/webhook", webhook_handler(runner, secret))
    settle_memory()
    stop = asyncio.Event()
    _stop_on_signals(stop)
    site_runner = web.AppRunner(web_app, access_log=None)
    desk = contextlib.AsyncExitStack()
    try:
        if settings.web_enabled and not worker:
            await desk.enter_async_context(serve_desk(app))
        await runner.startup()
        await site_runner.setup()
        site = web.TCPSite(site_runner, settings.webhook_host, settings.webhook_port, reuse_port=settings.workers > 1)
        await site.start()  # listening before Telegram is told where to send
        log.info("webhook listening on %s:%s", settings.webhook_host, settings.webhook_port)
        if not worker:
            await bot.set_webhook(
                f"{settings.webhook_url}/webhook",
                secret_token=secret,
                allowed_updates=dp.resolve_used_update_types(),
            )
        await stop.wait()
    finally:
        await desk.aclose()
        await site_runner.cleanup()
        await runner.shutdown()
        await bot.session.close()
        await app.close()
