"""`tipline web`: the task force's web desk alone (the bot can run elsewhere; staff get their links from it)."""

from __future__ import annotations

import argparse

from bot.config import load_settings
from bot.logs import setup_logging


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("web", help="serve the task force's web desk (WEB_HOST:WEB_PORT)")
    parser.set_defaults(func=_web)


async def _web(args: argparse.Namespace) -> int:
    import asyncio

    from bot.app import build_app
    from bot.ops.serve import serve_desk

    settings = load_settings()
    setup_logging(settings.log_level)
    app = await build_app(settings)
    try:
        async with serve_desk(app):
            print(f"web desk: {settings.desk_url()}/login (send /web to the bot for a link)")
            await asyncio.Event().wait()
    finally:
        await app.close()
    return 0
