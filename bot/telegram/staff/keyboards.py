"""Inline keyboards of the staff side."""

from __future__ import annotations

from dataclasses import replace

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.services import places
from bot.services.staff.model import AGENCIES, PRIORITIES, STATUSES, CaseView, QueueFilter, QueuePage, StaffMember
from bot.services.triage.status import Action, Outcome, Status, can
from bot.telegram.staff import texts
from bot.telegram.staff.callbacks import StaffCb, pack_filter


def _button(text: str, action: str, tip: int = 0, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=StaffCb(a=action, t=tip, v=value).pack())


def cancel_button(tip: int = 0) -> InlineKeyboardButton:
    return _button("✖️ " + _("Cancel"), "cancel", tip)


def cancel_keyboard(tip: int = 0) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[cancel_button(tip)]])


def show_again_keyboard(tip: int) -> InlineKeyboardMarkup:
    """After /tip could not be shown whole: show the whole tip again."""
    return InlineKeyboardMarkup(inline_keyboard=[[_button("🔄 " + _("Show again"), "open", tip)]])


# Queue -----------------------------------------------------------------------------------------------------


def queue_keyboard(page: QueuePage) -> InlineKeyboardMarkup:
    f = page.filter
    builder = InlineKeyboardBuilder()
    for item in page.items:
        builder.row(_button(f"{texts.PRIORITY_ICONS.get(item.priority, '')} {item.case_number}", "open", item.tip_id))
    nav = []
    if page.page > 1:
        nav.append(_button("◀️ " + _("Previous"), "q", 0, pack_filter(f, page.page - 1)))
    if page.page < page.pages:
        nav.append(_button(_("Next") + " ▶️", "q", 0, pack_filter(f, page.page + 1)))
    if nav:
        builder.row(*nav)
    mine = ("✓ " if f.mine else "") + "👤 " + _("Mine")
    builder.row(
        _button("🔄 " + _("Status"), "qf", 0, "s|" + pack_filter(f)),
        _button("⚡ " + _("Priority"), "qf", 0, "p|" + pack_filter(f)),
    )
    builder.row(
        _button("📍 " + _("Regency"), "qf", 0, "r|" + pack_filter(f)),
        _button(mine, "q", 0, pack_filter(replace(f, mine=not f.mine))),
    )
    if not f.is_empty():
        builder.row(_button("✖️ " + _("Clear filters"), "q", 0, ""))
    return builder.as_markup()


def filter_menu(which: str, f: QueueFilter) -> InlineKeyboardMarkup:
    """Choices for one filter; each choice shows the queue with it applied (page 1)."""
    builder = InlineKeyboardBuilder()
    if which == "s":
        for status in STATUSES:
            builder.add(_button(texts.status_label(status), "q", 0, pack_filter(replace(f, status=status))))
        builder.adjust(2)
        builder.row(_button(_("All open"), "q", 0, pack_filter(replace(f, status=None))))
    elif which == "p":
        for priority in PRIORITIES:
            label = texts.priority_label(priority)
            builder.add(_button(label, "q", 0, pack_filter(replace(f, priority=priority))))
        builder.adjust(2)
        builder.row(_button(_("Any priority"), "q", 0, pack_filter(replace(f, priority=None))))
    else:
        for regency in places.regencies():
            builder.add(_button(regency.name, "q", 0, pack_filter(replace(f, regency=regency.code))))
        for code in ("elsewhere_id", "abroad"):
            builder.add(_button(texts.place_label(code), "q", 0, pack_filter(replace(f, regency=code))))
        builder.adjust(2)
        builder.row(_button(_("Any place"), "q", 0, pack_filter(replace(f, regency=None))))
    builder.row(_button("↩️ " + _("Back to the queue"), "q", 0, pack_filter(f)))
    return builder.as_markup()


def open_buttons(items) -> InlineKeyboardMarkup | None:
    if not items:
        return None
    builder = InlineKeyboardBuilder()
    for item in items:
        builder.row(_button(f"{texts.PRIORITY_ICONS.get(item.priority, '')} {item.case_number}", "open", item.tip_id))
    return builder.as_markup()


