"""Destinations typed by staff are kept as the codes a reporter's answer is kept as, so the figures count a place
once whoever gave it."""

from __future__ import annotations

import pytest

from bot.paths import LOCALES_DIR
from bot.services.staff.destinations import parse_destination
from bot.telegram.i18n import build_i18n
from bot.telegram.staff.texts.labels import destination_label


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Malaysia", "MY"),
        ("kuala lumpur", "MY"),
        ("Kalbar", "ID-KB"),
        ("Pontianak", "ID-KB"),
        ("Batam", "ID-KR"),
        ("Hong Kong", "HK"),
        ("Arab Saudi", "SA"),
        ("Dubai", "AE"),
    ],
)
def test_a_typed_destination_is_kept_as_the_iso_code_reports_use(typed, code):
    assert parse_destination(typed) == code


def test_a_place_known_to_nobody_is_kept_as_a_slug_and_nothing_is_none():
    assert parse_destination("Negeri Antah Berantah") == "negeri_antah_ber"  # the column's 16 letters
    assert parse_destination("  ?! ") is None


def test_codes_from_either_side_are_shown_by_name():
    i18n = build_i18n(LOCALES_DIR, "id")
    with i18n.context(), i18n.use_locale("id"):
        _check_names()


def _check_names():
    assert destination_label("MY") == "Malaysia" == destination_label("malaysia")
    assert destination_label("ID-KB") == "Kalimantan Barat"
    assert destination_label("ID-NB") != "ID-NB"  # a province only the places know, by its own name
