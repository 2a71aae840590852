"""Check a whole job offer: one question per message (bot.services.registry.offer_check), then the warning signs
found, the risk, a "read more" button per sign and "Report this offer" (a report prefilled from the answers).

Answers live in the FSM data (SQL storage, committed at once), so a restart resumes at the same question.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, MaybeInaccessibleMessageUnion, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.clock import Clock
from bot.services.intake.submit import IntakeService
from bot.services.registry import QUESTIONS, assess_offer, offer_to_tip_prefill
from bot.services.registry.offer_check import MIDDLE_EAST_TOPIC, QUESTIONS_BY_ID, upgrade_saved_answers
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import start_report
from bot.telegram.recruiter import keyboards, offer_texts, texts
from bot.telegram.recruiter.articles import FALLBACK_LANG, article_view
from bot.telegram.recruiter.callbacks import OfferAnswer, OfferNav
from bot.telegram.recruiter.guard import not_command, refuse_during_report, report_open
from bot.telegram.recruiter.states import RecruiterCheck

# The check in progress: {"answers": {question: option}, "q": the question being asked}. Kept by question id, not
# position, so that a check saved before the questions changed resumes at the right one.
OFFER_KEY = "rc_offer"
RESULTS_KEY = "rc_offers"  # finished checks by number, for their "Report this offer" button
SEQ_KEY = "rc_offer_seq"
KEEP_RESULTS = 5
# Articles a result can point to: each question's, plus those the core adds.
TOPICS = frozenset(
    {q.topic_id for q in QUESTIONS}
    | {"redflags.signs", "recruiter.check", "recruiter.individual_broker", MIDDLE_EAST_TOPIC}
)
# Telegram's limit for one message.
MAX_MESSAGE = 4096
IN_OFFER = StateFilter(RecruiterCheck.offer)


def register(router: Router) -> None:
    router.callback_query.register(on_answer, OfferAnswer.filter(), IN_OFFER)
    router.callback_query.register(on_nav, OfferNav.filter())
    router.message.register(on_message, IN_OFFER, not_command)


async def start(target: MaybeInaccessibleMessageUnion, state: FSMContext) -> None:
    if await report_open(state):
        await refuse_during_report(target)
        return
    await state.set_state(RecruiterCheck.offer)
    await _save(state, {}, 0)
    await target.answer(offer_texts.intro())
    await _ask(target, {}, 0)


async def _save(state: FSMContext, answers: dict[str, str], pos: int) -> None:
    await state.update_data({OFFER_KEY: {"answers": answers, "q": QUESTIONS[pos].id}})


async def _progress(state: FSMContext) -> tuple[dict[str, str], int]:
    saved = (await state.get_data()).get(OFFER_KEY) or {}
    stored = saved.get("answers")
    answers = upgrade_saved_answers(stored if isinstance(stored, dict) else {})
    ids = [q.id for q in QUESTIONS]
    if saved.get("q") in ids:
        return answers, ids.index(saved["q"])
    # Saved by position under an older list of questions: go on with the first one not answered.
    pos = next((i for i, q in enumerate(QUESTIONS) if q.id not in answers), len(QUESTIONS) - 1)
    return answers, pos


async def _ask(target: MaybeInaccessibleMessageUnion, answers: dict[str, str], pos: int) -> None:
    question = QUESTIONS[pos]
    text = offer_texts.progress(pos + 1, len(QUESTIONS)) + "\n\n<b>" + offer_texts.question(question.id) + "</b>"
    markup = keyboards.question(question, first=pos == 0, chosen=answers.get(question.id))
    await target.answer(text, reply_markup=markup)


async def on_answer(query: CallbackQuery, callback_data: OfferAnswer, state: FSMContext) -> None:
    answers, pos = await _progress(state)
    current = QUESTIONS[pos]
    question = QUESTIONS_BY_ID.get(callback_data.question)
    if question is None or callback_data.option not in question.options:
        await query.answer(texts.no_longer_active())
        return
    if question.id != current.id or query.message is None:
        await query.answer(offer_texts.stale_question())
        return
    await query.answer()
    answers[question.id] = callback_data.option
    if pos + 1 < len(QUESTIONS):
        await _save(state, answers, pos + 1)
        await _ask(query.message, answers, pos + 1)
        return
    await _finish(query.message, state, answers)


async def _finish(target: MaybeInaccessibleMessageUnion, state: FSMContext, answers: dict[str, str]) -> None:
    assessment = assess_offer(answers)
    data = await state.get_data()
    number = int(data.get(SEQ_KEY, 0)) + 1
    results = dict(data.get(RESULTS_KEY) or {})
    results[str(number)] = answers
    for old in sorted(results, key=int)[:-KEEP_RESULTS]:
        del results[old]
    await state.update_data({SEQ_KEY: number, RESULTS_KEY: results, OFFER_KEY: None})
    await state.set_state(None)
    markup = keyboards.offer_result(number, assessment, readable=_has_article)
    await target.answer(offer_texts.result_text(assessment), reply_markup=markup)


def _has_article(topic: str) -> bool:
    # A "read more" button only for an article the knowledge base has (in any language: the reader's, else id).
    return article_view(topic, FALLBACK_LANG) is not None


async def on_nav(
    query: CallbackQuery,
    callback_data: OfferNav,
    state: FSMContext,
    locale: str,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    pseudonym: str | None = None,
) -> None:
    action = callback_data.action
    message = query.message
    if message is None:
        await query.answer()
        return
    if action == "read":
        await _read(query, callback_data.topic, locale)
        return
    if action == "report":
        await _report(query, state, callback_data.result, intake, session, clock, locale, pseudonym)
        return
    if action not in ("back", "cancel") or await state.get_state() != RecruiterCheck.offer.state:
        await query.answer(texts.no_longer_active())
        return
    await query.answer()
    answers, pos = await _progress(state)
    if action == "cancel":
        await state.update_data({OFFER_KEY: None})
        await state.set_state(None)
        await message.answer(offer_texts.cancelled(), reply_markup=main_menu())
        return
    pos = max(0, pos - 1)
    await _save(state, answers, pos)
    await _ask(message, answers, pos)


async def _read(query: CallbackQuery, topic: str, locale: str) -> None:
    if topic not in TOPICS or query.message is None:
        await query.answer(texts.no_longer_active())
        return
    await query.answer()
    view = article_view(topic, locale)
    if view is None:
        await query.message.answer(offer_texts.article_missing())
        return
    text = "📖 <b>" + view.title + "</b>"
    if view.summary:
        text += "\n<i>" + view.summary + "</i>"
    if view.body_html and len(text) + 2 + len(view.body_html) <= MAX_MESSAGE:
        text += "\n\n" + view.body_html
    await query.message.answer(text)


async def _report(
    query: CallbackQuery,
    state: FSMContext,
    number: int,
    intake: IntakeService,
    session: AsyncSession,
    clock: Clock,
    locale: str,
    pseudonym: str | None,
) -> None:
    answers = ((await state.get_data()).get(RESULTS_KEY) or {}).get(str(number))
    prefill = offer_to_tip_prefill(upgrade_saved_answers(answers)) if isinstance(answers, dict) else None
    if prefill is None or query.message is None:
        await query.answer(texts.no_longer_active())
        return
    await query.answer()
    await start_report(
        query.message,
        state,
        intake=intake,
        session=session,
        clock=clock,
        locale=locale,
        pseudonym=pseudonym,
        prefill=prefill,
    )


async def on_message(message: Message, state: FSMContext) -> None:
    """Text, stickers, photos while a question is open: say how to answer, and show the question again."""
    await message.answer(offer_texts.answer_with_buttons())
    answers, pos = await _progress(state)
    await _ask(message, answers, pos)
