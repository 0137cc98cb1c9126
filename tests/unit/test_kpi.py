"""The KPI report (docs/rules.md#kpis) over a hand-built fixture whose every figure is worked out
by hand below (not recomputed by the report's formulas), on SQLite and on PostgreSQL.

The clock stands at Wed 2026-11-25 10:00; the report period is November 2026. 24 cases are
registered in November (N1–N24), a few in October and September (O*, S1) to check what
falls outside the period; 12 surveys (V*) and 5 improvement actions (A*). Four cases name
the staff member complained about (``SUBJECT_STAFF``). tests/unit/test_kpi_people.py has a
smaller fixture for the per-person figures and the survey window's edges.
"""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import (
    Channel,
    Complaint,
    Department,
    ImprovementAction,
    Survey,
    User,
    database_proxy,
)
from desktop_app.domain import periods
from desktop_app.domain.clock import FixedClock
from desktop_app.services import auth, improvements, kpi
from desktop_app.services.errors import PermissionDenied, ValidationError
from desktop_app.services.session import Session
from tests.helpers.cases import make_case
from tests.helpers.fixtures import POSTGRES_ENV, TEST_NOW, make_user, reset_postgres

D = dt.datetime
NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)

# label, registered, subtype, channel, department, urgency, level, urgent, owner,
# first_response_due, first_response_at, resolution_due, closed_at, outcome, next_due
# (cs = customer_service, it = tech, lg = logistics)
CASES = [
    (
        "N1",
        D(2026, 11, 1, 0, 0),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 1, 4),
        D(2026, 11, 1, 2),
        D(2026, 11, 8),
        D(2026, 11, 3),
        "resolved",
        None,
    ),
    (
        "N2",
        D(2026, 11, 2, 9),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 2, 13),
        D(2026, 11, 2, 14),
        D(2026, 11, 9, 9),
        D(2026, 11, 4, 9),
        "resolved",
        None,
    ),
    (
        "N3",
        D(2026, 11, 3, 10),
        "appearance_defect",
        "app",
        "cs",
        "low",
        1,
        False,
        "clerk1",
        D(2026, 11, 4, 10),
        D(2026, 11, 3, 12),
        D(2026, 11, 10, 10),
        D(2026, 11, 13, 10),
        "partly_resolved",
        None,
    ),
    (
        "N4",
        D(2026, 11, 4, 11),
        "staff_attitude",
        "phone",
        "cs",
        "normal",
        2,
        False,
        "clerk1",
        D(2026, 11, 4, 15),
        D(2026, 11, 4, 11, 30),
        D(2026, 11, 11, 11),
        D(2026, 11, 5, 11),
        "resolved",
        None,
    ),
    (
        "N5",
        D(2026, 11, 5, 8),
        "staff_attitude",
        "email",
        "cs",
        "urgent",
        2,
        True,
        "super1",
        D(2026, 11, 5, 10),
        D(2026, 11, 5, 9),
        D(2026, 11, 7, 8),
        D(2026, 11, 6, 20),
        "resolved",
        None,
    ),
    (
        "N6",
        D(2026, 11, 6, 14),
        "delivery",
        "app",
        "lg",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 6, 18),
        D(2026, 11, 6, 18),
        D(2026, 11, 13, 14),
        D(2026, 11, 10, 14),
        "unresolved",
        None,
    ),
    (
        "N7",
        D(2026, 11, 9, 9, 30),
        "slow_refund",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 9, 13, 30),
        D(2026, 11, 9, 10),
        D(2026, 11, 16, 9, 30),
        D(2026, 11, 20, 9, 30),
        "resolved",
        None,
    ),
    (
        "N8",
        D(2026, 11, 10, 10),
        "account_security",
        "phone",
        "it",
        "urgent",
        3,
        True,
        "clerk2",
        D(2026, 11, 10, 12),
        D(2026, 11, 10, 11),
        D(2026, 11, 12, 10),
        D(2026, 11, 11, 10),
        "resolved",
        None,
    ),
    (
        "N9",
        D(2026, 11, 11, 15),
        "points",
        "app",
        "cs",
        "low",
        1,
        False,
        "clerk1",
        D(2026, 11, 12, 15),
        D(2026, 11, 12, 16),
        D(2026, 11, 21, 15),
        D(2026, 11, 18, 15),
        "resolved",
        None,
    ),
    (
        "N10",
        D(2026, 11, 12, 9),
        "logistics_delay",
        "walk_in",
        "lg",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 12, 13),
        D(2026, 11, 12, 12),
        D(2026, 11, 19, 9),
        D(2026, 11, 12, 21),
        "resolved",
        None,
    ),
    (
        "N11",
        D(2026, 11, 13, 10),
        "functional_defect",
        "app",
        "it",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 13, 14),
        D(2026, 11, 13, 11),
        D(2026, 11, 20, 10),
        D(2026, 11, 23, 10),
        "resolved",
        None,
    ),
    (
        "N12",
        D(2026, 11, 16, 10),
        "functional_defect",
        "phone",
        "it",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 16, 14),
        D(2026, 11, 16, 13),
        D(2026, 11, 23, 10),
        D(2026, 11, 17, 16),
        "resolved",
        None,
    ),
    (
        "N13",
        D(2026, 11, 17, 9),
        "appearance_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 17, 13),
        D(2026, 11, 17, 12),
        D(2026, 11, 24, 9),
        None,
        None,
        D(2026, 11, 20, 9),
    ),
    (
        "N14",
        D(2026, 11, 18, 9),
        "staff_attitude",
        "app",
        "cs",
        "normal",
        2,
        False,
        "clerk1",
        D(2026, 11, 18, 13),
        D(2026, 11, 18, 14, 30),
        D(2026, 11, 27, 9),
        None,
        None,
        D(2026, 11, 27, 9),
    ),
    (
        "N15",
        D(2026, 11, 19, 10),
        "delivery",
        "email",
        "lg",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 19, 14),
        None,
        D(2026, 11, 26, 10),
        None,
        None,
        D(2026, 11, 19, 14),
    ),
    (
        "N16",
        D(2026, 11, 20, 10),
        "delivery",
        "phone",
        "lg",
        "urgent",
        1,
        True,
        "clerk2",
        D(2026, 11, 20, 12),
        D(2026, 11, 20, 11),
        D(2026, 11, 24, 10),
        None,
        None,
        D(2026, 11, 23, 10),
    ),
    (
        "N17",
        D(2026, 11, 23, 9),
        "points",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 23, 13),
        D(2026, 11, 23, 10),
        D(2026, 11, 30, 9),
        None,
        None,
        D(2026, 11, 26, 9),
    ),
    (
        "N18",
        D(2026, 11, 24, 9),
        "account_security",
        "app",
        "it",
        "normal",
        3,
        False,
        "clerk2",
        D(2026, 11, 24, 13),
        D(2026, 11, 24, 12, 59),
        D(2026, 12, 1, 9),
        None,
        None,
        D(2026, 11, 25, 9, 59, 59),
    ),
    (
        "N19",
        D(2026, 11, 25, 8),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 25, 12),
        None,
        D(2026, 12, 2, 8),
        None,
        None,
        D(2026, 11, 25, 12),
    ),
    (
        "N20",
        D(2026, 11, 25, 9),
        "functional_defect",
        "walk_in",
        "cs",
        "low",
        1,
        False,
        "clerk1",
        D(2026, 11, 26, 9),
        None,
        D(2026, 12, 2, 9),
        None,
        None,
        D(2026, 11, 25, 10),
    ),
    (
        "N21",
        D(2026, 11, 25, 9, 30),
        "slow_refund",
        "app",
        "cs",
        "normal",
        1,
        False,
        "super1",
        D(2026, 11, 25, 13, 30),
        D(2026, 11, 25, 9, 45),
        D(2026, 12, 2, 9, 30),
        None,
        None,
        D(2026, 11, 24, 18),
    ),
    (
        "N22",
        D(2026, 11, 21, 10),
        "logistics_delay",
        "email",
        "lg",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 21, 14),
        D(2026, 11, 23, 9),
        D(2026, 11, 28, 10),
        D(2026, 11, 24, 10),
        "resolved",
        None,
    ),
    (
        "N23",
        D(2026, 11, 22, 10),
        "points",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 22, 14),
        D(2026, 11, 22, 13, 59, 59),
        D(2026, 11, 29, 10),
        D(2026, 11, 22, 16, 27),
        "unresolved",
        None,
    ),
    # Closed, but with a stale next deadline in the past: not overdue (it is closed).
    (
        "N24",
        D(2026, 11, 24, 15),
        "functional_defect",
        "app",
        "it",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 11, 24, 19),
        D(2026, 11, 24, 18),
        D(2026, 12, 1, 15),
        D(2026, 11, 25, 9),
        "resolved",
        D(2026, 11, 1),
    ),
    # Before the period.
    (
        "O1",
        D(2026, 10, 31, 23, 59, 59),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 11, 1, 3, 59, 59),
        D(2026, 11, 1, 1),
        D(2026, 11, 7, 23, 59, 59),
        D(2026, 11, 2, 23, 59, 59),
        "resolved",
        None,
    ),
    (
        "O2",
        D(2026, 10, 20, 10),
        "staff_attitude",
        "phone",
        "cs",
        "normal",
        2,
        False,
        "clerk1",
        D(2026, 10, 20, 14),
        D(2026, 10, 20, 11),
        D(2026, 10, 27, 10),
        D(2026, 11, 5, 10),
        "resolved",
        None,
    ),
    (
        "O3",
        D(2026, 10, 28, 10),
        "delivery",
        "app",
        "lg",
        "normal",
        1,
        False,
        "clerk2",
        D(2026, 10, 28, 14),
        D(2026, 10, 28, 11),
        D(2026, 11, 4, 10),
        D(2026, 10, 30, 10),
        "resolved",
        None,
    ),
    (
        "O4",
        D(2026, 10, 15, 10),
        "account_security",
        "phone",
        "it",
        "urgent",
        3,
        True,
        "clerk2",
        D(2026, 10, 15, 12),
        D(2026, 10, 15, 11),
        D(2026, 10, 19, 10),
        None,
        None,
        D(2026, 10, 17, 10),
    ),
    (
        "O5",
        D(2026, 10, 30, 10),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 10, 30, 14),
        D(2026, 10, 30, 11),
        D(2026, 11, 6, 10),
        D(2026, 11, 1),
        "partly_resolved",
        None,
    ),
    (
        "O6",
        D(2026, 10, 29, 9),
        "points",
        "email",
        "cs",
        "low",
        1,
        False,
        "clerk1",
        D(2026, 10, 30, 9),
        D(2026, 10, 29, 10),
        D(2026, 11, 12, 9),
        D(2026, 10, 31, 23, 59, 59),
        "resolved",
        None,
    ),
    (
        "S1",
        D(2026, 9, 10, 10),
        "functional_defect",
        "phone",
        "cs",
        "normal",
        1,
        False,
        "clerk1",
        D(2026, 9, 10, 14),
        D(2026, 9, 10, 11),
        D(2026, 9, 17, 10),
        None,
        None,
        D(2026, 9, 12, 10),
    ),
]
DEPARTMENTS = {"cs": "customer_service", "it": "tech", "lg": "logistics"}
# The staff member complained about: an account (user name) or a free-text name.
SUBJECT_STAFF = {
    "N4": ("clerk2", None),
    "N5": ("clerk2", None),
    "N14": (None, "王师傅"),
    "N10": (None, "王师傅"),
    "O2": ("super1", None),  # October: not in November's figures
}

