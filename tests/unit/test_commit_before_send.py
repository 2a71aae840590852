"""What the update's unit of work commits before a Bot API request goes out (bot/telegram/updates/unit.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.telegram.updates.unit import CommitBeforeSend, current_unit

TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class FakeUnit:
    def __init__(self, *, in_transaction: bool = False) -> None:
        self.open = True
        self.answered_callback = False
        self.commits = 0
        self.session = SimpleNamespace(in_transaction=lambda: in_transaction)

    async def commit(self) -> None:
        self.commits += 1


async def _send(method, unit, refusal: str | None = None):
    sent = []

    async def make_request(_bot, request):
        sent.append((request, unit.commits))
        if refusal is not None:
            raise TelegramBadRequest(method=request, message=refusal)
        return "result"

    token = current_unit.set(unit)
    try:
        return await CommitBeforeSend()(make_request, None, method), sent
    finally:
        current_unit.reset(token)


ANSWER = AnswerCallbackQuery(callback_query_id="q1")
MESSAGE = SendMessage(chat_id=1, text="next question")


async def test_a_message_goes_out_only_after_the_commit():
    unit = FakeUnit()
    result, sent = await _send(MESSAGE, unit)
    assert result == "result" and sent == [(MESSAGE, 1)]


async def test_a_buttons_answer_goes_out_without_a_commit_when_no_transaction_is_open():
    unit = FakeUnit()
    result, sent = await _send(ANSWER, unit)
    assert result == "result" and sent == [(ANSWER, 0)] and unit.answered_callback


async def test_a_buttons_answer_waits_for_the_commit_when_a_transaction_is_open():
    # Else the transaction (and SQLite's write lock, if it wrote) would be held while waiting for Telegram.
    unit = FakeUnit(in_transaction=True)
    _result, sent = await _send(ANSWER, unit)
    assert sent == [(ANSWER, 1)] and unit.answered_callback


async def test_a_press_answered_before_is_taken_as_answered():
    # The update handled again (a second delivery, a restart before its commit): Telegram refuses a second answer.
    unit = FakeUnit()
    result, _sent = await _send(ANSWER, unit, refusal=TOO_OLD)
    assert result is True and unit.answered_callback


@pytest.mark.parametrize(
    ("method", "refusal"),
    [(ANSWER, "Bad Request: message text is empty"), (MESSAGE, TOO_OLD)],
)
async def test_other_refusals_are_errors(method, refusal):
    with pytest.raises(TelegramBadRequest):
        await _send(method, FakeUnit(), refusal=refusal)


async def test_outside_an_update_nothing_is_committed():
    unit = FakeUnit()
    unit.open = False
    _result, sent = await _send(MESSAGE, unit)
    assert sent == [(MESSAGE, 0)]
