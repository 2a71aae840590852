"""`tipline staff add ID --role admin|triager|viewer [--name NAME]`, `staff list [--json]`, `staff remove ID`.

Staff are registered by their Telegram user id (they can read it from @userinfobot). Only registered staff can use
the staff commands and buttons in a private chat with the bot; a removed member is refused at once.
"""

from __future__ import annotations

import argparse
import sys

from bot.cli._common import add_db_option, open_database, print_json, settings_from_args
from bot.services.staff.directory import StaffError, add_staff, list_staff, parse_telegram_id, remove_staff
from bot.services.staff.model import ROLES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("staff", help="task-force staff who may use the staff commands")
    actions = parser.add_subparsers(dest="staff_command", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="register a staff member (or change their role)")
    add.add_argument("telegram_id", metavar="ID", help="the staff member's Telegram user id")
    add.add_argument("--role", required=True, choices=ROLES, help="admin, triager or viewer")
    add.add_argument("--name", help="a label shown in histories and the audit log (optional)")
    add_db_option(add)
    add.set_defaults(func=_add)

    ls = actions.add_parser("list", help="registered staff")
    ls.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(ls)
    ls.set_defaults(func=_list)

    rm = actions.add_parser("remove", help="take away a staff member's access (their past actions stay in the log)")
    rm.add_argument("telegram_id", metavar="ID")
    add_db_option(rm)
    rm.set_defaults(func=_remove)


def _fail(message: str) -> int:
    print(f"tipline staff: {message}", file=sys.stderr)
    return 2


async def _add(args: argparse.Namespace) -> int:
    try:
        telegram_id = parse_telegram_id(args.telegram_id)
    except StaffError as exc:
        return _fail(str(exc))
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        try:
            member, created = await add_staff(session, telegram_id, args.role, args.name)
        except StaffError as exc:
            return _fail(str(exc))
    print(f"{'added' if created else 'updated'}: {member.telegram_id} as {member.role.value}")
    return 0


async def _list(args: argparse.Namespace) -> int:
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        members = await list_staff(session)
    if args.json:
        print_json([{"id": m.telegram_id, "role": m.role.value, "name": m.name} for m in members])
        return 0
    if not members:
        print("no staff registered (add one with: tipline staff add ID --role admin)")
    for m in members:
        print(f"{m.telegram_id}\t{m.role.value}\t{m.name or ''}".rstrip())
    return 0


async def _remove(args: argparse.Namespace) -> int:
    try:
        telegram_id = parse_telegram_id(args.telegram_id)
    except StaffError as exc:
        return _fail(str(exc))
    async with open_database(settings_from_args(args)) as (_engine, sessions), sessions() as session:
        removed = await remove_staff(session, telegram_id)
    if not removed:
        print(f"tipline staff: {telegram_id} is not registered staff", file=sys.stderr)
        return 1
    print(f"removed: {telegram_id}")
    return 0
