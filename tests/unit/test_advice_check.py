"""`tipline kb check`: the real knowledge base passes; a broken copy reports every problem with its file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.paths import CONTENT_DIR
from bot.services.advice import check_knowledge_base, load_knowledge_base, render_article_html
from bot.services.advice.check import ERROR, WARNING, is_valid_url

TODAY = dt.date(2026, 11, 27)

TOPICS_TOML = """
languages = ["id", "en"]

[[section]]
id = "basics"
title = { id = "Dasar", en = "Basics" }

[[topic]]
id = "basics.one"
section = "basics"
related = ["basics.two"]

[[topic]]
id = "basics.two"
section = "basics"
related = ["basics.one"]
confirm = true
"""

BODY = (
    "Umur minimal adalah **18 tahun**. Ini aturan undang-undang.\n\n"
    "- Datang ke LTSA atau Disnaker.\n- Bawa KTP dan KK.\n\n"
    "Info lebih lanjut: https://example.org/aturan. Jangan bayar calo. " + "Teks tambahan. " * 8
)


def article(
    title: str = "Berapa umur minimal?",
    reviewed: str = "2026-11-01",
    sources: str = '["https://example.org/a", "UU 18/2017 Pasal 5"]',
    confirm: str | None = '"Pastikan di LTSA."',
    keywords: str = '["umur", "usia", "batas umur", "17 tahun", "anak"]',
    body: str = BODY,
) -> str:
    lines = [
        "+++",
        f'title = "{title}"',
        'summary = "Minimal 18 tahun."',
        'next = "Tanya di LTSA."',
        f"reviewed = {reviewed}",
        f"sources = {sources}",
    ]
    if confirm is not None:
        lines.append(f"confirm = {confirm}")
    lines += [f"keywords = {keywords}", "+++", body]
    return "\n".join(lines) + "\n"


@pytest.fixture
def kb_tree(tmp_path: Path) -> Path:
    base = tmp_path / "content" / "kb"
    for lang in ("id", "en"):
        (base / lang).mkdir(parents=True)
        for topic in ("basics.one", "basics.two"):
            (base / lang / f"{topic}.md").write_text(article(), encoding="utf-8")
    (base / "topics.toml").write_text(TOPICS_TOML, encoding="utf-8")
    (base / "facts.toml").write_text(FACTS_TOML, encoding="utf-8")
    return tmp_path / "content"


FACTS_TOML = """
[[fact]]
id = "age.minimum"
what = "minimum age"
years = [18]
cues = { id = ["umur minimal"], en = ["minimum age"] }
sources = ["https://example.org/a"]

[[fact]]
id = "penalty.trafficking"
what = "trafficking"
years = [3, 15]
amounts = { IDR = [120000000, 600000000] }
cues = { id = ["perdagangan orang"], en = ["trafficking"] }
requires = { id = ["penjara"], en = ["prison"] }
sources = ["https://example.org/b"]

