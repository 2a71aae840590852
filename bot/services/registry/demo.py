"""The shipped demo registry, dated to look the same on any day.

``content/registry/demo_registry.csv`` describes a made-up list as it stood on :data:`DEMO_AS_OF` (its newest row
copied a week before). Loaded on another day, every date in it (licence dates, ``retrieved_at``, sanction dates)
moves by the same number of days, so the demo always shows a week-old list with each company in the same state:
the licence that had just expired has still just expired, nothing turns stale or expired with the calendar.
Only the demo file is moved like this; real data keeps its dates, and its age is shown and warned about.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

from bot.services.registry.csv_format import DATE_COLUMNS

DEMO_AS_OF = date(2026, 11, 27)
_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


def redate_demo_csv(text: str, today: date) -> str:
    """The demo CSV with every date moved by ``today - DEMO_AS_OF`` days (unchanged on that day)."""
    shift = timedelta(days=(today - DEMO_AS_OF).days)
    if not shift:
        return text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    header = rows[0]
    columns = [header.index(c) for c in (*DATE_COLUMNS, "sanctions") if c in header]
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        for c in columns:
            if c < len(row):
                row[c] = _DAY.sub(lambda m: _moved(m.group(1), shift), row[c])
        writer.writerow(row)
    return out.getvalue()


def _moved(day: str, shift: timedelta) -> str:
    try:
        return (date.fromisoformat(day) + shift).isoformat()
    except ValueError:
        return day
