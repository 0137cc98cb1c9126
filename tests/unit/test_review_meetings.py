"""Review meetings [复盘会] (docs/rules.md#review-meetings): recorded with their departments,
people, period, hot spots and decisions; decisions create improvement actions; who may
record, change and read them; every change audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import AuditLog, CauseCategory, ImprovementAction
from desktop_app.services import review_meetings as rm
from desktop_app.services.errors import PermissionDenied, ValidationError
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def _values(**overrides):
    values = {
        "held_on": dt.date(2026, 12, 2),
        "period_start": NOV_1,
        "period_end": NOV_30,
        "departments": ["customer_service", "logistics"],
        "attendees": "王经理、李主管、物流部赵工",
        "notes": "配件漏装集中在十一月",
        "decisions": [
            {"text": "包装线增加配件核对", "department": "logistics", "deadline": "2026-12-31"},
            {"text": "客服话术补充换新流程", "department": "customer_service"},
        ],
    }
    values.update(overrides)
    return values


def test_a_meeting_with_hot_spots_and_decisions(manager_session, clerk_session):
    cause = CauseCategory.get(code="parts_packaging")
    for _ in range(3):
        make_case(
            at=dt.datetime(2026, 11, 3, 10), owner="clerk1", product="智能手表X1", root_cause=cause
        )
    spots = rm.period_hot_spots(manager_session, NOV_1, NOV_30)
    assert spots[0]["product"] == "智能手表X1" and spots[0]["count"] == 3
    assert (spots[0]["cause_zh"], spots[0]["share"]) == ("配件/包装", 1.0)
    meeting = rm.create_meeting(manager_session, hot_spots=spots, **_values())
    assert meeting.departments == ("customer_service", "logistics")
    assert meeting.hot_spots[0]["product"] == "智能手表X1"
    assert [(d.text, d.department, d.deadline) for d in meeting.decisions] == [
        ("包装线增加配件核对", "logistics", dt.date(2026, 12, 31)),
        ("客服话术补充换新流程", "customer_service", None),
    ]
    # Everyone on the staff reads it; a clerk may not change it.
    listed = rm.list_meetings(clerk_session)
    assert [m.id for m in listed] == [meeting.id] and not listed[0].may_edit
    assert rm.get_meeting(manager_session, meeting.id).may_edit
    # A decision creates its improvement action once.
    first = meeting.decisions[0]
    after = rm.create_action_from_decision(manager_session, first.id, plan="每箱称重")
    action = ImprovementAction.get_by_id(after.decisions[0].action_id)
    assert (action.problem, action.plan, action.department.code) == (
        "包装线增加配件核对",
        "每箱称重",
        "logistics",
    )
    assert after.decisions[0].action_status == "planned"
    with pytest.raises(ValidationError):
        rm.create_action_from_decision(manager_session, first.id)
    # Without a deadline: 30 days after the meeting.
    second = rm.create_action_from_decision(manager_session, meeting.decisions[1].id)
    deadline = ImprovementAction.get_by_id(second.decisions[1].action_id).deadline
    assert str(deadline) == "2027-01-01"
    # Changing the meeting keeps a decision given with its id (and its action).
    kept = {"id": first.id, "text": "包装线增加配件核对（双人）", "department": "logistics"}
    changed = rm.update_meeting(
        manager_session, meeting.id, hot_spots=spots, **_values(decisions=[kept])
    )
    assert [(d.text, d.action_id) for d in changed.decisions] == [
        ("包装线增加配件核对（双人）", action.id)
    ]
    actions = [
        a.action
        for a in AuditLog.select().where(AuditLog.entity == "review_meeting").order_by(AuditLog.id)
    ]
    assert actions == [
        "review_meeting_create",
        "review_decision_action",
        "review_decision_action",
        "review_meeting_update",
    ]
    entry = AuditLog.select().where(AuditLog.action == "review_meeting_create").get()
    assert json.loads(entry.details)["departments"] == ["customer_service", "logistics"]


def test_required_fields_and_the_period(manager_session):
    with pytest.raises(ValidationError) as raised:
        rm.create_meeting(manager_session, **_values(attendees=" "))
    assert raised.value.field == "attendees"
    with pytest.raises(ValidationError) as raised:
        rm.create_meeting(manager_session, **_values(period_end=dt.date(2026, 10, 1)))
    assert raised.value.field == "period_end"
    with pytest.raises(ValidationError) as raised:
        rm.create_meeting(manager_session, **_values(departments=[]))
    assert raised.value.field == "departments"
    with pytest.raises(ValidationError) as raised:
        rm.create_meeting(manager_session, **_values(decisions=[{"text": "x", "department": ""}]))
    assert raised.value.field == "decisions"


def test_supervisors_of_a_department_present(system_session, supervisor_session, clerk_session):
    other = make_user(system_session, "super2", "supervisor", departments=("logistics",))
    mine = rm.create_meeting(supervisor_session, **_values(departments=["customer_service"]))
    assert mine.may_edit
    with pytest.raises(PermissionDenied):
        rm.update_meeting(other, mine.id, **_values(departments=["logistics"]))
    with pytest.raises(PermissionDenied):
        rm.create_meeting(other, **_values(departments=["customer_service"]))
    with pytest.raises(PermissionDenied):
        rm.create_meeting(clerk_session, **_values())
    assert not rm.get_meeting(other, mine.id).may_edit
