"""Runs the staff side's background work with the dispatcher: the outbox worker (alerts to the staff group) and the
P1 reminder loop. Started on dispatcher start-up, stopped on shutdown; the app reports busy while either has
something to do now, so the emulator's ``wait_idle`` waits for deliveries."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)

from bot.services.intake import receipt as receipts
from bot.services.outbox import (
    NOTIFY_KEY,
    SEALED_PREFIX,
    STAFF_GROUP,
    DeliveryError,
    OutboxConfig,
    OutboxItem,
    OutboxWorker,
    open_sealed_destination,
)
from bot.services.staff.filing import notify_reporter_update
from bot.services.staff.reminders import ReminderLoop
from bot.telegram.followup.texts import reporter_notice_text
from bot.telegram.intake.texts import receipt_text
from bot.telegram.staff import texts

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)
REQUEST_TIMEOUT = 20  # seconds for one sendMessage; a timeout is retried (see bot.services.outbox on duplicates)


class TelegramSender:
    """``send`` for the outbox: one sendMessage, with Telegram's errors turned into ``DeliveryError``."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def __call__(self, chat_id: int, text: str) -> int:
        try:
            message = await self._bot.send_message(chat_id, text, request_timeout=REQUEST_TIMEOUT)
        except TelegramRetryAfter as exc:
            raise DeliveryError("429", float(exc.retry_after)) from None
        except TelegramServerError:
            raise DeliveryError("5xx") from None
        except TelegramNetworkError:
            raise DeliveryError("network") from None
        except TelegramForbiddenError:
            raise DeliveryError("forbidden") from None
        except TelegramBadRequest:
            raise DeliveryError("bad_request") from None
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # an unreadable answer (an HTML 502 page), a dropped connection...
            raise DeliveryError(type(exc).__name__[:32]) from None
        return message.message_id


def renderer(app: App):
    """Alerts are written in the default language (the staff group is shared)."""

    def render(items: Sequence[OutboxItem], now: datetime) -> str:
        if items[0].kind == receipts.KIND:
            receipt = receipts.open_payload(app.cipher, items[0].payload)
            if receipt is not None:
                with app.i18n.context(), app.i18n.use_locale(receipt.lang):
                    return receipt_text(receipt.case_number, receipt.code)
        if items[0].kind == "reporter_notice":
            # To a reporter, in the language of their report, saying only that there is news.
            with app.i18n.context(), app.i18n.use_locale(items[0].payload.get("lang") or app.settings.default_locale):
                return reporter_notice_text()
        with app.i18n.context(), app.i18n.use_locale(app.settings.default_locale):
            return texts.alert_text(items, now)

    return render


def resolver(app: App):
    def resolve(destination: str) -> int | None:
        if destination == STAFF_GROUP:
            return app.settings.staff_chat_id
        if destination.startswith(SEALED_PREFIX):
            return open_sealed_destination(app.cipher, destination)
        try:
            return int(destination)
        except ValueError:
            return None

    return resolve


@dataclass
class StaffDelivery:
    worker: OutboxWorker
    reminders: ReminderLoop
    tasks: list[asyncio.Task] = field(default_factory=list)

    def busy(self) -> bool:
        return self.worker.busy() or self.reminders.busy()

    async def stop(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109 - a grace period, then cancel
        self.worker.stop()
        self.reminders.stop()
        _done, pending = await asyncio.wait(self.tasks, timeout=timeout) if self.tasks else (set(), set())
        for task in pending:
            task.cancel()
        for task in pending:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self.tasks.clear()


def build_delivery(app: App, bot: Bot, config: OutboxConfig | None = None) -> StaffDelivery:
    worker = OutboxWorker(
        app.session_factory,
        send=TelegramSender(bot),
        render=renderer(app),
        resolve=resolver(app),
        clock=app.clock.now,
        config=config,
    )
    reminders = ReminderLoop(app.session_factory, clock=app.clock.now)
    return StaffDelivery(worker, reminders)


async def start_staff_delivery(dispatcher: Dispatcher, bot: Bot, app: App) -> None:
    delivery = build_delivery(app, bot)
    # A commit that enqueued wakes the worker at once (no waiting for the next look).
    app.session_factory.configure(info={NOTIFY_KEY: delivery.worker.kick})
    app.clock.on_advance(delivery.worker.kick)
    app.clock.on_advance(delivery.reminders.kick)
    app.busy_hooks.append(delivery.busy)
    delivery.tasks = [
        asyncio.create_task(delivery.worker.run(), name="outbox"),
        asyncio.create_task(delivery.reminders.run(), name="p1-reminders"),
    ]
    dispatcher["staff_delivery"] = delivery
    # The follow-up journey calls this when a reporter adds information or answers a question.
    dispatcher["notify_staff"] = notify_staff_of(app)
    if app.settings.staff_chat_id is None:
        log.warning("STAFF_CHAT_ID is not set: staff alerts wait in the outbox until it is")


def notify_staff_of(app: App):
    async def notify_staff(session, tip_id: int, reply) -> None:
        await notify_reporter_update(
            session,
            tip_id,
            ref=int(reply.message_id),
            answered_question=bool(reply.answered_question),
            now=app.clock.now(),
        )

    return notify_staff


async def stop_staff_delivery(dispatcher: Dispatcher, app: App) -> None:
    delivery: StaffDelivery | None = dispatcher.workflow_data.pop("staff_delivery", None)
    if delivery is None:
        return
    await delivery.stop()
    with contextlib.suppress(ValueError):
        app.busy_hooks.remove(delivery.busy)
