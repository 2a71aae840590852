"""Recruiter registry: is this placement company (P3MI) licensed? Plus the job-offer check.

A wrong "licensed" can send someone to a trafficker and a careless "illegal" can defame a real company, so:
answers name the data's date and flag stale data, only a clear single match gets a status verdict, similar names
come back as candidates to choose from, and "not found" never means "illegal" (the texts built on this say so).
"""

from bot.services.registry.check import PartResult, QueryCheck, check_query
from bot.services.registry.csv_format import COLUMNS, parse_registry_bytes, parse_registry_csv
from bot.services.registry.demo import DEMO_AS_OF, redate_demo_csv
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
from bot.services.registry.query import CompanyMention, QueryParts, find_company_names, split_query
from bot.services.registry.sanctions import Sanction, SanctionKind, SanctionNotes, parse_sanctions
from bot.services.registry.service import DEMO_REGISTRY_FILE, ImportReport, RegistryService, RegistryStore

__all__ = [
    "CLEAR_GAP",
    "CLEAR_SCORE",
    "CLOSE_SCORE",
    "COLUMNS",
    "DEMO_AS_OF",
    "DEMO_REGISTRY_FILE",
    "QUESTIONS",
    "STALE_AFTER_DAYS",
    "CompanyMention",
    "ImportReport",
    "LicenceStatus",
    "LookupResult",
    "Match",
    "OfferAssessment",
    "OfferWarning",
    "ParsedRegistry",
    "PartResult",
    "QueryCheck",
    "QueryParts",
    "Question",
    "RegistryErrors",
    "RegistryIndex",
    "RegistryProblem",
    "RegistryRow",
    "RegistryService",
    "RegistryStore",
    "Sanction",
    "SanctionKind",
    "SanctionNotes",
    "SnapshotInfo",
    "Verdict",
    "assess_offer",
    "check_query",
    "find_company_names",
    "local_today",
    "offer_to_tip_prefill",
    "parse_registry_bytes",
    "parse_registry_csv",
    "parse_sanctions",
    "redate_demo_csv",
    "split_query",
]
