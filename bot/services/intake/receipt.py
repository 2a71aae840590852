"""The receipt message: the one message a reporter must get after filing, so it goes through the outbox.

It is queued in the same commit as the tip, then sent at once by the handler, which records the delivery; if that
send fails or the process dies first, the outbox worker sends it after ``GRACE``. The code and the reporter's chat
are encrypted in the outbox row and scrubbed from it once delivered.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.privacy import Cipher

KIND = "receipt"
GRACE = timedelta(seconds=30)
_CONTEXT = "outbox.receipt"


@dataclass(frozen=True)
class Receipt:
    case_number: str
    code: str
    lang: str


def dedup_key(tip_id: int) -> str:
    return f"receipt:{tip_id}"


async def enqueue(
    session: AsyncSession, cipher: Cipher, *, tip_id: int, chat_id: int, receipt: Receipt, now: datetime
) -> str:
    """Queue the receipt for ``chat_id`` in the caller's transaction; returns the outbox key for ``sent``/``failed``."""
    sealed = cipher.encrypt_json(
        {"case": receipt.case_number, "code": receipt.code, "lang": receipt.lang}, context=_CONTEXT
    )
    key = dedup_key(tip_id)
    await outbox.enqueue(
        session,
        kind=KIND,
        dedup_key=key,
        payload={"sealed": base64.b64encode(sealed).decode()},
        now=now,
        tip_id=tip_id,
        priority="P1",  # a reporter waiting for their receipt goes before any digest
        destination=outbox.sealed_destination(cipher, chat_id),
        not_before=now + GRACE,
    )
    return key


def sent(key: str, message_id: int, now: datetime) -> tuple[Any, dict[str, Any]]:
    """The statement (with its values) recording that the caller delivered the receipt itself, for the caller to
    write with its next commit (no transaction of its own for it)."""
    return outbox.delivered(key, message_id, now)


async def failed(session: AsyncSession, key: str, now: datetime) -> None:
    await outbox.deliver_now(session, key, now)


def open_payload(cipher: Cipher, payload: dict) -> Receipt | None:
    sealed = payload.get("sealed")
    if not sealed:
        return None
    data = cipher.decrypt_json(base64.b64decode(sealed), context=_CONTEXT)
    return Receipt(case_number=data["case"], code=data["code"], lang=data["lang"])
