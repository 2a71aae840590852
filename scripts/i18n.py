"""Gettext catalogs: extract, update, compile and check (``make i18n-*`` call this).

Catalogs: locales/<domain>.pot (templates) and locales/<lang>/LC_MESSAGES/<domain>.po, one domain per journey as
listed in locales/domains.toml. English is the source language of message ids; every language, English included,
has a catalog, so a missing translation is visible as an empty string rather than falling back silently.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
LANGUAGES = ("id", "en", "ms", "tet")
KEYWORDS = {"_": None, "gettext": None, "__": None, "lazy_gettext": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]")
# Tetun is not in CLDR, so Babel cannot look up its plural rule; it has no grammatical plural in messages.
_GETTEXT_IN_FSTRING = re.compile(r"""\bf["'][^"']*\{_\(""")
PLURAL_FORMS = {"tet": "nplurals=1; plural=0;"}


def domains() -> dict[str, list[Path]]:
    with (LOCALES / "domains.toml").open("rb") as fp:
        raw = tomllib.load(fp)
    return {name: [ROOT / p for p in paths] for name, paths in raw.items()}


def python_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.exists() else [])
    return files


def extract(domain: str, paths: list[Path]) -> Catalog:
    catalog = Catalog(project="tipline", domain=domain, fuzzy=False)
    for file in python_files(paths):
        for lineno, message, comments, context in extract_from_file(
            "python", str(file), keywords=KEYWORDS, comment_tags=("i18n:",), strip_comment_tags=True
        ):
            location = (str(file.relative_to(ROOT)), lineno)
            catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def po_path(lang: str, domain: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp, locale=None, domain=path.stem)


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fp:
        write_po(fp, catalog, width=110, sort_output=False, omit_header=False, ignore_obsolete=True)


def cmd_extract() -> None:
    for domain, paths in domains().items():
        template = extract(domain, paths)
        with (LOCALES / f"{domain}.pot").open("wb") as fp:
            write_po(fp, template, width=110, omit_header=False)
        print(f"{domain}.pot: {len(template)} messages")


def cmd_update() -> None:
    cmd_extract()
    for domain in domains():
        for lang in LANGUAGES:
            # A fresh template per language: Catalog.update shares Message objects with the template.
            with (LOCALES / f"{domain}.pot").open("rb") as fp:
                template = read_po(fp)
            path = po_path(lang, domain)
            if path.exists():
                catalog = read_catalog(path)
                catalog.update(template, no_fuzzy_matching=True)
            else:
                catalog = Catalog(locale=None if lang == "tet" else lang, domain=domain, project="tipline")
                catalog.update(template, no_fuzzy_matching=True)
            catalog.language_team = lang
            catalog.mime_headers  # noqa: B018 - touch so Babel fills defaults
            if lang in PLURAL_FORMS:
                catalog._num_plurals, catalog._plural_expr = 1, "0"
            if lang == "en":
                # English is the source language: an untranslated English message is its own id.
                for message in catalog:
                    if message.id and not message.string:
                        message.string = message.id
            write_catalog(path, catalog)
            missing = sum(1 for m in catalog if m.id and not m.string)
            print(f"{lang}/{domain}.po: {len(catalog)} messages, {missing} untranslated")


def cmd_compile() -> None:
    for path in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
        catalog = read_catalog(path)
        with path.with_suffix(".mo").open("wb") as fp:
            write_mo(fp, catalog, use_fuzzy=False)
    print("catalogs compiled")


