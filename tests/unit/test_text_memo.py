"""What triage read in a text is kept while the report is open, and no longer: bounded in texts, characters and
time, forgotten text by text when a tip is filed."""

from __future__ import annotations

from bot.services.triage import text_memo
from bot.services.triage.text_memo import TextMemo


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def counting(clock: Clock, **limits) -> tuple[TextMemo[str], list[str]]:
    reads: list[str] = []

    def read(text: str) -> str:
        reads.append(text)
        return text.upper()

    return TextMemo(read, clock=clock, **limits), reads


def test_a_text_is_read_once_while_it_is_kept():
    memo, reads = counting(Clock())
    assert memo("dia dikurung") == memo("dia dikurung") == "DIA DIKURUNG"
    assert reads == ["dia dikurung"]
    assert "dia dikurung" in memo and len(memo) == 1


def test_a_text_is_dropped_when_it_has_been_kept_for_the_ttl_even_if_only_another_text_is_read():
    clock = Clock()
    memo, reads = counting(clock, ttl=60)
    memo("cerita lama")
    clock.now = 59
    memo("cerita lama")
    assert reads == ["cerita lama"]
    clock.now = 60
    memo("cerita lain")
    assert "cerita lama" not in memo  # the next reading of any text drops what has expired
    memo("cerita lama")
    assert reads == ["cerita lama", "cerita lain", "cerita lama"]


def test_the_oldest_texts_are_dropped_past_the_size_and_the_character_budget():
    memo, _ = counting(Clock(), size=2)
    for text in ("satu", "dua", "tiga"):
        memo(text)
    assert "satu" not in memo and "dua" in memo and "tiga" in memo
    memo, _ = counting(Clock(), budget=10)
    for text in ("12345", "67890", "abc"):
        memo(text)
    assert "12345" not in memo and "67890" in memo and "abc" in memo
    memo("x" * 11)  # longer than the budget on its own: read, and not kept
    assert len(memo) == 0


def test_forgetting_some_texts_keeps_the_others_and_a_text_read_again_counts_once():
    memo, _ = counting(Clock(), budget=12)
    memo("tidak tahu")
    memo("dikurung")
    memo.forget(["tidak tahu", "never read"])
    assert "tidak tahu" not in memo and "dikurung" in memo
    memo("tidak tahu")  # 8 + 10 characters would be over the budget had "tidak tahu" been counted twice
    assert "dikurung" not in memo and "tidak tahu" in memo
    memo.forget()
    assert len(memo) == 0


def test_forget_texts_forgets_every_reading_of_the_texts(monkeypatch):
    clock = Clock()
    first, _ = counting(clock)
    second, _ = counting(clock)
    monkeypatch.setattr(text_memo, "_MEMOS", [first, second])
    for memo in (first, second):
        memo("adik saya dibawa")
        memo("lewat Tenau")
    text_memo.forget_texts(["adik saya dibawa"])
    assert all("adik saya dibawa" not in memo and "lewat Tenau" in memo for memo in (first, second))
    text_memo.forget_texts()
    assert len(first) == len(second) == 0


def test_the_triage_readings_are_all_forgotten_by_forget_texts():
    from bot.services.triage import signals, tense

    assert {id(m) for m in text_memo._MEMOS} >= {id(signals.find_signals), id(signals.places_in), id(tense.text_of)}
