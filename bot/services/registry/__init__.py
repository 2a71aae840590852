"""Recruiter registry: is this placement company (P3MI) licensed? Plus the job-offer check.

A wrong "licensed" can send someone to a trafficker and a careless "illegal" can defame a real company, so:
answers name the data's date and flag stale data, only a clear single match gets a status verdict, similar names
come back as candidates to choose from, and "not found" never means "illegal" (the texts built on this say so).
"""

from bot.services.registry.csv_format import COLUMNS, parse_registry_bytes, parse_registry_csv
from bot.services.registry.index import CLEAR_GAP, CLEAR_SCORE, CLOSE_SCORE, LookupResult, Match, RegistryIndex
from bot.services.registry.model import (
    STALE_AFTER_DAYS,
    LicenceStatus,
    ParsedRegistry,
    RegistryErrors,
    RegistryProblem,
    RegistryRow,
    SnapshotInfo,
    Verdict,
    local_today,
)
from bot.services.registry.offer_check import (
    QUESTIONS,
    OfferAssessment,
    OfferWarning,
    Question,
    assess_offer,
    offer_to_tip_prefill,
)
from bot.services.registry.service import DEMO_REGISTRY_FILE, ImportReport, RegistryService, RegistryStore

__all__ = [
    "CLEAR_GAP",
    "CLEAR_SCORE",
    "CLOSE_SCORE",
    "COLUMNS",
    "DEMO_REGISTRY_FILE",
    "QUESTIONS",
    "STALE_AFTER_DAYS",
    "ImportReport",
    "LicenceStatus",
    "LookupResult",
    "Match",
    "OfferAssessment",
    "OfferWarning",
    "ParsedRegistry",
    "Question",
    "RegistryErrors",
    "RegistryIndex",
    "RegistryProblem",
    "RegistryRow",
    "RegistryService",
    "RegistryStore",
    "SnapshotInfo",
    "Verdict",
    "assess_offer",
    "local_today",
    "offer_to_tip_prefill",
    "parse_registry_bytes",
    "parse_registry_csv",
]
