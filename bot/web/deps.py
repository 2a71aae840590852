"""What the desk's pages are given (made by the composition root, bot/app.py ``desk_deps``)."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web
from multidict import MultiDictProxy
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services.clock import Clock
from bot.services.desk_login import DeskLogins, DeskSession
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.ratelimit import SlidingWindowLimiter
from bot.services.staff.cases import CaseService
from bot.services.staff.report import Labels
from bot.services.staff.stats import Figures
from bot.services.triage.reasons import Reason

# The staff screens' labels for figures (bot/telegram/staff/texts/stats.py), in a language: the report and the
# chart say the same words as /stats. (figures, language, internal) -> Labels.
ReportLabels = Callable[[Figures, str, bool], Labels]
# Why a tip has its priority, as /tip says it (bot/telegram/staff/texts/reasons.py), in a language, as plain text
# lines (the template escapes them). (reasons, language) -> lines.
ReasonLines = Callable[[list[Reason], str], list[str]]


@dataclass
class DeskDeps:
    settings: Settings
    session_factory: async_sessionmaker[AsyncSession]
    cases: CaseService
    logins: DeskLogins
    followup: FollowUpService
    evidence_store: EvidenceStore
    clock: Clock
    catalogs: dict[str, gettext.NullTranslations]
    login_limiter: SlidingWindowLimiter
    report_labels: ReportLabels
    reason_lines: ReasonLines


DEPS = web.AppKey("desk_deps", DeskDeps)
# Per request: its database session (one, committed once), who is signed in (None: nobody), a POST's form.
DB = web.RequestKey("desk_db", AsyncSession)
DESK = web.RequestKey("desk_session", DeskSession)
FORM = web.RequestKey("desk_form", MultiDictProxy)


def deps_of(request: web.Request) -> DeskDeps:
    return request.app[DEPS]
