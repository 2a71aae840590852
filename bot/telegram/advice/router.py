"""Ask about working abroad: handlers. Thin: retrieval is in bot.services.advice, filing in its questions module.

Two routers: ``build_router`` (menu entry, /tanya, browsing, votes, question buttons) may sit anywhere;
``build_question_router`` takes any text sent outside a flow as a question, so it must come after every other
journey and before the fallback.
"""

from __future__ import annotations

import contextlib
import html

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    MaybeInaccessibleMessageUnion,
    Message,
)
from aiogram.utils.i18n import I18n
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.advice import AdviceIndex, Article
from bot.services.advice.feedback import record_vote
from bot.services.advice.money import Amount
from bot.services.advice.plan import ARTICLE, CAPABILITIES, NO_WORDS, OUTSIDE, UNSURE, AnswerPlan, plan_answer
from bot.services.advice.questions import MAX_ANSWERED, DailyLimitReached, QuestionService, report_prefill
from bot.services.advice.shortanswer import fit_blocks
from bot.services.clock import Clock
from bot.services.intake.submit import IntakeService
from bot.services.preferences import LanguagePreferences
from bot.telegram.advice import keyboards, texts
from bot.telegram.advice.callbacks import Browse, QuestionAction, Vote
from bot.telegram.advice.pending import (
    PendingQuestion,
    already_voted,
    caveat_due,
    forget_question,
    pending_question,
    remember_caveat,
    remember_question,
    remember_vote,
)
from bot.telegram.advice.render import article_messages, footer, split_html
from bot.telegram.common.callbacks import MenuAction, MenuCallback
from bot.telegram.common.keyboards import main_menu
from bot.telegram.intake import start_report
from bot.telegram.recruiter.entry import check_company_row

# How much of a question the confirmation screen shows (the whole question is sent).
CONFIRM_PREVIEW = 3000

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def build_router() -> Router:
    router = Router(name="advice")
    router.callback_query.register(on_menu_ask, MenuCallback.filter(F.action == MenuAction.ASK))
    router.message.register(on_ask_command, Command("tanya", "ask"))
    router.callback_query.register(on_browse, Browse.filter())
    router.callback_query.register(on_vote, Vote.filter())
    router.callback_query.register(on_question_action, QuestionAction.filter())
    return router


def build_question_router() -> Router:
    router = Router(name="advice_questions")
    router.message.register(on_question, StateFilter(None), F.text, ~F.text.startswith("/"))
    router.message.register(on_sticker, StateFilter(None), F.sticker)
    return router


# Browsing ------------------------------------------------------------------------------------------------


async def on_menu_ask(query: CallbackQuery, advice: AdviceIndex, locale: str) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(texts.browse_intro(), reply_markup=keyboards.sections_keyboard(advice.kb, locale))


async def on_ask_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    advice: AdviceIndex,
    i18n: I18n,
    locale: str,
) -> None:
    if command.args and command.args.strip():  # "/tanya brp umur minimal": answer at once
        await answer_question(message, command.args, state=state, advice=advice, i18n=i18n, locale=locale)
        return
    await message.answer(texts.browse_intro(), reply_markup=keyboards.sections_keyboard(advice.kb, locale))


async def on_browse(query: CallbackQuery, callback_data: Browse, advice: AdviceIndex, i18n: I18n, locale: str) -> None:
    kb = advice.kb
    message = query.message
    if message is None:
        await query.answer()
        return
    if callback_data.action == "sections":
        await query.answer()
        await _show(message, texts.browse_intro(), keyboards.sections_keyboard(kb, locale), new=callback_data.new)
        return
    if callback_data.action == "section":
        section = kb.section(callback_data.ref)
        if section is None or not section.topics:
            await query.answer(texts.button_inactive())
            return
        await query.answer()
        lines = [f"<b>{html.escape(section.title(locale), quote=False)}</b>", ""]
        lines += [f"{n}. {html.escape(kb.title(t, locale), quote=False)}" for n, t in enumerate(section.topics, 1)]
        lines += ["", texts.choose_question()]
        await _show(
            message, "\n".join(lines), keyboards.section_keyboard(kb, section.id, locale), new=callback_data.new
        )
        return
    if callback_data.action == "article":
        lang = callback_data.lang if callback_data.lang in kb.languages else locale
        article = kb.article(callback_data.ref, lang) if kb.topic(callback_data.ref) else None
        if article is None:
            await query.answer(texts.button_inactive())
            return
        await query.answer()
        with i18n.use_locale(lang):
            chunks = article_messages(article, after=["<i>" + texts.was_this_helpful() + "</i>"])
            markup = keyboards.browse_article_keyboard(kb, article.topic, lang)
        await _send_all(message, chunks, markup)
        return
    if callback_data.action == "sources":
        lang = callback_data.lang if callback_data.lang in kb.languages else locale
        article = kb.article(callback_data.ref, lang) if kb.topic(callback_data.ref) else None
        if article is None:
            await query.answer(texts.button_inactive())
            return
        await query.answer()
        with i18n.use_locale(lang):
            title = "<b>" + html.escape(article.title, quote=False) + "</b>"
            await message.answer(title + "\n\n" + footer(article), link_preview_options=NO_PREVIEW)
        return
    await query.answer(texts.button_inactive())


