"""`tipline purge`, `tipline backup`, `tipline db upgrade` from the command line."""

from __future__ import annotations

import sqlite3

import pytest

from bot.__main__ import main


@pytest.fixture
def sqlite_url(tmp_path, monkeypatch):
    monkeypatch.setenv("TIPLINE_ENV", "test")
    monkeypatch.setenv("EVIDENCE_DIR", str(tmp_path / "evidence"))
    return f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"


def test_upgrade_then_purge_dry_run(sqlite_url, capsys):
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    assert main(["purge", "--dry-run", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "would delete abandoned drafts: 0" in out


def test_backup_copies_a_consistent_database(sqlite_url, tmp_path, capsys):
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "abc.bin").write_bytes(b"sealed")
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    target = tmp_path / "backup"
    assert main(["backup", str(target), "--db", sqlite_url]) == 0
    with sqlite3.connect(target / "tipline.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"tips", "evidence", "conversation_states"} <= tables
    assert (target / "evidence" / "abc.bin").read_bytes() == b"sealed"
    assert main(["backup", str(target), "--db", sqlite_url]) == 2  # never overwrites
