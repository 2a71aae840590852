"""Scripted people for crowd tests and benchmarks: a reporter who files a whole report by reading the bot's buttons.

The reporter acts on the newest message with buttons in their chat, as a person does: it answers button questions
with its own choices, types its own text where a text answer is asked for (the place too), presses Done, "Send
anonymously" and "keep the conversation". Each reporter's typed answers carry its marker, so a test can check
afterwards that every tip holds exactly its reporter's answers, each in the right place.

``next_action`` is pure (buttons in, action out) so the same policy drives the in-process emulator
(``CrowdReporter``) and the benchmark's fake Bot API server.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.emulator.models import EmuUser, StoredMessage
from bot.emulator.server import TelegramEmulator, buttons_of

CASE_RE = re.compile(r"TPPO-\d{4}-\d{5}")

# Button answers a reporter picks, by step (first match wins; an unknown step gets its first button).
CHOICES = {
    "danger": ("no",),
    "category": ("recruitment_fraud",),
    "when": ("this_week",),
    "destination": ("MY",),
    "people": ("2-5",),
    "minors": ("no",),
    "relation": ("neighbour",),
}
# Sending the report from the review: anonymously.
SEND = "is:anonymous"


@dataclass(frozen=True)
class Action:
    kind: str  # "press" (value: callback data), "say" (value: text), "done"
    value: str = ""


@dataclass
class ReporterScript:
    """What one reporter types, and how far they got."""

    marker: str
    said: set[str] = field(default_factory=set)

    @property
    def recruiter(self) -> str:
        return f"Om Rekruter {self.marker}"

    @property
    def route(self) -> str:
        return f"Lewat Tenau ke Nunukan {self.marker}"

    @property
    def story(self) -> str:
        return f"Tetangga saya dijanjikan kerja di kebun sawit. Penanda {self.marker}."

    def text_for(self, step: str) -> str:
        # The place is typed (its island's buttons change the keyboard in place, which a reporter reading only
        # new messages would not see).
        texts = {"where": "Kota Kupang", "recruiter": self.recruiter, "route": self.route, "story": self.story}
        return texts.get(step, "tidak tahu")


def next_action(buttons: Sequence[dict], script: ReporterScript) -> Action:
    """What the reporter does facing the newest message with ``buttons`` (dicts with callback_data)."""
    data = [b.get("callback_data", "") for b in buttons]
    if "in:clear_no:" in data:
        return Action("press", "in:clear_no:")
    if "in:resume:" in data:
        return Action("press", "in:resume:")
    if SEND in data:
        return Action("press", SEND)
    if "m:report" in data:
        return Action("press", "m:report")
    checks = [d for d in data if d.startswith("ic:")]
    if checks:  # the review asks about a contradiction: the reporter keeps what they answered
        return Action("press", next((d for d in checks if d.endswith(":no")), checks[0]))
    answers = [d for d in data if d.startswith("ia:")]
    if answers:
        step = answers[0].split(":")[1]
        for wanted in CHOICES.get(step, ()):
            for value in answers:
                if value == f"ia:{step}:{wanted}":
                    return Action("press", value)
        return Action("press", answers[0])
    steps = [d.split(":")[2] for d in data if d.startswith("in:") and d.count(":") >= 2 and d.split(":")[2]]
    step = steps[0] if steps else ""
    if step in ("story", "evidence"):
        if step == "story" and step not in script.said:
            script.said.add(step)
            return Action("say", script.story)
        if step == "story" and "story:done" in script.said:
            # Done was pressed and the bot asks for the story again: it has none, so the reporter writes it again.
            script.said.discard("story:done")
            return Action("say", script.story)
        if step == "story":
            script.said.add("story:done")
        return Action("press", f"in:done:{step}")
    if step:
        if f"in:skip:{step}" in data and step not in ("where", "recruiter", "route"):
            return Action("press", f"in:skip:{step}")
        return Action("say", script.text_for(step))
    return Action("say", "/report")


class ChatWatch:
    """Wakes whoever waits on a chat when the bot sends or edits a message there (one emulator subscription for a
    whole crowd)."""

    def __init__(self, emulator: TelegramEmulator) -> None:
        self.emulator = emulator
        self._queue = emulator.subscribe()
        self._events: dict[int, asyncio.Event] = {}
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> ChatWatch:
        self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
        self.emulator.unsubscribe(self._queue)

    async def _run(self) -> None:
        while True:
            event = await self._queue.get()
            chat_id = getattr(event, "chat_id", None)
            if chat_id is not None and chat_id in self._events:
                self._events[chat_id].set()

    def event(self, chat_id: int) -> asyncio.Event:
        return self._events.setdefault(chat_id, asyncio.Event())


class CrowdReporter:
    """One scripted reporter against the in-process emulator. ``file_report`` returns the case number received."""

    def __init__(self, emulator: TelegramEmulator, watch: ChatWatch, user: EmuUser, marker: str) -> None:
        self.emulator = emulator
        self.watch = watch
        self.user = user
        self.script = ReporterScript(marker)
        self.case_number: str | None = None
        self.actions = 0
        self.recoveries = 0
        self.log: list[tuple[float, str]] = []  # (emulator time, what this person did), to explain a failure

    def _say(self, text: str) -> None:
        self.log.append((self.emulator.clock.now(), f"says {text[:40]!r}"))
        self.emulator.send_text(self.user, text)

    def _press(self, message: StoredMessage, data: str) -> None:
        self.log.append((self.emulator.clock.now(), f"presses {data!r} on message {message.message_id}"))
        self.emulator.press(self.user, message, callback_data=data)

    def _newest(self, *, with_buttons: bool) -> StoredMessage | None:
        return self.emulator.last_bot_message(self.user.id, with_buttons=with_buttons)

    async def _wait_for_new_buttons(
        self,
        after_id: int,
        timeout: float,  # noqa: ASYNC109 - a patience, then recovery
        idle: Callable[[], bool] | None = None,
    ) -> bool:
        """True once a message with buttons newer than ``after_id`` is in the chat. False when there is none after
        ``timeout`` seconds, or, when ``idle`` is given, as soon as ``idle()`` says the bot has finished everything it
        was given: then the bot really left this person without a question, however slow the machine is."""
        event = self.watch.event(self.user.id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            newest = self._newest(with_buttons=True)
            if newest is not None and newest.message_id > after_id:
                return True
            if idle is not None and idle():
                # Checked again after idle: the answer may have come in the same moment.
                newest = self._newest(with_buttons=True)
                return newest is not None and newest.message_id > after_id
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            event.clear()
            # With ``idle``, look again now and then: idleness sends no event to this chat.
            wait = remaining if idle is None else min(remaining, 0.05)
            try:
                await asyncio.wait_for(event.wait(), wait)
            except TimeoutError:
                if idle is None:
                    return False

    def _seen_case(self) -> str | None:
        for message in reversed(self.emulator.sent_messages(self.user.id)):
            found = CASE_RE.search(message.get("text") or "")
            if found:
                return found.group()
        return None

    async def file_report(
        self, *, patience: float = 20.0, max_actions: int = 80, idle: Callable[[], bool] | None = None
    ) -> str:
        """Start from /start and go until the receipt arrived and the chat-clearing offer was answered.

        A person waits ``patience`` seconds for the next question, then writes again (a recovery). With ``idle`` (true
        when the bot has handled every update and sent every reply), the person waits as long as the bot is working
        and writes again only when it has finished without asking anything: a recovery then means a real silence,
        never a slow machine."""
        last_id = 0
        self._say("/start")
        while self.actions < max_actions:
            if not await self._wait_for_new_buttons(last_id, patience, idle):
                # No answer (the bot restarted, or answered without a question): ask to continue, as a person would.
                self.recoveries += 1
                newest = self._newest(with_buttons=False)
                last_id = newest.message_id if newest else last_id
                # With the receipt in hand a person asks for the menu, not for another report.
                self._say("/start" if self._seen_case() else "/report")
                continue
            message = self._newest(with_buttons=True)
            assert message is not None
            last_id = message.message_id
            self.case_number = self.case_number or self._seen_case()
            action = next_action(buttons_of(message), self.script)
            if self.case_number and action.value == "m:report":
                return self.case_number  # back at the menu after filing
            self.actions += 1
            if action.kind == "press":
                self._press(message, action.value)
            else:
                self._say(action.value)
        last = [
            f"{'bot' if m.from_bot else 'you'} {m.message_id} {(m.data.get('text') or '')[:50]!r} "
            f"{[b.get('callback_data') for b in buttons_of(m.data)]}"
            for m in self.emulator.chat_log(self.user.id)[-40:]
        ]
        raise AssertionError(
            f"reporter {self.script.marker} did not finish in {max_actions} actions ({self.recoveries} recoveries); "
            f"the chat's last messages: {last}"
        )
