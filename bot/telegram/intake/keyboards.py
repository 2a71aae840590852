"""Keyboards of the report: answers as buttons, and Back / Skip / Cancel on every question.

Keyboards go out with nearly every message of a report, so each is built once per language and answer marked
(``lru_cache`` on the labels it shows) and reused.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import (
    CATEGORIES,
    DEPARTURES,
    EDITABLE_STEPS,
    OPTIONAL_STEPS,
    PEOPLE_CHOICES,
    RELATIONS,
    UNKNOWN_DESTINATION,
    YES_NO_UNKNOWN,
    Step,
)
from bot.telegram.common.builder import KeyboardBuilder
from bot.telegram.intake import labels
from bot.telegram.intake.callbacks import (
    Answer,
    Away,
    Confirm,
    Contact,
    Island,
    Nav,
    NavAction,
    Send,
    Transit,
    TypePlace,
)
from bot.telegram.intake.texts import step_title

ISLANDS = ("timor", "flores", "sumba", "islands")
AWAY = (places.ELSEWHERE_ID, places.ABROAD)
# The small islands go together under one button, to keep the first screen short.
SMALL_ISLANDS = {"alor", "lembata", "rote", "sabu"}
# The transit points offered at the route question: where people from NTT are most often flown or shipped out,
# and the cities on the routes out (content/places/transit.toml).
ROUTE_POINTS = ("el_tari", "tenau", "bolok", "batam", "nunukan", "surabaya")

Row = tuple[tuple[str, str], ...]  # (label, callback data) pairs


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=label, callback_data=data)


def _answer(step: Step, value: str) -> str:
    return Answer(step=step, value=value).pack()


def _nav(action: NavAction, step: Step | None = None) -> str:
    return Nav(action=action, step=step).pack()


def _nav_pairs(step: Step, *, first: bool = False) -> Row:
    row = [] if first else [(labels.back(), _nav(NavAction.BACK, step))]
    if step in OPTIONAL_STEPS:
        row.append((labels.skip(), _nav(NavAction.SKIP, step)))
    row.append((labels.cancel(), _nav(NavAction.CANCEL, step)))
    return tuple(row)


def nav_row(step: Step, *, first: bool = False) -> list[InlineKeyboardButton]:
    return [_button(label, data) for label, data in _nav_pairs(step, first=first)]


@lru_cache(maxsize=512)
def _markup(options: Row, columns: int, *extra_rows: Row) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for label, data in options:
        builder.add(_button(label, data))
    builder.adjust(columns)
    for row in extra_rows:
        if row:
            builder.row(*(_button(label, data) for label, data in row))
    return builder.as_markup()


def _options(step: Step) -> tuple[Row, int]:
    if step is Step.DANGER:
        return tuple((labels.danger_label(c), _answer(step, c)) for c in YES_NO_UNKNOWN), 1
    if step is Step.CATEGORY:
        return tuple((labels.category_label(c), _answer(step, c)) for c in CATEGORIES), 1
    if step is Step.WHERE:
        islands = tuple((labels.island_label(c), Island(island=c).pack()) for c in ISLANDS)
        away = tuple((labels.island_label(c), Away(region=c).pack()) for c in AWAY)
        return islands + away, 2
    if step is Step.WHEN:
        return tuple((labels.departure_label(c), _answer(step, c)) for c in DEPARTURES), 2
    if step is Step.DESTINATION:
        choices = (*places.indonesia_choices(), *places.abroad_choices())
        return tuple((labels.choice_label(c.value), _answer(step, c.value)) for c in choices), 3
    if step is Step.PEOPLE:
        return tuple((labels.people_label(c), _answer(step, c)) for c in PEOPLE_CHOICES), 2
    if step is Step.MINORS:
        return tuple((labels.yes_no_label(c), _answer(step, c)) for c in YES_NO_UNKNOWN), 3
    if step is Step.RELATION:
        return tuple((labels.relation_label(c), _answer(step, c)) for c in RELATIONS), 2
    return (), 1


def for_step(step: Step, chosen: str | None = None, *, transit: Sequence[str] = ()) -> InlineKeyboardMarkup:
    """The step's answer buttons (the current answer, if any, marked ✓) and its navigation row."""
    options, columns = _options(step)
    if chosen is not None:
        options = tuple((("✓ " + label) if data == _answer(step, chosen) else label, data) for label, data in options)
    extra: list[Row] = []
    if step is Step.DESTINATION:
        extra.append(((labels.other_place(False), TypePlace().pack()),))
        extra.append(((labels.yes_no_label("unknown"), _answer(step, UNKNOWN_DESTINATION)),))
    if step is Step.ROUTE:
        marked = set(transit)
        options = tuple(
            (("✓ " if code in marked else "") + labels.transit_label(code), Transit(code=code).pack())
            for code in ROUTE_POINTS
        )
        columns = 2
        extra.append(((labels.done(), _nav(NavAction.DONE, step)),))
    if step in (Step.STORY, Step.EVIDENCE):
        extra.append(((labels.done(), _nav(NavAction.DONE, step)),))
    extra.append(_nav_pairs(step, first=step is Step.DANGER))
    return _markup(options, columns, *extra)


