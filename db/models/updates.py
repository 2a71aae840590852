"""Telegram updates on their way through the bot.

``update_inbox`` holds an update fetched by long polling until it has been handled: the polling offset is confirmed
to Telegram only after the update is stored here, and the row is deleted in the same commit as the handler's
changes, so a crash at any point neither loses an update nor handles it twice. The payload is encrypted (it holds
the sender's Telegram identity and text) and lives only until the update is handled.

``processed_updates`` remembers which updates were handled (ids only), so a second delivery is ignored.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow


class ProcessedUpdate(Base):
    __tablename__ = "processed_updates"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class InboxUpdate(Base):
    __tablename__ = "update_inbox"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    # Times a start-up found it unhandled: an update that breaks the process every time is dropped after a few.
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
