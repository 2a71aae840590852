"""Console entry point: ``tipline <command>`` (see docs/design.md, "Command line")."""

from __future__ import annotations

import argparse
import asyncio
import inspect
import sys

from bot.cli import register_all
from bot.config import SettingsError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tipline", description="Tipline: anonymous TPPO tip line bot for NTT")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register_all(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.func(args)
        if inspect.iscoroutine(result):
            result = asyncio.run(result)
    except SettingsError as exc:
        print(f"tipline: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
