"""`tipline ask "QUESTION" [--lang L] [--json]`: answer a question from the knowledge base."""

from __future__ import annotations

import argparse
import json
import re
import sys

from bot.paths import CONTENT_DIR
from bot.services.advice import AdviceIndex, load_knowledge_base

LANGUAGES = ("id", "en", "ms", "tet")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="answer a question from the knowledge base")
    parser.add_argument("question", help="the question, in Indonesian, Kupang Malay, English, Malay or Tetun")
    parser.add_argument("--lang", choices=LANGUAGES, help="answer language (default: detected from the question)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=_ask)


def _ask(args: argparse.Namespace) -> int:
    kb = load_knowledge_base(CONTENT_DIR)
    index = AdviceIndex.build(kb)
    answer = index.ask(args.question, lang=args.lang)
    if args.json:
        payload = answer.to_dict()
        json.dump(payload, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0

    if not answer.results:
        print("No matching topic. Try other words, or ask staff.")
        return 0
    if not answer.confident:
        print("(Not sure this is what you asked; see also the other topics below.)\n")
    top = answer.results[0]
    article = kb.article(top.topic, answer.lang)
    if article is not None:
        print(article.title)
        print(article.summary)
        print()
        print(re.sub(r"\*\*(.+?)\*\*", r"\1", article.body))
    for flag in answer.red_flags:
        print(f"\n! warning sign: {flag.code} (see {kb.title(flag.topic, answer.lang)} [{flag.topic}])")
    if len(answer.results) > 1:
        print("\nOther topics:")
        for result in answer.results[1:]:
            print(f"- {result.title} [{result.topic}] ({result.score:.2f})")
    return 0
