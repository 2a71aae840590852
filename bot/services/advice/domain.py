"""Whether a question is about working abroad, migration or trafficking at all (word lists: domainwords.py).

The search always finds the closest article; this says whether "closest" can be "the answer". Outside the domain the
bot says what it can answer and offers the closest topics and the task force, instead of answering someone who asks
about a motorbike loan with the article on bank loans for migrant workers.

The domain's everyday words ("kerja", "visa", "paspor", "Malaysia") are in many questions that are not about it: the
weather in Kota Kinabalu, a football match against Malaysia, a cashier's job in Kupang, a passport for a child at
school in Malaysia. One such word is therefore not enough where the question also names a subject the knowledge base
never answers (OFF_SUBJECT, LEISURE) or work at home (LOCAL, HOME_PLACES): then it takes a word that is the domain by
itself ("calo", "PMI", "TPPO"), work together with a second kind of domain word, each from a word of its own, or
someone offering, promising or taking people (RECRUITING). The index (index.py) adds two signals these words cannot
give: a sign of trafficking itself makes any question the domain's, and a short question with one kind of everyday
domain word only must also not look like the classifier's off-topic examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from bot.services.advice.domainwords import (
    BORDER_TOWNS,
    CIVIL_PAPERS,
    DOMAIN_KINDS,
    DOMAIN_STRONG,
    GENERIC_PAPERS,
    HOME_PLACES,
    LEISURE,
    LOCAL,
    MIGRATION_DESTINATIONS,
    OFF_DOMAIN_PAIRS,
    OFF_SUBJECT,
    PLACE_NAMES,
    RECRUITING,
)
from bot.services.advice.lexicon import FUNCTION_CONCEPTS
from bot.services.advice.text import AnalysedText

# Topics whose own words are everyday words (a bank loan, a tourist visa): the question must also speak of work,
# a destination or leaving before one of them is the answer.
# A loan also needs no more than a destination ("pinjam uang buat ke malaysia"); a visa question with a country and
# no work or leaving in it is a traveller's ("visa fee for tourists visiting japan").
CONTEXT_TOPICS = {"costs.loans": frozenset(["work", "place", "move"]), "visa.tourist": frozenset(["work", "move"])}
WEAK_ALONE = frozenset(["money", "place", "move"])
# Kinds that say the question is about going or being abroad, beside work (a local job has none of them).
ABROAD_KINDS = frozenset(["place", "move", "papers", "harm"])
LOCAL_JOB_KINDS = frozenset(["work", "recruiter", "money"])
COMPANY_WORDS = frozenset(["perusahaan", "lisensi"])  # the "recruiter" kind's words other than a vacancy


# Topics that answer one thing only: the tourist-visa article answers questions about a tourist, visit or
# pilgrimage visa, not every question with "visa" and "kerja" in it ("bisa kerja di jepang jadi perawat & dapat
# visa?" has no article; the person gets the closest topics).
REQUIRED_WORDS = {"visa.tourist": frozenset(["turis", "umroh", "lawatan", "kunjungan", "vizita", "visit"])}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What in a question speaks for or against the domain (``evidence``)."""

    kinds: frozenset[str]  # kinds of domain word ("work", "place", ...), "strong" for a word that is the domain
    words: int  # how many of the question's words carry a domain kind (one word can name two kinds)
    off_subject: bool  # a subject the knowledge base never answers (OFF_SUBJECT, or one civil paper alone)
    leisure: bool  # a holiday or a pilgrimage (LEISURE)
    local_job: bool  # a job, a wage or a vacancy at a home place (HOME_PLACES), nothing of abroad
    local: bool  # a word that says "here, not abroad" (LOCAL: "pekerja tempatan", "local")
    recruiting: bool  # someone offering, promising, taking people (RECRUITING)

    @property
    def strong(self) -> bool:
        return "strong" in self.kinds

    def working_abroad(self) -> bool:
        """Work and a second kind of domain word, from two words: "kerja ... malaysia", "visa kerja"."""
        return "work" in self.kinds and bool(self.kinds & ABROAD_KINDS) and self.words >= 2


