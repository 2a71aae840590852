"""Moving through the report within one update: the draft loaded once, changed, saved before the bot says anything
(the update's unit of work commits before any message goes out), and the next question asked.

The draft lives in the conversation state, so a restart resumes at the same question.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup, MaybeInaccessibleMessageUnion, Message

from bot.services import places
from bot.services.intake import checks, steps
from bot.services.intake.answers import CHOICE_FIELD
from bot.services.intake.draft import Draft, Step
from bot.telegram.intake import keyboards, texts
from bot.telegram.intake.review import answer_summary, review_text

Clock = Callable[[], datetime]


class Intake(StatesGroup):
    danger = State()
    category = State()
    where = State()
    when = State()
    destination = State()
    people = State()
    minors = State()
    recruiter = State()
    route = State()
    relation = State()
    story = State()
    evidence = State()
    contact = State()
    contact_phone = State()
    review = State()
    submitted = State()  # after submitting: the offer to clear the chat is still open


STATE_OF = {step: getattr(Intake, step.value) for step in Step}
STEP_OF = {state.state: step for step, state in STATE_OF.items()}
STEP_OF[Intake.contact_phone.state] = Step.CONTACT
IN_REPORT_STATES = tuple(s for s in Intake.__all_states__ if s is not Intake.submitted)
DRAFT_KEY = "draft"
# A reporter who comes back after this long is told where they were before anything they write is taken as an
# answer ("halo" a day later is not the answer to "When?").
PAUSE_SECONDS = 30 * 60
# How long after filing a second Send, or a first "report" that may mean "did it arrive?", shows the receipt again.
RECEIPT_SHOWN_AGAIN_SECONDS = 3600


async def load_draft(state: FSMContext) -> Draft:
    return Draft.from_dict((await state.get_data()).get(DRAFT_KEY))


async def save_draft(state: FSMContext, draft: Draft) -> None:
    await state.update_data({DRAFT_KEY: draft.to_dict()})


async def current_step(state: FSMContext) -> Step | None:
    return STEP_OF.get(await state.get_state() or "")


def track(draft: Draft, message: MaybeInaccessibleMessageUnion | None) -> None:
    if message is not None:
        draft.track_message(message.message_id, int(message.date.timestamp()) if message.date else int(time.time()))


def paused(draft: Draft, now: datetime) -> bool:
    """The reporter has been away long enough to be told where they were (0: not known, never paused)."""
    return bool(draft.active_at) and now.timestamp() - draft.active_at > PAUSE_SECONDS


class Turn:
    """One update's work on the report."""

    def __init__(
        self, target: MaybeInaccessibleMessageUnion, state: FSMContext, draft: Draft, now: datetime | None
    ) -> None:
        self.target = target
        self.state = state
        self.draft = draft
        self.now = now

    @classmethod
    async def load(
        cls, target: MaybeInaccessibleMessageUnion, state: FSMContext, clock: Clock, *, incoming: bool = False
    ) -> Turn:
        """The draft of this conversation; ``incoming``: ``target`` is the reporter's message (kept for clearing
        the chat after submitting)."""
        draft = await load_draft(state)
        if incoming:
            track(draft, target)
        return cls(target, state, draft, clock())

    async def step(self) -> Step | None:
        return await current_step(self.state)

    async def save(self) -> None:
        if self.now is not None:  # None: started by a caller without the app's clock
            self.draft.touch(self.now.timestamp())
        await save_draft(self.state, self.draft)

    async def say(self, text: str, markup: InlineKeyboardMarkup | None = None) -> Message:
        """Send a message during a report: the draft is saved first (so committed before the message goes out),
        then the message is remembered for clearing the chat."""
        sent = await self._send(text, markup)
        await save_draft(self.state, self.draft)
        return sent

    async def _send(self, text: str, markup: InlineKeyboardMarkup | None) -> Message:
        """``say`` without saving what it noted of the message sent (the caller saves it with more)."""
        await self.save()
        sent = await self.target.answer(text, reply_markup=markup)
        track(self.draft, sent)
        return sent

    async def ask(self, step: Step, *, lead: str = "") -> None:
        """Show the question of ``step`` (or the review, after any contradiction it must ask about first), with
        ``lead`` above it, and remember where we are."""
        draft = self.draft
        if step is Step.REVIEW:
            draft.editing = False
            check = checks.next_check(draft)
            if check is not None:
                draft.checking = check.code
                if check.code not in draft.checked:
                    draft.checked.append(check.code)
                text = texts.contradiction(check, draft.category)
                markup = keyboards.check_keyboard(check.code, check.step)
            else:
                draft.checking = None
                text, markup = review_text(draft), keyboards.review_keyboard()
        else:
            text = texts.question(step, urgent=steps.is_urgent(draft))
            if step is Step.EVIDENCE and draft.evidence:
                text += "\n\n" + texts.received_so_far(len(draft.evidence))
            elif step not in (Step.EVIDENCE, Step.DANGER, Step.STORY) and draft.has_answer(step):
                # Answered already (going back, editing, or filled in from an earlier check): show what is kept.
                text += "\n\n" + texts.current_answer(answer_summary(draft, step, 150))
            chosen = getattr(draft, CHOICE_FIELD[step]) if step in CHOICE_FIELD else None
            if step is Step.DESTINATION:
                chosen = _destination_choice(draft)
            markup = keyboards.for_step(step, chosen, transit=draft.transit)
        # Where we are is stored before the question is shown (see ``say``), and that the question's message id is
        # not known yet: if the process stops before the id is stored below, a message typed next is not taken
        # as this question's answer (it may have been typed for the one before).
        draft.remember(step)
        draft.asking(step)
        await self.state.set_state(STATE_OF[step])
        sent = await self._send(lead + "\n\n" + text if lead else text, markup)
        draft.asked(step, sent.message_id)
        await save_draft(self.state, draft)

    async def next(self, after: Step, *, lead: str = "") -> None:
        await self.ask(steps.next_step(self.draft, after), lead=lead)


def _destination_choice(draft: Draft) -> str | None:
    """The button standing for the destination kept (Batam for Kepulauan Riau, Malaysia for MY)."""
    by_code = {c.destination: c.value for c in (*places.indonesia_choices(), *places.abroad_choices())}
    return by_code.get(draft.destination or "", draft.destination)
