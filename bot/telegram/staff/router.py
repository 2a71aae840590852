"""The task force's side in a private chat with the bot: /queue, /tip, /overdue, /audit and the tip's buttons.

Thin: every decision (who may do what, which status may follow which) is in ``bot.services.staff``. Every update
here looks the sender up in the staff table afresh (``StaffMiddleware``), so a removed or demoted staff member is
refused at once, and a button pressed by anyone else (a forged or replayed callback) does nothing but get logged,
without the user's id or any text.
"""

from __future__ import annotations

import asyncio
import logging
import mimetypes
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, Message, TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import places
from bot.services.clock import Clock
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import AGENCIES, QueueFilter, Refused, StaffMember
from bot.services.triage.scoring import wita
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.callbacks import StaffCb, unpack_filter
from bot.telegram.staff.html import split_html
from db.repositories import staff as staff_repo

log = logging.getLogger(__name__)

INPUT_KEY = "staff_input"
RETRY_AFTER_LIMIT = 60  # seconds; a longer flood wait fails the part and offers "Show again"
PHOTO_LIMIT = 10 * 1024 * 1024  # sendPhoto's limit; bigger photos go as documents


class StaffInput(StatesGroup):
    note = State()
    ask = State()
    priority_reason = State()
    referral_date = State()
    referral_detail = State()
    link_case = State()


class StaffMiddleware(BaseMiddleware):
    """Puts ``staff`` (the sender as an active staff member, or None) into the handler's arguments."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        session: AsyncSession = data["session"]
        data["staff"] = await staff_repo.get_active(session, user.id) if user is not None else None
        return await handler(event, data)


def build_router() -> Router:
    router = Router(name="staff")
    router.message.middleware(StaffMiddleware())
    router.callback_query.middleware(StaffMiddleware())
    router.message.register(on_queue, Command("queue", "antrian"))
    router.message.register(on_tip, Command("tip", "kasus"))
    router.message.register(on_overdue, Command("overdue", "terlambat"))
    router.message.register(on_audit, Command("audit"))
    router.message.register(on_help, Command("staff"))
    router.message.register(on_cancel_command, Command("cancel", "batal"), StateFilter(StaffInput))
    router.message.register(on_input, StateFilter(StaffInput), ~F.text.startswith("/"))
    router.callback_query.register(on_button, StaffCb.filter())
    return router


# Helpers ---------------------------------------------------------------------------------------------------


async def _refuse_outsider(target: Message | CallbackQuery, what: str) -> None:
    # Who it was and what they sent stay out of the log.
    log.warning("staff: %s refused: sender is not registered staff", what)
    if isinstance(target, CallbackQuery):
        await target.answer(texts.not_allowed_toast(), show_alert=True)
    else:
        await target.answer(texts.not_staff())


async def _begin_input(state: FSMContext, step: State, **payload: Any) -> None:
    data = await state.get_data()
    current = await state.get_state()
    previous = (data.get(INPUT_KEY) or {}).get("prev")
    if previous is None and current is not None and not current.startswith("StaffInput:"):
        previous = current  # e.g. a report in progress: it comes back when this input is done
    data[INPUT_KEY] = {**payload, "prev": previous}
    await state.set_data(data)
    await state.set_state(step)


async def _end_input(state: FSMContext) -> dict[str, Any]:
    data = await state.get_data()
    info = data.pop(INPUT_KEY, None) or {}
    await state.set_data(data)
    await state.set_state(info.get("prev"))
    return info


async def _input_info(state: FSMContext) -> dict[str, Any]:
    return dict((await state.get_data()).get(INPUT_KEY) or {})


async def _drop_pending_input(state: FSMContext) -> None:
    """A new staff command while a note or reason was being asked: the question lapses."""
    current = await state.get_state()
    if current is not None and current.startswith("StaffInput:"):
        await _end_input(state)


async def _panel(target: Message, view, staff: StaffMember, clock: Clock, *, edit: bool = False) -> None:
    """The tip's status panel with its action buttons (edited in place after a button, else sent anew)."""
    text = texts.actions_text(view, clock())
    markup = keyboards.case_keyboard(view, staff)
    if edit:
        try:
            await target.edit_text(text, reply_markup=markup)
            return
        except TelegramBadRequest as exc:
            if "not modified" in str(exc):
                return
    await target.answer(text, reply_markup=markup)


