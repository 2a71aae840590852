"""The tip's home: the record (sealed answers, reasons and contact; plain codes) and the ledger (case numbers, the
daily limit, filing once), used alike by reports and advice questions."""

from __future__ import annotations

import asyncio
import base64
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, select

from bot.services.evidence import EvidenceRef
from bot.services.intake import receipt as receipts
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.tips import (
    ANSWERS_CONTEXT,
    TIP,
    DailyLimitReached,
    Ledger,
    NewTip,
    Submitted,
    Unnumbered,
    alert_payload,
    open_answers,
    open_contact,
    stored_reasons,
)
from bot.services.triage import signals
from bot.services.triage.scoring import TipFacts, score_tip
from db.models.outbox import OutboxMessage
from db.models.staff import TipLinkKey
from db.models.tips import CaseCounter, Evidence, SubmissionCounter, Tip
from db.repositories import tips as tips_repo

NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def cipher(settings) -> Cipher:
    return Cipher(settings.keys)


@pytest.fixture
def ledger(settings, cipher) -> Ledger:
    return Ledger(cipher=cipher, pseudonymizer=Pseudonymizer(settings.pepper_bytes), max_per_day=2)


def new_tip(
    story: str = "Tetangga saya dibawa ke Batam lewat Tenau", evidence: str = "a" * 32
) -> tuple[NewTip, TipFacts]:
    facts = TipFacts(narrative=story, destination="ID-KR", transit_points=("tenau", "batam"))
    tip = NewTip(
        kind=TIP,
        lang="id",
        answers={"story": story},
        category="recruitment_fraud",
        regency="kota_kupang",
        destination="ID-KR",
        transit_points=("tenau", "batam"),
        contact={"kind": "phone", "phone": "+6281234567890"},
        evidence=(EvidenceRef(ref=evidence, kind="photo", mime="image/jpeg", size=10),) if evidence else (),
    )
    return tip, facts


async def test_a_tip_is_filed_sealed_with_its_codes_and_its_alert(session_factory, ledger, cipher):
    new, facts = new_tip()
    async with session_factory() as session:
        filed = await ledger.file(
            session, new, facts, score_tip(facts), ref=ledger.ref("draft", "d1"), pseudonym="p", now=NOW
        )
        await session.commit()
    assert filed.case_number == "TPPO-2026-00001" and filed.receipt
    async with session_factory() as session:
        tip = await session.get(Tip, filed.tip_id)
        assert (tip.kind, tip.status, tip.destination, tip.transit_points) == (
            "tip",
            "new",
            "ID-KR",
            ["tenau", "batam"],
        )
        assert b"Batam" not in tip.answers and b"628123" not in tip.contact
        assert open_answers(cipher, tip) == {"story": new.answers["story"]}
        assert open_contact(cipher, tip.contact) == {"kind": "phone", "phone": "+6281234567890"}
        assert "transit_point" in [r.code for r in stored_reasons(tip, cipher)]
        assert (await session.scalars(select(Evidence.ref))).all() == ["a" * 32]
        [alert] = (await session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "alert"))).all()
        assert alert.payload == alert_payload(tip)
        assert set(alert.payload) == {"case", "kind", "priority", "category", "regency", "urgent", "created_at"}


async def test_filing_the_same_ref_twice_gives_the_first_tip_without_a_receipt(session_factory, ledger):
    new, facts = new_tip()
    async with session_factory() as session:
        ref = ledger.ref("draft", "same")
        first = await ledger.file(session, new, facts, score_tip(facts), ref=ref, pseudonym="p", now=NOW)
        again = await ledger.file(session, new, facts, score_tip(facts), ref=ref, pseudonym="p", now=NOW)
        uncounted = await ledger.file(session, new, facts, score_tip(facts), ref=ref, pseudonym="", now=NOW)
        # The second filing wrote nothing: no case number taken, nothing counted against the day's limit.
        other_tip, _ = new_tip(evidence="b" * 32)
        other = await ledger.file(
            session, other_tip, facts, score_tip(facts), ref=ledger.ref("draft", "other"), pseudonym="p", now=NOW
        )
        await session.commit()
    assert again.receipt is None and (again.tip_id, again.case_number) == (first.tip_id, first.case_number)
    assert (uncounted.receipt, uncounted.tip_id) == (None, first.tip_id)
    assert other.case_number == "TPPO-2026-00002"
    async with session_factory() as session:
        assert (await session.scalars(select(SubmissionCounter.count))).all() == [2]


