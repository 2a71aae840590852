"""/web in the bot: a one-time link for staff in a private chat; anyone else gets what any unknown command gets."""

from __future__ import annotations

from tests.e2e.harness import STAFF_GROUP_ID
from tests.e2e.staff_steps import ADMIN_ID, register, settle
from tests.e2e.web_steps import LINK_RE, web_link


async def test_staff_get_a_one_time_link(harness):
    await register(harness, ADMIN_ID, "admin", "Maria")
    link = await web_link(harness, ADMIN_ID)
    assert link.startswith(harness.app.settings.desk_url() + "/login/")
    second = await web_link(harness, ADMIN_ID)
    assert second != link  # a fresh code every time


async def test_an_outsider_learns_nothing(harness):
    stranger = harness.user(5555, "Stranger")
    web = await stranger.say("/web")
    unknown = await stranger.say("/nosuchcommand")
    assert not LINK_RE.search(web.text)
    assert web.text == unknown.text
    assert web.buttons == unknown.buttons


async def test_not_in_a_group(harness):
    """In the staff group the bot stays quiet: no link where others can read it."""
    await register(harness, ADMIN_ID, "admin", "Maria")
    member = harness.emulator.add_user(ADMIN_ID, "Maria", language_code="id")
    harness.emulator.chats[STAFF_GROUP_ID].members[ADMIN_ID] = "member"
    before = len(harness.emulator.calls_to("sendMessage"))
    harness.emulator.send_text(member, "/web", chat_id=STAFF_GROUP_ID)
    await settle(harness)
    sent = harness.emulator.calls_to("sendMessage")[before:]
    assert not any(LINK_RE.search(str(c.params.get("text", ""))) for c in sent)
    assert not [c for c in sent if str(c.params.get("chat_id")) == str(STAFF_GROUP_ID)]
