"""Inline keyboards of the staff side."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.staff.model import (
    AGENCIES,
    ANY_STATUS,
    PRIORITIES,
    STATUSES,
    CaseloadRow,
    CaseView,
    QueueFilter,
    QueueItem,
    QueuePage,
    StaffMember,
)
from bot.services.triage.facts import CATEGORIES
from bot.services.triage.status import Action, Outcome, Status, can
from bot.telegram.common.builder import KeyboardBuilder
from bot.telegram.staff import texts
from bot.telegram.staff.callbacks import Act, StaffCb, pack_filter

CASE_FIELDS = ("victims", "victims_minors", "victims_female", "victims_male", "destination")


def _button(text: str, action: Act, tip: int = 0, value: str = "") -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=StaffCb(a=action, t=tip, v=value).pack())


def cancel_button(tip: int = 0) -> InlineKeyboardButton:
    return _button("✖️ " + _("Cancel"), Act.CANCEL, tip)


def cancel_keyboard(tip: int = 0) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[cancel_button(tip)]])


def show_again_keyboard(tip: int) -> InlineKeyboardMarkup:
    """After /tip could not be shown whole: show the whole tip again."""
    return InlineKeyboardMarkup(inline_keyboard=[[_button("🔄 " + _("Show again"), Act.OPEN, tip)]])


def _open_label(item: QueueItem) -> str:
    return f"{texts.PRIORITY_ICONS.get(item.priority, '')} {item.case_number}"


# Queue -----------------------------------------------------------------------------------------------------


def queue_keyboard(
    page: QueuePage, staff: StaffMember, *, selecting: bool = False, ticked: frozenset[int] = frozenset()
) -> InlineKeyboardMarkup:
    f = page.filter
    here = pack_filter(f, page.page)
    builder = KeyboardBuilder()
    items = [
        _button(("☑️ " if i.tip_id in ticked else "⬜ ") + i.case_number, Act.PICK, i.tip_id)
        if selecting
        else _button(_open_label(i), Act.OPEN, i.tip_id)
        for i in page.items
    ]
    for start in range(0, len(items), 2):
        builder.row(*items[start : start + 2])
    nav = []
    if page.page > 1:
        nav.append(_button("◀️ " + _("Previous"), Act.QUEUE, 0, pack_filter(f, page.page - 1)))
    if page.page < page.pages:
        nav.append(_button(_("Next") + " ▶️", Act.QUEUE, 0, pack_filter(f, page.page + 1)))
    if nav:
        builder.row(*nav)
    if selecting:
        builder.row(
            _button("🗑 " + _("Close ticked: duplicate"), Act.BULK, 0, Outcome.DUPLICATE.value),
            _button("🗑 " + _("Close ticked: prank"), Act.BULK, 0, Outcome.FALSE_OR_PRANK.value),
        )
        builder.row(_button("✖️ " + _("Stop ticking"), Act.QUEUE, 0, here))
        return builder.as_markup()
    packed = pack_filter(f)

    def toggle(label: str, on: bool, changed: QueueFilter) -> InlineKeyboardButton:
        return _button(("✓ " if on else "") + label, Act.QUEUE, 0, pack_filter(changed))

    builder.row(
        _button("🔄 " + _("Status"), Act.FILTER_MENU, 0, "s|" + packed),
        _button("⚡ " + _("Priority"), Act.FILTER_MENU, 0, "p|" + packed),
    )
    builder.row(
        _button("📍 " + _("Regency"), Act.FILTER_MENU, 0, "r|" + packed),
        _button("🏷 " + _("Category"), Act.FILTER_MENU, 0, "c|" + packed),
    )
    builder.row(
        toggle("🧒 " + _("Under 18"), f.minors, replace(f, minors=not f.minors)),
        toggle("⏰ " + _("Late"), f.late, replace(f, late=not f.late)),
        toggle("👤 " + _("Mine"), f.mine, replace(f, mine=not f.mine)),
    )
    row = [_button("🔍 " + _("Search"), Act.SEARCH, 0, packed)]
    if can(staff.role, Action.BULK_CLOSE):
        row.append(_button("☑️ " + _("Close several"), Act.SELECT, 0, here))
    builder.row(*row)
    if not f.is_empty():
        builder.row(_button("✖️ " + _("Clear filters"), Act.QUEUE, 0, ""))
    return builder.as_markup()


def filter_menu(which: str, f: QueueFilter) -> InlineKeyboardMarkup:
    """Choices for one filter; each choice shows the queue with it applied (page 1)."""
    builder = KeyboardBuilder()

    def choice(label: str, changed: QueueFilter) -> None:
        builder.add(_button(label, Act.QUEUE, 0, pack_filter(changed)))

    if which == "s":
        for status in STATUSES:
            choice(texts.status_label(status), replace(f, status=status))
        builder.adjust(2)
        builder.row(
            _button(_("All open"), Act.QUEUE, 0, pack_filter(replace(f, status=None))),
            _button(_("Every status, closed too"), Act.QUEUE, 0, pack_filter(replace(f, status=ANY_STATUS))),
        )
    elif which == "p":
        for priority in PRIORITIES:
            choice(texts.priority_label(priority), replace(f, priority=priority))
        builder.adjust(2)
        builder.row(_button(_("Any priority"), Act.QUEUE, 0, pack_filter(replace(f, priority=None))))
    elif which == "c":
        for category in CATEGORIES:
            choice(
                texts.CATEGORY_ICONS.get(category, "") + " " + texts.category_label(category),
                replace(f, category=category),
            )
        builder.adjust(1)
        builder.row(_button(_("Any category"), Act.QUEUE, 0, pack_filter(replace(f, category=None))))
    else:
        for regency in places.regencies():
            choice(regency.name, replace(f, regency=regency.code))
        for code in places.SPECIAL_CODES:
            choice(texts.place_label(code), replace(f, regency=code))
        builder.adjust(2)
        builder.row(_button(_("Any place"), Act.QUEUE, 0, pack_filter(replace(f, regency=None))))
    builder.row(_button("↩️ " + _("Back to the queue"), Act.QUEUE, 0, pack_filter(f)))
    return builder.as_markup()


def open_buttons(items: Iterable[QueueItem]) -> InlineKeyboardMarkup | None:
    buttons = [_button(_open_label(item), Act.OPEN, item.tip_id) for item in items]
    if not buttons:
        return None
    builder = KeyboardBuilder()
    for start in range(0, len(buttons), 2):
        builder.row(*buttons[start : start + 2])
    return builder.as_markup()


def caseload_keyboard(rows: list[CaseloadRow]) -> InlineKeyboardMarkup:
    """Each member's open tips as a queue."""
    builder = KeyboardBuilder()
    for row in rows:
        if row.member is None:
            builder.add(_button(_("not assigned"), Act.QUEUE, 0, pack_filter(QueueFilter(unassigned=True))))
        else:
            builder.add(
                _button(row.member.label, Act.QUEUE, 0, pack_filter(QueueFilter(assignee=row.member.telegram_id)))
            )
    builder.adjust(2)
    return builder.as_markup()