# label, case (None: a proactive survey), survey time, timeliness, effectiveness, attitude,
# overall, needs improvement
SURVEYS = [
    ("V1", "N1", D(2026, 11, 4, 10), 5, 5, 5, 5, ""),
    ("V2", "N2", D(2026, 11, 5, 10), 3, 4, 5, 4, "response_speed"),
    ("V3", "N3", D(2026, 11, 14, 10), 2, 2, 3, 2, "response_speed,result,communication"),
    ("V4", "N4", D(2026, 11, 6, 10), 4, 4, 4, 4, "communication"),
    ("V5", "N6", D(2026, 11, 11, 10), 1, 1, 2, 1, "result,attitude"),
    ("V6", "N8", D(2026, 11, 12, 10), 5, 4, 5, 5, ""),
    ("V7", "N10", D(2026, 11, 13, 10), 4, 3, 4, 3, "response_speed,other"),
    ("V8", "O2", D(2026, 11, 6, 12), 2, 3, 3, 3, "response_speed,attitude"),
    ("V9", None, D(2026, 11, 20, 10), 5, 5, 4, 4, "attitude"),
    ("V10", "O3", D(2026, 10, 31, 12), 1, 1, 1, 1, "result"),  # before the period
    ("V11", "N12", D(2026, 11, 18, 10), 3, 3, 3, 3, "result"),
    ("V12", "O6", D(2026, 11, 1, 0, 0), 4, 5, 5, 5, ""),  # the period's first second
]


