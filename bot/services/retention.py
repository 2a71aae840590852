"""Retention (docs/design.md, privacy rules): nothing personal is kept longer than it is needed.

- Abandoned drafts (conversation state untouched for DRAFT_RETENTION_DAYS) are deleted, with their evidence files.
- Closed tips keep their plain triage fields for statistics, but their sensitive fields (answers, reasons, contact),
  evidence, follow-up messages, note texts and link keys are purged CLOSED_TIP_RETENTION_DAYS after closing.
- Records of handled update ids are only needed for a couple of days (Telegram redelivers within hours).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.evidence import EvidenceStore
from bot.services.privacy import Cipher
from bot.services.tips import ANSWERS_CONTEXT
from db.models.conversation import ConversationState
from db.models.followup import TipMessage
from db.models.outbox import OutboxMessage
from db.models.staff import TipEvent, TipLinkKey
from db.models.tips import Evidence, Tip
from db.models.updates import TelegramUpdate

PROCESSED_UPDATES_DAYS = 2


@dataclass(frozen=True)
class RetentionReport:
    drafts: int
    draft_files: int
    closed_tips: int
    tip_files: int
    update_records: int

    def lines(self) -> list[str]:
        return [
            f"abandoned drafts: {self.drafts}",
            f"evidence files of abandoned drafts: {self.draft_files}",
            f"closed tips purged of sensitive fields: {self.closed_tips}",
            f"evidence files of purged tips: {self.tip_files}",
            f"handled-update records: {self.update_records}",
        ]


class RetentionService:
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        evidence: EvidenceStore,
        cipher: Cipher,
        *,
        draft_days: int,
        closed_tip_days: int,
    ) -> None:
        self._sessions = session_factory
        self._evidence = evidence
        self._cipher = cipher
        self._draft_age = timedelta(days=draft_days)
        self._closed_age = timedelta(days=closed_tip_days)

    async def run(self, now: datetime, *, dry_run: bool = False) -> RetentionReport:
        draft_cutoff = now - self._draft_age
        closed_cutoff = now - self._closed_age
        updates_cutoff = now - timedelta(days=PROCESSED_UPDATES_DAYS)
        async with self._sessions() as session:
            drafts = await _count(session, ConversationState.updated_at < draft_cutoff)
            update_records = await _count(session, TelegramUpdate.handled_at < updates_cutoff)
            to_purge = list(
                (
                    await session.scalars(
                        select(Tip).where(
                            Tip.closed_at.is_not(None), Tip.closed_at < closed_cutoff, Tip.purged_at.is_(None)
                        )
                    )
                ).all()
            )
            purge_ids = [tip.id for tip in to_purge]
            purge_refs = (
                list((await session.scalars(select(Evidence.ref).where(Evidence.tip_id.in_(purge_ids)))).all())
                if purge_ids
                else []
            )
            kept_refs = set((await session.scalars(select(Evidence.ref))).all()) - set(purge_refs)
            if dry_run:
                orphans = self._evidence.count_unreferenced(kept_refs, self._draft_age.total_seconds(), now)
                return RetentionReport(drafts, orphans, len(to_purge), len(purge_refs), update_records)
            await session.execute(delete(ConversationState).where(ConversationState.updated_at < draft_cutoff))
            await session.execute(delete(TelegramUpdate).where(TelegramUpdate.handled_at < updates_cutoff))
            if purge_ids:
                await session.execute(delete(Evidence).where(Evidence.tip_id.in_(purge_ids)))
                # Everything else that carries the reporter's words or pointers to them goes too: the follow-up
                # conversation, staff notes' text, the phone and name link keys, queued or sent notices.
                await session.execute(delete(TipMessage).where(TipMessage.tip_id.in_(purge_ids)))
                await session.execute(update(TipEvent).where(TipEvent.tip_id.in_(purge_ids)).values(text=None))
                await session.execute(delete(TipLinkKey).where(TipLinkKey.tip_id.in_(purge_ids)))
                await session.execute(delete(OutboxMessage).where(OutboxMessage.tip_id.in_(purge_ids)))
                await session.execute(
                    update(Tip)
                    .where(Tip.id.in_(purge_ids))
                    .values(
                        answers=self._cipher.encrypt_json({"purged": True}, context=ANSWERS_CONTEXT),
                        reasons=None,
                        contact=None,
                        purged_at=now,
                    )
                )
            await session.commit()
        # Files go after the rows: a crash in between leaves an orphan file that the next run removes.
        for ref in purge_refs:
            self._evidence.delete(ref)
        orphans = self._evidence.purge_unreferenced(kept_refs, self._draft_age.total_seconds(), now)
        return RetentionReport(drafts, orphans, len(to_purge), len(purge_refs), update_records)


async def _count(session: AsyncSession, condition) -> int:
    table = condition.left.table
    return int(await session.scalar(select(func.count()).select_from(table).where(condition)) or 0)
