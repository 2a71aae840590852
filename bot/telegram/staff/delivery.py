"""The staff side's background work: the outbox worker (alerts to the staff group, receipts, notices to reporters)
and the P1 reminder loop. ``bot.app`` builds it when the dispatcher starts, with what it needs passed in, and stops
it on shutdown; the app reports busy while either has something to do now, so the emulator's ``wait_idle`` waits
for deliveries."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.clock import Clock
from bot.services.followup import Reply
from bot.services.intake import receipt as receipts
from bot.services.outbox import (
    SEALED_PREFIX,
    STAFF_GROUP,
    DeliveryError,
    OutboxConfig,
    OutboxItem,
    OutboxWorker,
    open_sealed_destination,
)
from bot.services.privacy import Cipher
from bot.services.staff.filing import notify_reporter_update
from bot.services.staff.reminders import ReminderLoop
from bot.telegram.deps import NotifyStaff
from bot.telegram.followup.texts import reporter_notice_text
from bot.telegram.i18n import CatalogI18n
from bot.telegram.intake.texts import receipt_text
from bot.telegram.staff import texts

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


def renderer(cipher: Cipher, i18n: CatalogI18n):
    """Alerts are written in the default language (the staff group is shared); a receipt or a notice to a reporter
    in the language of their report."""

    def render(items: Sequence[OutboxItem], now: datetime) -> str:
        if items[0].kind == receipts.KIND:
            receipt = receipts.open_payload(cipher, items[0].payload)
            if receipt is not None:
                with i18n.context(), i18n.use_locale(receipt.lang):
                    return receipt_text(receipt.case_number, receipt.code)
        if items[0].kind == "reporter_notice":
            # To a reporter, in the language of their report, saying only that there is news.
            with i18n.context(), i18n.use_locale(items[0].payload.get("lang") or i18n.default_locale):
                return reporter_notice_text()
        with i18n.context(), i18n.use_locale(i18n.default_locale):
            return texts.alert_text(items, now)

    return render


def resolver(cipher: Cipher, staff_chat_id: int | None):
    def resolve(destination: str) -> int | None:
        if destination == STAFF_GROUP:
            return staff_chat_id
        if destination.startswith(SEALED_PREFIX):
            return open_sealed_destination(cipher, destination)
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

    def wake(self) -> None:
        """Look again now (the clock jumped, or a commit queued something)."""
        self.worker.kick()
        self.reminders.kick()

    def start(self) -> None:
        self.tasks = [
            asyncio.create_task(self.worker.run(), name="outbox"),
            asyncio.create_task(self.reminders.run(), name="p1-reminders"),
        ]

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


def build_delivery(
    bot: Bot,
    *,
    session_factory: async_sessionmaker[AsyncSession],
    cipher: Cipher,
    i18n: CatalogI18n,
    staff_chat_id: int | None,
    clock: Clock,
    config: OutboxConfig | None = None,
) -> StaffDelivery:
    worker = OutboxWorker(
        session_factory,
        send=TelegramSender(bot),
        render=renderer(cipher, i18n),
        resolve=resolver(cipher, staff_chat_id),
        clock=clock,
        config=config,
    )
    reminders = ReminderLoop(session_factory, clock=clock)
    if staff_chat_id is None:
        log.warning("STAFF_CHAT_ID is not set: staff alerts wait in the outbox until it is")
    return StaffDelivery(worker, reminders)


def notify_staff_of(clock: Clock) -> NotifyStaff:
    """What the follow-up journey calls when a reporter adds information or answers a question."""

    async def notify_staff(session: AsyncSession, tip_id: int, reply: Reply) -> None:
        await notify_reporter_update(
            session,
            tip_id,
            ref=int(reply.message_id),
            answered_question=bool(reply.answered_question),
            now=clock(),
        )

    return notify_staff
