"""Buttons of the staff side. Only action codes and ids travel in callback data, never text; every press is
re-checked against the presser's role, whatever the button says."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.services.staff.model import QueueFilter


class StaffCb(CallbackData, prefix="sf"):
    """``a``: action code; ``t``: tip id (0 when none); ``v``: a value (a status, priority, agency, outcome, staff
    id, or a queue filter)."""

    a: str
    t: int = 0
    v: str = ""


_STATUS_CODES = {"new": "n", "in_review": "r", "awaiting_reporter": "w", "referred": "f", "closed": "c"}
_STATUS_BY_CODE = {v: k for k, v in _STATUS_CODES.items()}


def pack_filter(f: QueueFilter, page: int = 1) -> str:
    """A queue filter and page in a few bytes: "s=n,p=P1,r=tts,m=1,g=2"."""
    parts = []
    if f.status:
        parts.append("s=" + _STATUS_CODES.get(f.status, ""))
    if f.priority:
        parts.append("p=" + f.priority)
    if f.regency:
        parts.append("r=" + f.regency)
    if f.mine:
        parts.append("m=1")
    if page > 1:
        parts.append(f"g={page}")
    return ",".join(parts)


def unpack_filter(value: str) -> tuple[QueueFilter, int]:
    fields: dict[str, str] = {}
    for part in value.split(","):
        key, _, val = part.partition("=")
        if key and val:
            fields[key] = val
    try:
        page = max(1, int(fields.get("g", "1")))
    except ValueError:
        page = 1
    priority = fields.get("p")
    return (
        QueueFilter(
            status=_STATUS_BY_CODE.get(fields.get("s", "")),
            priority=priority if priority in ("P1", "P2", "P3", "P4") else None,
            regency=fields.get("r") or None,
            mine=fields.get("m") == "1",
        ),
        page,
    )
