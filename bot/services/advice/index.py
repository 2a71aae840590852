"""Ranking questions against the knowledge base: BM25F over every language's title, summary, keywords and text.

One document per topic holds all four languages, so a question in Kupang Malay, English, Malay or Tetun finds
the topic whatever the user's interface language; synonym groups (see lexicon.py) bridge the languages.

Two signals are blended into the reported score (0-1):
- the word match's share of the question's weight that the topic matches (with BM25 saturation): a topic that
  matches every informative word scores near 1, one that matches a common word only scores low; words found in no
  article count against every topic, which is what keeps "resep ayam goreng" from confidently answering with the
  one topic that mentions food. Keyword phrases found in the question ("tanpa nama") count as words;
- the probability a naive Bayes classifier, learned from example questions, gives the topic (classifier.py).

An answer is confident when the blended score is high enough, the top three topics are not level, the classifier
does not find the question more like its off-topic examples, and the question is about working abroad, migration
or trafficking at all (domain.py).
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.services.advice.classifier import (
    ARTICLE_WEIGHTS,
    OFF_TOPIC,
    SECOND_TOPIC_WEIGHT,
    TopicClassifier,
    Weights,
    features,
)
from bot.services.advice.domain import judge
from bot.services.advice.domainwords import PLACE_NAMES
from bot.services.advice.examples import Example
from bot.services.advice.kb import DEFAULT_LANG, KnowledgeBase
from bot.services.advice.langid import detect_language
from bot.services.advice.lexicon import FUNCTION_CONCEPTS, SPELLED
from bot.services.advice.money import BANK, CHOICE, MoneyCheck, check_money, classify_loan
from bot.services.advice.phrases import PhraseMatcher, phrase_term
from bot.services.advice.redflags import RedFlag, detect_red_flags
from bot.services.advice.text import AnalysedText, Analyzer, tokenize

# Field weights: titles and keywords are written to be found; summaries are dense; bodies are long and general.
FIELD_WEIGHTS = {"title": 2.5, "keywords": 2.5, "summary": 1.5, "body": 0.5}
FIELD_B = {"title": 0.3, "keywords": 0.5, "summary": 0.3, "body": 0.75}
K1 = 2.0
FIELD_PRESENCE = {"title": 1.0, "keywords": 1.0, "summary": 0.7, "body": 0.35}
# Weight of a question word that no article uses (an unknown name, an off-topic word), relative to the idf of
# matched words (which ranges from ~0 for words every topic uses to ~3 for words one topic uses).
UNKNOWN_WORD_WEIGHT = 1.5
# A place named in the question is usually the setting, not the subject (domainwords.PLACE_NAMES); so is a job
# ("jadi ART", "as a plantation worker"), which matters to the cost rules (money.py) more than to what is asked.
PLACE_WEIGHT = 0.5
JOB_WEIGHT = 0.5
JOB_TERMS = frozenset(["prt", "pengasuh", "perkebunan", "pabrik"])
SETTING_WORDS = PLACE_NAMES | JOB_TERMS | frozenset(["kerja", "work", "servisu", "bekerja"])
# A keyword phrase found in the question ("tanpa nama", "bukan dari PT") counts as one more word of the question.
PHRASE_WEIGHT = 1.0
# A topic the words do not match at all is offered only when the classifier gives it at least MIN_CLASSIFIER_ONLY.
MIN_CLASSIFIER_ONLY = 0.1
# A question the classifier finds more like the off-topic examples than like any topic is not answered confidently.
MAX_OFF_TOPIC_PROBABILITY = 0.5
MIN_CONFIDENT_RAW = 1.0
AMBIGUOUS_SHARE = 0.9
# Destinations whose rules are the answer to any question about going there: the Middle East is closed to
# domestic workers but for a pilot scheme (Kepmenaker 260/2015), so "jadi ART di dubai lewat PT resmi?" is first
# a question about the Middle East, then about companies. The word match counts them as the topic's own words.
DESTINATION_TOPICS = {"timurtengah": "destinations.middle_east"}
NUMBER_WORDS = frozenset(SPELLED)
NEGATIONS = frozenset(["tidak", "tanpa"])  # lexicon.FUNCTION_CONCEPTS of "bukan", "tak", "without", "la", "no"...


@dataclass(frozen=True, slots=True)
class Blend:
    """How the two signals are weighed and when an answer is confident. Chosen by leave-one-set-out over every
    tuning set pooled (calibration.py, ``bench/bench_ask.py --calibrate``), not on any one set. On the nine sets of
    2026-12 (833 answerable questions, 181 off-topic) the search was flat near the top: every blend within two
    right answers of the best had the classifier at weight 1 and temperature 3 (0.978 top-1, worst set 0.900, no
    off-topic question confident), against 0.976 for the blend before (weight 0.6, temperature 2, threshold
    0.27); the threshold 0.22 gives 779 of 815 right top answers with confidence for 10 wrong ones. On 12 sets
    (blind set 3 and own batch 6 added) as flat: the best within one right answer of this one, which is kept."""

    classifier_weight: float = 1.0  # the classifier's probability beside the word match's share (1)
    temperature: float = 3.0  # softens the classifier's over-sure probabilities (classifier.py)
    min_confident_score: float = 0.22  # the blended score a confident answer needs
    red_flag_boost: float = 0.3  # a warning sign's (and a defined word's) topic gets this share of the question
    hint_boost: float = 0.2  # an amount, a loan, a destination, a defined word: weaker than a warning sign


DEFAULT_BLEND = Blend()


def _train_classifier(
    kb: KnowledgeBase, analyzer: Analyzer, matcher: PhraseMatcher, examples: Sequence[Example]
) -> TopicClassifier:
    def found(text: str) -> Weights:
        analysed = analyzer.analyse_question(text)
        return features(analysed, (phrase_term(key) for key in matcher.find(analysed.sequence)))

    documents: list[tuple[Weights, dict[str, float]]] = []
    for article in kb.articles.values():
        documents.append((found(article.title), {article.topic: ARTICLE_WEIGHTS["title"]}))
        documents.append((found(article.summary), {article.topic: ARTICLE_WEIGHTS["summary"]}))
        documents.extend((found(k), {article.topic: ARTICLE_WEIGHTS["keyword"]}) for k in article.keywords)
    known = set(kb.topic_ids)
    for example in examples:
        topics = [t for t in example.topics if t in known]
        if example.topics and not topics:
            continue  # a topic that no longer exists
        labels = {t: (1.0 if i == 0 else SECOND_TOPIC_WEIGHT) for i, t in enumerate(topics)} or {OFF_TOPIC: 1.0}
        documents.append((found(example.question), labels))
    return TopicClassifier.train([*kb.topic_ids, OFF_TOPIC], documents)


def _definitions(kb: KnowledgeBase, analyzer: Analyzer) -> dict[str, str]:
    """Word -> the topic that defines it, from keywords written as definition questions ("apa itu TPPO",
    "P3MI itu apa"); a word two topics claim to define is left out."""
    claims: dict[str, set[str]] = {}
    for article in kb.articles.values():
        for keyword in article.keywords:
            for term in analyzer.analyse_question(keyword).defined - NUMBER_WORDS:  # "satu kanal": not "satu"
                claims.setdefault(term, set()).add(article.topic)
    return {term: topics.pop() for term, topics in claims.items() if len(topics) == 1}


@dataclass(frozen=True, slots=True)
class Result:
    topic: str
    score: float
    title: str


@dataclass(frozen=True, slots=True)
class Answer:
    lang: str
    results: list[Result]
    confident: bool
    red_flags: list[RedFlag] = field(default_factory=list)
    money: MoneyCheck | None = None  # an amount in the question, judged against the cost rules
    loan: str | None = None  # "bank", "bondage" or "choice" when the question is about borrowing (money.classify_loan)
    off_topic: float = 0.0  # the classifier's probability that the question is off-topic (classifier.py)
    in_domain: bool = True  # the top topic can be the answer, as far as the question's subject goes (domain.py)
    outside: bool = False  # not about working abroad, migration or trafficking at all (domain.about_domain)
    word_share: float = 0.0  # the top topic's share of the question's words (the word match alone)
    probability: float = 0.0  # the classifier's probability for the top topic

    def to_dict(self) -> dict[str, object]:
        """Exactly what ``tipline ask --json`` prints (red flags as their codes)."""
        return {
            "lang": self.lang,
            "results": [{"topic": r.topic, "score": r.score, "title": r.title} for r in self.results],
            "confident": self.confident,
            "red_flags": [flag.code for flag in self.red_flags],
        }


@dataclass(slots=True)
class Match:
    """A question matched against the index, before the blend (``AdviceIndex.match``)."""

    analysed: AnalysedText
    lang: str
    scores: dict[str, float]  # topic -> the word match's raw score
    total: float  # the question's weight (what a topic matching every word would score)
    phrases: set[tuple[str, ...]]
    flags: list[RedFlag]
    hints: list[str]  # topics hinted at by an amount, a loan or a destination
    defined: list[str]  # topics defining a word the question asks about ("PLKS itu apa")
    money: MoneyCheck | None
    loan: str | None
    log_scores: list[float] | None  # the classifier's, before softening


class AdviceIndex:
    """Build once at start-up (``AdviceIndex.build(kb)``) and keep; ``ask`` is then a few dictionary lookups."""

    def __init__(
        self,
        kb: KnowledgeBase,
        analyzer: Analyzer,
        contributions: dict[str, dict[str, float]],
        idf: dict[str, float],
        build_seconds: float,
        phrases: PhraseMatcher | None = None,
        classifier: TopicClassifier | None = None,
        definitions: dict[str, str] | None = None,
    ) -> None:
        self.kb = kb
        self.analyzer = analyzer
        self._phrases = phrases or PhraseMatcher(())
        self._classifier = classifier
        self._contributions = contributions
        self._idf = idf
        self._order = {topic: i for i, topic in enumerate(kb.topic_ids)}
        self.build_seconds = build_seconds
        self.blend = DEFAULT_BLEND
        self._definitions = definitions or {}

    @classmethod
    def build(
        cls, kb: KnowledgeBase, analyzer: Analyzer | None = None, examples: Sequence[Example] | None = None
    ) -> AdviceIndex:
        """``examples``: the questions the classifier learns from (default: the knowledge base's own)."""
        started = time.perf_counter()
        analyzer = analyzer or Analyzer()
        texts = [
            text
            for article in kb.articles.values()
            for text in (article.title, article.summary, article.body, *article.keywords)
        ]
        analyzer.learn_vocabulary(texts)

        # term frequencies per topic and field, averaged over the languages the topic has
        tf: dict[str, dict[str, Counter[str]]] = {}
        phrases: set[tuple[str, ...]] = set()
        lengths: dict[str, dict[str, float]] = {}
        for topic in kb.topic_ids:
            fields: dict[str, Counter[str]] = {name: Counter() for name in FIELD_WEIGHTS}
            articles = [a for lang in kb.languages if (a := kb.articles.get((topic, lang))) is not None]
            for article in articles:
                fields["title"].update(analyzer.document_terms(article.title))
                fields["summary"].update(analyzer.document_terms(article.summary))
                # Each keyword phrase counts once however many words it has, so a long keyword list does
                # not drown the title.
                for keyword in article.keywords:
                    terms = set(analyzer.document_terms(keyword))
                    has_words = bool(terms)
                    key = analyzer.phrase_key(keyword)
                    # "tanpa PT", "bukan syarikat": the topic is about there being no company; the words after a
                    # negation count only inside the phrase, not as words the topic is about.
                    negation = next((i for i, word in enumerate(key) if word in NEGATIONS), None)
                    if negation is not None:
                        terms -= set(key[negation + 1 :])
                    if len(key) >= 2 and has_words:
                        terms.add(phrase_term(key))  # the phrase as one term, found by match_phrases
                        phrases.add(key)
                    fields["keywords"].update(terms)
                fields["body"].update(analyzer.document_terms(article.body))
            tf[topic] = fields
            share = 1 / max(len(articles), 1)
            lengths[topic] = {name: sum(c.values()) * share for name, c in fields.items()}
            for counts in fields.values():
                for term in counts:
                    counts[term] *= share  # type: ignore[assignment]

        n_topics = max(len(tf), 1)
        avg = {name: max(sum(lengths[t][name] for t in tf) / n_topics, 1.0) for name in FIELD_WEIGHTS}
        # Document frequency where a topic that only mentions a word in passing (in its text) counts as a
        # fraction of one that is about it (title, keywords): every article tells readers how to report, and
        # that must not make "lapor" useless for finding the article about reporting.
        df: dict[str, float] = {}
        for fields in tf.values():
            presence: dict[str, float] = {}
            for name, counts in fields.items():
                for term in counts:
                    presence[term] = max(presence.get(term, 0.0), FIELD_PRESENCE[name])
            for term, value in presence.items():
                df[term] = df.get(term, 0.0) + value
        idf = {term: math.log(1 + (n_topics - d + 0.5) / (d + 0.5)) for term, d in df.items()}

        contributions: dict[str, dict[str, float]] = {}
        for topic, fields in tf.items():
            pseudo: dict[str, float] = {}
            for name, counts in fields.items():
                norm = 1 - FIELD_B[name] + FIELD_B[name] * lengths[topic][name] / avg[name]
                for term, count in counts.items():
                    pseudo[term] = pseudo.get(term, 0.0) + FIELD_WEIGHTS[name] * count / norm
            for term, value in pseudo.items():
                contributions.setdefault(term, {})[topic] = idf[term] * value / (K1 + value)
        matcher = PhraseMatcher(phrases)
        classifier = _train_classifier(kb, analyzer, matcher, kb.examples if examples is None else examples)
        seconds = time.perf_counter() - started
        return cls(kb, analyzer, contributions, idf, seconds, matcher, classifier, _definitions(kb, analyzer))

    def ask(self, question: str, lang: str | None = None, limit: int = 3) -> Answer:
        """Closest topics (best first, at most ``limit``, only topics matching something), confidence, red flags."""
        return self.decide(self.match(question, lang), self.blend, limit)

    def match(self, question: str, lang: str | None = None) -> Match:
        """Everything ``ask`` finds before the two signals are blended (calibration blends it many ways)."""
        analysed = self.analyzer.analyse_question(question or "")
        answer_lang = lang if lang in self.kb.languages else detect_language(tokenize(question or ""))
        if answer_lang not in self.kb.languages:
            answer_lang = DEFAULT_LANG

        weights: dict[str, float] = {}
        for term in analysed.terms:
            text = term.text
            weight = term.weight * (PLACE_WEIGHT if text in PLACE_NAMES else JOB_WEIGHT if text in JOB_TERMS else 1.0)
            weights[text] = max(weights.get(text, 0.0), weight)
        phrases = self._phrases.find(analysed.sequence)
        for key in phrases:
            # "pengasuh taiwan", "kerja ladang": a phrase of nothing but the setting weighs as the setting does
            setting = all(word in SETTING_WORDS or word in FUNCTION_CONCEPTS for word in key)
            weights[phrase_term(key)] = PHRASE_WEIGHT * (PLACE_WEIGHT if setting else 1.0)
        total = 0.0
        scores: dict[str, float] = {}
        for word, weight in weights.items():
            idf = self._idf.get(word)
            if idf is None:
                total += weight * UNKNOWN_WORD_WEIGHT
                continue
            total += weight * idf
            for topic, contribution in self._contributions[word].items():
                scores[topic] = scores.get(topic, 0.0) + weight * contribution

        # Money: an amount that is a wage (intent.py) is no cost of going, whatever else the question says.
        wages_only = bool(analysed.amounts) and all(purpose == "wage" for purpose in analysed.amounts)
        money = None if wages_only else check_money(question or "")
        loan = classify_loan(question or "")
        flags = detect_red_flags(analysed, self._order, money=money, loan=loan)
        # An amount, a loan or a destination with rules of its own says which topic the question is about even
        # without a warning sign.
        hints = [money.topic] if money is not None and not money.red_flag else []
        if loan in (BANK, CHOICE):
            hints.append("costs.loans")
        hints += [topic for term, topic in DESTINATION_TOPICS.items() if term in weights]
        # A definition question ("TPPO itu apa") is answered by the article that defines the word.
        defined = [self._definitions[term] for term in analysed.defined if term in self._definitions]
        log_scores = None
        if self._classifier is not None and (analysed.terms or phrases):
            log_scores = self._classifier.log_scores(features(analysed, (phrase_term(key) for key in phrases)))
        return Match(
            analysed,
            answer_lang,
            scores,
            total,
            phrases,
            flags,
            list(dict.fromkeys(t for t in hints if t in self._order)),
            list(dict.fromkeys(t for t in defined if t in self._order)),
            money,
            loan,
            log_scores,
        )

    def decide(self, match: Match, blend: Blend = DEFAULT_BLEND, limit: int = 3) -> Answer:
        """The ranked answer: the word match's share of the question (0-1) and the classifier's probability,
        blended as ``blend`` says; confident or not."""
        total = match.total
        scores = dict(match.scores)
        # A definition weighs as a warning sign does: "PLKS itu apa, agen bilang cukup visa turis" asks what PLKS
        # is, and the sign is shown above the answer whatever its article.
        for topic in [*(flag.topic for flag in match.flags), *match.defined]:
            scores[topic] = scores.get(topic, 0.0) + blend.red_flag_boost * max(total, 1.0)
        for topic in match.hints:
            scores[topic] = scores.get(topic, 0.0) + blend.hint_boost * max(total, 1.0)
        shares = {topic: min(raw / max(total, 1e-9), 1.0) for topic, raw in scores.items() if raw > 0}
        off_topic = 0.0
        probabilities: dict[str, float] = {}
        if match.log_scores is not None and self._classifier is not None:
            probabilities = self._classifier.soften(match.log_scores, blend.temperature)
            off_topic = probabilities.pop(OFF_TOPIC, 0.0)
            weight = blend.classifier_weight
            blended = {
                topic: (shares.get(topic, 0.0) + weight * p) / (1 + weight)
                for topic, p in probabilities.items()
                if topic in shares or p >= MIN_CLASSIFIER_ONLY
            }
        else:
            blended = shares
        ranked = sorted(blended.items(), key=lambda item: (-item[1], self._order.get(item[0], 0)))
        results = [
            Result(topic, round(score, 4), self.kb.title(topic, match.lang)) for topic, score in ranked[: max(limit, 0)]
        ]
        top_raw = scores.get(ranked[0][0], 0.0) if ranked else 0.0
        confident = (
            bool(results)
            and results[0].score >= blend.min_confident_score
            and top_raw >= MIN_CONFIDENT_RAW
            and off_topic < MAX_OFF_TOPIC_PROBABILITY
        )
        # Three topics nearly level: the question named only what they share (one general word such as "biaya"),
        # not which of them it means, so the person gets the list instead of one of them at random.
        if confident and len(ranked) >= 3 and ranked[2][1] >= AMBIGUOUS_SHARE * ranked[0][1]:
            confident = False
        # Not about working abroad ("kredit motor", "visa liburan"): no article is the answer, however well it matches.
        verdict = judge(
            match.analysed,
            ranked[0][0] if ranked else None,
            flags=[flag.code for flag in match.flags],
            phrases=match.phrases,
            off_topic=off_topic,
            exact_match=any(t.how != "fuzzy" and t.text in self._idf for t in match.analysed.terms),
        )
        return Answer(
            lang=match.lang,
            results=results,
            confident=confident and verdict.answerable,
            red_flags=match.flags,
            money=match.money,
            loan=match.loan,
            off_topic=round(off_topic, 4),
            in_domain=bool(ranked) and verdict.answerable,
            outside=not verdict.about,
            word_share=round(shares.get(ranked[0][0], 0.0), 4) if ranked else 0.0,
            probability=round(probabilities.get(ranked[0][0], 0.0), 4) if ranked else 0.0,
        )
