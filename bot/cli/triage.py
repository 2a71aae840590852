"""`tipline triage score FILE.json [--json]`: priority and reasons for a tip given as JSON (see docs/triage.md)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("triage", help="triage tools")
    actions = parser.add_subparsers(dest="triage_command", metavar="ACTION", required=True)
    score = actions.add_parser(
        "score",
        help="priority and reasons for a tip given as JSON",
        description="Score a tip given as a JSON object (schema and example: docs/triage.md). Use - for stdin.",
    )
    score.add_argument("file", metavar="FILE.json", help="the tip as a JSON object, or - to read stdin")
    score.add_argument("--json", action="store_true", help="print machine-readable JSON")
    score.add_argument(
        "--at",
        metavar="ISO_TIME",
        help="when the tip came in, for the deadline (default: now); without a zone it is taken as UTC",
    )
    score.set_defaults(func=_score)
    evaluate = actions.add_parser(
        "eval",
        help="agreement, P1 recall and false-P1 rate on labelled tips",
        description="Score every tip of an evaluation file (JSON lines, format: docs/triage.md) and print agreement, "
        "P1 recall and false-P1 rate per language, with every disagreement.",
    )
    evaluate.add_argument("files", metavar="FILE.jsonl", nargs="+", help="evaluation files")
    evaluate.set_defaults(func=_eval)


def _error(message: str) -> int:
    print(f"tipline triage score: error: {message}", file=sys.stderr)
    return 2


def _score(args: argparse.Namespace) -> int:
    from bot.services.triage.entities import extract_entities
    from bot.services.triage.scoring import TipFactsError, deadline, score_tip, tip_facts_from_mapping, wita

    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        return _error(f"cannot read {args.file}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return _error(f"{args.file} is not UTF-8 text")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _error(f"{args.file} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")
    try:
        facts = tip_facts_from_mapping(data)
    except TipFactsError as exc:
        return _error(f"field {exc.field!r}: {exc.message}" if exc.field else exc.message)

    if args.at:
        try:
            created = datetime.fromisoformat(args.at)
        except ValueError:
            return _error(f"--at {args.at!r} is not an ISO 8601 time (e.g. 2026-12-04T15:00+08:00)")
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
    else:
        created = datetime.now(UTC)

    result = score_tip(facts)
    entities = extract_entities(facts)
    due = deadline(result.priority, created)
    hours = round((due - created).total_seconds() / 3600, 2)
    deadline_hours: float | int = int(hours) if hours == int(hours) else hours

    if args.json:
        payload = {
            "priority": result.priority.value,
            "reasons": [r.to_dict() for r in result.reasons],
            "entities": {
                "phones": sorted(entities.phones),
                "names": sorted(entities.names),
                "places": sorted(entities.places),
            },
            "deadline_hours": deadline_hours,
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0

    print(f"priority: {result.priority.value} ({result.priority.label})")
    local_due = due.astimezone(wita()).strftime("%a %Y-%m-%d %H:%M WITA")
    print(f"look at it by: {local_due} ({deadline_hours} h from {'--at' if args.at else 'now'})")
    print("reasons:")
    for r in result.reasons:
        print(f"  - {r.code}: {r.detail}")
    for label, values in (("phones", entities.phones), ("names", entities.names), ("places", entities.places)):
        if values:
            print(f"{label}: {', '.join(sorted(values))}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from bot.services.triage.evaluation import EvalFormatError, evaluate, format_report, read_cases

    for name in args.files:
        try:
            cases = read_cases(Path(name))
        except OSError as exc:
            print(f"tipline triage eval: error: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        except EvalFormatError as exc:
            print(f"tipline triage eval: error: {exc}", file=sys.stderr)
            return 2
        print(format_report(evaluate(cases), name))
    return 0
