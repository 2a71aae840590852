"""The authorities' list as CSV (content/registry/README.md describes it for the person who updates it).

Parsing is all-or-nothing: a file with any invalid row is rejected with every problem and its line number, so the
previous registry stays in place rather than being replaced by half a list.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from datetime import date
from urllib.parse import urlsplit

from bot.services.registry.model import (
    STALE_AFTER_DAYS,
    LicenceStatus,
    ParsedRegistry,
    RegistryErrors,
    RegistryProblem,
    RegistryRow,
)
from bot.services.registry.normalise import licence_key, name_tokens, normalise_phone
from bot.services.registry.sanctions import parse_sanctions

COLUMNS = (
    "name",
    "licence_number",
    "status",
    "licence_issued",
    "licence_expires",
    "issuer",
    "head_office",
    "branches",
    "phone",
    "source_url",
    "retrieved_at",
)
# The sanctions list is published separately and not always at hand, so this last column may be left out entirely.
OPTIONAL_COLUMNS = ("sanctions",)
REQUIRED = frozenset({"name", "licence_number", "status"})
DATE_COLUMNS = ("licence_issued", "licence_expires", "retrieved_at")

# Kept at or below the database column sizes (db/models/registry.py), so a valid file always fits.
MAX_LENGTH = {
    "name": 300,
    "licence_number": 100,
    "issuer": 300,
    "head_office": 300,
    "branches": 2000,
    "phone": 40,
    "source_url": 1000,
    "sanctions": 4000,
}
MAX_BRANCH_LENGTH = 100

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*")


def parse_registry_bytes(data: bytes, *, today: date | None = None) -> ParsedRegistry | RegistryErrors:
    """Decode UTF-8 (with or without BOM), then :func:`parse_registry_csv`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return RegistryErrors(
            (
                RegistryProblem(
                    line, "not_utf8", "the file is not UTF-8 text (save it as 'CSV UTF-8' from the spreadsheet)"
                ),
            )
        )
    return parse_registry_csv(text, today=today)


