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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.services.advice.classifier import ARTICLE_WEIGHTS, OFF_TOPIC, SECOND_TOPIC_WEIGHT, TopicClassifier, features
from bot.services.advice.domain import in_domain
from bot.services.advice.examples import Example
from bot.services.advice.kb import DEFAULT_LANG, KnowledgeBase
from bot.services.advice.langid import detect_language
from bot.services.advice.lexicon import PLACE_NAMES
from bot.services.advice.money import MoneyCheck, check_money, classify_loan
from bot.services.advice.redflags import RedFlag, detect_red_flags
from bot.services.advice.text import Analyzer, tokenize

# Field weights: titles and keywords are written to be found; summaries are dense; bodies are long and general.
FIELD_WEIGHTS = {"title": 2.5, "keywords": 2.5, "summary": 1.5, "body": 0.5}
FIELD_B = {"title": 0.3, "keywords": 0.5, "summary": 0.3, "body": 0.75}
K1 = 2.0
FIELD_PRESENCE = {"title": 1.0, "keywords": 1.0, "summary": 0.7, "body": 0.35}
# Weight of a question word that no article uses (an unknown name, an off-topic word), relative to the idf of
# matched words (which ranges from ~0 for words every topic uses to ~3 for words one topic uses).
UNKNOWN_WORD_WEIGHT = 1.5
# A red flag is a precise sign of what the question is about: its topic gets this share of the question's weight.
RED_FLAG_BOOST = 0.3
# An amount or a bank loan in the question: a weaker hint than a warning sign (the words may be about more).
MONEY_HINT_BOOST = 0.15
# A place named in the question is usually the setting, not the subject (lexicon.PLACE_NAMES).
PLACE_WEIGHT = 0.5
# A keyword phrase found in the question ("tanpa nama", "bukan dari PT") counts as one more word of the question.
PHRASE_WEIGHT = 1.0
MAX_PHRASE_GAP = 1
# The classifier's probability counts this much beside the word match's share (classifier.py); a topic the words
# do not match at all is offered only when the classifier gives it at least MIN_CLASSIFIER_ONLY.
CLASSIFIER_WEIGHT = 0.6
MIN_CLASSIFIER_ONLY = 0.1
# A question the classifier finds more like the off-topic examples than like any topic is not answered confidently.
MAX_OFF_TOPIC_PROBABILITY = 0.5
# The blended score an answer needs, chosen by leave-one-set-out over the evaluation sets (bench_ask.py --cv):
# at 0.27 about 96% of right top answers are given with confidence and 11 of 680 answerable questions get a wrong
# article with confidence; no off-topic question does.
MIN_CONFIDENT_SCORE = 0.27
MIN_CONFIDENT_RAW = 1.0
AMBIGUOUS_SHARE = 0.9


def phrase_term(key: tuple[str, ...]) -> str:
    """The search term standing for a keyword phrase (no word can look like it: words have no spaces)."""
    return "\u00ab" + " ".join(key)


