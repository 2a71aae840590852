"""Builds the bot, the dispatcher and what they need. Nothing here runs at import time."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import html
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import BotCommand, LinkPreviewOptions
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import SUPPORTED_LOCALES, Settings
from bot.paths import CONTENT_DIR, LOCALES_DIR
from bot.services.advice import AdviceIndex, KnowledgeBase, load_knowledge_base
from bot.services.advice.questions import QuestionService
from bot.services.clock import OffsetClock
from bot.services.desk_login import DeskLogins
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.intake.submit import IntakeService
from bot.services.metrics import Metrics
from bot.services.outbox import NOTIFY_KEY
from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.ratelimit import SlidingWindowLimiter
from bot.services.registry import RegistryService
from bot.services.registry.model import local_date
from bot.services.retention import RetentionService
from bot.services.staff.cases import CaseService
from bot.telegram.bot_session import BotSession
from bot.telegram.button_filters import quick_callback_filters
from bot.telegram.deps import Shared
from bot.telegram.direct_routing import route_directly
from bot.telegram.errors import on_error
from bot.telegram.housekeeping import BackgroundTasks, retention_loop
from bot.telegram.i18n import CatalogI18n, build_i18n
from bot.telegram.middlewares import setup_middlewares
from bot.telegram.routers import get_routers
from bot.telegram.speed import gate_routers, resolve_state_filters, run_filters_inline
from bot.telegram.staff.delivery import StaffDelivery, build_delivery, notify_staff_of
from bot.telegram.updates.conversation import ConversationStore
from bot.telegram.updates.locks import OUTBOX_LEADER, AdvisoryLocks, LocalLocks, PersonLocks
from bot.telegram.updates.runner import BotRunner
from bot.telegram.updates.unit import CommitBeforeSend, UnitSession
from db.direct import Writer, direct_writer
from db.engine import SQLITE_BUSY_SECONDS, make_engine, make_session_factory
from db.migrate import upgrade_database
from db.repositories.registry import RegistryRepository

log = logging.getLogger(__name__)

# A media album arrives as up to 10 messages at once; the flood limit leaves room for that.
FLOOD_LIMIT = 30
FLOOD_WINDOW_SECONDS = 15.0


@dataclass
class App:
    """Everything the handlers share, made once per process and passed in (no globals)."""

    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    cipher: Cipher
    pseudonymizer: Pseudonymizer
    i18n: CatalogI18n
    evidence_store: EvidenceStore
    registry: RegistryService
    knowledge_base: KnowledgeBase
    advice: AdviceIndex
    conversations: ConversationStore
    languages: LanguagePreferences
    # Things that keep the bot busy (running updates, outbox deliveries): the emulator waits for them in tests.
    busy_hooks: list[Callable[[], bool]] = field(default_factory=list)
    background: BackgroundTasks = field(default_factory=BackgroundTasks)
    metrics: Metrics = field(default_factory=Metrics)
    # Order of each person's updates across worker processes, and which worker sends the outbox.
    locks: PersonLocks = field(default_factory=LocalLocks)
    # Background loops read the time here; tests and the demo move it forward (``clock.advance``).
    clock: OffsetClock = field(default_factory=OffsetClock)
    # The update's own commits (its record, its conversation) past SQLAlchemy's session (db.direct).
    writer: Writer | None = None

    def busy(self) -> bool:
        return any(hook() for hook in self.busy_hooks)

    async def close(self) -> None:
        await self.background.stop()
        await self.locks.close()
        if self.writer is not None:
            await self.writer.close()
        await self.engine.dispose()


async def build_app(settings: Settings, *, migrate: bool = True) -> App:
    engine = make_engine(settings.database_url, pool_size=settings.database_pool_size)
    cipher = Cipher(settings.keys)
    pseudonymizer = Pseudonymizer(settings.pepper_bytes)
    if migrate:
        await upgrade_database(engine)
    session_factory = make_session_factory(engine, sync_session_class=UnitSession)
    clock = OffsetClock()
    # The recruiter registry index is built once here; imports through the service rebuild it. Its "today"
    # (licence expiry, data age) follows the app's clock, so tests and the demo can set the day.
    registry = RegistryService(RegistryRepository(session_factory), today=lambda: local_date(clock.now()))
    await registry.reload()
    alone = settings.workers == 1
    # With several workers another process may change a conversation or a language at any time: no caches then.
    conversations = ConversationStore(cipher, pseudonymizer, enabled=alone)
    languages = LanguagePreferences(enabled=alone)
    if alone:
        async with session_factory() as session:
            # This process is the database's only writer: what exists is known, so a newcomer costs no look-ups.
            await conversations.preload(session)
            await languages.preload(session)
    locks = AdvisoryLocks(settings.database_url, settings.pepper_bytes) if not alone else LocalLocks()
    # The knowledge base and its search index are built once per process (about half a second).
    knowledge_base = load_knowledge_base(CONTENT_DIR)
    return App(
        settings=settings,
        engine=engine,
        session_factory=session_factory,
        cipher=cipher,
        pseudonymizer=pseudonymizer,
        conversations=conversations,
        languages=languages,
        i18n=build_i18n(LOCALES_DIR, settings.default_locale),
        evidence_store=EvidenceStore(settings.evidence_dir, cipher),
        registry=registry,
        knowledge_base=knowledge_base,
        advice=AdviceIndex.build(knowledge_base),
        clock=clock,
        locks=locks,
        writer=direct_writer(engine, SQLITE_BUSY_SECONDS, held=settings.direct_writer_connections),
    )


def build_bot(settings: Settings, *, session: AiohttpSession | None = None) -> Bot:
    """The bot client; ``session`` lets the demo and tests pass one tuned for the local emulator."""
    session = session or BotSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    # Whatever an update changed is committed before the bot says anything about it (bot.telegram.updates.unit).
    session.middleware(CommitBeforeSend())
    return Bot(
        token=settings.require_token(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)),
    )


def handler_deps(app: App) -> Shared:
    """Everything a handler may ask for by name, made once (bot.telegram.deps lists the names and their types)."""
    max_per_day = app.settings.max_reports_per_day
    return Shared(
        settings=app.settings,
        clock=app.clock.now,
        i18n=app.i18n,
        languages=app.languages,
        pseudonymizer=app.pseudonymizer,
        cipher=app.cipher,
        evidence_store=app.evidence_store,
        registry=app.registry,
        advice=app.advice,
        intake=IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=max_per_day),
        advice_questions=QuestionService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=max_per_day),
        staff_cases=CaseService(cipher=app.cipher, clock=app.clock.now, pseudonymizer=app.pseudonymizer),
        followup=FollowUpService(cipher=app.cipher, pseudonymizer=app.pseudonymizer),
        notify_staff=notify_staff_of(app.clock.now),
        desk_logins=desk_logins(app),
        metrics=app.metrics,
    )


def desk_logins(app: App) -> DeskLogins:
    """The web desk's sign-in (the bot issues codes, the desk redeems them): one rule for both."""
    settings = app.settings
    return DeskLogins(
        clock=app.clock.now,
        csrf_key=hashlib.sha256(b"tipline web desk csrf:" + settings.pepper_bytes).digest(),
        idle=timedelta(minutes=settings.web_idle_minutes),
        absolute=timedelta(hours=settings.web_absolute_hours),
    )


