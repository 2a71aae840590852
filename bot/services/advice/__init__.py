"""Knowledge base and question answering for prospective migrant workers and their families.

Framework-free: plain dataclasses in, plain dataclasses out. Build at start-up and keep::

    kb = load_knowledge_base(CONTENT_DIR)
    index = AdviceIndex.build(kb)
    answer = index.ask("beta mau pi kerja di malaysia, syarat apa sa?")
"""

from bot.services.advice.check import Problem, check_knowledge_base
from bot.services.advice.index import AdviceIndex, Answer, Result
from bot.services.advice.kb import Article, KnowledgeBase, KnowledgeBaseError, Section, Topic, load_knowledge_base
from bot.services.advice.langid import detect_language
from bot.services.advice.redflags import FLAG_TOPICS, RedFlag, detect_red_flags
from bot.services.advice.render import render_article_html, render_body_html

__all__ = [
    "FLAG_TOPICS",
    "AdviceIndex",
    "Answer",
    "Article",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Problem",
    "RedFlag",
    "Result",
    "Section",
    "Topic",
    "check_knowledge_base",
    "detect_language",
    "detect_red_flags",
    "load_knowledge_base",
    "render_article_html",
    "render_body_html",
]
