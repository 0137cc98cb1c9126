"""Properties of the deadline rules over arbitrary times, policies and urgencies."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.deadlines import callback_due, compute_deadlines, working_days_due
from desktop_app.domain.settings import SETTINGS

POLICY = {s.key: s.default for s in SETTINGS}
CAL = WorkCalendar.from_settings(POLICY)

times = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2026, 12, 20)).map(
    lambda t: t.replace(second=0, microsecond=0)
)
urgencies = st.sampled_from(["urgent", "normal", "low"])
rules = st.sampled_from(["same_day", "t+1", "t+2"])


@settings(max_examples=300, deadline=None)
@given(
    at=times,
    urgency=urgencies,
    urgent=st.booleans(),
    rule=rules,
    escalated=st.booleans(),
    working_only=st.booleans(),
    hours=st.floats(min_value=0.25, max_value=72),
)
def test_deadlines_never_before_the_complaint(
    at, urgency, urgent, rule, escalated, working_only, hours
):
    policy = {
        **POLICY,
        "sla.hours_working_time_only": working_only,
        "sla.first_response_hours.normal": hours,
    }
    due = compute_deadlines(
        at,
        urgency=urgency,
        urgent=urgent,
        callback_rule=rule,
        escalated_or_vip=escalated,
        policy=policy,
        calendar=CAL,
    )
    assert at <= due.first_response_due <= due.solution_due <= due.resolution_due


@settings(max_examples=300, deadline=None)
@given(at=times, days=st.integers(min_value=0, max_value=20), rule=rules)
def test_working_day_deadlines_fall_in_working_hours_of_a_working_day(at, days, rule):
    for due in (working_days_due(CAL, at, days), callback_due(CAL, at, rule)):
        assert CAL.is_working_day(due.date())
        assert CAL.work_start < due.time() <= CAL.work_end


@settings(max_examples=300, deadline=None)
@given(at=times, days=st.integers(min_value=0, max_value=20))
def test_one_more_working_day_is_never_earlier(at, days):
    later, earlier = working_days_due(CAL, at, days + 1), working_days_due(CAL, at, days)
    # T+0 on a day off is the next working day, the same as T+1; from T+1 on it is strict.
    assert later >= earlier
    if days >= 1:
        assert later > earlier


@settings(max_examples=200, deadline=None)
@given(at=times, hours=st.floats(min_value=0.25, max_value=100))
def test_working_hours_end_inside_working_time(at, hours):
    due = CAL.add_working_hours(at, hours)
    assert due > at
    assert CAL.is_working_day(due.date())
    assert CAL.work_start < due.time() <= CAL.work_end