def build_fixture(system: Session) -> dict[str, Complaint]:
    make_user(system, "clerk2", "clerk", departments=("tech",))
    channels = {c.code: c.id for c in Channel.select()}
    built: dict[str, Complaint] = {}
    for number, (
        label,
        at,
        subtype,
        channel,
        dept,
        urgency,
        level,
        urgent,
        owner,
        fr_due,
        fr_at,
        res_due,
        closed,
        outcome,
        next_due,
    ) in enumerate(CASES, 1):
        case = make_case(
            at=at, owner=owner, subtype=subtype, urgency=urgency, department=DEPARTMENTS[dept]
        )
        Complaint.update(
            number=f"TS-{at:%Y%m%d}-{number:04d}",
            channel=channels[channel],
            level=level,
            urgent=urgent,
            priority=4 if urgent else level,
            first_response_due=fr_due,
            first_response_at=fr_at,
            resolution_due=res_due,
            closed_at=closed,
            outcome=outcome,
            is_open=closed is None,
            stage="closed" if closed else "investigating",
            next_due=next_due,
        ).where(Complaint.id == case.id).execute()
        staff_user, staff_name = SUBJECT_STAFF.get(label, (None, None))
        if staff_user or staff_name:
            Complaint.update(
                subject_staff=User.get(username=staff_user) if staff_user else None,
                subject_staff_name=staff_name,
            ).where(Complaint.id == case.id).execute()
        built[label] = Complaint.get_by_id(case.id)
    surveyor = User.get(username="clerk1")
    for _label, case_label, at, t, e, a, o, needs in SURVEYS:
        case = built[case_label] if case_label else None
        Survey.create(
            complaint=case,
            customer=case.customer_id if case else None,
            customer_name="张三",
            survey_time=at,
            method="phone",
            surveyor=surveyor,
            timeliness=t,
            effectiveness=e,
            attitude=a,
            overall=o,
            needs_improvement=needs,
            created_at=at,
        )
    return built


def build_actions(manager: Session, cases: dict[str, Complaint]) -> dict[str, int]:
    """A1–A5, with their creation and last-change times set by hand."""
    specs = [
        (
            "A1",
            "积分到账慢",
            "积分系统改为实时入账",
            "customer_service",
            "2026-12-15",
            "in_progress",
            ["points"],
            [cases["N9"].id],
            D(2026, 11, 10, 9),
            D(2026, 11, 10, 9),
        ),
        (
            "A2",
            "配送超时",
            "更换承运商",
            "logistics",
            "2026-10-20",
            "done",
            ["delivery"],
            [],
            D(2026, 10, 5, 9),
            D(2026, 10, 25, 9),
        ),
        (
            "A3",
            "App 闪退",
            "修复崩溃",
            "tech",
            "2026-10-31",
            "done",
            ["functional_defect"],
            [],
            D(2026, 10, 1, 9),
            D(2026, 11, 3, 9),
        ),
        (
            "A4",
            "客服态度",
            "服务礼仪培训",
            "customer_service",
            "2026-11-20",
            "planned",
            ["service_attitude"],
            [cases["N4"].id, cases["N5"].id],
            D(2026, 9, 1, 9),
            D(2026, 9, 1, 9),
        ),
        (
            "A5",
            "退款流程繁琐",
            "简化退款审批",
            "customer_service",
            "2026-12-31",
            "cancelled",
            [],
            [cases["N7"].id],
            TEST_NOW,
            TEST_NOW,
        ),
    ]
    ids = {}
    for label, problem, plan, dept, deadline, status, types, case_ids, created, updated in specs:
        info = improvements.create_action(
            manager, problem, plan, dept, deadline, status, type_codes=types, case_ids=case_ids
        )
        ImprovementAction.update(created_at=created, updated_at=updated).where(
            ImprovementAction.id == info.id
        ).execute()
        ids[label] = info.id
    return ids


