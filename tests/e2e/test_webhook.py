"""`tipline run --webhook`: the same bot receiving updates by webhook, with the secret token checked."""

from __future__ import annotations

import asyncio
import contextlib
import socket

import aiohttp
import pytest

from bot.config import SettingsError
from bot.emulator.server import TelegramEmulator
from bot.ops.serve import run_webhook
from tests.conftest import TEST_TOKEN


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _post(port: int, update: dict, secret: str) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"http://127.0.0.1:{port}/webhook", json=update, headers=headers) as response,
    ):
        return response.status


async def _until(predicate, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a deadline for polling a condition
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise TimeoutError("condition not met")
        await asyncio.sleep(0.05)


async def test_webhook_mode_answers_and_refuses_a_wrong_secret(make_settings):
    port = _free_port()
    async with TelegramEmulator(token=TEST_TOKEN) as emulator:
        settings = make_settings(
            telegram_api_url=emulator.base_url,
            webhook_url=f"http://127.0.0.1:{port}",
            webhook_secret="s3cret-token",
            webhook_port=port,
        )
        task = asyncio.create_task(run_webhook(settings))
        try:
            await _until(lambda: bool(emulator.calls_to("setWebhook")))
            call = emulator.calls_to("setWebhook")[0]
            assert call.params["url"] == f"http://127.0.0.1:{port}/webhook"
            assert call.params["secret_token"] == "s3cret-token"
            user = emulator.add_user(4242, "Ana", language_code="id")
            update = {
                "update_id": 1,
                "message": {
                    "message_id": 1,
                    "date": 1_780_000_000,
                    "chat": {"id": user.id, "type": "private", "first_name": "Ana"},
                    "from": {"id": user.id, "is_bot": False, "first_name": "Ana", "language_code": "id"},
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                },
            }
            assert await _post(port, update, "wrong") == 401
            assert await _post(port, update, "s3cret-token") == 200
            # Answered only after handling: the welcome is already there when the POST returns.
            assert len(emulator.sent_messages(user.id)) == 1
            assert "Selamat datang" in emulator.sent_messages(user.id)[0]["text"]
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        assert emulator.violations == []


async def test_webhook_mode_needs_url_and_secret(make_settings):
    with pytest.raises(SettingsError, match="^WEBHOOK_URL"):
        await run_webhook(make_settings())
    with pytest.raises(SettingsError, match="^WEBHOOK_SECRET"):
        await run_webhook(make_settings(webhook_url="https://bot.example.org"))
