"""Improvement actions (持续改进, docs/rules.md#improvement-actions): managers record and track them;
validation, permission, audit, links and listing by period."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import AuditLog, ImprovementAction, ImprovementLink
from desktop_app.services import improvements
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError
from tests.helpers.cases import make_case

D = dt.datetime


def _create(session, **overrides):
    values = {
        "problem": "退款周期长",
        "plan": "退款审批由三级改为两级",
        "department_code": "customer_service",
        "deadline": dt.date(2026, 12, 31),
    }
    values.update(overrides)
    return improvements.create_action(session, **values)


def test_create_with_links_and_audit(manager_session, clerk_session):
    case = make_case(at=D(2026, 11, 20, 10), owner="clerk1", subtype="slow_refund")
    info = _create(
        manager_session,
        department_code="客服部",
        deadline="2026-12-31",
        type_codes=["slow_refund", "process_efficiency"],
        case_ids=[case.id],
    )
    assert (info.problem, info.plan, info.department, info.deadline, info.status) == (
        "退款周期长",
        "退款审批由三级改为两级",
        "customer_service",
        dt.date(2026, 12, 31),
        "planned",
    )
    assert info.type_codes == ("slow_refund", "process_efficiency")
    assert info.case_ids == (case.id,) and info.case_numbers == (case.number,)
    assert info.created_by == "manager1" and info.created_at == D(2026, 11, 25, 10)
    assert not info.overdue
    assert improvements.get_action(manager_session, info.id) == info
    entry = AuditLog.get(AuditLog.action == "improvement_create")
    assert (entry.entity, entry.entity_id, entry.username) == (
        "improvement_action",
        info.id,
        "manager1",
    )
    details = json.loads(entry.details)
    assert details["types"] == ["slow_refund", "process_efficiency"]
    assert details["cases"] == [case.id] and details["deadline"] == "2026-12-31"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"problem": "  "}, "problem"),
        ({"problem": "x" * 2001}, "problem"),
        ({"plan": ""}, "plan"),
        ({"department_code": ""}, "department"),
        ({"department_code": "marketing"}, "department"),
        ({"deadline": None}, "deadline"),
        ({"deadline": "31/12/2026"}, "deadline"),
        ({"deadline": 20261231}, "deadline"),
        ({"status": "finished"}, "status"),
        ({"type_codes": ["no_such_type"]}, "types"),
        ({"case_ids": [999_999]}, "cases"),
        ({"case_ids": ["abc"]}, "cases"),
    ],
)
def test_validation_names_the_field_and_writes_nothing(manager_session, overrides, field):
    with pytest.raises(ValidationError) as info:
        _create(manager_session, **overrides)
    assert info.value.field == field
    assert ImprovementAction.select().count() == 0
    assert not AuditLog.select().where(AuditLog.action == "improvement_create").exists()


def test_status_by_its_chinese_or_english_word(manager_session):
    assert _create(manager_session, status="进行中").status == "in_progress"
    assert _create(manager_session, status="Done").status == "done"


def test_supervisors_their_departments_managers_all(
    manager_session, admin_session, supervisor_session, clerk_session, system_session
):
    """docs/rules.md#improvement-actions: clerks nothing; a supervisor (customer service)
    the actions of their own departments; managers and admins every action."""
    own = _create(admin_session)
    other = _create(manager_session, department_code="logistics")
    with pytest.raises(PermissionDenied):
        _create(clerk_session)
    with pytest.raises(PermissionDenied):
        improvements.update_action(clerk_session, own.id, status="done")
    with pytest.raises(PermissionDenied):
        improvements.list_actions(clerk_session)
    with pytest.raises(PermissionDenied):
        improvements.get_action(clerk_session, own.id)
    s = supervisor_session
    assert [a.id for a in improvements.list_actions(s)] == [own.id]
    assert improvements.update_action(s, own.id, status="in_progress").status == "in_progress"
    assert _create(s).department == "customer_service"
    with pytest.raises(PermissionDenied):
        _create(s, department_code="logistics")
    with pytest.raises(PermissionDenied):
        improvements.update_action(s, other.id, status="done")
    with pytest.raises(PermissionDenied):  # nor hand their own to another department
        improvements.update_action(s, own.id, department_code="logistics")
    with pytest.raises(NotFound):
        improvements.get_action(s, other.id)
    with pytest.raises(PermissionDenied):
        improvements.record_follow_up(s, other.id, "2026-11", "换承运商", "in_progress")
    # The command-line operator has no account to credit the action to.
    with pytest.raises(PermissionDenied):
        _create(system_session)
    assert len(improvements.list_actions(manager_session)) == 3


def test_update_status_fields_and_links(manager_session, clerk_session, clock):
    case = make_case(at=D(2026, 11, 20, 10), owner="clerk1")
    action = _create(manager_session, type_codes=["delivery"], case_ids=[case.id])
    clock.advance(days=3)
    updated = improvements.update_action(
        manager_session,
        action.id,
        status="in_progress",
        deadline="2027-01-15",
        department_code="logistics",
        type_codes=["logistics_delay", "delivery"],
    )
    assert (updated.status, updated.deadline, updated.department) == (
        "in_progress",
        dt.date(2027, 1, 15),
        "logistics",
    )
    assert updated.type_codes == ("logistics_delay", "delivery")
    assert updated.case_ids == (case.id,)  # not given: kept
    assert updated.updated_at == D(2026, 11, 28, 10) and updated.problem == action.problem
    details = json.loads(AuditLog.get(AuditLog.action == "improvement_update").details)
    assert details["status"] == {"old": "planned", "new": "in_progress"}
    assert details["deadline"] == {"old": "2026-12-31", "new": "2027-01-15"}
    assert details["department"] == {"old": "customer_service", "new": "logistics"}
    # An empty list removes that kind of link.
    cleared = improvements.update_action(manager_session, action.id, case_ids=[])
    assert cleared.case_ids == () and cleared.type_codes == ("logistics_delay", "delivery")
    assert ImprovementLink.select().count() == 2
    # Nothing changed: nothing written.
    before = AuditLog.select().count()
    same = improvements.update_action(manager_session, action.id, status="in_progress")
    assert same == cleared and AuditLog.select().count() == before
    with pytest.raises(ValidationError) as info:
        improvements.update_action(manager_session, action.id, status="nope")
    assert info.value.field == "status"
    with pytest.raises(ValidationError) as info:
        improvements.update_action(manager_session, action.id, plan=" ")
    assert info.value.field == "plan"
    assert improvements.get_action(manager_session, action.id).status == "in_progress"
    with pytest.raises(NotFound):
        improvements.update_action(manager_session, 12345, status="done")


def test_overdue_while_open(manager_session):
    action = _create(manager_session, deadline=dt.date(2026, 11, 24))
    assert action.overdue  # today is 25 Nov
    assert not _create(manager_session, deadline=dt.date(2026, 11, 25)).overdue
    done = improvements.update_action(manager_session, action.id, status="done")
    assert not done.overdue


def test_listing_by_period(manager_session):
    """An action belongs to a period when it was active in it: created before the period
    ended, and still open or last changed on or after its first day."""

    def action(label, status, created, updated, deadline, dept="customer_service"):
        info = _create(
            manager_session, problem=label, status=status, deadline=deadline, department_code=dept
        )
        ImprovementAction.update(created_at=created, updated_at=updated).where(
            ImprovementAction.id == info.id
        ).execute()
        return label

    action("open since September", "planned", D(2026, 9, 1), D(2026, 9, 1), dt.date(2026, 10, 15))
    action(
        "done in September", "done", D(2026, 9, 2), D(2026, 9, 30, 23, 59, 59), dt.date(2026, 9, 30)
    )
    action("done on 1 October", "done", D(2026, 9, 3), D(2026, 10, 1), dt.date(2026, 10, 1))
    action(
        "cancelled in November",
        "cancelled",
        D(2026, 10, 20),
        D(2026, 11, 2),
        dt.date(2026, 12, 1),
        dept="tech",
    )
    action(
        "created on 31 October",
        "in_progress",
        D(2026, 10, 31, 23, 59, 59),
        D(2026, 10, 31, 23, 59, 59),
        dt.date(2026, 11, 30),
    )
    action("created in November", "planned", D(2026, 11, 1), D(2026, 11, 1), dt.date(2026, 11, 20))

    def listed(start=None, end=None, department=None):
        return [
            a.problem
            for a in improvements.list_actions(
                manager_session, start, end, department_code=department
            )
        ]

    october = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert listed(*october) == [
        "done on 1 October",
        "open since September",
        "created on 31 October",
        "cancelled in November",
    ]
    assert listed(*october, department="tech") == ["cancelled in November"]
    assert listed(dt.date(2026, 11, 1), dt.date(2026, 11, 30)) == [
        "open since September",
        "created in November",
        "created on 31 October",
        "cancelled in November",
    ]
    assert listed(None, dt.date(2026, 9, 30)) == [
        "done in September",
        "done on 1 October",
        "open since September",
    ]
    assert len(listed()) == 6
    with pytest.raises(ValidationError) as info:
        improvements.list_actions(manager_session, dt.date(2026, 11, 2), dt.date(2026, 11, 1))
    assert info.value.field == "period"


def test_the_actions_of_a_case_follow_the_readers_rule(system_session, clock):
    """docs/rules.md#improvement-actions: the case window's list of linked actions."""
    from tests.helpers.fixtures import make_user

    manager = make_user(system_session, "manager1", "manager", departments=())
    own = make_user(system_session, "super1", "supervisor")
    other = make_user(system_session, "super2", "supervisor", departments=("tech",))
    clerk = make_user(system_session, "clerk1", "clerk", supervisor="super1")
    outsider = make_user(system_session, "clerk3", "clerk", departments=("logistics",))
    case = make_case(at=clock.now() - dt.timedelta(hours=1), owner="clerk1")
    unlinked = make_case(at=clock.now() - dt.timedelta(hours=1), owner="clerk1")
    day = clock.now().date() + dt.timedelta(days=30)
    mine = improvements.create_action(
        own, "配件破损", "加固包装", "customer_service", day, case_ids=[case.id]
    )
    theirs = improvements.create_action(
        manager, "安装慢", "增派师傅", "tech", day, case_ids=[case.id, unlinked.id]
    )
    improvements.create_action(manager, "无关", "无关", "customer_service", day)
    assert [a.id for a in improvements.actions_of_case(manager, case.id)] == [mine.id, theirs.id]
    assert [a.id for a in improvements.actions_of_case(own, case.id)] == [mine.id]
    assert [a.id for a in improvements.actions_of_case(manager, unlinked.id)] == [theirs.id]
    assert improvements.actions_of_case(clerk, case.id) == []
    # super2 (tech) and a logistics clerk do not see the case at all.
    with pytest.raises(PermissionDenied):
        improvements.actions_of_case(other, case.id)
    with pytest.raises(PermissionDenied):
        improvements.actions_of_case(outsider, case.id)
    with pytest.raises(NotFound):
        improvements.actions_of_case(manager, 10**6)
