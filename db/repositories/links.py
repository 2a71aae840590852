"""Tips related to each other: sharing a phone or name key (keyed hashes, ``tip_link_keys``) or linked by staff
(``tip_links``). Bounded whatever a recruiter's tip count: counts and the newest few come from the
(key_hash, tip_id) index."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, bindparam, func, insert, literal_column, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from db.base import table_of
from db.models.staff import TipLink, TipLinkKey
from db.models.tips import Tip
from db.repositories.cases import OPEN


async def link_hashes(session: AsyncSession, tip_id: int) -> list[str]:
    rows = await session.scalars(select(TipLinkKey.key_hash).where(TipLinkKey.tip_id == tip_id))
    return list(rows.all())


_link_keys = table_of(TipLinkKey)
_ADD_KEYS = insert(_link_keys)
_COUNTS_SHARING = (
    select(_link_keys.c.key_hash, func.count())
    .where(_link_keys.c.key_hash.in_(bindparam("keys", expanding=True)))
    .group_by(_link_keys.c.key_hash)
)


async def add_link_keys(session: AsyncSession, tip_id: int, keys: Sequence[tuple[str, str]]) -> None:
    """Store a tip's link keys, (kind, key hash) each, in one statement (as ORM objects each was an insert of its
    own, returning an id nothing reads)."""
    if keys:
        await session.execute(_ADD_KEYS, [{"tip_id": tip_id, "kind": kind, "key_hash": key} for kind, key in keys])


# Advisory locks taken with two int4 keys (a key space apart from the one-bigint locks of db/migrate.py and
# bot/telegram/updates/locks.py); this first key says "a link key being filed".
_FILING_LOCK_CLASS = 15_001
_LOCK_KEYS = text(
    "SELECT pg_advisory_xact_lock(:lock_class, hashtext(k)) FROM unnest(CAST(:keys AS text[])) AS k"
).bindparams(bindparam("lock_class"), bindparam("keys"))


async def lock_keys(session: AsyncSession, key_hashes: Sequence[str]) -> None:
    """Serialize, until the transaction ends, the filing of tips that share a key: two tips naming one recruiter
    filed at the same moment, each counting again once it has its turn, are counted one after the other (the second
    sees the first), never both as if alone. PostgreSQL only: SQLite already lets one writer at a time.
    The keys are locked in sorted order (unnest keeps the array's order), so two filers never deadlock."""
    if key_hashes and session.get_bind().dialect.name == "postgresql":
        await session.execute(_LOCK_KEYS, {"lock_class": _FILING_LOCK_CLASS, "keys": sorted(set(key_hashes))})


async def counts_sharing(session: AsyncSession, key_hashes: Sequence[str]) -> dict[str, int]:
    """How many tips share each key, in one statement (the (key_hash, tip_id) index alone answers)."""
    if not key_hashes:
        return {}
    rows = await session.execute(_COUNTS_SHARING, {"keys": sorted(set(key_hashes))})
    return {key: count for key, count in rows.all()}


async def tips_sharing_count(session: AsyncSession, tip_id: int) -> int:
    """The most tips that share one of this tip's keys, the tip included: "N tips name the same recruiter" as it
    stands now (0 for a tip without keys). Bounded by the index, whatever the recruiter's tip count."""
    mine, theirs = aliased(TipLinkKey), aliased(TipLinkKey)
    per_key = (
        select(func.count().label("n"))
        .select_from(mine)
        .join(theirs, theirs.key_hash == mine.key_hash)
        .where(mine.tip_id == tip_id)
        .group_by(mine.key_hash)
        .subquery()
    )
    return await session.scalar(select(func.max(per_key.c.n))) or 0


async def open_tips_sharing(
    session: AsyncSession, key_hashes: Sequence[str], *, exclude: int, priorities: Sequence[str] | None = None
) -> list[tuple[Tip, str]]:
    """Open, not purged tips sharing one of these keys (the ones a linked-recruiter raise can change), but
    ``exclude``, each with the key it shares (a tip sharing two keys comes twice); only those at ``priorities``
    when given.

    With ``priorities`` the keys may be a busy recruiter's, in thousands of mostly closed tips: the open tips at
    those priorities come from their partial index and are matched against the key's (key_hash, tip_id) entries,
    both read from the indexes alone, so no tip row is read but the few that match
    (tests/unit/test_staff_query_plans.py)."""
    if not key_hashes:
        return []
    query = (
        select(Tip, TipLinkKey.key_hash)
        .join(TipLinkKey, TipLinkKey.tip_id == Tip.id)
        .where(TipLinkKey.key_hash.in_(sorted(set(key_hashes))), Tip.purged_at.is_(None), Tip.id != exclude)
        .order_by(Tip.id)
    )
    if priorities is None:
        query = query.where(OPEN)
    else:
        # MATERIALIZED: planned apart, so no plan (not even PostgreSQL's generic plan for a prepared statement,
        # which guesses a key has a few dozen tips) looks up each of the key's tips in ``tips`` instead.
        candidate = aliased(Tip)
        open_at = (
            select(candidate.id)
            .where(candidate.status != literal_column("'closed'"), candidate.priority.in_(list(priorities)))
            .cte("open_at")
            .prefix_with("MATERIALIZED")
        )
        query = query.where(TipLinkKey.tip_id.in_(select(open_at.c.id)))
    rows = await session.execute(query)
    return [(tip, key) for tip, key in rows.all()]


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
