"""Anonymous feedback on knowledge-base articles: how many readers found each article helpful, per language.

Only counts: no user id, no pseudonym, no time of a vote, nothing that links a vote to a person or a question.
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ArticleFeedback(Base):
    __tablename__ = "advice_feedback"

    topic: Mapped[str] = mapped_column(String(64), primary_key=True)
    lang: Mapped[str] = mapped_column(String(8), primary_key=True)
    helpful: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    not_helpful: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
