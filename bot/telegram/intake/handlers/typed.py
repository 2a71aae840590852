"""Typed answers, files, locations and contact cards during a report.

What is typed is read by the core (``bot.services.intake.answers``): stored as the answer it clearly is, or the
question comes again with its buttons. Nothing typed is stored as some other answer.
"""

from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import I18n
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import places
from bot.services.evidence import EvidenceStore
from bot.services.intake import answers
from bot.services.intake import understand as u
from bot.services.intake.answers import Outcome
from bot.services.intake.draft import (
    MAX_EVIDENCE_BYTES,
    MAX_EVIDENCE_ITEMS,
    MAX_SHORT_ANSWER,
    MAX_STORY,
    AnswerError,
    Step,
    clean_short_answer,
    clean_story_part,
    evidence_allowed,
)
from bot.services.intake.submit import IntakeService, normalize_contact_phone
from bot.services.privacy import Cipher
from bot.telegram.common.media import download_evidence, file_facts
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.flow import Clock, Intake, Turn
from bot.telegram.intake.handlers.sending import answer_check, finish_story, show_danger_help, submit_with
from bot.telegram.intake.words import labels_for
from bot.telegram.updates.unit import UnitOfWork

FREE_TEXT_STEPS = frozenset({Step.RECRUITER, Step.ROUTE})


async def on_misplaced(message: Message, state: FSMContext, clock: Clock, misplaced: str) -> None:
    """Words that are not the current question's answer (typed before it was shown, or while the bot could not tell):
    not stored; the reporter is told why, under the question again with its buttons (the one to answer now)."""
    turn = await Turn.load(message, state, clock, incoming=True)
    step = await turn.step()
    assert step is not None
    lead = texts.question_unconfirmed() if misplaced == "unconfirmed" else texts.typed_too_early()
    await turn.ask(step, lead=lead)


async def on_text(message: Message, state: FSMContext, clock: Clock, i18n: I18n) -> None:
    """A typed answer at a question with buttons or a short free-text question."""
    turn = await Turn.load(message, state, clock, incoming=True)
    step = await turn.step()
    assert step is not None
    value, error = clean_short_answer(message.text)
    if error is AnswerError.TOO_LONG:
        await turn.say(texts.answer_too_long(MAX_SHORT_ANSWER))
        return
    if value is None:
        await turn.ask(step, lead=texts.not_understood_free())
        return
    if step is Step.WHERE and await _picker_named(turn, value, i18n):
        return
    result = answers.typed(turn.draft, step, value, labels_for(i18n, step))
    if result.outcome is Outcome.STORED:
        if step is Step.DANGER and turn.draft.danger_now in ("yes", "unknown"):
            await show_danger_help(turn)
        await turn.next(step)
    elif result.outcome is Outcome.NOTED and step is Step.CATEGORY:
        await turn.ask(step, lead=texts.pick_a_category())
    elif result.outcome is Outcome.NOTED:
        await turn.say(texts.which_regency(value), keyboards.for_step(Step.WHERE))
    elif step in FREE_TEXT_STEPS:
        await turn.ask(step, lead=texts.not_understood_free())
    else:
        await turn.ask(step, lead=texts.not_understood(value))


async def _picker_named(turn: Turn, value: str, i18n: I18n) -> bool:
    """ "Timor", "Luar negeri", "Abroad" typed at the place question: the same list as the button opens."""
    code = labels_for(i18n, Step.WHERE).get(u.normalise(value))
    if code is None:
        return False
    markup = keyboards.away_keyboard(code) if code in keyboards.AWAY else keyboards.regencies_keyboard(code)
    await turn.say(texts.question(Step.WHERE), markup)
    return True


async def on_story_text(message: Message, state: FSMContext, clock: Clock) -> None:
    """Part of the story; "selesai", "sudah", "done", "remata" alone finish it, as Done does."""
    turn = await Turn.load(message, state, clock, incoming=True)
    step = await turn.step()
    assert step is not None
    text = message.text or ""
    if u.done(text):
        await finish_story(turn, step)
        return
    value, error = clean_story_part(text, turn.draft.story_length)
    if error is AnswerError.TOO_LONG:
        await turn.say(texts.story_too_long(MAX_STORY), keyboards.for_step(step))
        return
    if value is None:
        await turn.say(texts.story_needed(), keyboards.for_step(step))
        return
    turn.draft.story.append(value)
    turn.draft.unmark_skipped(Step.STORY)
    await turn.say(texts.story_added(step is Step.EVIDENCE), keyboards.for_step(step))


