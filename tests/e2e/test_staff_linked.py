"""/tip of tips naming one recruiter, as staff read it: "N tips name the same recruiter" and the related tips are
right for an old tip and the newest after every new tip, two of them filed at the same moment."""

from __future__ import annotations

import asyncio

from bot.services.intake.submit import IntakeService
from tests.e2e.staff_steps import ADMIN_ID, make_draft, register, settle

NAMES = ("PT Maju Jaya Sejahtera", "P.T. Maju Jaya Sejahtra", "pt maju jaya sejahtera")


async def file_at_once(harness, *numbers: int):
    """Tips naming the recruiter, each in its own transaction, all at the same moment (reporters pressing Send)."""
    app = harness.app
    service = IntakeService(cipher=app.cipher, pseudonymizer=app.pseudonymizer, max_per_day=10_000)

    async def one(n: int):
        draft = make_draft(f"Tip {n}: perekrut datang ke desa menawarkan kerja.", recruiter=NAMES[n % len(NAMES)])
        async with app.session_factory() as session:
            submitted = await service.submit(session, draft, pseudonym="")
            await session.commit()
            return submitted

    filed = await asyncio.gather(*(one(n) for n in numbers))
    await settle(harness)
    return filed


async def test_tip_shows_how_many_tips_name_the_recruiter_now_and_lists_them(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    staff = harness.user(ADMIN_ID, "Maria", language_code="en")
    filed = [*(await file_at_once(harness, 0)), *(await file_at_once(harness, 1, 2))]  # two at once
    reply = await staff.say(f"/tip {filed[0].case_number}")
    assert "3 tips name the same recruiter" in reply.text.split("Why this priority", 1)[1].split("\n\n", 1)[0]
    assert all(t.case_number in reply.text for t in filed[1:])

    filed += await file_at_once(harness, 3, 4)  # two more at once
    for tip in (filed[0], filed[-1]):
        reply = await staff.say(f"/tip {tip.case_number}")
        text = reply.text
        # Why this priority: the count as it stands (the history may still say what the raise said at the time).
        why = text.split("Why this priority", 1)[1].split("\n\n", 1)[0]
        assert "5 tips name the same recruiter" in why, text
        others = [t.case_number for t in filed if t is not tip]
        assert all(case in text for case in others), text
        assert "P2" in text