async def _show(message: MaybeInaccessibleMessageUnion, text: str, markup: InlineKeyboardMarkup, *, new: bool) -> None:
    """Replace the menu the button was on (moving through the lists), or send a new message."""
    if not new and isinstance(message, Message):
        try:
            await message.edit_text(text, reply_markup=markup)
            return
        except TelegramBadRequest:  # too old to edit, or unchanged: show it anew
            pass
    await message.answer(text, reply_markup=markup)


async def _send_all(
    target: MaybeInaccessibleMessageUnion, chunks: list[str], markup: InlineKeyboardMarkup | None
) -> MaybeInaccessibleMessageUnion:
    """Send the message parts in order; the keyboard goes under the last one."""
    sent: MaybeInaccessibleMessageUnion = target
    for i, chunk in enumerate(chunks):
        sent = await target.answer(chunk, reply_markup=markup if i == len(chunks) - 1 else None)
    return sent


# Questions in free text ----------------------------------------------------------------------------------


async def on_question(
    message: Message,
    state: FSMContext,
    advice: AdviceIndex,
    i18n: I18n,
    locale: str,
) -> None:
    await answer_question(message, message.text or "", state=state, advice=advice, i18n=i18n, locale=locale)


async def on_sticker(message: Message) -> None:
    await message.answer(texts.no_words() + "\n\n" + texts.capabilities(), reply_markup=main_menu())


async def answer_question(
    message: Message,
    text: str,
    *,
    state: FSMContext,
    advice: AdviceIndex,
    i18n: I18n,
    locale: str,
) -> None:
    """Answer ``text`` as the core's answer plan says: short, with More and Sources, warnings first."""
    kb = advice.kb
    plan = plan_answer(advice, text, locale, caveat_shown=not await caveat_due(state))
    if plan.kind == NO_WORDS:
        await message.answer(texts.no_words() + "\n\n" + texts.capabilities(), reply_markup=main_menu())
        return
    if plan.kind == CAPABILITIES:
        await message.answer(texts.capabilities(), reply_markup=main_menu())
        return
    text = text.strip()
    token = await remember_question(
        state, PendingQuestion(text=text, lang=plan.lang, flags=list(plan.flags), topics=list(plan.topics))
    )
    with i18n.use_locale(plan.lang):
        before = []
        if plan.shortened:
            before.append("✂️ <i>" + texts.long_question(MAX_ANSWERED) + "</i>")
        if plan.flags:
            before.append(warning_html(plan))
        elif plan.offer_report:
            before.append("🛡 " + texts.report_offer())
        article = kb.article(plan.topic, plan.lang) if plan.kind == ARTICLE and plan.topic else None
        # "Check PT ..." when the question names a company (the recruiter journey's entry).
        company_row = await check_company_row(state, text)
        if article is not None:
            # Warnings and the next step always; the fact, then the caveat, only while all fits a small screen.
            # A warning that states the rule already (an amount for a zero-cost job) makes the fact the one to go.
            caveat = "ℹ️ <i>" + texts.caveat_once() + "</i>" if plan.show_caveat else ""
            summary, next_step = short_answer_html(article)
            blocks = [(b, True) for b in before] + [(summary, False), (next_step, True)]
            if caveat:
                blocks.append((caveat, False))
            shown = fit_blocks([(b, required) for b, required in blocks if b])
            if caveat and caveat in shown:
                await remember_caveat(state)
            # One line after another, no blank lines: every line of a small screen counts.
            chunks = split_html("\n".join(shown))
            markup = keyboards.short_answer_keyboard(
                kb,
                article.topic,
                plan.lang,
                token=token,
                others=plan.others,
                report=plan.offer_report,
                extra=company_row,
            )
        else:
            if plan.kind == OUTSIDE:  # not about working abroad: say so, and what the bot does answer
                lead = texts.nothing_found() + "\n" + texts.scope()
            else:
                lead = texts.not_sure() if plan.kind == UNSURE else texts.nothing_found()
            chunks = split_html("\n\n".join([*before, lead, texts.offer_staff()]))
            markup = keyboards.unsure_keyboard(kb, plan.lang, token=token, topics=plan.others, report=plan.offer_report)
            if company_row:
                markup.inline_keyboard.insert(0, company_row)
    await _send_all(message, chunks, markup)


def short_answer_html(article: Article) -> tuple[str, str]:
    """The one fact that matters (the summary) and the next step, escaped; together at most 5 short lines."""
    summary = "<b>" + html.escape(article.summary, quote=False) + "</b>"
    next_step = "👉 " + html.escape(article.next_step, quote=False) if article.next_step else ""
    return summary, next_step