# Commands --------------------------------------------------------------------------------------------------

_STATUS_WORDS = {
    "new": "new",
    "baru": "new",
    "review": "in_review",
    "in_review": "in_review",
    "awaiting": "awaiting_reporter",
    "awaiting_reporter": "awaiting_reporter",
    "menunggu": "awaiting_reporter",
    "referred": "referred",
    "dirujuk": "referred",
    "closed": "closed",
    "ditutup": "closed",
    "selesai": "closed",
}


def parse_queue_args(args: str | None) -> QueueFilter:
    """``/queue P1 tts new mine``: a priority, a status, a regency (code or name) and "mine", in any order."""
    status = priority = regency = None
    mine = False
    words = (args or "").split()
    names = {r.name.casefold().replace(" ", ""): r.code for r in places.regencies()}
    for word in words:
        low = word.casefold()
        if re.fullmatch(r"p[1-4]", low):
            priority = low.upper()
        elif low in _STATUS_WORDS:
            status = _STATUS_WORDS[low]
        elif low in ("mine", "saya", "milikku", "me"):
            mine = True
        elif places.regency(low) is not None:
            regency = low
        elif low.replace("_", "") in names:
            regency = names[low.replace("_", "")]
    if words and regency is None:
        joined = "".join(w.casefold() for w in words if not re.fullmatch(r"p[1-4]", w.casefold()))
        for name, code in names.items():
            if name and name in joined:
                regency = code
                break
    return QueueFilter(status=status, priority=priority, regency=regency, mine=mine)


async def on_queue(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Clock,
    staff: StaffMember | None,
) -> None:
    if staff is None:
        await _refuse_outsider(message, "queue")
        return
    await _drop_pending_input(state)
    try:
        page = await staff_cases.queue(session, staff, parse_queue_args(command.args), 1)
    except Refused as refused:
        await message.answer(texts.refused_text(refused))
        return
    await message.answer(texts.queue_text(page, clock()), reply_markup=keyboards.queue_keyboard(page))


async def on_overdue(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Clock,
    staff: StaffMember | None,
) -> None:
    if staff is None:
        await _refuse_outsider(message, "overdue")
        return
    await _drop_pending_input(state)
    try:
        items = await staff_cases.overdue(session, staff)
    except Refused as refused:
        await message.answer(texts.refused_text(refused))
        return
    await message.answer(texts.overdue_text(items, clock()), reply_markup=keyboards.open_buttons(items))


async def on_tip(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    evidence_store: EvidenceStore,
    clock: Clock,
    staff: StaffMember | None,
    followup: FollowUpService | None = None,
) -> None:
    if staff is None:
        await _refuse_outsider(message, "tip")
        return
    await _drop_pending_input(state)
    if not command.args:
        await message.answer(texts.usage_tip())
        return
    tip = await staff_cases.find(session, command.args.split()[0])
    if tip is None:
        await message.answer(texts.refused_text(Refused("not_found")))
        return
    await show_case(message, tip.id, staff, session, staff_cases, evidence_store, clock, followup)


async def on_audit(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember | None,
) -> None:
    if staff is None:
        await _refuse_outsider(message, "audit")
        return
    await _drop_pending_input(state)
    if not command.args:
        await message.answer(texts.usage_audit())
        return
    case = command.args.split()[0]
    try:
        lines = await staff_cases.audit_trail(session, staff, case)
    except Refused as refused:
        await message.answer(texts.refused_text(refused))
        return
    await message.answer(texts.audit_text(lines[0].case_number if lines else case.upper(), lines))


async def on_help(message: Message, staff: StaffMember | None) -> None:
    if staff is None:
        await _refuse_outsider(message, "help")
        return
    await message.answer(texts.help_text())


