"""Durable outbox for staff messages: enqueue in the caller's transaction, deliver with retries, exactly once.

Enqueue (``enqueue``) adds a row in the same transaction as what it announces, so a committed tip always has its
alert waiting; after that commit the worker is woken (see ``NOTIFY_KEY``). The worker (``OutboxWorker``):

- picks up due rows, most urgent first (P1 before P4, then oldest), including those left by an earlier process;
- leases rows before sending (``locked_until``) so two workers never send the same row;
- on 429 waits the ``retry_after`` Telegram gives (and sends nothing else to that chat meanwhile), on 5xx and network
  errors backs off exponentially, and never drops a row: a message that keeps failing keeps being retried (with the
  error type in ``last_error``);
- respects a chat's budget (20 messages a minute in a group): while all pending rows fit in what is left of the
  minute's budget with a few messages to spare (``reserve``), each goes out on its own; otherwise they are folded
  into one digest (chunks of ``max_digest``) so a burst costs one message, not fifty. When only the reserve is left,
  alerts are gathered for a few seconds (``gather``) before a digest goes, unless one of them is P1.

Limits of "exactly once": a row is marked sent after Telegram answers. If the process dies between Telegram's answer
and the commit, or the request times out after Telegram applied it, the row is sent again (a duplicate, never a
loss). Telegram offers no idempotency key that would close that gap.

Framework-free: the Telegram adapter passes ``send`` (returns the message id or raises ``DeliveryError``) and
``render`` (items -> text; one item is an alert, several a digest).
"""

from bot.services.outbox.queue import (
    DELIVERED,
    NOTIFY_KEY,
    SEALED_PREFIX,
    SECRET_KINDS,
    STAFF_GROUP,
    DeliveryError,
    OutboxItem,
    Render,
    Send,
    deliver_now,
    delivered,
    enqueue,
    open_sealed_destination,
    sealed_destination,
)
from bot.services.outbox.worker import OutboxConfig, OutboxWorker, RateWindow

__all__ = [
    "DELIVERED",
    "NOTIFY_KEY",
    "SEALED_PREFIX",
    "SECRET_KINDS",
    "STAFF_GROUP",
    "DeliveryError",
    "OutboxConfig",
    "OutboxItem",
    "OutboxWorker",
    "RateWindow",
    "Render",
    "Send",
    "deliver_now",
    "delivered",
    "enqueue",
    "open_sealed_destination",
    "sealed_destination",
]
