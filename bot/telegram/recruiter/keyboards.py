"""Keyboards of the recruiter journey."""

from __future__ import annotations

from collections.abc import Callable

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services.registry import Match, OfferAssessment, Question
from bot.telegram.common.builder import KeyboardBuilder
from bot.telegram.common.callbacks import MenuAction
from bot.telegram.common.keyboards import menu_button
from bot.telegram.recruiter import offer_texts, texts
from bot.telegram.recruiter.callbacks import Check, OfferAnswer, OfferNav

# Telegram shows about this much of a button; longer company names are cut with an ellipsis.
_LABEL = 60


def _label(text: str) -> str:
    return text if len(text) <= _LABEL else text[: _LABEL - 1] + "…"


def _check(text: str, action: str, answer: int = 0, index: int = 0) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=Check(action=action, answer=answer, index=index).pack())


def _home() -> InlineKeyboardButton:
    return menu_button(texts.main_menu_label(), MenuAction.HOME)


def prompt_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_check(texts.check_offer(), "offer")], [_home()]])


def after_answer(answer: int, *, suggestion: Match | None = None) -> InlineKeyboardMarkup:
    rows = []
    if suggestion is not None:
        rows.append([_check(_label("🔎 " + suggestion.name), "pick", answer, 0)])
    rows += [
        [_check(texts.check_another(), "again")],
        [_check(texts.check_offer(), "offer")],
        [_check(texts.report_recruiter(), "report", answer)],
        [_home()],
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def found_companies(answer: int, matches: tuple[Match, ...]) -> InlineKeyboardMarkup:
    """Under an answer to mixed input: one button per company found, then the usual ones."""
    rows = [[_check(_label("🔎 " + match.name), "pick", answer, index)] for index, match in enumerate(matches)]
    rows += [
        [_check(texts.check_another(), "again")],
        [_check(texts.check_offer(), "offer")],
        [_check(texts.report_recruiter(), "report", answer)],
        [_home()],
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


def candidates(answer: int, matches: tuple[Match, ...]) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for index, match in enumerate(matches):
        builder.row(_check(_label(f"{index + 1}. {match.name}"), "pick", answer, index))
    builder.row(_check(texts.none_of_these(), "none", answer))
    builder.row(_check(texts.check_another(), "again"))
    builder.row(_home())
    return builder.as_markup()


def no_data() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_check(texts.check_offer(), "offer")], [_home()]])


# Offer check ----------------------------------------------------------------------------------------------


def question(q: Question, *, first: bool, chosen: str | None) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for option in q.options:
        mark = "✓ " if option == chosen else ""
        builder.add(
            InlineKeyboardButton(
                text=mark + offer_texts.option(q.id, option),
                callback_data=OfferAnswer(question=q.id, option=option).pack(),
            )
        )
    builder.adjust(3 if q.kind == "yes_no" else 2)
    nav = []
    if not first:
        nav.append(InlineKeyboardButton(text=offer_texts.back(), callback_data=OfferNav(action="back").pack()))
    nav.append(InlineKeyboardButton(text=offer_texts.cancel(), callback_data=OfferNav(action="cancel").pack()))
    builder.row(*nav)
    return builder.as_markup()


def offer_result(
    result: int, assessment: OfferAssessment, *, readable: Callable[[str], bool] = lambda _topic: True
) -> InlineKeyboardMarkup:
    """``readable(topic)``: whether there is an article to show; a sign without one gets no "read" button (its
    text in the result says it all)."""
    rows: list[list[InlineKeyboardButton]] = []
    shown: set[str] = set()
    for warning in assessment.warnings:
        if warning.topic_id in shown or not readable(warning.topic_id):
            continue
        rows.append([_read(offer_texts.read_label(warning), warning.topic_id)])
        shown.add(warning.topic_id)
    for topic in assessment.topics:
        if topic not in shown and readable(topic):
            rows.append([_read(offer_texts.topic_label(topic), topic)])
            shown.add(topic)
    report = OfferNav(action="report", result=result).pack()
    rows.append([InlineKeyboardButton(text=offer_texts.report_offer(), callback_data=report)])
    rows.append([_check(offer_texts.check_recruiter(), "again")])
    rows.append([_home()])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _read(text: str, topic: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=_label(text), callback_data=OfferNav(action="read", topic=topic).pack())


def article() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_home()]])
