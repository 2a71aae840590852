"""Check a job offer: a short questionnaire whose answers point at the warning signs in the knowledge base.

Questions are data (ids and option ids only; their wording lives in the message catalogs) so that any channel can
ask them. Answers are a mapping ``question id -> option id``; a question left out counts as "don't know".

Risk rules (sources: the knowledge-base articles in brackets, content/kb/, which cite them)
----------------------------------------------------------------------------------------
High on its own, each:
  - asked to pay fees                         -> ``fees_charged``            (costs.illegal_fees; UU 18/2017 Art.30)
  - tourist / visit or pilgrimage visa        -> ``non_work_visa``           (visa.tourist)
  - recruiter or employer keeps the passport  -> ``passport_held``           (rights.documents_held)
  - Cambodia, Thailand or Myanmar             -> ``no_placement_agreement``  (destinations.no_agreement)
  - route via Nunukan, Pontianak, Batam or elsewhere in Kalimantan
                                              -> ``unofficial_route``        (malaysia.irregular_entry)
  - house work in Saudi Arabia or elsewhere in the Middle East
                                              -> ``middle_east_domestic``    (see "Middle East" below)
Medium on its own, each (two or more together are high: together they are the usual NTT pattern):
  - no written contract seen                  -> ``no_contract``             (process.contract)
  - heard of it from a person or a relative   -> ``individual_recruiter``    (recruiter.individual_broker)
  - found it on Facebook, WhatsApp, TikTok or other social media
                                              -> ``social_media_recruiter``  (redflags.signs; facts F: "personal
                                                 social-media recruiter", Kemnaker's list; NTT: Facebook
                                                 recruitment, "hand in your KTP and go")
  - departure within days                     -> ``rushed_departure``        (redflags.signs)
Low: none of the above.

Middle East (checked with the search tool, 2026-12-01)
------------------------------------------------------
- Kepmenaker 260/2015 stopped and banned placing Indonesian workers with private employers (pengguna
  perseorangan: house workers) in the Middle East countries (Saudi Arabia, UAE, Qatar, Kuwait, Oman, Bahrain,
  Jordan, Egypt, Iraq, Lebanon and others), from 1 July 2015. H: Indonesian embassy in Tripoli, 26 Nov 2015,
  kemlu.go.id/tripoli/id/berita-agenda/info-penting/Pages/SK-Menaker.aspx; Kemnaker official quoted by grid.id
  ("moratorium ... masih dilakukan hingga sekarang").
- The one exception was a pilot to Saudi Arabia, the one-channel system (SPSK, Kepmenaker 291/2018): six house
  jobs, through selected P3MI, employed by a Saudi company (syarikah), not a family; it "does not lift the
  moratorium". M: Kemnaker press clipping 30 Sep 2019; okezone.com 12 Aug 2022 (new technical arrangement);
  grid.id 24 Jun 2023 (first departures).
- On 14 Mar 2025 the minister for migrant workers said the President had agreed to reopen Saudi Arabia
  (okezone.com 14 Mar 2025); on 15 Jun 2025 it was still not officially announced (beritasatu.com); on
  22 Oct 2025 the ministry (KP2MI) suspended a P3MI for placing workers in the Middle East, "still under
  moratorium since 2015" (M: a news report, dana.nwar.uk/sa/kp2mi-seals-companies-posting-pmi-to-the-middle-
  east-this-is-the-offense). Whether anything opened since is U, so the warning tells people to ask the LTSA
  or BP3MI.
So "house work" + "Middle East" is high: outside the pilot (or a reopening the LTSA can confirm) it is the
non-procedural route that the moratorium was about.

"Don't know" is neither a warning nor reassurance: it lowers ``confidence`` (high with none, medium with one or
two, low with three or more) and is listed in ``unknowns``, so the answer can say what to find out before going.
A "low" risk is only ever "no warning sign in what you told us"; it never says an offer is safe.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

YES = "yes"
NO = "no"
DONT_KNOW = "dont_know"
YES_NO = (YES, NO, DONT_KNOW)

Risk = Literal["high", "medium", "low"]
Confidence = Literal["high", "medium", "low"]


@dataclass(frozen=True, slots=True)
class Question:
    """``kind`` is "yes_no" (options yes / no / dont_know) or "choice"; ``topic_id`` is the article that
    explains why the question matters."""

    id: str
    kind: Literal["yes_no", "choice"]
    options: tuple[str, ...]
    topic_id: str


# In the order they are asked. Wording, for the catalogs:
#   channel: where did you see or hear about the offer?  Facebook / WhatsApp / TikTok / other social media /
#            a person or a relative / a company office, the LTSA or the Disnaker / somewhere else / don't know
#   job: what is the job?  house work / plantation or farm / factory / construction / fishing boat or ship /
#        another job / don't know
#   destination: which country?
#   fees: were you asked to pay money (registration, training, medical check, passport, ticket)?
#   visa: which visa will you travel on?  work / tourist or visit / pilgrimage (umrah, hajj) / don't know
#   contract: have you seen a written employment contract?
#   passport: who keeps your passport?  me / the recruiter or employer / don't know
#   route: will you travel through Nunukan, Pontianak, Batam or elsewhere in Kalimantan?
#   departure_soon: are you asked to leave within a few days?
CHANNELS = ("facebook", "whatsapp", "tiktok", "social_other", "person", "office", "other", DONT_KNOW)
SOCIAL_MEDIA = frozenset({"facebook", "whatsapp", "tiktok", "social_other"})
JOBS = ("domestic", "plantation", "factory", "construction", "fishing", "other", DONT_KNOW)
QUESTIONS: tuple[Question, ...] = (
    Question("channel", "choice", CHANNELS, "redflags.signs"),
    Question("job", "choice", JOBS, "costs.zero_cost"),
    Question(
        "destination",
        "choice",
        (
            "malaysia",
            "singapore",
            "hong_kong",
            "taiwan",
            "saudi_middle_east",
            "cambodia",
            "thailand",
            "myanmar",
            "other",
            DONT_KNOW,
        ),
        "destinations.no_agreement",
    ),
    Question("fees", "yes_no", YES_NO, "costs.illegal_fees"),
    Question("visa", "choice", ("work", "tourist_visit", "pilgrimage", DONT_KNOW), "visa.tourist"),
    Question("contract", "yes_no", YES_NO, "process.contract"),
    Question("passport", "choice", ("me", "recruiter_or_employer", DONT_KNOW), "rights.documents_held"),
    Question(
        "route",
        "choice",
        ("nunukan", "pontianak", "batam", "kalimantan_other", NO, DONT_KNOW),
        "malaysia.irregular_entry",
    ),
    Question("departure_soon", "yes_no", YES_NO, "redflags.signs"),
)
QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}

_NO_AGREEMENT = frozenset({"cambodia", "thailand", "myanmar"})
_MIDDLE_EAST = frozenset({"saudi_middle_east"})
# The article on the Middle East moratorium, when the knowledge base has one (the result shows a "read more"
# button only for articles that exist).
MIDDLE_EAST_TOPIC = "destinations.middle_east"
# Answers saved before the "where did you see the offer" question replaced "were you recruited by a person".
_LEGACY_CHANNEL = {YES: "person"}
# Place names are the same in every language, so they can go into a tip's free-text route as they are.
_ROUTE_PLACES = {"nunukan": "Nunukan", "pontianak": "Pontianak", "batam": "Batam", "kalimantan_other": "Kalimantan"}


@dataclass(frozen=True, slots=True)
class OfferWarning:
    """A warning sign: ``code`` names it, ``topic_id`` is the knowledge-base article that explains it."""

    code: str
    topic_id: str
    severity: Literal["high", "medium"]


@dataclass(frozen=True, slots=True)
class OfferAssessment:
    risk: Risk
    warnings: tuple[OfferWarning, ...]
    # Questions answered "don't know" or not answered, in question order.
    unknowns: tuple[str, ...]
    confidence: Confidence
    # Articles worth offering, most relevant first: each warning's, red flags, then how to check a recruiter.
    topics: tuple[str, ...]


def validate_answers(answers: Mapping[str, str]) -> dict[str, str]:
    """The answers as a plain dict; ValueError names an unknown question or option (e.g. forged callback data)."""
    clean: dict[str, str] = {}
    for question_id, option in answers.items():
        question = QUESTIONS_BY_ID.get(question_id)
        if question is None:
            raise ValueError(f"unknown question {question_id!r}")
        if option not in question.options:
            raise ValueError(f"unknown option {option!r} for question {question_id!r}")
        clean[question_id] = option
    return clean


def upgrade_saved_answers(answers: Mapping[str, object]) -> dict[str, str]:
    """Answers saved by an earlier version of the questions, in today's terms; unknown entries are dropped
    (unlike :func:`validate_answers`, which refuses them: that one guards what arrives from buttons)."""
    upgraded: dict[str, str] = {}
    for question_id, option in answers.items():
        if question_id == "individual_recruiter" and option in _LEGACY_CHANNEL:
            upgraded.setdefault("channel", _LEGACY_CHANNEL[option])
            continue
        question = QUESTIONS_BY_ID.get(str(question_id))
        if question is not None and option in question.options:
            upgraded[question.id] = str(option)
    return upgraded


def assess_offer(answers: Mapping[str, str]) -> OfferAssessment:
    answers = validate_answers(answers)
    high: list[OfferWarning] = []
    medium: list[OfferWarning] = []

    def sign(question_id: str, code: str, severity: Literal["high", "medium"], topic: str | None = None) -> None:
        warning = OfferWarning(code, topic or QUESTIONS_BY_ID[question_id].topic_id, severity)
        (high if severity == "high" else medium).append(warning)

    if answers.get("fees") == YES:
        sign("fees", "fees_charged", "high")
    if answers.get("visa") in ("tourist_visit", "pilgrimage"):
        sign("visa", "non_work_visa", "high")
    if answers.get("passport") == "recruiter_or_employer":
        sign("passport", "passport_held", "high")
    if answers.get("destination") in _NO_AGREEMENT:
        sign("destination", "no_placement_agreement", "high")
    if answers.get("destination") in _MIDDLE_EAST and answers.get("job") == "domestic":
        sign("destination", "middle_east_domestic", "high", MIDDLE_EAST_TOPIC)
    if answers.get("route") in _ROUTE_PLACES:
        sign("route", "unofficial_route", "high")
    if answers.get("contract") == NO:
        sign("contract", "no_contract", "medium")
    if answers.get("channel") == "person":
        sign("channel", "individual_recruiter", "medium", "recruiter.individual_broker")
    if answers.get("channel") in SOCIAL_MEDIA:
        sign("channel", "social_media_recruiter", "medium")
    if answers.get("departure_soon") == YES:
        sign("departure_soon", "rushed_departure", "medium")

    risk: Risk = "high" if high or len(medium) >= 2 else "medium" if medium else "low"
    unknowns = tuple(q.id for q in QUESTIONS if answers.get(q.id, DONT_KNOW) == DONT_KNOW)
    confidence: Confidence = "high" if not unknowns else "medium" if len(unknowns) <= 2 else "low"
    warnings = tuple(high + medium)
    topics = list(dict.fromkeys(w.topic_id for w in warnings))
    if risk != "low" and "redflags.signs" not in topics:
        topics.append("redflags.signs")
    # Whatever the answers, the company itself still has to be checked.
    topics.append("recruiter.check")
    return OfferAssessment(risk, warnings, unknowns, confidence, tuple(topics))


def offer_to_tip_prefill(answers: Mapping[str, str]) -> dict[str, Any]:
    """Intake fields a report can start with after an offer check; only what the answers actually say.

    Keys: ``category`` ("recruitment_fraud"), ``departure`` ("this_week" when leaving within days), ``route``
    (place name), ``destination`` (option id), ``red_flags`` (warning codes), ``source`` ("offer_check").
    Where the offer was seen is in ``red_flags`` when it is a warning sign (``social_media_recruiter``,
    ``individual_recruiter``).
    """
    answers = validate_answers(answers)
    assessment = assess_offer(answers)
    prefill: dict[str, Any] = {"category": "recruitment_fraud", "source": "offer_check"}
    if answers.get("departure_soon") == YES:
        prefill["departure"] = "this_week"
    route = _ROUTE_PLACES.get(answers.get("route", ""))
    if route:
        prefill["route"] = route
    destination = answers.get("destination")
    if destination and destination != DONT_KNOW:
        prefill["destination"] = destination
    if assessment.warnings:
        prefill["red_flags"] = [w.code for w in assessment.warnings]
    return prefill
