"""Tips related to each other: sharing a phone or name key (keyed hashes, ``tip_link_keys``) or linked by staff
(``tip_links``). Bounded whatever a recruiter's tip count: counts and the newest few come from the
(key_hash, tip_id) index."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.models.staff import TipLink, TipLinkKey
from db.models.tips import Tip
from db.repositories.cases import OPEN


async def link_hashes(session: AsyncSession, tip_id: int) -> list[str]:
    rows = await session.scalars(select(TipLinkKey.key_hash).where(TipLinkKey.tip_id == tip_id))
    return list(rows.all())


async def count_sharing(session: AsyncSession, key_hash: str) -> int:
    """How many tips share this key (the index alone answers)."""
    return await session.scalar(select(func.count()).where(TipLinkKey.key_hash == key_hash)) or 0


async def open_tips_sharing(session: AsyncSession, key_hash: str, *, exclude: int) -> list[Tip]:
    """Open, not purged tips sharing this key (the ones a linked-recruiter raise can change), but ``exclude``."""
    rows = await session.scalars(
        select(Tip)
        .join(TipLinkKey, TipLinkKey.tip_id == Tip.id)
        .where(TipLinkKey.key_hash == key_hash, OPEN, Tip.purged_at.is_(None), Tip.id != exclude)
        .order_by(Tip.id)
    )
    return list(rows.unique().all())


async def _manual_links(session: AsyncSession, tip_id: int) -> tuple[set[int], set[int]]:
    manual = await session.scalars(select(TipLink).where(or_(TipLink.tip_a == tip_id, TipLink.tip_b == tip_id)))
    linked: set[int] = set()
    unlinked: set[int] = set()
    for link in manual.all():
        other = link.tip_b if link.tip_a == tip_id else link.tip_a
        (linked if link.linked else unlinked).add(other)
    return linked, unlinked


def _sharing(tip_id: int):
    mine, theirs = aliased(TipLinkKey), aliased(TipLinkKey)
    return mine, theirs, and_(theirs.key_hash == mine.key_hash, mine.tip_id == tip_id, theirs.tip_id != tip_id)


async def related(session: AsyncSession, tip_id: int, limit: int = 20) -> tuple[dict[int, set[str]], int]:
    """Tips related to this one and how (sharing a phone or name key, or linked by staff; minus those staff
    unlinked): the ``limit`` newest, and how many there are in all. Bounded whatever the recruiter's tip count."""
    linked, unlinked = await _manual_links(session, tip_id)
    mine, theirs, on = _sharing(tip_id)
    sharing = select(func.count(func.distinct(theirs.tip_id))).select_from(mine).join(theirs, on)
    auto_total = await session.scalar(sharing) or 0
    newest = (
        await session.scalars(
            select(theirs.tip_id)
            .select_from(mine)
            .join(theirs, on)
            .distinct()
            .order_by(theirs.tip_id.desc())
            .limit(limit + len(unlinked))
        )
    ).all()
    hidden = len(await _present(session, tip_id, unlinked)) if unlinked else 0
    linked_sharing = await _present(session, tip_id, linked) if linked else set()
    total = auto_total - hidden + len(linked - linked_sharing)
    chosen = sorted({*(t for t in newest if t not in unlinked), *linked}, reverse=True)[:limit]
    found: dict[int, set[str]] = {t: set() for t in chosen}
    if chosen:
        rows = await session.execute(
            select(theirs.tip_id, theirs.kind).select_from(mine).join(theirs, on).where(theirs.tip_id.in_(chosen))
        )
        for other, kind in rows.all():
            found[other].add(kind)
    for other in linked & set(chosen):
        found[other].add("manual")
    return found, total


async def _present(session: AsyncSession, tip_id: int, others: set[int]) -> set[int]:
    """Which of ``others`` share a link key with the tip."""
    mine, theirs, on = _sharing(tip_id)
    rows = await session.scalars(
        select(theirs.tip_id).select_from(mine).join(theirs, on).where(theirs.tip_id.in_(others)).distinct()
    )
    return set(rows.all())


async def manual_link(session: AsyncSession, tip_id: int, other_id: int) -> TipLink | None:
    a, b = sorted((tip_id, other_id))
    return await session.scalar(select(TipLink).where(TipLink.tip_a == a, TipLink.tip_b == b))


async def is_related(session: AsyncSession, tip_id: int, other_id: int) -> bool:
    row = await manual_link(session, tip_id, other_id)
    if row is not None:
        return row.linked
    return bool(await _present(session, tip_id, {other_id}))


async def related_rows(session: AsyncSession, ids: Sequence[int]) -> list[tuple[int, str, str, str, datetime]]:
    if not ids:
        return []
    rows = await session.execute(
        select(Tip.id, Tip.case_number, Tip.priority, Tip.status, Tip.created_at).where(Tip.id.in_(list(ids)))
    )
    return [(tip, case, priority, status, created) for tip, case, priority, status, created in rows.all()]
