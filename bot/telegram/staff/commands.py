"""Staff commands: /queue, /find, /tip, /overdue, /caseload, /handover, /stats, /audit, /staff, /cancel.

Thin: the staff gate (bot/telegram/staff/gate.py) has checked the sender and puts them in ``staff``; a refusal
raised by the core is answered there. Every decision is in ``bot.services.staff``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from datetime import datetime

from aiogram import Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import places
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import QueueFilter, Refused, StaffMember
from bot.services.staff.stats import Period
from bot.services.triage.deadlines import wita
from bot.telegram.staff import keyboards, texts
from bot.telegram.staff.conversation import (
    StaffInput,
    drop_pending_input,
    end_input,
    remember_search,
    set_ticked,
)
from bot.telegram.staff.html import split_html
from bot.telegram.staff.showing import show_case

log = logging.getLogger(__name__)

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


async def send_queue(
    message: Message, f: QueueFilter, staff: StaffMember, session: AsyncSession, cases: CaseService, now: datetime
) -> None:
    page = await cases.queue(session, staff, f, 1)
    await message.answer(texts.queue_text(page, now), reply_markup=keyboards.queue_keyboard(page, staff))


async def on_queue(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    await remember_search(state, None)
    await set_ticked(state, None)
    await send_queue(message, parse_queue_args(command.args), staff, session, staff_cases, clock())


async def on_find(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    if not command.args:
        await message.answer(texts.usage_find())
        return
    await find(message, command.args, state, session, staff_cases, clock(), staff)


async def find(
    message: Message,
    text: str,
    state: FSMContext,
    session: AsyncSession,
    cases: CaseService,
    now: datetime,
    staff: StaffMember,
) -> None:
    """Search every tip, open or closed, and keep the search for the queue's buttons."""
    search = await cases.search(session, staff, text)
    await remember_search(state, search)
    await set_ticked(state, None)
    await send_queue(message, QueueFilter(status="any", search=search), staff, session, cases, now)


async def on_tip(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    evidence_store: EvidenceStore,
    clock: Callable[[], datetime],
    staff: StaffMember,
    followup: FollowUpService | None = None,
) -> None:
    await drop_pending_input(state)
    if not command.args:
        await message.answer(texts.usage_tip())
        return
    tip = await staff_cases.find(session, command.args.split()[0])
    if tip is None:
        raise Refused("not_found")
    await show_case(message, tip.id, staff, session, staff_cases, evidence_store, clock(), followup)


async def on_overdue(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    overdue = await staff_cases.overdue(session, staff)
    now = clock()
    markup = keyboards.open_buttons(late.item for late in overdue.items)
    await message.answer(texts.overdue_text(overdue, now), reply_markup=markup)


async def on_caseload(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    rows = await staff_cases.caseload(session, staff)
    await message.answer(texts.caseload_text(rows), reply_markup=keyboards.caseload_keyboard(rows))


async def on_handover(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    handover = await staff_cases.handover(session, staff)
    items = [*handover.new_items, *(late.item for late in handover.late_items)]
    unique = list({item.tip_id: item for item in items}.values())
    await message.answer(texts.handover_text(handover, clock()), reply_markup=keyboards.open_buttons(unique))


async def on_stats(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    clock: Callable[[], datetime],
    staff: StaffMember,
) -> None:
    """The last 12 months as text tables, then a chart drawn for this request (off the event loop)."""
    await drop_pending_input(state)
    now = clock()
    period = Period.last_months(now.astimezone(wita()).date())
    figures = await staff_cases.figures(session, staff, period)
    for part in split_html(texts.stats_text(figures, now)):
        await message.answer(part)
    try:
        from bot.services.staff.charts import stats_png

        png = await asyncio.to_thread(stats_png, figures, texts.chart_titles(), texts.row_label)
    except Exception as exc:  # the figures were sent; a chart that cannot be drawn is said, not hidden
        log.warning("staff: the chart could not be drawn: %s", type(exc).__name__)
        await message.answer(texts.chart_failed())
        return
    await message.answer_photo(BufferedInputFile(png, filename="tipline-stats.png"))


async def on_audit(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    staff_cases: CaseService,
    staff: StaffMember,
) -> None:
    await drop_pending_input(state)
    if not command.args:
        await message.answer(texts.usage_audit())
        return
    case = command.args.split()[0]
    lines = await staff_cases.audit_trail(session, staff, case)
    # The lines are the case's own (audit_trail reads them by its number), so the first one names it.
    shown = lines[0].case_number if lines and lines[0].case_number is not None else case.upper()
    await message.answer(texts.audit_text(shown, lines))


async def on_help(message: Message) -> None:
    await message.answer(texts.help_text())


async def on_cancel_command(message: Message, state: FSMContext) -> None:
    await end_input(state)
    await message.answer(texts.cancelled())


def build_commands_router() -> Router:
    router = Router(name="staff.commands")
    router.message.register(on_queue, Command("queue", "antrian"))
    router.message.register(on_find, Command("find", "cari"))
    router.message.register(on_tip, Command("tip", "kasus"))
    router.message.register(on_overdue, Command("overdue", "terlambat"))
    router.message.register(on_caseload, Command("caseload", "beban"))
    router.message.register(on_handover, Command("handover", "serahterima"))
    router.message.register(on_stats, Command("stats", "statistik"))
    router.message.register(on_audit, Command("audit"))
    router.message.register(on_help, Command("staff"))
    router.message.register(on_cancel_command, Command("cancel", "batal"), StateFilter(StaffInput))
    return router
