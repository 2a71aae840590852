"""People's questions: how much of a long one is answered, which language to answer in, what its warning signs mean
for a report, and passing a question the knowledge base cannot answer to the task force.

A question passed on becomes a tip of kind "question" in the staff queue: the same encryption, case numbers,
receipt codes and daily limit as a report (the tip record and ledger of ``bot.services.tips``), status "new",
priority P4 unless its words say more (a warning sign makes it at least P3; triage may raise it further).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.advice.langid import detect_language
from bot.services.advice.lexicon import LANGUAGE_MARKERS
from bot.services.advice.text import tokenize
from bot.services.privacy import Cipher, Pseudonymizer
from bot.services.tips import QUESTION, DailyLimitReached, Ledger, NewTip, Submitted
from bot.services.triage.scoring import Priority, Reason, TipFacts, TriageResult, score_tip

__all__ = [
    "MAX_ANSWERED",
    "MAX_QUESTION",
    "DailyLimitReached",
    "QuestionService",
    "answer_language",
    "category_for_flags",
    "has_words",
    "question_head",
    "question_parts",
    "report_prefill",
]

# The search reads the first part of a long message; the whole message still goes to staff if passed on.
MAX_ANSWERED = 1000
# One Telegram message; a longer question cannot arrive in one piece anyway.
MAX_QUESTION = 4096

# Warning sign -> report category. When a question shows several, the most serious category wins (ORDER).
FLAG_CATEGORIES = {
    "child": "child",
    "confinement": "forced_labour",
    "violence": "forced_labour",
    "documents_held": "documents_held",
    "tourist_visa": "undocumented_departure",
    "unofficial_route": "undocumented_departure",
    "no_agreement_destination": "recruitment_fraud",
    "debt_bondage": "forced_labour",  # a debt repaid from wages binds the worker (UU 21/2007: penjeratan utang)
    "fee_excessive": "recruitment_fraud",
    "fee": "recruitment_fraud",
}
CATEGORY_ORDER = ("child", "forced_labour", "documents_held", "undocumented_departure", "recruitment_fraud")
QUESTION_SOURCE = "advice"
LANGUAGE_MARGIN = 2


def has_words(text: str | None) -> bool:
    """False for messages of only emoji, punctuation or spaces: nothing a search can read."""
    return any(ch.isalnum() for ch in text or "")


def question_head(text: str, limit: int = MAX_ANSWERED) -> tuple[str, bool]:
    """The part of ``text`` the search reads: all of it, or the first ``limit`` characters cut at a sentence or
    word boundary. The flag says whether it was shortened (the caller must tell the user)."""
    text = text.strip()
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    sentence = max(head.rfind(mark) for mark in (". ", "? ", "! ", "\n"))
    if sentence >= limit // 2:
        return head[: sentence + 1].strip(), True
    space = head.rfind(" ")
    return (head[:space] if space >= limit // 2 else head).strip(), True


def question_parts(text: str, limit: int = MAX_ANSWERED) -> list[str]:
    """``text`` in consecutive parts of at most ``limit`` characters (the search reads a bounded number of words,
    so a long message is scanned for warning signs part by part)."""
    parts: list[str] = []
    rest = text.strip()
    while rest:
        head, _shortened = question_head(rest, limit)
        parts.append(head)
        rest = rest[len(head) :].strip() if rest.startswith(head) else rest[limit:].strip()
    return parts


def answer_language(question: str, locale: str, languages: Sequence[str]) -> str:
    """Answer in the language the question is clearly written in, else in the user's language.

    "Clearly": at least two more words typical of that language than of the user's. So a Kupang Malay speaker whose
    phone is set to English ("beta pung paspor ditahan") gets Indonesian, while "PLKS?" or one shared word such as
    "berapakah" (Malay, but Indonesians write it too) keeps the user's language.
    """
    tokens = tokenize(question or "")
    counts = {lang: sum(1 for t in tokens if t in markers) for lang, markers in LANGUAGE_MARKERS.items()}
    detected = detect_language(tokens)
    chosen = detected if counts.get(detected, 0) - counts.get(locale, 0) >= LANGUAGE_MARGIN else locale
    return chosen if chosen in languages else (locale if locale in languages else languages[0])


def category_for_flags(codes: Iterable[str]) -> str | None:
    found = {FLAG_CATEGORIES[c] for c in codes if c in FLAG_CATEGORIES}
    return next((c for c in CATEGORY_ORDER if c in found), None)


# Words people use when they want to report something, in the four languages (and common misspellings).
_REPORT_WORDS = frozenset(
    [
        "lapor",
        "melapor",
        "laporkan",
        "melaporkan",
        "lapur",
        "lapo",
        "pelaporan",
        "adukan",
        "mengadu",
        "pengaduan",
        "aduan",
        "report",
        "reporting",
        "denounce",
        "complain",
        "keixa",
        "denunsia",
        "relata",
    ]
)
_REPORT_TOKEN = re.compile(r"[a-z']+")


def wants_to_report(text: str) -> bool:
    """True when the message says the person wants to report ("beta mo lapor", "saya nak buat aduan")."""
    return any(token in _REPORT_WORDS for token in _REPORT_TOKEN.findall(text.lower()))


def report_prefill(question: str, codes: Iterable[str]) -> dict[str, str]:
    """What a report started from a question already knows (see ``Draft.apply_prefill``)."""
    prefill = {"story": question.strip(), "source": QUESTION_SOURCE}
    category = category_for_flags(codes)
    if category:
        prefill["category"] = category
    return prefill


class QuestionService:
    """Files questions for staff through the ledger reports use: same counters, so one daily limit covers both."""

    def __init__(self, *, cipher: Cipher, pseudonymizer: Pseudonymizer, max_per_day: int) -> None:
        self._cipher = cipher
        self._pseudonymizer = pseudonymizer
        self._ledger = Ledger(cipher=cipher, pseudonymizer=pseudonymizer, max_per_day=max_per_day)
        self.max_per_day = max_per_day

    async def limit_reached(self, session: AsyncSession, pseudonym: str, now: datetime | None = None) -> bool:
        return await self._ledger.limit_reached(session, pseudonym, now)

    async def ask_staff(
        self,
        session: AsyncSession,
        *,
        question: str,
        lang: str,
        ref: str,
        pseudonym: str,
        red_flags: Sequence[str] = (),
        topics: Sequence[str] = (),
        now: datetime | None = None,
    ) -> Submitted:
        """Store ``question`` encrypted as a tip of kind "question" and return its case number and receipt.

        ``ref`` identifies this question (a random token the adapter keeps): sending it twice, by a double tap or
        a duplicated update, files it once, and the second call gets ``receipt=None``.
        Raises ``DailyLimitReached`` when the pseudonym has used up the day's reports and questions.
        """
        question = question.strip()[:MAX_QUESTION]
        flags = [code for code in red_flags if code in FLAG_CATEGORIES]
        category = category_for_flags(flags)
        facts = TipFacts(narrative=question, lang=lang, category=category)
        scored = score_tip(facts)
        triage = TriageResult(
            priority=min(scored.priority, Priority.P3 if flags else Priority.P4),
            reasons=(*(Reason(f"advice_{code}", code) for code in flags), *scored.reasons),
        )
        # No contact: the answer is read with the receipt code ("Check my report").
        new = NewTip(kind=QUESTION, lang=lang, answers=_answers(question, lang, flags, topics), category=category)
        return await self._ledger.file(
            session,
            new,
            facts,
            triage,
            ref=self._ledger.ref("question", ref),
            pseudonym=pseudonym,
            now=now or datetime.now(UTC),
        )


def _answers(question: str, lang: str, flags: Sequence[str], topics: Sequence[str]) -> dict:
    """The encrypted payload: the question as the story (what staff read first), plus what the bot found."""
    return {
        "kind": "question",
        "story": question,
        "lang": lang,
        "red_flags": list(flags),
        "closest_topics": list(topics),
        "prefilled_from": QUESTION_SOURCE,
    }
