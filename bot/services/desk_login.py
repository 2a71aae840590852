"""Signing in to the web desk without a password: the bot hands a staff member a one-time code (``/web``), the
browser trades it for a session.

- A code is random (``secrets.token_urlsafe``), valid ``CODE_MINUTES`` minutes and used at most once; only its
  SHA-256 is stored, and it is consumed by one conditional UPDATE (two tabs racing with one link: one wins).
- A session token is random too and stored as a hash; it ends at logout, after ``idle`` without a request, or
  ``absolute`` after sign-in, whichever comes first.
- The staff member is read afresh on every request (``staff_repo.get_active``): someone removed or demoted loses
  access, or the right to act, at the next request.
- The CSRF token of a session is an HMAC of its token under the pepper-derived key: nothing more to store, and it
  cannot be computed without the session cookie.

Sign-ins, refused codes and logouts go to the audit log (without the code or the token). Nothing here commits.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.clock import Clock
from bot.services.staff.model import StaffMember
from db.repositories import audit as audit_repo
from db.repositories import staff as staff_repo
from db.repositories import web as web_repo

CODE_MINUTES = 5


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class DeskSession:
    """A live session: who, and the CSRF token its forms carry."""

    member: StaffMember
    csrf: str


class DeskLogins:
    def __init__(
        self,
        *,
        clock: Clock,
        csrf_key: bytes,
        idle: timedelta = timedelta(minutes=30),
        absolute: timedelta = timedelta(hours=12),
    ) -> None:
        self._clock = clock
        self._csrf_key = csrf_key
        self.idle = idle
        self.absolute = absolute

    async def issue_code(self, session: AsyncSession, member: StaffMember) -> str:
        """A fresh one-time code for an active staff member (the caller checked they are)."""
        code = secrets.token_urlsafe(24)
        now = self._clock()
        web_repo.add_code(session, _digest(code), member.telegram_id, now, now + timedelta(minutes=CODE_MINUTES))
        audit_repo.append(session, action="web_code", now=now, staff_id=member.telegram_id)
        await session.flush()
        return code

    async def redeem(self, session: AsyncSession, code: str) -> str | None:
        """A new session token for a valid, unused code of a still-active staff member; None otherwise."""
        now = self._clock()
        staff_id = await web_repo.consume_code(session, _digest(code), now) if code else None
        member = await staff_repo.get_active(session, staff_id) if staff_id is not None else None
        if member is None:
            audit_repo.append(session, action="web_login", now=now, staff_id=staff_id, result="refused")
            await session.flush()
            return None
        token = secrets.token_urlsafe(32)
        web_repo.add_session(session, _digest(token), member.telegram_id, now, now + self.absolute)
        audit_repo.append(session, action="web_login", now=now, staff_id=member.telegram_id)
        await session.flush()
        return token

    async def current(self, session: AsyncSession, token: str | None) -> DeskSession | None:
        """The session of this cookie if it is live and its staff member still active; it counts as activity."""
        if not token:
            return None
        now = self._clock()
        row = await web_repo.live_session(session, _digest(token))
        if row is None:
            return None
        if now >= row.expires_at or now - row.last_seen_at >= self.idle:
            row.ended_at = now
            await session.flush()
            return None
        member = await staff_repo.get_active(session, row.staff_id)
        if member is None:
            row.ended_at = now
            await session.flush()
            return None
        row.last_seen_at = now
        await session.flush()
        return DeskSession(member, self.csrf_token(token))

    async def end(self, session: AsyncSession, token: str, member: StaffMember | None) -> None:
        now = self._clock()
        await web_repo.end_session(session, _digest(token), now)
        if member is not None:
            audit_repo.append(session, action="web_logout", now=now, staff_id=member.telegram_id)
        await session.flush()

    def csrf_token(self, token: str) -> str:
        return hmac.new(self._csrf_key, b"csrf:" + token.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, token: str | None, sent: str | None) -> bool:
        if not token or not sent:
            return False
        return hmac.compare_digest(self.csrf_token(token), sent)
