"""Re-assessment of a case during handling (docs/rules.md#re-assessment) and the account
frozen note of account-security cases (docs/rules.md#routing), at the service layer on a
real database with the clock fixed at Wed 2026-11-25 10:00."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import AuditLog, Complaint, Reminder
from desktop_app.services import cases
from desktop_app.services.cases import CaseConflict
from desktop_app.services.errors import PermissionDenied, ValidationError
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

D = dt.datetime


@pytest.fixture
def team(system_session, supervisor_session, clerk_session, manager_session):
    """clerk1 (supervisor super1) in customer service, manager1; risk1 supervises risk
    control."""
    risk = make_user(system_session, "risk1", "supervisor", departments=("risk_control",))
    return {
        "clerk": clerk_session,
        "super": supervisor_session,
        "manager": manager_session,
        "risk": risk,
    }


def _version(session, case_id: int) -> int:
    return cases.get_case(session, case_id).version


def test_normal_case_made_urgent_two_hours_after_registration(team, clock):
    clerk, boss, manager = team["clerk"], team["super"], team["manager"]
    case = make_case(at=clock.now(), owner="clerk1", subtype="appearance_defect")
    before = cases.get_case(clerk, case.id)
    # Level I, normal: first response within 4 hours (T+1 callback later).
    assert (before.level, before.urgent, before.owner) == (1, False, "clerk1")
    assert before.first_response_due == D(2026, 11, 25, 14, 0)
    assert "reassess" not in before.actions  # the owner is no supervisor

    clock.advance(hours=2)
    seen = cases.get_case(boss, case.id)
    assert "reassess" in seen.actions
    detail = cases.reassess(
        boss,
        case.id,
        version=seen.version,
        urgent=True,
        urgent_reason="客户称将向媒体投诉",
    )

    # Urgent from the complaint time: 2 hours, earlier than the 3-hour urgent callback.
    assert detail.urgent and "staff" in detail.urgent_reasons
    assert detail.urgency == "urgent"
    assert detail.first_response_due == D(2026, 11, 25, 12, 0)
    assert detail.solution_due == D(2026, 11, 26, 18, 0)  # 1 working day
    # Routed again: the receiver's supervisor handles an urgent case; the receiver stays.
    assert (detail.owner, detail.receiver) == ("super1", "clerk1")
    stored = Complaint.get_by_id(case.id)
    assert stored.priority == 4 and stored.version == seen.version + 1
    # Reported up at once: super1 and the manager each get one reminder.
    told = {
        r.recipient_id: r
        for r in Reminder.select().where(
            Reminder.complaint == case.id, Reminder.kind == "reported_up"
        )
    }
    assert set(told) == {boss.user_id, manager.user_id}
    assert told[boss.user_id].message == case.number
    assert told[boss.user_id].created_at == clock.now()

    # The audit says who and why, the timeline too.
    entry = AuditLog.get(AuditLog.action == "reassess", AuditLog.entity_id == case.id)
    assert entry.username == "super1"
    details = cases._json(entry.details)
    assert details["reason"] == "客户称将向媒体投诉"
    assert details["urgent"] == [False, True]
    assert details["owner"] == ["clerk1", "super1"]
    assert details["first_response_due"] == ["2026-11-25 14:00:00", "2026-11-25 12:00:00"]
    events = cases.timeline(boss, case.id)
    titles = [e.title for e in events if e.kind == "audit"]
    assert "Re-assessed by super1: marked urgent; owner clerk1 → super1" in titles
    assert "Assigned by rule: Urgent: a supervisor or above → super1" in titles
    reassessed = next(e for e in events if e.details.get("action") == "reassess")
    assert reassessed.actor == "super1"
    assert reassessed.details["reason"] == "客户称将向媒体投诉"
    assert reassessed.details["first_response_due"] == [
        D(2026, 11, 25, 14, 0),
        D(2026, 11, 25, 12, 0),
    ]

    # Marked urgent again later (after a manager took the mark off): no second reminder.
    detail = cases.reassess(
        manager, case.id, version=detail.version, urgent=False, reason="媒体投诉为误会"
    )
    assert not detail.urgent and detail.urgency == "normal"
    assert detail.first_response_due == D(2026, 11, 25, 14, 0)
    assert detail.owner == "clerk1"  # routed again: back to the receiver
    cases.reassess(boss, case.id, version=detail.version, urgent=True, urgent_reason="again")
    assert Reminder.select().where(Reminder.kind == "reported_up").count() == 2


def test_a_clerk_may_not_reassess(team, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    with pytest.raises(PermissionDenied):
        cases.reassess(
            team["clerk"],
            case.id,
            version=_version(team["clerk"], case.id),
            level=2,
            reason="严重",
        )
    assert Complaint.get_by_id(case.id).level == 1


def test_supervisor_may_raise_not_lower_and_manager_may_lower_with_a_reason(team, clock):
    boss, manager = team["super"], team["manager"]
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.reassess(boss, case.id, version=_version(boss, case.id), level=2, reason="多次")
    assert detail.level == 2 and detail.owner == "clerk1"  # level II: still the receiver's
    assert detail.needs_approval

    with pytest.raises(PermissionDenied) as refused:
        cases.reassess(boss, case.id, version=detail.version, level=1, reason="误判")
    assert refused.value.field == "level"
    urgent = cases.reassess(boss, case.id, version=detail.version, urgent=True, reason="媒体")
    with pytest.raises(PermissionDenied) as refused:
        cases.reassess(boss, case.id, version=urgent.version, urgent=False, reason="误判")
    assert refused.value.field == "urgent"

    with pytest.raises(ValidationError) as missing:
        cases.reassess(manager, case.id, version=urgent.version, level=1)
    assert missing.value.field == "reason"
    lowered = cases.reassess(
        manager, case.id, version=urgent.version, level=1, urgent=False, reason="核实为一般投诉"
    )
    assert (lowered.level, lowered.urgent) == (1, False)
    with pytest.raises(ValidationError):  # nothing left to change
        cases.reassess(manager, case.id, version=lowered.version, level=1, reason="再次")


def test_level_three_and_a_new_subtype_route_again(team, clock):
    boss = team["super"]
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.reassess(boss, case.id, version=_version(boss, case.id), level=3, reason="升级")
    assert (detail.level, detail.owner) == (3, "super1")  # level III: the receiver's supervisor
    routed = AuditLog.select().where(AuditLog.action == "complaint_routed").get()
    assert cases._json(routed.details)["rule"] == "level_iii"

    # Re-typed as account security: risk control's supervisor, the level stays III and the
    # subtype's T+2 callback applies.
    other = make_case(at=clock.now(), owner="clerk1")
    retyped = cases.reassess(
        boss,
        other.id,
        version=_version(boss, other.id),
        type_code="member_rights",
        subtype_code="account_security",
        reason="实为盗号",
    )
    assert (retyped.subtype_code, retyped.type_code) == ("account_security", "member_rights")
    assert (retyped.level, retyped.owner, retyped.receiver) == (3, "risk1", "clerk1")
    assert retyped.account_security

    with pytest.raises(ValidationError) as wrong:
        cases.reassess(
            boss,
            other.id,
            version=retyped.version,
            type_code="product_quality",
            subtype_code="account_security",
            reason="x",
        )
    assert wrong.value.field == "subtype"


def test_stale_version_and_closed_case_are_refused(team, clock):
    boss, clerk = team["super"], team["clerk"]
    case = make_case(at=clock.now(), owner="clerk1")
    seen = _version(boss, case.id)
    cases.escalate(clerk, case.id, "客户要求", version=seen)
    with pytest.raises(CaseConflict) as conflict:
        cases.reassess(boss, case.id, version=seen, level=2, reason="严重")
    assert [c.action for c in conflict.value.changes] == ["escalate"]
    assert Complaint.get_by_id(case.id).level == 1

    detail = cases.close_case(
        clerk,
        case.id,
        confirmed=False,
        outcome="unresolved",
        reason="客户失联",
        version=seen + 1,
    )
    assert "reassess" not in cases.get_case(boss, case.id).actions
    with pytest.raises(ValidationError) as closed:
        cases.reassess(boss, case.id, version=detail.version, level=2, reason="严重")
    assert "closed" in closed.value.message


def test_account_frozen_note_on_account_security_cases(team, clock):
    clerk, risk = team["clerk"], team["risk"]
    case = make_case(at=clock.now(), owner="clerk1", subtype="account_security")
    detail = cases.get_case(clerk, case.id)
    assert detail.account_security and detail.account_frozen_at is None
    assert "account_frozen" in detail.actions
    clock.advance(minutes=5)
    detail = cases.note_account_frozen(clerk, case.id, frozen=True, version=detail.version)
    assert detail.account_frozen_at == clock.now()
    event = next(e for e in cases.timeline(clerk, case.id) if e.title == "Account frozen: yes")
    assert (event.actor, event.details["frozen_at"]) == ("clerk1", clock.now())
    with pytest.raises(ValidationError):
        cases.note_account_frozen(clerk, case.id, frozen=True, version=detail.version)
    detail = cases.note_account_frozen(clerk, case.id, frozen=False, version=detail.version)
    assert detail.account_frozen_at is None
    del risk

    plain = make_case(at=clock.now(), owner="clerk1")
    assert "account_frozen" not in cases.get_case(clerk, plain.id).actions
    with pytest.raises(ValidationError):
        cases.note_account_frozen(clerk, plain.id, frozen=True, version=_version(clerk, plain.id))
