"""Every sentence the staff side shows (translated through gettext, domain "staff"). User text is escaped here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from aiogram.utils.i18n import gettext as _

from bot.services import places
from bot.services.intake.draft import Step
from bot.services.outbox import OutboxItem
from bot.services.staff.model import (
    AuditLine,
    CaseView,
    HistoryEntry,
    QueueFilter,
    QueueItem,
    QueuePage,
    Refused,
    StaffMember,
)
from bot.services.triage.scoring import wita
from bot.telegram.intake import texts as intake_texts

PRIORITY_ICONS = {"P1": "🔴", "P2": "🟠", "P3": "🟡", "P4": "⚪"}


# Labels ----------------------------------------------------------------------------------------------------


def status_label(code: str) -> str:
    labels = {
        "new": _("new"),
        "in_review": _("in review"),
        "awaiting_reporter": _("awaiting the reporter"),
        "referred": _("referred"),
        "closed": _("closed"),
    }
    return labels.get(code, code)


def priority_label(code: str) -> str:
    labels = {"P1": _("P1 urgent"), "P2": _("P2 high"), "P3": _("P3 normal"), "P4": _("P4 low")}
    return PRIORITY_ICONS.get(code, "") + " " + labels.get(code, code)


def outcome_label(code: str | None) -> str:
    labels = {
        "actioned": _("actioned"),
        "referred": _("referred"),
        "insufficient_information": _("insufficient information"),
        "duplicate": _("duplicate"),
        "false_or_prank": _("false or prank"),
    }
    return labels.get(code or "", code or "")


def agency_label(code: str) -> str:
    labels = {
        "police": _("Police (Polres / Polsek)"),
        "polda_tf": _("Polda NTT task force"),
        # i18n: same in all languages
        "bp3mi": _("BP3MI NTT"),
        # i18n: same in all languages
        "sapa": _("SAPA 129 / UPTD PPA"),
        # i18n: same in all languages
        "disnaker": _("Disnaker"),
        "other": _("Another agency"),
    }
    return labels.get(code, code)


def role_label(code: str) -> str:
    return {"admin": _("admin"), "triager": _("triager"), "viewer": _("viewer")}.get(code, code)


def category_label(code: str | None) -> str:
    if not code:
        return _("no category")
    try:
        return intake_texts.category_label(code)
    except KeyError:
        return escape(code)


def place_label(code: str | None) -> str:
    if not code:
        return _("place not given")
    if code in ("elsewhere_id", "abroad"):
        return intake_texts.island_label(code)
    regency = places.regency(code)
    return escape(regency.name if regency else code)


def reason_label(code: str) -> str:
    labels = {
        "danger_now": _("danger now (answer)"),
        "danger_in_text": _("danger described in the text"),
        "departure_today": _("leaving within 24 hours"),
        "confinement_in_text": _("confined now"),
        "violence_in_text": _("violence or threats now"),
        "minor_involved": _("a child is involved"),
        "child_age_in_text": _("an age under 18 in the text"),
        "departure_this_week": _("leaving within 7 days"),
        "documents_held": _("documents held"),
        "debt_bondage": _("debt bondage"),
        "unpaid_wages": _("unpaid wages"),
        "exploitation_abroad_now": _("exploitation going on now, away from home"),
        "exploitation_now": _("exploitation going on now"),
        "exploitation_in_text": _("exploitation described in the text"),
        "holding_house": _("people in a holding house"),
        "illegal_recruitment": _("signs of illegal recruitment"),
        "transit_point": _("a transit point or route"),
        "past_violence_in_text": _("violence in the past"),
        "past_confinement_in_text": _("confinement in the past"),
        "specific_details": _("a specific person, place or time"),
        "no_specifics": _("no specific person, place or time"),
        "linked_recruiter": _("three or more tips name the same recruiter"),
    }
    return labels.get(code, escape(code))


def kind_label(kind: str) -> str:
    return _("question") if kind == "question" else _("tip")


def staff_name(member: StaffMember | None) -> str:
    if member is None:
        return _("the system")
    return escape(member.label)


def age(created_at: datetime, now: datetime) -> str:
    minutes = max(0, int((now - created_at).total_seconds() // 60))
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
    return _("{days} days").format(days=hours // 24)


def local_time(value: datetime) -> str:
    return value.astimezone(wita()).strftime("%d-%m-%Y %H:%M")


# Alerts in the staff group ---------------------------------------------------------------------------------


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
        head = "⬆️ <b>" + _("Priority raised") + f"</b> {case}"
        body = _("{before} → {after}: {count} tips name the same recruiter.").format(
            before=escape(p.get("from", "")), after=escape(p.get("priority", "")), count=p.get("count", 3)
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


# Private chat: general -------------------------------------------------------------------------------------


def not_staff() -> str:
    return _("This is for task-force staff only.")


def not_allowed_toast() -> str:
    return _("Not allowed.")


def help_text() -> str:
    return "\n".join(
        [
            "🛡 <b>" + _("Task force") + "</b>",
            _("/queue: open tips, most urgent first. Filters: P1 to P4, a status, a regency, mine."),
            _("/tip CASE-NUMBER: the whole tip with its evidence, history and actions."),
            _("/overdue: tips past their deadline."),
            _("/audit CASE-NUMBER: who looked at a tip and what they did (admins)."),
            _("/cancel: stop writing a note, reason or referral."),
        ]
    )


def refused_text(refused: Refused) -> str:
    code, params = refused.code, refused.params
    if code == "transition":
        current = status_label(str(params.get("current", "")))
        target = status_label(str(params.get("target", "")))
        error = params.get("error")
        if error == "admin_only":
            return _("Only an admin can move a tip from “{current}” to “{target}”.").format(
                current=current, target=target
            )
        if error == "outcome_required":
            return _("Closing needs an outcome: use the Close button.")
        if error == "same_status":
            return _("The tip is already “{current}”.").format(current=current)
        if params.get("current") == "new" and params.get("target") == "closed":
            return _("A new tip can only be closed as a duplicate or as false or prank. Claim it and review it first.")
        return _("A tip cannot go from “{current}” to “{target}”.").format(current=current, target=target)
    messages = {
        "not_staff": not_staff(),
        "role": _("Your role does not allow this."),
        "not_found": _("There is no tip with that case number."),
        "reason_required": _("Please write something: it cannot be empty."),
        "bad_input": _("That is not valid here."),
        "closed": _("This tip is closed. An admin can reopen it."),
        "self_link": _("A tip cannot be linked to itself."),
        "not_linked": _("These tips are not linked."),
        "not_assignable": _("That person cannot be given tips (not active staff, or a viewer)."),
    }
    if code == "already_claimed":
        return _("{name} has already claimed this tip. An admin can reassign it.").format(
            name=escape(str(params.get("holder", "")))
        )
    if code == "bad_input" and "limit" in params:
        return _("That is too long: at most {limit} characters.").format(limit=params["limit"])
    return messages.get(code, _("That is not valid here."))


# Queue -----------------------------------------------------------------------------------------------------


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
        priority=item.priority,
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


# The tip ---------------------------------------------------------------------------------------------------


def _answer_lines(view: CaseView) -> list[str]:
    a = view.answers
    step = intake_texts.step_title
    lines: list[str] = []

    def add(title: str, *values: str | None) -> None:
        shown = [v for v in values if v]
        if shown:
            lines.append(f"<b>{title}:</b> " + "; ".join(shown))

    def text(key: str) -> str | None:
        value = a.get(key)
        return escape(str(value)) if value else None

    def coded(label, key: str) -> str | None:
        value = a.get(key)
        if not value:
            return None
        try:
            return label(value)
        except KeyError:
            return escape(str(value))

    add(step(Step.DANGER), coded(intake_texts.danger_label, "danger_now"))
    add(step(Step.CATEGORY), category_label(a.get("category")) if a.get("category") else None, text("category_text"))
    location = a.get("location")
    loc = None
    if isinstance(location, list | tuple) and len(location) == 2:
        loc = _("location {lat}, {lon}").format(lat=f"{float(location[0]):.5f}", lon=f"{float(location[1]):.5f}")
    add(step(Step.WHERE), place_label(a.get("regency")) if a.get("regency") else None, text("place_text"), loc)
    add(step(Step.WHEN), coded(intake_texts.departure_label, "departure"), text("when_text"))
    add(step(Step.PEOPLE), coded(intake_texts.people_label, "people"))
    add(step(Step.MINORS), coded(intake_texts.yes_no_label, "minors"))
    add(step(Step.RECRUITER), text("recruiter"))
    add(step(Step.ROUTE), text("route"))
    add(_("How the reporter knows"), coded(intake_texts.relation_label, "relation"), text("relation_text"))
    notes = a.get("notes") or {}
    if isinstance(notes, dict):
        for key, value in notes.items():
            if value:
                label = _("Added by the reporter ({step})").format(step=_note_title(key))
                lines.append(f"<b>{label}:</b> {escape(str(value))}")
    facts = a.get("prefill_facts") or {}
    if isinstance(facts, dict) and facts:
        # An offer check started this report: where the job was and the warning signs it found (codes).
        parts = [
            f"{escape(str(k))}: {escape(', '.join(map(str, v)) if isinstance(v, list) else str(v))}"
            for k, v in facts.items()
        ]
        lines.append("<b>" + _("From the offer check") + ":</b> " + "; ".join(parts))
    return lines


def _note_title(key: object) -> str:
    try:
        return intake_texts.step_title(Step(str(key)))
    except (ValueError, KeyError):
        return escape(str(key))


def contact_line(view: CaseView) -> str:
    contact = view.contact or {}
    if contact.get("kind") == "phone" and contact.get("phone"):
        return "📞 " + _("The reporter may be called: {phone}").format(phone=escape(str(contact["phone"])))
    if contact.get("kind") == "chat":
        return "💬 " + _("The reporter accepts questions through the bot.")
    return "🕶 " + _("Anonymous: the reporter left no contact.")


def case_header(view: CaseView, now: datetime) -> str:
    lines = [
        f"🗂 <b>{escape(view.case_number)}</b> · {kind_label(view.kind)}",
        f"{priority_label(view.priority)} · {status_label(view.status)}",
        _("Received {age} ago ({time} WITA)").format(age=age(view.created_at, now), time=local_time(view.created_at)),
    ]
    if view.deadline_at and view.status != "closed":
        late = view.deadline_at < now
        deadline = _("Deadline: {time} WITA").format(time=local_time(view.deadline_at))
        lines.append(("⏰ " + deadline + " · " + _("overdue")) if late else deadline)
    if view.assignee:
        lines.append("👤 " + _("Assigned to {name}").format(name=staff_name(view.assignee)))
    else:
        lines.append("👤 " + _("Not assigned"))
    if view.status == "closed":
        lines.append(_("Closed: {outcome}").format(outcome=outcome_label(view.outcome)))
    if view.urgent:
        lines.append("🆘 " + _("The reporter said someone is in danger now."))
    return "\n".join(lines)


def case_card(view: CaseView, now: datetime) -> str:
    """The tip without the reporter's account (sent separately: it can be long)."""
    lines = [case_header(view, now), ""]
    if view.purged:
        lines.append(_("The details of this tip were deleted under the retention rules."))
        return "\n".join(lines)
    if view.answers.get("unreadable"):
        lines.append(_("The details of this tip cannot be decrypted (missing key)."))
        return "\n".join(lines)
    lines += _answer_lines(view)
    lines.append(contact_line(view))
    if view.evidence:
        lines.append("📎 " + _("{count} evidence file(s), sent below.").format(count=len(view.evidence)))
    if view.reasons:
        lines += ["", "<b>" + _("Why this priority") + ":</b>"]
        shown: set[tuple[str, str]] = set()
        for reason in view.reasons:
            detail = _reason_detail(reason.detail)
            if (reason.code, detail) in shown:
                continue
            shown.add((reason.code, detail))
            lines.append(f"• {reason_label(reason.code)}" + (f": <i>{escape(detail)}</i>" if detail else ""))
    return "\n".join(lines)


