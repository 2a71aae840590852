"""Validation of the knowledge base (``tipline kb check``): every problem, with the file it is in.

Errors make the check fail; warnings (an old review date, a long text) are shown but do not.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.services.advice import facts as facts_table
from bot.services.advice.examples import EXAMPLES_FILE, parse_examples
from bot.services.advice.kb import KnowledgeBaseError, kb_dir, read_topics_file, split_article
from bot.services.advice.shortanswer import SHORT_LINE_CHARS, SHORT_TEXT_MAX_LINES, wrapped_lines

ERROR = "error"
WARNING = "warning"

MAX_SUMMARY_CHARS = 90
MIN_KEYWORDS = 5
MIN_BODY_CHARS = 200
# FORMAT.md says "at most about 1,200": warn a little above it, fail when it clearly no longer fits a phone screen
# or two (and, with title and footer, could approach Telegram's 4,096-character message limit).
WARN_BODY_CHARS = 1300
MAX_BODY_CHARS = 1800
MAX_REVIEW_AGE_DAYS = 365

MAX_NEXT_CHARS = 90
KNOWN_HEADER_FIELDS = {"title", "summary", "reviewed", "sources", "confirm", "keywords", "next", "facts"}
TOPIC_ID_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
HOST_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)
# Anything that tries to be a link, including broken attempts such as "http//x" or "https:/x".
LINK_LIKE_RE = re.compile(r"(?:\bhttps?:?/{0,2}|\bwww\.)\S*", re.IGNORECASE)
TRAILING_PUNCT = ".,;:!?)]}'\""


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


def is_valid_url(url: str) -> bool:
    """An absolute http(s) address with a plausible host name and no spaces."""
    if any(ch.isspace() for ch in url) or url.count("(") != url.count(")"):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    del port
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and parts.netloc != "" and bool(HOST_RE.match(host))


def check_knowledge_base(
    content_dir: Path, today: dt.date | None = None, max_age_days: int = MAX_REVIEW_AGE_DAYS
) -> list[Problem]:
    """Every problem in the knowledge base under ``content_dir`` (``content/`` or ``content/kb``)."""
    today = today or dt.date.today()
    base = kb_dir(content_dir)
    topics_path = base / "topics.toml"
    try:
        data = read_topics_file(topics_path)
    except KnowledgeBaseError as exc:
        return [Problem(topics_path, str(exc).removeprefix(f"{topics_path}: "))]

    problems: list[Problem] = []
    languages = _check_languages(data, topics_path, problems)
    topics = _check_topics_file(data, languages, topics_path, problems)
    facts_path = base / facts_table.FACTS_FILE
    facts, fact_problems = facts_table.load_facts(facts_path)
    problems.extend(Problem(facts_path, message) for message in fact_problems)
    stated: dict[str, list[tuple[Path, str]]] = {}  # fact id -> where it is stated, for the error messages
    for topic_id, needs_confirm in topics.items():
        for lang in languages:
            path = base / lang / f"{topic_id}.md"
            if not path.is_file():
                problems.append(Problem(path, f"missing: no article for topic '{topic_id}' in language '{lang}'"))
                continue
            problems.extend(_check_article(path, lang, needs_confirm, today, max_age_days))
            problems.extend(_check_facts(path, lang, facts, stated))
    problems.extend(_check_stray_files(base, languages, set(topics)))
    problems.extend(_check_examples(base / EXAMPLES_FILE, languages, set(topics)))
    return sorted(problems, key=lambda p: (str(p.path), p.severity != ERROR, p.message))


def _check_languages(data: dict[str, Any], path: Path, problems: list[Problem]) -> list[str]:
    languages = data.get("languages")
    if not isinstance(languages, list) or not languages or not all(isinstance(x, str) and x for x in languages):
        problems.append(Problem(path, "'languages' must be a non-empty list of language codes"))
        return []
    if len(set(languages)) != len(languages):
        problems.append(Problem(path, "'languages' lists a language twice"))
    return list(dict.fromkeys(languages))


def _check_topics_file(
    data: dict[str, Any], languages: list[str], path: Path, problems: list[Problem]
) -> dict[str, bool]:
    """Check sections and topics; return topic id -> whether its articles need a `confirm` line."""

    def error(message: str, severity: str = ERROR) -> None:
        problems.append(Problem(path, message, severity))

    section_ids: list[str] = []
    for i, section in enumerate(_tables(data, "section", error), start=1):
        sid = section.get("id")
        if not isinstance(sid, str) or not sid:
            error(f"section #{i} has no 'id'")
            continue
        if sid in section_ids:
            error(f"section '{sid}' is defined twice")
        section_ids.append(sid)
        titles = section.get("title")
        if not isinstance(titles, dict):
            error(f"section '{sid}' has no 'title' table")
            continue
        for lang in languages:
            if not isinstance(titles.get(lang), str) or not titles[lang].strip():
                error(f"section '{sid}' has no title in language '{lang}'")

    topics: dict[str, bool] = {}
    related_refs: list[tuple[str, Any]] = []
    for i, topic in enumerate(_tables(data, "topic", error), start=1):
        tid = topic.get("id")
        if not isinstance(tid, str) or not tid:
            error(f"topic #{i} has no 'id'")
            continue
        if not TOPIC_ID_RE.match(tid):
            error(f"topic id '{tid}' is not of the form 'group.name' (lower case letters, digits, '_')")
        if tid in topics:
            error(f"topic '{tid}' is defined twice")
        topics[tid] = topic.get("confirm") is True
        if "confirm" in topic and not isinstance(topic["confirm"], bool):
            error(f"topic '{tid}': 'confirm' must be true or false")
        section_id = topic.get("section")
        if section_id not in section_ids:
            error(f"topic '{tid}' is in unknown section {section_id!r}")
        related_refs.append((tid, topic.get("related", [])))
        for key in sorted(set(topic) - {"id", "section", "related", "confirm"}):
            error(f"topic '{tid}': unknown field '{key}'", WARNING)

    for tid, related in related_refs:
        if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
            error(f"topic '{tid}': 'related' must be a list of topic ids")
            continue
        for ref in related:
            if ref == tid:
                error(f"topic '{tid}' lists itself as related")
            elif ref not in topics:
                error(f"topic '{tid}': related topic '{ref}' does not exist")
    for sid in section_ids:
        if not any(t.get("section") == sid for t in data.get("topic", []) if isinstance(t, dict)):
            error(f"section '{sid}' has no topics", WARNING)
    return topics


def _tables(data: dict[str, Any], key: str, error: Any) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        error(f"'{key}' must be written as [[{key}]] tables")
        return []
    if not value:
        error(f"no [[{key}]] entries")
    return value


def _check_article(path: Path, lang: str, needs_confirm: bool, today: dt.date, max_age_days: int) -> list[Problem]:
    problems: list[Problem] = []

    def add(message: str, severity: str = ERROR) -> None:
        problems.append(Problem(path, message, severity))

    try:
        header_text, body = split_article(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        add("not UTF-8 text")
        return problems
    except ValueError as exc:
        add(f"header: {exc}")
        return problems
    try:
        header = tomllib.loads(header_text)
    except tomllib.TOMLDecodeError as exc:
        add(f"header is not valid TOML: {exc}")
        return problems

    for key in sorted(set(header) - KNOWN_HEADER_FIELDS):
        add(f"unknown header field '{key}'", WARNING)

    title = header.get("title")
    if not isinstance(title, str) or not title.strip():
        add("'title' is missing or empty")

    summary = header.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        add("'summary' is missing or empty")
    else:
        if len(summary.strip()) > MAX_SUMMARY_CHARS:
            add(f"'summary' is {len(summary.strip())} characters; at most {MAX_SUMMARY_CHARS}")
        if "\n" in summary.strip():
            add("'summary' must be one line")

    _check_reviewed(header.get("reviewed"), today, max_age_days, add)
    _check_sources(header.get("sources"), add)

    confirm = header.get("confirm")
    if confirm is not None and (not isinstance(confirm, str) or not confirm.strip()):
        add("'confirm' must be a sentence saying where to confirm")
    elif confirm is None and needs_confirm:
        add("'confirm' is missing: topics.toml marks this topic's rules as recent or uncertain")

    keywords = header.get("keywords")
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        add("'keywords' must be a list of words or phrases")
    else:
        if len(keywords) < MIN_KEYWORDS:
            add(f"'keywords' has {len(keywords)} entries; at least {MIN_KEYWORDS}")
        lowered = [k.strip().lower() for k in keywords]
        if len(set(lowered)) != len(lowered):
            add("'keywords' lists the same entry twice", WARNING)

    _check_short(header, add)
    _check_body(body, add)
    return problems


def _check_facts(
    path: Path, lang: str, facts: dict[str, facts_table.Fact], stated: dict[str, list[tuple[Path, str]]]
) -> list[Problem]:
    """Figures (penalties, fees, ages, phone numbers) stated otherwise than in facts.toml, so also otherwise than in
    every other article that states them."""
    try:
        header_text, body = split_article(path.read_text(encoding="utf-8"))
        header = tomllib.loads(header_text)
    except (ValueError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []  # reported by _check_article
    problems: list[Problem] = []
    text = "\n".join([body, str(header.get("summary", "")), str(header.get("next", ""))])
    for finding in facts_table.check_text(text, lang, facts):
        problems.append(
            Problem(
                path,
                f'states {", ".join(finding.fact_ids)} as {finding.found} (in: "{finding.sentence[:120]}"); '
                f"facts.toml says {finding.expected}: correct the text or the table, so that every article agrees",
            )
        )
    for phone in sorted(facts_table.unknown_phones(text, facts)):
        problems.append(Problem(path, f"phone number {phone} is not in facts.toml (add it there with its source)"))
    declared = header.get("facts", [])
    if not isinstance(declared, list) or not all(isinstance(f, str) for f in declared):
        problems.append(Problem(path, "'facts' must be a list of fact ids from facts.toml"))
        return problems
    for fact_id in declared:
        fact = facts.get(fact_id)
        if fact is None:
            problems.append(Problem(path, f"'facts' names '{fact_id}', which facts.toml does not define"))
            continue
        missing = facts_table.missing_figures(body, fact)
        if missing:
            problems.append(Problem(path, f"'facts' says the text states {fact_id}, but it does not show {missing}"))
        stated.setdefault(fact_id, []).append((path, lang))
    return problems


def _check_reviewed(reviewed: Any, today: dt.date, max_age_days: int, add: Any) -> None:
    if reviewed is None:
        add("'reviewed' is missing")
    elif isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date):
        add(f"'reviewed' must be a date written YYYY-MM-DD without quotes, not {reviewed!r}")
    elif reviewed > today:
        add(f"'reviewed' date {reviewed.isoformat()} is in the future")
    elif (today - reviewed).days > max_age_days:
        add(
            f"'reviewed' date {reviewed.isoformat()} is more than {max_age_days} days old: check the text again",
            WARNING,
        )


def _check_sources(sources: Any, add: Any) -> None:
    if not isinstance(sources, list) or not sources:
        add("'sources' is missing: list at least one web address")
        return
    urls = 0
    for entry in sources:
        if not isinstance(entry, str) or not entry.strip():
            add(f"'sources' has an empty or non-text entry: {entry!r}")
            continue
        entry = entry.strip()
        if LINK_LIKE_RE.match(entry) or "://" in entry:
            if is_valid_url(entry):
                urls += 1
            else:
                add(f"malformed link in 'sources': {entry!r}")
    if urls == 0:
        add("'sources' has no web address (http:// or https://)")


def _check_short(header: dict[str, Any], add: Any) -> None:
    """``next`` is required: with the summary it makes the short first answer, which must fit a cheap phone."""
    next_step = header.get("next")
    if not isinstance(next_step, str) or not next_step.strip():
        add("'next' is missing: one line saying what to do now (shown in the short first answer)")
        return
    if len(next_step.strip()) > MAX_NEXT_CHARS:
        add(f"'next' is {len(next_step.strip())} characters; at most {MAX_NEXT_CHARS}")
    summary = header.get("summary")
    if isinstance(summary, str):
        lines = wrapped_lines(summary) + wrapped_lines(next_step)
        if len(lines) > SHORT_TEXT_MAX_LINES:
            add(
                f"summary and next take {len(lines)} lines of {SHORT_LINE_CHARS} characters; at most "
                f"{SHORT_TEXT_MAX_LINES}, so that the short answer with a warning fits 8 lines"
            )


def _check_body(body: str, add: Any) -> None:
    length = len(body)
    if length < MIN_BODY_CHARS:
        add(f"article text is {length} characters; at least {MIN_BODY_CHARS}")
    elif length > MAX_BODY_CHARS:
        add(f"article text is {length} characters; at most about {WARN_BODY_CHARS - 100} (limit {MAX_BODY_CHARS})")
    elif length > WARN_BODY_CHARS:
        add(f"article text is {length} characters; keep it to about {WARN_BODY_CHARS - 100}", WARNING)
    if re.search(r"</?[a-zA-Z][^>]*>", body):
        add("article text contains HTML; use only **bold** and '- ' bullets")
    if re.search(r"\[[^\]]+\]\([^)]*\)", body):
        add("article text contains a Markdown link; write the address itself")
    for n, line in enumerate(body.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):
            add(f"article text line {n}: headings ('#') are not allowed")
        if stripped.startswith(("* ", "+ ", "• ")):
            add(f"article text line {n}: write bullets as '- '", WARNING)
        if stripped.count("**") % 2:
            add(f"article text line {n}: unbalanced '**' (bold must open and close on the same line)")
    for match in LINK_LIKE_RE.finditer(body):
        link = match.group(0).rstrip(TRAILING_PUNCT)
        if link.lower().startswith("www."):
            add(f"link without http:// or https:// in article text: {link!r}")
        elif not is_valid_url(link):
            add(f"malformed link in article text: {link!r}")


def _check_examples(path: Path, languages: list[str], topic_ids: set[str]) -> list[Problem]:
    """examples.jsonl (optional): every line an example in a known language, naming known topics."""
    if not path.exists():
        return []
    try:
        examples = parse_examples(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return [Problem(path, f"cannot be read: {exc}")]
    problems = []
    for n, example in enumerate(examples, start=1):
        where = f"example {n} ({example.source or example.question[:40]!r})"
        if example.lang not in languages:
            problems.append(Problem(path, f"{where}: language '{example.lang}' is not listed in topics.toml"))
        unknown = [t for t in example.topics if t not in topic_ids]
        if unknown:
            problems.append(Problem(path, f"{where}: unknown topic id(s) {', '.join(unknown)}"))
        if not example.question.strip():
            problems.append(Problem(path, f"{where}: the question is empty"))
    return problems


def _check_stray_files(base: Path, languages: list[str], topic_ids: set[str]) -> list[Problem]:
    """Article files the checker would otherwise never look at: unknown topics and unknown languages."""
    problems = []
    for path in sorted(base.glob("*/*.md")):
        lang = path.parent.name
        if lang not in languages:
            problems.append(Problem(path, f"language '{lang}' is not listed in topics.toml"))
        elif path.stem not in topic_ids:
            problems.append(Problem(path, f"unknown topic id '{path.stem}' (not in topics.toml)"))
    return problems
