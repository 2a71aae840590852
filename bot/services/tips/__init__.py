"""A tip's home: the record (what a tip holds and how each part is sealed) and the ledger (case numbers, the daily
limit, filing). Reports (``bot.services.intake``), advice questions passed on (``bot.services.advice.questions``)
and the staff side (``bot.services.staff``) all go through here; this package imports none of them."""

from bot.services.tips.filing import file_tip
from bot.services.tips.ledger import DailyLimitReached, Ledger, Submitted, Unnumbered
from bot.services.tips.record import (
    ANSWERS_CONTEXT,
    CONTACT_CONTEXT,
    QUESTION,
    REASONS_CONTEXT,
    TIP,
    NewTip,
    alert_payload,
    open_answers,
    open_contact,
    seal_answers,
    store_result,
    stored_reasons,
)

__all__ = [
    "ANSWERS_CONTEXT",
    "CONTACT_CONTEXT",
    "QUESTION",
    "REASONS_CONTEXT",
    "TIP",
    "DailyLimitReached",
    "Ledger",
    "NewTip",
    "Submitted",
    "Unnumbered",
    "alert_payload",
    "file_tip",
    "open_answers",
    "open_contact",
    "seal_answers",
    "store_result",
    "stored_reasons",
]