def analysed_words(analysed: AnalysedText) -> set[str]:
    return set(analysed.concepts) | set(analysed.words) | {t.text for t in analysed.terms}


def _kinds_of(forms: set[str], off_subject: bool) -> set[str]:
    kinds = {kind for kind, words in DOMAIN_KINDS.items() if forms & words}
    strong = forms & DOMAIN_STRONG
    if strong and not (off_subject and strong <= BORDER_TOWNS):
        kinds.add("strong")
    elif strong:
        kinds.add("place")  # "feri tawau ke nunukan jam brp": a timetable, on the border route
    return kinds


def evidence(analysed: AnalysedText) -> Evidence:
    seen = analysed_words(analysed)
    ignored: set[str] = set()
    for first, second in pairwise(analysed.words):
        if (first, second) in OFF_DOMAIN_PAIRS:
            ignored |= {first, second, "bpjs", "sehat"}
    # Each word position as written, as its stem and as its synonym group; search terms that are phrases of a
    # group ("luar negeri") count as one more word.
    positions = [
        {w, s, c} - ignored for w, s, c in zip(analysed.words, analysed.stems, analysed.concepts, strict=False)
    ]
    covered = set().union(*positions) if positions else set()
    positions += [{t.text} for t in analysed.terms if t.text not in covered and t.text not in ignored]
    off_subject = bool(seen & OFF_SUBJECT)
    per_word = [_kinds_of(forms, off_subject) for forms in positions]
    kinds = frozenset().union(*per_word) if per_word else frozenset()
    # One civil paper and nothing else of the domain ("cara urus ktp yang hilang", "syarat bikin kk baru"): the
    # civil registry's business. Two or more ("ktp kk akte apa lagi") are the list of documents for going.
    papers = seen & DOMAIN_KINDS["papers"] - GENERIC_PAPERS
    civil = kinds == {"papers"} and len(papers) == 1 and papers <= CIVIL_PAPERS
    # A job, a wage or a vacancy at home, and nothing of papers, leaving, harm, a company, a recruiter's offer or a
    # place abroad: a local job ("lowongan kasir di kupang"), not "bikin paspor utk kerja di kupang", "PT di sumba
    # minta biaya 10 juta" nor "nona ditawari kerja di kupang".
    local_job = (
        bool(seen & HOME_PLACES)
        and "work" in kinds
        and kinds <= LOCAL_JOB_KINDS
        and not seen & (COMPANY_WORDS | RECRUITING | MIGRATION_DESTINATIONS)
    )
    return Evidence(
        kinds,
        sum(1 for k in per_word if k),
        off_subject or civil,
        bool(seen & LEISURE),
        local_job,
        bool(seen & LOCAL),
        bool(seen & RECRUITING),
    )


def weak(found: Evidence) -> bool:
    """One kind of everyday domain word only ("gaji", "paspor", a country): the classifier's off-topic class must
    agree before the question is taken as the domain's (index.WEAK_MAX_OFF_TOPIC). Two kinds ("dihantar ke
    Malaysia guna visa pelancong") are not weak."""
    return not found.strong and len(found.kinds) <= 1


def domain_kinds(analysed: AnalysedText) -> set[str]:
    """The kinds of domain word in the question ("work", "place", ...); "strong" for a word that is the domain by
    itself, "leisure" for a holiday."""
    found = evidence(analysed)
    return set(found.kinds) | ({"leisure"} if found.leisure else set())


def about_domain(analysed: AnalysedText, *, phrase_match: bool, found: Evidence | None = None) -> bool:
    """Is the question about working abroad, migration or trafficking at all, whatever the closest topic?

    ``phrase_match``: one of the articles' keyword phrases, other than a place's name, is in the question;
    ``found``: its ``evidence`` when already read.
    """
    found = found or evidence(analysed)
    if found.leisure and "work" not in found.kinds and not found.strong:
        return False  # a holiday, a pilgrimage, a friend's tourist visa
    if found.strong:
        return True
    if found.local:
        return False  # "gaji minimum utk pekerja tempatan": work here, whatever the country
    # A subject the articles never answer (the weather, a match, a driving licence, one civil paper), or a job at
    # home: only working abroad said in so many words, or someone recruiting, makes it a question for them.
    if (found.off_subject or found.local_job) and not found.working_abroad() and not found.recruiting:
        return False
    # Money or a country alone is everyday talk (prices, exchange rates, football scores); any other kind of domain
    # word, two kinds from two words, or one of the articles' phrases ("sistem satu kanal itu apa": in no word
    # list) is enough.
    kinds = found.kinds
    return phrase_match or bool(kinds - WEAK_ALONE) or (len(kinds) >= 2 and found.words >= 2)


