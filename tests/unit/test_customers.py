"""The customer record (docs/rules.md#customers): flags that decide the next complaint's
urgency and level, who may see and change what, conflicts, re-assessing open cases."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import AuditLog, Complaint, Customer
from desktop_app.services import customers, intake
from desktop_app.services.errors import ConflictError, PermissionDenied
from desktop_app.services.intake import FormInvalid
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user
from tests.unit.test_intake import good_form


def _edit(session, customer_id, **changes):
    """Save the record as read, with ``changes``."""
    record = customers.get_customer(session, customer_id)
    values = {
        "updated_at": record.updated_at,
        "name": record.name,
        "member_number": record.member_number,
        "tier": record.tier,
        "sensitive_kind": record.sensitive_kind or None,
    }
    values.update(changes)
    return customers.update_customer(session, customer_id, **values)


@pytest.fixture
def registered(clerk_session):
    """A complaint of 王小明 (gold member M1001), registered by the clerk."""
    return intake.register_complaint(clerk_session, good_form())


def test_marking_a_customer_sensitive_makes_the_next_complaint_urgent(
    clerk_session, supervisor_session, registered
):
    assert not registered.urgent
    done = _edit(
        supervisor_session, registered.customer_id, sensitive_kind="media", reason="记者身份"
    )
    assert done.changed == ("sensitive_kind",)
    assert done.record.sensitive and done.record.sensitive_kind == "media"
    following = intake.register_complaint(clerk_session, good_form())
    assert following.customer_id == registered.customer_id
    assert following.urgent and following.urgent_reasons == ("sensitive",)
    # The earlier case is left as it was (no re-assessment asked for).
    assert not Complaint.get_by_id(registered.id).urgent


def test_a_vip_tier_makes_the_next_complaint_level_iii(clerk_session, manager_session, registered):
    assert registered.level == 1
    _edit(manager_session, registered.customer_id, tier="vip", reason="升级为VIP")
    following = intake.register_complaint(clerk_session, good_form())
    assert following.level == 3


def test_a_change_of_tier_or_sensitivity_needs_a_reason(supervisor_session, registered):
    with pytest.raises(FormInvalid) as info:
        _edit(supervisor_session, registered.customer_id, sensitive_kind="group_leader")
    assert info.value.field == "reason"
    with pytest.raises(FormInvalid) as info:
        _edit(supervisor_session, registered.customer_id, tier="vip", reason="  ")
    assert info.value.field == "reason"
    assert not Customer.get_by_id(registered.customer_id).sensitive
    # A name needs no reason.
    assert _edit(supervisor_session, registered.customer_id, name="王晓明").changed == ("name",)


def test_bad_fields_are_named_and_nothing_is_written(supervisor_session, registered):
    with pytest.raises(FormInvalid) as info:
        _edit(
            supervisor_session,
            registered.customer_id,
            name=" ",
            phone="12345",
            email="not-mail",
            tier="platinum",
            sensitive_kind="celebrity",
        )
    assert {p.field for p in info.value.problems} == {
        "customer_name",
        "customer_phone",
        "customer_email",
        "member_tier",
        "sensitive_kind",
    }
    assert Customer.get_by_id(registered.customer_id).name == "王小明"


def test_a_clerk_may_look_but_not_change(clerk_session, registered):
    record = customers.get_customer(clerk_session, registered.customer_id)
    assert not record.may_edit and record.phone == "13812345678"  # the receiver's own case
    with pytest.raises(PermissionDenied):
        _edit(clerk_session, registered.customer_id, sensitive_kind="media", reason="x")
    assert not Customer.get_by_id(registered.customer_id).sensitive


def test_a_second_edit_based_on_an_old_reading_is_refused(
    supervisor_session, manager_session, registered
):
    first = customers.get_customer(supervisor_session, registered.customer_id)
    second = customers.get_customer(manager_session, registered.customer_id)
    base = {"name": first.name, "member_number": first.member_number, "sensitive_kind": None}
    customers.update_customer(
        supervisor_session,
        registered.customer_id,
        updated_at=first.updated_at,
        tier="vip",
        reason="年度消费达标",
        **base,
    )
    with pytest.raises(ConflictError):
        customers.update_customer(
            manager_session,
            registered.customer_id,
            updated_at=second.updated_at,
            tier="silver",
            reason="降级",
            **base,
        )
    assert Customer.get_by_id(registered.customer_id).tier == "vip"


def test_reassess_open_makes_the_open_cases_urgent_and_counts_them(
    clerk_session, supervisor_session, registered
):
    again = intake.register_complaint(clerk_session, good_form(description="第二次投诉，仍未处理"))
    closed = Complaint.get_by_id(again.id)
    closed.is_open, closed.stage = False, "closed"
    closed.save()
    done = _edit(
        supervisor_session,
        registered.customer_id,
        sensitive_kind="regulator",
        tier="vip",
        reason="监管部门转来",
        reassess_open=True,
    )
    assert (done.reassessed, done.not_reassessed) == (1, 0)
    case = Complaint.get_by_id(registered.id)
    assert case.urgent and "sensitive" in case.urgent_reasons and case.level == 3
    assert case.first_response_due < registered.first_response_due  # urgent targets
    assert not Complaint.get_by_id(again.id).urgent  # closed: left alone
    entry = AuditLog.get(AuditLog.action == "reassess", AuditLog.entity_id == case.id)
    assert json.loads(entry.details)["reason"] == "监管部门转来"
    # Asked again: nothing left to re-assess.
    again_done = _edit(
        supervisor_session, registered.customer_id, reason="复核", reassess_open=True
    )
    assert again_done.reassessed == 0


def test_contacts_are_masked_for_a_user_not_entitled(system_session, clock, registered):
    outsider = make_user(system_session, "super2", "supervisor", departments=("logistics",))
    record = customers.get_customer(outsider, registered.customer_id)
    assert record.contact_masked
    assert record.phone == "138****5678"
    assert record.id_number == "110***********002X"
    # ... and may not overwrite what it cannot see.
    with pytest.raises(PermissionDenied):
        _edit(outsider, registered.customer_id, phone="13900001111")
    # A clerk of another department may not open a customer without a case in their queues.
    stranger = make_user(system_session, "clerk9", "clerk", departments=("logistics",))
    with pytest.raises(PermissionDenied):
        customers.get_customer(stranger, registered.customer_id)
    assert (
        not AuditLog.select()
        .where(AuditLog.action == "contact_unmasked", AuditLog.entity == "customer")
        .exists()
    )


def test_a_full_showing_is_audited_and_the_audit_keeps_contacts_masked(manager_session, registered):
    record = customers.get_customer(manager_session, registered.customer_id)
    assert not record.contact_masked and record.phone == "13812345678"
    shown = AuditLog.get(AuditLog.action == "contact_unmasked", AuditLog.entity == "customer")
    assert set(json.loads(shown.details)["fields"]) == {"phone", "id_number"}
    _edit(manager_session, registered.customer_id, phone="13900001111", email="wang@example.com")
    changed = json.loads(AuditLog.get(AuditLog.action == "customer_update").details)
    assert changed["phone"] == ["138****5678", "139****1111"]
    assert changed["email"] == ["", "w***@example.com"]
    assert "13900001111" not in AuditLog.get(AuditLog.action == "customer_update").details


def test_reassess_skips_cases_the_supervisor_does_not_supervise(
    system_session, clock, supervisor_session
):
    make_user(system_session, "clerk7", "clerk", departments=("logistics",))
    case = make_case(at=clock.now() - dt.timedelta(hours=1), owner="clerk7", department="logistics")
    Customer.update(member_number="M77").where(Customer.id == case.customer_id).execute()
    done = _edit(
        supervisor_session,
        case.customer_id,
        sensitive_kind="government",
        reason="政府部门",
        reassess_open=True,
    )
    assert (done.reassessed, done.not_reassessed) == (0, 1)
    assert not Complaint.get_by_id(case.id).urgent
