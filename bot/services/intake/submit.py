"""Filing a finished draft as a tip: the draft read as plain data (the tip record, the facts triage scores), then
the ledger files it in the caller's transaction. The caller commits, and only then tells the reporter the case
number and receipt."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import places
from bot.services.intake.draft import Draft
from bot.services.privacy import Cipher, Pseudonymizer

# The encryption contexts live with the tip record; staff modules still import them from here (kept until every
# import points at bot.services.tips).
from bot.services.tips import ANSWERS_CONTEXT as ANSWERS_CONTEXT
from bot.services.tips import CONTACT_CONTEXT as CONTACT_CONTEXT
from bot.services.tips import REASONS_CONTEXT as REASONS_CONTEXT
from bot.services.tips import TIP, DailyLimitReached, Ledger, NewTip, Submitted, Unnumbered
from bot.services.triage.entities import normalise_phone
from bot.services.triage.scoring import UNSURE, TipFacts, score_tip

__all__ = [
    "DailyLimitReached",
    "IntakeService",
    "Submitted",
    "Unnumbered",
    "answers_payload",
    "normalize_contact_phone",
    "tip_facts",
    "transit_points",
]


def normalize_contact_phone(text: str) -> str | None:
    """A phone number the task force can call, in E.164; Indonesian and Malaysian forms accepted."""
    return normalise_phone(text)


def transit_points(draft: Draft) -> tuple[str, ...]:
    """Transit points chosen at the route step, then those named in the route and place answers, each once."""
    named = [code for text in (draft.route, draft.place_text) if text for code in places.read_transit(text)]
    return tuple(dict.fromkeys([*draft.transit, *named]))


def destination(draft: Draft) -> str | None:
    """The destination's code, or None ("I don't know", a place typed that no code names, not asked)."""
    code = draft.destination
    return code if code and places.is_destination_code(code) else None


def tip_facts(draft: Draft) -> TipFacts:
    """The structured view of a draft that triage scores."""
    # "I'm not sure" is a signal for triage, not a no.
    dangers: dict[str, bool | str] = {"yes": True, "no": False, "unknown": UNSURE}
    danger = dangers.get(draft.danger_now or "")
    minors = {"yes": True, "no": False}.get(draft.minors or "")
    people = {"1": 1, "2-5": 2, "6+": 6}.get(draft.people or "")
    extra = [
        t
        for t in (draft.category_text, draft.place_text, draft.when_text, draft.relation_text, *draft.notes.values())
        if t
    ]
    return TipFacts(
        narrative=draft.story_text,
        lang=draft.lang,
        category=draft.category,
        danger_now=danger,
        departure=draft.departure,
        people_count=people,
        minors=minors,
        regency=draft.regency,
        destination=destination(draft),
        transit_points=transit_points(draft),
        recruiter=draft.recruiter,
        route=draft.route,
        relation=draft.relation,
        extra_texts=tuple(extra),
        evidence_count=len(draft.evidence),
        has_location=draft.location is not None,
    )


def answers_payload(draft: Draft, transit: tuple[str, ...] | None = None) -> dict:
    """Everything the reporter gave, as stored (encrypted) with the tip. ``transit``: the draft's
    ``transit_points`` when the caller has them already (reading them matches every word against place names)."""
    return {
        "danger_now": draft.danger_now,
        "category": draft.category,
        "category_text": draft.category_text,
        "regency": draft.regency,
        "place_text": draft.place_text,
        "location": list(draft.location) if draft.location else None,
        "destination": draft.destination,
        "destination_text": draft.destination_text,
        "transit_points": list(transit_points(draft) if transit is None else transit),
        "departure": draft.departure,
        "when_text": draft.when_text,
        "people": draft.people,
        "minors": draft.minors,
        "recruiter": draft.recruiter,
        "route": draft.route,
        "relation": draft.relation,
        "relation_text": draft.relation_text,
        "story": draft.story_text,
        "notes": dict(draft.notes),
        "skipped": list(draft.skipped),
        "prefilled_from": draft.prefilled_from,
        "prefill_facts": dict(draft.prefill_facts),
    }


def _contact(draft: Draft, notify_chat_id: int | None) -> dict | None:
    if draft.contact == "phone" and draft.contact_phone:
        return {"kind": "phone", "phone": draft.contact_phone}
    if draft.contact == "chat" and notify_chat_id is not None:
        # Used only for a neutral "there is news" notice, and deleted when the tip closes.
        return {"kind": "chat", "chat_id": notify_chat_id}
    return None


class IntakeService:
    """Reports: the daily limit before a report starts, and filing a finished draft."""

    def __init__(self, *, cipher: Cipher, pseudonymizer: Pseudonymizer, max_per_day: int) -> None:
        self._ledger = Ledger(cipher=cipher, pseudonymizer=pseudonymizer, max_per_day=max_per_day)
        self.max_per_day = max_per_day

    async def limit_reached(self, session: AsyncSession, pseudonym: str, now: datetime | None = None) -> bool:
        return await self._ledger.limit_reached(session, pseudonym, now)

    async def submit(
        self,
        session: AsyncSession,
        draft: Draft,
        *,
        pseudonym: str,
        now: datetime | None = None,
        notify_chat_id: int | None = None,
    ) -> Submitted:
        """File the draft (written in the session's transaction, not committed). ``notify_chat_id`` is kept
        (encrypted) only when the reporter allowed messages here. A draft filed before gives its tip again with
        ``receipt=None``."""
        new, facts, ref = self._tip_of(draft, notify_chat_id)
        now = now or datetime.now(UTC)
        return await self._ledger.file(session, new, facts, score_tip(facts), ref=ref, pseudonym=pseudonym, now=now)

    async def submit_numbered_at_commit(
        self,
        session: AsyncSession,
        draft: Draft,
        *,
        pseudonym: str,
        now: datetime | None = None,
        notify_chat_id: int | None = None,
    ) -> Submitted | Unnumbered:
        """As ``submit``, but a new tip is numbered by the caller's commit (``Ledger.file_numbered_at_commit``)."""
        new, facts, ref = self._tip_of(draft, notify_chat_id)
        now = now or datetime.now(UTC)
        return await self._ledger.file_numbered_at_commit(
            session, new, facts, score_tip(facts), ref=ref, pseudonym=pseudonym, now=now
        )

    def _tip_of(self, draft: Draft, notify_chat_id: int | None) -> tuple[NewTip, TipFacts, str]:
        """The tip to file, what triage reads of it, and the draft's reference (filed once under it)."""
        facts = tip_facts(draft)
        new = NewTip(
            kind=TIP,
            lang=draft.lang,
            answers=answers_payload(draft, facts.transit_points),
            category=draft.category,
            regency=draft.regency,
            destination=facts.destination,
            transit_points=facts.transit_points,
            departure=draft.departure,
            minors=draft.minors,
            people=draft.people,
            urgent=draft.urgent,
            evidence=tuple(draft.evidence),
            contact=_contact(draft, notify_chat_id),
        )
        return new, facts, self._ledger.ref("draft", draft.id)