def in_domain(
    analysed: AnalysedText,
    top_topic: str | None,
    *,
    exact_match: bool,
    phrase_match: bool,
    found: Evidence | None = None,
) -> bool:
    """Can the closest topic ``top_topic`` be the answer to this question, as far as its subject goes?

    ``exact_match``: a word of the question as written (not a repaired misspelling) is in the articles;
    ``phrase_match`` and ``found``: as for ``about_domain``.
    """
    found = found or evidence(analysed)
    if not about_domain(analysed, phrase_match=phrase_match, found=found):
        return False
    if found.strong:
        return True
    if top_topic in REQUIRED_WORDS and not analysed_words(analysed) & REQUIRED_WORDS[top_topic]:
        return False
    if top_topic in CONTEXT_TOPICS:
        return bool(found.kinds & CONTEXT_TOPICS[top_topic])
    return exact_match  # only repaired words matched ("baratu" read as "barat"): not the articles' subject


# A sign of trafficking itself (redflags.py codes) is the domain whatever the other words. The other warning signs
# are not: a tourist visa, a fee or a child are in many questions about holidays and schools (a child at work is:
# "nona 15 taun kerja di bar di kupang").
DOMAIN_FLAGS = frozenset(["confinement", "violence", "documents_held", "debt_bondage"])
# A question whose only domain words are of one everyday kind ("paspor", "gaji", a country: ``weak``) is taken as
# the domain's only while the classifier finds it unlike its off-topic examples. Leave-one-set-out over the tuning
# sets of 2026-12-01: every right confident answer with only everyday words had at most 0.27, the off-topic
# questions with them ranged 0.06-0.65 (remittances, parcels, bus tickets, courses).
WEAK_MAX_OFF_TOPIC = 0.3
# The off-topic examples are questions; the class says nothing about a story of thirty words ("tiap minggu ada mobil
# travel jemput anak muda, katanya kerja di Kupang ..."), so it is weighed only up to this many words.
WEAK_MAX_WORDS = 20


@dataclass(frozen=True, slots=True)
class Verdict:
    about: bool  # about working abroad, migration or trafficking at all
    answerable: bool  # and the closest topic can be its answer, as far as the subject goes


def judge(
    analysed: AnalysedText,
    top_topic: str | None,
    *,
    flags: Iterable[str],
    phrases: Iterable[tuple[str, ...]],
    off_topic: float,
    exact_match: bool,
) -> Verdict:
    """The whole decision for one question (index.AdviceIndex.decide): its warning-sign codes, the articles'
    keyword phrases found in it, the classifier's off-topic probability, and ``exact_match`` as for ``in_domain``."""
    found = evidence(analysed)
    codes = set(flags)
    if codes & DOMAIN_FLAGS or ("child" in codes and "work" in found.kinds):
        return Verdict(True, True)
    # A keyword phrase that is only a place's name ("Kota Kinabalu") says where, not what about.
    topical = any(not all(w in PLACE_NAMES or w in FUNCTION_CONCEPTS for w in key) for key in phrases)
    about = about_domain(analysed, phrase_match=topical, found=found)
    if about and off_topic >= WEAK_MAX_OFF_TOPIC and len(analysed.words) <= WEAK_MAX_WORDS and weak(found):
        about = False  # one kind of everyday word, and the classifier finds it like its off-topic examples
    answerable = about and in_domain(analysed, top_topic, exact_match=exact_match, phrase_match=topical, found=found)
    return Verdict(about, answerable)
