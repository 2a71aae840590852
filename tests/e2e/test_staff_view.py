"""/tip survives any text and any failure: everything the reporter wrote is shown escaped and whole, split within
Telegram's limit on safe boundaries, and when Telegram fails part-way staff see a plain notice and can show the
whole tip again, never half a tip that looks whole. (The emulator refuses what Telegram refuses: a cut entity is
"can't parse entities", a long message is "message is too long"; any refused call fails the test.)"""

from __future__ import annotations

import re

from bot.emulator.driver import SAMPLE_JPEG
from bot.services.intake.draft import EvidenceRef
from tests.e2e.staff_steps import ADMIN_ID, file_tips, make_draft, register

TITLE = "📝 The reporter's account"


def story_from(messages: list[dict]) -> str:
    """The reporter's account as staff read it, parts joined in order (headings removed)."""
    parts = [m.get("text", "") for m in messages if m.get("text", "").startswith(TITLE)]
    bodies = [re.sub(r"^📝 The reporter's account(?: \(\d+/\d+\))?\n", "", p) for p in parts]
    return "".join(bodies)


async def open_tip(harness, case: str):
    await register(harness, ADMIN_ID, "admin", "Maria")
    staff = harness.user(ADMIN_ID, "Maria", language_code="en")
    return staff, await staff.say(f"/tip {case}")


async def test_a_thousand_character_story_of_html_special_characters_shows_whole(harness):
    story = ("&<>" * 334)[:1000]
    [filed] = await file_tips(harness, make_draft(story, recruiter="&<b>" * 100, route="<>&" * 200))
    _staff, reply = await open_tip(harness, filed.case_number)
    assert story_from(reply.messages) == story  # one message: 1,000 characters as Telegram counts them
    shown = reply.text
    assert "&<b>" * 100 in shown and "<>&" * 200 in shown  # the answers too, literally
    assert "Claim" in " ".join(reply.buttons)  # the panel came last: nothing stopped half-way
    refused = [c for c in harness.emulator.calls if c.ok is False]
    assert refused == [], [(c.method, c.error) for c in refused]


async def test_a_very_long_story_arrives_in_numbered_parts_that_together_are_whole(harness):
    words = [f"kata{i} &amp; <{i}> beta pung ade" for i in range(600)]
    story = " ".join(words) + "\n" + "&" * 5000  # a long text, then one enormous "word"
    [filed] = await file_tips(harness, make_draft(story))
    _staff, reply = await open_tip(harness, filed.case_number)
    parts = [m.get("text", "") for m in reply.messages if m.get("text", "").startswith(TITLE)]
    assert len(parts) > 2
    assert all(f"({i}/{len(parts)})" in p for i, p in enumerate(parts, 1))
    assert all(len(p) <= 4096 for p in parts)
    shown = story_from(reply.messages)
    assert "".join(shown.split()) == "".join(story.split())  # cuts fall on spaces and line ends
    assert "Claim" in " ".join(reply.buttons)


async def test_a_part_telegram_refuses_shows_a_notice_and_the_whole_tip_comes_back_on_show_again(harness):
    ref = harness.app.evidence_store.save(SAMPLE_JPEG)
    draft = make_draft("Ada calo di Tenau, ini fotonya")
    draft.evidence = [EvidenceRef(ref, "photo", "image/jpeg", len(SAMPLE_JPEG))]
    [filed] = await file_tips(harness, draft)
    faults = harness.emulator.faults
    faults.add(method="sendPhoto", kind="500", chat_id=ADMIN_ID, times=10)  # more than any retry would try

    staff, reply = await open_tip(harness, filed.case_number)
    texts = [m.get("text", "") for m in reply.messages]
    assert any(filed.case_number in t and "not shown completely" in t for t in texts), texts
    assert "Show again" in " ".join(reply.buttons)
    assert "Claim" not in " ".join(reply.buttons)  # no panel pretending the tip was shown
    assert not any("photo" in m for m in reply.messages)

    faults.clear()
    reply = await staff.press("Show again")
    assert any("photo" in m for m in reply.messages)
    assert "Claim" in " ".join(reply.buttons)
    assert not any("not shown completely" in m.get("text", "") for m in reply.messages)
