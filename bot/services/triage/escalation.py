"""Tips linked by the recruiter they name: three or more tips naming the same recruiter raise each to at least P2."""

from __future__ import annotations

from collections.abc import Sequence

from bot.services.triage import reasons as rs
from bot.services.triage.deadlines import Priority
from bot.services.triage.reasons import Reason
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
# The priorities a linked-recruiter raise changes (it raises to at least P2).
BELOW_LINKED_RAISE = tuple(p.value for p in Priority if p > Priority.P2)


def _linked_reason(count: int) -> Reason:
    return rs.summary("linked_recruiter", f"{count} tips name the same recruiter", count=str(count))


def escalate_for_links(result: TriageResult, shared_recruiter_tip_count: int) -> TriageResult:
    """Raise a tip to at least P2 when it and at least two other tips name the same recruiter.

    ``shared_recruiter_tip_count`` counts the tips naming the recruiter, this one included (see
    ``linking.shared_recruiter_counts``). Below the threshold the result comes back unchanged.
    """
    if shared_recruiter_tip_count < LINKED_RECRUITER_THRESHOLD:
        return result
    reason = _linked_reason(shared_recruiter_tip_count)
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


def with_current_count(reasons: Sequence[Reason], shared_recruiter_tip_count: int) -> list[Reason]:
    """A tip's stored reasons with its linked-recruiter reason telling how many tips name the recruiter now.

    The stored reason keeps the count at the time of the raise (rewriting it in every open tip at each new tip
    was the slow part of filing); staff see the count as it stands, read from the link keys. A tip without the
    reason does not get one here: a raise, and its reason, happen only when a tip is filed.
    """
    if shared_recruiter_tip_count < LINKED_RECRUITER_THRESHOLD:
        return list(reasons)  # the raise stands even if purged tips took the count back down
    current = _linked_reason(shared_recruiter_tip_count)
    return [current if r.code == "linked_recruiter" else r for r in reasons]