def problems() -> list[str]:
    """Everything that would show a user an untranslated or broken message."""
    found: list[str] = []
    covered = {f.resolve() for paths in domains().values() for f in python_files(paths)}
    for file in sorted((ROOT / "bot").rglob("*.py")):
        if file.resolve() in covered:
            continue
        messages = list(extract_from_file("python", str(file), keywords=KEYWORDS))
        if messages:
            found.append(f"{file.relative_to(ROOT)}: has translatable messages but no domain in domains.toml")
    found.extend(_clashes())
    for file in sorted((ROOT / "bot").rglob("*.py")):
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if _GETTEXT_IN_FSTRING.search(line):
                found.append(f"{file.relative_to(ROOT)}:{number}: gettext inside an f-string is never extracted")
    for domain, paths in domains().items():
        expected = extract(domain, paths)
        for lang in LANGUAGES:
            path = po_path(lang, domain)
            if not path.exists():
                found.append(f"{path.relative_to(ROOT)}: missing catalog")
                continue
            catalog = read_catalog(path)
            for message in expected:
                if not message.id:
                    continue
                entry = catalog.get(message.id, context=message.context)
                name = f"{lang}/{domain}: {_short(message.id)}"
                if entry is None:
                    found.append(f"{name}: not in catalog (run `make i18n-update`)")
                    continue
                if entry.fuzzy:
                    found.append(f"{name}: marked fuzzy")
                strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                if not all(s and s.strip() for s in strings):
                    found.append(f"{name}: no translation")
                    continue
                if lang != "en" and strings[0] == ids[0] and _is_prose(ids[0]) and not _same_everywhere(message):
                    found.append(f"{name}: copied from English, not translated")
                wanted = sorted(PLACEHOLDER.findall(ids[0]))
                for string in strings:
                    got = sorted(PLACEHOLDER.findall(string))
                    if got != wanted:
                        found.append(f"{name}: placeholders {got} differ from {wanted}")
                if ids[0].count("<") != strings[0].count("<"):
                    found.append(f"{name}: HTML tags differ from the original")
    return found


def _clashes() -> list[str]:
    """The catalogs of a language are chained at run time, so one message id means one text in every domain:
    the same id translated two ways would show the first domain's wording everywhere."""
    found: list[str] = []
    for lang in LANGUAGES:
        seen: dict[str, tuple[str, object]] = {}
        for domain in domains():
            path = po_path(lang, domain)
            if not path.exists():
                continue
            for message in read_catalog(path):
                if not message.id or message.context:
                    continue
                key = message.id if isinstance(message.id, str) else message.id[0]
                if key in seen and seen[key][1] != message.string and message.string:
                    found.append(
                        f"{lang}: {_short(key)}: translated differently in {seen[key][0]} and {domain} "
                        "(use the same text, or give one a different message id)"
                    )
                elif message.string:
                    seen.setdefault(key, (domain, message.string))
    return found


def _is_prose(text: str) -> bool:
    return len(re.findall(r"[A-Za-z]{3,}", PLACEHOLDER.sub("", text))) >= 2


def _same_everywhere(message) -> bool:
    # A translator comment "i18n: same in all languages" marks names and numbers that stay as they are.
    return any("same in all languages" in c for c in message.auto_comments)


def _short(text: object) -> str:
    text = text[0] if isinstance(text, tuple) else str(text)
    return text if len(text) <= 60 else text[:57] + "..."


def cmd_check() -> int:
    found = problems()
    for line in found:
        print(line)
    print(f"{len(found)} translation problems")
    return 1 if found else 0


def cmd_fill(domain: str, source: Path) -> int:
    """Write translations from a JSON file ``{msgid: {"id": ..., "ms": ..., "tet": ...}}`` into a domain's catalogs."""
    import json

    table = json.loads(source.read_text(encoding="utf-8"))
    unknown = 0
    for lang in LANGUAGES:
        path = po_path(lang, domain)
        catalog = read_catalog(path)
        for msgid, translations in table.items():
            if lang not in translations:
                continue
            entry = catalog.get(msgid)
            if entry is None:
                if lang == LANGUAGES[0]:
                    print(f"not in {domain} catalog: {_short(msgid)}")
                    unknown += 1
                continue
            entry.string = translations[lang]
            entry.flags.discard("fuzzy")
        write_catalog(path, catalog)
    return 1 if unknown else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["extract", "update", "compile", "check", "fill"])
    parser.add_argument("domain", nargs="?")
    parser.add_argument("file", nargs="?", type=Path)
    args = parser.parse_args(argv)
    if args.command == "check":
        return cmd_check()
    if args.command == "fill":
        if not args.domain or not args.file:
            parser.error("fill needs DOMAIN and FILE.json")
        return cmd_fill(args.domain, args.file)
    {"extract": cmd_extract, "update": cmd_update, "compile": cmd_compile}[args.command]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
