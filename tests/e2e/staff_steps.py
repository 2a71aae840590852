"""Helpers shared by the staff tests: registering staff, filing many tips fast, reading the staff group."""

from __future__ import annotations

import re

from bot.services.intake.draft import Draft
from bot.services.intake.submit import IntakeService, Submitted
from bot.services.staff.directory import add_staff
from tests.e2e.harness import STAFF_GROUP_ID, BotHarness

ADMIN_ID = 700001
TRIAGER_ID = 700002
VIEWER_ID = 700003
CASE_RE = re.compile(r"TPPO-\d{4}-\d{5}")


def link_clocks(harness: BotHarness) -> None:
    """Moving the emulator's clock moves the application's clock too (the outbox and reminders read it)."""
    harness.emulator.clock.on_advance(lambda seconds: harness.app.clock.advance(seconds))


async def register(harness: BotHarness, telegram_id: int, role: str = "admin", name: str | None = None) -> None:
    async with harness.app.session_factory() as session:
        await add_staff(session, telegram_id, role, name)


def make_draft(story: str, *, danger: str = "no", category: str = "recruitment_fraud", **fields) -> Draft:
    draft = Draft(lang="id", danger_now=danger, category=category, regency=fields.pop("regency", "kota_kupang"))
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.story.append(story)
    draft.contact = fields.get("contact", "anonymous")
    return draft


async def file_tips(harness: BotHarness, *drafts: Draft) -> list[Submitted]:
    """File tips as the intake flow does, without chatting (IntakeService.submit, one commit each: the same filing
    as a Send's, only numbered inside it rather than in the commit's last statement)."""
    app = harness.app
    service = IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=10_000)
    out = []
    for draft in drafts:
        async with app.session_factory() as session:
            out.append(await service.submit(session, draft, pseudonym=""))
            await session.commit()
    await settle(harness)  # their alerts are out before the test goes on
    return out


async def settle(harness: BotHarness, timeout: float = 120.0) -> None:  # noqa: ASYNC109 - wait_idle's deadline
    await harness.emulator.wait_idle(extra_busy=harness.busy, timeout=timeout)


def group_calls(harness: BotHarness, *, ok_only: bool = True):
    calls = [c for c in harness.emulator.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(STAFF_GROUP_ID)]
    return [c for c in calls if c.ok] if ok_only else calls


def group_texts(harness: BotHarness) -> list[str]:
    """What the group shows (display text, tags parsed) of every message the bot posted there."""
    return [m.get("text", "") for m in harness.emulator.sent_messages(STAFF_GROUP_ID)]


def cases_in(texts: list[str]) -> list[str]:
    """Case numbers each message announces (a message names its case twice: heading and /tip command)."""
    return [case for text in texts for case in dict.fromkeys(CASE_RE.findall(text))]
