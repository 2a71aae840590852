"""Rotating the data key, as docs/operations.md says: put a new key first (old data stays readable), run
`tipline keys reencrypt`, then remove the old key. Afterwards the bot reads everything: the report with its photo,
the follow-up, a draft in progress, the staff notes."""

from __future__ import annotations

import asyncio

from bot.__main__ import main
from bot.config import generate_data_key
from tests.e2e.harness import running_bot
from tests.e2e.intake_steps import answer_until_review, case_and_receipt, open_report, submit
from tests.e2e.staff_steps import register


async def test_a_rotated_key_leaves_everything_readable(make_settings, monkeypatch, capsys, tmp_path):
    old, new = generate_data_key("k1"), generate_data_key("k2")
    evidence = tmp_path / "evidence"
    async with running_bot(make_settings, data_keys=old, evidence_dir=evidence) as harness:
        ana = harness.user(5001, "Ana")
        await open_report(ana)
        await answer_until_review(ana)  # with a photo and a voice note
        case, receipt = case_and_receipt(await submit(ana))
        budi = harness.user(5002, "Budi")
        await open_report(budi)
        await budi.press(2)  # a draft in progress, sealed in the conversation
        await register(harness, 7001, "admin", "Maria")
        pepper = harness.settings.pepper.get_secret_value()
        database = harness.settings.database_url

    # 1. The new key first, the old one after it; 2. seal everything again under the new key.
    for name, value in {"DATA_KEYS": f"{new},{old}", "PEPPER": pepper, "DATABASE_URL": database}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("EVIDENCE_DIR", str(evidence))
    monkeypatch.setenv("TIPLINE_ENV", "test")
    assert await asyncio.to_thread(main, ["keys", "reencrypt", "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "would be sealed again under key k2" in dry and "tips.answers: 1" in dry and "evidence: 2" in dry
    assert await asyncio.to_thread(main, ["keys", "reencrypt"]) == 0
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["keys", "reencrypt", "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("0 value(s) would be sealed again under key k2")

    # 3. Only the new key is left: the bot reads what was written under the old one.
    async with running_bot(make_settings, data_keys=new, pepper=pepper, evidence_dir=evidence) as harness:
        maria = harness.user(7001, "Maria", language_code="en")
        view = await maria.say(f"/tip {case}")
        assert "Pak Yohanes dari PT Maju Jaya" in view.text
        assert any(m.get("photo") or m.get("document") or m.get("voice") for m in view.messages), view.texts
        ana = harness.user(5001, "Ana")
        await ana.say("/status")
        status = await ana.say(receipt)
        assert case in status.text
        budi = harness.user(5002, "Budi")
        resumed = await budi.say("/report")
        assert resumed.buttons, "the draft in progress is still there"
