"""Console entry point: ``tipline <command>`` (see docs/design.md, "Command line")."""

from __future__ import annotations

import argparse
import asyncio
import inspect
import io
import os
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
        sys.stdout.flush()  # a reader that went away shows here, not as noise when Python exits
    except SettingsError as exc:
        print(f"tipline: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _discard_stdout()
        return CLOSED_PIPE
    return int(result or 0)


# What a shell reports for a program stopped because its reader went away (128 + SIGPIPE), as `yes | head -1` does.
CLOSED_PIPE = 141


def _discard_stdout() -> None:
    """The reader of our output has gone (``tipline ... | head -1``): stop without a word, like other command-line
    tools. Python flushes standard output once more at exit; pointing it at /dev/null keeps that quiet too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file (e.g. captured in a test): nothing will flush it at exit


if __name__ == "__main__":
    sys.exit(main())
