"""Showing a whole tip (/tip, "Show again"): the card, the reporter's account, the follow-up conversation, each
evidence file, then the status panel. Reporter content is sent with protect_content so it cannot be forwarded or
saved.

Every part is written (and split within Telegram's limit) before the first is sent. If Telegram refuses or does
not answer a part, the rest is not sent and staff get a plain notice with a button to show the whole tip again:
never half a tip that looks whole."""

from __future__ import annotations

import asyncio
import logging
import mimetypes
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram.exceptions import TelegramRetryAfter
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import CaseView, EvidenceItem, StaffMember
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.html import split_html

log = logging.getLogger(__name__)

RETRY_AFTER_LIMIT = 60  # seconds; a longer flood wait fails the part and offers "Show again"
PHOTO_LIMIT = 10 * 1024 * 1024  # sendPhoto's limit; bigger photos go as documents


async def show_case(
    target: Message,
    tip_id: int,
    staff: StaffMember,
    session: AsyncSession,
    cases: CaseService,
    store: EvidenceStore,
    now: datetime,
    followup: FollowUpService | None = None,
) -> None:
    """The whole tip; a refusal (``Refused``) goes to the caller's gate."""
    view = await cases.view(session, staff, tip_id)
    sends: list[Callable[[], Awaitable[Any]]] = []
    for part in [*split_html(texts.case_card(view, now)), *texts.story_parts(view)]:
        sends.append(_text_part(target, part))
    if followup is not None:
        for part in texts.thread_parts(await followup.thread(session, tip_id)):
            sends.append(_text_part(target, part))
    for n, item in enumerate(view.evidence, start=1):
        sends.append(_evidence_part(target, view, n, item, store))
    text = texts.actions_text(view, now)
    markup = keyboards.case_keyboard(view, staff)
    sends.append(lambda: target.answer(text, reply_markup=markup))
    for shown, send in enumerate(sends):
        try:
            await _with_retry_after(send)
        except Exception as exc:  # Telegram said no, or did not answer: say so, offer the whole tip again
            log.warning("staff: /tip part %d of %d failed: %s", shown + 1, len(sends), type(exc).__name__)
            try:
                await target.answer(
                    texts.view_incomplete(view.case_number, shown, len(sends)),
                    reply_markup=keyboards.show_again_keyboard(tip_id),
                )
            except Exception as notice_exc:
                log.warning("staff: the incomplete-view notice failed too: %s", type(notice_exc).__name__)
            return


def _text_part(target: Message, text: str) -> Callable[[], Awaitable[Any]]:
    return lambda: target.answer(text, protect_content=True)


def _evidence_part(
    target: Message, view: CaseView, n: int, item: EvidenceItem, store: EvidenceStore
) -> Callable[[], Awaitable[Any]]:
    return lambda: _send_evidence(target, view, n, item, store)


async def _with_retry_after(send: Callable[[], Awaitable[Any]], attempts: int = 3) -> None:
    """Telegram's flood limit says how long to wait: wait that long (up to a minute) and send again."""
    for attempt in range(attempts):
        try:
            await send()
            return
        except TelegramRetryAfter as exc:
            if attempt == attempts - 1 or exc.retry_after > RETRY_AFTER_LIMIT:
                raise
            await asyncio.sleep(exc.retry_after)


async def _send_evidence(target: Message, view: CaseView, n: int, item: EvidenceItem, store: EvidenceStore) -> None:
    caption = texts.evidence_caption(view, n)
    try:
        data = await asyncio.to_thread(store.load, item.ref)
    except Exception as exc:  # missing or unreadable file: say so, never skip silently
        log.warning("staff: evidence file could not be opened: %s", type(exc).__name__)
        await target.answer(texts.evidence_missing(view, n))
        return
    extension = mimetypes.guess_extension(item.mime or "") or ""
    name = f"{view.case_number}-{n}{extension}"
    upload = BufferedInputFile(data, filename=name)
    kind = item.kind
    if kind == "photo" and len(data) <= PHOTO_LIMIT:
        await target.answer_photo(upload, caption=caption, protect_content=True)
    elif kind == "voice":
        await target.answer_voice(upload, caption=caption, protect_content=True)
    elif kind == "video":
        await target.answer_video(upload, caption=caption, protect_content=True)
    else:
        await target.answer_document(upload, caption=caption, protect_content=True)
