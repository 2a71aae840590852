"""The outbox table as a queue: enqueue in the caller's transaction (once per ``dedup_key``), the caller's own
delivery recorded, sealed destinations (a reporter's chat, encrypted), and the worker woken after the commit."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, case, or_, update
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher
from db.base import table_of
from db.dialects import PerDialect
from db.models.outbox import OutboxMessage

STAFF_GROUP = "staff_group"
# Kinds whose payload and destination are secret (a receipt code and the reporter's chat): both are scrubbed once
# the message is delivered.
SECRET_KINDS = frozenset({"receipt"})
DELIVERED = "delivered"  # the destination of a delivered secret message
# Sessions made by a factory configured with info={NOTIFY_KEY: callable} call it after a commit that enqueued.
NOTIFY_KEY = "tipline.outbox_notify"


class DeliveryError(Exception):
    """Sending failed. ``retry_after`` (seconds) when Telegram said when to retry (429); ``kind`` is a short code for
    ``last_error`` ("429", "5xx", "network", "bad_request", "forbidden")."""

    def __init__(self, kind: str, retry_after: float | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.retry_after = retry_after


@dataclass(frozen=True)
class OutboxItem:
    id: int
    kind: str
    destination: str
    tip_id: int | None
    priority: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int


SEALED_PREFIX = "sealed:"
_SEALED_CONTEXT = "outbox.destination"


def sealed_destination(cipher: Cipher, chat_id: int) -> str:
    """A reporter's chat as an outbox destination: encrypted, so the outbox table never holds it in the clear."""
    blob = cipher.encrypt(str(chat_id).encode(), context=_SEALED_CONTEXT)
    return SEALED_PREFIX + base64.urlsafe_b64encode(blob).decode().rstrip("=")


def open_sealed_destination(cipher: Cipher, destination: str) -> int | None:
    if not destination.startswith(SEALED_PREFIX):
        return None
    encoded = destination[len(SEALED_PREFIX) :]
    blob = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    return int(cipher.decrypt(blob, context=_SEALED_CONTEXT))


# The statements filing runs for every tip, built once on the table: SQLAlchemy reuses their compiled form, where a
# statement built per call (the ORM entity, ``.values(...)``) cost more than the insert itself.
_table = table_of(OutboxMessage)
_ENQUEUE = PerDialect(lambda insert: insert(_table).on_conflict_do_nothing(index_elements=["dedup_key"]))
_DELIVERED = (
    update(_table)
    .where(_table.c.dedup_key == bindparam("key"), _table.c.status == "pending")
    .values(
        status="sent",
        sent_at=bindparam("at"),
        message_id=bindparam("mid"),
        attempts=_table.c.attempts + 1,
        payload={},
        # Not ``in_``: an expanding parameter would not compile once for the unit of work's direct writer.
        destination=case(
            (or_(*(_table.c.kind == kind for kind in sorted(SECRET_KINDS))), DELIVERED), else_=_table.c.destination
        ),
    )
)

Send = Callable[[int, str], Awaitable[int]]
Render = Callable[[Sequence[OutboxItem], datetime], str]


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    dedup_key: str,
    payload: dict[str, Any],
    now: datetime,
    tip_id: int | None = None,
    priority: str = "P4",
    destination: str = STAFF_GROUP,
    not_before: datetime | None = None,
) -> bool:
    """Add a message to the outbox in the caller's transaction (not committed here). Returns False when a message
    with this ``dedup_key`` already exists (so enqueueing twice sends once, also from two transactions at the same
    moment: the insert is a single statement that skips an existing key). ``not_before``: the worker leaves the
    message alone until then (the caller means to send it itself and records that it did)."""
    await session.flush()  # the insert below is a statement of its own: pending objects (the tip) go first
    result = cast(
        "CursorResult[Any]",  # an INSERT gives a CursorResult (typed as any Result)
        await session.execute(
            _ENQUEUE.of(session),
            {
                "destination": destination,
                "kind": kind,
                "dedup_key": dedup_key,
                "tip_id": tip_id,
                "priority": priority,
                "payload": payload,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": not_before or now,
                "created_at": now,
            },
        ),
    )
    if not result.rowcount:
        return False
    _notify_after_commit(session)
    return True


def delivered(dedup_key: str, message_id: int, now: datetime) -> tuple[Any, dict[str, Any]]:
    """The statement (and its values) that records that the caller sent a message it had enqueued with
    ``not_before``: the worker must not send it again. A secret message's payload and destination (a receipt code,
    the reporter's chat) are dropped, as the worker drops them after sending. The caller writes it with its next
    commit (no transaction of its own for it)."""
    return _DELIVERED, {"key": dedup_key, "mid": message_id, "at": now}


async def deliver_now(session: AsyncSession, dedup_key: str, now: datetime) -> None:
    """The caller could not send a message it enqueued with ``not_before``: the worker takes over at once."""
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.dedup_key == dedup_key, OutboxMessage.status == "pending")
        .values(next_attempt_at=now)
    )
    _notify_after_commit(session)


def _notify_after_commit(session: AsyncSession) -> None:
    notify = session.info.get(NOTIFY_KEY)
    if notify is None:
        return

    def after_commit(_session) -> None:
        notify()

    sa_event.listen(session.sync_session, "after_commit", after_commit, once=True)
