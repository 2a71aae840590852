"""Was this article helpful? Anonymous counts per article and language.

A vote adds one to a counter and nothing else is written: no user, no pseudonym, no time, no question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from db.models.advice import ArticleFeedback


@dataclass(frozen=True, slots=True)
class FeedbackCount:
    topic: str
    lang: str
    helpful: int
    not_helpful: int


async def record_vote(session: AsyncSession, topic: str, lang: str, *, helpful: bool) -> None:
    """Add one vote and commit. Safe when two votes for the same article arrive at once."""
    column = ArticleFeedback.helpful if helpful else ArticleFeedback.not_helpful
    for _attempt in range(3):
        result = cast(
            "CursorResult[Any]",  # an UPDATE gives a CursorResult (typed as any Result)
            await session.execute(
                update(ArticleFeedback)
                .where(ArticleFeedback.topic == topic, ArticleFeedback.lang == lang)
                .values({column.key: column + 1})
            ),
        )
        if result.rowcount:
            await session.commit()
            return
        session.add(ArticleFeedback(topic=topic, lang=lang, helpful=int(helpful), not_helpful=int(not helpful)))
        try:
            await session.commit()
            return
        except IntegrityError:  # another vote created the row first: count on it
            await session.rollback()
    raise RuntimeError("could not record the vote")


async def feedback_counts(session: AsyncSession) -> list[FeedbackCount]:
    rows = await session.scalars(select(ArticleFeedback).order_by(ArticleFeedback.topic, ArticleFeedback.lang))
    return [FeedbackCount(r.topic, r.lang, r.helpful, r.not_helpful) for r in rows]
