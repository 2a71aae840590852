"""Splitting staff messages: every part parses as Telegram HTML on its own (checked with the emulator's parser, which
refuses what Telegram refuses), fits Telegram's limit as Telegram counts it, and together the parts show everything."""

from __future__ import annotations

from html import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.emulator.formatting import parse_text, utf16_len
from bot.telegram.staff.html import split_html, visible_length

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
user_text = st.text(alphabet=st.sampled_from(list("&<>\"' \nab😀ñ;#x1")), max_size=3000) | st.text(max_size=3000)


def shown(html: str) -> str:
    return parse_text(html, "HTML").text


def squash(text: str) -> str:
    return "".join(text.split())


@FAST
@given(user_text, st.integers(min_value=20, max_value=4000), st.sampled_from(["", "b", "i"]))
def test_parts_parse_fit_and_lose_nothing(text, limit, tag):
    html = "<b>Title</b>\n" + (f"<{tag}>{escape(text)}</{tag}>" if tag else escape(text))
    parts = split_html(html, limit)
    for part in parts:
        parsed = parse_text(part, "HTML")  # raises on a cut tag or entity
        assert utf16_len(parsed.text) <= limit
        assert visible_length(part) <= limit
    # Cuts fall on spaces and line ends, which are dropped there: compare without whitespace.
    assert squash("".join(shown(p) for p in parts)) == squash(shown(html))


def test_a_thousand_ampersands_fit_in_one_message():
    html = escape("&" * 1000)
    assert len(html) == 5000 and visible_length(html) == 1000
    assert split_html(html) == [html]


def test_cuts_prefer_line_ends_and_reopen_tags():
    html = "<i>" + "\n".join(["kata " * 30] * 5) + "</i>"
    parts = split_html(html, 200)
    assert len(parts) > 1
    assert all(p.startswith("<i>") and p.endswith("</i>") for p in parts)
    assert all(not shown(p).startswith((" ", "\n")) for p in parts)


def test_emoji_count_as_two():
    assert visible_length("😀") == 2
    parts = split_html("😀" * 10, 5)
    assert [visible_length(p) for p in parts] == [4, 4, 4, 4, 4]
