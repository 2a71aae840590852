"""A case: everything /tip shows (answers, the whole story, evidence, related tips, history, the conversation with
the reporter) and a form for every staff action. Each action calls the same ``CaseService`` method as the bot's
button, with the same role check: a viewer's POST is refused there (403) and audited.

Evidence is served only here, to a signed-in reader, through the case's audited view; never from a public URL.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

from aiohttp import web

from bot.services.staff.model import AGENCIES, PRIORITIES, Refused, StaffMember
from bot.services.triage.deadlines import wita
from bot.services.triage.status import Action, Outcome, can
from bot.web import labels
from bot.web.deps import DB, DESK, FORM, deps_of
from bot.web.i18n import current_locale
from bot.web.render import render, see_other

# Types a browser may show in the page; anything else is only downloaded.
_INLINE = frozenset({"image/jpeg", "image/png", "image/webp"})


async def _tip_id(request: web.Request) -> int:
    tip = await deps_of(request).cases.find(request[DB], request.match_info["case"])
    if tip is None:
        raise Refused("not_found")
    return tip.id


async def case_page(request: web.Request) -> web.Response:
    deps = deps_of(request)
    member: StaffMember = request[DESK].member
    session = request[DB]
    tip_id = await _tip_id(request)
    view = await deps.cases.view(session, member, tip_id)
    thread = await deps.followup.thread(session, tip_id)
    assignable = await deps.cases.assignable(session, member) if can(member.role, Action.ASSIGN) else []
    names = {m.telegram_id: m.label for m in assignable}
    return render(
        request,
        "case.html",
        view=view,
        answers=_answers(view.answers),
        thread=[(kind, text, when, names.get(staff_id) if staff_id else None) for kind, text, when, staff_id in thread],
        reasons=deps.reason_lines(view.reasons, current_locale()) if view.reasons else [],
        history=[(entry.at, *labels.history_line(entry)) for entry in view.history],
        assignable=assignable,
        now=deps.clock(),
        priorities=PRIORITIES,
        agencies=AGENCIES,
        outcomes=[o.value for o in Outcome],
        today=deps.clock().astimezone(wita()).date().isoformat(),
        done=request.query.get("done"),
        case_path=quote(view.case_number),
    )


# The reporter's answers in the order the intake asks them: (label message id of the desk, answer key).
_ANSWER_KEYS = (
    "danger_now",
    "category",
    "category_text",
    "regency",
    "place_text",
    "departure",
    "when_text",
    "people",
    "minors",
    "recruiter",
    "route",
    "relation",
    "relation_text",
)


def _answers(answers: dict[str, Any]) -> list[tuple[str, str]]:
    """(key, value in words) of every answer but the story, in the intake's order; the template escapes both."""
    out: list[tuple[str, str]] = []
    keys = [*_ANSWER_KEYS, *(k for k in answers if k not in _ANSWER_KEYS)]
    for key in keys:
        value = answers.get(key)
        if key in ("story", "unreadable") or value in (None, "", [], {}):
            continue
        out.append((key, labels.answer_value(key, value)))
    return out


async def evidence(request: web.Request) -> web.StreamResponse:
    deps = deps_of(request)
    view = await deps.cases.view(request[DB], request[DESK].member, await _tip_id(request))
    try:
        item = view.evidence[int(request.match_info["n"]) - 1]
    except (ValueError, IndexError):
        raise Refused("not_found") from None
    data = deps.evidence_store.load(item.ref)
    inline = item.mime in _INLINE and "download" not in request.query
    name = f"{view.case_number}-{request.match_info['n']}"
    return web.Response(
        body=data,
        content_type=item.mime if inline else "application/octet-stream",
        headers={"Content-Disposition": ("inline" if inline else "attachment") + f'; filename="{name}"'},
    )


def _field(form, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


async def act(request: web.Request) -> web.Response:
    deps = deps_of(request)
    cases = deps.cases
    member: StaffMember = request[DESK].member
    session = request[DB]
    form = request[FORM]
    action = request.match_info["action"]
    tip_id = await _tip_id(request)
    if action == "claim":
        await cases.claim(session, member, tip_id)
    elif action == "assign":
        try:
            staff_id = int(_field(form, "staff"))
        except ValueError:
            raise Refused("not_assignable") from None
        await cases.assign(session, member, tip_id, staff_id)
    elif action == "priority":
        await cases.set_priority(session, member, tip_id, _field(form, "priority"), _field(form, "reason"))
    elif action == "status":
        await cases.set_status(session, member, tip_id, _field(form, "status"))
    elif action == "note":
        await cases.add_note(session, member, tip_id, _field(form, "text"))
    elif action == "ask":
        await cases.ask_reporter(session, member, tip_id, _field(form, "text"))
    elif action == "refer":
        try:
            on = date.fromisoformat(_field(form, "on"))
        except ValueError:
            raise Refused("bad_input") from None
        await cases.refer(session, member, tip_id, _field(form, "agency"), on, _field(form, "detail"))
    elif action == "link":
        await cases.link(session, member, tip_id, _field(form, "case").strip())
    elif action == "close":
        await cases.close(session, member, tip_id, _field(form, "outcome"))
    else:
        raise Refused("bad_input")
    return see_other(f"/case/{quote(request.match_info['case'])}?done={action}")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/case/{case}", case_page)
    app.router.add_get("/case/{case}/evidence/{n}", evidence)
    app.router.add_post("/case/{case}/{action}", act)
