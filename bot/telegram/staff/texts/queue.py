"""The queue and the overdue list."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.staff.model import QueueFilter, QueueItem, QueuePage
from bot.telegram.staff.texts.labels import PRIORITY_ICONS, age, kind_label, place_label, status_label


def filter_summary(f: QueueFilter) -> str:
    parts = []
    if f.status:
        parts.append(status_label(f.status))
    if f.priority:
        parts.append(f.priority)
    if f.regency:
        parts.append(place_label(f.regency))
    if f.mine:
        parts.append(_("mine"))
    return ", ".join(parts)


def queue_line(n: int, item: QueueItem, now: datetime) -> str:
    flags = ""
    if item.overdue(now):
        flags += " ⏰ " + _("overdue")
    who = " · 👤 " + escape(item.assignee.label) if item.assignee else ""
    kind = " · " + kind_label(item.kind) if item.kind != "tip" else ""
    return "{n}. {icon} {priority} · <b>{case}</b> · {status} · {place} · {age}{kind}{who}{flags}".format(
        n=n,
        icon=PRIORITY_ICONS.get(item.priority, ""),
        priority=escape(item.priority),
        case=escape(item.case_number),
        status=status_label(item.status),
        place=place_label(item.regency),
        age=age(item.created_at, now),
        kind=kind,
        who=who,
        flags=flags,
    )


def queue_text(page: QueuePage, now: datetime) -> str:
    title = _("Tips") if page.filter.status else _("Open tips")
    lines = ["📋 <b>" + title + "</b>: " + str(page.total)]
    if not page.filter.is_empty():
        lines.append(_("Filter: {filter}").format(filter=filter_summary(page.filter)))
    if page.pages > 1:
        lines.append(_("Page {page} of {pages}").format(page=page.page, pages=page.pages))
    lines.append("")
    if not page.items:
        lines.append(_("No tip matches."))
    offset = (page.page - 1) * 8
    for i, item in enumerate(page.items, start=offset + 1):
        lines.append(queue_line(i, item, now))
    return "\n".join(lines)


def overdue_text(items: list[QueueItem], now: datetime) -> str:
    if not items:
        return "✅ " + _("No tip is past its deadline.")
    lines = ["⏰ <b>" + _("Past their deadline") + "</b>: " + str(len(items)), ""]
    for i, item in enumerate(items, start=1):
        late = age(item.deadline_at, now) if item.deadline_at else ""
        lines.append(queue_line(i, item, now) + " · " + _("{time} late").format(time=late))
    return "\n".join(lines)
