"""deadlines.due_state: the one rule behind the tracker's deadline column and the case
window's deadlines, at its boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.deadlines import DUE_STATES, due_state

NOW = dt.datetime(2026, 11, 25, 10, 0)
SOON = dt.timedelta(hours=4)
TICK = dt.timedelta(microseconds=1)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (NOW - dt.timedelta(days=3), "overdue"),
        (NOW - TICK, "overdue"),
        (NOW, "due_soon"),  # due now is not yet overdue
        (NOW + TICK, "due_soon"),
        (NOW + SOON - TICK, "due_soon"),
        (NOW + SOON, "due_soon"),  # the window's end belongs to it
        (NOW + SOON + TICK, "on_track"),
        (NOW + dt.timedelta(days=30), "on_track"),
    ],
)
def test_open_case_by_time_left(due, expected):
    assert due_state(due, NOW, SOON) == expected
    assert due_state(due, NOW, SOON, is_open=True, met=False) == expected


def test_no_deadline_is_none_whatever_else():
    for is_open in (True, False):
        for met in (True, False):
            assert due_state(None, NOW, SOON, is_open=is_open, met=met) == "none"


@pytest.mark.parametrize("due", [NOW - dt.timedelta(days=1), NOW, NOW + dt.timedelta(days=1)])
def test_a_met_deadline_is_met_open_or_closed(due):
    assert due_state(due, NOW, SOON, met=True) == "met"
    assert due_state(due, NOW, SOON, is_open=False, met=True) == "met"


@pytest.mark.parametrize("due", [NOW - dt.timedelta(days=1), NOW, NOW + dt.timedelta(days=1)])
def test_a_closed_case_has_no_pending_deadline(due):
    assert due_state(due, NOW, SOON, is_open=False) == "none"


def test_a_zero_window_leaves_only_the_exact_moment_due_soon():
    zero = dt.timedelta(0)
    assert due_state(NOW, NOW, zero) == "due_soon"
    assert due_state(NOW + TICK, NOW, zero) == "on_track"
    assert due_state(NOW - TICK, NOW, zero) == "overdue"


def test_every_answer_is_a_listed_state():
    seen = {
        due_state(due, NOW, SOON, is_open=is_open, met=met)
        for due in (None, NOW - SOON, NOW, NOW + SOON, NOW + 2 * SOON)
        for is_open in (True, False)
        for met in (True, False)
    }
    assert seen == set(DUE_STATES)
