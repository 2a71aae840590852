"""One unit of work per update: one database session and one transaction for the duplicate check, the conversation
state and the handler's own changes.

The rule that keeps a crash from mixing up a conversation: **changes are committed before the bot speaks.** Every
Bot API request a handler makes goes through ``CommitBeforeSend``, which commits the update's pending changes first
(a button's answer only when a transaction is open: see there). So a person never sees the next question while
their answer is still uncommitted, and a database connection is never held while waiting for Telegram. The first
commit also records the update as handled (clearing its stored copy), atomically with the changes; if the update
was handled before, that commit fails with ``DuplicateUpdate`` before anything was said or stored (but a button's
answer, which Telegram refuses on a second delivery).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from sqlalchemy import CursorResult, event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from db import direct
from db.direct import Writer
from db.repositories import updates as update_records

if TYPE_CHECKING:
    from bot.telegram.updates.conversation import Conversation, ConversationStore

log = logging.getLogger(__name__)

current_unit: ContextVar[UnitOfWork | None] = ContextVar("tipline_unit_of_work", default=None)


class DuplicateUpdate(Exception):
    """This update was handled before (Telegram delivered it twice): nothing of this run is kept."""


class UnitOfWork:
    def __init__(
        self,
        session: AsyncSession,
        conversations: ConversationStore,
        *,
        bot_id: int,
        update_id: int,
        from_inbox: bool,
        clock: Callable[[], datetime],
        writer: Writer | None = None,
    ) -> None:
        self.session = session
        self._writer = writer
        self._conversations = conversations
        self._bot_id = bot_id
        self._update_id = update_id
        self._from_inbox = from_inbox
        self._clock = clock
        self._loaded: dict[str, Conversation] = {}
        self._writes: list[tuple[Any, dict[str, Any]]] = []  # write_at_commit
        self._on_results: dict[int, Callable[[Any], None]] = {}  # index in _writes: what its result is given to
        self._row_keys: dict[StorageKey, str] = {}
        self.recorded = False  # the update is recorded as handled in a committed transaction
        self.open = True
        self.answered_callback = False  # the button press was answered (the error path must not answer it twice)
        self._dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
        if not isinstance(session.sync_session, UnitSession):
            raise TypeError("a unit of work needs a session of class UnitSession (see make_session_factory)")
        session.sync_session.info[_UNIT] = self
        if writer is not None:
            direct.attach(session, writer)  # services' reads outside a transaction go through it too

    # ---- conversation state ------------------------------------------------------------------------------
    async def conversation(self, key: StorageKey) -> Conversation:
        row_key = self._row_keys.get(key)
        if row_key is None:
            row_key = self._row_keys[key] = self._conversations.row_key(key)
        loaded = self._loaded.get(row_key)
        if loaded is None:
            loaded = self._loaded[row_key] = await self._conversations.load(self.session, row_key)
        return loaded

    # ---- committing --------------------------------------------------------------------------------------
    @property
    def needs_commit(self) -> bool:
        return (
            not self.recorded
            or bool(self._writes)
            or self.session.in_transaction()
            or any(conversation.dirty for conversation in self._loaded.values())
        )

    async def commit(self) -> None:
        """Commit what is pending (a no-op when nothing is). Raises ``DuplicateUpdate`` on a second delivery."""
        if not (self.open and self.needs_commit):
            return
        if self._writer is not None and not self.session.in_transaction() and not self._on_results:
            # Only this unit's own statements are pending (the handler has not used the session since the last
            # commit): they go straight to the database (db.direct), not through the session.
            await self._commit_directly(self._writer)
            return
        await self.session.commit()

    async def read_one(self, statement: Any, values: dict[str, Any]) -> tuple[Any, ...] | None:
        """The first row of a Core SELECT: straight from the database when the session holds no transaction (so
        the update's next commit still goes through ``db.direct``), else through the session (``direct.read_one``)."""
        return await direct.read_one(self.session, statement, values)

    def write_at_commit(
        self, statement: Any, values: dict[str, Any], *, on_result: Callable[[Any], None] | None = None
    ) -> None:
        """Write a Core ``statement`` (an UPDATE or INSERT on a table, compiled once: no expanding parameters) with
        the unit's next commit, after its own statements. For a small change after the update's last commit (a
        message delivered): it then needs no transaction of its own, and goes straight to the database with the
        conversation (``db.direct``). ``on_result`` is given the statement's result, inside the commit (read it
        there); what it read counts only once the commit has returned. For the very last statement before a
        commit: a case number from the counter every filing waits on (``Ledger.file_numbered_at_commit``)."""
        if on_result is not None:
            self._on_results[len(self._writes)] = on_result
        self._writes.append((statement, values))

    def _own_statements(self) -> list[tuple[Any, dict[str, Any]]]:
        """What this unit itself writes at a commit: first its record as handled (until it is recorded; it changes
        no row when the update was handled before), then each conversation it changed, then ``write_at_commit``'s
        statements."""
        now = self._clock()
        statements: list[tuple[Any, dict[str, Any]]] = []
        if not self.recorded:
            statement = update_records.handled(self._dialect, from_inbox=self._from_inbox)
            statements.append((statement, {"b": self._bot_id, "u": self._update_id, "now": now}))
        for row_key, conversation in self._loaded.items():
            if conversation.dirty:
                statements.append(self._conversations.statement(self._dialect, row_key, conversation, now))
        statements.extend(self._writes)
        return statements

    async def _commit_directly(self, writer: Writer) -> None:
        try:
            written = await writer.write(self._own_statements(), first_must_change=not self.recorded)
        except BaseException:
            self._after_rollback(None)
            raise
        if not written:
            self._after_rollback(None)
            raise DuplicateUpdate
        self._after_commit(None)

    def _before_commit(self, session: Session) -> None:
        # Runs inside every commit of this session, including ones a service makes itself. Core statements on
        # tables, run on the transaction's connection past the ORM's execute (whose per-call work cost more than
        # the statements themselves, on every update).
        connection = session.connection()
        statements = self._own_statements()
        first_write = len(statements) - len(self._writes)
        for i, (statement, values) in enumerate(statements):
            result = cast("CursorResult[Any]", connection.execute(statement, values))  # UPDATE/INSERT/DELETE
            if i == 0 and not self.recorded and result.rowcount == 0:
                raise DuplicateUpdate
            on_result = self._on_results.get(i - first_write)
            if on_result is not None:
                on_result(result)

    def _after_commit(self, _session: Session | None) -> None:
        self.recorded = True
        self._writes.clear()
        self._on_results.clear()
        for row_key, conversation in self._loaded.items():
            if conversation.dirty:
                conversation.dirty = False
                self._conversations.remember(row_key, conversation)

    def _after_rollback(self, _session: Session | None) -> None:
        # What this update changed in memory was not stored: read it again if the update goes on.
        self._writes.clear()
        self._on_results.clear()
        for row_key in self._loaded:
            self._conversations.forget(row_key)
        self._loaded.clear()

    async def close(self) -> None:
        self.open = False
        self.session.sync_session.info.pop(_UNIT, None)


_UNIT = "tipline.unit_of_work"


class UnitSession(Session):
    """The session class of the application's session factory: its commits carry the update's unit of work, when
    the session belongs to one (listening once per class is much cheaper than once per session)."""


@event.listens_for(UnitSession, "before_commit")
def _before_commit(session: Session) -> None:
    unit = session.info.get(_UNIT)
    if unit is not None:
        unit._before_commit(session)


@event.listens_for(UnitSession, "after_commit")
def _after_commit(session: Session) -> None:
    unit = session.info.get(_UNIT)
    if unit is not None:
        unit._after_commit(session)


@event.listens_for(UnitSession, "after_rollback")
def _after_rollback(session: Session) -> None:
    unit = session.info.get(_UNIT)
    if unit is not None:
        unit._after_rollback(session)


class CommitBeforeSend(BaseRequestMiddleware):
    """Commits the current update's pending changes before any Bot API request (see the module's docstring).

    Answering a button press (its spinner stopped, or a short notice on the button) shows nothing of what the update
    changes, so unless a transaction is open (a connection would be held while waiting for Telegram) it goes out
    without a commit: most presses answer first and ask the next question after, and a commit of its own before the
    answer cost each a second commit. If the update is handled again (a second delivery, or a restart before its
    commit), the press was answered already and Telegram refuses a second answer as too old: that answer is taken
    as given, and the update goes on (a second delivery then ends at its first commit, before anything else is
    said)."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        unit = current_unit.get()
        if unit is None or not unit.open:
            return await make_request(bot, method)
        answering_a_press = isinstance(method, AnswerCallbackQuery)
        if not answering_a_press or unit.session.in_transaction():
            await unit.commit()
            if not answering_a_press:
                return await make_request(bot, method)
        unit.answered_callback = True
        try:
            return await make_request(bot, method)
        except TelegramBadRequest as exc:
            if not _ANSWERED_BEFORE.search(exc.message):
                raise
            log.info("a button press was answered before; its update goes on")
            return True  # type: ignore[return-value]  # what answerCallbackQuery returns (the chain passes results)


# Telegram's refusal of a callback query answered before (or after its time): "query is too old and response
# timeout expired or query ID is invalid".
_ANSWERED_BEFORE = re.compile(r"query is too old|query ID is invalid")
