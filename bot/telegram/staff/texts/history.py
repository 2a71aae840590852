"""A tip's history, the follow-up conversation, related tips, and the closing panel of /tip. Messages that could
grow without end (a long history, a long conversation) keep the newest entries that fit in one message."""

from __future__ import annotations

from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.staff.model import CaseView, HistoryEntry
from bot.telegram.staff.html import LIMIT, split_html, visible_length
from bot.telegram.staff.texts.case import case_header
from bot.telegram.staff.texts.labels import (
    PRIORITY_ICONS,
    agency_label,
    local_time,
    outcome_label,
    staff_name,
    status_label,
)


def history_line(entry: HistoryEntry) -> str:
    who = staff_name(entry.staff)
    d = entry.data
    text = escape(entry.text) if entry.text else ""
    kind = entry.kind
    if kind == "claim":
        line = _("{who} claimed it").format(who=who)
    elif kind == "assign":
        line = _("{who} assigned it to {to}").format(who=who, to=escape(str(d.get("to_label") or d.get("to", ""))))
    elif kind == "status":
        line = _("{who}: status {before} → {after}").format(
            who=who, before=status_label(d.get("from", "")), after=status_label(d.get("to", ""))
        )
    elif kind == "priority":
        line = _("{who}: priority {before} → {after}").format(
            who=who, before=escape(str(d.get("from"))), after=escape(str(d.get("to")))
        )
        if text:
            line += f": <i>{text}</i>"
    elif kind == "note":
        line = _("{who} noted:").format(who=who) + f" <i>{text}</i>"
    elif kind == "referral":
        on = d.get("on", "")
        with_date = datetime.fromisoformat(on).strftime("%d-%m-%Y") if on else ""
        line = _("{who} referred it to {agency} on {date}").format(
            who=who, agency=agency_label(d.get("agency", "")), date=with_date
        )
        if text:
            line += f": <i>{text}</i>"
    elif kind == "link":
        line = _("{who} linked it with {case}").format(who=who, case=escape(str(d.get("case", ""))))
    elif kind == "unlink":
        line = _("{who} unlinked it from {case}").format(who=who, case=escape(str(d.get("case", ""))))
    elif kind == "close":
        line = _("{who} closed it: {outcome}").format(who=who, outcome=outcome_label(d.get("outcome")))
    elif kind == "reopen":
        line = _("{who} reopened it").format(who=who)
    elif kind == "record":
        line = _("{who} recorded the case data").format(who=who)
    elif kind == "question":
        line = _("{who} asked the reporter:").format(who=who) + f" <i>{text}</i>"
    elif kind == "answer":
        line = _("{who} answered the question:").format(who=who) + f" <i>{text}</i>"
    elif kind == "escalated":
        line = _("Priority raised {before} → {after}: {count} tips name the same recruiter").format(
            before=escape(str(d.get("from"))), after=escape(str(d.get("to"))), count=escape(str(d.get("count")))
        )
    elif kind == "rescored":
        line = _("Priority raised {before} → {after} after the reporter's new information").format(
            before=escape(str(d.get("from"))), after=escape(str(d.get("to")))
        )
    else:
        line = escape(kind)
    return f"{local_time(entry.at)} · {line}"


def thread_parts(thread: list[tuple[str, str, datetime, int | None]], limit: int = LIMIT) -> list[str]:
    """The follow-up conversation with the reporter (their words escaped), oldest first, in as many messages as it
    needs: nothing the reporter sent is left out."""
    if not thread:
        return []
    labels = {
        "question": _("Task force asked"),
        "answer": _("Reporter answered"),
        "addition": _("Reporter added"),
        "staff_answer": _("Task force answered"),
    }
    title = "💬 <b>" + _("Conversation with the reporter") + "</b>"
    entries = []
    for kind, text, when, _staff in thread:
        who = labels.get(kind, escape(kind))
        entries.append(f"{local_time(when)} · {who}: <i>{escape(text)}</i>")
    body = "\n".join(entries)
    chunks = split_html(body, limit - 40)
    total = len(chunks)
    return [title + (f" ({i}/{total})" if total > 1 else "") + "\n" + c for i, c in enumerate(chunks, 1)]


def related_line(view: CaseView) -> list[str]:
    if not view.related:
        return []
    via_labels = {"phone": _("same phone number"), "name": _("same recruiter name"), "manual": _("linked by staff")}
    lines = ["🔗 <b>" + _("Related tips") + "</b>"]
    if view.related_total > len(view.related):
        lines[0] += " " + _("({shown} newest of {total})").format(shown=len(view.related), total=view.related_total)
    for r in view.related:
        via = ", ".join(via_labels.get(v, v) for v in sorted(r.via))
        lines.append(
            "• {icon} {priority} <b>{case}</b> · {status} · {via}".format(
                icon=PRIORITY_ICONS.get(r.priority, ""),
                priority=escape(r.priority),
                case=escape(r.case_number),
                status=status_label(r.status),
                via=via,
            )
        )
    return lines


def actions_text(view: CaseView, now: datetime, *, with_history: bool = True, limit: int = 3800) -> str:
    """The closing message of /tip: related tips, history and the action buttons' heading."""
    lines = [case_header(view, now)]
    related = related_line(view)
    if related:
        lines += ["", *related]
    if with_history:
        lines += ["", "🕘 <b>" + _("History") + "</b>"]
        if view.history:
            history = [history_line(e) for e in view.history]
            # Newest last; the oldest are left out when there is too much for one message.
            sizes = [visible_length(line) + 1 for line in history]
            total = visible_length("\n".join(lines)) + sum(sizes)
            while history and total > limit:
                total -= sizes.pop(0)
                history.pop(0)
            if len(history) < len(view.history):
                lines.append(_("… {count} older entries").format(count=len(view.history) - len(history)))
            lines += history
        else:
            lines.append(_("Nothing yet."))
    return "\n".join(lines)
