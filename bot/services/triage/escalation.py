"""Tips linked by the recruiter they name: three or more tips naming the same recruiter raise each to at least P2."""

from __future__ import annotations

from bot.services.triage import reasons as rs
from bot.services.triage.deadlines import Priority
from bot.services.triage.result import TriageResult

# The reasons that make a tip P1: a linked-recruiter reason goes after them, so the reasons stay in urgency order.
P1_CODES = frozenset(
    {
        "danger_now",
        "danger_in_text",
        "departure_today",
        "child_on_the_move",
        "child_sexual_exploitation",
        "taken_by_force",
        "confinement_in_text",
        "violence_in_text",
        "danger_unsure",
    }
)

LINKED_RECRUITER_THRESHOLD = 3


def escalate_for_links(result: TriageResult, shared_recruiter_tip_count: int) -> TriageResult:
    """Raise a tip to at least P2 when it and at least two other tips name the same recruiter.

    ``shared_recruiter_tip_count`` counts the tips naming the recruiter, this one included (see
    ``linking.shared_recruiter_counts``). Below the threshold the result comes back unchanged.
    """
    if shared_recruiter_tip_count < LINKED_RECRUITER_THRESHOLD:
        return result
    count = shared_recruiter_tip_count
    reason = rs.summary("linked_recruiter", f"{count} tips name the same recruiter", count=str(count))
    if any(r.code == "linked_recruiter" for r in result.reasons):
        replaced = tuple(reason if r.code == "linked_recruiter" else r for r in result.reasons)
        return TriageResult(min(result.priority, Priority.P2), replaced)
    priority = min(result.priority, Priority.P2)
    # Keep the reasons in urgency order: the new one goes after any P1 reasons.
    reasons = list(result.reasons)
    insert_at = len(reasons)
    for i, r in enumerate(reasons):
        if r.code not in P1_CODES:
            insert_at = i
            break
    reasons.insert(insert_at, reason)
    return TriageResult(priority, tuple(reasons))
