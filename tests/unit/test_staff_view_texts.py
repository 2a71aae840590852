"""The staff view survives any text: whatever a reporter, a staff member or a stored record holds, every message of
/tip parses as Telegram HTML (checked with the emulator's parser, which refuses what Telegram refuses) and fits
Telegram's limit as Telegram counts it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.emulator.formatting import parse_text, utf16_len
from bot.paths import LOCALES_DIR
from bot.services.staff.model import CaseView, HistoryEntry, RelatedTip, StaffMember
from bot.services.triage.reasons import Reason
from bot.services.triage.status import Role
from bot.telegram.i18n import build_i18n
from bot.telegram.staff.html import split_html
from bot.telegram.staff.texts import actions_text, case_card, story_parts, thread_parts

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NOW = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
hostile = st.text(alphabet=st.sampled_from(list("&<>\"';#/ab \n😀")), max_size=400) | st.text(max_size=400)
long_hostile = st.text(alphabet=st.sampled_from(list("&<> a\n")), min_size=0, max_size=9000)


def view(text: str, story: str) -> CaseView:
    member = StaffMember(1, Role.ADMIN, name=text[:60] or "x")
    return CaseView(
        tip_id=1,
        case_number="TPPO-2026-00001",
        kind="tip",
        status="in_review",
        priority="P1",
        category=text[:20] or None,
        regency=text[:10] or None,
        urgent=True,
        lang="id",
        created_at=NOW - timedelta(hours=2),
        deadline_at=NOW - timedelta(hours=1),
        closed_at=None,
        purged=False,
        answers={
            "danger_now": text[:10] or "unknown",
            "category_text": text,
            "place_text": text,
            "departure": text[:12] or None,
            "when_text": text,
            "people": text[:5] or None,
            "minors": "yes",
            "recruiter": text,
            "route": text,
            "relation": text[:8] or None,
            "relation_text": text,
            "story": story,
            "notes": {"where": text, text[:10] or "x": text},
            "prefill_facts": {text[:10] or "k": [text, text]},
        },
        reasons=[
            Reason("violence_in_text", text, "text", text),
            Reason("transit_point", text, "text", text, (("place", text[:10]),)),
            Reason("illegal_recruitment", "recruiter: " + text),
            Reason(text[:12] or "x", text),
            Reason("linked_recruiter", text, "summary", "", (("count", text[:4]),)),
        ],
        contact={"kind": "phone", "phone": text},
        evidence=[],
        assignee=member,
        outcome=None,
        related=[RelatedTip(2, text[:20] or "y", "P2", "new", frozenset({"phone", "manual"}))],
        history=[HistoryEntry(NOW, member, kind, {"from": text, "to": text, "count": text}, text) for kind in
                 ("note", "priority", "escalated", "rescored", "question", "link", text[:6] or "z")] * 20,
    )  # fmt: skip


def check(messages: list[str]) -> None:
    for message in messages:
        parsed = parse_text(message, "HTML")  # raises EntityParseError on anything Telegram would refuse
        assert 0 < utf16_len(parsed.text) <= 4096


@FAST
@given(hostile, long_hostile, st.sampled_from(["id", "en", "ms", "tet"]))
def test_every_message_of_a_tip_parses_and_fits(text, story, lang):
    i18n = build_i18n(LOCALES_DIR, "id")
    v = view(text, story)
    thread = [(kind, text * 10, NOW, None) for kind in ("question", "answer", "addition", "staff_answer", text[:5])]
    with i18n.context(), i18n.use_locale(lang):
        check(split_html(case_card(v, NOW)))
        check(story_parts(v))
        check(thread_parts(thread))
        check([actions_text(v, NOW)])
