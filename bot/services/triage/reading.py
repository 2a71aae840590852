"""Reading a tip's texts for scoring: the signals and places found in each, less what framing sets aside (a
question, a request or an opinion, people in general or hearsay with nothing pointing at a case)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.services.places import PlaceMention
from bot.services.triage.facts import TipFacts
from bot.services.triage.framing import EVENTS, Framing, asked_about, read_framing
from bot.services.triage.signals import find_signals
from bot.services.triage.text_signal import TextFindings, TextSignal


@dataclass
class TextsRead:
    """What the texts say, once framing has set aside what holds no case."""

    signals: list[TextSignal] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    resolved: str = ""
    over: bool = False  # the story is over for the person (home, rescued), not only "well now"
    general_marker: str = ""  # a question, request or opinion with nothing pointing at a case
    dropped: int = 0


def read_texts(facts: TipFacts, answers_anchor: bool) -> TextsRead:
    read = TextsRead()
    for text in facts.texts():
        found: TextFindings = find_signals(text)
        framing: Framing = read_framing(text, found.signals, found.places)
        unanchored = not (answers_anchor or framing.anchored)
        # Heard from others about people in general; heard of a particular town in NTT is something staff can check.
        hearsay = framing.hearsay and not any(p.region == "ntt" for p in found.places)
        for s in found.signals:
            if framing.general and (s.conditional or unanchored):
                read.dropped += 1
                continue
            # A question or request names people and times without making a case of them ("can I take my child
            # to work in Malaysia?"): only what happened counts.
            if framing.general and s.code in ("person_in_text", "time_in_text"):
                continue
            # "oinsá atu hatene ajente ida iha lisensa?", "how do I check an agency?": the agent asked about is the
            # question's topic, not a recruiter reported.
            if framing.general and s.code == "illegal_recruitment" and asked_about(text, s):
                read.dropped += 1
                continue
            # People in general, or heard of from others, with nothing pointing at a case: no case to raise.
            if unanchored and (s.generic or hearsay) and (s.code in EVENTS or s.code == "child_age_in_text"):
                read.dropped += 1
                continue
            read.signals.append(s)
        if framing.general:
            read.general_marker = read.general_marker or framing.marker
        if not (framing.general and unanchored):
            read.places.extend(found.places)
        read.resolved = read.resolved or found.resolved
        read.over = read.over or found.over
    return read