# A tip -----------------------------------------------------------------------------------------------------


def case_keyboard(view: CaseView, staff: StaffMember) -> InlineKeyboardMarkup:
    """The actions the staff member's role allows on this tip in its current state."""
    role, tip = staff.role, view.tip_id
    closed = view.status == Status.CLOSED
    builder = KeyboardBuilder()
    row = []
    if (
        not closed
        and can(role, Action.CLAIM)
        and (view.assignee is None or view.assignee.telegram_id != staff.telegram_id)
    ):
        row.append(_button("✋ " + _("Claim"), Act.CLAIM, tip))
    if not closed and can(role, Action.ASSIGN):
        row.append(_button("👥 " + _("Assign"), Act.ASSIGN_MENU, tip))
    if row:
        builder.row(*row)
    if not closed:
        row = []
        if can(role, Action.SET_PRIORITY):
            row.append(_button("⚡ " + _("Priority"), Act.PRIORITY_MENU, tip))
        if can(role, Action.SET_STATUS) and view.allowed_statuses:
            row.append(_button("🔄 " + _("Status"), Act.STATUS_MENU, tip))
        if row:
            builder.row(*row)
        row = []
        if can(role, Action.NOTE):
            row.append(_button("📝 " + _("Add note"), Act.NOTE, tip))
        if can(role, Action.ASK_REPORTER):
            label = "💬 " + _("Answer the question") if view.kind == "question" else "❓ " + _("Ask the reporter")
            row.append(_button(label, Act.ASK, tip))
        if row:
            builder.row(*row)
        row = []
        if can(role, Action.REFER):
            row.append(_button("📤 " + _("Refer"), Act.REFER_MENU, tip))
        if can(role, Action.RECORD) and view.kind == "tip":
            row.append(_button("📋 " + _("Case data"), Act.DATA_MENU, tip))
        if row:
            builder.row(*row)
    else:
        row = []
        if can(role, Action.NOTE):
            row.append(_button("📝 " + _("Add note"), Act.NOTE, tip))
        if can(role, Action.RECORD) and view.kind == "tip":
            row.append(_button("📋 " + _("Case data"), Act.DATA_MENU, tip))
        if row:
            builder.row(*row)
    row = []
    if can(role, Action.LINK):
        row.append(_button("🔗 " + _("Link"), Act.LINK, tip))
        if view.related:
            row.append(_button("✂️ " + _("Unlink"), Act.UNLINK_MENU, tip))
    if row:
        builder.row(*row)
    if not closed and can(role, Action.CLOSE):
        builder.row(_button("✅ " + _("Close"), Act.CLOSE_MENU, tip))
    if closed and can(role, Action.REOPEN):
        builder.row(_button("↩️ " + _("Reopen"), Act.STATUS, tip, Status.IN_REVIEW.value))
    builder.row(_button("🔁 " + _("Show the tip again"), Act.OPEN, tip))
    return builder.as_markup()


