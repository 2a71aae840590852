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
from db.repositories import tips as tips_repo

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
    session: AsyncSession,
    cipher: Cipher,
    *,
    tip_id: int,
    chat_id: int,
    code: str,
    lang: str,
    now: datetime,
) -> str:
    """Queue the receipt for ``chat_id`` in the caller's transaction; returns the outbox key for ``sent``/``failed``.
    The case number is not in it: it is queued before the commit that numbers the tip, and the outbox reads the
    tip's when it delivers it."""
    sealed = cipher.encrypt_json({"code": code, "lang": lang}, context=_CONTEXT)
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
    """The receipt of an outbox message, with the tip's case number, which the outbox puts in the payload when it
    delivers it (receipts queued before that was so have it sealed with the code)."""
    sealed = payload.get("sealed")
    if not sealed:
        return None
    data = cipher.decrypt_json(base64.b64decode(sealed), context=_CONTEXT)
    case = data.get("case") or payload.get("case")
    if not case:
        return None
    return Receipt(case_number=case, code=data["code"], lang=data["lang"])


def remembered(tip_id: int, code: str, now: datetime) -> dict[str, Any]:
    """What the conversation keeps of a receipt for a while, to show it again (``kept_case``)."""
    return {"tip": tip_id, "code": code, "at": now.timestamp()}


async def kept_case(session: AsyncSession, kept: dict[str, Any]) -> str | None:
    """The case number of a receipt kept by ``remembered``: its tip's (kept by earlier versions with the code)."""
    if kept.get("case"):
        return str(kept["case"])
    tip_id = kept.get("tip")
    return await tips_repo.case_number_of(session, tip_id) if isinstance(tip_id, int) else None
