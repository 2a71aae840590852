"""The ``sanctions`` column as structured notes, so that the bot can say them in the reader's language.

A free-text note ("licence revoked after complaints of fee charging") can only be shown in the language it was
written in, which puts Indonesian or English on a Tetun reader's screen. So the column holds entries the bot can
translate, separated by ``;``::

    warning 2025-03-10 to 2025-06-30; suspension 2026-10-01; revocation 2025-08-01

Each entry is a kind, the day it started (``YYYY-MM-DD``, or ``YYYY-MM`` when only the month is known) and,
optionally, ``to`` and the day it ended. The kinds are the administrative sanctions of Indonesian licensing law
(peringatan tertulis, penghentian sementara kegiatan usaha, denda administratif, pencabutan izin), and the
Indonesian words from the official list are accepted as they are:

=============  ==========================================================
kind           also written
=============  ==========================================================
warning        peringatan, peringatan tertulis, teguran, teguran tertulis
suspension     penghentian sementara (kegiatan usaha), pembekuan, skorsing
fine           denda, denda administratif
revocation     pencabutan, pencabutan izin
=============  ==========================================================

A note that is not in this form is kept (staff and ``tipline registry check`` show it) but the bot only tells
people that the official list has a sanction note, with the link to the list, never the untranslated words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class SanctionKind(StrEnum):
    WARNING = "warning"
    SUSPENSION = "suspension"
    FINE = "fine"
    REVOCATION = "revocation"


_KIND_WORDS: dict[str, SanctionKind] = {
    "warning": SanctionKind.WARNING,
    "written warning": SanctionKind.WARNING,
    "peringatan": SanctionKind.WARNING,
    "peringatan tertulis": SanctionKind.WARNING,
    "teguran": SanctionKind.WARNING,
    "teguran tertulis": SanctionKind.WARNING,
    "suspension": SanctionKind.SUSPENSION,
    "penghentian sementara": SanctionKind.SUSPENSION,
    "penghentian sementara kegiatan usaha": SanctionKind.SUSPENSION,
    "penghentian sementara sebagian kegiatan usaha": SanctionKind.SUSPENSION,
    "penghentian sementara seluruh kegiatan usaha": SanctionKind.SUSPENSION,
    "penghentian sementara sebagian atau seluruh kegiatan usaha": SanctionKind.SUSPENSION,
    "pembekuan": SanctionKind.SUSPENSION,
    "skorsing": SanctionKind.SUSPENSION,
    "fine": SanctionKind.FINE,
    "denda": SanctionKind.FINE,
    "denda administratif": SanctionKind.FINE,
    "revocation": SanctionKind.REVOCATION,
    "pencabutan": SanctionKind.REVOCATION,
    "pencabutan izin": SanctionKind.REVOCATION,
}
_DAY = r"\d{4}-\d{2}(?:-\d{2})?"
_ENTRY = re.compile(
    rf"(?P<kind>[^\d;]+?)\s*:?\s+(?P<start>{_DAY})(?:\s*(?:to|until|sampai|s\.?d\.?|s/d|-|–|—)\s*(?P<end>{_DAY}))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sanction:
    kind: SanctionKind
    start: date
    # True when only the month is known: shown as "March 2025".
    start_month_only: bool = False
    end: date | None = None
    end_month_only: bool = False


@dataclass(frozen=True, slots=True)
class SanctionNotes:
    """What the bot can say about a ``sanctions`` cell: the entries it understood and whether anything was not
    (then it points to the official list instead of showing words it cannot translate)."""

    entries: tuple[Sanction, ...] = ()
    unreadable: bool = False

    def __bool__(self) -> bool:
        return bool(self.entries) or self.unreadable


def parse_sanctions(text: str | None) -> SanctionNotes:
    """Never raises; an empty or missing cell gives empty notes."""
    if not text or not text.strip():
        return SanctionNotes()
    entries: list[Sanction] = []
    unreadable = False
    for part in text.split(";"):
        part = " ".join(part.split())
        if not part:
            continue
        entry = _parse_entry(part)
        if entry is None:
            unreadable = True
        else:
            entries.append(entry)
    return SanctionNotes(tuple(entries), unreadable)


def _parse_entry(part: str) -> Sanction | None:
    found = _ENTRY.fullmatch(part)
    if found is None:
        return None
    kind = _KIND_WORDS.get(" ".join(found["kind"].casefold().split()))
    start = _parse_day(found["start"])
    if kind is None or start is None:
        return None
    end = _parse_day(found["end"]) if found["end"] else None
    if found["end"] and (end is None or end[0] < start[0]):
        return None
    return Sanction(kind, start[0], start[1], end[0] if end else None, end[1] if end else False)


def _parse_day(text: str) -> tuple[date, bool] | None:
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01"), True
        return date.fromisoformat(text), False
    except ValueError:
        return None