def _reason_detail(detail: str) -> str:
    """The part of a reason worth showing. Reasons from a button answer ("answer: leaving today", "category: ...")
    say nothing the translated label does not; from free text the detail is the reporter's own words."""
    head, sep, rest = detail.partition(": ")
    if sep and head in ("answer", "category"):
        return ""
    if sep and head in ("recruiter", "route", "place"):
        return rest
    return detail


def story_chunks(view: CaseView, limit: int = 3500) -> list[str]:
    """The reporter's account, escaped, in messages that each stay under Telegram's 4096 characters."""
    story = view.answers.get("story") if not view.purged else None
    if not story:
        return []
    title = "📝 <b>" + _("The reporter's account") + "</b>\n"
    chunks: list[str] = []
    current = ""
    for word in str(story).split(" "):
        piece = escape(word) + " "
        if len(title) + len(current) + len(piece) > limit and current:
            chunks.append(current.rstrip())
            current = ""
        while len(title) + len(piece) > limit:  # one enormous "word"
            chunks.append(piece[: limit - len(title)])
            piece = piece[limit - len(title) :]
        current += piece
    if current.strip():
        chunks.append(current.rstrip())
    total = len(chunks)
    return [title.rstrip("\n") + (f" ({i}/{total})" if total > 1 else "") + "\n" + c for i, c in enumerate(chunks, 1)]