@pytest.fixture
def fixture(system_session, manager_session, supervisor_session, clerk_session):
    cases = build_fixture(system_session)
    actions = build_actions(manager_session, cases)
    return cases, actions


def _zeros(codes: str) -> dict[str, int]:
    return dict.fromkeys(codes.split(), 0)


ALL_TYPES = (
    "product_quality service_attitude process_efficiency member_rights campaigns "
    "external_factors other"
)
ALL_SUBTYPES = (
    "functional_defect appearance_defect not_as_advertised after_sales price_difference "
    "poor_communication slow_response staff_attitude staff_efficiency merchant_attitude "
    "forced_selling slow_refund booking_failure delivery cumbersome_process points "
    "points_delay points_expiry coupons tier_benefits account_frozen account_security "
    "merchant_infringement not_eligible discount_below_expectation bonus_points_late "
    "logistics_delay third_party_error other_issue"
)
ALL_CHANNELS = "phone walk_in online_chat email letter social_media store app"
ALL_DEPARTMENTS = (
    "tech customer_service operations logistics risk_control merchant_maintenance other"
)


def _action(ids, cases, label):
    return {
        "A1": {
            "id": ids["A1"],
            "problem": "积分到账慢",
            "plan": "积分系统改为实时入账",
            "department": "customer_service",
            "deadline": "2026-12-15",
            "status": "in_progress",
            "overdue": False,
            "types": ["points"],
            "cases": [cases["N9"].number],
            "created_by": "manager1",
            "created_at": "2026-11-10 09:00:00",
            "updated_at": "2026-11-10 09:00:00",
        },
        "A2": {
            "id": ids["A2"],
            "problem": "配送超时",
            "plan": "更换承运商",
            "department": "logistics",
            "deadline": "2026-10-20",
            "status": "done",
            "overdue": False,
            "types": ["delivery"],
            "cases": [],
            "created_by": "manager1",
            "created_at": "2026-10-05 09:00:00",
            "updated_at": "2026-10-25 09:00:00",
        },
        "A3": {
            "id": ids["A3"],
            "problem": "App 闪退",
            "plan": "修复崩溃",
            "department": "tech",
            "deadline": "2026-10-31",
            "status": "done",
            "overdue": False,
            "types": ["functional_defect"],
            "cases": [],
            "created_by": "manager1",
            "created_at": "2026-10-01 09:00:00",
            "updated_at": "2026-11-03 09:00:00",
        },
        "A4": {
            "id": ids["A4"],
            "problem": "客服态度",
            "plan": "服务礼仪培训",
            "department": "customer_service",
            "deadline": "2026-11-20",
            "status": "planned",
            "overdue": True,
            "types": ["service_attitude"],
            "cases": [cases["N4"].number, cases["N5"].number],
            "created_by": "manager1",
            "created_at": "2026-09-01 09:00:00",
            "updated_at": "2026-09-01 09:00:00",
        },
        "A5": {
            "id": ids["A5"],
            "problem": "退款流程繁琐",
            "plan": "简化退款审批",
            "department": "customer_service",
            "deadline": "2026-12-31",
            "status": "cancelled",
            "overdue": False,
            "types": [],
            "cases": [cases["N7"].number],
            "created_by": "manager1",
            "created_at": "2026-11-25 10:00:00",
            "updated_at": "2026-11-25 10:00:00",
        },
    }[label]


