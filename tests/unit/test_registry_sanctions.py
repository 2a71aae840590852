"""Sanction notes: structured so that the bot can say them in every language; anything else is flagged."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.registry import COLUMNS, ParsedRegistry, SanctionKind, parse_registry_csv, parse_sanctions


def test_entries():
    notes = parse_sanctions("warning 2025-03-10 to 2025-06-30; suspension 2026-10-01; revocation 2025-08")
    assert not notes.unreadable
    warning, suspension, revocation = notes.entries
    assert (warning.kind, warning.start, warning.end) == (SanctionKind.WARNING, date(2025, 3, 10), date(2025, 6, 30))
    assert (suspension.kind, suspension.start, suspension.end) == (SanctionKind.SUSPENSION, date(2026, 10, 1), None)
    assert revocation.kind is SanctionKind.REVOCATION and revocation.start_month_only


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peringatan Tertulis 2025-01-02", SanctionKind.WARNING),
        ("penghentian sementara sebagian atau seluruh kegiatan usaha 2024-05-06", SanctionKind.SUSPENSION),
        ("Pencabutan Izin: 2023-07-08", SanctionKind.REVOCATION),
        ("denda administratif 2024-01-01 s.d. 2024-02-01", SanctionKind.FINE),
    ],
)
def test_the_official_lists_words_are_understood(text, kind):
    notes = parse_sanctions(text)
    assert not notes.unreadable and notes.entries[0].kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "licence revoked after complaints",
        "warning",
        "warning 2025-13-01",
        "suspension 2026-10-01 to 2026-01-01",  # ends before it starts
        "DEMO: licence revoked 2025-08-01 after fictional complaints of fee charging",
    ],
)
def test_free_text_is_unreadable_not_lost(text):
    notes = parse_sanctions(text)
    assert notes.unreadable and bool(notes)


def test_empty():
    assert not parse_sanctions(None) and not parse_sanctions("  ; ;")


@given(st.text(max_size=200))
def test_never_raises(text):
    parse_sanctions(text)


def test_import_warns_about_notes_the_bot_cannot_translate_and_about_old_rows():
    header = ",".join(COLUMNS) + ",sanctions\n"
    rows = (
        "PT Satu,S-1,active,,,,,,,,2026-11-20,warning 2025-01-01\n"
        "PT Dua,S-2,revoked,,,,,,,,2026-11-20,revoked for fee charging\n"
        "PT Tiga,S-3,active,,,,,,,,2026-09-01,\n"
    )
    parsed = parse_registry_csv(header + rows, today=date(2026, 11, 27))
    assert isinstance(parsed, ParsedRegistry)
    assert [(w.line, w.code) for w in parsed.warnings] == [(3, "sanctions_not_structured"), (4, "old_row")]
