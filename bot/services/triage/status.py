"""Case status of a tip and who may do what with it.

    new -> in_review -> (awaiting_reporter) -> referred -> closed

A new tip may be closed straight away only as a duplicate or a prank; every other close needs a review first.
A closed tip is reopened (back to in_review) by an admin only. Viewers look, they never change anything.
The allowed transitions are listed one by one below: anything not listed is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Roles are stored with each staff member, so they are defined with the database's records (db imports no core).
from db.records.staff import Role


class Status(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    AWAITING_REPORTER = "awaiting_reporter"
    REFERRED = "referred"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a case ended, as the task force reports upward (RAN PP-TPPO asks for departures stopped, people rescued
    and returned, police reports and suspects identified)."""

    ACTIONED = "actioned"
    DEPARTURE_STOPPED = "departure_stopped"
    PEOPLE_RESCUED = "people_rescued"
    RETURNED_HOME = "returned_home"
    POLICE_REPORT = "police_report"
    SUSPECT_IDENTIFIED = "suspect_identified"
    REFERRED = "referred"
    INSUFFICIENT_INFORMATION = "insufficient_information"
    DUPLICATE = "duplicate"
    FALSE_OR_PRANK = "false_or_prank"


class Action(StrEnum):
    VIEW = "view"
    CLAIM = "claim"
    ASSIGN = "assign"
    SET_PRIORITY = "set_priority"
    SET_STATUS = "set_status"
    NOTE = "note"
    REFER = "refer"
    LINK = "link"
    CLOSE = "close"
    REOPEN = "reopen"
    ASK_REPORTER = "ask_reporter"
    EXPORT = "export"
    AUDIT = "audit"
    RECORD = "record"  # structured case data: victims, destination, transit points
    BULK_CLOSE = "bulk_close"  # close many duplicates or pranks at once
    HANDOVER = "handover"


@dataclass(frozen=True)
class TransitionError:
    """Why a status change is refused. ``code`` is one of "not_allowed", "admin_only", "outcome_required",
    "same_status"; ``detail`` is a sentence for logs and staff."""

    code: str
    detail: str


@dataclass(frozen=True)
class _Rule:
    admin_only: bool = False
    # None: any outcome; otherwise only these when the target is closed.
    outcomes: frozenset[Outcome] | None = None


S = Status
TRANSITIONS: dict[tuple[Status, Status], _Rule] = {
    (S.NEW, S.IN_REVIEW): _Rule(),
    (S.NEW, S.CLOSED): _Rule(outcomes=frozenset({Outcome.DUPLICATE, Outcome.FALSE_OR_PRANK})),
    (S.IN_REVIEW, S.AWAITING_REPORTER): _Rule(),
    (S.IN_REVIEW, S.REFERRED): _Rule(),
    (S.IN_REVIEW, S.CLOSED): _Rule(),
    (S.AWAITING_REPORTER, S.IN_REVIEW): _Rule(),
    # A reporter who never answers must not hold up a referral the task force can already make.
    (S.AWAITING_REPORTER, S.REFERRED): _Rule(),
    (S.AWAITING_REPORTER, S.CLOSED): _Rule(),
    (S.REFERRED, S.IN_REVIEW): _Rule(),
    (S.REFERRED, S.CLOSED): _Rule(),
    (S.CLOSED, S.IN_REVIEW): _Rule(admin_only=True),
}
del S

_ALL_ACTIONS = frozenset(Action)
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: _ALL_ACTIONS,
    # Assigning work to others, reopening, bulk closing, exports and the audit log are for admins.
    Role.TRIAGER: _ALL_ACTIONS - {Action.ASSIGN, Action.REOPEN, Action.EXPORT, Action.AUDIT, Action.BULK_CLOSE},
    Role.VIEWER: frozenset({Action.VIEW}),
}


def _enum(kind: type, value: object):
    try:
        return kind(value)
    except ValueError:
        return None


def can(role: Role | str, action: Action | str) -> bool:
    """Whether a staff role may take an action. Unknown roles and actions are refused."""
    r, a = _enum(Role, role), _enum(Action, action)
    return r is not None and a is not None and a in PERMISSIONS[r]


def check_transition(
    current: Status | str, target: Status | str, role: Role | str, outcome: Outcome | str | None = None
) -> TransitionError | None:
    """None if ``role`` may move a tip from ``current`` to ``target`` (closing needs an ``outcome``), else why not."""
    cur, tgt, r = _enum(Status, current), _enum(Status, target), _enum(Role, role)
    if cur is None or tgt is None:
        return TransitionError("not_allowed", f"unknown status {current if cur is None else target!r}")
    if cur == tgt:
        return TransitionError("same_status", f"the tip is already {cur.value}")
    if r is None or not can(r, Action.SET_STATUS):
        return TransitionError("not_allowed", f"role {role!r} may not change a tip's status")
    rule = TRANSITIONS.get((cur, tgt))
    if rule is None:
        return TransitionError("not_allowed", f"a tip cannot go from {cur.value} to {tgt.value}")
    if rule.admin_only and r != Role.ADMIN:
        return TransitionError("admin_only", f"only an admin may move a tip from {cur.value} to {tgt.value}")
    if tgt == Status.CLOSED:
        out = _enum(Outcome, outcome) if outcome is not None else None
        if out is None:
            choices = ", ".join(o.value for o in (rule.outcomes or Outcome))
            return TransitionError("outcome_required", f"closing needs an outcome: one of {choices}")
        if rule.outcomes is not None and out not in rule.outcomes:
            choices = ", ".join(sorted(o.value for o in rule.outcomes))
            return TransitionError("not_allowed", f"a {cur.value} tip can only be closed as {choices}; review it first")
    return None


def allowed_targets(current: Status | str, role: Role | str) -> tuple[Status, ...]:
    """Statuses ``role`` may move a tip to from ``current`` (closing still needs an outcome), for buttons."""
    cur = _enum(Status, current)
    if cur is None:
        return ()
    return tuple(
        tgt
        for (src, tgt), rule in TRANSITIONS.items()
        if src == cur and check_transition(cur, tgt, role, next(iter(rule.outcomes or Outcome))) is None
    )
