"""Deadlines of a case as pure functions of its facts, the policy and the calendar
(docs/rules.md#deadlines).

Two rule sets apply and the earliest deadline wins:
- by urgency: first response within N clock hours (or working hours when the policy says
  so), solution agreed and resolution within N working days;
- by level (first callback, docs/rules.md#deadlines): urgent cases within N hours, escalated/VIP
  (level III by rule) and subtypes with a "same working day" rule by the close of the working day
  (the next one when the complaint came outside working time), others T+N working days.

"N working days" ends at the close of the N-th working day after the day of the complaint.

``due_state`` says how one deadline stands at a moment (overdue, due soon, on track, met):
the one rule behind the tracker's deadline column and the case window's deadlines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.calendar import WorkCalendar


@dataclass(frozen=True)
class Deadlines:
    first_response_due: dt.datetime
    solution_due: dt.datetime
    resolution_due: dt.datetime


def level_priority(level: int, urgent: bool) -> int:
    """Queue rank (processing order, docs/rules.md#processing-order): urgent above III, II, I."""
    return 4 if urgent else level


def working_days_due(calendar: WorkCalendar, start: dt.datetime, days: int) -> dt.datetime:
    return calendar.close_of(calendar.add_working_days(start.date(), days))


def same_working_day_due(calendar: WorkCalendar, start: dt.datetime) -> dt.datetime:
    day = start.date()
    if calendar.is_working_day(day) and start.time() < calendar.work_end:
        return calendar.close_of(day)
    return calendar.close_of(calendar.next_working_day(day))


def hours_due(
    calendar: WorkCalendar, start: dt.datetime, hours: float, working_time_only: bool
) -> dt.datetime:
    if working_time_only:
        return calendar.add_working_hours(start, hours)
    return start + dt.timedelta(hours=hours)


def callback_due(calendar: WorkCalendar, start: dt.datetime, rule: str) -> dt.datetime:
    """A first-callback rule: ``same_day`` or ``t+N``."""
    rule = (rule or "t+1").strip().lower()
    if rule == "same_day":
        return same_working_day_due(calendar, start)
    if rule.startswith("t+"):
        return working_days_due(calendar, start, int(rule[2:]))
    raise ValueError(f"unknown callback rule {rule!r}")


def compute_deadlines(
    complaint_time: dt.datetime,
    *,
    urgency: str,
    urgent: bool,
    callback_rule: str | None,
    escalated_or_vip: bool,
    policy: dict[str, Any],
    calendar: WorkCalendar,
) -> Deadlines:
    """The three stored deadlines of a case.

    ``urgency`` is the registered urgency (urgent/normal/low); ``urgent`` whether the case
    is urgent for any reason (staff, batch, sensitive, ...), which applies the urgent
    rules; ``callback_rule`` the subtype's first-callback rule; ``escalated_or_vip``
    applies the level-III escalated/VIP callback rule.
    """
    key = "urgent" if urgent else urgency
    working_only = bool(policy["sla.hours_working_time_only"])
    first = hours_due(
        calendar, complaint_time, float(policy[f"sla.first_response_hours.{key}"]), working_only
    )
    # By level (docs/rules.md#deadlines): the first callback is a first response as well.
    if urgent:
        level_due = hours_due(
            calendar, complaint_time, float(policy["sla.urgent_callback_hours"]), working_only
        )
    elif escalated_or_vip:
        level_due = callback_due(calendar, complaint_time, policy["sla.level3_callback"])
    else:
        level_due = callback_due(calendar, complaint_time, callback_rule or "t+1")
    first = min(first, level_due)
    solution = working_days_due(calendar, complaint_time, int(policy[f"sla.solution_days.{key}"]))
    resolution = working_days_due(
        calendar, complaint_time, int(policy[f"sla.resolution_days.{key}"])
    )
    # A solution cannot be due before the first response, nor resolution before the solution.
    solution = max(solution, first)
    resolution = max(resolution, solution)
    return Deadlines(first, solution, resolution)


def complex_case_limit(
    calendar: WorkCalendar, registered: dt.datetime, policy: dict[str, Any]
) -> dt.datetime:
    """Latest renegotiated resolution of a complex case: 15 working days by default."""
    return working_days_due(calendar, registered, int(policy["sla.complex_max_days"]))


def survey_window(
    closed_at: dt.datetime, policy: dict[str, Any]
) -> tuple[dt.datetime, dt.datetime]:
    """(opens, due) of the satisfaction survey after closure (24-48 h by default)."""
    return (
        closed_at + dt.timedelta(hours=float(policy["sla.survey_open_hours"])),
        closed_at + dt.timedelta(hours=float(policy["sla.survey_due_hours"])),
    )


def next_update_due(
    calendar: WorkCalendar,
    registered: dt.datetime,
    last_update: dt.datetime | None,
    policy: dict[str, Any],
) -> dt.datetime:
    """When the customer must next hear about progress: every 3 days after the last update
    (or registration), every 7 once the case had been open more than 15 working days at
    that update. Decided at the last update, so the stored value only moves with events."""
    since = last_update or registered
    long_open = calendar.working_days_between(registered.date(), since.date()) > int(
        policy["sla.update_weekly_after_days"]
    )
    days = int(policy["sla.update_weekly_days"] if long_open else policy["sla.update_every_days"])
    return since + dt.timedelta(days=days)


# How a deadline stands (``due_state``); the UI colours each by resources.DUE_TONES.
DUE_STATES = ("none", "met", "overdue", "due_soon", "on_track")


def due_state(
    due: dt.datetime | None,
    now: dt.datetime,
    soon: dt.timedelta,
    *,
    is_open: bool = True,
    met: bool = False,
) -> str:
    """How the deadline ``due`` stands at ``now``, one of ``DUE_STATES``:

    - ``"none"``: no deadline, or the case is closed (``is_open`` false) and the deadline
      was not met;
    - ``"met"``: what the deadline is for was done (``met``), open case or closed;
    - ``"overdue"``: ``due`` is before ``now``;
    - ``"due_soon"``: ``due`` is at most ``soon`` after ``now`` (a deadline exactly at
      ``now``, or exactly ``soon`` away, is due soon);
    - ``"on_track"``: later than that.
    """
    if due is None:
        return "none"
    if met:
        return "met"
    if not is_open:
        return "none"
    if due < now:
        return "overdue"
    if due - now <= soon:
        return "due_soon"
    return "on_track"