def warning_html(plan: AnswerPlan) -> str:
    """Every warning sign of the question in one block: a lead, the signs, and the police number."""
    signs = []
    for code in plan.flags:
        if code == "fee_excessive" and plan.money is not None:
            money = plan.money
            limit = Amount(money.limit_rupiah or 0, "IDR", "").label()
            signs.append(texts.money_flag_text(money.amount.label(), money.verdict, money.job, limit))
        else:
            signs.append(texts.flag_text(code))
    if len(signs) == 1:
        body = "⚠️ <b>" + texts.warning_lead() + "</b> " + signs[0]
    else:
        body = "⚠️ <b>" + texts.warning_lead() + "</b>\n" + "\n".join("• " + sign for sign in signs)
    return body + "\n" + texts.warning_tail()


# Was this helpful ----------------------------------------------------------------------------------------


async def on_vote(
    query: CallbackQuery, callback_data: Vote, state: FSMContext, session: AsyncSession, advice: AdviceIndex
) -> None:
    kb = advice.kb
    message = query.message
    valid = (
        kb.topic(callback_data.topic) is not None
        and callback_data.lang in kb.languages
        and callback_data.value in ("y", "n")
    )
    if message is None or not valid:
        await query.answer(texts.button_inactive())
        return
    if await already_voted(state, message.message_id):
        await query.answer(texts.already_voted())
        return
    helpful = callback_data.value == "y"
    await record_vote(session, callback_data.topic, callback_data.lang, helpful=helpful)
    await remember_vote(state, message.message_id)
    await query.answer(texts.thanks_helpful() if helpful else texts.thanks_not_helpful())
    if isinstance(message, Message):
        # Too old to edit: the vote is counted all the same.
        with contextlib.suppress(TelegramBadRequest):
            await message.edit_reply_markup(reply_markup=keyboards.without_votes(message.reply_markup))
    if not helpful:
        token = callback_data.q if await pending_question(state, callback_data.q) else ""
        await message.answer(
            texts.sorry_not_helpful(can_ask_staff=bool(token)), reply_markup=keyboards.not_helpful_keyboard(token)
        )


# Passing a question on, or reporting from it -------------------------------------------------------------


async def on_question_action(
    query: CallbackQuery,
    callback_data: QuestionAction,
    state: FSMContext,
    session: AsyncSession,
    advice_questions: QuestionService,
    intake: IntakeService,
    locale: str,
    clock: Clock,
    languages: LanguagePreferences,
    i18n: I18n,
    pseudonym: str | None = None,
) -> None:
    message = query.message
    question = await pending_question(state, callback_data.q)
    if message is None or question is None or callback_data.action not in ("ask", "send", "cancel", "report"):
        await query.answer(texts.button_inactive())
        return
    await query.answer()
    if callback_data.action == "report":
        await start_report(
            message,
            state,
            intake=intake,
            session=session,
            clock=clock,
            locale=locale,
            pseudonym=pseudonym,
            prefill=report_prefill(question.text, question.flags),
            languages=languages,
            i18n=i18n,
        )
        return
    if callback_data.action == "cancel":
        await _drop_buttons(message)
        await message.answer(texts.not_sent(), reply_markup=main_menu())
        return
    if pseudonym is not None and await advice_questions.limit_reached(session, pseudonym):
        await message.answer(texts.limit_reached(advice_questions.max_per_day), reply_markup=main_menu())
        return
    if callback_data.action == "ask":
        shortened = len(question.text) > CONFIRM_PREVIEW
        preview = question.text[:CONFIRM_PREVIEW] + ("…" if shortened else "")
        await message.answer(
            texts.confirm_send(html.escape(preview, quote=False), shortened),
            reply_markup=keyboards.confirm_send_keyboard(callback_data.q),
        )
        return
    # send
    try:
        result = await advice_questions.ask_staff(
            session,
            question=question.text,
            lang=question.lang or locale,
            ref=callback_data.q,
            pseudonym=pseudonym or "",
            red_flags=question.flags,
            topics=question.topics,
        )
    except DailyLimitReached:
        await message.answer(texts.limit_reached(advice_questions.max_per_day), reply_markup=main_menu())
        return
    # Committed: only now is the person told it was received.
    await forget_question(state, callback_data.q)
    await _drop_buttons(message)
    if result.receipt is None:
        await message.answer(texts.question_already_sent(result.case_number), reply_markup=main_menu())
        return
    await message.answer(texts.question_sent(result.case_number, result.receipt), reply_markup=main_menu())


async def _drop_buttons(message) -> None:
    if isinstance(message, Message) and message.reply_markup is not None:
        with contextlib.suppress(TelegramBadRequest):
            await message.edit_reply_markup(reply_markup=None)
