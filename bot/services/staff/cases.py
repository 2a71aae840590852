"""Working a tip, framework-free: ``CaseService`` is the queries (``queries.py``: queue, search, late tips, a tip's
view, caseload, hand-over, audit trail), the commands (``commands.py``: every action on a tip) and the figures
(``stats.py``), over one cipher and clock. The Telegram adapter and a web adapter call the same methods with the
same role checks.

Plain data in and out. The caller passes the acting ``StaffMember`` as just read from the database (so a removed
or demoted member is refused at once); every method raises ``Refused`` for what it will not do, and a refusal by a
registered staff member is audited too.
"""

from __future__ import annotations

from bot.services.staff.access import TEXT_CONTEXT, clean_text
from bot.services.staff.commands import CaseCommands
from bot.services.staff.queries import CaseQueries
from bot.services.staff.stats import StatsService


class CaseService(CaseQueries, CaseCommands, StatsService):
    """Queries and commands on tips, and the figures (see the three modules)."""


__all__ = ["TEXT_CONTEXT", "CaseService", "clean_text"]
