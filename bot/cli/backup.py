"""`tipline backup PATH`: a consistent copy of the database and the (still encrypted) evidence files.

The copy holds encrypted data only; keep DATA_KEYS and PEPPER backed up separately, never next to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.cli._common import add_db_option, settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="copy the database and evidence files to PATH")
    parser.add_argument("path", type=Path, help="folder to create (must not exist yet)")
    add_db_option(parser)
    parser.set_defaults(func=_backup)


def _backup(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    target: Path = args.path
    if target.exists():
        print(f"tipline: {target} already exists; choose a new folder")
        return 2
    target.mkdir(parents=True)
    os.chmod(target, 0o700)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if not url.database or not Path(url.database).exists():
            print(f"tipline: no database at {url.database}")
            return 2
        # SQLite's online backup gives a consistent copy even while the bot is writing.
        source = sqlite3.connect(url.database)
        try:
            with sqlite3.connect(target / "tipline.db") as copy:
                source.backup(copy)
        finally:
            source.close()
    else:
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        with (target / "tipline.pgdump").open("wb") as out:
            result = subprocess.run(["pg_dump", "--format=custom", dsn], stdout=out, check=False)
        if result.returncode != 0:
            print("tipline: pg_dump failed (is the PostgreSQL client installed?)")
            return 1
    if settings.evidence_dir.exists():
        shutil.copytree(settings.evidence_dir, target / "evidence")
    print(f"backup written to {target} (encrypted data; keep the keys elsewhere)")
    return 0
