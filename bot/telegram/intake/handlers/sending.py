"""The end of a report: the review's questions about contradictions, sending (anonymously or with a way to be
contacted), the receipt, and clearing the chat afterwards."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime

from aiogram import Bot
from aiogram.exceptions import AiogramError
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, MaybeInaccessibleMessageUnion, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.intake import checks
from bot.services.intake import receipt as receipts
from bot.services.intake.draft import Step
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher
from bot.services.tips import DailyLimitReached, Submitted, Unnumbered
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import danger_texts, keyboards, texts
from bot.telegram.intake.callbacks import Confirm, Contact, Send
from bot.telegram.intake.flow import RECEIPT_SHOWN_AGAIN_SECONDS, Clock, Intake, Turn, current_step
from bot.telegram.updates.unit import UnitOfWork

log = logging.getLogger(__name__)
# Telegram lets a bot delete messages in a private chat for 48 hours; keep a margin for clock skew.
DELETABLE_SECONDS = 47 * 3600


async def show_danger_help(turn: Turn) -> None:
    """The emergency numbers and a word on staying safe, at once, for "yes" and for "not sure" alike; "yes" marks
    the report urgent."""
    if turn.draft.danger_now == "yes":
        turn.draft.urgent = True
        await turn.say(danger_texts.danger_now_advice())
    else:
        await turn.say(danger_texts.danger_unsure_advice())


async def finish_story(turn: Turn, step: Step) -> None:
    draft = turn.draft
    if step is Step.STORY and not draft.story and not any(e.kind in ("voice", "audio") for e in draft.evidence):
        await turn.say(texts.story_needed(), keyboards.for_step(step))
        return
    await turn.next(step)


# Contradictions -------------------------------------------------------------------------------------------


async def answer_check(turn: Turn, code: str, value: str) -> None:
    """The reporter's answer to a contradiction: it replaces the answer asked about; then the review (or the next
    contradiction)."""
    draft = turn.draft
    if code == checks.MINORS:
        draft.minors = value
        if "minors" in draft.implied:
            draft.implied.remove("minors")
    elif code == checks.DANGER:
        draft.danger_now = value
    draft.checking = None
    if code == checks.DANGER and value in ("yes", "unknown"):
        await show_danger_help(turn)
    await turn.ask(Step.REVIEW)


async def on_confirm(query: CallbackQuery, callback_data: Confirm, state: FSMContext, clock: Clock) -> None:
    if not isinstance(query.message, Message) or await current_step(state) is not Step.REVIEW:
        await query.answer(texts.stale_button())
        return
    turn = await Turn.load(query.message, state, clock)
    if turn.draft.checking != callback_data.code or callback_data.value not in ("yes", "no", "unknown"):
        await query.answer(texts.stale_button())
        return
    await query.answer()
    await answer_check(turn, callback_data.code, callback_data.value)


# Sending --------------------------------------------------------------------------------------------------


async def on_send(
    query: CallbackQuery,
    callback_data: Send,
    state: FSMContext,
    clock: Clock,
    intake: IntakeService,
    session: AsyncSession,
    unit_of_work: UnitOfWork,
    cipher: Cipher,
    pseudonym: str | None = None,
) -> None:
    message = query.message
    if not isinstance(message, Message):
        await query.answer()
        return
    if await state.get_state() == Intake.submitted.state:
        await query.answer()
        if not await _show_receipt_again(message, state, session, clock()):
            await message.answer(texts.no_longer_open(), reply_markup=main_menu())
        return
    step = await current_step(state)
    turn = await Turn.load(message, state, clock) if step in (Step.REVIEW, Step.CONTACT) else None
    if turn is None or turn.draft.checking:
        await query.answer(texts.stale_button() if step is not None else texts.no_longer_open())
        return
    await query.answer()
    if callback_data.contact is Contact.PHONE and not turn.draft.contact_phone:
        await ask_phone(turn)
        return
    await submit_with(
        turn,
        callback_data.contact.value,
        intake=intake,
        session=session,
        unit_of_work=unit_of_work,
        cipher=cipher,
        pseudonym=pseudonym,
    )


async def ask_phone(turn: Turn) -> None:
    await turn.state.set_state(Intake.contact_phone)
    await turn.say(texts.phone_prompt(), keyboards.phone_keyboard())


async def on_phone_again(query: CallbackQuery, state: FSMContext, clock: Clock) -> None:
    if not isinstance(query.message, Message) or await current_step(state) is not Step.CONTACT:
        await query.answer(texts.stale_button())
        return
    await query.answer()
    await ask_phone(await Turn.load(query.message, state, clock))


async def submit_with(
    turn: Turn,
    contact: str,
    *,
    intake: IntakeService,
    session: AsyncSession,
    unit_of_work: UnitOfWork,
    cipher: Cipher,
    pseudonym: str | None,
) -> None:
    draft, message, state = turn.draft, turn.target, turn.state
    draft.contact = contact
    if contact != "phone":
        draft.contact_phone = None
    missing = draft.first_unanswered_required()
    if missing is not None:
        await turn.say(texts.one_more_answer())
        draft.editing = True
        await turn.ask(missing)
        return
    try:
        chat_id = message.chat.id if contact == "chat" else None
        result = await intake.submit_numbered_at_commit(
            session, draft, pseudonym=pseudonym or "", notify_chat_id=chat_id, now=turn.now
        )
    except DailyLimitReached:
        await message.answer(texts.limit_text(intake.max_per_day))
        return
    if isinstance(result, Submitted):  # filed before (a second delivery of this Send)
        await state.clear()
        await message.answer(texts.already_received(result.case_number), reply_markup=main_menu())
        return
    now = turn.now or datetime.now(UTC)
    # The tip, its alert, the receipt (in the outbox, in case the message below does not arrive), the end of the
    # draft and the case number are one commit; the receipt is kept in the conversation for a while to show it
    # again on a second tap. The number is the commit's last statement (see Ledger.file_numbered_at_commit).
    key = await receipts.enqueue(
        session, cipher, tip_id=result.tip_id, chat_id=message.chat.id, code=result.receipt, lang=draft.lang, now=now
    )
    to_clear = [mid for mid, ts in draft.message_ids if time.time() - ts < DELETABLE_SECONDS]
    await state.set_state(Intake.submitted)
    await state.set_data({"clear": to_clear, "receipt": receipts.remembered(result.tip_id, result.receipt, now)})
    case_number = await _commit_numbered(session, unit_of_work, result)
    receipt = receipts.Receipt(case_number=case_number, code=result.receipt, lang=draft.lang)
    sent = await _send_receipt(message, receipt)
    if sent is None:
        await receipts.failed(session, key, now)  # the outbox sends it as soon as Telegram takes messages again
        return
    # Written with the update's last commit (with the conversation below), not in a transaction of its own.
    unit_of_work.write_at_commit(*receipts.sent(key, sent.message_id, now))
    await state.update_data({"clear": [*to_clear, sent.message_id]})


async def _commit_numbered(session: AsyncSession, unit_of_work: UnitOfWork, filed: Unnumbered) -> str:
    """Commit the filing with its number taken last (SQLite), or by the commit itself (PostgreSQL); the number."""
    numbered: list[str] = []
    if filed.numbering:
        *first, (last, values) = filed.numbering
        for statement, first_values in first:
            unit_of_work.write_at_commit(statement, first_values)
        unit_of_work.write_at_commit(last, values, on_result=lambda rows: numbered.append(rows.scalar_one()))
    await session.commit()
    if numbered:
        return numbered[-1]
    row = await unit_of_work.read_one(*filed.number_query)
    if row is None:  # the tip was committed above: it cannot be missing
        raise LookupError("a tip filed in this update has no row")
    return str(row[0])


async def _send_receipt(message: MaybeInaccessibleMessageUnion, receipt: receipts.Receipt) -> Message | None:
    """The receipt, and under it the offer to delete the conversation (one message: in a crowd every message sent
    is time another reporter waits)."""
    text = texts.receipt_text(receipt.case_number, receipt.code) + "\n\n" + texts.clear_offer()
    try:
        return await message.answer(text, reply_markup=keyboards.clear_chat_keyboard())
    except (AiogramError, TimeoutError, OSError) as exc:  # 5xx, 429, an HTML error page, a dropped connection
        log.warning("the receipt message failed (%s); the outbox will deliver it", type(exc).__name__)
        return None


async def _show_receipt_again(message: Message, state: FSMContext, session: AsyncSession, now: datetime) -> bool:
    """A second tap on Send soon after filing shows the receipt again (it may not have arrived the first time)."""
    data = await state.get_data()
    kept = data.get("receipt")
    if not kept:
        return False
    if now.timestamp() - kept.get("at", 0) > RECEIPT_SHOWN_AGAIN_SECONDS:
        await state.update_data({"receipt": None})
        return False
    case = await receipts.kept_case(session, kept)
    if case is None:
        return False
    await message.answer(texts.receipt_text(case, kept["code"]), reply_markup=main_menu())
    return True


# After sending ----------------------------------------------------------------------------------------------


async def on_clear_chat(query: CallbackQuery, state: FSMContext, bot: Bot) -> None:
    await _after_submit(query, state, bot, clear=True)


async def on_keep_chat(query: CallbackQuery, state: FSMContext, bot: Bot) -> None:
    await _after_submit(query, state, bot, clear=False)


async def _after_submit(query: CallbackQuery, state: FSMContext, bot: Bot, *, clear: bool) -> None:
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    if await state.get_state() != Intake.submitted.state:
        await message.answer(texts.no_longer_open(), reply_markup=main_menu())
        return
    ids = sorted(set((await state.get_data()).get("clear", [])))
    await state.clear()
    if not clear:
        await message.answer(texts.keep_code_safe(), reply_markup=main_menu())
        return
    for start in range(0, len(ids), 100):
        try:
            await bot.delete_messages(message.chat.id, ids[start : start + 100])
        except Exception as exc:  # some may be too old or gone already; the rest are still deleted
            log.warning("clearing the report chat partly failed: %s", type(exc).__name__)
    await message.answer(texts.chat_deleted(), reply_markup=main_menu())