def evidence_caption(view: CaseView, n: int) -> str:
    return _("{case}: evidence {n} of {total}").format(case=escape(view.case_number), n=n, total=len(view.evidence))


def evidence_missing(view: CaseView, n: int) -> str:
    return "⚠️ " + _("{case}: evidence {n} of {total} could not be opened.").format(
        case=escape(view.case_number), n=n, total=len(view.evidence)
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
        line = _("{who}: priority {before} → {after}").format(who=who, before=d.get("from"), after=d.get("to"))
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
    elif kind == "question":
        line = _("{who} asked the reporter:").format(who=who) + f" <i>{text}</i>"
    elif kind == "answer":
        line = _("{who} answered the question:").format(who=who) + f" <i>{text}</i>"
    elif kind == "escalated":
        line = _("Priority raised {before} → {after}: {count} tips name the same recruiter").format(
            before=d.get("from"), after=d.get("to"), count=d.get("count")
        )
    else:
        line = escape(kind)
    return f"{local_time(entry.at)} · {line}"


def thread_lines(thread: list[tuple[str, str, datetime, int | None]], limit: int = 3500) -> list[str]:
    """The follow-up conversation with the reporter (their words escaped), newest last."""
    if not thread:
        return []
    labels = {
        "question": _("Task force asked"),
        "answer": _("Reporter answered"),
        "addition": _("Reporter added"),
        "staff_answer": _("Task force answered"),
    }
    lines = ["💬 <b>" + _("Conversation with the reporter") + "</b>"]
    body = [
        f"{local_time(when)} · {labels.get(kind, escape(kind))}: <i>{escape(text)}</i>"
        for kind, text, when, _s in thread
    ]
    while body and len("\n".join(lines + body)) > limit:
        body.pop(0)
    return lines + body


def related_line(view: CaseView) -> list[str]:
    if not view.related:
        return []
    via_labels = {"phone": _("same phone number"), "name": _("same recruiter name"), "manual": _("linked by staff")}
    lines = ["🔗 <b>" + _("Related tips") + "</b>"]
    for r in view.related:
        via = ", ".join(via_labels.get(v, v) for v in sorted(r.via))
        lines.append(
            "• {icon} {priority} <b>{case}</b> · {status} · {via}".format(
                icon=PRIORITY_ICONS.get(r.priority, ""),
                priority=r.priority,
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
            while history and len("\n".join(lines + history)) > limit:
                history.pop(0)
            if len(history) < len(view.history):
                lines.append("…")
            lines += history
        else:
            lines.append(_("Nothing yet."))
    return "\n".join(lines)


# Prompts and confirmations ---------------------------------------------------------------------------------


def prompt_note(case: str) -> str:
    return _("Write the note for {case}. Only staff will see it. /cancel to stop.").format(case=escape(case))


def prompt_priority(case: str) -> str:
    return _("New priority for {case}:").format(case=escape(case))


def prompt_priority_reason(case: str, priority: str) -> str:
    return _("Why should {case} be {priority}? Write the reason (it is kept in the history). /cancel to stop.").format(
        case=escape(case), priority=escape(priority)
    )


def prompt_status(case: str) -> str:
    return _("New status for {case}:").format(case=escape(case))


def prompt_no_status(case: str) -> str:
    return _("There is no status you can move {case} to from here.").format(case=escape(case))


def prompt_close(case: str) -> str:
    return _("How was {case} resolved?").format(case=escape(case))


def prompt_agency(case: str) -> str:
    return _("Refer {case} to which agency?").format(case=escape(case))


def prompt_referral_date(case: str, agency: str) -> str:
    return _("When was {case} referred to {agency}?").format(case=escape(case), agency=agency_label(agency))


def prompt_referral_typed_date() -> str:
    return _("Write the date as DD-MM-YYYY, for example 27-11-2026.")


def bad_date() -> str:
    return _("I could not read that date. Write it as DD-MM-YYYY, for example 27-11-2026.")


def prompt_referral_detail(case: str) -> str:
    return _("Any details of the referral for {case} (officer, reference number)? Write them, or press Skip.").format(
        case=escape(case)
    )


def prompt_link(case: str) -> str:
    return _("Send the case number of the tip to link with {case}. /cancel to stop.").format(case=escape(case))


def prompt_unlink(case: str) -> str:
    return _("Which tip should no longer be linked with {case}?").format(case=escape(case))


def prompt_assign(case: str) -> str:
    return _("Give {case} to:").format(case=escape(case))


def prompt_text_expected() -> str:
    return _("Please write it as a text message, or /cancel.")


def cancelled() -> str:
    return _("Cancelled.")


def done_claim(case: str) -> str:
    return "✅ " + _("{case} is yours now.").format(case=escape(case))


def done_assign(case: str, name: str) -> str:
    return "✅ " + _("{case} given to {name}.").format(case=escape(case), name=escape(name))


def done_priority(case: str, priority: str) -> str:
    return "✅ " + _("{case} is now {priority}.").format(case=escape(case), priority=priority_label(priority))


def done_status(case: str, status: str) -> str:
    return "✅ " + _("{case} is now “{status}”.").format(case=escape(case), status=status_label(status))


def prompt_ask(case: str, is_question: bool, contact: dict | None) -> str:
    if is_question:
        return _(
            "Write the answer to the question {case}. The person reads it with their receipt code. /cancel to stop."
        ).format(case=escape(case))
    lines = [
        _(
            "Write the question for the reporter of {case}. They read it when they open the report with their "
            "receipt code; never ask for their name or address unless it is needed. /cancel to stop."
        ).format(case=escape(case))
    ]
    if contact and contact.get("kind") == "chat":
        lines.append(_("They allowed notices: they will get a message saying only that there is news."))
    return "\n\n".join(lines)


def done_ask(case: str, is_question: bool, notified: bool) -> str:
    if is_question:
        return "✅ " + _("Answer saved for {case}. The person sees it with their receipt code.").format(
            case=escape(case)
        )
    text = "✅ " + _("Question saved for {case}; the tip now waits for the reporter.").format(case=escape(case))
    if notified:
        text += " " + _("A neutral notice is on its way to the reporter.")
    return text


def done_note(case: str) -> str:
    return "✅ " + _("Note added to {case}.").format(case=escape(case))


def done_referral(case: str, agency: str) -> str:
    return "✅ " + _("{case} referred to {agency}.").format(case=escape(case), agency=agency_label(agency))


def done_link(case: str, other: str) -> str:
    return "✅ " + _("{case} linked with {other}.").format(case=escape(case), other=escape(other))


def done_unlink(case: str, other: str) -> str:
    return "✅ " + _("{case} no longer linked with {other}.").format(case=escape(case), other=escape(other))


def done_close(case: str, outcome: str) -> str:
    return "✅ " + _("{case} closed: {outcome}.").format(case=escape(case), outcome=outcome_label(outcome))


def usage_tip() -> str:
    return _("Write the case number after the command, for example /tip TPPO-2026-00042.")


def usage_audit() -> str:
    return _("Write the case number after the command, for example /audit TPPO-2026-00042.")


# Audit -----------------------------------------------------------------------------------------------------


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
        "export": _("exported data"),
    }
    return labels.get(action, escape(action))


_AUDIT_DETAIL = {
    "status": lambda d: status_label(str(d.get("to", ""))),
    "reopen": lambda d: status_label(str(d.get("to", ""))),
    "close": lambda d: outcome_label(str(d.get("outcome", ""))),
    "priority": lambda d: f"{escape(str(d.get('from', '')))} → {escape(str(d.get('to', '')))}",
    "refer": lambda d: agency_label(str(d.get("agency", ""))),
    "link": lambda d: escape(str(d.get("case", ""))),
    "unlink": lambda d: escape(str(d.get("case", ""))),
}


def audit_text(case: str, lines: list[AuditLine], limit: int = 3800) -> str:
    head = ["🧾 <b>" + _("Audit log") + f"</b> {escape(case)}", ""]
    body = []
    for line in lines:
        who = staff_name(line.staff) if line.actor == "staff" else _("command line")
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