async def on_cancel_command(message: Message, state: FSMContext) -> None:
    await _end_input(state)
    await message.answer(texts.cancelled())


# Showing a tip ---------------------------------------------------------------------------------------------


async def show_case(
    target: Message,
    tip_id: int,
    staff: StaffMember,
    session: AsyncSession,
    cases: CaseService,
    store: EvidenceStore,
    clock: Clock,
    followup: FollowUpService | None = None,
) -> None:
    """The whole tip: the card, the reporter's account, the follow-up conversation, each evidence file, then the
    status panel with buttons. Reporter content is sent with protect_content so it cannot be forwarded or saved.

    Every part is written (and split within Telegram's limit) before the first is sent. If Telegram refuses or
    does not answer a part, the rest is not sent and staff get a plain notice with a button to show the whole tip
    again: never half a tip that looks whole."""
    try:
        view = await cases.view(session, staff, tip_id)
    except Refused as refused:
        await target.answer(texts.refused_text(refused))
        return
    now = clock()
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


def _evidence_part(target: Message, view, n: int, item, store: EvidenceStore) -> Callable[[], Awaitable[Any]]:
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


async def _send_evidence(target: Message, view, n: int, item, store: EvidenceStore) -> None:
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


# Buttons ---------------------------------------------------------------------------------------------------


