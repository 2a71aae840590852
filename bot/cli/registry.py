"""`tipline registry import FILE.csv | --demo`, `tipline registry check "QUERY" [--json]`, `registry snapshots`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.cli._common import add_db_option, open_database, print_json, settings_from_args
from bot.config import Environment
from bot.services.registry import (
    DEMO_REGISTRY_FILE,
    STALE_AFTER_DAYS,
    LookupResult,
    Match,
    RegistryErrors,
    RegistryService,
    Verdict,
)
from bot.services.registry.index import (
    NOTE_MANY_SIMILAR,
    NOTE_NAME_DIFFERS,
    NOTE_NO_DATA,
    NOTE_SIMILAR_NAME_ONLY,
)
from db.repositories.registry import RegistryRepository

OFFICIAL_LIST_URL = "https://siskop2mi.bp2mi.go.id/profil/lembaga/list_lembaga/p3mi"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("registry", help="licensed recruiter (P3MI) registry")
    actions = parser.add_subparsers(dest="registry_command", metavar="ACTION", required=True)

    imp = actions.add_parser(
        "import", help="replace the registry with a CSV file (all or nothing; see content/registry/README.md)"
    )
    imp.add_argument("file", nargs="?", type=Path, metavar="FILE.csv")
    imp.add_argument("--demo", action="store_true", help="load the shipped fictional demo registry")
    imp.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(imp)
    imp.set_defaults(func=_import)

    check = actions.add_parser("check", help="look up a company name, licence number or phone")
    check.add_argument("query", metavar="QUERY")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument("--limit", type=int, default=5, help="most candidates to list (default 5)")
    add_db_option(check)
    check.set_defaults(func=_check)

    snapshots = actions.add_parser("snapshots", help="list past imports, newest first")
    snapshots.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(snapshots)
    snapshots.set_defaults(func=_snapshots)


async def _import(args: argparse.Namespace) -> int:
    if args.demo == (args.file is not None):
        print("tipline registry import: give either FILE.csv or --demo", file=sys.stderr)
        return 2
    settings = settings_from_args(args)
    if args.demo and settings.environment is Environment.PRODUCTION:
        # Fictional companies in the live registry would replace the real list that people rely on.
        print("tipline registry import: --demo is refused in production (TIPLINE_ENV=production)", file=sys.stderr)
        return 2
    path: Path = DEMO_REGISTRY_FILE if args.demo else args.file
    try:
        data = await asyncio.to_thread(path.read_bytes)
    except OSError as exc:
        print(f"tipline registry import: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1

    async with open_database(settings) as (_engine, session_factory):
        service = RegistryService(RegistryRepository(session_factory))
        if args.demo:  # its dates moved to today (bot/services/registry/demo.py)
            outcome = await service.import_demo()
        else:
            outcome = await service.import_csv(data, path.name)

    if isinstance(outcome, RegistryErrors):
        if args.json:
            print_json(
                {
                    "imported": False,
                    "file": str(path),
                    "errors": [
                        {"line": e.line, "column": e.column, "code": e.code, "message": e.message}
                        for e in outcome.errors
                    ],
                }
            )
        else:
            count = len(outcome.errors)
            print(f"{path}: rejected, {count} problem{'s' if count != 1 else ''}; the registry was not changed")
            for error in outcome.errors:
                print(f"  {error}")
        return 1

    snapshot = outcome.snapshot
    if args.json:
        print_json(
            {
                "imported": True,
                "file": str(path),
                "snapshot_id": snapshot.id,
                "companies": snapshot.row_count,
                "status_counts": outcome.status_counts,
                "data_as_of": snapshot.data_as_of.isoformat(),
                "demo": snapshot.demo,
                "warnings": [
                    {"line": w.line, "column": w.column, "code": w.code, "message": w.message} for w in outcome.warnings
                ],
            }
        )
        return 0
    counts = ", ".join(f"{status} {n}" for status, n in outcome.status_counts.items())
    print(f"{path}: imported {snapshot.row_count} companies ({counts}) as snapshot #{snapshot.id}")
    print(f"data as of {snapshot.data_as_of}" + ("  [DEMO DATA: fictional companies]" if snapshot.demo else ""))
    for warning in outcome.warnings:
        print(f"  note: {warning}")
    return 0


async def _check(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    async with open_database(settings) as (_engine, session_factory):
        service = RegistryService(RegistryRepository(session_factory))
        await service.reload()
    result = service.lookup(args.query, limit=max(1, args.limit))
    if args.json:
        print_json(result.to_dict())
    else:
        print(format_result(result))
    return 0


async def _snapshots(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    async with open_database(settings) as (_engine, session_factory):
        snapshots = await RegistryRepository(session_factory).list_snapshots()
    if args.json:
        print_json(
            [
                {
                    "id": info.id,
                    "active": active,
                    "source_name": info.source_name,
                    "imported_at": info.imported_at.isoformat(),
                    "data_as_of": info.data_as_of.isoformat(),
                    "companies": info.row_count,
                    "demo": info.demo,
                    "sha256": info.digest,
                }
                for info, active in snapshots
            ]
        )
        return 0
    if not snapshots:
        print("no registry imported yet")
    for info, active in snapshots:
        print(
            f"{'*' if active else ' '} #{info.id}  {info.imported_at:%Y-%m-%d %H:%M} UTC  {info.source_name}"
            f"  {info.row_count} companies, data as of {info.data_as_of}{'  DEMO' if info.demo else ''}"
        )
    return 0


# Human-readable answer -------------------------------------------------------------------------------

_HEADLINES = {
    Verdict.LICENSED: "LICENSED: the official list has this company with an active licence.",
    Verdict.SUSPENDED: "SUSPENDED: the official list says this company's licence is suspended;"
    " it may not recruit workers now.",
    Verdict.REVOKED: "REVOKED: the official list says this company's licence was revoked; it may not recruit workers.",
    Verdict.EXPIRED: "EXPIRED: this company's licence is no longer valid; it may not recruit workers"
    " until it is renewed.",
    Verdict.AMBIGUOUS: "SEVERAL SIMILAR NAMES: which one is it? Compare the full name and the licence number.",
    Verdict.NOT_FOUND: "NOT FOUND in the registry as written.",
}


def format_result(result: LookupResult) -> str:
    lines = [f"Query: {result.query!r}"]
    if NOTE_NO_DATA in result.notes:
        lines.append("No registry has been imported yet, so nothing can be checked here.")
        lines.append(f"Check the official list instead: {OFFICIAL_LIST_URL}")
        lines.append("(An administrator loads it with `tipline registry import FILE.csv`.)")
        return "\n".join(lines)

    lines.append(_HEADLINES[result.verdict])
    if result.verdict is Verdict.NOT_FOUND and NOTE_SIMILAR_NAME_ONLY in result.notes:
        lines.append("A registered company has a similar name. It may be a different company: only the same full")
        lines.append("name and the same licence number show it is this one (fake recruiters borrow real names).")
    for number, match in enumerate(result.matches, start=1):
        prefix = f"{number}. " if len(result.matches) > 1 or result.verdict is Verdict.NOT_FOUND else ""
        lines.extend(_format_match(match, prefix))
    if NOTE_MANY_SIMILAR in result.notes:
        lines.append("More companies have similar names; type the full name or the licence number.")
    if result.verdict is Verdict.AMBIGUOUS:
        lines.append("If none of these is exactly the company, treat it as not found.")
    if NOTE_NAME_DIFFERS in result.notes:
        lines.append("The name you typed is not exactly the registered name: compare it letter by letter, since")
        lines.append("fake recruiters use names one letter away from real ones.")

    lines.append("")
    if result.verdict is Verdict.LICENSED:
        lines.append("A licensed company does not prove that the person who contacted you works for it: call the")
        lines.append("company's official number, ask for the job order (SIP), and confirm at the LTSA or Disnaker.")
    elif result.verdict is Verdict.NOT_FOUND:
        lines.append("Not finding a company does not prove it is illegal: the name may be written differently or")
        lines.append("the list may be out of date. Ask for the company's full name and licence number, and check")
        lines.append(f"at the LTSA, Disnaker or BP3MI, or on the official list: {OFFICIAL_LIST_URL}")
    elif result.verdict in (Verdict.SUSPENDED, Verdict.REVOKED, Verdict.EXPIRED):
        lines.append("Do not pay or hand over documents. Confirm at the LTSA, Disnaker or BP3MI.")

    as_of = result.data_as_of.isoformat() if result.data_as_of else "unknown"
    lines.append(f"Data as of {as_of}.")
    if result.stale:
        lines.append(
            f"WARNING: this data is more than {STALE_AFTER_DAYS} days old; check the current list: {OFFICIAL_LIST_URL}"
        )
    if result.demo:
        lines.append("DEMO DATA: these companies are fictional.")
    return "\n".join(lines)


def _format_match(match: Match, prefix: str) -> list[str]:
    indent = " " * (len(prefix) + 2)
    status = match.status.value
    if match.past_expiry and match.effective_status != match.status:
        status = f"listed as {match.status.value}, but the licence expired on {match.licence_expires}"
    lines = [f"  {prefix}{match.name}", f"{indent}licence {match.licence_number} ({status})"]
    validity = []
    if match.licence_issued:
        validity.append(f"issued {match.licence_issued}")
    if match.licence_expires:
        validity.append(f"valid until {match.licence_expires}")
    if match.issuer:
        validity.append(f"by {match.issuer}")
    if validity:
        lines.append(f"{indent}{', '.join(validity)}")
    if match.head_office:
        lines.append(f"{indent}head office: {match.head_office}")
    if match.branches:
        lines.append(f"{indent}branches: {', '.join(match.branches)}")
    if match.phone:
        lines.append(f"{indent}official phone: {match.phone}")
    if match.sanctions:
        lines.append(f"{indent}sanctions: {match.sanctions}")
    if match.source_url:
        lines.append(
            f"{indent}source: {match.source_url}" + (f" (retrieved {match.retrieved_at})" if match.retrieved_at else "")
        )
    if match.matched_by != "name":
        lines.append(f"{indent}found by {match.matched_by.replace('_', ' ')}")
    return lines
