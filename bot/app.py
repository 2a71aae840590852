"""Builds the bot, the dispatcher and what they need. Nothing here runs at import time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass, field

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
from bot.services.evidence import EvidenceStore
from bot.services.followup import FollowUpService
from bot.services.intake.submit import IntakeService
from bot.services.preferences import LanguagePreferences
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.ratelimit import SlidingWindowLimiter
from bot.services.registry import RegistryService
from bot.services.registry.model import local_date
from bot.services.retention import RetentionService
from bot.services.staff.cases import CaseService
from bot.telegram.errors import on_error
from bot.telegram.housekeeping import BackgroundTasks, retention_loop
from bot.telegram.i18n import CatalogI18n, build_i18n
from bot.telegram.middlewares import setup_middlewares
from bot.telegram.routers import get_routers
from bot.telegram.speed import BotSession, run_filters_inline
from bot.telegram.staff.delivery import start_staff_delivery, stop_staff_delivery
from bot.telegram.updates.conversation import ConversationStore
from bot.telegram.updates.runner import BotRunner
from bot.telegram.updates.unit import CommitBeforeSend, UnitSession
from db.engine import make_engine, make_session_factory
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
    # Background loops read the time here; tests and the demo move it forward (``clock.advance``).
    clock: OffsetClock = field(default_factory=OffsetClock)

    def busy(self) -> bool:
        return any(hook() for hook in self.busy_hooks)

    async def close(self) -> None:
        await self.background.stop()
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
    conversations = ConversationStore(cipher, pseudonymizer)
    languages = LanguagePreferences()
    async with session_factory() as session:
        # This process is the database's only writer: what exists is known, so a newcomer costs no look-ups.
        await conversations.preload(session)
        await languages.preload(session)
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


def build_dispatcher(app: App) -> Dispatcher:
    # aiogram's FSM middleware is replaced by the unit of work, which keeps the conversation state in the update's
    # own transaction; each person's updates run one at a time (bot.telegram.updates.scheduler).
    dp = Dispatcher(disable_fsm=True)
    dp["app"] = app
    dp["i18n"] = app.i18n  # also set per update by the locale middleware; the error handler may run before it
    dp["languages"] = app.languages
    dp["pseudonymizer"] = app.pseudonymizer
    dp["settings"] = app.settings
    dp["cipher"] = app.cipher
    dp["app_clock"] = app.clock.now  # the time as the app sees it (tests and the demo move it forward)
    dp["intake"] = IntakeService(
        cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=app.settings.max_reports_per_day
    )
    dp["evidence_store"] = app.evidence_store
    dp["staff_cases"] = CaseService(cipher=app.cipher, clock=app.clock.now, pseudonymizer=app.pseudonymizer)
    dp["registry"] = app.registry
    dp["followup"] = FollowUpService(cipher=app.cipher, pseudonymizer=app.pseudonymizer)
    dp["advice"] = app.advice
    dp["advice_questions"] = QuestionService(
        cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=app.settings.max_reports_per_day
    )
    setup_middlewares(
        dp,
        session_factory=app.session_factory,
        conversations=app.conversations,
        pseudonymizer=app.pseudonymizer,
        languages=app.languages,
        i18n=app.i18n,
        flood_limiter=SlidingWindowLimiter(FLOOD_LIMIT, FLOOD_WINDOW_SECONDS),
        clock=app.clock.now,
    )
    dp.include_routers(*get_routers())
    run_filters_inline(dp)
    dp.errors.register(on_error)
    dp.startup.register(_set_commands)
    dp.startup.register(_start_background)
    dp.shutdown.register(_stop_background)
    # Staff alerts: the outbox worker and the P1 reminder loop run while the dispatcher does.
    dp.startup.register(start_staff_delivery)
    dp.shutdown.register(stop_staff_delivery)
    return dp


async def _start_background(app: App) -> None:
    retention = RetentionService(
        app.session_factory,
        app.evidence_store,
        app.cipher,
        draft_days=app.settings.draft_retention_days,
        closed_tip_days=app.settings.closed_tip_retention_days,
    )
    app.background.start(retention_loop(retention), "retention")


async def _stop_background(app: App) -> None:
    await app.background.stop()


async def _set_commands(bot: Bot, app: App) -> None:
    """The command menu in each language (Telegram picks it by the user's app language)."""
    for locale in SUPPORTED_LOCALES:
        with app.i18n.use_locale(locale):
            commands = [
                BotCommand(command="start", description=app.i18n.gettext("Main menu")),
                BotCommand(command="tanya", description=app.i18n.gettext("Ask about working abroad")),
                BotCommand(command="emergency", description=app.i18n.gettext("Emergency numbers")),
                BotCommand(command="language", description=app.i18n.gettext("Language")),
            ]
        language_code = None if locale == app.settings.default_locale else locale
        if locale == "tet":
            continue  # Telegram only accepts two-letter ISO 639-1 codes; Tetun users get the default list
        await bot.set_my_commands(commands, language_code=language_code)


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)


def build_runner(app: App, bot: Bot, dp: Dispatcher) -> BotRunner:
    runner = BotRunner(dp, bot, concurrency=app.settings.updates_concurrency)
    app.busy_hooks.append(runner.busy)
    return runner


async def run_polling(settings: Settings) -> None:
    app = await build_app(settings)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    runner = build_runner(app, bot, dp)
    stop = asyncio.Event()
    _stop_on_signals(stop)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        async with runner.polling(app.session_factory, app.cipher, clock=app.clock.now) as polling:
            stopped = asyncio.create_task(stop.wait())
            await asyncio.wait({polling, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if polling.done() and not polling.cancelled() and polling.exception() is not None:
                raise polling.exception()  # type: ignore[misc]
    finally:
        await bot.session.close()
        await app.close()


async def run_webhook(settings: Settings) -> None:
    from aiohttp import web

    from bot.config import SettingsError
    from bot.telegram.updates.webhook import webhook_handler

    if not settings.webhook_url:
        raise SettingsError("WEBHOOK_URL: required for --webhook")
    if not settings.webhook_secret:
        # Telegram sends the secret with every update; without it anyone could post forged updates.
        raise SettingsError("WEBHOOK_SECRET: required for --webhook")
    app = await build_app(settings)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    runner = build_runner(app, bot, dp)
    secret = settings.webhook_secret.get_secret_value()
    web_app = web.Application()
    web_app.router.add_post("/webhook", webhook_handler(runner, secret))
    stop = asyncio.Event()
    _stop_on_signals(stop)
    site_runner = web.AppRunner(web_app, access_log=None)
    try:
        await runner.startup()
        await site_runner.setup()
        site = web.TCPSite(site_runner, settings.webhook_host, settings.webhook_port)
        await site.start()  # listening before Telegram is told where to send
        log.info("webhook listening on %s:%s", settings.webhook_host, settings.webhook_port)
        await bot.set_webhook(
            f"{settings.webhook_url}/webhook",
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
        )
        await stop.wait()
    finally:
        await site_runner.cleanup()
        await runner.shutdown()
        await bot.session.close()
        await app.close()
