"""`tipline run [--webhook]`: the bot against Telegram (or any Bot API server at TELEGRAM_API_URL)."""

from __future__ import annotations

import argparse
import logging

from bot.config import load_settings
from bot.logs import setup_logging


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("run", help="run the bot (long polling by default)")
    parser.add_argument("--webhook", action="store_true", help="receive updates by webhook (WEBHOOK_URL)")
    # One of the processes that `tipline run --webhook` starts when WORKERS > 1 (not for people to use).
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace):
    settings = load_settings()
    settings.require_token()
    setup_logging(settings.log_level)
    logging.getLogger(__name__).info("starting (%s, %s)", settings.environment.value, _db_kind(settings))
    if args.webhook and settings.workers > 1 and not args.worker:
        from bot.ops.workers import run_workers

        return run_workers(settings)  # a process that starts and watches the workers (no event loop of its own)
    return run_loop(_serve(settings, webhook=args.webhook, worker=args.worker))


def run_loop(coroutine) -> int:
    """The bot's event loop: uvloop where it is installed (its socket and callback handling take a fair share of
    the bot's CPU time off; bench/bench_bot.py measures it), else asyncio's own."""
    try:
        import uvloop
    except ImportError:
        import asyncio

        return asyncio.run(coroutine)
    return uvloop.run(coroutine)


async def _serve(settings, *, webhook: bool, worker: bool) -> int:
    # Imported here so that other subcommands do not pay for loading aiogram.
    from bot.ops.serve import run_polling, run_webhook

    if webhook:
        await run_webhook(settings, worker=worker)
    else:
        await run_polling(settings)
    return 0


def _db_kind(settings) -> str:
    return "SQLite" if settings.is_sqlite else "PostgreSQL"
