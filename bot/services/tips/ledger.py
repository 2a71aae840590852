"""The ledger: public case numbers, the daily limit per person, and filing a tip, in the caller's transaction.

The caller commits, and only then tells the reporter the case number and receipt. Nothing links a tip to who filed
it: the daily limit is counted under a keyed hash of pseudonym and day, and a tip's ``draft_ref`` is a keyed hash of
the draft (or question) id, so that filing the same draft twice gives the first tip back. Case numbers and daily
counts come from single upserts, so tips filed at the same moment (several handlers, several workers) never clash
and leave no gaps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher, Pseudonymizer, new_receipt_code, receipt_hash
from bot.services.tips.filing import enqueue_alert, file_tip, read_link_keys
from bot.services.tips.record import NewTip, tip_row
from bot.services.triage.scoring import TipFacts, TriageResult
from db.models.tips import Evidence, Tip
from db.repositories import tips as repo


class DailyLimitReached(Exception):
    """The pseudonym has filed the most reports and questions allowed in one day."""


@dataclass(frozen=True)
class Submitted:
    tip_id: int
    case_number: str
    receipt: str | None  # None when this draft had already been filed (a receipt is shown once, never stored)
    priority: str


@dataclass(frozen=True)
class Unnumbered:
    """A tip filed by ``file_numbered_at_commit``: everything written but its case number."""

    tip_id: int
    receipt: str
    priority: str
    # The statements that number it, for the caller to run as the last before its commit; the last one returns the
    # case number (see ``db.repositories.tips.numbering_at_commit``). Empty where the commit itself numbers the tip
    # (PostgreSQL): the caller reads the number after its commit with ``number_query``.
    numbering: tuple[tuple[Any, dict[str, Any]], ...]
    number_query: tuple[Any, dict[str, Any]]


class Ledger:
    def __init__(self, *, cipher: Cipher, pseudonymizer: Pseudonymizer, max_per_day: int) -> None:
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer
        self.max_per_day = max_per_day

    def ref(self, kind: str, key: str) -> str:
        """The keyed hash that makes filing idempotent: ``ref("draft", draft.id)``, ``ref("question", token)``."""
        return self._pseudonymizer.keyed_hash(f"{kind}:{key}")

    def _counter_key(self, pseudonym: str, day: str) -> str:
        return self._pseudonymizer.keyed_hash(f"daily:{pseudonym}:{day}")

    async def limit_reached(self, session: AsyncSession, pseudonym: str, now: datetime | None = None) -> bool:
        day = (now or datetime.now(UTC)).date().isoformat()
        return await repo.submissions(session, self._counter_key(pseudonym, day)) >= self.max_per_day

    async def file(
        self,
        session: AsyncSession,
        new: NewTip,
        facts: TipFacts,
        triage: TriageResult,
        *,
        ref: str,
        pseudonym: str,
        now: datetime,
    ) -> Submitted:
        """File ``new`` (written in the session's transaction, not committed) with its evidence rows, link keys,
        case number, alert and daily count.

        ``ref`` comes from ``ref()``: a ref filed before gives its tip again with ``receipt=None``. Raises
        ``DailyLimitReached`` when ``pseudonym`` has used up the day's reports and questions."""
        written = await self._write(session, new, facts, triage, ref=ref, pseudonym=pseudonym, now=now)
        if isinstance(written, Submitted):
            return written
        tip, receipt = written
        # Numbered last: from here to the commit every filing waits its turn (see number_tip); only what shows the
        # case number is written after it.
        await repo.number_tip(session, tip, now.year)
        await enqueue_alert(session, tip, now)
        return Submitted(tip.id, tip.case_number, receipt, tip.priority)

    async def file_numbered_at_commit(
        self,
        session: AsyncSession,
        new: NewTip,
        facts: TipFacts,
        triage: TriageResult,
        *,
        ref: str,
        pseudonym: str,
        now: datetime,
    ) -> Submitted | Unnumbered:
        """As ``file``, but the tip is not numbered here: the caller runs ``Unnumbered.numbering`` as the last
        statements before its commit. The year's case counter is one row that every filing waits on from the
        statement that takes a number to the commit; so a crowd's filings wait on each other for one statement and
        a commit, not for the alert's and the receipt's inserts and the conversation's too. The alert is queued
        without the case number, which the outbox reads from the tip when it delivers it."""
        written = await self._write(session, new, facts, triage, ref=ref, pseudonym=pseudonym, now=now)
        if isinstance(written, Submitted):
            return written
        tip, receipt = written
        await enqueue_alert(session, tip, now, numbered=False)
        numbering = repo.numbering_at_commit(session.get_bind().dialect.name, tip.id, now.year)
        return Unnumbered(tip.id, receipt, tip.priority, tuple(numbering), repo.case_number_query(tip.id))

    async def _write(
        self,
        session: AsyncSession,
        new: NewTip,
        facts: TipFacts,
        triage: TriageResult,
        *,
        ref: str,
        pseudonym: str,
        now: datetime,
    ) -> Submitted | tuple[Tip, str]:
        """The filing but its number and alert: the tip filed before under ``ref``, or the new tip (written, not
        committed, with a number that is never committed) and its receipt code."""
        hashes = read_link_keys(self._pseudonymizer, facts)  # before the first await (see read_link_keys)
        day = now.date().isoformat()
        counter_key = self._counter_key(pseudonym, day) if pseudonym else None
        opening = await repo.open_filing(session, ref=ref, counter_key=counter_key, day=day, limit=self.max_per_day)
        if opening.filed is not None:
            return Submitted(opening.filed.id, opening.filed.case_number, None, opening.filed.priority)
        if not opening.allowed:
            raise DailyLimitReached  # nothing was written
        receipt = new_receipt_code()
        tip = tip_row(
            new,
            case_number=repo.unnumbered(ref),
            receipt_hash=receipt_hash(self._pseudonymizer, receipt),
            draft_ref=ref,
            triage=triage,
            cipher=self._cipher,
            now=now,
        )
        await file_tip(session, tip, hashes, triage, cipher=self._cipher, now=now)
        for item in new.evidence:
            session.add(Evidence(tip_id=tip.id, ref=item.ref, kind=item.kind, mime=item.mime, size=item.size))
        await session.flush()
        return tip, receipt
