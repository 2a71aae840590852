"""Command-line subcommands.

Each module here defines ``register(subparsers)`` which adds its subcommand(s) and sets ``func`` on the parser
with ``set_defaults(func=...)``. ``func(args)`` returns an exit code, or a coroutine that does; it may be async.
Modules are discovered automatically, so adding a subcommand is adding a module.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(subparsers)
