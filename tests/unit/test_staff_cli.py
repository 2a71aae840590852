"""`tipline staff ...`, `tipline export ...` and `tipline stats` through the real entry point."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import json
import os
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.__main__ import main
from bot.config import generate_data_key, generate_pepper, load_settings
from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.export import FIELDS, _safe_cell
from bot.services.triage.deadlines import wita
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
    assert list(rows[0]) == list(FIELDS)  # every structured field, no words of the reporter
    assert rows[0]["regency"] == "belu" and rows[0]["status"] == "new"
    # Times in WITA with their offset; the first-response due time is the P3 deadline.
    assert rows[0]["created_at"].endswith("+08:00") and rows[0]["first_response_due"].endswith("+08:00")
    assert rows[0]["first_response_late"] == "no" and rows[0]["resolution_late"] == "no"
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
    assert main(["export", "--format", "csv", "--until", "2000-01-01", "--out", str(out), *db]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1  # nothing received by then
    assert main(["export", "--format", "json", "--until", "2999-01-01", "--out", str(out), *db]) == 0
    assert [r["case_number"] for r in json.loads(out.read_text(encoding="utf-8"))] == cases

    exports = [r for r in audit_rows(db) if r.action == "export"]
    assert [(r.staff_id, r.result, r.detail["details"]) for r in exports] == [
        (None, "ok", False),
        (4242, "refused", True),
        (4242, "ok", True),
        (4242, "ok", True),
        (None, "ok", False),
        (None, "ok", False),
        (None, "ok", False),
    ]


def test_stats(capsys, db):
    file_tips(db, "Satu", "Dua", "Tiga")
    assert main(["stats", "--json", *db]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["tips"] == 3
    regency = data["tables"]["regency_month"]
    assert regency["rows"] == ["belu"] and sum(regency["cells"]["belu"].values()) == 3
    assert data["tables"]["category_outcome"]["cells"]["recruitment_fraud"]["open"] == 3
    assert data["tables"]["clocks"]["cells"]["P3"]["waiting"] == 3
    assert main(["stats", *db]) == 0
    out = capsys.readouterr().out
    assert "regency_month" in out and "belu" in out
    assert main(["stats", "--month", "2026-13", *db]) == 2
    assert "--month" in capsys.readouterr().err
    assert [r.action for r in audit_rows(db) if r.action == "stats"] == ["stats", "stats"]


def test_monthly_report_hides_small_counts_unless_internal(tmp_path, capsys, db):
    file_tips(db, "Satu", "Dua", "Tiga")
    month = datetime.now(UTC).astimezone(wita()).strftime("%Y-%m")
    out = tmp_path / "report"
    assert main(["report", "--month", month, "--out", str(out), "--no-charts", *db]) == 0
    files = sorted(p.name for p in out.iterdir())
    assert "report.html" in files and "regency_month.csv" in files and "clocks.csv" in files
    regency = (out / "regency_month.csv").read_text(encoding="utf-8")
    assert "Belu" in regency and "<5" in regency and ",3" not in regency  # 3 tips: too few to show
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<5" in html.unescape(page) and "Laporan bulanan" in page  # Indonesian by default
    internal = tmp_path / "internal"
    assert main(["report", "--month", month, "--out", str(internal), "--internal", "--lang", "en", *db]) == 0
    assert "Belu,3" in (internal / "regency_month.csv").read_text(encoding="utf-8")
    assert "<svg" in (internal / "report.html").read_text(encoding="utf-8")  # the charts, drawn inline
    assert [r.detail["internal"] for r in audit_rows(db) if r.action == "report"] == [False, True]


def test_safe_cell():
    assert _safe_cell("=1+1") == "'=1+1"
    assert _safe_cell("-5") == "'-5"
    assert _safe_cell(None) == ""
    assert _safe_cell("ok") == "ok"
