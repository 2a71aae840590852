"""Regenerate the emulator's Bot API extract from a full specification file.

    .venv/bin/python scripts/bot_api_extract.py FULL-SPEC.json            # writes bot/emulator/bot_api/bot-api.json
    .venv/bin/python scripts/bot_api_extract.py FULL-SPEC.json --check    # exit 1 if the committed extract differs

FULL-SPEC.json is ``api.json`` of the telegram-bot-api-spec project (https://github.com/PaulSonOfLars/telegram-bot-api-spec,
MIT), scraped from https://core.telegram.org/bots/api. The extract keeps facts only (names, types, required flags,
return types, subtypes, the fixed value that tells subtypes apart) and no description text: see
``bot.emulator.spec.facts_only``. After regenerating, update the version and date in bot/emulator/bot_api/README.md
and run the emulator's tests (tests/unit/test_emulator_*.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.emulator.spec import facts_only  # noqa: E402
from bot.paths import BOT_API_SPEC  # noqa: E402


def render(extract: Mapping[str, Any]) -> str:
    """JSON with one method or type per line: small, and a new Bot API version shows as a readable diff."""
    lines = ["{"]
    head = [k for k in extract if k not in ("methods", "types")]
    for key in head:
        lines.append(f"  {json.dumps(key)}: {json.dumps(extract[key], ensure_ascii=False)},")
    for section in ("methods", "types"):
        entries = extract[section]
        lines.append(f"  {json.dumps(section)}: {{")
        for i, (name, value) in enumerate(entries.items()):
            comma = "," if i < len(entries) - 1 else ""
            body = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            lines.append(f"    {json.dumps(name)}: {body}{comma}")
        lines.append("  }," if section == "methods" else "  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="full Bot API specification (api.json of telegram-bot-api-spec)")
    parser.add_argument("--out", type=Path, default=BOT_API_SPEC, help=f"extract to write (default {BOT_API_SPEC})")
    parser.add_argument("--check", action="store_true", help="only compare with --out; exit 1 if it differs")
    args = parser.parse_args(argv)
    with args.source.open(encoding="utf-8") as f:
        text = render(facts_only(json.load(f)))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
        if current != text:
            print(f"{args.out} differs from the extract of {args.source}", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KiB, {text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
