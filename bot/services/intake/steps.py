"""Which question comes next: the order of the report, the questions an answer makes needless, and the short way
for urgent cases.

- "A child is involved" answers "anyone under 18?" (yes): that question is not asked.
- "Where are they going?" is asked when someone is leaving or has left, or the report is about a job offer or a
  departure, unless the place answer already said (abroad in Malaysia, in Batam).
- Urgent cases (someone in danger now or maybe, a child, leaving today) go from the essentials (danger, what, where,
  when, where to) straight to the story: its question asks for who took them, which way and how the reporter knows,
  and the review lets them add any answer. Minutes count more than a complete form.
- Files are sent at the story step and the contact is chosen by how the report is sent, so neither is a question of
  its own on the way (both can still be changed from the review).
"""

from __future__ import annotations

from bot.services import places
from bot.services.intake.draft import STEP_ORDER, Draft, Step

# Asked only on the long way; on the short way the story's question asks for them.
DETAIL_STEPS = frozenset({Step.PEOPLE, Step.RECRUITER, Step.ROUTE, Step.RELATION})
# Reached from the review screen only.
REVIEW_ONLY = frozenset({Step.EVIDENCE, Step.CONTACT})
MOVING = frozenset({"today", "this_week", "later", "already_left"})
ABOUT_LEAVING = frozenset({"recruitment_fraud", "undocumented_departure"})


def is_urgent(draft: Draft) -> bool:
    """Someone may be in danger now, a child is involved, or someone leaves today: the short way."""
    return draft.danger_now in ("yes", "unknown") or draft.category == "child" or draft.departure == "today"


def asked(draft: Draft, step: Step) -> bool:
    """Whether ``step`` is asked on the way through the report (every step can be reached from the review)."""
    if step in REVIEW_ONLY:
        return False
    if step is Step.MINORS:
        return "minors" not in draft.implied
    if step is Step.DESTINATION:
        if draft.destination or draft.regency in places.SPECIAL_CODES:
            return False  # the place answer said already ("abroad: Malaysia", "Batam")
        return draft.departure in MOVING or draft.category in ABOUT_LEAVING
    if step in DETAIL_STEPS:
        return not is_urgent(draft)
    return True


def next_step(draft: Draft, current: Step) -> Step:
    """The question after ``current`` (the review when editing from it, or at the end)."""
    if draft.editing:
        return Step.REVIEW
    for step in STEP_ORDER[STEP_ORDER.index(current) + 1 :]:
        if step is Step.REVIEW or asked(draft, step):
            return step
    return Step.REVIEW


def apply_implications(draft: Draft) -> None:
    """Answers that follow from others: "a child is involved" means someone is under 18. Undone when the answer
    that implied it changes, unless the reporter answered that question themselves."""
    if draft.category == "child" and draft.minors in (None, "unknown") and "minors" not in draft.implied:
        draft.minors = "yes"
        draft.implied.append("minors")
    elif draft.category != "child" and "minors" in draft.implied:
        draft.implied.remove("minors")
        draft.minors = None