def build_dispatcher(app: App) -> Dispatcher:
    # aiogram's FSM middleware is replaced by the unit of work, which keeps the conversation state in the update's
    # own transaction; each person's updates run one at a time (bot.telegram.updates.scheduler).
    dp = Dispatcher(disable_fsm=True)
    dp.workflow_data.update(handler_deps(app))
    setup_middlewares(
        dp,
        session_factory=app.session_factory,
        conversations=app.conversations,
        pseudonymizer=app.pseudonymizer,
        languages=app.languages,
        i18n=app.i18n,
        flood_limiter=SlidingWindowLimiter(FLOOD_LIMIT, FLOOD_WINDOW_SECONDS),
        clock=app.clock.now,
        count=lambda outcome: app.metrics.updates.labels(outcome).inc(),
        writer=app.writer,
    )
    dp.include_routers(*get_routers())
    gate_routers(dp)
    run_filters_inline(dp)
    resolve_state_filters(dp)
    dp.errors.register(on_error)
    quick_callback_filters(dp)
    route_directly(dp)  # last: it plans the walk over every router and filter as they now are
    lifecycle = Lifecycle(app)
    dp.startup.register(lifecycle.startup)
    dp.shutdown.register(lifecycle.shutdown)
    return dp


LEADER_RETRY_SECONDS = 5.0


