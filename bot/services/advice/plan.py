"""The answer policy for a question in free text, as plain data the Telegram adapter renders.

Decides: which language to answer in, which part of a long message is searched (and that warning signs anywhere in
it count), whether an article answers it, the bot says it is not sure, or the question is not about working abroad
at all (domain.py), which warning signs to show (merged over
the message's parts, the more precise ones replacing the general), whether to offer a report, and whether the
caveat that rules change is due (once per conversation, not under every answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from bot.services.advice.index import AdviceIndex
from bot.services.advice.money import MoneyCheck
from bot.services.advice.questions import (
    MAX_ANSWERED,
    answer_language,
    has_words,
    question_head,
    question_parts,
    wants_to_report,
)
from bot.services.advice.redflags import FLAG_TOPICS, RedFlag

# Kinds of answer.
ARTICLE = "article"  # a short answer from one article, with More and Sources
UNSURE = "unsure"  # the closest topics, and the offer to ask the task force
OUTSIDE = "outside"  # not about working abroad at all: what the bot answers, the closest topics, the task force
NOTHING = "nothing"  # nothing matches: ask in other words or ask the task force
CAPABILITIES = "capabilities"  # "halo", "ok": what the bot can do
NO_WORDS = "no_words"  # only emoji or punctuation

# A message this short that matches nothing ("halo", "ok", "makasih") gets what the bot can do, not "not sure".
SHORT_MESSAGE_WORDS = 2
# A second topic is offered under an answer only when it comes this close to the first.
OTHER_TOPIC_SHARE = 0.6
UNSURE_TOPICS = 3


@dataclass(frozen=True, slots=True)
class AnswerPlan:
    kind: str
    lang: str
    topic: str | None = None  # the article that answers (ARTICLE)
    others: tuple[str, ...] = ()  # close topics to offer: one under an article, up to three when unsure
    topics: tuple[str, ...] = ()  # every close topic found (kept with a question passed to staff)
    flags: tuple[str, ...] = ()  # warning codes, most serious first
    money: MoneyCheck | None = None  # an amount in the question and the verdict on it
    loan: str | None = None  # "bank", "bondage" or "choice" when the question is about borrowing
    offer_report: bool = False
    shortened: bool = False  # only the first MAX_ANSWERED characters were searched (say so)
    show_caveat: bool = False


class _Common(TypedDict):
    """The fields of ``AnswerPlan`` every kind of answer that searched shares."""

    lang: str
    topics: tuple[str, ...]
    flags: tuple[str, ...]
    money: MoneyCheck | None
    loan: str | None
    offer_report: bool
    shortened: bool


def merge_flags(first: Sequence[RedFlag], more: Sequence[RedFlag]) -> list[RedFlag]:
    """Flags of several parts of one message, each code once, in the order of FLAG_TOPICS (most serious first)."""
    merged = {flag.code: flag for flag in first}
    for flag in more:
        merged.setdefault(flag.code, flag)
    order = list(FLAG_TOPICS)
    return sorted(merged.values(), key=lambda f: order.index(f.code) if f.code in order else len(order))


def plan_answer(
    index: AdviceIndex, text: str, locale: str, *, caveat_shown: bool = False, limit: int = MAX_ANSWERED
) -> AnswerPlan:
    """What to answer to ``text`` from someone whose interface language is ``locale``.

    ``caveat_shown``: the conversation already had the caveat that rules change (it is shown once).
    """
    languages = index.kb.languages
    text = (text or "").strip()
    lang = locale if locale in languages else languages[0]
    if not has_words(text):
        return AnswerPlan(NO_WORDS, lang)
    head, shortened = question_head(text, limit)
    lang = answer_language(head, locale, languages)
    answer = index.ask(head, lang=lang, limit=UNSURE_TOPICS)
    flags = list(answer.red_flags)
    if shortened:  # warning signs anywhere in the message count, not only in the part searched
        for part in question_parts(text, limit)[1:]:
            flags = merge_flags(flags, index.ask(part, lang=lang, limit=1).red_flags)
    codes = tuple(flag.code for flag in flags)
    # Someone who says they want to report gets the way to do it, whatever the search finds.
    report = bool(codes) or wants_to_report(text)
    topics = tuple(result.topic for result in answer.results)
    common: _Common = {
        "lang": lang,
        "topics": topics,
        "flags": codes,
        "money": answer.money,
        "loan": answer.loan,
        "offer_report": report,
        "shortened": shortened,
    }
    if not answer.results and not report and len(head.split()) <= SHORT_MESSAGE_WORDS:
        return AnswerPlan(CAPABILITIES, lang, topics=topics)
    article = index.kb.article(topics[0], lang) if answer.confident and topics else None
    # The weather in Kota Kinabalu, a cashier's job in Kupang: the bot says what it answers instead of "not sure"
    # (the closest topics stay, in case the question was about working abroad after all). A warning sign or a
    # wish to report keeps the ordinary answer, which leads with them.
    if article is None and answer.outside and not report:
        return AnswerPlan(OUTSIDE, others=topics[:UNSURE_TOPICS], **common)
    if article is None:
        return AnswerPlan(UNSURE if topics else NOTHING, others=topics[:UNSURE_TOPICS], **common)
    best = answer.results[0].score
    others = tuple(r.topic for r in answer.results[1:2] if r.score >= OTHER_TOPIC_SHARE * best)
    return AnswerPlan(ARTICLE, topic=article.topic, others=others, show_caveat=not caveat_shown, **common)