def expected_all(cases, ids) -> dict:
    """November, every department: worked out by hand from the tables above."""
    return {
        "period": {"from": "2026-11-01", "to": "2026-11-30"},
        "department": None,
        "as_of": "2026-11-25 10:00:00",
        # N1–N24; O1 (23:59:59 on 31 Oct) is out, N1 (00:00 on 1 Nov) is in.
        "volume": 24,
        "by_type": {
            **_zeros(ALL_TYPES),
            "product_quality": 9,
            "service_attitude": 3,
            "process_efficiency": 5,
            "member_rights": 5,
            "external_factors": 2,
        },
        "by_subtype": {
            **_zeros(ALL_SUBTYPES),
            "functional_defect": 7,
            "appearance_defect": 2,
            "staff_attitude": 3,
            "delivery": 3,
            "slow_refund": 2,
            "account_security": 2,
            "points": 3,
            "logistics_delay": 2,
        },
        "by_channel": {**_zeros(ALL_CHANNELS), "phone": 11, "app": 8, "email": 3, "walk_in": 2},
        "by_department": {
            **_zeros(ALL_DEPARTMENTS),
            "customer_service": 14,
            "tech": 5,
            "logistics": 5,
        },
        "by_urgency": {"urgent": 3, "normal": 18, "low": 3},
        "by_level": {"I": 19, "II": 3, "III": 2},
        "urgent_cases": 3,  # N5, N8, N16
        # Closed in November: N1–N12, N22, N23, N24, O1, O2, O5 (not O3, O6 closed in Oct):
        # 48+48+240+24+36+96+264+24+168+12+240+30+72+6.45+18+48+384+38 = 1796.45 h / 18.
        "average_handling_hours": 99.80,
        # Resolved of the 24: N1 N2 N4 N5 N7 N8 N9 N10 N11 N12 N22 N24.
        "resolution_rate": 0.5,
        # Of the 24: closed N1–N12, N22, N23, N24 (15), late N3 N7 N11; open and past the
        # resolution deadline N13 (24th 9:00), N16 (24th 10:00); the other open ones are
        # still within it. 12 on time of 17.
        "on_time_rate": 0.7059,
        # Decided: 24 less N19, N20 (no answer, still in time); late: N2 N9 N14 N15 N22.
        "first_response_on_time_rate": 0.7727,
        # Of the 15 closed, surveyed: N1 N2 N3 N4 N6 N8 N10 N12 (8). Hours from closing
        # to survey: 34, 25, 24 (the window's first second), 23, 20, 24, 13, 18.
        "survey_coverage": 0.5333,
        "survey_within_window": 0.5,  # V1 V2 V3 V6
        "counts": {
            "registered": 24,
            "resolved": 12,
            "closed": 18,
            "on_time_decided": 17,
            "closed_on_time": 12,
            "first_response_decided": 22,
            "first_response_on_time": 17,
            "registered_closed": 15,
            "surveyed": 8,
            "surveyed_in_window": 4,
        },
        # V1–V9, V11, V12 (V10 is October): sums 38, 39, 43, 39 over 11.
        "satisfaction": {
            "timeliness": 3.45,
            "effectiveness": 3.55,
            "attitude": 3.91,
            "overall": 3.55,
        },
        "satisfaction_rate": 0.5455,  # overall 4 or 5: V1 V2 V4 V6 V9 V12
        "surveys": 11,
        "improvement_hot_spots": {
            "response_speed": 4,
            "result": 3,
            "attitude": 3,
            "communication": 2,
            "other": 1,
        },
        "top_subtypes": [
            {"code": "functional_defect", "count": 7},
            {"code": "delivery", "count": 3},
            {"code": "points", "count": 3},
            {"code": "staff_attitude", "count": 3},
            {"code": "account_security", "count": 2},
        ],
        # N13 N15 N16 N18 N21 O4 S1 (N20 is due exactly now; N24 is closed).
        "overdue_open": 7,
        "overdue_by_owner": {"clerk2": 4, "clerk1": 2, "super1": 1},
        "overdue_by_department": {"customer_service": 3, "logistics": 2, "tech": 2},
        # Deadline order; A2 was finished before November.
        "improvement_actions": [_action(ids, cases, a) for a in ("A3", "A4", "A1", "A5")],
        "by_owner": {
            "clerk1": {
                # N1 N2 N3 N4 N6 N7 N9 N13 N14 N17 N19 N20 N23
                "cases": 13,
                # N1 N2 N3 N4 N6 N7 N9 N23 O1 O2 O5: 1364.45 h
                "closed": 11,
                "on_time_rate": 0.6667,  # of N1..N9's 8 closed + N13: late N3 N7 N13
                "resolution_rate": 0.3846,  # N1 N2 N4 N7 N9: 5 of 13
                "average_handling_hours": 124.04,
                "satisfaction_rate": 0.5714,  # V1 V2 V4 V12 of V1 V2 V3 V4 V5 V8 V12
                "overdue_open": 2,  # N13 S1
            },
            "clerk2": {
                "cases": 9,  # N8 N10 N11 N12 N15 N16 N18 N22 N24
                "closed": 6,  # N8 N10 N11 N12 N22 N24: 24+12+240+30+72+18 = 396 h
                "on_time_rate": 0.7143,  # 6 closed + N16 decided; late N11 N16
                "resolution_rate": 0.6667,  # N8 N10 N11 N12 N22 N24
                "average_handling_hours": 66.0,
                "satisfaction_rate": 0.3333,  # V6 of V6 V7 V11
                "overdue_open": 4,  # N15 N16 N18 O4
            },
            "super1": {
                "cases": 2,  # N5 N21 (still in time)
                "closed": 1,  # N5: 36 h
                "on_time_rate": 1.0,
                "resolution_rate": 0.5,
                "average_handling_hours": 36.0,
                "satisfaction_rate": None,  # no survey
                "overdue_open": 1,  # N21
            },
        },
        "by_subject_staff": {
            "clerk2": {"complaints": 2, "by_subtype": {"staff_attitude": 2}},  # N4 N5
            "王师傅": {  # free text: N10, N14
                "complaints": 2,
                "by_subtype": {"logistics_delay": 1, "staff_attitude": 1},
            },
        },
    }


