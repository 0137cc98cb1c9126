"""The seed definitions of the KPI report (docs/rules.md#kpis, issue 15 items 4 and 7): the
on-time rate over the cases due, the survey coverage and window, and the per-person figures
(``by_owner``, ``by_subject_staff``), worked out by hand over a small fixture, on SQLite and
(with ``DESKTOP_APP_TEST_POSTGRES``) on PostgreSQL through the ``db`` fixture.

The clock stands at Wed 2026-11-25 10:00; the period is November 2026. Every case's
complaint time is its registration time; every first response was given an hour after
registration, within its four hours.

| case | owner (dept) | registered | resolution due | closed | survey after closing |
| --- | --- | --- | --- | --- | --- |
| P1 | clerk1 (cs) | 11-02 09:00 | 11-05 09:00 | 11-04 09:00 resolved | 48:00:00, overall 5 |
| P2 | clerk1 (cs) | 11-03 09:00 | 11-06 09:00 | 11-06 09:00 unresolved | 48:00:01, overall 3 |
| P3 | clerk1 (cs) | 11-10 09:00 | 11-13 09:00 | 11-14 09:00 resolved | 23:59:59, overall 4 |
| P4 | clerk1 (cs) | 11-20 09:00 | 11-24 09:00 | open, overdue | |
| P5 | clerk1 (cs) | 11-24 09:00 | 11-28 09:00 | open | |
| P6 | clerk2 (tech) | 11-05 09:00 | 11-08 09:00 | 11-07 21:00 resolved | none |
| P7 | clerk2 (tech) | 11-12 09:00 | 11-25 10:00 (= now) | open | |
| Q1 | clerk2 (tech) | 10-28 09:00 | 10-31 09:00 | 11-02 09:00 resolved | 25:00:00, overall 5 |

Staff complained about: P1 (staff attitude) and P3 (staff efficiency) name clerk2's account;
P6 (staff efficiency) and P7 (staff attitude) the free-text name 赵师傅 (no account); Q1
(October) clerk2 again.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import Complaint, Survey, User
from desktop_app.services import kpi, settings
from desktop_app.services.errors import PermissionDenied
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

D = dt.datetime
H = dt.timedelta(hours=1)
NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)

# label, owner, department, subtype, registered, resolution due, closed, outcome,
# survey (time after closing, overall) or None, staff (user name, free-text name)
CASES = [
    (
        "P1",
        "clerk1",
        "customer_service",
        "staff_attitude",
        D(2026, 11, 2, 9),
        D(2026, 11, 5, 9),
        D(2026, 11, 4, 9),
        "resolved",
        (48 * H, 5),
        ("clerk2", None),
    ),
    (
        "P2",
        "clerk1",
        "customer_service",
        "functional_defect",
        D(2026, 11, 3, 9),
        D(2026, 11, 6, 9),
        D(2026, 11, 6, 9),  # exactly at the deadline: on time
        "unresolved",
        (48 * H + dt.timedelta(seconds=1), 3),
        (None, None),
    ),
    (
        "P3",
        "clerk1",
        "customer_service",
        "staff_efficiency",
        D(2026, 11, 10, 9),
        D(2026, 11, 13, 9),
        D(2026, 11, 14, 9),
        "resolved",
        (24 * H - dt.timedelta(seconds=1), 4),
        ("clerk2", None),
    ),
    (
        "P4",
        "clerk1",
        "customer_service",
        "functional_defect",
        D(2026, 11, 20, 9),
        D(2026, 11, 24, 9),
        None,
        None,
        None,
        (None, None),
    ),
    (
        "P5",
        "clerk1",
        "customer_service",
        "functional_defect",
        D(2026, 11, 24, 9),
        D(2026, 11, 28, 9),
        None,
        None,
        None,
        (None, None),
    ),
    (
        "P6",
        "clerk2",
        "tech",
        "staff_efficiency",
        D(2026, 11, 5, 9),
        D(2026, 11, 8, 9),
        D(2026, 11, 7, 21),
        "resolved",
        None,
        (None, "赵师傅"),
    ),
    (
        "P7",
        "clerk2",
        "tech",
        "staff_attitude",
        D(2026, 11, 12, 9),
        D(2026, 11, 25, 10),  # due this very second: not yet past
        None,
        None,
        None,
        (None, " 赵师傅 "),
    ),
    (
        "Q1",
        "clerk2",
        "tech",
        "staff_attitude",
        D(2026, 10, 28, 9),
        D(2026, 10, 31, 9),
        D(2026, 11, 2, 9),
        "resolved",
        (25 * H, 5),
        ("clerk2", None),
    ),
]


@pytest.fixture
def people(system_session, manager_session, supervisor_session, clerk_session):
    make_user(system_session, "clerk2", "clerk", departments=("tech",))
    surveyor = User.get(username="clerk1")
    for label, owner, dept, subtype, at, due, closed, outcome, survey, staff in CASES:
        case = make_case(at=at, owner=owner, subtype=subtype, department=dept)
        staff_user, staff_name = staff
        Complaint.update(
            number=f"TS-{label}",
            first_response_due=at + 4 * H,
            first_response_at=at + H,
            resolution_due=due,
            closed_at=closed,
            outcome=outcome,
            is_open=closed is None,
            stage="closed" if closed else "investigating",
            # Open cases are overdue when their deadline has passed (P4 only).
            next_due=None if closed else due,
            subject_staff=User.get(username=staff_user) if staff_user else None,
            subject_staff_name=staff_name,
        ).where(Complaint.id == case.id).execute()
        if survey is not None:
            after, overall = survey
            Survey.create(
                complaint=case.id,
                customer=case.customer_id,
                customer_name="张三",
                survey_time=closed + after,
                method="phone",
                surveyor=surveyor,
                timeliness=overall,
                effectiveness=overall,
                attitude=overall,
                overall=overall,
                created_at=closed + after,
            )


def figures(session, department=None) -> dict:
    report = kpi.kpi_report(session, NOV_1, NOV_30, department_code=department)
    data = json.loads(json.dumps(kpi.to_json_dict(report), ensure_ascii=False))
    keys = ("on_time_rate", "survey_coverage", "survey_within_window", "counts")
    keys += ("by_owner", "by_subject_staff")
    return {key: data[key] for key in keys}


CLERK1 = {
    "cases": 5,  # P1–P5
    "closed": 3,  # P1 P2 P3: 48 + 72 + 96 h
    "on_time_rate": 0.5,  # P1 P2 of P1 P2 P3 (closed) and P4 (past due); P5 not yet due
    "resolution_rate": 0.4,  # P1 P3
    "average_handling_hours": 72.0,
    "satisfaction_rate": 0.6667,  # overall 5 and 4 of 5, 3, 4
    "overdue_open": 1,  # P4
}


def test_every_figure_of_all_departments(people, manager_session):
    assert figures(manager_session) == {
        # Due or closed of the seven November cases: P1 P2 P3 P6 (closed) and P4 (open, past
        # 24 Nov 09:00); not P5 (due 28 Nov) nor P7 (due exactly now). On time: P1, P2 (closed
        # at its deadline), P6.
        "on_time_rate": 0.6,
        # Closed: P1 P2 P3 P6; surveyed: P1 P2 P3 (Q1 was registered in October).
        "survey_coverage": 0.75,
        # 48:00:00 is inside the 24–48 h window, 48:00:01 and 23:59:59 are not.
        "survey_within_window": 0.3333,
        "counts": {
            "registered": 7,
            "resolved": 3,
            "closed": 5,  # closed in November: P1 P2 P3 P6 Q1
            "on_time_decided": 5,
            "closed_on_time": 3,
            "first_response_decided": 7,
            "first_response_on_time": 7,
            "registered_closed": 4,
            "surveyed": 3,
            "surveyed_in_window": 1,
        },
        "by_owner": {
            "clerk1": CLERK1,
            "clerk2": {
                "cases": 2,  # P6 P7
                "closed": 2,  # P6 (60 h) and Q1 (120 h), closed in November
                "on_time_rate": 1.0,  # P6; P7 is not due yet
                "resolution_rate": 0.5,  # P6
                "average_handling_hours": 90.0,
                "satisfaction_rate": 1.0,  # Q1's survey was made in November
                "overdue_open": 0,
            },
        },
        "by_subject_staff": {
            "clerk2": {
                "complaints": 2,  # P1 P3 (not Q1, of October)
                "by_subtype": {"staff_attitude": 1, "staff_efficiency": 1},
            },
            "赵师傅": {  # no account: the free-text name, spaces trimmed
                "complaints": 2,  # P6 P7
                "by_subtype": {"staff_attitude": 1, "staff_efficiency": 1},
            },
        },
    }


def test_a_supervisor_sees_their_departments_people_only(people, supervisor_session):
    assert figures(supervisor_session, "customer_service") == {
        "on_time_rate": 0.5,
        "survey_coverage": 1.0,
        "survey_within_window": 0.3333,
        "counts": {
            "registered": 5,
            "resolved": 2,
            "closed": 3,
            "on_time_decided": 4,
            "closed_on_time": 2,
            "first_response_decided": 5,
            "first_response_on_time": 5,
            "registered_closed": 3,
            "surveyed": 3,
            "surveyed_in_window": 1,
        },
        "by_owner": {"clerk1": CLERK1},  # clerk2's cases are in tech
        "by_subject_staff": {
            "clerk2": {"complaints": 2, "by_subtype": {"staff_attitude": 1, "staff_efficiency": 1}}
        },
    }
    with pytest.raises(PermissionDenied):
        kpi.kpi_report(supervisor_session, NOV_1, NOV_30, department_code="tech")
    with pytest.raises(PermissionDenied):
        kpi.kpi_report(supervisor_session, NOV_1, NOV_30)


def test_the_survey_window_follows_the_settings(people, manager_session):
    settings.change_setting(manager_session, "sla.survey_open_hours", 20)
    settings.change_setting(manager_session, "sla.survey_due_hours", 50)
    data = figures(manager_session)
    # 23:59:59, 48:00:00 and 48:00:01 are all within 20–50 h.
    assert data["survey_within_window"] == 1.0
    assert data["counts"]["surveyed_in_window"] == 3


def test_an_open_case_counts_once_its_deadline_passes(people, manager_session, clock):
    clock.advance(hours=1)  # 11:00: P7's deadline (10:00) has passed
    data = figures(manager_session)
    assert data["counts"]["on_time_decided"] == 6 and data["counts"]["closed_on_time"] == 3
    assert data["on_time_rate"] == 0.5
    assert data["by_owner"]["clerk2"]["on_time_rate"] == 0.5
    assert data["by_owner"]["clerk2"]["overdue_open"] == 1


def test_people_of_an_empty_period(people, manager_session):
    report = kpi.kpi_report(manager_session, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    data = kpi.to_json_dict(report)
    assert data["by_subject_staff"] == {}
    assert data["survey_coverage"] is None and data["survey_within_window"] is None
    # Overdue is a "now" figure: P4's owner is listed with nothing else.
    assert data["by_owner"] == {
        "clerk1": {
            "cases": 0,
            "closed": 0,
            "on_time_rate": None,
            "resolution_rate": None,
            "average_handling_hours": None,
            "satisfaction_rate": None,
            "overdue_open": 1,
        }
    }
