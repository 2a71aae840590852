"""Report a case: handlers of the guided report. Thin: the draft logic is in bot.services.intake."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.exceptions import AiogramError
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import places
from bot.services.evidence import EvidenceStore
from bot.services.intake import receipt as receipts
from bot.services.intake.draft import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_ITEMS,
    MAX_SHORT_ANSWER,
    MAX_STORY,
    AnswerError,
    Draft,
    Step,
    clean_short_answer,
    clean_story_part,
    evidence_allowed,
    parse_yes_no,
    people_choice_from_text,
)
from bot.services.intake.submit import DailyLimitReached, IntakeService, normalize_contact_phone
from bot.services.privacy import Cipher
from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.common.keyboards import main_menu
from bot.telegram.common.media import download_evidence, file_facts
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.callbacks import Answer, Nav
from bot.telegram.intake.flow import (
    CHOICE_FIELD,
    DRAFT_KEY,
    Intake,
    ask,
    current_step,
    load_draft,
    save_draft,
    say,
    track,
)

log = logging.getLogger(__name__)
# Telegram lets a bot delete messages in a private chat for 48 hours; keep a margin for clock skew.
DELETABLE_SECONDS = 47 * 3600
RECEIPT_SHOWN_AGAIN_SECONDS = 3600
SAFE_COMMANDS = ("emergency", "darurat", "sos", "language", "bahasa", "lang")
IN_REPORT = StateFilter(*[s for s in Intake.__all_states__ if s is not Intake.submitted])


def build_router() -> Router:
    router = Router(name="intake")
    router.callback_query.register(on_menu_report, MenuCallback.filter(F.action == MenuAction.REPORT))
    router.message.register(on_report_command, Command("report", "lapor"))
    router.message.register(on_start_during_report, CommandStart(), IN_REPORT)
    # Other commands would start another journey and abandon the draft: offer to continue or discard instead.
    # Help that changes nothing (emergency numbers, language) still works in the middle of a report.
    router.message.register(on_start_during_report, IN_REPORT, F.text.startswith("/"), ~Command(*SAFE_COMMANDS))
    router.callback_query.register(on_answer, Answer.filter(), IN_REPORT)
    router.callback_query.register(on_nav, Nav.filter())
    router.message.register(on_media, IN_REPORT, F.photo | F.document | F.voice | F.video | F.audio | F.video_note)
    router.message.register(on_location, IN_REPORT, F.location)
    router.message.register(on_contact_card, IN_REPORT, F.contact)
    router.message.register(on_text, IN_REPORT, F.text, ~F.text.startswith("/"))
    router.message.register(on_unsupported, IN_REPORT, ~F.text.startswith("/"))
    router.callback_query.register(on_stale_answer, Answer.filter())
    return router


# Starting ------------------------------------------------------------------------------------------------


async def on_menu_report(query: CallbackQuery, state: FSMContext, **deps) -> None:
    await query.answer()
    if query.message is not None:
        await begin(query.message, state, **deps)


async def on_report_command(message: Message, state: FSMContext, **deps) -> None:
    await begin(message, state, **deps)


async def begin(
    target: Message,
    state: FSMContext,
    *,
    intake: IntakeService,
    session: AsyncSession,
    locale: str,
    pseudonym: str | None = None,
    prefill: dict | None = None,
    **_deps,
) -> None:
    """Start a report (or offer to resume one in progress). ``prefill`` carries answers already known."""
    if await current_step(state) is not None:
        await target.answer(_("You have a report in progress."), reply_markup=keyboards.resume_keyboard())
        return
    if pseudonym is not None and await intake.limit_reached(session, pseudonym):
        await target.answer(limit_text(intake.max_per_day), reply_markup=main_menu())
        return
    draft = Draft(lang=locale)
    if prefill:
        draft.apply_prefill(prefill)
    intro = await target.answer(
        "🛡 <b>"
        + _("Report a case")
        + "</b>\n"
        + _(
            "Your report is anonymous: we do not record your name, number or Telegram account with it. "
            "Answer what you know; you can skip what you don't know, go back, or cancel at any time."
        )
    )
    track(draft, intro)
    await ask(target, state, draft, Step.DANGER)


async def on_start_during_report(message: Message, state: FSMContext) -> None:
    draft = await load_draft(state)
    track(draft, message)
    await save_draft(state, draft)
    await message.answer(
        _("You have a report in progress. Do you want to continue it or discard it?"),
        reply_markup=keyboards.resume_keyboard(),
    )


def limit_text(limit: int) -> str:
    return _(
        "You have already sent {limit} reports today, the most for one day. Please send the next one tomorrow. "
        "If someone is in danger now, call the police on 110."
    ).format(limit=limit)


# Button answers ------------------------------------------------------------------------------------------


async def on_answer(query: CallbackQuery, callback_data: Answer, state: FSMContext) -> None:
    step = await current_step(state)
    if step is None or callback_data.step != step.value or query.message is None:
        await on_stale_answer(query)
        return
    await query.answer()
    draft = await load_draft(state)
    value = callback_data.value
    message = query.message
    if step is Step.WHERE and value.startswith("island="):
        island = value.split("=", 1)[1]
        if island in ("elsewhere_id", "abroad"):
            draft.regency = island
            await _next(message, state, draft, step)
        else:
            await say(
                message, state, draft, texts.question(Step.WHERE), reply_markup=keyboards.regencies_keyboard(island)
            )
        return
    if not apply_button(draft, step, value):
        await on_stale_answer(query)
        return
    if step is Step.DANGER and value == "yes":
        draft.urgent = True
        await say(message, state, draft, texts.danger_now_advice())
    if step is Step.CONTACT and value == "phone":
        await state.set_state(Intake.contact_phone)
        await say(
            message,
            state,
            draft,
            _("Write the phone number the task force may call, for example 0812 3456 7890."),
            reply_markup=keyboards.InlineKeyboardMarkup(inline_keyboard=[keyboards.nav_row(Step.CONTACT)]),
        )
        return
    await _next(message, state, draft, step)


def apply_button(draft: Draft, step: Step, value: str) -> bool:
    """Store a button answer on the draft; False when the value is not one this step offers."""
    from bot.services.intake import draft as d

    choices = {
        Step.DANGER: d.YES_NO_UNKNOWN,
        Step.CATEGORY: d.CATEGORIES,
        Step.WHEN: d.DEPARTURES,
        Step.PEOPLE: d.PEOPLE_CHOICES,
        Step.MINORS: d.YES_NO_UNKNOWN,
        Step.RELATION: d.RELATIONS,
        Step.CONTACT: d.CONTACT_CHOICES,
    }
    if step is Step.WHERE and value.startswith("regency="):
        code = value.split("=", 1)[1]
        if places.regency(code) is None:
            return False
        draft.regency = code
    elif step in choices and value in choices[step]:
        field = CHOICE_FIELD[step]
        setattr(draft, field, value)
        if step is Step.CONTACT and value != "phone":
            draft.contact_phone = None
    else:
        return False
    draft.unmark_skipped(step)
    return True


async def _next(message: Message, state: FSMContext, draft: Draft, step: Step) -> None:
    await ask(message, state, draft, draft.next_step(step))


async def on_stale_answer(query: CallbackQuery) -> None:
    await query.answer(_("This button belongs to an earlier question. Please answer the latest one."))


# Typed answers -------------------------------------------------------------------------------------------


async def on_text(message: Message, state: FSMContext) -> None:
    step = await current_step(state)
    draft = await load_draft(state)
    track(draft, message)
    text = message.text or ""
    if not text.strip():
        await save_draft(state, draft)
        await message.answer(_("Please write an answer, or use the buttons."))
        return
    if await state.get_state() == Intake.contact_phone.state:
        await _phone_answer(message, state, draft, text)
        return
    if step is Step.STORY or step is Step.EVIDENCE:
        await _story_part(message, state, draft, text, step)
        return
    if step is Step.REVIEW:
        await save_draft(state, draft)
        await message.answer(_("Please use the buttons below the summary to change an answer or to submit."))
        return
    value, error = clean_short_answer(text)
    if error is AnswerError.TOO_LONG or value is None or step is None:
        await save_draft(state, draft)
        await message.answer(
            _(
                "That answer is too long for this question: at most {limit} characters. Please shorten it; "
                "there is room for the whole story later."
            ).format(limit=MAX_SHORT_ANSWER)
        )
        return
    if not apply_text(draft, step, value):
        await save_draft(state, draft)
        await message.answer(_("Please choose one of the buttons, or write your answer in a few words."))
        return
    if step is Step.DANGER and draft.danger_now == "yes":
        draft.urgent = True
        await say(message, state, draft, texts.danger_now_advice())
    if step is Step.CONTACT and draft.contact == "phone" and not draft.contact_phone:
        await _phone_answer(message, state, draft, value)
        return
    await _next(message, state, draft, step)


def apply_text(draft: Draft, step: Step, value: str) -> bool:
    """Store a typed answer; every typed answer is kept, mapped to a choice where it clearly is one."""
    draft.unmark_skipped(step)
    if step is Step.DANGER:
        draft.danger_now = parse_yes_no(value) or "unknown"
        if draft.danger_now != "no":
            draft.note(step, value)
    elif step is Step.CATEGORY:
        draft.category = draft.category or "other"
        draft.category_text = value
    elif step is Step.WHERE:
        draft.place_text = value
        found = places.find_places(value)
        regency = next((m.regency_code for m in found if m.regency_code), None)
        # "Malaysia" or "Kalimantan" names no NTT regency, but says abroad / elsewhere in Indonesia.
        region = next((m.region for m in found if m.region in (places.ABROAD, places.ELSEWHERE_ID)), None)
        if regency or region:
            draft.regency = regency or region
    elif step is Step.WHEN:
        draft.when_text = value
    elif step is Step.PEOPLE:
        draft.people = people_choice_from_text(value) or "unknown"
        draft.note(step, value)
    elif step is Step.MINORS:
        draft.minors = parse_yes_no(value) or "unknown"
        draft.note(step, value)
    elif step is Step.RECRUITER:
        draft.recruiter = value
    elif step is Step.ROUTE:
        draft.route = value
    elif step is Step.RELATION:
        draft.relation = draft.relation or "other"
        draft.relation_text = value
    elif step is Step.CONTACT:
        if normalize_contact_phone(value):
            draft.contact = "phone"
            return True
        return False
    else:
        return False
    return True


async def _story_part(message: Message, state: FSMContext, draft: Draft, text: str, step: Step) -> None:
    value, error = clean_story_part(text, draft.story_length)
    if error is AnswerError.TOO_LONG:
        await save_draft(state, draft)
        await message.answer(
            _(
                "Your story has reached {limit} characters, the most I can keep in one report. This last part "
                "was not added. You can send a voice note instead, or press Done."
            ).format(limit=MAX_STORY),
            reply_markup=keyboards.for_step(step),
        )
        return
    assert value is not None
    draft.story.append(value)
    draft.unmark_skipped(Step.STORY)
    await save_draft(state, draft)
    if step is Step.EVIDENCE:
        reply = _("Added to your story. Send files, or press Done.")
    else:
        reply = _("Added. Write more, send a voice note, or press Done.")
    await say(message, state, draft, reply, reply_markup=keyboards.for_step(step))


async def _phone_answer(message: Message, state: FSMContext, draft: Draft, text: str) -> None:
    phone = normalize_contact_phone(text)
    if phone is None:
        await save_draft(state, draft)
        await message.answer(
            _(
                "That does not look like a phone number. Please write it with its area or country code, "
                "for example 0812 3456 7890 or +60 12 345 6789."
            ),
            reply_markup=keyboards.InlineKeyboardMarkup(inline_keyboard=[keyboards.nav_row(Step.CONTACT)]),
        )
        return
    draft.contact = "phone"
    draft.contact_phone = phone
    await _next(message, state, draft, Step.CONTACT)


# Files, locations, contact cards, everything else --------------------------------------------------------


async def on_media(message: Message, state: FSMContext, bot: Bot, evidence_store: EvidenceStore) -> None:
    draft = await load_draft(state)
    track(draft, message)
    step = await current_step(state)
    kind, _file_id, size, mime = file_facts(message)
    if len(draft.evidence) >= MAX_EVIDENCE_ITEMS:
        await save_draft(state, draft)
        await message.answer(
            _("You have already added {limit} files, the most for one report.").format(limit=MAX_EVIDENCE_ITEMS)
        )
        return
    if not evidence_allowed(kind, mime):
        await save_draft(state, draft)
        await message.answer(
            _("This type of file cannot be added. Send photos, PDF or Word documents, voice notes, audio or videos.")
            + " "
            + _("Your report continues.")
        )
        return
    if size is not None and size > MAX_EVIDENCE_BYTES:
        await save_draft(state, draft)
        await message.answer(
            _("This file is larger than 20 MB, so I cannot receive it. Try a shorter video or a smaller file.")
            + " "
            + _("Your report continues.")
        )
        return
    item = await download_evidence(bot, evidence_store, message)
    if item is None:
        await save_draft(state, draft)
        await message.answer(
            _("I could not receive this file. Please try sending it again.") + " " + _("Your report continues.")
        )
        return
    draft.evidence.append(item)
    draft.unmark_skipped(Step.EVIDENCE)
    if step is Step.STORY and kind in ("voice", "audio", "video_note"):
        reply = _("Voice note received and added to your story. Say or write more, or press Done.")
    else:
        reply = _("Received ({count} of {limit}).").format(count=len(draft.evidence), limit=MAX_EVIDENCE_ITEMS)
        if step is not Step.EVIDENCE:
            reply += " " + _("It will be attached to your report.")
    markup = keyboards.for_step(step) if step in (Step.STORY, Step.EVIDENCE) else None
    await say(message, state, draft, reply, reply_markup=markup)


async def on_location(message: Message, state: FSMContext) -> None:
    draft = await load_draft(state)
    track(draft, message)
    assert message.location is not None
    draft.location = (round(message.location.latitude, 5), round(message.location.longitude, 5))
    regency = places.regency_for_location(message.location.latitude, message.location.longitude)
    if regency and not draft.regency:
        draft.regency = regency
    draft.unmark_skipped(Step.WHERE)
    step = await current_step(state)
    if step is Step.WHERE:
        await say(message, state, draft, _("Location received."))
        await _next(message, state, draft, step)
        return
    await say(message, state, draft, _("Location received. It will be attached to your report."))


async def on_contact_card(message: Message, state: FSMContext) -> None:
    step = await current_step(state)
    assert message.contact is not None
    if await state.get_state() == Intake.contact_phone.state:
        draft = await load_draft(state)
        track(draft, message)
        await _phone_answer(message, state, draft, message.contact.phone_number)
        return
    if step is Step.RECRUITER:
        # A shared contact card of the recruiter is exactly the answer to this question.
        draft = await load_draft(state)
        track(draft, message)
        name = " ".join(filter(None, [message.contact.first_name, message.contact.last_name]))
        draft.recruiter = f"{name} {message.contact.phone_number}".strip()
        draft.unmark_skipped(step)
        await _next(message, state, draft, step)
        return
    await on_unsupported(message, state)


async def on_unsupported(message: Message, state: FSMContext) -> None:
    draft = await load_draft(state)
    track(draft, message)
    await save_draft(state, draft)
    step = await current_step(state)
    await message.answer(
        _("I can't use this kind of message in a report. Please answer with text, the buttons, or send a file.")
    )
    if step is not None:
        await ask(message, state, draft, step)


# Navigation ----------------------------------------------------------------------------------------------


async def on_nav(query: CallbackQuery, callback_data: Nav, state: FSMContext, **deps) -> None:
    message = query.message
    if message is None:
        await query.answer()
        return
    action = callback_data.action
    fsm_state = await state.get_state()
    if action in ("clear_yes", "clear_no"):
        await query.answer()
        await _after_submit(message, state, action == "clear_yes", deps["bot"])
        return
    if action in ("resume", "discard"):
        await query.answer()
        await _resume_or_discard(message, state, action == "resume", **deps)
        return
    step = await current_step(state)
    if fsm_state == Intake.submitted.state and action == "submit":
        await query.answer()
        if await _show_receipt_again(message, state, deps["clock"]()):
            return
        await message.answer(_("This report is no longer open."), reply_markup=main_menu())
        return
    if step is None or fsm_state == Intake.submitted.state:
        await query.answer(_("This report is no longer open."))
        return
    await query.answer()
    draft = await load_draft(state)
    if action == "back":
        if draft.editing:
            await ask(message, state, draft, Step.REVIEW)
            return
        previous = draft.previous_step(step)
        await ask(message, state, draft, previous or step)
    elif action == "skip":
        draft.mark_skipped(step)
        await _next(message, state, draft, step)
    elif action == "where":
        await ask(message, state, draft, Step.WHERE)
    elif action == "done":
        if step is Step.STORY and not draft.story and not any(e.kind in ("voice", "audio") for e in draft.evidence):
            await say(
                message,
                state,
                draft,
                _("Please write at least a few words about what happened, or send a voice note."),
                reply_markup=keyboards.for_step(step),
            )
            return
        await _next(message, state, draft, step)
    elif action == "edit":
        target = Step(callback_data.step) if callback_data.step in Step._value2member_map_ else None
        if target is None or target is Step.REVIEW:
            await ask(message, state, draft, Step.REVIEW)
            return
        draft.editing = True
        await ask(message, state, draft, target)
    elif action == "cancel":
        await say(
            message,
            state,
            draft,
            _("Cancel this report? Everything you entered will be deleted and nothing will be sent."),
            reply_markup=keyboards.confirm_cancel_keyboard(step),
        )
    elif action == "cancel_no":
        await ask(message, state, draft, step)
    elif action == "cancel_yes":
        await _discard(state, draft, deps["evidence_store"])
        await message.answer(_("The report was deleted. Nothing was sent."), reply_markup=main_menu())
    elif action == "submit":
        await _submit(message, state, draft, **deps)


async def _discard(state: FSMContext, draft: Draft, store: EvidenceStore) -> None:
    for item in draft.evidence:
        store.delete(item.ref)
    await state.clear()


async def _resume_or_discard(message: Message, state: FSMContext, resume: bool, **deps) -> None:
    step = await current_step(state)
    draft = await load_draft(state)
    if step is None:
        await message.answer(_("This report is no longer open."), reply_markup=main_menu())
        return
    if resume:
        await ask(message, state, draft, step)
        return
    await _discard(state, draft, deps["evidence_store"])
    await message.answer(_("The report was deleted. Nothing was sent."), reply_markup=main_menu())


# Submitting ----------------------------------------------------------------------------------------------


async def _submit(
    message: Message,
    state: FSMContext,
    draft: Draft,
    *,
    intake: IntakeService,
    session: AsyncSession,
    cipher: Cipher,
    clock: Callable[[], datetime],
    pseudonym: str | None = None,
    **_deps,
) -> None:
    missing = draft.first_unanswered_required()
    if missing is not None:
        await say(message, state, draft, _("One more answer is needed before the report can be sent."))
        draft.editing = True
        await ask(message, state, draft, missing)
        return
    try:
        chat_id = message.chat.id if draft.contact == "chat" else None
        result = await intake.submit(session, draft, pseudonym=pseudonym or "", notify_chat_id=chat_id)
    except DailyLimitReached:
        await message.answer(limit_text(intake.max_per_day))
        return
    if result.receipt is None:
        await state.clear()
        await message.answer(
            _("This report was already received as case {case}.").format(case=result.case_number),
            reply_markup=main_menu(),
        )
        return
    now = clock()
    receipt = receipts.Receipt(case_number=result.case_number, code=result.receipt, lang=draft.lang)
    # The tip, its alert, the receipt (in the outbox, in case the message below does not arrive) and the end of the
    # draft are one commit; the receipt is kept in the conversation for a while to show it again on a second tap.
    key = await receipts.enqueue(
        session, cipher, tip_id=result.tip_id, chat_id=message.chat.id, receipt=receipt, now=now
    )
    to_clear = [mid for mid, ts in draft.message_ids if time.time() - ts < DELETABLE_SECONDS]
    await state.set_state(Intake.submitted)
    await state.set_data({"clear": to_clear, "receipt": _remembered(receipt, now)})
    await session.commit()
    sent = await _send_receipt(message, receipt)
    if sent is None:
        await receipts.failed(session, key, now)  # the outbox sends it as soon as Telegram takes messages again
        return
    await receipts.sent(session, key, sent.message_id, now)
    offer = await message.answer(
        _(
            "Do you want me to delete this conversation from your phone, so nobody who picks it up can read it? "
            "Write down your receipt code first."
        ),
        reply_markup=keyboards.clear_chat_keyboard(),
    )
    await state.update_data({"clear": [*to_clear, sent.message_id, offer.message_id]})


async def _send_receipt(message: Message, receipt: receipts.Receipt) -> Message | None:
    try:
        return await message.answer(texts.receipt_text(receipt.case_number, receipt.code))
    except (AiogramError, TimeoutError, OSError) as exc:  # 5xx, 429, an HTML error page, a dropped connection
        log.warning("the receipt message failed (%s); the outbox will deliver it", type(exc).__name__)
        return None


def _remembered(receipt: receipts.Receipt, now: datetime) -> dict:
    return {"case": receipt.case_number, "code": receipt.code, "at": now.timestamp()}


async def _show_receipt_again(message: Message, state: FSMContext, now: datetime) -> bool:
    """A second tap on Submit soon after filing shows the receipt again (it may not have arrived the first time)."""
    data = await state.get_data()
    kept = data.get("receipt")
    if not kept:
        return False
    if now.timestamp() - kept.get("at", 0) > RECEIPT_SHOWN_AGAIN_SECONDS:
        await state.update_data({"receipt": None})
        return False
    await message.answer(texts.receipt_text(kept["case"], kept["code"]), reply_markup=main_menu())
    return True


async def _after_submit(message: Message, state: FSMContext, clear: bool, bot: Bot) -> None:
    if await state.get_state() != Intake.submitted.state:
        await message.answer(_("This report is no longer open."), reply_markup=main_menu())
        return
    ids = sorted(set((await state.get_data()).get("clear", [])))
    await state.clear()
    if not clear:
        await message.answer(_("All right. Keep your receipt code safe."), reply_markup=main_menu())
        return
    for start in range(0, len(ids), 100):
        try:
            await bot.delete_messages(message.chat.id, ids[start : start + 100])
        except Exception as exc:  # some may be too old or gone already; the rest are still deleted
            log.warning("clearing the report chat partly failed: %s", type(exc).__name__)
    await message.answer(_("The conversation was deleted from this chat."), reply_markup=main_menu())


__all__ = ["DRAFT_KEY", "begin", "build_router"]