class PhraseMatcher:
    """Finds the articles' keyword phrases in a question's word sequence (``AnalysedText.sequence``).

    A phrase matches in order with at most ``MAX_PHRASE_GAP`` extra words inside it ("tanpa bagi nama" is "tanpa
    nama"); a two-word phrase also matches in the other order ("apa dokumen" is "dokumen apa", which English writes
    "what documents").
    """

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        # Two-word phrases (most of them) are looked up as pairs of words, in either order; longer ones are followed
        # word by word from their first word.
        self._pairs: dict[tuple[str, str], tuple[str, ...]] = {}
        self._longer: dict[str, list[tuple[str, ...]]] = {}
        for key in sorted(set(phrases)):
            if len(key) == 2:
                self._pairs.setdefault((key[0], key[1]), key)
                self._pairs.setdefault((key[1], key[0]), key)
            else:
                self._longer.setdefault(key[0], []).append(key)

    def find(self, sequence: Sequence[str]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set()
        n = len(sequence)
        pairs = self._pairs
        for i, word in enumerate(sequence):
            for j in range(i + 1, min(i + 2 + MAX_PHRASE_GAP, n)):
                key = pairs.get((word, sequence[j]))
                if key is not None:
                    found.add(key)
            for key in self._longer.get(word, ()):
                j, gaps, matched = i + 1, 0, 1
                while matched < len(key) and j < n and gaps <= MAX_PHRASE_GAP:
                    if sequence[j] == key[matched]:
                        matched += 1
                    else:
                        gaps += 1
                    j += 1
                if matched == len(key) and gaps <= MAX_PHRASE_GAP:
                    found.add(key)
        return found


def _train_classifier(
    kb: KnowledgeBase, analyzer: Analyzer, matcher: PhraseMatcher, examples: Sequence[Example]
) -> TopicClassifier:
    def found(text: str) -> Counter[str]:
        analysed = analyzer.analyse_question(text)
        return features(analysed, (phrase_term(key) for key in matcher.find(analysed.sequence)))

    documents: list[tuple[Counter[str], dict[str, float]]] = []
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
    loan: str | None = None  # "bank" or "bondage" when the question is about borrowing (money.classify_loan)
    off_topic: float = 0.0  # the classifier's probability that the question is off-topic (classifier.py)
    in_domain: bool = True  # about working abroad, migration or trafficking at all (domain.py)
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
    ) -> None:
        self.kb = kb
        self.analyzer = analyzer
        self._phrases = phrases or PhraseMatcher(())
        self._classifier = classifier
        self._contributions = contributions
        self._idf = idf
        self._order = {topic: i for i, topic in enumerate(kb.topic_ids)}
        self.build_seconds = build_seconds

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
                    key = analyzer.phrase_key(keyword)
                    if len(key) >= 2 and terms:
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
        return cls(kb, analyzer, contributions, idf, time.perf_counter() - started, matcher, classifier)

    def ask(self, question: str, lang: str | None = None, limit: int = 3) -> Answer:
        """Closest topics (best first, at most ``limit``, only topics matching something), confidence, red flags."""
        analysed = self.analyzer.analyse_question(question or "")
        answer_lang = lang if lang in self.kb.languages else detect_language(tokenize(question or ""))
        if answer_lang not in self.kb.languages:
            answer_lang = DEFAULT_LANG

        weights: dict[str, float] = {}
        for term in analysed.terms:
            weight = term.weight * (PLACE_WEIGHT if term.text in PLACE_NAMES else 1.0)
            weights[term.text] = max(weights.get(term.text, 0.0), weight)
        phrases = self._phrases.find(analysed.sequence)
        for key in phrases:
            weights[phrase_term(key)] = PHRASE_WEIGHT
        total = 0.0
        scores: dict[str, float] = {}
        for term, weight in weights.items():
            idf = self._idf.get(term)
            if idf is None:
                total += weight * UNKNOWN_WORD_WEIGHT
                continue
            total += weight * idf
            for topic, contribution in self._contributions[term].items():
                scores[topic] = scores.get(topic, 0.0) + weight * contribution

        money = check_money(question or "")
        loan = classify_loan(question or "")
        flags = detect_red_flags(analysed, self._order, money=money, loan=loan)
        for flag in flags:
            scores[flag.topic] = scores.get(flag.topic, 0.0) + RED_FLAG_BOOST * max(total, 1.0)
        # An amount, or a loan, says which cost topic the question is about even without a warning sign.
        hints = [money.topic] if money is not None and not money.red_flag else []
        if loan == "bank":
            hints.append("costs.loans")
        for topic in hints:
            if topic in self._order:
                scores[topic] = scores.get(topic, 0.0) + MONEY_HINT_BOOST * max(total, 1.0)
        # The word match's share of the question (0-1) and the classifier's probability, blended.
        shares = {topic: min(raw / max(total, 1e-9), 1.0) for topic, raw in scores.items() if raw > 0}
        off_topic = 0.0
        probabilities: dict[str, float] = {}
        if self._classifier is not None and (analysed.terms or phrases):
            found = features(analysed, (phrase_term(key) for key in phrases))
            probabilities = self._classifier.probabilities(found)
            off_topic = probabilities.pop(OFF_TOPIC, 0.0)
            blended = {
                topic: (shares.get(topic, 0.0) + CLASSIFIER_WEIGHT * p) / (1 + CLASSIFIER_WEIGHT)
                for topic, p in probabilities.items()
                if topic in shares or p >= MIN_CLASSIFIER_ONLY
            }
        else:
            blended = shares
        ranked = sorted(blended.items(), key=lambda item: (-item[1], self._order.get(item[0], 0)))
        results = [
            Result(topic, round(score, 4), self.kb.title(topic, answer_lang))
            for topic, score in ranked[: max(limit, 0)]
        ]
        top_raw = scores.get(ranked[0][0], 0.0) if ranked else 0.0
        confident = (
            bool(results)
            and results[0].score >= MIN_CONFIDENT_SCORE
            and top_raw >= MIN_CONFIDENT_RAW
            and off_topic < MAX_OFF_TOPIC_PROBABILITY
        )
        # Three topics nearly level: the question named only what they share (one general word such as "biaya"),
        # not which of them it means, so the person gets the list instead of one of them at random.
        if confident and len(ranked) >= 3 and ranked[2][1] >= AMBIGUOUS_SHARE * ranked[0][1]:
            confident = False
        # Not about working abroad, migration or trafficking ("kredit motor", "visa liburan"): the closest article
        # is not an answer, however well its words match.
        domain = False
        if ranked:
            exact = any(t.how != "fuzzy" and t.text in self._idf for t in analysed.terms)
            domain = in_domain(analysed, ranked[0][0], exact_match=exact, phrase_match=bool(phrases))
        return Answer(
            lang=answer_lang,
            results=results,
            confident=confident and domain,
            red_flags=flags,
            money=money,
            loan=loan,
            off_topic=round(off_topic, 4),
            in_domain=domain,
            word_share=round(shares.get(ranked[0][0], 0.0), 4) if ranked else 0.0,
            probability=round(probabilities.get(ranked[0][0], 0.0), 4) if ranked else 0.0,
        )
