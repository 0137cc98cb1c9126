"""Managers see the year with holidays and makeup days and set their own overrides."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import AuditLog, Complaint
from desktop_app.services import calendar, sla
from desktop_app.services.errors import PermissionDenied
from tests.helpers.cases import make_case


def test_year_view_marks_holidays_and_makeup_days(manager_session):
    view = calendar.year_view(manager_session, 2026)
    by_day = {d.day: d for d in view.days}
    assert view.official and len(view.days) == 365
    assert (by_day[dt.date(2026, 10, 1)].mark, by_day[dt.date(2026, 10, 1)].working) == (
        "holiday",
        False,
    )
    assert by_day[dt.date(2026, 10, 1)].note == "国庆节"  # the session's language, Chinese
    assert (by_day[dt.date(2026, 10, 10)].mark, by_day[dt.date(2026, 10, 10)].working) == (
        "makeup",
        True,
    )
    assert by_day[dt.date(2026, 11, 28)].mark == "weekend"
    assert by_day[dt.date(2026, 11, 25)].working
    # 2027 is weeks away and unofficial: managers are warned.
    assert any("2027" in w for w in view.warnings)
    assert not calendar.year_view(manager_session, 2027).official


def test_override_changes_deadlines_after_recompute(manager_session, clerk_session, clock):
    case = make_case(at=clock.now(), owner="clerk1")  # solution due Mon 30 Nov (3 days)
    assert case.solution_due == dt.datetime(2026, 11, 30, 18, 0)
    calendar.set_override(manager_session, dt.date(2026, 11, 27), "holiday", "公司年会")
    day = {d.day: d for d in calendar.year_view(manager_session, 2026).days}[dt.date(2026, 11, 27)]
    assert (day.mark, day.working, day.note) == ("override_holiday", False, "公司年会")
    assert sla.recompute_open_deadlines(manager_session) == 1
    assert Complaint.get_by_id(case.id).solution_due == dt.datetime(2026, 12, 1, 18, 0)
    assert calendar.remove_override(manager_session, dt.date(2026, 11, 27))
    assert AuditLog.select().where(AuditLog.action.startswith("calendar_override")).count() == 2


def test_clerks_cannot_change_the_calendar(clerk_session):
    with pytest.raises(PermissionDenied):
        calendar.set_override(clerk_session, dt.date(2026, 12, 24), "holiday")
    assert calendar.year_view(clerk_session, 2026).warnings == ()
