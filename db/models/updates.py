"""Telegram updates on their way through the bot, one row per update.

Long polling stores each fetched update here (``payload``, encrypted: it holds the sender's Telegram identity and
text) before Telegram is told it arrived; the commit that handles the update clears the payload and sets
``handled_at``, together with the handler's own changes. So a crash at any point neither loses an update nor handles
it twice, and a second delivery of a handled update is recognised and ignored. In webhook mode Telegram keeps the
update until it is answered, so the row is written at handling time, with no payload.

Handled rows hold ids and times only; they are deleted after a few days (Telegram redelivers for at most a day).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UTCDateTime, utcnow


class TelegramUpdate(Base):
    __tablename__ = "telegram_updates"

    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Times its handling was started after a restart and never finished: an update that stops the process every time
    # is given up after a few (see ``bot.telegram.updates.polling.Poller.recover``).
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
