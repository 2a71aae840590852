"""`tipline kb check`: validate the knowledge base (content/kb) and list every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.paths import CONTENT_DIR, PROJECT_ROOT
from bot.services.advice import check_knowledge_base
from bot.services.advice.check import ERROR


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("kb", help="knowledge base tools")
    actions = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="validate every article: languages, sources, review dates, links, header fields, length"
    )
    check.add_argument(
        "--dir", type=Path, default=CONTENT_DIR, help="content directory (default: the project's content/)"
    )
    check.set_defaults(func=_check)


def _check(args: argparse.Namespace) -> int:
    problems = check_knowledge_base(args.dir)
    for problem in problems:
        print(f"{_shown(problem.path)}: {problem.severity}: {problem.message}")
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    summary = f"{errors} error(s), {warnings} warning(s)"
    if errors:
        print(f"knowledge base check failed: {summary}", file=sys.stderr)
        return 1
    print(f"knowledge base OK ({summary})")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)
