"""`tipline demo --db FILE`: the demo keeps its data in FILE, and every run on it answers."""

from __future__ import annotations

import io
import sys

import pytest

from bot.__main__ import main


def run_demo(monkeypatch, capsys, db: str, script: str) -> list[str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    assert main(["demo", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "!!" not in out, out
    lines = out.splitlines()
    # First the web desk's address and a one-time sign-in link for the staff persona, then the chat.
    assert lines[0].startswith("web desk: http://127.0.0.1:"), lines[:3]
    assert "/login/" in lines[1]
    return lines[3:]


def test_a_second_run_on_the_same_file_answers_and_continues_where_the_first_stopped(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    for name in ("DATA_KEYS", "PEPPER", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    db = str(tmp_path / "demo.db")

    first = run_demo(monkeypatch, capsys, db, "/start\n!press Laporkan kasus\n!press Tidak\n")
    asked = [line for line in first if line.startswith("bot> ")][-1]  # the question the first run stopped at
    assert first.index(asked) > first.index("you> [press] Tidak")

    # Update ids go on from where the first run's emulator left off, so nothing is dropped as already handled; the
    # demo's keys are kept beside the file, so the reporter is the same person with the same unfinished report.
    second = run_demo(monkeypatch, capsys, db, "/start\n!press Lanjutkan\n")
    assert second[0] == "you> /start"
    assert second[1].startswith("bot> "), second
    assert any("Lanjutkan laporan" in line for line in second)
    assert second[-2] == asked, second  # pressing "continue" asks the same question again

    third = run_demo(monkeypatch, capsys, db, "/start\n")
    assert len([line for line in third if line.startswith("bot> ")]) >= 1
    assert (tmp_path / "demo.db.demo" / "keys.env").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("form", ["path", "url"])
def test_db_takes_a_path_or_a_database_url(tmp_path, monkeypatch, capsys, form):
    monkeypatch.chdir(tmp_path)
    for name in ("DATA_KEYS", "PEPPER", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    file = tmp_path / "sub" / "d.db"
    db = str(file) if form == "path" else f"sqlite+aiosqlite:///{file}"
    file.parent.mkdir()
    out = run_demo(monkeypatch, capsys, db, "/start\n")
    assert out[1].startswith("bot> ")
    assert file.is_file() and (tmp_path / "sub" / "d.db.demo" / "keys.env").is_file()


def test_a_closed_pipe_ends_the_demo_quietly(tmp_path, monkeypatch, capsys):
    # `tipline demo < script | head -3`: once head has gone, the demo stops without a traceback.
    from bot.__main__ import CLOSED_PIPE
    from tests.unit.test_cli_closed_pipe import ClosedPipe

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("/start\n!press Nomor darurat\n"))
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["demo", "--db", str(tmp_path / "demo.db")]) == CLOSED_PIPE
    assert capsys.readouterr().err == ""