def expected_customer_service(cases, ids) -> dict:
    return {
        "period": {"from": "2026-11-01", "to": "2026-11-30"},
        "department": "customer_service",
        "as_of": "2026-11-25 10:00:00",
        # N1 N2 N3 N4 N5 N7 N9 N13 N14 N17 N19 N20 N21 N23
        "volume": 14,
        "by_type": {
            **_zeros(ALL_TYPES),
            "product_quality": 6,
            "service_attitude": 3,
            "process_efficiency": 2,
            "member_rights": 3,
        },
        "by_subtype": {
            **_zeros(ALL_SUBTYPES),
            "functional_defect": 4,
            "appearance_defect": 2,
            "staff_attitude": 3,
            "slow_refund": 2,
            "points": 3,
        },
        "by_channel": {**_zeros(ALL_CHANNELS), "phone": 8, "app": 4, "email": 1, "walk_in": 1},
        "by_department": {**_zeros(ALL_DEPARTMENTS), "customer_service": 14},
        "by_urgency": {"urgent": 1, "normal": 10, "low": 3},
        "by_level": {"I": 11, "II": 3, "III": 0},
        "urgent_cases": 1,
        # N1 N2 N3 N4 N5 N7 N9 N23 O1 O2 O5: 1304.45 h / 11.
        "average_handling_hours": 118.59,
        "resolution_rate": 0.4286,  # 6 of 14: N1 N2 N4 N5 N7 N9
        # Closed N1 N2 N3 N4 N5 N7 N9 N23 (late N3 N7) and N13 past due: 6 of 9.
        "on_time_rate": 0.6667,
        "first_response_on_time_rate": 0.75,  # 12 decided, late N2 N9 N14
        "survey_coverage": 0.5,  # N1 N2 N3 N4 of the 8 closed
        "survey_within_window": 0.75,  # not V4 (23 h)
        "counts": {
            "registered": 14,
            "resolved": 6,
            "closed": 11,
            "on_time_decided": 9,
            "closed_on_time": 6,
            "first_response_decided": 12,
            "first_response_on_time": 9,
            "registered_closed": 8,
            "surveyed": 4,
            "surveyed_in_window": 3,
        },
        # V1 V2 V3 V4 V8 V12: sums 20, 23, 25, 23 over 6 (the proactive V9 has no case).
        "satisfaction": {
            "timeliness": 3.33,
            "effectiveness": 3.83,
            "attitude": 4.17,
            "overall": 3.83,
        },
        "satisfaction_rate": 0.6667,
        "surveys": 6,
        "improvement_hot_spots": {
            "response_speed": 3,
            "result": 1,
            "attitude": 1,
            "communication": 2,
            "other": 0,
        },
        "top_subtypes": [
            {"code": "functional_defect", "count": 4},
            {"code": "points", "count": 3},
            {"code": "staff_attitude", "count": 3},
            {"code": "appearance_defect", "count": 2},
            {"code": "slow_refund", "count": 2},
        ],
        "overdue_open": 3,  # N13 S1 (clerk1), N21 (super1)
        "overdue_by_owner": {"clerk1": 2, "super1": 1},
        "overdue_by_department": {"customer_service": 3},
        "improvement_actions": [_action(ids, cases, a) for a in ("A4", "A1", "A5")],
        "by_owner": {
            "clerk1": {
                "cases": 12,  # N1 N2 N3 N4 N7 N9 N13 N14 N17 N19 N20 N23
                "closed": 10,  # N1 N2 N3 N4 N7 N9 N23 O1 O2 O5: 1268.45 h
                "on_time_rate": 0.625,  # closed 7, late N3 N7; N13 past due: 5 of 8
                "resolution_rate": 0.4167,  # 5 of 12
                "average_handling_hours": 126.85,  # 126.845, half up
                "satisfaction_rate": 0.6667,  # V1 V2 V4 V12 of V1 V2 V3 V4 V8 V12
                "overdue_open": 2,
            },
            "super1": {
                "cases": 2,
                "closed": 1,
                "on_time_rate": 1.0,
                "resolution_rate": 0.5,
                "average_handling_hours": 36.0,
                "satisfaction_rate": None,
                "overdue_open": 1,
            },
        },
        "by_subject_staff": {
            "clerk2": {"complaints": 2, "by_subtype": {"staff_attitude": 2}},
            "王师傅": {"complaints": 1, "by_subtype": {"staff_attitude": 1}},  # N14
        },
    }


def report_json(session, start=NOV_1, end=NOV_30, department=None) -> dict:
    report = kpi.kpi_report(session, start, end, department_code=department)
    # Through the JSON text, as the command prints it.
    return json.loads(json.dumps(kpi.to_json_dict(report), ensure_ascii=False))


# --- the figures ------------------------------------------------------------------------


# docs/rules.md#analysis-by-product-and-cause, worked out in tests/unit/test_kpi_causes.py.
ANALYSIS_KEYS = ("by_cause", "by_product", "by_merchant", "hot_spots", "previous_period")


def _without_analysis(data: dict) -> dict:
    """The figures of this file's fixture, whose cases have no root cause: every case
    counts as "none" and there is no hot spot."""
    analysis = {key: data.pop(key) for key in ANALYSIS_KEYS}
    assert analysis["by_cause"]["none"] == data["volume"]
    assert sum(analysis["by_cause"].values()) == data["volume"]
    assert analysis["hot_spots"] == []
    assert analysis["previous_period"] == {"from": "2026-10-02", "to": "2026-10-31"}
    return data


def test_every_kpi_of_the_month(fixture, manager_session):
    cases, ids = fixture
    assert _without_analysis(report_json(manager_session)) == expected_all(cases, ids)


def test_every_kpi_of_one_department(fixture, manager_session):
    cases, ids = fixture
    assert _without_analysis(
        report_json(manager_session, department="customer_service")
    ) == expected_customer_service(cases, ids)
    # By its Chinese name too.
    assert report_json(manager_session, department="客服部")["volume"] == 14


def test_required_keys_of_spec_12(fixture, manager_session):
    data = report_json(manager_session)
    required = {
        "period",
        "volume",
        "by_type",
        "by_subtype",
        "by_channel",
        "by_department",
        "by_urgency",
        "by_level",
        "average_handling_hours",
        "resolution_rate",
        "on_time_rate",
        "first_response_on_time_rate",
        "satisfaction",
        "satisfaction_rate",
        "surveys",
        "improvement_hot_spots",
        "overdue_open",
        "by_owner",
        "by_subject_staff",
        "survey_coverage",
        "survey_within_window",
    }
    assert required <= set(data)
    assert set(data["period"]) == {"from", "to"}
    assert set(data["satisfaction"]) == {"timeliness", "effectiveness", "attitude", "overall"}


