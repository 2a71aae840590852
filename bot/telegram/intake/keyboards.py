"""Keyboards of the intake flow: answers as buttons, and Back / Skip / Cancel on every step."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.services import places
from bot.services.intake.draft import (
    CATEGORIES,
    CONTACT_CHOICES,
    DEPARTURES,
    EDITABLE_STEPS,
    OPTIONAL_STEPS,
    PEOPLE_CHOICES,
    RELATIONS,
    YES_NO_UNKNOWN,
    Step,
)
from bot.telegram.intake import texts
from bot.telegram.intake.callbacks import Answer, Nav

ISLANDS = ("timor", "flores", "sumba", "islands", "elsewhere_id", "abroad")
# The small islands go together under one button; the picker does the same to keep the first screen short.
SMALL_ISLANDS = {"alor", "lembata", "rote", "sabu"}


def _answer(step: Step, value: str, label: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=label, callback_data=Answer(step=step.value, value=value).pack())


def _nav(action: str, label: str, step: Step | None = None) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=label, callback_data=Nav(action=action, step=step.value if step else "").pack())


def nav_row(step: Step, *, first: bool = False) -> list[InlineKeyboardButton]:
    row = []
    if not first:
        row.append(_nav("back", texts.back(), step))
    if step in OPTIONAL_STEPS:
        row.append(_nav("skip", texts.skip(), step))
    row.append(_nav("cancel", texts.cancel(), step))
    return row


def for_step(step: Step, chosen: str | None = None) -> InlineKeyboardMarkup:
    """The step's answer buttons (the current answer, if any, marked ✓) and its navigation row."""
    builder = InlineKeyboardBuilder()
    options: list[tuple[str, str]] = []
    columns = 1
    if step is Step.DANGER:
        options = [(c, texts.danger_label(c)) for c in YES_NO_UNKNOWN]
    elif step is Step.CATEGORY:
        options = [(c, texts.category_label(c)) for c in CATEGORIES]
    elif step is Step.WHERE:
        options = [(f"island={c}", texts.island_label(c)) for c in ISLANDS]
        columns = 2
    elif step is Step.WHEN:
        options = [(c, texts.departure_label(c)) for c in DEPARTURES]
        columns = 2
    elif step is Step.PEOPLE:
        options = [(c, texts.people_label(c)) for c in PEOPLE_CHOICES]
        columns = 2
    elif step is Step.MINORS:
        options = [(c, texts.yes_no_label(c)) for c in YES_NO_UNKNOWN]
        columns = 3
    elif step is Step.RELATION:
        options = [(c, texts.relation_label(c)) for c in RELATIONS]
        columns = 2
    elif step is Step.CONTACT:
        options = [(c, texts.contact_label(c)) for c in CONTACT_CHOICES]
    for value, label in options:
        builder.add(_answer(step, value, ("✓ " + label) if value == chosen else label))
    builder.adjust(columns)
    if step in (Step.STORY, Step.EVIDENCE):
        builder.row(_nav("done", texts.done(), step))
    builder.row(*nav_row(step, first=step is Step.DANGER))
    return builder.as_markup()


def regencies_keyboard(island: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for regency in places.regencies():
        group = "islands" if regency.island.lower() in SMALL_ISLANDS else regency.island.lower()
        if group == island:
            builder.add(_answer(Step.WHERE, f"regency={regency.code}", regency.name))
    builder.adjust(2)
    builder.row(_nav("where", texts.back(), Step.WHERE), _nav("cancel", texts.cancel(), Step.WHERE))
    return builder.as_markup()


def review_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for step in EDITABLE_STEPS:
        builder.add(_nav("edit", "✏️ " + texts.step_title(step), step))
    builder.adjust(2)
    builder.row(_nav("submit", "📨 " + _("Submit report")))
    builder.row(_nav("cancel", texts.cancel(), Step.REVIEW))
    return builder.as_markup()


def confirm_cancel_keyboard(step: Step) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_nav("cancel_yes", "🗑 " + _("Yes, delete it"), step)],
            [_nav("cancel_no", "↩️ " + _("No, continue the report"), step)],
        ]
    )


def resume_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_nav("resume", "▶️ " + _("Continue the report"))],
            [_nav("discard", "🗑 " + _("Discard it and start over"))],
        ]
    )


def clear_chat_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_nav("clear_yes", "🧹 " + _("Yes, delete this conversation"))],
            [_nav("clear_no", _("No, keep it"))],
        ]
    )
