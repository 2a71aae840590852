"""What every staff query and command shares: the role check, the audit line, the refusal, the tip's history.

Services do not commit: they add and flush in the caller's session, and the caller's unit of work commits (in the
bot: before it says anything). Every check comes before the first change, so a refused action has changed nothing;
the refusal itself is written to the audit log in the caller's session, and committed with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.staff.model import MAX_TEXT, Refused, StaffMember
from bot.services.triage.status import Action, can
from db.models.staff import TipEvent
from db.models.tips import Tip
from db.repositories import audit as audit_repo
from db.repositories import cases as repo

TEXT_CONTEXT = "tip_events.text"


def clean_text(text: str | None) -> str:
    """Staff free text as kept: trimmed, at most MAX_TEXT characters; empty is refused."""
    value = (text or "").strip()
    if not value:
        raise Refused("reason_required", "the text is empty")
    if len(value) > MAX_TEXT:
        raise Refused("bad_input", "the text is too long", limit=MAX_TEXT)
    return value


class StaffAccess:
    """Role checks, audit lines and case history entries, for ``CaseQueries`` and ``CaseCommands``."""

    def __init__(
        self, *, cipher: Cipher, clock: Callable[[], datetime], pseudonymizer: Pseudonymizer | None = None
    ) -> None:
        self._cipher = cipher
        self._clock = clock
        # Searching by phone or recruiter needs the keyed hash the tips' link keys were made with.
        self._pseudonymizer = pseudonymizer

    def _audit(
        self,
        session: AsyncSession,
        actor: StaffMember,
        action: str,
        tip: Tip | None = None,
        *,
        result: str = "ok",
        detail: dict[str, Any] | None = None,
    ) -> None:
        audit_repo.append(
            session,
            action=action,
            now=self._clock(),
            staff_id=actor.telegram_id,
            tip_id=tip.id if tip else None,
            case_number=tip.case_number if tip else None,
            result=result,
            detail=detail,
        )

    async def refuse(
        self, session: AsyncSession, actor: StaffMember, action: str, tip: Tip | None, refused: Refused
    ) -> Refused:
        """Record the refusal (in the caller's session: its unit of work commits it) and hand it back to be
        raised."""
        tip_id, case_number = (tip.id, tip.case_number) if tip is not None else (None, None)
        detail = {"code": refused.code}
        if refused.code == "transition":
            detail.update({k: str(v) for k, v in refused.params.items() if k in ("error", "current", "target")})
        audit_repo.append(
            session,
            action=action,
            now=self._clock(),
            staff_id=actor.telegram_id,
            tip_id=tip_id,
            case_number=case_number,
            result="refused",
            detail=detail,
        )
        await session.flush()
        return refused

    async def _guarded(self, session: AsyncSession, actor: StaffMember, action: Action, tip: Tip | None) -> None:
        if not actor.active:
            raise await self.refuse(session, actor, action.value, tip, Refused("not_staff"))
        if not can(actor.role, action):
            raise await self.refuse(session, actor, action.value, tip, Refused("role", role=actor.role.value))

    async def _tip(self, session: AsyncSession, tip_id: int) -> Tip:
        tip = await repo.tip_by_id(session, tip_id)
        if tip is None:
            raise Refused("not_found")
        return tip

    async def find(self, session: AsyncSession, case_number: str) -> Tip | None:
        return await repo.tip_by_case(session, case_number)

    def _event(
        self,
        session: AsyncSession,
        tip: Tip,
        actor: StaffMember | None,
        kind: str,
        data: dict[str, Any] | None = None,
        text: str | None = None,
    ) -> None:
        session.add(
            TipEvent(
                tip_id=tip.id,
                staff_id=actor.telegram_id if actor else None,
                kind=kind,
                data=data or None,
                text=self._cipher.encrypt_text(text, context=TEXT_CONTEXT) if text else None,
                created_at=self._clock(),
            )
        )

    def _responded(self, tip: Tip) -> None:
        """A staff action on the tip: the first one stops the first-response clock."""
        if tip.first_response_at is None:
            tip.first_response_at = self._clock()