def test_october_boundaries_and_other_periods(fixture, manager_session):
    oct_ = periods.month_of(dt.date(2026, 10, 9))
    data = report_json(manager_session, oct_.start, oct_.end)
    # O1 (last second of October) O2 O3 O4 O5 O6.
    assert data["volume"] == 6
    # Closed in October: O3 (48 h) and O6 (62:59:59 h).
    assert data["counts"]["closed"] == 2
    # On time, of October's six (all closed, or past the deadline: O4): O1 O3 O5 O6; late O2
    # (closed in November after its deadline) and O4 (still open, due 19 October).
    assert data["counts"]["on_time_decided"] == 6 and data["counts"]["closed_on_time"] == 4
    assert data["on_time_rate"] == 0.6667
    # October's staff complaint: O2 about super1.
    assert data["by_subject_staff"] == {
        "super1": {"complaints": 1, "by_subtype": {"staff_attitude": 1}}
    }
    assert data["average_handling_hours"] == 55.50  # (48 + 62.999722) / 2 = 55.4999 -> 55.50
    # Resolved now of the six: O1 O2 O3 O6; O5 partly.
    assert data["resolution_rate"] == 0.6667
    assert data["surveys"] == 1 and data["satisfaction"]["overall"] == 1.0
    assert data["satisfaction_rate"] == 0.0
    assert data["improvement_hot_spots"]["result"] == 1
    # Overdue is a "now" figure: the same whatever the period.
    assert data["overdue_open"] == 7
    assert [a["id"] for a in data["improvement_actions"]] == [
        fixture[1]["A2"],
        fixture[1]["A3"],
        fixture[1]["A4"],
    ]
    # The week of N1 (Mon 26 Oct – Sun 1 Nov): O1 O3 O5 O6 and N1.
    week = periods.week_of(dt.date(2026, 11, 1))
    assert (week.start, week.end) == (dt.date(2026, 10, 26), dt.date(2026, 11, 1))
    assert report_json(manager_session, week.start, week.end)["volume"] == 5
    # The quarter: every case but S1.
    quarter = periods.quarter_of(dt.date(2026, 11, 25))
    assert report_json(manager_session, quarter.start, quarter.end)["volume"] == 30


