"""`tipline demo`: the local Telegram emulator, the real bot and a console chat in one process.

No Telegram account or network is needed. Personas: `reporter` (a member of the public, Indonesian), `reporter2`
(a second member of the public, English) and `staff` (a task-force admin); the staff group is `staff-group`.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import os
import shutil
import sys
from pathlib import Path

from bot.config import load_settings
from bot.logs import setup_logging

DEMO_TOKEN = "700000001:AAdemoTokenForTheLocalTelegramEmulator00"
DEMO_STAFF_GROUP = -1001000000001
REPORTER_ID = 100001
SECOND_REPORTER_ID = 100003
STAFF_ID = 100002
DEMO_DATA = Path("data/demo")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="chat with the bot on a local Telegram emulator (no account needed)")
    parser.add_argument(
        "--db",
        metavar="FILE or URL",
        help="keep the demo's data in this SQLite file (or database URL) from one run to the next "
        "(default: a fresh SQLite file under data/demo, emptied at every start)",
    )
    parser.set_defaults(func=_demo)


async def _demo(args: argparse.Namespace) -> int:
    # Imported here so that other subcommands do not pay for loading aiogram and the emulator.
    from aiogram.client.telegram import TelegramAPIServer

    from bot.app import build_app, build_bot, build_dispatcher, build_runner
    from bot.emulator.server import TelegramEmulator
    from bot.emulator.terminal import run_interactive
    from bot.emulator.testing import wait_until_polling
    from bot.ops.serve import serve_desk
    from bot.telegram.bot_session import BotSession

    setup_logging("WARNING")
    logging.getLogger("aiogram").setLevel(logging.ERROR)
    if args.db:
        database_url, kept = _kept_demo(args.db)
        evidence_dir = kept / "evidence"
        secrets = _kept_secrets(kept / "keys.env")
    else:
        # Without --db the demo's secrets are thrown away at exit, so it starts from an empty database every time.
        shutil.rmtree(DEMO_DATA, ignore_errors=True)
        DEMO_DATA.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 - once, before anything runs
        database_url = f"sqlite+aiosqlite:///{DEMO_DATA / 'tipline.db'}"
        evidence_dir = DEMO_DATA / "evidence"
        secrets = {}
    async with TelegramEmulator(token=DEMO_TOKEN) as emulator:
        personas = {
            "reporter": emulator.add_user(REPORTER_ID, "Reporter", language_code="id"),
            "reporter2": emulator.add_user(SECOND_REPORTER_ID, "Second reporter", language_code="en"),
            "staff": emulator.add_user(STAFF_ID, "Staff", language_code="id"),
        }
        emulator.add_group(DEMO_STAFF_GROUP, "staff-group", members=[personas["staff"]])
        settings = load_settings(
            TIPLINE_ENV="demo",
            web_port=_desk_port(),
            bot_token=DEMO_TOKEN,
            telegram_api_url=emulator.base_url,
            database_url=database_url,
            staff_chat_id=DEMO_STAFF_GROUP,
            evidence_dir=evidence_dir,
            **secrets,
        )
        app = await build_app(settings)
        # `!wait SECONDS` moves the emulator's clock; the app's background work (reminders) follows it.
        emulator.clock.on_advance(app.clock.advance)
        await _prepare_demo_data(app, staff_id=STAFF_ID)
        bot = build_bot(settings, session=BotSession(api=TelegramAPIServer.from_base(emulator.base_url)))
        dispatcher = build_dispatcher(app)
        runner = build_runner(app, bot, dispatcher)
        try:
            async with (
                serve_desk(app),
                runner.polling(
                    app.session_factory, app.cipher, clock=app.clock.now, timeout=5, writer=app.writer
                ) as task,
            ):
                await _announce_desk(app, STAFF_ID)
                await wait_until_polling(task, emulator)
                await run_interactive(
                    emulator, personas, start_persona="reporter", extra_busy=app.busy, idle_timeout=30
                )
        finally:
            with contextlib.suppress(Exception):
                await bot.session.close()
            await app.close()
    if emulator.violations:
        print("!! the bot made invalid Bot API calls:", *emulator.violations, sep="\n!! ", file=sys.stderr)
        return 1
    return 0


def _desk_port(preferred: int = 8081) -> int:
    """The web desk's port for the demo: 8081, or any free one when something else holds it (a second demo)."""
    import socket

    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise OSError("no free port for the web desk")


async def _announce_desk(app, staff_id: int) -> None:
    """The desk's address and a sign-in link for the `staff` persona, before the chat starts. The link works once,
    for 5 minutes; `!as staff` then `/web` gives a new one."""
    from bot.app import desk_logins
    from db.repositories import staff as staff_repo

    async with app.session_factory() as session:
        member = await staff_repo.get_active(session, staff_id)
        code = await desk_logins(app).issue_code(session, member) if member is not None else None
        await session.commit()
    url = app.settings.desk_url()
    print(f"web desk: {url}/queue")
    if code is not None:
        print(f"sign in as the demo staff person (once, within 5 minutes): {url}/login/{code}")
    print("(a new link: `!as staff`, then `/web`)")


def _kept_demo(db: str) -> tuple[str, Path]:
    """The database URL for ``--db`` (a plain path is a SQLite file) and the folder that keeps the demo's keys and
    evidence with it: ``FILE.demo/`` beside a SQLite file, ``data/demo-kept/<digest of the URL>/`` otherwise."""
    if "://" not in db:
        path = Path(db).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        db = f"sqlite+aiosqlite:///{path}"
    if db.startswith("sqlite") and ":///" in db and ":memory:" not in db:
        file = Path(db.split(":///", 1)[1])
        kept = file.with_name(file.name + ".demo")
    else:
        kept = Path("data/demo-kept") / hashlib.sha256(db.encode()).hexdigest()[:12]
    kept.mkdir(parents=True, exist_ok=True)
    return db, kept


def _kept_secrets(path: Path) -> dict[str, str]:
    """The demo's data key and pepper for a kept database, made on the first run and read on the next ones, so that
    what earlier runs stored stays readable. A key set in the environment or .env wins."""
    from bot.config import generate_data_key, generate_pepper

    if not path.is_file():
        path.write_text(
            "# Throwaway keys of a `tipline demo --db` database; never use them for real reports.\n"
            f"DATA_KEYS={generate_data_key('demo')}\nPEPPER={generate_pepper()}\n",
            encoding="utf-8",
        )
        path.chmod(0o600)
    kept = _env_lines(path)
    given = set(os.environ) | set(_env_lines(Path(".env")))
    return {name.lower(): kept[name] for name in ("DATA_KEYS", "PEPPER") if name not in given and name in kept}


def _env_lines(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.lstrip().startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}


async def _prepare_demo_data(app, *, staff_id: int) -> None:
    """Register the staff persona and load the demo registry, where those features exist."""
    for hook in DEMO_HOOKS:
        await hook(app, staff_id)


# Features that need demo data add a coroutine here: ``async def hook(app, staff_id) -> None``.
DEMO_HOOKS: list = []


async def _load_demo_registry(app, staff_id: int) -> None:
    """The fictional recruiter registry, dated for today, unless the database (``--db``) holds real data."""
    await app.registry.ensure_demo()


DEMO_HOOKS.append(_load_demo_registry)


async def _register_demo_staff(app, staff_id: int) -> None:
    """The `staff` persona is a task-force admin."""
    from bot.services.staff.directory import add_staff

    async with app.session_factory() as session:
        await add_staff(session, staff_id, "admin", "Demo staff")


DEMO_HOOKS.append(_register_demo_staff)
