"""The knowledge base as plain data: sections, topics and articles, loaded from ``content/kb``.

Loading is lenient (a broken article is skipped) so that one bad file never takes the bot down;
``check_knowledge_base`` is the strict counterpart that lists every problem.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.services.advice.examples import EXAMPLES_FILE, Example, load_examples

DEFAULT_LANG = "id"
HEADER_DELIMITER = "+++"


class KnowledgeBaseError(Exception):
    """topics.toml is missing or unreadable: there is no knowledge base to serve."""


@dataclass(frozen=True, slots=True)
class Article:
    topic: str
    lang: str
    title: str
    summary: str
    body: str
    reviewed: dt.date | None = None
    sources: tuple[str, ...] = ()
    confirm: str | None = None
    keywords: tuple[str, ...] = ()
    path: Path | None = None
    next_step: str = ""  # header `next`: the one thing to do now (shown in the short first answer)
    facts: tuple[str, ...] = ()  # header `facts`: ids in facts.toml whose figures the text states


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    titles: Mapping[str, str]
    topics: tuple[str, ...]

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get(DEFAULT_LANG) or self.id


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    section: str
    related: tuple[str, ...] = ()
    needs_confirm: bool = False


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    languages: tuple[str, ...]
    sections: tuple[Section, ...]
    topics: tuple[Topic, ...]
    articles: Mapping[tuple[str, str], Article] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()  # example questions the classifier learns from (examples.py)
    _by_id: dict[str, Topic] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.topics})

    def article(self, topic: str, lang: str | None = None) -> Article | None:
        """The article in ``lang``, else in Indonesian, else in any language that has it."""
        for candidate in (lang, DEFAULT_LANG, *self.languages):
            if candidate is not None and (topic, candidate) in self.articles:
                return self.articles[(topic, candidate)]
        return None

    def topic(self, topic_id: str) -> Topic | None:
        return self._by_id.get(topic_id)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def related(self, topic_id: str) -> tuple[str, ...]:
        topic = self.topic(topic_id)
        return tuple(r for r in topic.related if r in self._by_id) if topic else ()

    def title(self, topic_id: str, lang: str | None = None) -> str:
        article = self.article(topic_id, lang)
        return article.title if article else topic_id

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)


def kb_dir(content_dir: Path) -> Path:
    """Accept either the content directory (``content/``) or the knowledge-base directory itself."""
    content_dir = Path(content_dir)
    if (content_dir / "topics.toml").exists() or not (content_dir / "kb").is_dir():
        return content_dir
    return content_dir / "kb"


def read_topics_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{path}: file is missing") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{path}: not valid TOML: {exc}") from exc


def split_article(text: str) -> tuple[str, str]:
    """Split a file into (header TOML, body); ValueError when the ``+++`` delimiters are not where FORMAT.md says."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER_DELIMITER:
        raise ValueError(f"the file must start with a '{HEADER_DELIMITER}' line")
    for i in range(1, len(lines)):
        if lines[i].strip() == HEADER_DELIMITER:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]).strip()
    raise ValueError(f"the header has no closing '{HEADER_DELIMITER}' line")


def parse_article(path: Path, topic: str, lang: str) -> Article:
    """Parse one article file; raises ValueError (or a TOML/Unicode error) when it cannot be read at all."""
    header_text, body = split_article(path.read_text(encoding="utf-8"))
    header = tomllib.loads(header_text)
    reviewed = header.get("reviewed")
    if isinstance(reviewed, dt.datetime) or not isinstance(reviewed, dt.date):
        reviewed = None
    return Article(
        topic=topic,
        lang=lang,
        title=_text(header.get("title")),
        summary=_text(header.get("summary")),
        body=body,
        reviewed=reviewed,
        sources=_strings(header.get("sources")),
        confirm=_text(header.get("confirm")) or None,
        keywords=_strings(header.get("keywords")),
        path=path,
        next_step=_text(header.get("next")),
        facts=_strings(header.get("facts")),
    )


def load_knowledge_base(content_dir: Path) -> KnowledgeBase:
    """Read topics.toml and every article that parses; see ``check_knowledge_base`` for validation."""
    base = kb_dir(content_dir)
    data = read_topics_file(base / "topics.toml")
    languages = tuple(data.get("languages") or (DEFAULT_LANG,))
    topics = tuple(
        Topic(
            id=str(t["id"]),
            section=str(t.get("section", "")),
            related=_strings(t.get("related")),
            needs_confirm=bool(t.get("confirm", False)),
        )
        for t in data.get("topic", [])
        if isinstance(t, dict) and "id" in t
    )
    sections = tuple(
        Section(
            id=str(s["id"]),
            titles={str(k): str(v) for k, v in (s.get("title") or {}).items()},
            topics=tuple(t.id for t in topics if t.section == s["id"]),
        )
        for s in data.get("section", [])
        if isinstance(s, dict) and "id" in s
    )
    articles: dict[tuple[str, str], Article] = {}
    for topic in topics:
        for lang in languages:
            path = base / lang / f"{topic.id}.md"
            if not path.is_file():
                continue
            try:
                articles[(topic.id, lang)] = parse_article(path, topic.id, lang)
            except (ValueError, UnicodeDecodeError, OSError):
                continue  # reported by `tipline kb check`
    examples = load_examples(base / EXAMPLES_FILE)
    return KnowledgeBase(languages=languages, sections=sections, topics=topics, articles=articles, examples=examples)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())