def test_an_empty_period_has_null_rates(fixture, manager_session):
    data = report_json(manager_session, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert data["volume"] == 0 and data["surveys"] == 0
    assert data["by_level"] == {"I": 0, "II": 0, "III": 0}
    for key in (
        "average_handling_hours",
        "resolution_rate",
        "on_time_rate",
        "first_response_on_time_rate",
        "satisfaction_rate",
        "survey_coverage",
        "survey_within_window",
    ):
        assert data[key] is None, key
    assert data["satisfaction"] == dict.fromkeys(
        ("timeliness", "effectiveness", "attitude", "overall")
    )
    assert data["top_subtypes"] == [] and data["improvement_actions"] == []


def test_an_inactive_code_is_listed_only_with_cases(fixture, manager_session):
    Channel.update(active=False).where(Channel.code.in_(("letter", "email"))).execute()
    data = report_json(manager_session)
    assert "letter" not in data["by_channel"]
    assert data["by_channel"]["email"] == 3


# --- who may ask --------------------------------------------------------------------------


def test_roles(fixture, manager_session, supervisor_session, clerk_session, admin_session):
    assert kpi.kpi_report(admin_session, NOV_1, NOV_30).volume == 24
    with pytest.raises(PermissionDenied):
        kpi.kpi_report(clerk_session, NOV_1, NOV_30)
    # A supervisor: their own department only.
    with pytest.raises(PermissionDenied):
        kpi.kpi_report(supervisor_session, NOV_1, NOV_30)
    with pytest.raises(PermissionDenied):
        kpi.kpi_report(supervisor_session, NOV_1, NOV_30, department_code="tech")
    mine = kpi.kpi_report(supervisor_session, NOV_1, NOV_30, department_code="customer_service")
    assert mine.volume == 14 and mine.overdue_open == 3


def test_bad_periods_and_departments(fixture, manager_session):
    with pytest.raises(ValidationError) as info:
        kpi.kpi_report(manager_session, NOV_30, NOV_1)
    assert info.value.field == "period"
    with pytest.raises(ValidationError) as info:
        kpi.kpi_report(manager_session, NOV_1, NOV_30, department_code="nowhere")
    assert info.value.field == "department"
    # One day is a period.
    assert kpi.kpi_report(manager_session, NOV_1, NOV_1).volume == 1


def test_the_sql_keeps_to_the_period_indexes(fixture, manager_session):
    """On SQLite every statement reads an index range (no full scan of the cases)."""
    db = database_proxy.obj
    if not is_sqlite(db):
        pytest.skip("SQLite plans")
    reference = kpi.load_reference()
    for department in (None, Department.get(code="customer_service").id):
        queries = kpi.build_queries(
            sqlite=True,
            start_at=D(2026, 11, 1),
            end_before=D(2026, 12, 1),
            now=TEST_NOW,
            department_id=department,
            reference=reference,
        )
        for name, (sql, params) in queries.items():
            plan = " | ".join(
                r[3] for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
            )
            assert "SCAN c" not in plan and "SCAN s" not in plan, (name, plan)
            expected = {
                "breakdown": "INDEX complaint_registration_time",
                "closed": "INDEX complaint_closed_at",
                "surveys": "INDEX survey_survey_time",
                "overdue": "USING",  # any index of the open cases
                "owners": "INDEX complaint_registration_time",
                "owner_surveys": "INDEX survey_survey_time",
                "staff": "INDEX complaint_registration_time",
            }[name]
            assert expected in plan, (name, plan)


# --- the same JSON on both backends ----------------------------------------------------------


@pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason=f"needs {POSTGRES_ENV}")
def test_the_same_json_on_sqlite_and_postgresql(tmp_path):
    outputs = []
    for url in (f"sqlite:///{tmp_path / 'kpi.db'}", os.environ[POSTGRES_ENV]):
        if url.startswith("postgres"):
            reset_postgres(url)
        db, _info, _result = prepare_database(url)
        try:
            system = Session.system(FixedClock(TEST_NOW))
            make_user(system, "manager1", "manager", departments=())
            make_user(system, "super1", "supervisor")
            make_user(system, "clerk1", "clerk", supervisor="super1")
            manager = auth.sign_in("manager1", "Plum-Harbour-Lantern-42", clock=system.clock)
            cases = build_fixture(system)
            build_actions(manager, cases)
            outputs.append(
                [
                    report_json(manager),
                    report_json(manager, department="tech"),
                    report_json(manager, dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
                ]
            )
        finally:
            db.close()
    assert outputs[0] == outputs[1]


# --- the command line ---------------------------------------------------------------------


def _fixed_cli_clock(monkeypatch):
    original = Session.system.__func__

    def system(cls, clock=None, name="cli", **options):
        return original(cls, FixedClock(TEST_NOW), name, **options)

    monkeypatch.setattr(Session, "system", classmethod(system))


def test_report_command_prints_the_json(fixture, db_url, monkeypatch, capsys, tmp_path):
    from desktop_app.cli import main

    cases, ids = fixture
    _fixed_cli_clock(monkeypatch)
    capsys.readouterr()
    code = main(
        [
            "--database",
            db_url,
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert _without_analysis(json.loads(out)) == expected_all(cases, ids)
    out_file = tmp_path / "kpi.json"
    code = main(
        [
            "--database",
            db_url,
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--department",
            "customer_service",
            "--out",
            str(out_file),
        ]
    )
    assert code == 0
    saved = json.loads(out_file.read_text(encoding="utf-8"))
    assert _without_analysis(saved) == expected_customer_service(cases, ids)


def test_report_command_errors(fixture, db_url, monkeypatch, capsys, tmp_path):
    import importlib.util

    from desktop_app.cli import main

    _fixed_cli_clock(monkeypatch)
    base = ["--database", db_url, "report"]
    code = main(base + ["--from", "2026-11-30", "--to", "2026-11-01"])
    assert code == 2 and "before it starts" in capsys.readouterr().err
    code = main(base + ["--from", "2026-11-01", "--to", "2026-11-30", "--department", "x"])
    assert code == 2 and "Unknown department" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(base + ["--from", "2026-11-31", "--to", "2026-11-30"])
    assert info.value.code == 2 and "not a date" in capsys.readouterr().err
    if importlib.util.find_spec("desktop_app.services.report_workbook") is None:
        code = main(
            base
            + [
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-30",
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / "r.xlsx"),
            ]
        )
        assert code == 2 and "xlsx report not built yet" in capsys.readouterr().err


# --- periods ----------------------------------------------------------------------------


def test_period_helpers():
    day = dt.date(2026, 11, 25)  # a Wednesday
    assert periods.week_of(day) == periods.Period(
        dt.date(2026, 11, 23), dt.date(2026, 11, 29), "week"
    )
    assert periods.month_of(day).end == dt.date(2026, 11, 30)
    assert periods.month_of(dt.date(2026, 12, 31)).start == dt.date(2026, 12, 1)
    assert periods.month_of(dt.date(2028, 2, 10)).end == dt.date(2028, 2, 29)
    q = periods.quarter_of(day)
    assert (q.start, q.end, q.label()) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026-Q4")
    assert periods.quarter_of(dt.date(2026, 3, 31)).end == dt.date(2026, 3, 31)
    assert q.previous() == periods.Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30), "quarter")
    assert periods.month_of(dt.date(2026, 1, 5)).previous().label() == "2025-12"
    assert periods.week_of(day).label() == "2026-W48"
    custom = periods.custom(dt.date(2026, 11, 10), dt.date(2026, 11, 12))
    assert custom.days == 3 and custom.previous() == periods.custom(
        dt.date(2026, 11, 7), dt.date(2026, 11, 9)
    )
    assert custom.start_at == D(2026, 11, 10) and custom.end_before == D(2026, 11, 13)
    assert custom.contains(D(2026, 11, 12, 23, 59, 59)) and not custom.contains(D(2026, 11, 13))
    assert [(p.start.day, p.end.day) for p in periods.split(periods.month_of(day), "week")] == [
        (1, 1),
        (2, 8),
        (9, 15),
        (16, 22),
        (23, 29),
        (30, 30),
    ]
    with pytest.raises(ValueError):
        periods.custom(dt.date(2026, 11, 2), dt.date(2026, 11, 1))
    with pytest.raises(ValueError):
        periods.period_of("year", day)


def test_ratio_rounds_half_up():
    assert kpi.ratio(1, 8, 2) == 0.13  # 0.125: half up, not to even
    assert kpi.ratio(2, 3) == 0.6667 and kpi.ratio(0, 5) == 0.0 and kpi.ratio(3, 0) is None


def test_bench_report_smoke(tmp_path, capsys):
    """``python -m bench report`` at a tiny size: a table, then one JSON line."""
    from bench.cli import main

    assert main(["report", "--cases", "150", "--cache-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result["benchmark"] == "report" and result["ours_s"] > 0
    assert any("quarter" in line for line in lines[:-1])
