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
