"""Deadlines computed by hand from SPEC §4/§5 with the default policy and the 2026 Chinese
calendar (Spring Festival: Feb 15-23 off, Sat Feb 14 and Sat Feb 28 worked; National Day:
Oct 1-7 off, Sun Sep 20 and Sat Oct 10 worked; Mid-Autumn Fri Sep 25; Labour Day May 1-5
off, Sat May 9 worked; Dragon Boat Fri Jun 19).

Columns: complaint time, registered urgency, urgent (any reason), first-callback rule
(t+1 level I/III, same_day level II, t+2 account security), escalated/VIP,
hour targets in working time only, expected first response, solution, resolution
(None: not asserted in that row).

Reading of "same working day" used here: a complaint before opening time on a working day
is due at that day's close; after closing time, on a weekend or a holiday, at the close of
the next working day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.deadlines import compute_deadlines
from desktop_app.domain.settings import SETTINGS

POLICY = {s.key: s.default for s in SETTINGS}
CAL = WorkCalendar.from_settings(POLICY)


def T(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


N, U, L = "normal", "urgent", "low"
SCENARIOS = [
    # id, time, urgency, urgent, rule, escalated, working-only, first, solution, resolution
    ("wed-morning-normal", "2026-11-25 10:00", N, False, "t+1", False, False,
     "2026-11-25 14:00", "2026-11-30 18:00", "2026-12-04 18:00"),
    ("wed-morning-urgent", "2026-11-25 10:00", U, True, "t+1", False, False,
     "2026-11-25 12:00", "2026-11-26 18:00", "2026-11-27 18:00"),
    ("wed-morning-low", "2026-11-25 10:00", L, False, "t+1", False, False,
     "2026-11-26 10:00", "2026-12-02 18:00", "2026-12-09 18:00"),
    ("level2-same-day-normal", "2026-11-25 10:00", N, False, "same_day", False, False,
     "2026-11-25 14:00", None, None),
    ("level2-same-day-low", "2026-11-25 10:00", L, False, "same_day", False, False,
     "2026-11-25 18:00", None, None),
    ("level3-account-security-low", "2026-11-25 10:00", L, False, "t+2", False, False,
     "2026-11-26 10:00", None, None),
    ("level3-escalated-normal", "2026-11-25 10:00", N, False, "t+1", True, False,
     "2026-11-25 14:00", None, None),
    ("level3-vip-low", "2026-11-25 10:00", L, False, "t+1", True, False,
     "2026-11-25 18:00", None, None),
    ("before-hours-same-day", "2026-11-25 07:30", L, False, "same_day", False, False,
     "2026-11-25 18:00", "2026-12-02 18:00", None),
    ("after-hours-same-day", "2026-11-25 19:00", L, False, "same_day", False, False,
     "2026-11-26 18:00", None, None),
    ("after-hours-normal-clock", "2026-11-25 19:00", N, False, "t+1", False, False,
     "2026-11-25 23:00", "2026-11-30 18:00", None),
    ("after-hours-normal-working", "2026-11-25 19:00", N, False, "t+1", False, True,
     "2026-11-26 13:00", None, None),
    ("friday-afternoon-clock", "2026-11-27 16:00", N, False, "t+1", False, False,
     "2026-11-27 20:00", "2026-12-02 18:00", "2026-12-08 18:00"),
    ("friday-afternoon-working", "2026-11-27 16:00", N, False, "t+1", False, True,
     "2026-11-30 11:00", "2026-12-02 18:00", "2026-12-08 18:00"),
    ("friday-late-urgent-working", "2026-11-27 17:30", U, True, "t+1", False, True,
     "2026-11-30 10:30", "2026-11-30 18:00", "2026-12-01 18:00"),
    ("friday-late-urgent-clock", "2026-11-27 17:30", U, True, "t+1", False, False,
     "2026-11-27 19:30", "2026-11-30 18:00", "2026-12-01 18:00"),
    ("saturday-normal-clock", "2026-11-28 11:00", N, False, "t+1", False, False,
     "2026-11-28 15:00", "2026-12-02 18:00", "2026-12-08 18:00"),
    ("saturday-normal-working", "2026-11-28 11:00", N, False, "t+1", False, True,
     "2026-11-30 13:00", None, None),
    ("saturday-same-day-working", "2026-11-28 11:00", N, False, "same_day", False, True,
     "2026-11-30 13:00", None, None),
    ("saturday-same-day-low", "2026-11-28 11:00", L, False, "same_day", False, False,
     "2026-11-29 11:00", "2026-12-04 18:00", "2026-12-11 18:00"),
    ("saturday-same-day-low-working", "2026-11-28 11:00", L, False, "same_day", False, True,
     "2026-11-30 18:00", None, None),
    ("day-before-national-day", "2026-09-30 15:00", N, False, "t+1", False, False,
     "2026-09-30 19:00", "2026-10-10 18:00", "2026-10-15 18:00"),
    ("day-before-national-day-working", "2026-09-30 15:00", N, False, "t+1", False, True,
     "2026-10-08 10:00", "2026-10-10 18:00", "2026-10-15 18:00"),
    ("day-before-national-day-urgent", "2026-09-30 15:00", U, True, "t+1", False, False,
     "2026-09-30 17:00", "2026-10-08 18:00", "2026-10-09 18:00"),
    ("national-day-holiday-low", "2026-10-03 10:00", L, False, "t+1", False, False,
     "2026-10-04 10:00", "2026-10-13 18:00", "2026-10-20 18:00"),
    ("national-day-holiday-low-working", "2026-10-03 10:00", L, False, "t+1", False, True,
     "2026-10-08 18:00", "2026-10-13 18:00", "2026-10-20 18:00"),
    ("national-day-same-day-working", "2026-10-01 10:00", N, False, "same_day", False, True,
     "2026-10-08 13:00", None, None),
    ("makeup-saturday-oct-normal", "2026-10-10 10:00", N, False, "same_day", False, False,
     "2026-10-10 14:00", "2026-10-14 18:00", None),
    ("makeup-saturday-oct-low", "2026-10-10 10:00", L, False, "same_day", False, False,
     "2026-10-10 18:00", None, None),
    ("makeup-saturday-feb-clock", "2026-02-14 16:00", N, False, "t+1", False, False,
     "2026-02-14 20:00", "2026-02-26 18:00", "2026-03-03 18:00"),
    ("makeup-saturday-feb-working", "2026-02-14 16:00", N, False, "t+1", False, True,
     "2026-02-24 11:00", "2026-02-26 18:00", "2026-03-03 18:00"),
    ("spring-festival-urgent-clock", "2026-02-17 10:00", U, True, "t+1", False, False,
     "2026-02-17 12:00", "2026-02-24 18:00", "2026-02-25 18:00"),
    ("spring-festival-urgent-working", "2026-02-17 10:00", U, True, "t+1", False, True,
     "2026-02-24 11:00", "2026-02-24 18:00", "2026-02-25 18:00"),
    ("friday-before-spring-festival-same-day", "2026-02-13 17:00", L, False, "same_day",
     False, False, "2026-02-13 18:00", None, None),
    ("friday-before-spring-festival-t+2", "2026-02-13 17:00", L, False, "t+2", False, False,
     "2026-02-14 17:00", None, None),
    ("friday-before-spring-festival-normal", "2026-02-13 17:00", N, False, "t+1", False, False,
     "2026-02-13 21:00", "2026-02-25 18:00", "2026-03-02 18:00"),
    ("closing-time-same-day", "2026-11-25 18:00", L, False, "same_day", False, False,
     "2026-11-26 18:00", None, None),
    ("opening-time-same-day", "2026-11-25 09:00", L, False, "same_day", False, False,
     "2026-11-25 18:00", None, None),
    ("working-hours-span-night", "2026-11-25 16:00", N, False, "t+1", False, True,
     "2026-11-26 11:00", None, None),
    ("working-hours-low-capped-by-t+1", "2026-11-25 10:00", L, False, "t+1", False, True,
     "2026-11-26 18:00", None, None),
    ("working-hours-before-opening", "2026-11-25 07:00", N, False, "t+1", False, True,
     "2026-11-25 13:00", None, None),
    ("vip-friday-evening-clock", "2026-11-27 19:00", N, False, "t+1", True, False,
     "2026-11-27 23:00", None, None),
    ("vip-friday-evening-working", "2026-11-27 19:00", N, False, "t+1", True, True,
     "2026-11-30 13:00", None, None),
    ("before-dragon-boat", "2026-06-18 15:00", N, False, "t+1", False, False,
     "2026-06-18 19:00", "2026-06-24 18:00", None),
    ("before-labour-day", "2026-04-30 10:00", N, False, "t+1", False, False,
     "2026-04-30 14:00", "2026-05-08 18:00", "2026-05-13 18:00"),
    ("batch-urgent-registered-normal", "2026-11-25 10:00", N, True, "t+1", False, False,
     "2026-11-25 12:00", "2026-11-26 18:00", "2026-11-27 18:00"),
    ("makeup-sunday-same-day", "2026-09-20 10:00", L, False, "same_day", False, False,
     "2026-09-20 18:00", None, None),
    ("before-mid-autumn-and-national-day", "2026-09-24 17:00", N, False, "t+1", False, False,
     "2026-09-24 21:00", "2026-09-30 18:00", "2026-10-12 18:00"),
    ("urgent-late-afternoon-working", "2026-11-25 17:00", U, True, "t+1", False, True,
     "2026-11-26 10:00", "2026-11-26 18:00", "2026-11-27 18:00"),
    ("holiday-low-t+2", "2026-10-05 10:00", L, False, "t+2", False, False,
     "2026-10-06 10:00", None, None),
    ("holiday-evening-working", "2026-10-07 20:00", N, False, "t+1", False, True,
     "2026-10-08 13:00", None, None),
    ("thursday-evening-before-spring-festival", "2026-02-12 18:30", N, False, "t+1", False,
     False, "2026-02-12 22:30", None, None),
]


@pytest.mark.parametrize(
    "at,urgency,urgent,rule,escalated,working_only,first,solution,resolution",
    [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_deadline_scenario(at, urgency, urgent, rule, escalated, working_only, first, solution,
                           resolution):
    policy = {**POLICY, "sla.hours_working_time_only": working_only}
    due = compute_deadlines(T(at), urgency=urgency, urgent=urgent, callback_rule=rule,
                            escalated_or_vip=escalated, policy=policy, calendar=CAL)
    assert due.first_response_due == T(first)
    if solution:
        assert due.solution_due == T(solution)
    if resolution:
        assert due.resolution_due == T(resolution)


def test_enough_scenarios():
    assert len(SCENARIOS) >= 40