async def on_button(
    query: CallbackQuery,
    callback_data: StaffCb,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    evidence_store: EvidenceStore,
    clock: Clock,
    staff: StaffMember | None,
    followup: FollowUpService | None = None,
) -> None:
    if staff is None:
        await _refuse_outsider(query, "button")
        return
    message = query.message
    if not isinstance(message, Message):
        await query.answer(texts.not_allowed_toast(), show_alert=True)
        return
    action, tip, value = callback_data.a, callback_data.t, callback_data.v
    cases = staff_cases
    try:
        if action == "q":
            f, page_no = unpack_filter(value)
            page = await cases.queue(session, staff, f, page_no)
            await query.answer()
            try:
                await message.edit_text(texts.queue_text(page, clock()), reply_markup=keyboards.queue_keyboard(page))
            except TelegramBadRequest as exc:
                if "not modified" not in str(exc):
                    raise
        elif action == "qf":
            which, _, packed = value.partition("|")
            f, _page = unpack_filter(packed)
            await query.answer()
            await message.edit_reply_markup(reply_markup=keyboards.filter_menu(which, f))
        elif action == "open":
            await query.answer()
            await show_case(message, tip, staff, session, cases, evidence_store, clock, followup)
        elif action == "claim":
            await cases.claim(session, staff, tip)
            view = await cases.summary(session, staff, tip)
            await query.answer(texts.done_claim(view.case_number))
            await _panel(message, view, staff, clock, edit=True)
        elif action == "assign":
            members = await cases.assignable(session, staff)
            view = await cases.summary(session, staff, tip)
            await query.answer()
            await message.edit_text(
                texts.prompt_assign(view.case_number), reply_markup=keyboards.assign_menu(view, members)
            )
        elif action == "as":
            member = await cases.assign(session, staff, tip, int(value) if value.isdigit() else 0)
            view = await cases.summary(session, staff, tip)
            await query.answer(texts.done_assign(view.case_number, member.label))
            await _panel(message, view, staff, clock, edit=True)
        elif action == "prio":
            view = await cases.summary(session, staff, tip)
            await query.answer()
            await message.edit_text(texts.prompt_priority(view.case_number), reply_markup=keyboards.priority_menu(view))
        elif action == "p":
            view = await cases.summary(session, staff, tip)
            await _begin_input(state, StaffInput.priority_reason, tip=tip, priority=value)
            await query.answer()
            await message.answer(
                texts.prompt_priority_reason(view.case_number, value), reply_markup=keyboards.cancel_keyboard(tip)
            )
        elif action == "status":
            view = await cases.summary(session, staff, tip)
            await query.answer()
            if not view.allowed_statuses:
                await message.answer(texts.prompt_no_status(view.case_number))
            else:
                await message.edit_text(texts.prompt_status(view.case_number), reply_markup=keyboards.status_menu(view))
        elif action == "s":
            await cases.set_status(session, staff, tip, value)
            view = await cases.summary(session, staff, tip)
            await query.answer(texts.done_status(view.case_number, view.status))
            await _panel(message, view, staff, clock, edit=True)
        elif action == "close":
            view = await cases.summary(session, staff, tip)
            await query.answer()
            await message.edit_text(texts.prompt_close(view.case_number), reply_markup=keyboards.outcome_menu(view))
        elif action == "co":
            await cases.close(session, staff, tip, value)
            view = await cases.summary(session, staff, tip)
            await query.answer(texts.done_close(view.case_number, value))
            await _panel(message, view, staff, clock, edit=True)
        elif action == "note":
            view = await cases.summary(session, staff, tip)
            await _begin_input(state, StaffInput.note, tip=tip)
            await query.answer()
            await message.answer(texts.prompt_note(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))
        elif action == "ask":
            view = await cases.summary(session, staff, tip)
            await _begin_input(state, StaffInput.ask, tip=tip)
            await query.answer()
            await message.answer(
                texts.prompt_ask(view.case_number, view.kind == "question", view.contact),
                reply_markup=keyboards.cancel_keyboard(tip),
            )
        elif action == "refer":
            view = await cases.summary(session, staff, tip)
            await query.answer()
            await message.edit_text(texts.prompt_agency(view.case_number), reply_markup=keyboards.agency_menu(view))
        elif action == "ra":
            if value not in AGENCIES:
                raise Refused("bad_input")
            view = await cases.summary(session, staff, tip)
            await _begin_input(state, StaffInput.referral_date, tip=tip, agency=value)
            await query.answer()
            await message.edit_text(
                texts.prompt_referral_date(view.case_number, value), reply_markup=keyboards.referral_date_menu(tip)
            )
        elif action == "rd":
            info = await _input_info(state)
            if info.get("tip") != tip or "agency" not in info:
                await query.answer(texts.not_allowed_toast())
                return
            await query.answer()
            if value == "x":
                await message.answer(texts.prompt_referral_typed_date(), reply_markup=keyboards.cancel_keyboard(tip))
                return
            today = clock().astimezone(wita()).date()
            on = today - timedelta(days=1 if value == "1" else 0)
            await _ask_referral_detail(message, state, info, on, cases, session, staff)
        elif action == "rskip":
            info = await _input_info(state)
            if info.get("tip") != tip or "on" not in info:
                await query.answer(texts.not_allowed_toast())
                return
            await _finish_referral(message, state, None, cases, session, staff, clock)
            await query.answer()
        elif action == "link":
            view = await cases.summary(session, staff, tip)
            await _begin_input(state, StaffInput.link_case, tip=tip)
            await query.answer()
            await message.answer(texts.prompt_link(view.case_number), reply_markup=keyboards.cancel_keyboard(tip))
        elif action == "unlink":
            view = await cases.summary(session, staff, tip)
            await query.answer()
            await message.edit_text(texts.prompt_unlink(view.case_number), reply_markup=keyboards.unlink_menu(view))
        elif action == "ul":
            other = await cases.unlink(session, staff, tip, int(value) if value.isdigit() else 0)
            view = await cases.summary(session, staff, tip)
            await query.answer(texts.done_unlink(view.case_number, other))
            await _panel(message, view, staff, clock, edit=True)
        elif action == "cancel":
            current = await state.get_state()
            if current is not None and current.startswith("StaffInput:"):
                await _end_input(state)
            await query.answer(texts.cancelled())
            if tip:
                view = await cases.summary(session, staff, tip)
                await _panel(message, view, staff, clock, edit=bool(message.reply_markup))
        else:
            log.warning("staff: unknown button action refused")
            await query.answer(texts.not_allowed_toast(), show_alert=True)
    except Refused as refused:
        log.info("staff: action %s refused (%s)", action, refused.code)
        await query.answer(texts.refused_text(refused), show_alert=True)
        if refused.code not in ("not_found", "role", "not_staff") and tip:
            # Show where the tip stands now, so a stale button does not leave a stale screen.
            try:
                view = await cases.summary(session, staff, tip)
            except Refused:
                return
            await _panel(message, view, staff, clock, edit=True)