class Lifecycle:
    """What runs while the dispatcher does: the command menu is set, the retention rules run every few hours, and the
    staff alerts (the outbox worker, the P1 reminder loop) are delivered.

    With several workers, the worker holding the outbox role does the background work; another takes it over within
    seconds if that worker dies (the role is a lock held by its database connection). Every worker can queue alerts:
    they are rows in the shared outbox."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._delivery: StaffDelivery | None = None

    async def startup(self, bot: Bot) -> None:
        app = self._app
        await _set_commands(bot, app.i18n, app.settings.default_locale)
        if await app.locks.lead(OUTBOX_LEADER):
            self._start_background(bot)
            return

        async def wait_for_the_role() -> None:
            while not await app.locks.lead(OUTBOX_LEADER):  # noqa: ASYNC110 - the role is a lock in the database
                await asyncio.sleep(LEADER_RETRY_SECONDS)
            log.info("this worker now sends the outbox")
            self._start_background(bot)

        app.background.start(wait_for_the_role(), "outbox-role")

    def _start_background(self, bot: Bot) -> None:
        app = self._app
        retention = RetentionService(
            app.session_factory,
            app.evidence_store,
            app.cipher,
            draft_days=app.settings.draft_retention_days,
            closed_tip_days=app.settings.closed_tip_retention_days,
        )
        app.background.start(retention_loop(retention, app.clock.now), "retention")
        delivery = build_delivery(
            bot,
            session_factory=app.session_factory,
            cipher=app.cipher,
            i18n=app.i18n,
            staff_chat_id=app.settings.staff_chat_id,
            clock=app.clock.now,
        )
        # A commit that enqueued wakes the worker at once (no waiting for the next look); so does a jump of the clock.
        app.session_factory.configure(info={NOTIFY_KEY: delivery.worker.kick})
        app.clock.on_advance(delivery.wake)
        app.busy_hooks.append(delivery.busy)
        delivery.start()
        self._delivery = delivery

    async def shutdown(self) -> None:
        await self._app.background.stop()
        delivery, self._delivery = self._delivery, None
        if delivery is None:
            return
        await delivery.stop()
        with contextlib.suppress(ValueError):
            self._app.busy_hooks.remove(delivery.busy)


async def _set_commands(bot: Bot, i18n: CatalogI18n, default_locale: str) -> None:
    """The command menu in each language (Telegram picks it by the user's app language)."""
    for locale in SUPPORTED_LOCALES:
        with i18n.use_locale(locale):
            commands = [
                BotCommand(command="start", description=i18n.gettext("Main menu")),
                BotCommand(command="tanya", description=i18n.gettext("Ask about working abroad")),
                BotCommand(command="emergency", description=i18n.gettext("Emergency numbers")),
                BotCommand(command="language", description=i18n.gettext("Language")),
            ]
        language_code = None if locale == default_locale else locale
        if locale == "tet":
            continue  # Telegram only accepts two-letter ISO 639-1 codes; Tetun users get the default list
        await bot.set_my_commands(commands, language_code=language_code)


def build_runner(app: App, bot: Bot, dp: Dispatcher) -> BotRunner:
    runner = BotRunner(
        dp, bot, concurrency=app.settings.updates_concurrency, locks=app.locks, on_done=app.metrics.latency.observe
    )
    app.busy_hooks.append(runner.busy)
    return runner


def build_desk_app(app: App):
    """The web desk (bot/web) over the same services and role checks as the bot's staff side."""
    import dataclasses

    from bot.services.staff.stats import Figures
    from bot.telegram.staff.texts.stats import report_labels
    from bot.web.app import build_desk
    from bot.web.deps import DeskDeps
    from bot.web.i18n import load_catalogs

    i18n = app.i18n

    def labels_for(figures: Figures, lang: str, internal: bool):
        # The staff screens' labels translate when called: each call runs in the reader's language.
        def within(fn):
            def call(*args):
                with i18n.context(), i18n.use_locale(lang):
                    return fn(*args)

            return call

        with i18n.context(), i18n.use_locale(lang):
            made = report_labels(figures, suppressed=not internal)
        return dataclasses.replace(made, row=within(made.row), col=within(made.col))

    def reasons_for(reasons: list, lang: str) -> list[str]:
        from bot.telegram.staff.texts.reasons import reason_lines

        with i18n.context(), i18n.use_locale(lang):
            lines = reason_lines(reasons)
        # The chat's lines are HTML (the reporter's words escaped, in italics): the desk takes them as plain text
        # and escapes them itself.
        return [html.unescape(re.sub(r"<[^>]+>", "", line)) for line in lines]

    return build_desk(
        DeskDeps(
            settings=app.settings,
            session_factory=app.session_factory,
            cases=CaseService(cipher=app.cipher, clock=app.clock.now, pseudonymizer=app.pseudonymizer),
            logins=desk_logins(app),
            followup=FollowUpService(cipher=app.cipher, pseudonymizer=app.pseudonymizer),
            evidence_store=app.evidence_store,
            clock=app.clock.now,
            catalogs=load_catalogs(LOCALES_DIR),
            login_limiter=SlidingWindowLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_SECONDS),
            report_labels=labels_for,
            reason_lines=reasons_for,
        )
    )


# Sign-in attempts per client address: a person with a fresh link needs one or two.
LOGIN_ATTEMPTS = 10
LOGIN_WINDOW_SECONDS = 300.0
