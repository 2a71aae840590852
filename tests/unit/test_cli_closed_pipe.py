"""Every command that prints stops quietly when its reader goes away (``tipline ... | head -1``): no traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from bot.__main__ import CLOSED_PIPE, main
from bot.config import generate_data_key, generate_pepper
from bot.paths import PROJECT_ROOT


class ClosedPipe(io.TextIOBase):
    """Standard output whose reader has gone: every write fails as a pipe closed by ``head`` does."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.fixture
def cli(migrated_sqlite, tmp_path, monkeypatch):
    monkeypatch.setenv("TIPLINE_ENV", "test")
    monkeypatch.setenv("DATA_KEYS", generate_data_key("k1"))
    monkeypatch.setenv("PEPPER", generate_pepper())
    monkeypatch.setenv("EVIDENCE_DIR", str(tmp_path / "evidence"))
    db = ["--db", migrated_sqlite("cli.db")]
    assert main(["registry", "import", "--demo", *db]) == 0
    tip = tmp_path / "tip.json"
    tip.write_text(json.dumps({"narrative": "Anak 15 tahun dibawa calo ke Malaysia lewat Tenau malam ini."}))
    return db, tip


COMMANDS = [
    ["registry", "check", "PT Maju", "--json"],
    ["registry", "check", "PT Maju"],
    ["registry", "snapshots"],
    ["ask", "berapa biaya paspor?"],
    ["ask", "berapa biaya paspor?", "--json"],
    ["stats"],
    ["stats", "--json"],
    ["export", "--format", "csv", "--out", "-"],
    ["export", "--format", "json", "--out", "-"],
    ["triage", "score", "TIP"],
    ["triage", "score", "TIP", "--json"],
    ["staff", "list"],
    ["staff", "list", "--json"],
    ["kb", "check"],
    ["keys", "generate"],
    ["db", "current"],
    ["purge", "--dry-run"],
]
_TAKES_DB = {"registry", "stats", "export", "staff", "db", "purge"}


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_the_command_quietly(argv, cli, monkeypatch, capsys):
    db, tip = cli
    argv = [str(tip) if a == "TIP" else a for a in argv]
    if argv[0] in _TAKES_DB:
        argv += db
    if argv[0] == "staff":
        assert main(["staff", "add", "7001", "--role", "admin", *db]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(argv) == CLOSED_PIPE
    assert capsys.readouterr().err == ""


def test_a_real_closed_pipe_prints_no_traceback(tmp_path):
    # The case from the issue, in a process of its own: `tipline registry check NAME --json | head -1` once head has
    # gone. The write end of a pipe whose read end is closed fails at the first write, whatever the buffering.
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "TIPLINE_ENV": "demo", "PYTHONPATH": str(PROJECT_ROOT)}
    db = f"sqlite+aiosqlite:///{tmp_path / 'pipe.db'}"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "registry", "check", "PT Maju Jaya", "--json", "--db", db],
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
            timeout=300,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == CLOSED_PIPE
