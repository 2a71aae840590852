"""Contradictions the review asks about, once each, before the summary: an answer that the reporter's other
answers or own words contradict ("a child is involved" with "nobody under 18", "nobody in danger" with a story of
someone locked up). Each is asked once; whatever the reporter answers is kept, and staff see both."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.intake.draft import Draft, Step
from bot.services.triage.signals import find_signals

MINORS = "minors"
DANGER = "danger"
_DANGER_CODES = frozenset({"danger_in_text", "confinement_in_text", "violence_in_text", "taken_by_force"})


@dataclass(frozen=True)
class Contradiction:
    code: str  # MINORS or DANGER
    step: Step  # the question asked again
    quote: str = ""  # the reporter's own words that contradict the answer ("16 tahun"); empty: another answer


def contradictions(draft: Draft) -> list[Contradiction]:
    """Every contradiction in the draft, most serious first."""
    found: list[Contradiction] = []
    # The reporter's own words wherever they typed them, the story first. What is read here is kept for sending,
    # which reads the same texts to score the report (``text_memo``); the filing forgets them.
    signals = [s for text in draft.typed_texts() for s in find_signals(text).signals]
    if draft.minors == "no":
        if draft.category == "child":
            found.append(Contradiction(MINORS, Step.MINORS))
        else:
            age = next((s for s in signals if s.code == "child_age_in_text" and not s.past), None)
            if age is not None:
                found.append(Contradiction(MINORS, Step.MINORS, age.detail))
    if draft.danger_now == "no":
        harm = next((s for s in signals if s.code in _DANGER_CODES and not s.past), None)
        if harm is not None:
            found.append(Contradiction(DANGER, Step.DANGER, harm.detail))
    return found


def next_check(draft: Draft) -> Contradiction | None:
    """The contradiction being asked about (until it is answered), else the first not asked about yet."""
    found = contradictions(draft)
    if draft.checking:
        pending = next((c for c in found if c.code == draft.checking), None)
        if pending is not None:
            return pending
    return next((c for c in found if c.code not in draft.checked), None)
