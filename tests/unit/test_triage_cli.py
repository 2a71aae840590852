from __future__ import annotations

import io
import json
import pkgutil

import pytest

import bot.__main__
import bot.cli
from bot.__main__ import main
from bot.cli import triage as triage_cli


@pytest.fixture(autouse=True)
def only_the_triage_command(monkeypatch):
    # Other subcommands import aiogram at module level (seconds); these tests need only this one. That
    # register_all would find it is checked below.
    monkeypatch.setattr(bot.__main__, "register_all", lambda subparsers: triage_cli.register(subparsers))


def test_the_command_is_discovered_like_the_others():
    assert "triage" in {m.name for m in pkgutil.iter_modules(bot.cli.__path__)}
    assert callable(triage_cli.register)


TIP = {
    "narrative": "Beta pung ade nona baru 16 thn, dong bawa pi Kupang. Besok pagi naik kapal dari Tenau ke Surabaya.",
    "lang": "id",
    "category": "child",
    "departure": "today",
    "people_count": 3,
    "minors": True,
    "regency": "tts",
    "recruiter": "Om Yos (PT Maju Jaya Sejahtera) 0812-3456-7890",
    "route": "Soe - Kupang - Tenau - Surabaya",
    "relation": "family",
    "extra_texts": [],
    "evidence_count": 1,
    "has_location": False,
}


@pytest.fixture
def write(tmp_path):
    def _write(content: object, name: str = "tip.json") -> str:
        path = tmp_path / name
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        return str(path)

    return _write


def test_score_json(write, capsys):
    code = main(["triage", "score", write(TIP), "--json", "--at", "2026-12-04T15:00+08:00"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out) == {"priority", "reasons", "entities", "deadline_hours"}
    assert out["priority"] == "P1"
    codes = [r["code"] for r in out["reasons"]]
    assert codes[0] == "departure_today" and "child_on_the_move" in codes  # a 16-year-old leaving tomorrow
    assert {"code": "departure_today", "detail": "answer: leaving today", "source": "answer",
            "params": {"departure": "today"}} in out["reasons"]  # fmt: skip
    assert all({"code", "detail"} <= set(r) <= {"code", "detail", "source", "quote", "params"} for r in out["reasons"])
    assert {"minor_involved", "child_age_in_text", "transit_point"} <= set(codes)
    tenau = next(r for r in out["reasons"] if r.get("params", {}).get("place") == "tenau")
    assert tenau["source"] == "text" and tenau["quote"] == "Tenau"
    assert out["entities"] == {
        "phones": ["+6281234567890"],
        "names": ["maju jaya sejahtra", "yos"],
        "places": ["kota_kupang", "surabaya", "tenau", "tts"],
    }
    assert out["deadline_hours"] == 0.5


def test_score_json_deadline_of_a_p3_on_friday_afternoon(write, capsys):
    code = main(["triage", "score", write({"narrative": "ada calo"}), "--json", "--at", "2026-12-04T15:00+08:00"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["priority"] == "P3"
    assert out["deadline_hours"] == 5 * 24  # Friday 15:00 -> Wednesday 15:00


def test_score_summary(write, capsys):
    assert main(["triage", "score", write(TIP)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("priority: P1 (urgent)")
    assert "departure_today: answer: leaving today" in out
    assert "phones: +6281234567890" in out


def test_only_narrative_is_required(write, capsys):
    assert main(["triage", "score", write({"narrative": "Bagaimana cara lapor?"}), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["priority"] == "P4"


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"narrative": "dia dipukul"})))
    assert main(["triage", "score", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["priority"] == "P1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{narrative: 'x'}", "not valid JSON"),
        ("", "not valid JSON"),
        ('["narrative"]', "must be a JSON object"),
        ({}, "'narrative': required"),
        ({"narrative": 42}, "'narrative': must be a string, got integer"),
        ({"narrative": "x", "people_count": "three"}, "'people_count': must be a whole number or null, got string"),
        ({"narrative": "x", "danger_now": "maybe"}, "'danger_now'"),
        ({"narrative": "x", "extra_texts": [1]}, "'extra_texts[0]'"),
        ({"narrative": "x", "category": "murder"}, "'category': must be one of"),
        ({"narrative": "x", "regency": "bali"}, "'regency'"),
        ({"narrative": "x", "colour": "red"}, "'colour': unknown field"),
    ],
)
def test_bad_input_exits_2_with_a_message(write, capsys, content, message):
    assert main(["triage", "score", write(content)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_missing_file_and_bad_time(write, capsys, tmp_path):
    assert main(["triage", "score", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["triage", "score", write({"narrative": "x"}), "--at", "friday"]) == 2
    assert "ISO 8601" in capsys.readouterr().err


def test_not_utf8(tmp_path, capsys):
    path = tmp_path / "tip.json"
    path.write_bytes(b'{"narrative": "\xff"}')
    assert main(["triage", "score", str(path)]) == 2
    assert "UTF-8" in capsys.readouterr().err
