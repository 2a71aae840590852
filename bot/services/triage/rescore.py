"""Re-scoring a tip when the reporter sends more (an answer to the task force's question, information, files).

Pure: the tip's facts before and after the new information in, a decision out. The tip is raised only when the new
score is more urgent than both the tip's current priority (staff may have set it by hand, linking may have raised
it) and the automatic score it had before: new information never lowers a tip, and never undoes a staff decision
unless it says something more urgent than that decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.services.triage.escalation import escalate_for_links
from bot.services.triage.facts import TipFacts
from bot.services.triage.reasons import Reason
from bot.services.triage.scoring import Priority, TriageResult, score_tip
from bot.services.triage.signals import forget_texts


@dataclass(frozen=True)
class Rescored:
    before: TriageResult  # the automatic score without the new information
    after: TriageResult  # with it (and any linked-recruiter raise kept)
    current: Priority  # the tip's priority as stored

    @property
    def raised(self) -> bool:
        return self.after.priority < self.current and self.after.priority < self.before.priority

    @property
    def to_p1(self) -> bool:
        return self.raised and self.after.priority == Priority.P1


def with_additions(facts: TipFacts, texts: list[str], evidence: int) -> TipFacts:
    """The tip's facts with the reporter's later messages (each scanned on its own) and files added."""
    extra = tuple(t for t in texts if t and t.strip())
    return replace(facts, extra_texts=tuple(facts.extra_texts) + extra, evidence_count=facts.evidence_count + evidence)


def rescore(before: TipFacts, after: TipFacts, current: Priority | str, stored: list[Reason]) -> Rescored:
    """Score both sides; a linked-recruiter raise already on the tip is carried over to the new score."""
    linked = next((r for r in stored if r.code == "linked_recruiter"), None)
    count = int(linked.param("count") or 3) if linked is not None else 0
    try:
        old = escalate_for_links(score_tip(before), count)
        new = escalate_for_links(score_tip(after), count)
    finally:
        forget_texts((*before.texts(), *after.texts()))
    return Rescored(old, new, Priority(current))