[[fact]]
id = "phone.kp2mi"
what = "KP2MI"
phones = ["0-800-1000"]
sources = ["https://example.org/c"]
"""


def messages(problems, severity=ERROR) -> list[str]:
    return [f"{p.path.parent.name}/{p.path.name}: {p.message}" for p in problems if p.severity == severity]


def test_the_real_knowledge_base_has_no_errors():
    problems = check_knowledge_base(CONTENT_DIR)
    errors = [str(p) for p in problems if p.severity == ERROR]
    assert errors == [], "\n".join(errors)


def test_the_real_knowledge_base_has_every_topic_in_every_language():
    kb = load_knowledge_base(CONTENT_DIR)
    assert len(kb.topics) >= 30 and set(kb.languages) == {"id", "en", "ms", "tet"}
    for topic in kb.topic_ids:
        for lang in kb.languages:
            assert (topic, lang) in kb.articles, (topic, lang)


def test_a_valid_tree_passes(kb_tree):
    assert check_knowledge_base(kb_tree, today=TODAY) == []


def test_a_broken_tree_lists_every_problem_with_its_file(kb_tree):
    base = kb_tree / "kb"
    (base / "en" / "basics.two.md").unlink()  # missing language
    (base / "id" / "basics.one.md").write_text(article(sources='["UU 18/2017"]'), encoding="utf-8")
    (base / "en" / "basics.one.md").write_text(
        article(reviewed="2027-01-01", body=BODY.replace("https://example.org/aturan", "https//example.org/x")),
        encoding="utf-8",
    )
    (base / "id" / "basics.two.md").write_text(article(confirm=None, keywords='["umur"]'), encoding="utf-8")
    (base / "topics.toml").write_text(TOPICS_TOML.replace('related = ["basics.one"]', 'related = ["basics.nope"]'))
    (base / "id" / "basics.stray.md").write_text(article(), encoding="utf-8")

    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    expected = [
        "en/basics.two.md: missing: no article for topic 'basics.two' in language 'en'",
        "id/basics.one.md: 'sources' has no web address (http:// or https://)",
        "en/basics.one.md: 'reviewed' date 2027-01-01 is in the future",
        "en/basics.one.md: malformed link in article text: 'https//example.org/x'",
        "id/basics.two.md: 'confirm' is missing: topics.toml marks this topic's rules as recent or uncertain",
        "id/basics.two.md: 'keywords' has 1 entries; at least 5",
        "kb/topics.toml: topic 'basics.two': related topic 'basics.nope' does not exist",
        "id/basics.stray.md: unknown topic id 'basics.stray' (not in topics.toml)",
    ]
    for message in expected:
        assert message in errors, f"{message!r} not in {errors}"
    assert len(errors) == len(expected), errors


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"title": ""}, "'title' is missing or empty"),
        ({"reviewed": '"2026-11-01"'}, "'reviewed' must be a date"),
        ({"reviewed": "2026-11-01T10:00:00"}, "'reviewed' must be a date"),
        ({"sources": "[]"}, "'sources' is missing"),
        ({"sources": '["https://exa mple.org"]'}, "malformed link in 'sources'"),
        ({"sources": '["http://localhost"]'}, "malformed link in 'sources'"),
        ({"body": "Pendek."}, "article text is 7 characters"),
        ({"body": BODY * 8}, "article text is"),
        ({"body": BODY + "\n<b>tebal</b>"}, "contains HTML"),
        ({"body": BODY + "\n# Judul"}, "headings"),
        ({"body": BODY + "\nini **tebal"}, "unbalanced '**'"),
        ({"body": BODY + "\nlihat [di sini](https://example.org)"}, "Markdown link"),
        ({"body": BODY + "\nbuka www.example.org"}, "link without http"),
    ],
)
def test_header_and_body_rules(kb_tree, kwargs, fragment):
    (kb_tree / "kb" / "id" / "basics.one.md").write_text(article(**kwargs), encoding="utf-8")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert any(fragment in e and e.startswith("id/basics.one.md") for e in errors), errors


def test_broken_header_is_reported_not_raised(kb_tree):
    path = kb_tree / "kb" / "id" / "basics.one.md"
    path.write_text("title = 'no delimiters'\n", encoding="utf-8")
    assert any("must start with" in e for e in messages(check_knowledge_base(kb_tree, today=TODAY)))
    path.write_text("+++\ntitle = \n+++\nbody", encoding="utf-8")
    assert any("not valid TOML" in e for e in messages(check_knowledge_base(kb_tree, today=TODAY)))
    path.write_bytes(b"+++\ntitle = '\xff'\n+++\n")
    assert any("not UTF-8" in e for e in messages(check_knowledge_base(kb_tree, today=TODAY)))
    # the loader skips what it cannot read instead of failing
    kb = load_knowledge_base(kb_tree)
    assert ("basics.one", "id") not in kb.articles and ("basics.one", "en") in kb.articles


def test_an_old_review_date_is_a_warning_only(kb_tree):
    (kb_tree / "kb" / "id" / "basics.one.md").write_text(article(reviewed="2025-06-01"), encoding="utf-8")
    problems = check_knowledge_base(kb_tree, today=TODAY)
    assert messages(problems) == []
    assert any("more than 365 days old" in w for w in messages(problems, WARNING))


def test_missing_topics_file(tmp_path):
    problems = check_knowledge_base(tmp_path)
    assert len(problems) == 1 and "missing" in problems[0].message


def test_section_titles_and_topic_fields_are_checked(kb_tree):
    toml = TOPICS_TOML.replace('title = { id = "Dasar", en = "Basics" }', 'title = { id = "Dasar" }')
    toml = toml.replace('section = "basics"\nrelated = ["basics.two"]', 'section = "nowhere"\nrelated = []')
    (kb_tree / "kb" / "topics.toml").write_text(toml, encoding="utf-8")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert "kb/topics.toml: section 'basics' has no title in language 'en'" in errors
    assert "kb/topics.toml: topic 'basics.one' is in unknown section 'nowhere'" in errors


def test_url_validation():
    assert is_valid_url("https://siskop2mi.bp2mi.go.id/profil/lembaga/list_lembaga/p3mi")
    assert is_valid_url("http://sbmi.or.id/ketentuan-pidana/")
    for bad in ("https//x.org", "ftp://x.org", "https://", "https://x", "https://x .org", "https://x.org:99999"):
        assert not is_valid_url(bad), bad


def test_cli_exit_codes(kb_tree, capsys):
    assert main(["kb", "check", "--dir", str(kb_tree)]) == 0
    (kb_tree / "kb" / "en" / "basics.two.md").unlink()
    assert main(["kb", "check", "--dir", str(kb_tree)]) == 1
    out = capsys.readouterr().out
    assert "basics.two.md: error: missing" in out


def test_cli_check_of_the_real_knowledge_base_runs_as_a_command():
    done = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "check"], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_render_article_html_escapes_and_formats():
    kb = load_knowledge_base(CONTENT_DIR)
    html = render_article_html(kb.article("eligibility.age", "id"))
    assert "<b>18 tahun</b>" in html and "• " in html and "**" not in html and "\n- " not in html


def test_render_body_rules():
    from bot.services.advice import render_body_html

    body = "Satu <script> & **tebal**\nbaris lanjut.\n\n- butir **a**\n- butir b\n\n**belum tutup"
    assert render_body_html(body) == (
        "Satu &lt;script&gt; &amp; <b>tebal</b> baris lanjut.\n\n• butir <b>a</b>\n• butir b\n\n**belum tutup"
    )


def test_kb_lookup_and_fallback():
    kb = load_knowledge_base(CONTENT_DIR)
    assert kb.article("eligibility.age", "tet").lang == "tet"
    assert kb.article("eligibility.age", "xx").lang == "id"
    assert kb.article("no.such", "id") is None
    assert kb.related("eligibility.age")[0] == "eligibility.requirements"
    assert kb.sections[0].id == "eligibility"
    assert kb.sections[0].title("en") == "Requirements & documents"
    assert kb.sections[0].topics[0] == "eligibility.age"
    assert json.dumps(kb.topic_ids)


# Facts stated differently ---------------------------------------------------------------------------------


def write_body(kb_tree: Path, lang: str, topic: str, body: str, **kwargs) -> Path:
    path = kb_tree / "kb" / lang / f"{topic}.md"
    path.write_text(article(body=body + " " + "Teks tambahan. " * 12, **kwargs), encoding="utf-8")
    return path


def test_two_articles_stating_a_penalty_differently_fail_the_check(kb_tree):
    write_body(kb_tree, "id", "basics.one", "Pelaku perdagangan orang diancam penjara 3 sampai 15 tahun.")
    write_body(kb_tree, "id", "basics.two", "Pelaku perdagangan orang diancam penjara sampai 3 tahun.")
    write_body(kb_tree, "en", "basics.two", "Trafficking carries 3 to 12 years in prison and a fine of Rp120 million.")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    wrong = [e for e in errors if "penalty.trafficking" in e]
    # the article that says "up to 3 years" agrees on its figure; the one with 12 years does not
    assert len(wrong) == 1 and wrong[0].startswith("en/basics.two.md") and "years 12" in wrong[0]
    write_body(kb_tree, "id", "basics.one", "Perdagangan orang: penjara 3 sampai 15 tahun dan denda Rp200 juta.")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert any(e.startswith("id/basics.one.md") and "IDR 200,000,000" in e for e in errors)


def test_an_age_or_phone_number_not_in_the_table_fails(kb_tree):
    write_body(kb_tree, "id", "basics.one", "Umur minimal adalah 17 tahun. Telepon 0-800-2000 untuk bantuan.")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert any("age.minimum as years 17" in e for e in errors)
    assert any("phone number 08002000 is not in facts.toml" in e for e in errors)
    write_body(kb_tree, "id", "basics.one", "Umur minimal adalah 18 tahun. Telepon 0-800-1000 untuk bantuan.")
    assert messages(check_knowledge_base(kb_tree, today=TODAY)) == []


def test_a_declared_fact_must_be_shown_and_exist(kb_tree):
    path = kb_tree / "kb" / "id" / "basics.one.md"
    text = path.read_text(encoding="utf-8").replace("+++\n", 'facts = ["penalty.trafficking", "no.such"]\n+++\n', 2)
    path.write_text(text.replace('facts = ["penalty.trafficking", "no.such"]\n+++\n', "+++\n", 1), encoding="utf-8")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert any("'no.such', which facts.toml does not define" in e for e in errors)
    assert any("states penalty.trafficking, but it does not show" in e for e in errors)


def test_a_short_answer_must_fit_a_small_screen(kb_tree):
    path = kb_tree / "kb" / "id" / "basics.one.md"
    long_next = "Pergi ke kantor LTSA di kota Kupang dan tanyakan semua syaratnya satu per satu ya."
    path.write_text(path.read_text(encoding="utf-8").replace("Tanya di LTSA.", long_next), encoding="utf-8")
    assert messages(check_knowledge_base(kb_tree, today=TODAY)) == []  # 2 + 3 lines: still fits
    path.write_text(path.read_text(encoding="utf-8").replace(long_next, long_next * 2), encoding="utf-8")
    errors = messages(check_knowledge_base(kb_tree, today=TODAY))
    assert any("'next' is" in e for e in errors) and any("lines of 40 characters" in e for e in errors)


def test_example_questions_are_checked(kb_tree):
    examples = kb_tree / "kb" / "examples.jsonl"
    rows = [
        {"question": "umur brp boleh kerja", "lang": "id", "topics": ["basics.one"], "source": "a:1"},
        {"question": "resep ayam", "lang": "en", "topics": [], "source": "a:2"},
    ]
    examples.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert check_knowledge_base(kb_tree, today=TODAY) == []
    rows += [
        {"question": "x", "lang": "xx", "topics": ["basics.one"], "source": "a:3"},
        {"question": "y", "lang": "id", "topics": ["basics.nine"], "source": "a:4"},
    ]
    examples.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    messages = [p.message for p in check_knowledge_base(kb_tree, today=TODAY)]
    assert any("example 3" in m and "'xx'" in m for m in messages), messages
    assert any("example 4" in m and "basics.nine" in m for m in messages), messages
    examples.write_text('{"question": "no lang"}\n', encoding="utf-8")
    assert any("line 1" in p.message for p in check_knowledge_base(kb_tree, today=TODAY))
