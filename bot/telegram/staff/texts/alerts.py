"""Alerts in the staff group: codes and times only, never a narrative, evidence or anything about the reporter."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.outbox import OutboxItem
from bot.telegram.staff.texts.labels import PRIORITY_ICONS, age, category_label, place_label, priority_label


def _alert_line(item: OutboxItem, now: datetime) -> str:
    p = item.payload
    created = datetime.fromisoformat(p["created_at"])
    mark = {"reminder": "⏰ ", "escalated": "⬆️ ", "followup": "📨 "}.get(item.kind, "")
    return "{mark}{icon} {priority} · <b>{case}</b> · {category} · {place} · {age}".format(
        mark=mark,
        icon=PRIORITY_ICONS.get(p.get("priority", ""), ""),
        priority=escape(p.get("priority", "")),
        case=escape(p["case"]),
        category=category_label(p.get("category")),
        place=place_label(p.get("regency")),
        age=age(created, now),
    )


def alert_text(items: Sequence[OutboxItem], now: datetime) -> str:
    """One alert, or a digest of several. Codes only: never a narrative, evidence or anything about the reporter."""
    if len(items) > 1:
        lines = ["📥 <b>" + _("{count} alerts at once").format(count=len(items)) + "</b>"]
        lines += [_alert_line(item, now) for item in items]
        lines += ["", _("Open each in a private chat with the bot: /tip CASE-NUMBER")]
        return "\n".join(lines)
    item = items[0]
    p = item.payload
    case = escape(p["case"])
    created = datetime.fromisoformat(p["created_at"])
    if item.kind == "followup":
        head = "📨 <b>" + _("News from the reporter") + f"</b> {case}"
        body = (
            _("The reporter answered the task force's question.")
            if p.get("answered")
            else _("The reporter added information.")
        )
    elif item.kind == "reminder":
        head = "⏰ <b>" + _("Not acknowledged yet") + f"</b> {case}"
        body = _("P1 received {age} ago and nobody has claimed it. Please claim it now.").format(age=age(created, now))
    elif item.kind == "escalated":
        head = ("🚨 " if p.get("priority") == "P1" else "⬆️ ") + "<b>" + _("Priority raised") + f"</b> {case}"
        if p.get("cause") == "reporter":
            body = _("{before} → {after} after new information from the reporter.").format(
                before=escape(str(p.get("from", ""))), after=escape(str(p.get("priority", "")))
            )
        else:
            body = _("{before} → {after}: {count} tips name the same recruiter.").format(
                before=escape(str(p.get("from", ""))),
                after=escape(str(p.get("priority", ""))),
                count=escape(str(p.get("count", 3))),
            )
    else:
        title = _("New question") if p.get("kind") == "question" else _("New tip")
        head = ("🆕 " if p.get("priority") != "P1" else "🚨 ") + f"<b>{title}</b> {case}"
        body = _("Received {age} ago.").format(age=age(created, now))
    lines = [
        head,
        "{priority} · {category} · {place}".format(
            priority=priority_label(p.get("priority", "")),
            category=category_label(p.get("category")),
            place=place_label(p.get("regency")),
        ),
        body,
        _("Open it in a private chat with the bot: /tip {case}").format(case=case),
    ]
    return "\n".join(lines)