def regencies_keyboard(island: str) -> InlineKeyboardMarkup:
    options = tuple(
        (r.name, _answer(Step.WHERE, r.code))
        for r in places.regencies()
        if ("islands" if r.island.lower() in SMALL_ISLANDS else r.island.lower()) == island
    )
    back = ((labels.back(), _nav(NavAction.ISLANDS, Step.WHERE)), (labels.cancel(), _nav(NavAction.CANCEL, Step.WHERE)))
    return _markup(options, 2, back)


def away_keyboard(region: str) -> InlineKeyboardMarkup:
    """The places offered elsewhere in Indonesia (Batam, Nunukan, ...) or abroad (Malaysia, Singapore, ...)."""
    abroad = region == places.ABROAD
    choices = places.abroad_choices() if abroad else places.indonesia_choices()
    options = tuple((labels.choice_label(c.value), _answer(Step.WHERE, c.value)) for c in choices)
    other = ((labels.other_place(abroad), Away(region=region, other=True).pack()),)
    back = ((labels.back(), _nav(NavAction.ISLANDS, Step.WHERE)), (labels.cancel(), _nav(NavAction.CANCEL, Step.WHERE)))
    return _markup(options, 2, other, back)


def review_keyboard() -> InlineKeyboardMarkup:
    return _markup(
        (
            ("📨 " + _("Send anonymously"), Send(contact=Contact.ANONYMOUS).pack()),
            ("💬 " + _("Send, and allow messages in this chat"), Send(contact=Contact.CHAT).pack()),
            ("📞 " + _("Send, with a phone number to call me"), Send(contact=Contact.PHONE).pack()),
            ("✏️ " + _("Change an answer"), _nav(NavAction.EDITS, Step.REVIEW)),
            (labels.cancel(), _nav(NavAction.CANCEL, Step.REVIEW)),
        ),
        1,
    )


def edits_keyboard() -> InlineKeyboardMarkup:
    options = tuple(("✏️ " + step_title(step), _nav(NavAction.EDIT, step)) for step in EDITABLE_STEPS)
    return _markup(options, 2, ((labels.back(), _nav(NavAction.SUMMARY, Step.REVIEW)),))


def phone_keyboard() -> InlineKeyboardMarkup:
    return _markup((), 1, ((labels.back(), _nav(NavAction.SUMMARY, Step.CONTACT)),))


def phone_confirm_keyboard() -> InlineKeyboardMarkup:
    return _markup(
        (
            ("📨 " + _("Send"), Send(contact=Contact.PHONE).pack()),
            ("✏️ " + _("Change the number"), _nav(NavAction.PHONE, Step.CONTACT)),
            (labels.back(), _nav(NavAction.SUMMARY, Step.CONTACT)),
        ),
        1,
    )


def check_keyboard(code: str, step: Step) -> InlineKeyboardMarkup:
    label = labels.danger_label if step is Step.DANGER else labels.yes_no_label
    options = tuple((label(value), Confirm(code=code, value=value).pack()) for value in YES_NO_UNKNOWN)
    return _markup(options, 1 if step is Step.DANGER else 3)


def confirm_cancel_keyboard(step: Step) -> InlineKeyboardMarkup:
    return _markup(
        (
            ("🗑 " + _("Yes, delete it"), _nav(NavAction.CANCEL_YES, step)),
            ("↩️ " + _("No, continue the report"), _nav(NavAction.CANCEL_NO, step)),
        ),
        1,
    )


def resume_keyboard() -> InlineKeyboardMarkup:
    return _markup(
        (
            ("▶️ " + _("Continue the report"), _nav(NavAction.RESUME)),
            ("🗑 " + _("Discard it and start over"), _nav(NavAction.DISCARD)),
        ),
        1,
    )


def pause_keyboard() -> InlineKeyboardMarkup:
    return _markup(
        (
            ("▶️ " + _("Continue the report"), _nav(NavAction.RESUME)),
            ("🔄 " + _("Start a new report"), _nav(NavAction.RESTART)),
        ),
        1,
    )


def clear_chat_keyboard() -> InlineKeyboardMarkup:
    return _markup(
        (
            ("🧹 " + _("Yes, delete this conversation"), _nav(NavAction.CLEAR_YES)),
            (_("No, keep it"), _nav(NavAction.CLEAR_NO)),
        ),
        1,
    )
