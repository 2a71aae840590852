"""Buttons of the advice journey. Only topic and section ids, language codes and short tokens travel in them."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class Browse(CallbackData, prefix="ab"):
    """``sections`` (the list of sections), ``section`` (its topics; ``ref`` = section id) or ``article``
    (``ref`` = topic id, ``lang`` = the language to show it in). ``new``: send a new message instead of
    replacing the one the button is on."""

    action: str
    ref: str = ""
    lang: str = ""
    new: bool = False


class Vote(CallbackData, prefix="av"):
    """Was this helpful: ``value`` "y" or "n" for the article ``topic`` in ``lang``; ``q`` the question token
    when the article answered a question (so that "No" can offer to pass the question on)."""

    topic: str
    lang: str
    value: str
    q: str = ""


class QuestionAction(CallbackData, prefix="aq"):
    """``ask`` (offer to pass the question to staff), ``send`` (confirmed), ``cancel``, ``report`` (start a
    report prefilled from the question). ``q`` is the question's token; its text stays in the encrypted
    conversation storage, never in a button."""

    action: str
    q: str