async def test_case_numbers_run_per_year_and_the_daily_limit_counts_per_pseudonym(session_factory, ledger):
    new, facts = new_tip(evidence="")
    async with session_factory() as session:
        numbers = []
        for i in range(2):
            filed = await ledger.file(
                session, new, facts, score_tip(facts), ref=ledger.ref("draft", f"{i}"), pseudonym="p", now=NOW
            )
            numbers.append(filed.case_number)
        assert await ledger.limit_reached(session, "p", NOW)
        assert not await ledger.limit_reached(session, "q", NOW)
        with pytest.raises(DailyLimitReached):
            await ledger.file(
                session, new, facts, score_tip(facts), ref=ledger.ref("draft", "x"), pseudonym="p", now=NOW
            )
        next_year = NOW.replace(year=2027)
        filed = await ledger.file(
            session, new, facts, score_tip(facts), ref=ledger.ref("draft", "y"), pseudonym="q", now=next_year
        )
        await session.commit()
    assert numbers == ["TPPO-2026-00001", "TPPO-2026-00002"]
    assert filed.case_number == "TPPO-2027-00001"


async def test_filings_at_the_same_moment_never_pass_the_daily_limit_and_leave_no_gap(session_factory, ledger):
    """Five reports of one person filed at once (each in its own transaction) with two a day allowed: two are
    filed, three refused, and the refused ones take no case number and change no count. (On SQLite this process runs
    them one after another, so the race it guards against shows on PostgreSQL, where CI runs it: the check read
    before the count let all five through there.)"""
    new, facts = new_tip(evidence="")

    async def file(i: int) -> str | None:
        async with session_factory() as session:
            try:
                filed = await ledger.file(
                    session,
                    new,
                    facts,
                    score_tip(facts),
                    ref=ledger.ref("draft", f"at-once-{i}"),
                    pseudonym="p",
                    now=NOW,
                )
            except DailyLimitReached:
                await session.commit()  # as the handler does: the update's commit goes on
                return None
            await session.commit()
            return filed.case_number

    results = await asyncio.gather(*(file(i) for i in range(5)))
    assert sorted(r for r in results if r) == ["TPPO-2026-00001", "TPPO-2026-00002"]
    async with session_factory() as session:
        assert await ledger.limit_reached(session, "p", NOW)
        assert (await session.scalars(select(SubmissionCounter.count))).all() == [2]
        filed = await ledger.file(
            session, new, facts, score_tip(facts), ref=ledger.ref("draft", "other"), pseudonym="q", now=NOW
        )
    assert filed.case_number == "TPPO-2026-00003"


async def _statements_of_a_filing(session_factory, ledger, pseudonym: str = "p") -> tuple[str, list[str]]:
    """The statements of one filing: a tip with evidence, naming a recruiter (link keys to write and count)."""
    new, facts = new_tip()
    facts = replace(facts, recruiter="PT Maju Jaya Sejahtera")
    async with session_factory() as session:
        engine = session.get_bind()
        seen: list[str] = []

        def record(_conn, _cursor, statement, *_args) -> None:
            seen.append(" ".join(statement.split()))

        event.listen(engine, "before_cursor_execute", record)
        try:
            await ledger.file(
                session, new, facts, score_tip(facts), ref=ledger.ref("draft", "one"), pseudonym=pseudonym, now=NOW
            )
        finally:
            event.remove(engine, "before_cursor_execute", record)
        await session.rollback()
    return engine.dialect.name, seen


async def test_a_filing_opens_with_one_statement_on_postgresql_and_two_on_sqlite(session_factory, ledger):
    """Before anything else (the link keys' turn and count, the tip): the tip filed under its reference and the
    day's count. On PostgreSQL one statement (one round trip while the crowd waits), on SQLite the two in turn; the
    same outcome either way (the tests above run on both)."""
    dialect, seen = await _statements_of_a_filing(session_factory, ledger)
    first_of_the_rest = ("tip_link_keys", "pg_advisory_xact_lock", "INSERT INTO tips ")
    opening = seen[: next(i for i, sql in enumerate(seen) if any(part in sql for part in first_of_the_rest))]
    assert len(opening) == (1 if dialect == "postgresql" else 2), opening
    assert not any("case_counters" in sql for sql in opening)


