"""The queue (compact rows with badges), the late tips on both clocks, the caseload and the hand-over."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.staff.model import (
    ANY_STATUS,
    QUEUE_PAGE_SIZE,
    CaseloadRow,
    Handover,
    LateTip,
    Overdue,
    QueueFilter,
    QueueItem,
    QueuePage,
    Search,
)
from bot.telegram.staff.texts.labels import (
    CATEGORY_ICONS,
    MINOR_BADGE,
    NEWS_BADGE,
    PRIORITY_ICONS,
    age,
    category_label,
    kind_label,
    local_time,
    place_label,
    staff_name,
    status_label,
)


def search_label(search: Search) -> str:
    if search.kind == "phone":
        return _("phone {number}").format(number=escape(search.label))
    if search.kind == "name":
        return _("recruiter {initials}").format(initials=escape(search.label))
    if search.kind == "place":
        return _("place {name}").format(name=place_label(search.place))
    return escape(search.label)


def filter_summary(f: QueueFilter) -> str:
    parts = []
    if f.search is not None:
        parts.append("🔍 " + search_label(f.search))
    if f.status == ANY_STATUS:
        parts.append(_("every status"))
    elif f.status:
        parts.append(status_label(f.status))
    if f.priority:
        parts.append(f.priority)
    if f.regency:
        parts.append(place_label(f.regency))
    if f.category:
        parts.append(category_label(f.category))
    if f.minors:
        parts.append(MINOR_BADGE + " " + _("under 18"))
    if f.late:
        parts.append("⏰ " + _("late"))
    if f.mine:
        parts.append(_("mine"))
    if f.unassigned:
        parts.append(_("not assigned"))
    return ", ".join(parts)


def badges(item: QueueItem) -> str:
    """Category, under 18 and news from the reporter, as icons."""
    marks = [CATEGORY_ICONS.get(item.category or "", "")]
    if item.minors:
        marks.append(MINOR_BADGE)
    if item.news:
        marks.append(NEWS_BADGE)
    return "".join(m for m in marks if m)


def queue_line(n: int, item: QueueItem, now: datetime) -> str:
    flags = ""
    clocks = item.clocks
    if item.status != "closed" and clocks.response_late(now):
        flags += " ⏰"
    elif item.status != "closed" and clocks.resolution_late(now):
        flags += " ⏳"
    who = " · 👤 " + escape(item.assignee.label) if item.assignee else ""
    kind = " · " + kind_label(item.kind) if item.kind != "tip" else ""
    marks = badges(item)
    return "{n}. {icon} <b>{case}</b>{marks} · {status} · {place} · {age}{kind}{who}{flags}".format(
        n=n,
        icon=PRIORITY_ICONS.get(item.priority, ""),
        case=escape(item.case_number),
        marks=" " + marks if marks else "",
        status=status_label(item.status),
        place=place_label(item.regency),
        age=age(item.created_at, now),
        kind=kind,
        who=who,
        flags=flags,
    )


def queue_text(page: QueuePage, now: datetime, *, selected: frozenset[int] = frozenset()) -> str:
    if page.filter.status == ANY_STATUS or page.filter.search is not None:
        title = _("Tips")
    else:
        title = _("Tips") if page.filter.status else _("Open tips")
    lines = ["📋 <b>" + title + "</b>: " + str(page.total)]
    if not page.filter.is_empty():
        lines.append(_("Filter: {filter}").format(filter=filter_summary(page.filter)))
    if page.pages > 1:
        lines.append(_("Page {page} of {pages}").format(page=page.page, pages=page.pages))
    if selected:
        lines.append("☑️ " + _("{count} ticked: close them with the buttons below.").format(count=len(selected)))
    lines.append("")
    if not page.items:
        lines.append(_("No tip matches."))
    offset = (page.page - 1) * QUEUE_PAGE_SIZE
    for i, item in enumerate(page.items, start=offset + 1):
        tick = "☑️ " if item.tip_id in selected else ""
        lines.append(tick + queue_line(i, item, now))
    lines += ["", _("⏰ no first response in time · ⏳ past its resolution time")]
    return "\n".join(lines)


def _late_line(n: int, late: LateTip, now: datetime) -> str:
    item = late.item
    clocks = item.clocks
    parts = []
    if late.response_late and clocks.response_due is not None:
        parts.append(_("first response {time} late").format(time=age(clocks.response_due, now)))
    if late.resolution_late:
        parts.append(_("resolution {time} late").format(time=age(clocks.resolve_due, now)))
    return queue_line(n, item, now) + " · " + ", ".join(parts)


def overdue_text(overdue: Overdue, now: datetime) -> str:
    if not overdue.items:
        return "✅ " + _("No tip is past its deadline.")
    lines = [
        "⏰ <b>" + _("Past their deadline") + "</b>",
        _("No first response in time: {count}").format(count=overdue.response_total),
        _("Open past their resolution time: {count}").format(count=overdue.resolution_total),
        "",
    ]
    for i, late in enumerate(overdue.items, start=1):
        lines.append(_late_line(i, late, now))
    shown = len(overdue.items)
    if overdue.response_total + overdue.resolution_total > shown:
        lines += ["", _("The most urgent are shown: /queue with the ⏰ Late filter lists them all.")]
    return "\n".join(lines)


def caseload_text(rows: list[CaseloadRow]) -> str:
    lines = ["👥 <b>" + _("Caseload") + "</b>", _("open · P1 · awaiting the reporter · ⏰ · ⏳"), ""]
    for row in rows:
        who = staff_name(row.member) if row.member else _("not assigned")
        lines.append(
            f"• {who}: <b>{row.open}</b> · {row.p1} · {row.awaiting} · {row.response_late} · {row.resolution_late}"
        )
    return "\n".join(lines)


def handover_text(h: Handover, now: datetime) -> str:
    if h.since is None:
        since = _("This is the first hand-over: new tips are those of the last 24 hours.")
    else:
        since = _("Since the last hand-over ({time} WITA, {name}):").format(
            time=local_time(h.since), name=staff_name(h.previous_by)
        )
    lines = [
        "🔁 <b>" + _("Hand-over") + "</b>",
        since,
        _("New tips: {count}").format(count=h.new_since),
        "",
        _("Open: {count}").format(count=h.open),
        "⏰ " + _("No first response in time: {count}").format(count=h.response_late),
        "⏳ " + _("Open past their resolution time: {count}").format(count=h.resolution_late),
        _("Waiting for the reporter: {count}").format(count=h.awaiting),
        NEWS_BADGE + " " + _("News from the reporter not yet read: {count}").format(count=h.news),
    ]
    if h.new_items:
        lines += ["", "<b>" + _("New and still open") + "</b>"]
        lines += [queue_line(i, item, now) for i, item in enumerate(h.new_items, start=1)]
    if h.late_items:
        lines += ["", "<b>" + _("Late") + "</b>"]
        lines += [_late_line(i, late, now) for i, late in enumerate(h.late_items, start=1)]
    lines += ["", _("The next hand-over counts from now.")]
    return "\n".join(lines)
