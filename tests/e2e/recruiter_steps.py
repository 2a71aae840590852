"""Shared steps of the recruiter tests: the demo registry on a fixed day of the app's clock.

The demo file describes the list as on DEMO_AS_OF; loading it on that day keeps its dates as written, so the
tests can name them ("expired on 30 June 2025") and do not depend on the day they run.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from bot.services.registry import DEMO_AS_OF
from bot.services.registry.model import LOCAL_TZ

# "Not found" must never call a company illegal, in any language (ilegal, ilegál).
ILLEGAL = re.compile(r"il+eg[aá]l", re.IGNORECASE)


def set_app_day(harness, day: date, at: time = time(10, 0)) -> None:
    """Move the app's clock (and so the registry's "today") to ``at`` local time on ``day``."""
    clock = harness.app.clock
    target = datetime.combine(day, at, tzinfo=LOCAL_TZ)
    clock.advance((target - clock.now()).total_seconds())


async def load_demo_registry(harness, day: date = DEMO_AS_OF):
    set_app_day(harness, day)
    report = await harness.app.registry.import_demo()
    assert report.snapshot.row_count == 12
    return harness
