"""Working calendar and deadline rules (docs/rules.md#calendar); the SLA issue extends these."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.deadlines import compute_deadlines
from desktop_app.domain.settings import SETTINGS

POLICY = {s.key: s.default for s in SETTINGS}
CAL = WorkCalendar.from_settings(POLICY)
D = dt.datetime


def test_chinese_holidays_and_makeup_days():
    assert not CAL.is_working_day(dt.date(2026, 10, 1))  # National Day
    assert CAL.is_working_day(dt.date(2026, 2, 14))  # Saturday worked for Spring Festival
    assert not CAL.is_working_day(dt.date(2026, 11, 28))  # plain Saturday
    assert CAL.add_working_days(dt.date(2026, 9, 30), 1) == dt.date(2026, 10, 8)


def test_overrides_win_over_the_library():
    cal = WorkCalendar.from_settings(
        POLICY, [(dt.date(2026, 11, 26), "holiday"), (dt.date(2026, 11, 28), "workday")]
    )
    assert not cal.is_working_day(dt.date(2026, 11, 26))
    assert cal.is_working_day(dt.date(2026, 11, 28))


def test_working_hours_skip_nights_and_weekends():
    assert CAL.add_working_hours(D(2026, 11, 27, 17, 0), 4) == D(2026, 11, 30, 12, 0)
    assert CAL.add_working_hours(D(2026, 11, 25, 7, 0), 1) == D(2026, 11, 25, 10, 0)


def deadlines(at, urgency="normal", urgent=False, rule="t+1", escalated=False, **policy):
    return compute_deadlines(
        at,
        urgency=urgency,
        urgent=urgent,
        callback_rule=rule,
        escalated_or_vip=escalated,
        policy={**POLICY, **policy},
        calendar=CAL,
    )


def test_earliest_deadline_wins():
    # Normal urgency: 4 clock hours beats T+1; same-day subtype rule beats 4 hours at 17:30.
    assert deadlines(D(2026, 11, 25, 10, 0)).first_response_due == D(2026, 11, 25, 14, 0)
    assert deadlines(D(2026, 11, 25, 17, 30), rule="same_day").first_response_due == D(
        2026, 11, 25, 18, 0
    )
    # Urgent: 2 hours by urgency beats 3 hours by level.
    assert deadlines(D(2026, 11, 25, 10, 0), "urgent", True).first_response_due == D(
        2026, 11, 25, 12, 0
    )


def test_working_day_targets_end_at_close_of_nth_working_day():
    due = deadlines(D(2026, 11, 27, 16, 0))  # a Friday
    assert due.solution_due == D(2026, 12, 2, 18, 0)  # 3 working days: Mon, Tue, Wed
    assert due.resolution_due == D(2026, 12, 8, 18, 0)  # 7 working days


def test_same_working_day_after_hours_moves_to_next_working_day():
    due = deadlines(D(2026, 11, 27, 19, 0), rule="same_day")  # Friday evening
    assert due.first_response_due == D(2026, 11, 27, 23, 0)  # 4 clock hours still earlier
    due = deadlines(
        D(2026, 11, 27, 19, 0), rule="same_day", **{"sla.hours_working_time_only": True}
    )
    assert due.first_response_due == D(2026, 11, 30, 13, 0)


def test_unofficial_year_falls_back_to_weekends_and_overrides():
    from desktop_app.domain.calendar import official_year

    assert official_year(2026) and not official_year(2099)
    cal = WorkCalendar.from_settings(POLICY, [(dt.date(2099, 10, 1), "holiday")])
    assert cal.is_working_day(dt.date(2099, 10, 2))  # a Friday: no guessed holiday
    assert not cal.is_working_day(dt.date(2099, 10, 1))  # the manager's override
    assert not cal.is_working_day(dt.date(2099, 10, 3))  # Saturday
