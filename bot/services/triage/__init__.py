"""Triage core: scoring, entities and linking, case status. Framework-free: plain data in, plain data out."""

from bot.services.triage.entities import Entities, extract_entities, find_phones, normalise_name, normalise_phone
from bot.services.triage.escalation import escalate_for_links
from bot.services.triage.linking import find_links, link_key, shared_recruiter_counts
from bot.services.triage.scoring import (
    Priority,
    Reason,
    TipFacts,
    TipFactsError,
    TriageResult,
    deadline,
    score_tip,
    tip_facts_from_mapping,
)
from bot.services.triage.status import (
    Outcome,
    Role,
    Status,
    TransitionError,
    allowed_targets,
    can,
    check_transition,
)

__all__ = [
    "Entities",
    "Outcome",
    "Priority",
    "Reason",
    "Role",
    "Status",
    "TipFacts",
    "TipFactsError",
    "TransitionError",
    "TriageResult",
    "allowed_targets",
    "can",
    "check_transition",
    "deadline",
    "escalate_for_links",
    "extract_entities",
    "find_links",
    "find_phones",
    "link_key",
    "normalise_name",
    "normalise_phone",
    "score_tip",
    "shared_recruiter_counts",
    "tip_facts_from_mapping",
]
