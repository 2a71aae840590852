"""Builds the bot, the dispatcher and what they need. Nothing here runs at import time."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.memory import SimpleEventIsolation
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
from bot.telegram.middlewares.inflight import InFlightCounter
from bot.telegram.routers import get_routers
from bot.telegram.staff.delivery import start_staff_delivery, stop_staff_delivery
from db.engine import make_engine, make_session_factory
from db.fsm_storage import SQLStorage
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
    inflight: InFlightCounter = field(default_factory=InFlightCounter)
    background: BackgroundTasks = field(default_factory=BackgroundTasks)
    # Background loops read the time here; tests and the demo move it forward (``clock.advance``).
    clock: OffsetClock = field(default_factory=OffsetClock)

    async def close(self) -> None:
        await self.background.stop()
        await self.engine.dispose()


async def build_app(settings: Settings, *, migrate: bool = True) -> App:
    engine = make_engine(settings.database_url)
    cipher = Cipher(settings.keys)
    if migrate:
        await upgrade_database(engine)
    session_factory = make_session_factory(engine)
    clock = OffsetClock()
    # The recruiter registry index is built once here; imports through the service rebuild it. Its "today"
    # (licence expiry, data age) follows the app's clock, so tests and the demo can set the day.
    registry = RegistryService(RegistryRepository(session_factory), today=lambda: local_date(clock.now()))
    await registry.reload()
    # The knowledge base and its search index are built once per process (about half a second).
    knowledge_base = load_knowledge_base(CONTENT_DIR)
    return App(
        settings=settings,
        engine=engine,
        session_factory=session_factory,
        cipher=cipher,
        pseudonymizer=Pseudonymizer(settings.pepper_bytes),
        i18n=build_i18n(LOCALES_DIR, settings.default_locale),
        evidence_store=EvidenceStore(settings.evidence_dir, cipher),
        registry=registry,
        knowledge_base=knowledge_base,
        advice=AdviceIndex.build(knowledge_base),
        clock=clock,
    )


def build_bot(settings: Settings, *, session: AiohttpSession | None = None) -> Bot:
    """The bot client; ``session`` lets the demo and tests pass one tuned for the local emulator."""
    session = session or AiohttpSession(api=TelegramAPIServer.from_base(settings.telegram_api_url))
    return Bot(
        token=settings.require_token(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview=LinkPreviewOptions(is_disabled=True)),
    )


def build_dispatcher(app: App) -> Dispatcher:
    storage = SQLStorage(app.session_factory, cipher=app.cipher, pseudonymizer=app.pseudonymizer)
    dp = Dispatcher(storage=storage, events_isolation=SimpleEventIsolation())
    dp["app"] = app
    dp["settings"] = app.settings
    dp["cipher"] = app.cipher
    dp["intake"] = IntakeService(
        cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=app.settings.max_reports_per_day
    )
    dp["evidence_store"] = app.evidence_store
    dp["staff_cases"] = CaseService(cipher=app.cipher, clock=app.clock.now)
    dp["registry"] = app.registry
    dp["followup"] = FollowUpService(cipher=app.cipher, pseudonymizer=app.pseudonymizer)
    dp["advice"] = app.advice
    dp["advice_questions"] = QuestionService(
        cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=app.settings.max_reports_per_day
    )
    setup_middlewares(
        dp,
        session_factory=app.session_factory,
        pseudonymizer=app.pseudonymizer,
        i18n=app.i18n,
        inflight=app.inflight,
        flood_limiter=SlidingWindowLimiter(FLOOD_LIMIT, FLOOD_WINDOW_SECONDS),
    )
    dp.include_routers(*get_routers())
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


async def run_polling(settings: Settings) -> None:
    app = await build_app(settings)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types(), handle_signals=True)
    finally:
        await bot.session.close()
        await app.close()


async def run_webhook(settings: Settings) -> None:
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    if not settings.webhook_url:
        from bot.config import SettingsError

        raise SettingsError("WEBHOOK_URL: required for --webhook")
    if not settings.webhook_secret:
        from bot.config import SettingsError

        # Telegram sends the secret with every update; without it anyone could post forged updates.
        raise SettingsError("WEBHOOK_SECRET: required for --webhook")
    app = await build_app(settings)
    bot = build_bot(settings)
    dp = build_dispatcher(app)
    secret = settings.webhook_secret.get_secret_value()
    web_app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(web_app, path="/webhook")
    setup_application(web_app, dp, bot=bot)
    await bot.set_webhook(
        f"{settings.webhook_url}/webhook",
        secret_token=secret,
        allowed_updates=dp.resolve_used_update_types(),
    )
    runner = web.AppRunner(web_app)
    await runner.setup()
    site = web.TCPSite(runner, settings.webhook_host, settings.webhook_port)
    await site.start()
    log.info("webhook listening on %s:%s", settings.webhook_host, settings.webhook_port)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        await app.close()
