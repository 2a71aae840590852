"""Every message id the code uses is translated in id, en, ms and tet, with the same placeholders."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated_in_every_language():
    problems = _i18n_tool().problems()
    assert problems == [], "\n".join(problems)


def test_check_catches_a_missing_translation_and_a_changed_placeholder(tmp_path, monkeypatch):
    tool = _i18n_tool()
    # Copy the catalogs, damage one entry in two ways, and point the tool at the copy.
    import shutil

    from babel.messages.pofile import read_po, write_po

    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    monkeypatch.setattr(tool, "LOCALES", tmp_path / "locales")
    path = tmp_path / "locales" / "tet" / "LC_MESSAGES" / "core.po"
    with path.open("rb") as fp:
        catalog = read_po(fp)
    catalog.get("Language set to {language}.").string = "Lian troka ona ba {lingua}."
    catalog.get("Main menu").string = ""
    with path.open("wb") as fp:
        write_po(fp, catalog)
    problems = "\n".join(tool.problems())
    assert "tet/core: Language set to {language}.: placeholders" in problems
    assert "tet/core: Main menu: no translation" in problems


def test_check_catches_one_message_translated_two_ways_in_two_catalogs(tmp_path, monkeypatch):
    import shutil

    from babel.messages.pofile import read_po, write_po

    tool = _i18n_tool()
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    monkeypatch.setattr(tool, "LOCALES", tmp_path / "locales")
    path = tmp_path / "locales" / "id" / "LC_MESSAGES" / "intake.po"
    with path.open("rb") as fp:
        catalog = read_po(fp)
    catalog.get("Report a case").string = "Lapor"  # core says "Laporkan kasus"
    with path.open("wb") as fp:
        write_po(fp, catalog)
    assert any("Report a case" in p and "differently" in p for p in tool.problems())


def test_merged_catalogs_answer_every_message_as_the_domains_chained_would():
    """The catalogs of a language are merged into one (one look-up per message): every message of every domain,
    singular and plural, comes out as a chain of the domains (first domain first) gives it."""
    import gettext

    from bot.paths import LOCALES_DIR
    from bot.telegram.i18n import build_i18n

    i18n = build_i18n(LOCALES_DIR, "id")
    assert sorted(i18n.locales) == ["en", "id", "ms", "tet"]
    for lang, merged in i18n.locales.items():
        chain = None
        for path in sorted((LOCALES_DIR / lang / "LC_MESSAGES").glob("*.mo")):
            with path.open("rb") as fp:
                catalog = gettext.GNUTranslations(fp)
            chain = catalog if chain is None else (chain.add_fallback(catalog) or chain)
        assert chain is not None
        keys = set()
        for path in (LOCALES_DIR / lang / "LC_MESSAGES").glob("*.mo"):
            with path.open("rb") as fp:
                keys |= set(gettext.GNUTranslations(fp)._catalog)
        assert len(keys) > 500
        for key in keys:
            if isinstance(key, tuple):  # a plural form: (msgid, index)
                for n in (1, 2, 5):
                    assert merged.ngettext(key[0], key[0] + "s", n) == chain.ngettext(key[0], key[0] + "s", n)
            elif key:
                assert merged.gettext(key) == chain.gettext(key), (lang, key)
        assert merged.gettext("a message no catalog has") == "a message no catalog has"
