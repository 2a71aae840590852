"""Where the desk runs: `tipline run` with WEB_ENABLED=1 serves it beside the bot; `tipline web` serves it alone."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

import aiohttp

from bot.emulator.server import TelegramEmulator
from tests.conftest import TEST_TOKEN
from tests.e2e.test_webhook import _free_port


async def _login_page(port: int, timeout: float = 20.0) -> str:  # noqa: ASYNC109 - a deadline for the server to listen
    """The login page once the desk listens (it starts with the process)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}/login") as response:
                    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
                    return await response.text()
            except aiohttp.ClientConnectionError:
                if loop.time() > deadline:
                    raise
                await asyncio.sleep(0.05)


async def _stop(task: asyncio.Task) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def test_tipline_run_serves_the_desk_when_enabled(make_settings):
    from bot.ops.serve import run_polling

    port = _free_port()
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        settings = make_settings(telegram_api_url=emulator.base_url, web_enabled=True, web_port=port)
        task = asyncio.create_task(run_polling(settings))
        try:
            assert "/web" in await _login_page(port)
        finally:
            await _stop(task)


async def test_tipline_web_serves_the_desk_alone(make_settings, monkeypatch, capsys):
    import bot.cli.web as cli

    port = _free_port()
    monkeypatch.setattr(cli, "load_settings", lambda: make_settings(web_port=port))
    task = asyncio.create_task(cli._web(argparse.Namespace()))
    try:
        assert "/web" in await _login_page(port)
        assert f"http://127.0.0.1:{port}/login" in capsys.readouterr().out
    finally:
        await _stop(task)
