"""Why a tip has its priority, as each staff member reads it: every reason once, in their language (no English in
the Indonesian, Malay or Tetun view), the reporter's words escaped, places as people in NTT write them."""

from __future__ import annotations

import re

import pytest

from bot.paths import LOCALES_DIR
from bot.services.triage import TipFacts, score_tip
from bot.services.triage.escalation import escalate_for_links
from bot.services.triage.facts import UNSURE
from bot.services.triage.reasons import Reason, summary
from bot.telegram.i18n import build_i18n
from bot.telegram.staff.texts import reason_lines


def render(reasons, lang: str) -> list[str]:
    i18n = build_i18n(LOCALES_DIR, "id")
    with i18n.context(), i18n.use_locale(lang):
        return reason_lines(reasons)


TIP = TipFacts(
    narrative="Beta pung ade nona baru 16 thn, dong bawa pi Kupang. Besok pagi naik kapal dari Tenau ke Surabaya. "
    "Om Yos bilang kerja di Kamboja.",
    category="child",
    danger_now=UNSURE,
    departure="today",
    minors=True,
    regency="tts",
    recruiter="Om Yos <PT Maju & Jaya>",
    relation="family",
)
# English words that must never reach a screen in another language (the labels and old detail strings).
ENGLISH = re.compile(
    r"\b(?:port|airport|answer|category|tips name|recruiter|specific|leaving|child|danger|job in|"
    r"no placement|person|place|time|the reporter)\b"
)


def result_with_link():
    return escalate_for_links(score_tip(TIP), 3)


@pytest.mark.parametrize("lang", ["id", "ms", "tet"])
def test_no_english_in_other_languages(lang):
    text = "\n".join(render(result_with_link().reasons, lang))
    shown = re.sub(r"<i>“.*?”</i>", "", text)  # the reporter's own words may be in any language
    assert not ENGLISH.search(shown.replace("Pelabuhan Tenau", "")), shown


@pytest.mark.parametrize("lang", ["id", "en", "ms", "tet"])
def test_each_reason_once_with_places_as_people_write_them(lang):
    lines = render(result_with_link().reasons, lang)
    labels = [line.split(":")[0] for line in lines]
    assert len(labels) == len(set(labels)), lines
    text = "\n".join(lines)
    assert "Pelabuhan Tenau" in text and "Tenau port" not in text
    assert "Surabaya" in text
    assert "&lt;PT Maju &amp; Jaya&gt;" in text and "<PT" not in text  # the recruiter answer, escaped
    assert ("3 " in text) or ("3" in text)  # the linked-recruiter count


def test_indonesian_labels_read_as_the_task_force_writes():
    text = "\n".join(render(result_with_link().reasons, "id"))
    assert "anak yang sudah berangkat, sedang jauh dari rumah, atau berangkat dalam 24 jam" in text
    assert "3 laporan menyebut perekrut yang sama" in text
    assert "Hari ini atau malam ini" in text  # the departure answer, as the reporter saw it
    assert "Kamboja" in text and "Cambodia" not in text


def test_old_records_show_no_english_summaries():
    legacy = [
        Reason("departure_today", "answer: leaving today"),
        Reason("departure_today", "Besok pagi naik"),
        Reason("transit_point", "Tenau port"),
        Reason("illegal_recruitment", "job in Cambodia: no placement agreement"),
        Reason("specific_details", "place: Soe; who: reporter is family"),
        Reason("no_specifics", "no specific person, place or time"),
        Reason("linked_recruiter", "4 tips name the same recruiter"),
        Reason("illegal_recruitment", "recruiter: Om Yos"),
    ]
    text = "\n".join(render(legacy, "id"))
    assert "Besok pagi naik" in text and "Pelabuhan Tenau" in text and "Om Yos" in text
    assert "4 laporan menyebut perekrut yang sama" in text
    for english in ("answer:", "port", "job in", "place:", "who:", "no specific", "tips name"):
        assert english not in text, (english, text)
    assert len(render(legacy, "id")) == len({r.code for r in legacy})


def test_a_new_code_never_breaks_the_screen():
    assert render([summary("something_new", "x")], "id")[0].startswith("• something_new")


def test_warning_signs_of_a_question_passed_on_from_advice_are_translated():
    reasons = [Reason("advice_tourist_visa", "tourist_visa"), Reason("advice_fee", "fee")]
    text = "\n".join(render(reasons, "id"))
    assert "pertanyaan yang menyebut visa turis" in text and "tourist" not in text and "fee" not in text
