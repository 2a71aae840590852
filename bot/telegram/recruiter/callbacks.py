"""Buttons of the recruiter journey. Only short codes and small numbers travel; company names and the user's
query stay in the (encrypted) FSM data, found again by the number of the answer they belong to."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

PREFIXES = ("rc", "ro", "rn", "rk")


class Check(CallbackData, prefix="rc"):
    """``action``: again (check another), offer (start the offer check), pick (a company of answer ``answer``,
    position ``index``), none (none of the listed companies), report (report the recruiter of answer ``answer``)."""

    action: str
    answer: int = 0
    index: int = 0


class OfferAnswer(CallbackData, prefix="ro"):
    """An answer ``option`` to offer-check question ``question`` (ids from bot.services.registry.offer_check)."""

    question: str
    option: str


class OfferNav(CallbackData, prefix="rn"):
    """``action``: back, cancel, report (report the offer of result ``result``), read (article ``topic``)."""

    action: str
    result: int = 0
    topic: str = ""


class CheckNamed(CallbackData, prefix="rk"):
    """ "Check PT ..." under an advice answer: the company name is kept under ``answer`` (memory.py)."""

    answer: int
