"""`tipline registry ...` through the real entry point, on a SQLite database in tmp_path."""

from __future__ import annotations

import json

import pytest

from bot.__main__ import main
from bot.services.registry import COLUMNS

HEADER = ",".join(COLUMNS)
GOOD = f"""{HEADER}
PT Maju Bersama Sejahtera,KEP-001/2024,active,2024-01-01,2099-01-01,,Kota Kupang,Kota Kupang;Sikka,0380 000 0201,https://example.invalid/1,2026-11-20
PT Karya Nusa Cendana,KEP-005/2020,revoked,,,,,,,,2026-11-18
"""
BAD = f"""{HEADER}
PT Fine,KEP-100,active,,,,,,,,2026-11-20
PT Broken,KEP-101,zombie,,,,,,,,
,kep 100,active,2025-01-01,2024-01-01,,,,,,
"""


@pytest.fixture
def db(migrated_sqlite, monkeypatch) -> list[str]:
    monkeypatch.setenv("TIPLINE_ENV", "demo")
    return ["--db", migrated_sqlite("cli.db")]


def check_json(capsys, db, query: str) -> dict:
    capsys.readouterr()
    assert main(["registry", "check", query, "--json", *db]) == 0
    return json.loads(capsys.readouterr().out)


def test_check_without_any_import_says_so(capsys, db):
    data = check_json(capsys, db, "PT Maju Bersama Sejahtera")
    assert data["verdict"] == "not_found"
    assert data["matches"] == [] and data["data_as_of"] is None
    assert "no_data" in data["notes"]
    assert main(["registry", "check", "PT Maju", *db]) == 0
    assert "No registry has been imported yet" in capsys.readouterr().out


def test_import_then_check(tmp_path, capsys, db):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["registry", "import", str(good), *db]) == 0
    out = capsys.readouterr().out
    assert "imported 2 companies" in out and "active 1" in out and "revoked 1" in out

    data = check_json(capsys, db, "maju bersma sejahtera")
    assert data["query"] == "maju bersma sejahtera"
    assert data["verdict"] == "licensed"
    assert data["data_as_of"] == "2026-11-20"
    assert isinstance(data["stale"], bool)
    (match,) = data["matches"]
    assert match["name"] == "PT Maju Bersama Sejahtera"
    assert match["licence_number"] == "KEP-001/2024"
    assert match["status"] == "active"
    assert match["score"] >= 90
    assert match["branches"] == ["Kota Kupang", "Sikka"]

    assert check_json(capsys, db, "kep 005 2020")["verdict"] == "revoked"
    assert check_json(capsys, db, "+62 380 000 0201")["verdict"] == "licensed"
    assert check_json(capsys, db, "PT Tidak Ada Sama Sekali")["verdict"] == "not_found"

    assert main(["registry", "check", "Karya Nusa Cendana", *db]) == 0
    text = capsys.readouterr().out
    # The company's own row was copied on 18 November: the answer is that old, not as new as the newest row.
    assert "REVOKED" in text and "Data as of 2026-11-18" in text and "Data as of 2026-11-20" not in text


def test_rejected_file_lists_errors_and_keeps_data(tmp_path, capsys, db):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_bytes(BAD.encode("utf-8-sig"))
    assert main(["registry", "import", str(good), *db]) == 0
    capsys.readouterr()

    assert main(["registry", "import", str(bad), *db]) == 1
    out = capsys.readouterr().out
    assert "rejected, 4 problems" in out and "not changed" in out
    assert "line 3, status:" in out
    assert "line 4, name:" in out and "line 4, licence_expires:" in out and "line 4, licence_number:" in out

    assert main(["registry", "import", str(bad), "--json", *db]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] is False
    assert [(e["line"], e["code"]) for e in data["errors"]] == [
        (3, "unknown_status"),
        (4, "missing_field"),
        (4, "expiry_before_issue"),
        (4, "duplicate_licence"),
    ]

    assert check_json(capsys, db, "PT Maju Bersama Sejahtera")["verdict"] == "licensed"
    assert check_json(capsys, db, "PT Fine")["verdict"] == "not_found"


def test_demo_import(capsys, db):
    assert main(["registry", "import", "--demo", *db]) == 0
    assert "DEMO DATA" in capsys.readouterr().out
    data = check_json(capsys, db, "DEMO Flobamora Jaya")
    assert data["verdict"] == "ambiguous" and len(data["matches"]) == 2 and data["demo"] is True
    assert main(["registry", "snapshots", *db]) == 0
    assert "demo_registry.csv" in capsys.readouterr().out


def test_demo_import_is_refused_in_production(db, monkeypatch, capsys):
    monkeypatch.setenv("TIPLINE_ENV", "production")
    monkeypatch.setenv("DATA_KEYS", "k1:" + "A" * 43)
    monkeypatch.setenv("PEPPER", "p" * 40)
    assert main(["registry", "import", "--demo", *db]) == 2
    assert "refused in production" in capsys.readouterr().err


def test_import_needs_exactly_one_source(tmp_path, db, capsys):
    assert main(["registry", "import", *db]) == 2
    assert main(["registry", "import", str(tmp_path / "missing.csv"), *db]) == 1
    assert "cannot read" in capsys.readouterr().err
