"""The Policy screens' services (docs/rules.md#policy-screens): types, departments,
channels and settings edited in the program, conflicts between two managers, the deadline
preview and "recompute open cases"."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from desktop_app.db.models import AuditLog, Complaint, ComplaintType, Department
from desktop_app.services import intake, policy
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ConflictError, PermissionDenied, ValidationError
from tests.helpers.fixtures import TEST_NOW, make_user
from tests.unit.test_intake import good_form


def _subtype_cells(**changes):
    cells = {
        "subtype_zh": "安装延误",
        "subtype_en": "Installation delay",
        "default_level": "II",
        "callback": "same_day",
        "handling": "receiver",
        "handler_department": None,
        "notify_department": None,
    }
    cells.update(changes)
    return cells


def test_a_new_subtype_sets_level_and_first_callback_of_the_next_case(
    manager_session, clerk_session
):
    code = policy.add_subtype(manager_session, "process_efficiency", _subtype_cells())
    assert code == "installation_delay"
    sub = ComplaintType.get(code=code)
    assert (sub.parent.code, sub.name_zh, sub.default_level, sub.callback_rule) == (
        "process_efficiency",
        "安装延误",
        2,
        "same_day",
    )
    saved = intake.register_complaint(
        clerk_session, good_form(type="process_efficiency", subtype=code, member_tier="regular")
    )
    case = Complaint.get_by_id(saved.id)
    assert case.level == 2
    # Complained 09:40 on a working day: same-day callback (18:00) loses to 4 hours.
    assert case.first_response_due == dt.datetime(2026, 11, 25, 13, 40)
    entry = AuditLog.get(AuditLog.action == "policy_change")
    assert {"sheet": "types", "code": code, "field": "added", "old": None} in [
        {k: c[k] for k in ("sheet", "code", "field", "old")}
        for c in json.loads(entry.details)["changes"]
    ]


def test_bad_values_name_the_field_and_change_nothing(manager_session):
    before = ComplaintType.select().count()
    with pytest.raises(ValidationError) as bad_level:
        policy.add_subtype(
            manager_session, "process_efficiency", _subtype_cells(default_level="IV")
        )
    assert bad_level.value.field == "default_level"
    assert "IV" in bad_level.value.message
    with pytest.raises(ValidationError) as no_name:
        policy.add_subtype(manager_session, "process_efficiency", _subtype_cells(subtype_zh=" "))
    assert no_name.value.field == "name_zh"
    with pytest.raises(ValidationError) as hours:
        policy.change_settings(manager_session, {"sla.first_response_hours.normal": 73})
    assert hours.value.field == "sla.first_response_hours.normal"
    with pytest.raises(ValidationError) as days:
        policy.change_settings(manager_session, {"sla.resolution_days.low": 31})
    assert days.value.field == "sla.resolution_days.low"
    assert ComplaintType.select().count() == before
    assert settings_service.get("sla.first_response_hours.normal") == 4.0
    assert not AuditLog.select().where(AuditLog.action == "policy_change").exists()


def test_a_second_managers_edit_is_detected_not_overwritten(manager_session, system_session):
    view = policy.load_policy(manager_session)
    shown = {policy.row_key("types", r): r for r in view.rows["types"]}["functional_defect"]
    # Another manager renames the subtype meanwhile.
    policy.change_policy(
        make_user(system_session, "manager2", "manager"),
        "types",
        [
            {
                "type": "product_quality",
                "subtype": "functional_defect",
                "subtype_zh": "功能故障",
                "subtype_en": "Malfunction",
            }
        ],
    )
    with pytest.raises(ConflictError):
        policy.change_policy(
            manager_session,
            "types",
            [{"type": "product_quality", "subtype": "functional_defect", "default_level": "III"}],
            expected={"functional_defect": shown},
        )
    sub = ComplaintType.get(code="functional_defect")
    assert (sub.name_zh, sub.default_level) == ("功能故障", 1)
    # Settings: the value the editor showed must still be the stored one.
    with pytest.raises(ConflictError):
        policy.change_settings(
            manager_session,
            {"rules.batch_threshold": 20},
            expected={"rules.batch_threshold": 9},
        )
    assert settings_service.get("rules.batch_threshold") == 10


def test_deactivated_rows_stay_and_leave_the_forms(manager_session):
    policy.change_policy(manager_session, "channels", [{"code": "letter", "active": False}])
    from desktop_app.services import reference

    assert "letter" not in [c.code for c in reference.channels()]
    view = policy.load_policy(manager_session)
    assert ["letter", "书信", "Letter", "否"] in view.rows["channels"]
    code = policy.add_reference(manager_session, "departments", "售后部", "After-sales")
    assert Department.get(code=code).name_en == "After-sales"
    assert code in [d.code for d in reference.departments()]


def test_move_swaps_neighbours_and_stops_at_the_ends(manager_session):
    def order():
        parent = ComplaintType.get(code="product_quality")
        return [
            t.code
            for t in ComplaintType.select()
            .where(ComplaintType.parent == parent)
            .order_by(ComplaintType.sort_order, ComplaintType.id)
        ]

    first, second, *rest = order()
    assert policy.move(manager_session, "types", second, -1)
    assert order() == [second, first, *rest]
    assert not policy.move(manager_session, "types", second, -1)
    assert policy.move(manager_session, "types", second, +1)
    assert order() == [first, second, *rest]


def test_readers_and_editors(supervisor_session, clerk_session, manager_session):
    assert policy.load_policy(supervisor_session).settings["rules.batch_threshold"] == 10
    with pytest.raises(PermissionDenied):
        policy.load_policy(clerk_session)
    with pytest.raises(PermissionDenied):
        policy.change_settings(supervisor_session, {"rules.batch_threshold": 20})
    with pytest.raises(PermissionDenied):
        policy.recompute_preview(supervisor_session)


def test_matrix_change_applies_to_the_next_case_and_recompute_moves_exactly_the_counted(
    manager_session, clerk_session
):
    form = good_form(member_tier="regular", complaint_time=dt.datetime(2026, 11, 25, 9, 40))
    old = Complaint.get_by_id(intake.register_complaint(clerk_session, form).id)
    assert old.first_response_due == dt.datetime(2026, 11, 25, 13, 40)
    preview = policy.deadline_preview(manager_session, {"sla.first_response_hours.normal": 1})
    assert preview.due.first_response_due == preview.registered + dt.timedelta(hours=1)

    policy.change_settings(
        manager_session,
        {"sla.first_response_hours.normal": 1},
        expected={"sla.first_response_hours.normal": 4.0},
    )
    new = Complaint.get_by_id(intake.register_complaint(clerk_session, form).id)
    assert new.first_response_due == dt.datetime(2026, 11, 25, 10, 40)
    assert Complaint.get_by_id(old.id).first_response_due == dt.datetime(2026, 11, 25, 13, 40)

    plan = policy.recompute_preview(manager_session)
    assert (plan.open_cases, plan.cases, plan.deadlines) == (2, 1, 1)
    versions = {c.id: c.version for c in Complaint.select()}
    assert policy.recompute_open_cases(manager_session) == plan.cases
    assert Complaint.get_by_id(old.id).first_response_due == dt.datetime(2026, 11, 25, 10, 40)
    moved = [c.id for c in Complaint.select() if c.version != versions[c.id]]
    assert moved == [old.id]
    assert policy.recompute_preview(manager_session).cases == 0


def test_escalation_people_are_accounts(manager_session):
    with pytest.raises(ValidationError) as nobody:
        policy.change_settings(manager_session, {"escalation.manager_username": "nobody"})
    assert nobody.value.field == "escalation.manager_username"
    policy.change_settings(
        manager_session, {"escalation.manager_username": manager_session.username}
    )
    assert settings_service.get("escalation.manager_username") == manager_session.username


def test_codes_come_from_the_english_name():
    assert policy.new_code("Delivery delay", ["delivery_delay"]) == "delivery_delay_2"
    assert policy.new_code("  ", []) == "item"
    assert dataclasses.is_dataclass(policy.RecomputePlan)


def test_root_causes_are_added_renamed_switched_off_and_reordered(manager_session, system_session):
    """docs/rules.md#root-causes: the configurable list, edited like departments."""
    from desktop_app.db.models import CauseCategory
    from desktop_app.services import cases, reference
    from tests.helpers.cases import make_case

    case = make_case(at=TEST_NOW, owner="manager1", root_cause=CauseCategory.get(code="logistics"))
    code = policy.add_reference(manager_session, "causes", "安装问题", "Installation")
    assert code == "installation"
    assert [c.code for c in reference.causes()][-1] == "installation"
    view = policy.load_policy(manager_session)
    shown = {r[0]: r for r in view.rows["causes"]}
    policy.change_policy(
        manager_session,
        "causes",
        [{"code": "product_design", "name_zh": "产品设计缺陷", "name_en": "Design flaw"}],
        expected={"product_design": shown["product_design"]},
    )
    policy.change_policy(
        manager_session,
        "causes",
        [{"code": "logistics", "active": False}],
        expected={"logistics": shown["logistics"]},
    )
    offered = {t.code: t for t in reference.causes()}
    assert offered["product_design"].label("zh") == "产品设计缺陷"
    assert "logistics" not in offered
    # The case keeps the cause switched off.
    assert cases.get_case(manager_session, case.id).root_cause == "logistics"
    assert policy.move(manager_session, "causes", "installation", -1)
    assert [c.code for c in reference.causes()][-2:] == [
        "installation",
        "customer_misunderstanding",
    ]
    changes = [
        (c["sheet"], c["code"], c["field"], c["old"], c["new"])
        for e in AuditLog.select().where(AuditLog.action == "policy_change")
        for c in json.loads(e.details)["changes"]
    ]
    assert ("causes", "installation", "added", None, "installation") in changes
    assert ("causes", "product_design", "name_en", "Product design", "Design flaw") in changes
    assert ("causes", "logistics", "active", True, False) in changes
    # The editor showed the old name of product_design: a stale edit is refused.
    with pytest.raises(ConflictError):
        policy.change_policy(
            make_user(system_session, "manager2", "manager"),
            "causes",
            [{"code": "product_design", "active": False}],
            expected={"product_design": shown["product_design"]},
        )
    assert CauseCategory.get(code="product_design").active
    # Supervisors read the list and cannot change it.
    supervisor = make_user(system_session, "super9", "supervisor")
    assert [r[0] for r in policy.load_policy(supervisor).rows["causes"]][0] == "product_design"
    with pytest.raises(PermissionDenied):
        policy.add_reference(supervisor, "causes", "其他", "Other")