def priority_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for priority in PRIORITIES:
        mark = "✓ " if priority == view.priority else ""
        builder.add(_button(mark + texts.priority_label(priority), Act.PRIORITY, view.tip_id, priority))
    builder.adjust(2)
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def status_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for status in view.allowed_statuses:
        if status == Status.CLOSED:
            continue  # closing asks for an outcome: the Close button
        builder.row(_button(texts.status_label(status), Act.STATUS, view.tip_id, status))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def outcome_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for outcome in Outcome:
        builder.add(_button(texts.outcome_label(outcome.value), Act.CLOSE, view.tip_id, outcome.value))
    builder.adjust(2)
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def agency_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for agency in AGENCIES:
        builder.row(_button(texts.agency_label(agency), Act.REFER_AGENCY, view.tip_id, agency))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def referral_date_menu(tip: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [_button(_("Today"), Act.REFER_DATE, tip, "0"), _button(_("Yesterday"), Act.REFER_DATE, tip, "1")],
            [_button(_("Another date"), Act.REFER_DATE, tip, "x")],
            [cancel_button(tip)],
        ]
    )


def skip_keyboard(tip: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[_button(_("Skip") + " ➡️", Act.REFER_SKIP, tip)], [cancel_button(tip)]]
    )


def unlink_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for related in view.related:
        builder.row(_button(f"✂️ {related.case_number}", Act.UNLINK, view.tip_id, str(related.tip_id)))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def assign_menu(view: CaseView, members: list[StaffMember]) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    for member in members:
        mark = "✓ " if view.assignee and view.assignee.telegram_id == member.telegram_id else ""
        label = f"{mark}{member.label} ({texts.role_label(member.role.value)})"
        builder.row(_button(label, Act.ASSIGN, view.tip_id, str(member.telegram_id)))
    builder.row(cancel_button(view.tip_id))
    return builder.as_markup()


def case_data_menu(view: CaseView) -> InlineKeyboardMarkup:
    d = view.data
    labels = {
        "victims": _("Victims"),
        "victims_minors": _("Under 18"),
        "victims_female": _("Women and girls"),
        "victims_male": _("Men and boys"),
        "destination": _("Destination"),
    }
    builder = KeyboardBuilder()
    for field in CASE_FIELDS:
        value = getattr(d, field)
        shown = (
            "" if value is None else ": " + (texts.destination_label(value) if field == "destination" else str(value))
        )
        builder.add(_button(labels[field] + shown, Act.DATA_FIELD, view.tip_id, field))
    builder.adjust(2)
    count = f" ({len(d.transit_points)})" if d.transit_points else ""
    builder.row(_button(_("Transit points") + count, Act.TRANSIT, view.tip_id, ""))
    builder.row(_button("✅ " + _("Done"), Act.CANCEL, view.tip_id))
    return builder.as_markup()


def transit_menu(view: CaseView) -> InlineKeyboardMarkup:
    builder = KeyboardBuilder()
    chosen = set(view.data.transit_points)
    for point in places.transit_points():
        mark = "☑️ " if point.code in chosen else ""
        builder.add(_button(mark + places.local_name(point.code), Act.TRANSIT, view.tip_id, point.code))
    builder.adjust(2)
    builder.row(_button("↩️ " + _("Back"), Act.DATA_MENU, view.tip_id))
    return builder.as_markup()
