"""Whether a question is about working abroad, migration or trafficking at all (word lists: domainwords.py).

The search always finds the closest article; this says whether "closest" can be "the answer". Outside the domain the
bot lists the closest topics and offers to pass the question on, instead of answering someone who asks about a
motorbike loan with the article on bank loans for migrant workers.
"""

from __future__ import annotations

from itertools import pairwise

from bot.services.advice.domainwords import DOMAIN_KINDS, DOMAIN_STRONG, LEISURE, OFF_DOMAIN_PAIRS
from bot.services.advice.text import AnalysedText

# Topics whose own words are everyday words (a bank loan, a tourist visa): the question must also speak of work,
# a destination or leaving before one of them is the answer.
# A loan also needs no more than a destination ("pinjam uang buat ke malaysia"); a visa question with a country and
# no work or leaving in it is a traveller's ("visa fee for tourists visiting japan").
CONTEXT_TOPICS = {"costs.loans": frozenset(["work", "place", "move"]), "visa.tourist": frozenset(["work", "move"])}
WEAK_ALONE = frozenset(["money", "place", "move"])


# Topics that answer one thing only: the tourist-visa article answers questions about a tourist, visit or
# pilgrimage visa, not every question with "visa" and "kerja" in it ("bisa kerja di jepang jadi perawat & dapat
# visa?" has no article; the person gets the closest topics).
REQUIRED_WORDS = {"visa.tourist": frozenset(["turis", "umroh", "lawatan", "kunjungan", "vizita", "visit"])}


def analysed_words(analysed: AnalysedText) -> set[str]:
    return set(analysed.concepts) | set(analysed.words) | {t.text for t in analysed.terms}


def domain_kinds(analysed: AnalysedText) -> set[str]:
    """The kinds of domain word in the question ("work", "place", ...); "strong" for a word that is the domain by
    itself, "leisure" for a holiday."""
    seen = analysed_words(analysed)
    for first, second in pairwise(analysed.words):
        if (first, second) in OFF_DOMAIN_PAIRS:
            seen -= {first, second, "bpjs", "sehat"}
    kinds = {kind for kind, words in DOMAIN_KINDS.items() if seen & words}
    if seen & DOMAIN_STRONG:
        kinds.add("strong")
    if seen & LEISURE:
        kinds.add("leisure")
    return kinds


def in_domain(analysed: AnalysedText, top_topic: str | None, *, exact_match: bool, phrase_match: bool) -> bool:
    """Can the closest topic ``top_topic`` be the answer to this question, as far as its subject goes?

    ``exact_match``: a word of the question as written (not a repaired misspelling) is in the articles;
    ``phrase_match``: one of the articles' keyword phrases is in the question.
    """
    kinds = domain_kinds(analysed)
    if "leisure" in kinds and "work" not in kinds and "strong" not in kinds:
        return False  # a holiday, a pilgrimage, a friend's tourist visa
    if "strong" in kinds:
        return True
    if top_topic in REQUIRED_WORDS and not analysed_words(analysed) & REQUIRED_WORDS[top_topic]:
        return False
    if top_topic in CONTEXT_TOPICS:
        return bool(kinds & CONTEXT_TOPICS[top_topic])
    if not exact_match:
        return False  # only repaired words matched ("baratu" read as "barat"): not the articles' subject
    # Money or a country alone is everyday talk (prices, exchange rates, football scores); any other kind of domain
    # word, two kinds, or one of the articles' phrases is enough.
    kinds.discard("leisure")
    if not kinds:
        return phrase_match  # "sistem satu kanal itu apa": the articles' own phrase, in no word list
    return bool(kinds - WEAK_ALONE) or len(kinds) >= 2
