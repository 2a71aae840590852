"""Three standard journeys through the report, as transcripts, in Indonesian and Tetun: what a person does (presses
and messages typed, from the first /start to the menu after the receipt) and how many messages the bot sends.
README's table shows these figures; this test fails when they change without README.

    .venv/bin/pytest tests/e2e/test_intake_journeys.py -q -s     # prints each transcript and the table

- urgent: a neighbour's 16-year-old daughter was taken last night by a "sponsor" to Batam; the reporter is not sure
  whether she is in danger. It must take 12 actions or fewer and still give triage all it needs (P1).
- job offer: a relative was offered a job in Malaysia by a recruiter whose phone number the reporter has, with a
  screenshot of the offer.
- worry: young people of the village leave with people nobody knows; no one case, no one in danger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from bot.emulator.driver import SAMPLE_JPEG
from bot.emulator.models import BotEdit, BotMessage
from bot.emulator.transcript import TranscriptRenderer
from bot.paths import PROJECT_ROOT
from db.models.tips import Tip

STORIES = {
    "urgent": {
        "id": "Tadi malam anak perempuan tetangga saya yang umurnya 16 tahun dibawa oleh seorang sponsor ke Batam. "
        "Orang tuanya tidak tahu alamatnya.",
        "tet": "Horikalan sponsor ida lori ha'u-nia viziñu nia oan-feto, tinan 16, ba Batam. "
        "Nia inan-aman la hatene nia iha ne'ebé.",
    },
    "job offer": {
        "id": "Kakak saya ditawari kerja di restoran di Malaysia gaji 8 juta, tapi disuruh bayar 5 juta dulu untuk "
        "paspor. Fotonya saya kirim.",
        "tet": "Ema ida oferese servisu iha restorante iha Malázia ba ha'u-nia maun, saláriu tokon 8, maibé nia "
        "husu osan tokon 5 uluk ba pasaporte. Ha'u haruka foto.",
    },
    "worry": {
        "id": "Saya khawatir, banyak anak muda di kampung kami pergi kerja ke luar negeri lewat orang yang tidak "
        "jelas.",
        "tet": "Ha'u preokupa, joven barak iha ami-nia suku sai ba servisu iha rai li'ur liu husi ema ne'ebé la klaru.",
    },
}
RECRUITER = "Pak Yohanes 0812 3456 7890"

# Each journey: ("say", text) | ("press", button number) | ("photo",). Button numbers are the same in every
# language; what is typed comes from STORIES.
JOURNEYS: dict[str, list[tuple]] = {
    "urgent": [
        ("say", "/start"),
        ("press", 1),  # Report a case
        ("press", 3),  # in danger now? not sure: the emergency numbers, then the next question
        ("press", 5),  # a child is involved (so someone is under 18: not asked)
        ("press", 1),  # Timor
        ("press", 3),  # Timor Tengah Selatan
        ("press", 4),  # already left
        ("press", 1),  # where to: Batam
        ("say", "story"),
        ("press", 1),  # Done: the review
        ("press", 1),  # send anonymously: the receipt
        ("press", 2),  # keep the conversation: the menu
    ],
    "job offer": [
        ("say", "/start"),
        ("press", 1),
        ("press", 2),  # nobody in danger now
        ("press", 1),  # a fake job offer
        ("press", 1),  # Timor
        ("press", 1),  # Kota Kupang
        ("press", 3),  # leaving later
        ("press", 6),  # where to: Malaysia
        ("press", 1),  # one person
        ("press", 2),  # nobody under 18
        ("say", "recruiter"),
        ("press", 9),  # route: skip (after six transit points, Done and Back)
        ("press", 2),  # a family member
        ("say", "story"),
        ("photo",),  # the screenshot of the offer
        ("press", 1),  # Done: the review
        ("press", 1),  # send anonymously
        ("press", 2),  # keep the conversation
    ],
    "worry": [
        ("say", "/start"),
        ("press", 1),
        ("press", 2),  # nobody in danger now
        ("press", 7),  # something else
        ("press", 3),  # Sumba
        ("press", 4),  # Sumba Timur
        ("press", 5),  # when: don't know (where to is not asked: nobody is leaving)
        ("press", 4),  # how many: don't know
        ("press", 3),  # under 18: don't know
        ("press", 2),  # recruiter: skip
        ("press", 9),  # route: skip (after six transit points, Done and Back)
        ("press", 6),  # how you know: other
        ("say", "story"),
        ("press", 1),  # Done: the review
        ("press", 1),  # send anonymously
        ("press", 2),  # keep the conversation
    ],
}
README_ROW = re.compile(r"^\| (urgent|job offer|worry)\b[^|]*\| (\d+) \| (\d+) \| (\d+) \| (\d+) \|$", re.MULTILINE)


@dataclass
class Walk:
    actions: int = 0
    messages: int = 0  # new bot messages in the reporter's chat
    edits: int = 0  # bot messages changed in place (a list of regencies under the same question)
    transcript: list[str] = field(default_factory=list)


async def walk(harness, journey: str, lang: str, user_id: int) -> Walk:
    driver = harness.user(user_id, "Reporter", language_code=lang)
    renderer = TranscriptRenderer(harness.emulator, current=driver.user)
    out = Walk()
    for step in JOURNEYS[journey]:
        kind = step[0]
        if kind == "say":
            text = {"story": STORIES[journey][lang], "recruiter": RECRUITER}.get(step[1], step[1])
            out.transcript.append(f"you> {text}")
            reply = await driver.say(text)
        elif kind == "press":
            labels = driver.last_buttons()
            out.transcript.append(f"you> [{step[1]}] {labels[step[1] - 1]}")
            reply = await driver.press(step[1])
        else:
            out.transcript.append("you> [photo]")
            reply = await driver.photo(SAMPLE_JPEG)
        out.actions += 1
        mine = [e for e in reply if getattr(e, "chat_id", None) == driver.chat_id]
        out.messages += sum(1 for e in mine if isinstance(e, BotMessage))
        out.edits += sum(1 for e in mine if isinstance(e, BotEdit))
        for event in mine:
            out.transcript.extend(renderer.render(event))
    return out


def readme_figures() -> dict[str, tuple[int, int, int, int]]:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return {m.group(1): tuple(int(m.group(i)) for i in range(2, 6)) for m in README_ROW.finditer(text)}


@pytest.mark.parametrize("lang", ["id", "tet"])
async def test_the_three_standard_journeys_as_readme_counts_them(harness, lang):
    walks = {}
    for n, journey in enumerate(JOURNEYS):
        walks[journey] = await walk(harness, journey, lang, 630000 + n)
        print(f"\n== {journey} ({lang})\n" + "\n".join(walks[journey].transcript))
    print(f"\n| journey ({lang}) | actions | bot messages | edits |")
    for journey, w in walks.items():
        print(f"| {journey} | {w.actions} | {w.messages} | {w.edits} |")

    async with harness.app.session_factory() as session:
        tips = (await session.scalars(select(Tip).order_by(Tip.id))).all()
    assert len(tips) == 3, "every journey filed its report"
    urgent, offer, worry = tips
    # The short way drops no answer triage needs: the child on the move is P1, with where she was taken.
    assert walks["urgent"].actions <= 12
    assert (urgent.priority, urgent.category, urgent.minors, urgent.departure) == ("P1", "child", "yes", "already_left")
    assert (urgent.regency, urgent.destination, urgent.transit_points) == ("tts", "ID-KR", ["batam"])
    assert (offer.category, offer.destination, offer.evidence_count, offer.minors) == (
        "recruitment_fraud",
        "MY",
        1,
        "no",
    )
    assert worry.category == "other" and worry.regency == "sumba_timur"

    figures = readme_figures()
    assert set(figures) == set(JOURNEYS), "README's table of journeys"
    for journey, w in walks.items():
        _before_actions, now_actions, _before_messages, now_messages = figures[journey]
        assert (w.actions, w.messages) == (now_actions, now_messages), (journey, lang, w.actions, w.messages)
