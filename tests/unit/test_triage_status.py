from __future__ import annotations

import itertools

import pytest

from bot.services.triage import Outcome, Role, Status, allowed_targets, can, check_transition
from bot.services.triage.status import TRANSITIONS, Action

S = Status

ALLOWED = [
    (S.NEW, S.IN_REVIEW),
    (S.NEW, S.CLOSED),
    (S.IN_REVIEW, S.AWAITING_REPORTER),
    (S.AWAITING_REPORTER, S.IN_REVIEW),
    (S.IN_REVIEW, S.REFERRED),
    (S.AWAITING_REPORTER, S.REFERRED),
    (S.REFERRED, S.IN_REVIEW),
    (S.IN_REVIEW, S.CLOSED),
    (S.REFERRED, S.CLOSED),
    (S.AWAITING_REPORTER, S.CLOSED),
    (S.CLOSED, S.IN_REVIEW),
]


def outcome_for(current: Status, target: Status) -> str | None:
    if target != S.CLOSED:
        return None
    return "duplicate" if current == S.NEW else "actioned"


def test_the_table_is_exactly_the_allowed_list():
    assert set(TRANSITIONS) == set(ALLOWED)


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_every_allowed_transition_for_admin(current, target):
    assert check_transition(current, target, "admin", outcome_for(current, target)) is None


@pytest.mark.parametrize(("current", "target"), [t for t in ALLOWED if t != (S.CLOSED, S.IN_REVIEW)])
def test_every_allowed_transition_for_triager(current, target):
    assert check_transition(current, target, Role.TRIAGER, outcome_for(current, target)) is None


def test_reopen_is_admin_only():
    err = check_transition("closed", "in_review", "triager")
    assert err is not None and err.code == "admin_only"
    assert check_transition("closed", "in_review", "admin") is None


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (S.NEW, S.REFERRED),
        (S.NEW, S.AWAITING_REPORTER),
        (S.CLOSED, S.NEW),
        (S.CLOSED, S.REFERRED),
        (S.IN_REVIEW, S.NEW),
        (S.REFERRED, S.AWAITING_REPORTER),
        (S.REFERRED, S.NEW),
    ],
)
def test_refused_transitions(current, target):
    err = check_transition(current, target, "admin", "actioned")
    assert err is not None and err.code == "not_allowed"


def test_everything_not_listed_is_refused():
    for current, target in itertools.product(Status, Status):
        if current == target or (current, target) in TRANSITIONS:
            continue
        err = check_transition(current, target, "admin", "actioned")
        assert err is not None and err.code == "not_allowed"


def test_same_status():
    for s in Status:
        err = check_transition(s, s, "admin")
        assert err is not None and err.code == "same_status"


@pytest.mark.parametrize("current", [S.IN_REVIEW, S.AWAITING_REPORTER, S.REFERRED])
def test_closing_needs_an_outcome(current):
    err = check_transition(current, S.CLOSED, "triager")
    assert err is not None and err.code == "outcome_required"
    err = check_transition(current, S.CLOSED, "triager", "because")
    assert err is not None and err.code == "outcome_required"
    for outcome in Outcome:
        assert check_transition(current, S.CLOSED, "triager", outcome) is None


def test_a_new_tip_is_closed_unreviewed_only_as_duplicate_or_prank():
    assert check_transition("new", "closed", "triager", "duplicate") is None
    assert check_transition("new", "closed", "triager", "false_or_prank") is None
    err = check_transition("new", "closed", "triager", "actioned")
    assert err is not None and err.code == "not_allowed"
    err = check_transition("new", "closed", "triager")
    assert err is not None and err.code == "outcome_required"


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_viewer_changes_nothing(current, target):
    err = check_transition(current, target, "viewer", outcome_for(current, target))
    assert err is not None and err.code == "not_allowed"


def test_unknown_role_or_status_is_refused():
    assert check_transition("new", "in_review", "janitor").code == "not_allowed"
    assert check_transition("new", "archived", "admin").code == "not_allowed"


def test_permissions():
    for action in Action:
        assert can("admin", action)
    assert [a for a in Action if can("viewer", a)] == [Action.VIEW]
    for action in ("view", "claim", "set_priority", "set_status", "note", "refer", "link", "close", "ask_reporter"):
        assert can(Role.TRIAGER, action)
    for action in ("assign", "reopen", "export", "audit"):
        assert not can("triager", action)
    assert not can("janitor", "view")
    assert not can("admin", "fly")


def test_allowed_targets_for_buttons():
    assert set(allowed_targets("new", "triager")) == {S.IN_REVIEW, S.CLOSED}
    assert allowed_targets("closed", "triager") == ()
    assert allowed_targets("closed", "admin") == (S.IN_REVIEW,)
    assert allowed_targets("in_review", "viewer") == ()
    assert set(allowed_targets("awaiting_reporter", "triager")) == {S.IN_REVIEW, S.REFERRED, S.CLOSED}
