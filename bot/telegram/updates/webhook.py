"""Webhook mode: Telegram posts each update; it is answered only after it has been handled, so an update whose
handling was cut short (a crash, a restart) is delivered again by Telegram and handled then, once."""

from __future__ import annotations

import hmac
import logging

from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

from bot.telegram.updates.runner import BotRunner

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_handler(runner: BotRunner, secret: str):
    async def handle(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return web.Response(status=401)
        try:
            update = Update.model_validate_json(await request.read(), context={"bot": runner.bot})
        except ValidationError:
            log.warning("webhook: a request that is not an update was refused")
            return web.Response(status=400)
        await runner.scheduler.run(update)
        return web.Response()

    return handle
