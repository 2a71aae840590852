"""Keyboards of the advice journey."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.services.advice import KnowledgeBase
from bot.telegram.advice import texts
from bot.telegram.advice.callbacks import Browse, QuestionAction, Vote
from bot.telegram.common.builder import KeyboardBuilder
from bot.telegram.common.callbacks import MenuAction
from bot.telegram.common.keyboards import menu_button


def article_button(kb: KnowledgeBase, topic: str, lang: str, *, prefix: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=prefix + kb.title(topic, lang),
        callback_data=Browse(action="article", ref=topic, lang=lang, new=True).pack(),
    )


def all_topics_button(*, new: bool = True) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=texts.all_topics_button(), callback_data=Browse(action="sections", new=new).pack())


def home_button() -> InlineKeyboardButton:
    return menu_button(texts.main_menu_button(), MenuAction.HOME)


def sections_keyboard(kb: KnowledgeBase, lang: str) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for section in kb.sections:
        if section.topics:
            builder.row(
                InlineKeyboardButton(
                    text=section.title(lang), callback_data=Browse(action="section", ref=section.id).pack()
                )
            )
    builder.row(home_button())
    return builder.as_markup()


def section_keyboard(kb: KnowledgeBase, section_id: str, lang: str) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    section = kb.section(section_id)
    for number, topic in enumerate(section.topics if section else (), 1):
        builder.row(article_button(kb, topic, lang, prefix=f"{number}. "))
    builder.row(all_topics_button(new=False), home_button())
    return builder.as_markup()


def vote_row(topic: str, lang: str, token: str = "", *, asked: bool = True) -> list[InlineKeyboardButton]:
    """``asked``: the message asks "Was this helpful?" (an article); else the buttons must say it themselves."""
    yes = texts.yes_button() if asked else texts.helpful_button()
    no = texts.no_button() if asked else texts.not_helpful_button()
    return [
        InlineKeyboardButton(text=yes, callback_data=Vote(topic=topic, lang=lang, value="y", q=token).pack()),
        InlineKeyboardButton(text=no, callback_data=Vote(topic=topic, lang=lang, value="n", q=token).pack()),
    ]


def browse_article_keyboard(kb: KnowledgeBase, topic: str, lang: str) -> InlineKeyboardMarkup:
    """Under an article opened from the list: related topics, the vote, back to its section, main menu."""
    builder = KeyboardBuilder()
    for related in kb.related(topic):
        builder.row(article_button(kb, related, lang, prefix="➡️ "))
    builder.row(*vote_row(topic, lang))
    entry = kb.topic(topic)
    section = kb.section(entry.section) if entry else None
    if section is not None:
        builder.row(
            InlineKeyboardButton(
                text="⬅️ " + section.title(lang),
                callback_data=Browse(action="section", ref=section.id, new=True).pack(),
            )
        )
    builder.row(all_topics_button(), home_button())
    return builder.as_markup()


def short_answer_keyboard(
    kb: KnowledgeBase,
    topic: str,
    lang: str,
    *,
    token: str,
    others: Sequence[str],
    report: bool,
    extra: list[InlineKeyboardButton] | None = None,
) -> InlineKeyboardMarkup:
    """Under a short answer: report (with warning signs), another journey's row (e.g. "check this company"), More
    and Sources, one close topic, the vote. Few buttons: the answer must stay readable on a small screen."""
    builder = KeyboardBuilder()
    if report:
        builder.row(report_button(token))
    if extra:  # the question named a company: checking it is the next thing to do
        builder.row(*extra)
    builder.row(
        InlineKeyboardButton(
            text=texts.more_button(), callback_data=Browse(action="article", ref=topic, lang=lang, new=True).pack()
        ),
        InlineKeyboardButton(
            text=texts.sources_button(), callback_data=Browse(action="sources", ref=topic, lang=lang, new=True).pack()
        ),
    )
    for other in others[:1]:
        builder.row(article_button(kb, other, lang, prefix="➡️ "))
    builder.row(*vote_row(topic, lang, token, asked=False))
    return builder.as_markup()


def unsure_keyboard(
    kb: KnowledgeBase, lang: str, *, token: str, topics: Sequence[str], report: bool
) -> InlineKeyboardMarkup:
    """When no article fits well: the closest topics, ask the task force, and report when there are warning signs."""
    builder = KeyboardBuilder()
    if report:
        builder.row(report_button(token))
    for topic in topics:
        builder.row(article_button(kb, topic, lang, prefix="➡️ "))
    builder.row(ask_staff_button(token))
    builder.row(all_topics_button(), home_button())
    return builder.as_markup()


def not_helpful_keyboard(token: str) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    if token:
        builder.row(ask_staff_button(token))
    builder.row(all_topics_button(), home_button())
    return builder.as_markup()


def topics_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[all_topics_button(), home_button()]])


def report_button(token: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=texts.report_button(), callback_data=QuestionAction(action="report", q=token).pack()
    )


def ask_staff_button(token: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=texts.ask_staff_button(), callback_data=QuestionAction(action="ask", q=token).pack()
    )


def confirm_send_keyboard(token: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=texts.send_button(), callback_data=QuestionAction(action="send", q=token).pack()
                )
            ],
            [
                InlineKeyboardButton(
                    text=texts.cancel_button(), callback_data=QuestionAction(action="cancel", q=token).pack()
                )
            ],
        ]
    )


def without_votes(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The same keyboard with the vote buttons taken out (after a vote)."""
    if markup is None:
        return None
    prefix = Vote.__prefix__ + ":"
    rows = [[b for b in row if not (b.callback_data or "").startswith(prefix)] for row in markup.inline_keyboard]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None