async def test_the_case_number_is_the_filings_last_step_but_the_alert(session_factory, ledger):
    """The year's counter holds every other filing from its statement to the commit, so nothing of the filing but
    what shows the case number (the alert) is written after it."""
    dialect, seen = await _statements_of_a_filing(session_factory, ledger)
    counter = next(i for i, sql in enumerate(seen) if "case_counters" in sql)
    before, after = seen[:counter], seen[counter + 1 :]
    for written in ("INSERT INTO tips ", "INSERT INTO evidence ", "INSERT INTO tip_link_keys "):
        assert any(sql.startswith(written) for sql in before), (written, before)
    if dialect == "sqlite":  # the counter, then the tip's number, in turn
        assert after[0].startswith("UPDATE tips SET case_number"), after
        after = after[1:]
    assert [sql.split(" (")[0] for sql in after] == ["INSERT INTO outbox"], after


async def test_a_filing_looks_up_each_texts_places_once_though_another_forgets_them_meanwhile(
    session_factory, ledger, monkeypatch
):
    """Scoring finds the places named in each text, and the link keys reuse them. In a crowd another filing forgets
    the texts it scored while this one waits on the database; the link keys are read before that first wait, so no
    text's places are looked up twice (the dearest part of reading a story)."""
    looked_up: list[str] = []
    find_places = signals.find_places
    monkeypatch.setattr(signals, "find_places", lambda text: looked_up.append(text) or find_places(text))
    open_filing = tips_repo.open_filing

    async def another_filing_done_meanwhile(*args, **kwargs):
        signals.forget_texts()
        return await open_filing(*args, **kwargs)

    monkeypatch.setattr(tips_repo, "open_filing", another_filing_done_meanwhile)
    new, facts = new_tip()
    facts = replace(facts, recruiter="Om Rekruter dari Kupang", route="Lewat Tenau ke Nunukan")
    async with session_factory() as session:
        ref = ledger.ref("draft", "crowd")
        filed = await ledger.file(session, new, facts, score_tip(facts), ref=ref, pseudonym="p", now=NOW)
        await session.commit()
        keys = (await session.scalars(select(TipLinkKey.kind).where(TipLinkKey.tip_id == filed.tip_id))).all()
    assert sorted(looked_up) == sorted(facts.texts())
    assert "name" in keys  # the recruiter's link key was still made
    assert not any(text in signals.find_signals for text in facts.texts())  # and the texts are forgotten


async def _counter_at(session_factory, last: int) -> None:
    """The year's case counter as if ``last`` tips had been filed this year."""
    async with session_factory() as session:
        session.add(CaseCounter(year=2026, last=last))
        await session.commit()


async def test_case_numbers_grow_a_digit_past_99999(session_factory, ledger):
    await _counter_at(session_factory, 99_998)
    numbers = []
    for key in ("a", "b"):
        new, facts = new_tip(evidence="")
        async with session_factory() as session:
            filed = await ledger.file(
                session, new, facts, score_tip(facts), ref=ledger.ref("draft", key), pseudonym=key, now=NOW
            )
            await session.commit()
        numbers.append(filed.case_number)
    assert numbers == ["TPPO-2026-99999", "TPPO-2026-100000"]
    async with session_factory() as session:
        stored = (await session.scalars(select(Tip.case_number).order_by(Tip.id))).all()
    assert stored == numbers