async def on_review_text(
    message: Message,
    state: FSMContext,
    clock: Clock,
    intake: IntakeService,
    session: AsyncSession,
    unit_of_work: UnitOfWork,
    cipher: Cipher,
    pseudonym: str | None = None,
) -> None:
    """At the review: the answer to a contradiction asked about, "kirim" (send anonymously), or a phone number."""
    turn = await Turn.load(message, state, clock, incoming=True)
    text = (message.text or "").strip()
    if turn.draft.checking:
        read = u.yes_no(text) if turn.draft.checking == "minors" else u.danger(text)
        if read.value is None:
            await turn.ask(Step.REVIEW, lead=texts.not_understood(text))
            return
        await answer_check(turn, turn.draft.checking, read.value)
        return
    if u.send(text):
        await submit_with(
            turn,
            "anonymous",
            intake=intake,
            session=session,
            unit_of_work=unit_of_work,
            cipher=cipher,
            pseudonym=pseudonym,
        )
        return
    phone = normalize_contact_phone(text)
    if phone is not None:
        turn.draft.contact, turn.draft.contact_phone = "phone", phone
        await state.set_state(Intake.contact_phone)
        await turn.say(texts.phone_confirm(phone), keyboards.phone_confirm_keyboard())
        return
    await turn.say(texts.use_the_buttons_below(), keyboards.review_keyboard())


async def on_phone_text(message: Message, state: FSMContext, clock: Clock) -> None:
    turn = await Turn.load(message, state, clock, incoming=True)
    await phone_answer(turn, message.text or "")


async def phone_answer(turn: Turn, text: str) -> None:
    phone = normalize_contact_phone(text)
    if phone is None:
        await turn.say(texts.phone_invalid(), keyboards.phone_keyboard())
        return
    turn.draft.contact, turn.draft.contact_phone = "phone", phone
    await turn.say(texts.phone_confirm(phone), keyboards.phone_confirm_keyboard())


# Files, locations, contact cards, everything else --------------------------------------------------------


async def on_media(message: Message, state: FSMContext, bot: Bot, evidence_store: EvidenceStore, clock: Clock) -> None:
    turn = await Turn.load(message, state, clock, incoming=True)
    draft = turn.draft
    step = await turn.step()
    kind, _file_id, size, mime = file_facts(message)
    continues = " " + texts.report_continues()
    if len(draft.evidence) >= MAX_EVIDENCE_ITEMS:
        await turn.say(texts.too_many_files(MAX_EVIDENCE_ITEMS))
        return
    if not evidence_allowed(kind, mime):
        await turn.say(texts.file_type_refused() + continues)
        return
    if size is not None and size > MAX_EVIDENCE_BYTES:
        await turn.say(texts.file_too_big() + continues)
        return
    item = await download_evidence(bot, evidence_store, message)
    if item is None:
        await turn.say(texts.file_failed() + continues)
        return
    draft.evidence.append(item)
    draft.unmark_skipped(Step.EVIDENCE)
    if step is Step.STORY and kind in ("voice", "audio", "video_note"):
        reply = texts.voice_added()
    else:
        reply = texts.file_received(len(draft.evidence), MAX_EVIDENCE_ITEMS)
        if step not in (Step.STORY, Step.EVIDENCE):
            reply += " " + texts.will_be_attached()
    await turn.say(reply, keyboards.for_step(step) if step in (Step.STORY, Step.EVIDENCE) else None)


async def on_location(message: Message, state: FSMContext, clock: Clock) -> None:
    turn = await Turn.load(message, state, clock, incoming=True)
    draft = turn.draft
    assert message.location is not None
    draft.location = (round(message.location.latitude, 5), round(message.location.longitude, 5))
    regency = places.regency_for_location(message.location.latitude, message.location.longitude)
    if regency and not draft.regency:
        draft.regency = regency
    draft.unmark_skipped(Step.WHERE)
    step = await turn.step()
    if step is Step.WHERE:
        await turn.next(step, lead=texts.location_received(False))
        return
    await turn.say(texts.location_received(True))


async def on_contact_card(message: Message, state: FSMContext, clock: Clock) -> None:
    turn = await Turn.load(message, state, clock, incoming=True)
    assert message.contact is not None
    step = await turn.step()
    if await state.get_state() == Intake.contact_phone.state:
        await phone_answer(turn, message.contact.phone_number)
        return
    if step is Step.RECRUITER:
        # A shared contact card of the recruiter is exactly the answer to this question.
        name = " ".join(filter(None, [message.contact.first_name, message.contact.last_name]))
        turn.draft.recruiter = f"{name} {message.contact.phone_number}".strip()
        turn.draft.unmark_skipped(step)
        await turn.next(step)
        return
    await unsupported(turn, step)


async def on_unsupported(message: Message, state: FSMContext, clock: Clock) -> None:
    turn = await Turn.load(message, state, clock, incoming=True)
    await unsupported(turn, await turn.step())


async def unsupported(turn: Turn, step: Step | None) -> None:
    if step is None:
        await turn.say(texts.unsupported())
        return
    await turn.ask(step, lead=texts.unsupported())