def parse_registry_csv(text: str, *, today: date | None = None) -> ParsedRegistry | RegistryErrors:
    """Validate a whole file. Pure: given ``today``, also rejects a retrieved_at in the future."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = text.removeprefix("\ufeff")
    errors: list[RegistryProblem] = []
    warnings: list[RegistryProblem] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)

    header, header_line = _read_header(reader, errors)
    if header is None:
        return RegistryErrors(tuple(errors))

    rows: list[RegistryRow] = []
    licence_lines: dict[str, int] = {}
    name_lines: dict[tuple[str, ...], int] = {}
    last_line = header_line
    while True:
        first_line = last_line + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RegistryProblem(reader.line_num, "bad_csv", f"cannot read this line as CSV ({exc})"))
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # blank lines and spreadsheets' empty trailing rows
        if len(record) != len(header):
            errors.append(
                RegistryProblem(
                    first_line,
                    "wrong_field_count",
                    f"expected {len(header)} fields as in the header, found {len(record)}"
                    " (a comma inside a value must be within double quotes)",
                )
            )
            continue
        raw = dict(zip(header, record, strict=True))
        row = _parse_row(first_line, raw, errors, today)
        # Checked even when the row has other problems, so that fixing those does not reveal a new one.
        key = licence_key(raw["licence_number"])
        if key:
            if key in licence_lines:
                errors.append(
                    RegistryProblem(
                        first_line,
                        "duplicate_licence",
                        f"licence number {raw['licence_number'].strip()!r} is already on line {licence_lines[key]}",
                        "licence_number",
                    )
                )
                continue
            licence_lines[key] = first_line
        if row is None:
            continue
        tokens = tuple(sorted(name_tokens(row.name)))
        if tokens in name_lines:
            warnings.append(
                RegistryProblem(
                    first_line,
                    "duplicate_name",
                    f"same name as line {name_lines[tokens]} with another licence number;"
                    " people searching this name will be asked to choose",
                    "name",
                )
            )
        else:
            name_lines[tokens] = first_line
        if today is not None and row.status is LicenceStatus.ACTIVE and row.past_expiry(today):
            warnings.append(
                RegistryProblem(
                    first_line,
                    "active_past_expiry",
                    f"listed as active but the licence expired on {row.licence_expires}; it will be shown as expired",
                    "licence_expires",
                )
            )
        if parse_sanctions(row.sanctions).unreadable:
            warnings.append(
                RegistryProblem(
                    first_line,
                    "sanctions_not_structured",
                    "not written as 'warning|suspension|fine|revocation YYYY-MM-DD [to YYYY-MM-DD]' (entries"
                    " separated by ';'): the bot cannot translate it, so it will only say that the official list"
                    " has a sanction note",
                    "sanctions",
                )
            )
        rows.append(row)

    if not rows and not errors:
        errors.append(RegistryProblem(header_line, "no_rows", "the file has a header but no companies"))
    if errors:
        return RegistryErrors(tuple(errors))
    newest = max((row.retrieved_at for row in rows if row.retrieved_at), default=None)
    if newest is not None:
        # Answers that depend on the whole list ("not found") are dated by its oldest row, so one row copied
        # long before the others makes every such answer look old: worth knowing at import.
        for row in rows:
            if row.retrieved_at and (newest - row.retrieved_at).days > STALE_AFTER_DAYS:
                warnings.append(
                    RegistryProblem(
                        row.line,
                        "old_row",
                        f"retrieved {row.retrieved_at}, more than {STALE_AFTER_DAYS} days before the newest row"
                        f' ({newest}); answers about this company, and "not found" answers, will say the data'
                        " is that old",
                        "retrieved_at",
                    )
                )
    warnings.sort(key=lambda w: w.line)
    return ParsedRegistry(rows=tuple(rows), newest_retrieved_at=newest, digest=digest, warnings=tuple(warnings))


def _read_header(reader, errors: list[RegistryProblem]) -> tuple[tuple[str, ...] | None, int]:
    try:
        while True:
            record = next(reader)
            if any(cell.strip() for cell in record):
                break
    except StopIteration:
        errors.append(RegistryProblem(1, "empty_file", "the file is empty"))
        return None, 1
    except csv.Error as exc:
        errors.append(RegistryProblem(reader.line_num, "bad_csv", f"cannot read the header as CSV ({exc})"))
        return None, reader.line_num
    line = reader.line_num
    found = tuple(cell.strip().lower() for cell in record)
    if found in (COLUMNS, COLUMNS + OPTIONAL_COLUMNS):
        return found, line
    expected = set(COLUMNS) | set(OPTIONAL_COLUMNS)
    missing = [c for c in COLUMNS if c not in found]
    unexpected = [c for c in found if c not in expected]
    details = []
    if missing:
        details.append("missing: " + ", ".join(missing))
    if unexpected:
        details.append("unexpected: " + ", ".join(repr(c) for c in unexpected))
    if not details:
        details.append("columns in the wrong order or repeated")
    errors.append(
        RegistryProblem(
            line,
            "bad_header",
            f"the header must be exactly {','.join(COLUMNS)} (optionally followed by ,sanctions); "
            + "; ".join(details),
        )
    )
    return None, line


def _parse_row(line: int, raw: dict[str, str], errors: list[RegistryProblem], today: date | None) -> RegistryRow | None:
    before = len(errors)

    def problem(column: str, code: str, message: str) -> None:
        errors.append(RegistryProblem(line, code, message, column))

    values: dict[str, str | None] = {}
    for column, value in raw.items():
        value = " ".join(value.split())
        if not value:
            if column in REQUIRED:
                problem(column, "missing_field", f"{column} is required")
            values[column] = None
            continue
        limit = MAX_LENGTH.get(column)
        if limit is not None and len(value) > limit:
            problem(column, "too_long", f"longer than {limit} characters")
        values[column] = value

    if values["name"] is not None and not any(ch.isalnum() for ch in values["name"]):
        problem("name", "bad_name", "the name has no letters or digits")

    status: LicenceStatus | None = None
    if values["status"] is not None:
        try:
            status = LicenceStatus(values["status"].lower())
        except ValueError:
            problem(
                "status",
                "unknown_status",
                f"unknown status {values['status']!r}; use one of {', '.join(s.value for s in LicenceStatus)}",
            )

    key = ""
    if values["licence_number"] is not None:
        key = licence_key(values["licence_number"])
        if not any(ch.isalnum() for ch in key):
            problem("licence_number", "bad_licence", "the licence number has no letters or digits")
        elif len(key) > MAX_LENGTH["licence_number"]:
            problem("licence_number", "too_long", f"longer than {MAX_LENGTH['licence_number']} characters")

    dates: dict[str, date | None] = {}
    for column in DATE_COLUMNS:
        dates[column] = _parse_date(values[column], column, problem)
    issued, expires, retrieved = dates["licence_issued"], dates["licence_expires"], dates["retrieved_at"]
    if issued and expires and expires < issued:
        problem("licence_expires", "expiry_before_issue", f"expires ({expires}) before it was issued ({issued})")
    if retrieved and today and retrieved > today:
        problem("retrieved_at", "future_date", f"{retrieved} is in the future")

    phone_e164 = None
    if values["phone"] is not None:
        phone_e164 = normalise_phone(values["phone"])
        if phone_e164 is None:
            problem(
                "phone",
                "bad_phone",
                f"{values['phone']!r} is not a valid Indonesian or Malaysian phone number (give one number only)",
            )

    if values["source_url"] is not None and not _valid_url(values["source_url"]):
        problem("source_url", "bad_url", f"{values['source_url']!r} is not a web address starting with https://")

    branches: tuple[str, ...] = ()
    if values["branches"] is not None:
        branches = tuple(b for b in (" ".join(part.split()) for part in values["branches"].split(";")) if b)
        if any(len(b) > MAX_BRANCH_LENGTH for b in branches):
            problem("branches", "too_long", f"a branch name is longer than {MAX_BRANCH_LENGTH} characters")

    if len(errors) > before or status is None:
        return None
    assert values["name"] is not None and values["licence_number"] is not None
    return RegistryRow(
        line=line,
        name=values["name"],
        licence_number=values["licence_number"],
        licence_key=key,
        status=status,
        licence_issued=issued,
        licence_expires=expires,
        issuer=values["issuer"],
        head_office=values["head_office"],
        branches=branches,
        phone=values["phone"],
        phone_e164=phone_e164,
        source_url=values["source_url"],
        retrieved_at=retrieved,
        sanctions=values.get("sanctions"),
    )


def _parse_date(value: str | None, column: str, problem) -> date | None:
    if value is None:
        return None
    # date.fromisoformat alone would also take "20240131" or week dates, which are easy to mistype silently.
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problem(column, "bad_date", f"{value!r} is not a date written YYYY-MM-DD")
    return None


def _valid_url(value: str) -> bool:
    if any(ch.isspace() for ch in value):
        return False
    try:
        parts = urlsplit(value)
        host = parts.hostname
        _ = parts.port  # raises on a malformed port
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not host:
        return False
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return _HOST.fullmatch(host) is not None