# A tip -----------------------------------------------------------------------------------------------------


def case_keyboard(view: CaseView, staff: StaffMember) -> InlineKeyboardMarkup:
    """The actions the staff member's role allows on this tip in its current state."""
    role, tip = staff.role, view.tip_id
    closed = view.status == Status.CLOSED
    builder = InlineKeyboardBuilder()
    row = []
    if (
        not closed
        and can(role, Action.CLAIM)
        and (view.assignee is None or view.assignee.telegram_id != staff.telegram_id)
    ):
        row.append(_button("✋ " + _("Claim"), "claim", tip))
    if not closed and can(role, Action.ASSIGN):
        row.append(_button("👥 " + _("Assign"), "assign", tip))
    if row:
        builder.row(*row)
    if not closed:
        row = []
        if can(role, Action.SET_PRIORITY):
            row.append(_button("⚡ " + _("Priority"), "prio", tip))
        if can(role, Action.SET_STATUS) and view.allowed_statuses:
            row.append(_button("🔄 " + _("Status"), "status", tip))
        if row:
            builder.row(*row)
        row = []
        if can(role, Action.NOTE):
            row.append(_button("📝 " + _("Add note"), "note", tip))
        if can(role, Action.ASK_REPORTER):
            label = "💬 " + _("Answer the question") if view.kind == "question" else "❓ " + _("Ask the reporter")
            row.append(_button(label, "ask", tip))
        if row:
            builder.row(*row)
        row = []
        if can(role, Action.REFER):
            row.append(_button("📤 " + _("Refer"), "refer", tip))
        if row:
            builder.row(*row)
    elif can(role, Action.NOTE):
        builder.row(_button("📝 " + _("Add note"), "note", tip))
    row = []
    if can(role, Action.LINK):
        row.append(_button("🔗 " + _("Link"), "link", tip))
        if view.related:
            row.append(_button("✂️ " + _("Unlink"), "unlink", tip))
    if row:
        builder.row(*row)
    if not closed and can(role, Action.CLOSE):
        builder.row(_button("✅ " + _("Close"), "close", tip))
    if closed and can(role, Action.REOPEN):
        builder.row(_button("↩️ " + _("Reopen"), "s", tip, Status.IN_REVIEW.value))
    builder.row(_button("🔁 " + _("Show the tip again"), "open", tip))
    return builder.as_markup()


def priority_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for priority in PRIORITIES:
        mark = "✓ " if priority == view.priority else ""
        builder.add(_button(mark + texts.priority_label(priority), "p", view.tip_id, priority))
    builder.adjust(2)
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def status_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for status in view.allowed_statuses:
        if status == Status.CLOSED:
            continue  # closing asks for an outcome: the Close button
        builder.row(_button(texts.status_label(status), "s", view.tip_id, status))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def outcome_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for outcome in Outcome:
        builder.row(_button(texts.outcome_label(outcome.value), "co", view.tip_id, outcome.value))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def agency_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for agency in AGENCIES:
        builder.row(_button(texts.agency_label(agency), "ra", view.tip_id, agency))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def referral_date_menu(tip: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(_("Today"), "rd", tip, "0"), _button(_("Yesterday"), "rd", tip, "1")],
            [_button(_("Another date"), "rd", tip, "x")],
            [cancel_button(tip)],
        ]
    )


def skip_keyboard(tip: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[_button(_("Skip") + " ➡️", "rskip", tip)], [cancel_button(tip)]])


def unlink_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for related in view.related:
        builder.row(_button(f"✂️ {related.case_number}", "ul", view.tip_id, str(related.tip_id)))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def assign_menu(view: CaseView, members: list[StaffMember]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for member in members:
        mark = "✓ " if view.assignee and view.assignee.telegram_id == member.telegram_id else ""
        label = f"{mark}{member.label} ({texts.role_label(member.role.value)})"
        builder.row(_button(label, "as", view.tip_id, str(member.telegram_id)))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()
