"""`tipline staff ...`, `tipline export ...` and `tipline stats` through the real entry point."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os

import pytest
from sqlalchemy import select

from bot.__main__ import main
from bot.config import generate_data_key, generate_pepper, load_settings
from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.export import _safe_cell
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database
from db.models.audit import AuditEntry


@pytest.fixture
def db(migrated_sqlite, monkeypatch) -> list[str]:
    # Fixed keys: the tips filed below must be readable by the CLI's own process.
    monkeypatch.setenv("TIPLINE_ENV", "test")
    monkeypatch.setenv("DATA_KEYS", generate_data_key("k1"))
    monkeypatch.setenv("PEPPER", generate_pepper())
    return ["--db", migrated_sqlite("cli.db")]


def file_tips(db: list[str], *stories: str) -> list[str]:
    async def run() -> list[str]:
        settings = load_settings(database_url=db[1])
        engine = make_engine(settings.database_url)
        await upgrade_database(engine)
        sessions = make_session_factory(engine)
        service = IntakeService(
            cipher=Cipher(settings.keys), pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=100
        )
        cases = []
        for story in stories:
            draft = Draft(lang="id", danger_now="no", category="recruitment_fraud", regency="belu")
            draft.story.append(story)
            async with sessions() as session:
                cases.append((await service.submit(session, draft, pseudonym="")).case_number)
                await session.commit()
        await engine.dispose()
        return cases

    return asyncio.run(run())


def audit_rows(db: list[str]) -> list[AuditEntry]:
    async def run():
        engine = make_engine(db[1])
        async with make_session_factory(engine)() as session:
            rows = list((await session.scalars(select(AuditEntry).order_by(AuditEntry.id))).all())
        await engine.dispose()
        return rows

    return asyncio.run(run())


def test_staff_add_list_remove(capsys, db):
    assert main(["staff", "add", "111222", "--role", "admin", "--name", "Maria", *db]) == 0
    assert "added: 111222 as admin" in capsys.readouterr().out
    assert main(["staff", "add", "333", "--role", "viewer", *db]) == 0
    assert main(["staff", "add", "333", "--role", "triager", *db]) == 0
    assert "updated: 333 as triager" in capsys.readouterr().out
    assert main(["staff", "list", "--json", *db]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [{"id": 111222, "role": "admin", "name": "Maria"}, {"id": 333, "role": "triager", "name": None}]
    assert main(["staff", "remove", "333", *db]) == 0
    assert main(["staff", "remove", "333", *db]) == 1
    capsys.readouterr()
    assert main(["staff", "list", *db]) == 0
    assert capsys.readouterr().out == "111222\tadmin\tMaria\n"
    assert main(["staff", "add", "-100123", "--role", "admin", *db]) == 2
    with pytest.raises(SystemExit):
        main(["staff", "add", "5", "--role", "boss", *db])


def test_export_has_triage_fields_only_unless_an_admin_asks_for_details(tmp_path, capsys, db):
    story = '=HYPERLINK("x") Calo di Atambua, nomor 0812-3456-7890'
    cases = file_tips(db, story, "Cerita kedua")
    out = tmp_path / "out" / "tips.csv"
    assert main(["export", "--format", "csv", "--out", str(out), *db]) == 0
    assert oct(os.stat(out).st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["case_number"] for r in rows] == cases
    assert list(rows[0]) == [
        "case_number",
        "kind",
        "status",
        "priority",
        "category",
        "regency",
        "created_at",
        "closed_at",
        "outcome",
    ]
    assert rows[0]["regency"] == "belu" and rows[0]["status"] == "new"
    assert "Atambua" not in out.read_text(encoding="utf-8")

    assert main(["export", "--format", "json", "--with-details", "--out", str(out), *db]) == 2
    assert "--as" in capsys.readouterr().err
    assert main(["staff", "add", "4242", "--role", "triager", *db]) == 0
    assert main(["export", "--format", "json", "--with-details", "--as", "4242", "--out", str(out), *db]) == 2
    assert main(["staff", "add", "4242", "--role", "admin", *db]) == 0
    assert main(["export", "--format", "json", "--with-details", "--as", "4242", "--out", str(out), *db]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["narrative"] == story and "contact" not in data[0]
    assert main(["export", "--format", "csv", "--with-details", "--as", "4242", "--out", "-", *db]) == 0
    text = capsys.readouterr().out
    assert "'=HYPERLINK" in text  # a spreadsheet shows it as text, never runs it

    assert main(["export", "--format", "csv", "--since", "2999-01-01", "--out", str(out), *db]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1  # header only
    assert main(["export", "--format", "csv", "--since", "yesterday", "--out", str(out), *db]) == 2

    exports = [r for r in audit_rows(db) if r.action == "export"]
    assert [(r.staff_id, r.result, r.detail["details"]) for r in exports] == [
        (None, "ok", False),
        (4242, "refused", True),
        (4242, "ok", True),
        (4242, "ok", True),
        (None, "ok", False),
    ]


def test_stats(capsys, db):
    file_tips(db, "Satu", "Dua", "Tiga")
    assert main(["stats", "--json", *db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 3
    assert data["by_status"] == {"new": 3}
    assert data["by_regency"] == {"belu": 3}
    assert data["by_category"] == {"recruitment_fraud": 3}
    assert sum(data["by_priority"].values()) == 3 and sum(data["by_month"].values()) == 3
    assert main(["stats", *db]) == 0
    assert "tips: 3" in capsys.readouterr().out


def test_safe_cell():
    assert _safe_cell("=1+1") == "'=1+1"
    assert _safe_cell("-5") == "'-5"
    assert _safe_cell(None) == ""
    assert _safe_cell("ok") == "ok"
