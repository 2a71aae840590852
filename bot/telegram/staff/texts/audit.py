"""The audit log of a tip, as /audit shows it."""

from __future__ import annotations

from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services.staff.model import AuditLine
from bot.telegram.staff.texts.labels import agency_label, local_time, outcome_label, staff_name, status_label


def audit_action_label(action: str) -> str:
    labels = {
        "view": _("opened the tip"),
        "claim": _("claimed it"),
        "assign": _("assigned it"),
        "status": _("changed the status"),
        "priority": _("changed the priority"),
        "note": _("added a note"),
        "refer": _("referred it"),
        "link": _("linked it"),
        "unlink": _("unlinked it"),
        "close": _("closed it"),
        "reopen": _("reopened it"),
        "ask_reporter": _("asked the reporter a question"),
        "answer_question": _("answered the question"),
        "audit": _("read the audit log"),
        "rescore": _("raised the priority after the reporter's new information"),
        "export": _("exported data"),
    }
    return labels.get(action, escape(action))


_AUDIT_DETAIL = {
    "status": lambda d: status_label(str(d.get("to", ""))),
    "reopen": lambda d: status_label(str(d.get("to", ""))),
    "close": lambda d: outcome_label(str(d.get("outcome", ""))),
    "priority": lambda d: f"{escape(str(d.get('from', '')))} → {escape(str(d.get('to', '')))}",
    "rescore": lambda d: f"{escape(str(d.get('from', '')))} → {escape(str(d.get('to', '')))}",
    "refer": lambda d: agency_label(str(d.get("agency", ""))),
    "link": lambda d: escape(str(d.get("case", ""))),
    "unlink": lambda d: escape(str(d.get("case", ""))),
}


def audit_text(case: str, lines: list[AuditLine], limit: int = 3800) -> str:
    head = ["🧾 <b>" + _("Audit log") + f"</b> {escape(case)}", ""]
    body = []
    for line in lines:
        who = {"staff": staff_name(line.staff), "system": staff_name(None)}.get(line.actor, _("command line"))
        extra = ""
        detail = line.detail
        if line.action in _AUDIT_DETAIL and detail and line.result == "ok":
            extra = f" ({_AUDIT_DETAIL[line.action](detail)})"
        refused = " · ⛔ " + _("refused") if line.result == "refused" else ""
        body.append(f"{local_time(line.at)} · {who} · {audit_action_label(line.action)}{extra}{refused}")
    if not body:
        body.append(_("Nothing recorded."))
    while len("\n".join(head + body)) > limit and len(body) > 1:
        body.pop(0)
    return "\n".join(head + body)
