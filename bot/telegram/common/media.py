"""Files people send (reports and follow-ups): what a message carries, and downloading it into the evidence store."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import Message

from bot.services.evidence import EvidenceStore
from bot.services.intake.draft import EvidenceRef

log = logging.getLogger(__name__)

MEDIA_KINDS = ("photo", "document", "voice", "video", "audio", "video_note")


def file_facts(message: Message) -> tuple[str, str, int | None, str]:
    """(kind, Telegram file id, declared size, MIME type) of the file a message carries."""
    if message.photo:
        photo = message.photo[-1]
        return "photo", photo.file_id, photo.file_size, "image/jpeg"
    if message.voice:
        return "voice", message.voice.file_id, message.voice.file_size, message.voice.mime_type or "audio/ogg"
    if message.video:
        return "video", message.video.file_id, message.video.file_size, message.video.mime_type or "video/mp4"
    if message.video_note:
        return "video_note", message.video_note.file_id, message.video_note.file_size, "video/mp4"
    if message.audio:
        return "audio", message.audio.file_id, message.audio.file_size, message.audio.mime_type or "audio/mpeg"
    document = message.document
    assert document is not None
    return "document", document.file_id, document.file_size, document.mime_type or "application/octet-stream"


async def download_evidence(bot: Bot, store: EvidenceStore, message: Message) -> EvidenceRef | None:
    """Download the message's file through the Bot API and keep it encrypted; None when that failed (too big for
    the Bot API, or the network). The Telegram file id is used here only, never stored."""
    kind, file_id, _size, mime = file_facts(message)
    try:
        file = await bot.get_file(file_id)
        buffer = await bot.download_file(file.file_path) if file.file_path else None
        data = buffer.read() if buffer is not None else b""
    except Exception as exc:
        log.warning("evidence download failed: %s", type(exc).__name__)
        return None
    return EvidenceRef(ref=store.save(data), kind=kind, mime=mime, size=len(data))
