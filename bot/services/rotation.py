"""Retiring an old data key: everything sealed under another key than the first in DATA_KEYS is opened and sealed
again under the first, in the database and in the evidence folder. After it, the old key can leave DATA_KEYS.

Run with the bot stopped or running (each row is re-sealed in a short transaction; a row changed by the bot in
between is simply re-sealed by the bot itself, under the new key). Plain values never leave memory.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.privacy import Cipher, DecryptionError
from db.base import table_of
from db.models.conversation import ConversationState
from db.models.followup import TipMessage
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.models.updates import TelegramUpdate

# Every sealed column: (model, column name, context). The context is bound into each value when it is sealed.
SEALED_COLUMNS = (
    (Tip, "answers", "tips.answers"),
    (Tip, "reasons", "tips.reasons"),
    (Tip, "contact", "tips.contact"),
    (TipMessage, "body", "tip_messages.body"),
    (TipEvent, "text", "tip_events.text"),
    (ConversationState, "data", "conversation_states.data"),
    (TelegramUpdate, "payload", "telegram_updates.payload"),
)
_SEALED_DESTINATION = ("sealed:", "outbox.destination")
_SEALED_RECEIPT = "outbox.receipt"
_EVIDENCE = "evidence"
BATCH = 500


@dataclass
class RotationReport:
    resealed: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)  # sealed under a key that is no longer listed

    @property
    def total(self) -> int:
        return sum(self.resealed.values())


def _reseal(cipher: Cipher, blob: bytes, context: str) -> bytes | None:
    """The value sealed under the active key, or None when it already is."""
    if cipher.key_id_of(blob) == cipher.active_key_id:
        return None
    return cipher.encrypt(cipher.decrypt(blob, context=context), context=context)


async def reseal_database(
    sessions: async_sessionmaker[AsyncSession], cipher: Cipher, *, dry_run: bool = False
) -> RotationReport:
    report = RotationReport()
    for model, name, context in SEALED_COLUMNS:
        table = table_of(model)
        column = table.c[name]
        keys = list(table.primary_key.columns)
        statement = (
            update(table).where(*(key == bindparam(f"k_{key.name}") for key in keys)).values({name: bindparam("v")})
        )
        async with sessions() as session:
            rows = (await session.execute(select(*keys, column).where(column.is_not(None)))).all()
        changes = []
        for row in rows:
            try:
                sealed = _reseal(cipher, row[-1], context)
            except DecryptionError:
                report.unreadable[context] = report.unreadable.get(context, 0) + 1
                continue
            if sealed is not None:
                changes.append(
                    {**{f"k_{key.name}": value for key, value in zip(keys, row[:-1], strict=True)}, "v": sealed}
                )
        report.resealed[context] = len(changes)
        if not dry_run:
            for start in range(0, len(changes), BATCH):
                async with sessions.begin() as session:
                    await session.execute(statement, changes[start : start + BATCH])
    await _reseal_outbox(sessions, cipher, report, dry_run=dry_run)
    return report


async def _reseal_outbox(
    sessions: async_sessionmaker[AsyncSession], cipher: Cipher, report: RotationReport, *, dry_run: bool
) -> None:
    """Outbox rows keep a sealed chat (``sealed:...`` destinations) and receipts (``{"sealed": ...}`` payloads)."""
    prefix, context = _SEALED_DESTINATION
    destinations = receipts = 0
    async with sessions() as session:
        rows = (await session.execute(select(OutboxMessage.id, OutboxMessage.destination, OutboxMessage.payload))).all()
    for row_id, destination, payload in rows:
        values: dict[str, object] = {}
        if destination.startswith(prefix):
            encoded = destination[len(prefix) :]
            blob = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
            sealed = _reseal(cipher, blob, context)
            if sealed is not None:
                values["destination"] = prefix + base64.urlsafe_b64encode(sealed).decode().rstrip("=")
                destinations += 1
        if isinstance(payload, dict) and payload.get("sealed"):
            sealed = _reseal(cipher, base64.b64decode(payload["sealed"]), _SEALED_RECEIPT)
            if sealed is not None:
                values["payload"] = {**payload, "sealed": base64.b64encode(sealed).decode()}
                receipts += 1
        if values and not dry_run:
            async with sessions.begin() as session:
                await session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values))
    report.resealed[context] = destinations
    report.resealed[_SEALED_RECEIPT] = receipts


def reseal_evidence(directory: Path, cipher: Cipher, report: RotationReport, *, dry_run: bool = False) -> None:
    """Each evidence file is sealed with its own name in the context; rewritten whole, then swapped in."""
    count = 0
    if directory.exists():
        for path in sorted(directory.glob("*.bin")):
            ref = path.stem
            context = f"{_EVIDENCE}:{ref}"
            try:
                sealed = _reseal(cipher, path.read_bytes(), context)
            except DecryptionError:
                report.unreadable[_EVIDENCE] = report.unreadable.get(_EVIDENCE, 0) + 1
                continue
            if sealed is None:
                continue
            count += 1
            if not dry_run:
                tmp = path.with_name(f".{ref}.tmp")
                with tmp.open("wb") as fp:
                    fp.write(sealed)
                    fp.flush()
                    os.fsync(fp.fileno())
                tmp.replace(path)
    report.resealed[_EVIDENCE] = count
