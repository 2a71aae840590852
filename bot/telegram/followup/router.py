"""Check my report: the reporter opens a tip with the receipt code, sees a coarse status and any question from the
task force, answers it or adds information (text and files), and can stop notices in this chat.

Works from any Telegram account: only the code matters. The open tip lives in the (encrypted) conversation state
until the reporter leaves the screen.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessageUnion,
    Message,
)
from aiogram.utils.i18n import gettext as _
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.clock import Clock
from bot.services.evidence import EvidenceStore
from bot.services.followup import CoarseStatus, FollowUpService, TipStatus
from bot.services.intake.draft import MAX_EVIDENCE_BYTES, MAX_SHORT_ANSWER, EvidenceRef, evidence_allowed
from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.common.keyboards import main_menu, menu_button
from bot.telegram.common.media import download_evidence, file_facts
from bot.telegram.deps import NotifyStaff
from bot.telegram.followup.callbacks import FollowUpCallback

WITA = ZoneInfo("Asia/Makassar")  # NTT's time zone; also Malaysia's clock
MAX_FOLLOWUP_TEXT = 4000


class FollowUp(StatesGroup):
    code = State()
    viewing = State()
    writing = State()


def build_router() -> Router:
    router = Router(name="followup")
    router.callback_query.register(on_menu_status, MenuCallback.filter(F.action == MenuAction.STATUS))
    router.message.register(on_status_command, Command("status", "cek"))
    not_command = ~F.text.startswith("/")
    router.message.register(on_code, StateFilter(FollowUp.code), F.text, not_command)
    router.callback_query.register(on_action, FollowUpCallback.filter())
    router.message.register(on_writing_text, StateFilter(FollowUp.writing), F.text, not_command)
    router.message.register(
        on_writing_file,
        StateFilter(FollowUp.writing),
        F.photo | F.document | F.voice | F.video | F.audio | F.video_note,
    )
    router.message.register(
        on_unexpected, StateFilter(FollowUp.code, FollowUp.viewing, FollowUp.writing), ~F.text.startswith("/")
    )
    return router


def _button(text: str, action: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=FollowUpCallback(action=action).pack())


def _cancel_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[menu_button("↩️ " + _("Main menu"), MenuAction.HOME)]])


async def on_menu_status(query: CallbackQuery, state: FSMContext) -> None:
    await query.answer()
    if query.message is not None:
        await ask_for_code(query.message, state)


async def on_status_command(message: Message, state: FSMContext) -> None:
    await ask_for_code(message, state)


async def ask_for_code(message: MaybeInaccessibleMessageUnion, state: FSMContext) -> None:
    await state.set_state(FollowUp.code)
    await state.set_data({})
    await message.answer(
        _("Please type your receipt code (for example K7QH-M4XP-9TRA-WC). It works from any phone."),
        reply_markup=_cancel_keyboard(),
    )


async def on_code(
    message: Message, state: FSMContext, session: AsyncSession, followup: FollowUpService, pseudonym: str
) -> None:
    outcome = await followup.lookup(session, pseudonym, message.text or "")
    if outcome.paused_until is not None:
        await message.answer(
            _(
                "Too many codes that did not match. To protect reports, look-ups from this account are paused for "
                "an hour. Please try again after {time} WITA."
            ).format(time=outcome.paused_until.astimezone(WITA).strftime("%H:%M")),
            reply_markup=main_menu(),
        )
        await state.clear()
        return
    if outcome.status is None:
        await message.answer(
            _("No report matches this code. Please check the code and type it again."),
            reply_markup=_cancel_keyboard(),
        )
        return
    await state.set_state(FollowUp.viewing)
    await state.set_data({"tip": outcome.status.tip_id})
    await show_status(message, outcome.status)


def status_label(status: CoarseStatus) -> str:
    return {
        CoarseStatus.RECEIVED: _("received, waiting to be reviewed"),
        CoarseStatus.REVIEWING: _("being reviewed by the task force"),
        CoarseStatus.REFERRED: _("referred to the authorities"),
        CoarseStatus.CLOSED: _("the case is closed"),
    }[status]


def _date(value: datetime) -> str:
    return value.strftime("%d-%m-%Y")


async def show_status(message: MaybeInaccessibleMessageUnion, view: TipStatus) -> None:
    lines = [
        "🔎 <b>" + _("Report {case}").format(case=view.case_number) + "</b>",
        _("Status: {status} (since {date})").format(status=status_label(view.status), date=_date(view.since)),
    ]
    rows: list[list[InlineKeyboardButton]] = []
    if view.kind == "question":
        if view.answer:
            lines += ["", "💬 <b>" + _("Answer from the task force:") + "</b>", escape(view.answer)]
        else:
            lines += ["", _("Your question has not been answered yet. Please check again later.")]
    if view.question is not None:
        lines += ["", "❓ <b>" + _("The task force asks:") + "</b>", escape(view.question.text)]
        rows.append([_button("✍️ " + _("Answer the question"), "answer")])
    if view.status is not CoarseStatus.CLOSED and view.kind == "tip":
        rows.append([_button("➕ " + _("Add information"), "add")])
    if view.notices_allowed:
        rows.append([_button("🔕 " + _("Stop notices in this chat"), "stop_notices")])
    rows.append([menu_button("↩️ " + _("Main menu"), MenuAction.HOME)])
    await message.answer("\n".join(lines), reply_markup=InlineKeyboardMarkup(inline_keyboard=rows))


async def _current_tip(state: FSMContext) -> int | None:
    if await state.get_state() not in (FollowUp.viewing.state, FollowUp.writing.state):
        return None
    return (await state.get_data()).get("tip")


async def on_action(
    query: CallbackQuery,
    callback_data: FollowUpCallback,
    state: FSMContext,
    session: AsyncSession,
    followup: FollowUpService,
) -> None:
    tip_id = await _current_tip(state)
    message = query.message
    if tip_id is None or message is None:
        await query.answer(_("This screen is closed. Open your report again with your receipt code."))
        return
    await query.answer()
    action = callback_data.action
    if action in ("answer", "add"):
        await state.set_state(FollowUp.writing)
        prompt = (
            _("Write your answer. You can also send photos, documents or voice notes. Press Done when finished.")
            if action == "answer"
            else _("Write what you want to add, or send photos, documents or voice notes. Press Done when finished.")
        )
        await message.answer(
            prompt, reply_markup=InlineKeyboardMarkup(inline_keyboard=[[_button("✅ " + _("Done"), "done")]])
        )
    elif action == "done":
        await state.set_state(FollowUp.viewing)
        await show_status(message, await followup.status(session, tip_id))
    elif action == "stop_notices":
        await followup.withdraw_notices(session, tip_id)
        await message.answer(_("Notices in this chat are switched off. You can still check with your receipt code."))
        await show_status(message, await followup.status(session, tip_id))


async def on_writing_text(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    followup: FollowUpService,
    notify_staff: NotifyStaff,
    clock: Clock,
) -> None:
    tip_id = await _current_tip(state)
    text = (message.text or "").strip()
    if tip_id is None:
        return
    if not text:
        await message.answer(_("Please write something, or press Done."))
        return
    if len(text) > MAX_FOLLOWUP_TEXT:
        await message.answer(
            _("This message is longer than {limit} characters. Please send it in shorter parts.").format(
                limit=MAX_FOLLOWUP_TEXT
            )
        )
        return
    await _save(message, state, session, followup, tip_id, text=text, evidence=[], notify=notify_staff, now=clock())


async def on_writing_file(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    followup: FollowUpService,
    bot: Bot,
    evidence_store: EvidenceStore,
    notify_staff: NotifyStaff,
    clock: Clock,
) -> None:
    tip_id = await _current_tip(state)
    if tip_id is None:
        return
    kind, _file_id, size, mime = file_facts(message)
    if not evidence_allowed(kind, mime):
        await message.answer(
            _("This type of file cannot be added. Send photos, PDF or Word documents, voice notes or videos.")
        )
        return
    if size is not None and size > MAX_EVIDENCE_BYTES:
        await message.answer(_("This file is larger than 20 MB, so I cannot receive it."))
        return
    item = await download_evidence(bot, evidence_store, message)
    if item is None:
        await message.answer(_("I could not receive this file. Please try sending it again."))
        return
    caption = (message.caption or "").strip()[:MAX_SHORT_ANSWER] or None
    await _save(
        message,
        state,
        session,
        followup,
        tip_id,
        text=caption,
        evidence=[item],
        notify=notify_staff,
        now=clock(),
    )


async def _save(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    followup: FollowUpService,
    tip_id: int,
    *,
    text: str | None,
    evidence: list[EvidenceRef],
    notify: NotifyStaff,
    now: datetime,
) -> None:
    try:
        await followup.add(session, tip_id, text=text, evidence=evidence, now=now, on_saved=notify)
    except LookupError:
        await state.clear()
        await message.answer(_("This report is closed; nothing more can be added."), reply_markup=main_menu())
        return
    await message.answer(
        _("Saved and passed to the task force. Send more, or press Done."),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[_button("✅ " + _("Done"), "done")]]),
    )


async def on_unexpected(message: Message, state: FSMContext) -> None:
    if await state.get_state() == FollowUp.code.state:
        await message.answer(_("Please type your receipt code as text."), reply_markup=_cancel_keyboard())
        return
    await message.answer(_("Please use the buttons, or go back to the main menu."), reply_markup=_cancel_keyboard())
