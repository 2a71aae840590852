"""Buttons of the staff side. Only an action, a tip id and a short value travel in callback data (64 bytes), never
text; every press is re-checked against the presser's role, whatever the button says. A search is never packed:
it stays in the staff member's conversation state (as a keyed hash) and the button only says "with the search"."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData

from bot.services import places
from bot.services.staff.model import ANY_STATUS, PRIORITIES, QueueFilter, Search
from bot.services.triage.facts import CATEGORIES


class Act(StrEnum):
    """What a staff button does; one handler each (bot/telegram/staff/buttons.py)."""

    QUEUE = "q"  # show a queue page (value: the packed filter)
    FILTER_MENU = "qf"  # the choices of one filter
    SEARCH = "qs"  # ask what to search for
    SELECT = "sel"  # bulk mode: tick tips on the page (admins)
    PICK = "pk"  # tick or untick one tip
    BULK = "bk"  # close the ticked tips (value: outcome)
    CASELOAD = "cl"
    OPEN = "open"
    CLAIM = "claim"
    ASSIGN_MENU = "assign"
    ASSIGN = "as"
    PRIORITY_MENU = "prio"
    PRIORITY = "p"
    STATUS_MENU = "status"
    STATUS = "s"
    CLOSE_MENU = "close"
    CLOSE = "co"
    NOTE = "note"
    ASK = "ask"
    REFER_MENU = "refer"
    REFER_AGENCY = "ra"
    REFER_DATE = "rd"
    REFER_SKIP = "rskip"
    DATA_MENU = "data"  # structured case data
    DATA_FIELD = "df"  # ask for one field (value: the field)
    TRANSIT = "tp"  # tick or untick a transit point (value: its code)
    LINK = "link"
    UNLINK_MENU = "unlink"
    UNLINK = "ul"
    CANCEL = "cancel"


class StaffCb(CallbackData, prefix="sf"):
    """``a``: the action; ``t``: tip id (0 when none); ``v``: a value (a status, priority, agency, outcome, staff
    id, or a queue filter)."""

    a: Act
    t: int = 0
    v: str = ""


_STATUS_CODES = {
    "new": "n",
    "in_review": "r",
    "awaiting_reporter": "w",
    "referred": "f",
    "closed": "c",
    ANY_STATUS: "a",
}
_STATUS_BY_CODE = {v: k for k, v in _STATUS_CODES.items()}


def _places() -> list[str]:
    return [r.code for r in places.regencies()] + list(places.SPECIAL_CODES)


def pack_filter(f: QueueFilter, page: int = 1) -> str:
    """A queue filter and page in a few bytes: "s=n,p=1,r=4,c=2,u=1,l=1,a=123,o=1,x=1,g=2" (regency and category by
    their place in the lists; "x=1": with the search kept in the conversation)."""
    parts = []
    if f.status:
        parts.append("s=" + _STATUS_CODES.get(f.status, ""))
    if f.priority:
        parts.append("p=" + f.priority[1:])
    if f.regency and f.regency in _places():
        parts.append(f"r={_places().index(f.regency)}")
    if f.category in CATEGORIES:
        parts.append(f"c={CATEGORIES.index(f.category)}")
    if f.minors:
        parts.append("u=1")
    if f.late:
        parts.append("l=1")
    if f.mine:
        parts.append("m=1")
    if f.assignee:
        parts.append(f"a={f.assignee}")
    if f.unassigned:
        parts.append("o=1")
    if f.search is not None:
        parts.append("x=1")
    if page > 1:
        parts.append(f"g={page}")
    return ",".join(parts)


def _index(value: str | None, items: list[str] | tuple[str, ...]) -> str | None:
    if value is None or not value.isdigit() or int(value) >= len(items):
        return None
    return items[int(value)]


def unpack_filter(value: str, search: Search | None = None) -> tuple[QueueFilter, int]:
    """The filter and page of a button; ``search`` is the one kept in the conversation (used when "x=1")."""
    fields: dict[str, str] = {}
    for part in value.split(","):
        key, _, val = part.partition("=")
        if key and val:
            fields[key] = val
    try:
        page = max(1, int(fields.get("g", "1")))
    except ValueError:
        page = 1
    priority = "P" + fields.get("p", "")
    assignee = fields.get("a", "")
    return (
        QueueFilter(
            status=_STATUS_BY_CODE.get(fields.get("s", "")),
            priority=priority if priority in PRIORITIES else None,
            regency=_index(fields.get("r"), _places()),
            category=_index(fields.get("c"), CATEGORIES),
            minors=fields.get("u") == "1",
            late=fields.get("l") == "1",
            mine=fields.get("m") == "1",
            assignee=int(assignee) if assignee.isdigit() else None,
            unassigned=fields.get("o") == "1",
            search=search if fields.get("x") == "1" else None,
        ),
        page,
    )
