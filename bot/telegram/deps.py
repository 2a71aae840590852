"""What a handler may ask for by name, and its type: the one list of a handler's dependencies.

aiogram calls a handler with the keyword arguments its signature names, taken from the update's data. That data
has four sources, listed here as typed dictionaries:

- ``Shared``: made once per process and put on the dispatcher by ``bot.app.build_dispatcher`` (the one place that
  composes them);
- ``PerUpdate``: added for each update by the middlewares (bot/telegram/updates, bot/telegram/middlewares);
- ``FromAiogram``: aiogram's own (the bot, the sender, ``callback_data`` and ``command`` from a filter ...).

A handler names what it uses, typed as here (a handler may ask for a base class: ``i18n: I18n``), and never takes
``**kwargs``: its signature says what it depends on, and a misspelt name fails ``tests/unit/test_handler_deps.py``
instead of a user's update. Nothing in ``bot/telegram`` sees the whole application object.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypedDict, get_type_hints

from aiogram import Bot, Dispatcher, Router
from aiogram.filters import CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import Chat, Update, User
from sqlalchemy.ext.asyncio import AsyncSession

from bot.config import Settings
from bot.services.advice import AdviceIndex
from bot.services.advice.questions import QuestionService
from bot.services.clock import Clock
from bot.services.desk_login import DeskLogins
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService, Reply
from bot.services.intake.submit import IntakeService
from bot.services.intake.understand import ReportRequest
from bot.services.metrics import Metrics
from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.registry import RegistryService
from bot.services.staff.cases import CaseService
from bot.services.staff.model import StaffMember
from bot.telegram.i18n import CatalogI18n
from bot.telegram.updates.unit import UnitOfWork

# Called in the transaction that saved what a reporter added, to queue the staff alert with it.
NotifyStaff = Callable[[AsyncSession, int, Reply], Awaitable[None]]


class Shared(TypedDict):
    """Made once per process (``bot.app.handler_deps``)."""

    settings: Settings
    clock: Clock  # the time as the app sees it: tests and the demo move it forward
    i18n: CatalogI18n  # also set per update by the locale middleware; the error handler may run before it
    languages: LanguagePreferences
    pseudonymizer: Pseudonymizer
    cipher: Cipher
    evidence_store: EvidenceStore
    registry: RegistryService
    advice: AdviceIndex
    intake: IntakeService
    advice_questions: QuestionService
    staff_cases: CaseService
    followup: FollowUpService
    notify_staff: NotifyStaff
    desk_logins: DeskLogins  # the web desk's one-time login codes (/web)
    metrics: Metrics  # counts handled updates and failures (bot.services.metrics)


class PerUpdate(TypedDict, total=False):
    """Added by the middlewares for each update."""

    session: AsyncSession  # the update's one database session (its unit of work commits it)
    unit_of_work: UnitOfWork
    state: FSMContext  # the conversation, read once and written in the update's commit
    raw_state: str | None
    pseudonym: str  # the sender's pseudonym; absent when the update has no human sender
    locale: str  # the sender's language: their stored choice, else Telegram's
    staff: StaffMember  # on the staff router only, put there by its gate (bot/telegram/staff/gate.py): an active member


class FromAiogram(TypedDict, total=False):
    """aiogram's own names (filters add ``callback_data``, ``command``)."""

    bot: Bot
    dispatcher: Dispatcher
    event_from_user: User
    event_chat: Chat
    event_update: Update
    event_router: Router
    callback_data: CallbackData
    command: CommandObject
    handler: Any


class FromFilters(TypedDict, total=False):
    """Added by the project's own filters when they pass (a filter that understood something hands it on)."""

    report_request: ReportRequest  # bot.telegram.intake.filters.ReportPhrase: "mau lapor", "I want to report"
    misplaced: str  # bot.telegram.intake.filters.Misplaced: "too_early" or "unconfirmed" (Draft.misplaced)


def handler_names() -> dict[str, Any]:
    """Every name a handler may ask for, with its type (for the test that checks every handler's signature)."""
    names: dict[str, Any] = {}
    for source in (Shared, PerUpdate, FromAiogram, FromFilters):
        names.update(get_type_hints(source))
    return names