# Free-text answers -----------------------------------------------------------------------------------------

_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y")


def parse_date(text: str, today: date) -> date | None:
    value = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if parsed > today or parsed.year < 2000:
            return None
        return parsed
    return None


async def _ask_referral_detail(
    message: Message,
    state: FSMContext,
    info: dict[str, Any],
    on: date,
    cases: CaseService,
    session: AsyncSession,
    staff: StaffMember,
) -> None:
    view = await cases.summary(session, staff, int(info["tip"]))
    await _begin_input(state, StaffInput.referral_detail, tip=info["tip"], agency=info["agency"], on=on.isoformat())
    await message.answer(
        texts.prompt_referral_detail(view.case_number), reply_markup=keyboards.skip_keyboard(int(info["tip"]))
    )


async def _finish_referral(
    message: Message,
    state: FSMContext,
    detail: str | None,
    cases: CaseService,
    session: AsyncSession,
    staff: StaffMember,
    clock: Clock,
) -> None:
    info = await _end_input(state)
    tip = int(info["tip"])
    await cases.refer(session, staff, tip, info["agency"], date.fromisoformat(info["on"]), detail)
    view = await cases.summary(session, staff, tip)
    await message.answer(texts.done_referral(view.case_number, info["agency"]))
    await _panel(message, view, staff, clock)


async def on_input(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Clock,
    staff: StaffMember | None,
) -> None:
    if staff is None:
        await _end_input(state)
        await _refuse_outsider(message, "input")
        return
    if not message.text:
        await message.answer(texts.prompt_text_expected())
        return
    step = await state.get_state()
    info = await _input_info(state)
    tip = int(info.get("tip") or 0)
    cases = staff_cases
    try:
        if step == StaffInput.note.state:
            await cases.add_note(session, staff, tip, message.text)
            await _end_input(state)
            view = await cases.summary(session, staff, tip)
            await message.answer(texts.done_note(view.case_number))
            await _panel(message, view, staff, clock)
        elif step == StaffInput.ask.state:
            notified = await cases.ask_reporter(session, staff, tip, message.text)
            await _end_input(state)
            view = await cases.summary(session, staff, tip)
            await message.answer(texts.done_ask(view.case_number, view.kind == "question", notified))
            await _panel(message, view, staff, clock)
        elif step == StaffInput.priority_reason.state:
            priority = str(info.get("priority"))
            await cases.set_priority(session, staff, tip, priority, message.text)
            await _end_input(state)
            view = await cases.summary(session, staff, tip)
            await message.answer(texts.done_priority(view.case_number, priority))
            await _panel(message, view, staff, clock)
        elif step == StaffInput.referral_date.state:
            on = parse_date(message.text, clock().astimezone(wita()).date())
            if on is None:
                await message.answer(texts.bad_date(), reply_markup=keyboards.cancel_keyboard(tip))
                return
            await _ask_referral_detail(message, state, info, on, cases, session, staff)
        elif step == StaffInput.referral_detail.state:
            await _finish_referral(message, state, message.text, cases, session, staff, clock)
        elif step == StaffInput.link_case.state:
            other = await cases.link(session, staff, tip, message.text.split()[0])
            await _end_input(state)
            view = await cases.summary(session, staff, tip)
            await message.answer(texts.done_link(view.case_number, other))
            await _panel(message, view, staff, clock)
    except Refused as refused:
        await message.answer(texts.refused_text(refused), reply_markup=keyboards.cancel_keyboard(tip))
        if refused.code not in ("reason_required", "bad_input", "not_found", "self_link"):
            await _end_input(state)