def test_the_tips_package_imports_none_of_its_users():
    """Reports, advice questions and the staff side use bot.services.tips; it imports none of them (no cycle)."""
    code = (
        "import sys, bot.services.tips\n"
        "users = ('bot.services.intake', 'bot.services.staff', 'bot.services.advice', 'bot.telegram')\n"
        "print(sorted(m for m in sys.modules if m.startswith(users)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_no_module_of_tips_intake_or_filing_imports_inside_a_function():
    """Imports inside functions hid import cycles (submit <-> staff filing); none are left in these modules."""
    import ast
    from pathlib import Path

    import bot.services.intake
    import bot.services.tips

    files = [
        *Path(bot.services.tips.__file__).parent.glob("*.py"),
        *Path(bot.services.intake.__file__).parent.glob("*.py"),
        Path(bot.services.tips.__file__).parents[1] / "staff" / "filing.py",
        Path(bot.services.tips.__file__).parents[1] / "advice" / "questions.py",
    ]
    for path in files:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                assert not inner, f"{path.name}: import inside {node.name}()"


def test_answers_context_is_the_tip_records():
    assert ANSWERS_CONTEXT == "tips.answers"  # stored tips were sealed under this name: never change it


async def test_a_tip_numbered_at_commit_gets_the_next_number_from_the_last_statement(session_factory, ledger):
    """As a Send files: everything but the number, then the numbering statements last before the commit (on
    PostgreSQL the commit itself numbers it, migration 0012); the alert is queued without the number (the outbox
    reads it from the tip). Past 99999 as ``case_number`` writes it."""
    await _counter_at(session_factory, 99_998)
    numbers = []
    for key in ("a", "b"):
        new, facts = new_tip(evidence="")
        async with session_factory() as session:
            filed = await ledger.file_numbered_at_commit(
                session, new, facts, score_tip(facts), ref=ledger.ref("draft", key), pseudonym=key, now=NOW
            )
            assert isinstance(filed, Unnumbered) and filed.receipt
            if filed.numbering:  # SQLite: the last statements before the commit take the number
                *first, (last, values) = filed.numbering
                for statement, first_values in first:
                    await session.execute(statement, first_values)
                numbers.append((await session.execute(last, values)).scalar_one())
                await session.commit()
            else:  # PostgreSQL: the commit itself numbers the tip
                await session.commit()
                numbers.append((await session.execute(*filed.number_query)).scalar_one())
    assert numbers == ["TPPO-2026-99999", "TPPO-2026-100000"]
    async with session_factory() as session:
        stored = (await session.scalars(select(Tip.case_number).order_by(Tip.id))).all()
        alerts = (await session.scalars(select(OutboxMessage.payload).where(OutboxMessage.kind == "alert"))).all()
        again = await ledger.file_numbered_at_commit(
            session, new, facts, score_tip(facts), ref=ledger.ref("draft", "b"), pseudonym="b", now=NOW
        )
    assert stored == numbers
    assert [("case" in payload, payload["priority"]) for payload in alerts] == [(False, "P3"), (False, "P3")]
    assert isinstance(again, Submitted) and again.case_number == numbers[1] and again.receipt is None


async def test_a_kept_receipt_gives_its_tips_case_number_and_one_kept_before_its_own(session_factory, ledger, cipher):
    """The conversation keeps a receipt to show it again: now its tip and code (it is kept before the tip has its
    number), before this its case number and code, which may still be in a conversation when the bot is updated."""
    new, facts = new_tip(evidence="")
    async with session_factory() as session:
        filed = await ledger.file(
            session, new, facts, score_tip(facts), ref=ledger.ref("draft", "k"), pseudonym="k", now=NOW
        )
        await session.commit()
    async with session_factory() as session:
        assert await receipts.kept_case(session, receipts.remembered(filed.tip_id, "CODE", NOW)) == filed.case_number
        assert await receipts.kept_case(session, {"case": "TPPO-2025-00007", "code": "C", "at": 0}) == "TPPO-2025-00007"
        assert await receipts.kept_case(session, {"code": "C", "at": 0}) is None
    # A receipt queued in the outbox before the bot was updated has its case number sealed in it.
    sealed = cipher.encrypt_json({"case": "TPPO-2025-00007", "code": "C", "lang": "id"}, context="outbox.receipt")
    payload = {"sealed": base64.b64encode(sealed).decode()}
    assert receipts.open_payload(cipher, payload) == receipts.Receipt("TPPO-2025-00007", "C", "id")
    assert receipts.open_payload(cipher, {**payload, "case": "TPPO-2026-00001"}).case_number == "TPPO-2025-00007"
