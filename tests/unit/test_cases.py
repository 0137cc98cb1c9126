"""The case workflow of docs/rules.md#workflow at the service layer: stages in order, approval,
transfer, escalation, close, reopen, conflicts, scope and masking."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import (
    AuditLog,
    CauseCategory,
    Complaint,
    Escalation,
    ProgressEntry,
    Reminder,
    Transfer,
)
from desktop_app.services import cases
from desktop_app.services import settings as settings_service
from desktop_app.services.cases import CaseConflict, ProgressForm
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

D = dt.datetime


@pytest.fixture
def team(system_session, supervisor_session, clerk_session, manager_session):
    """clerk1 (supervisor super1) and clerk2 in customer service; clerk3 in logistics."""
    clerk2 = make_user(system_session, "clerk2", "clerk", supervisor="super1")
    outsider = make_user(system_session, "clerk3", "clerk", departments=("logistics",))
    return {
        "clerk": clerk_session,
        "clerk2": clerk2,
        "outsider": outsider,
        "super": supervisor_session,
        "manager": manager_session,
    }


def _progress(session, case_id, stage, **fields):
    version = cases.get_case(session, case_id).version
    return cases.add_progress(
        session, case_id, ProgressForm(stage=stage, **fields), version=version
    )


def test_level_two_case_through_every_stage_close_and_reopen(team, clock):
    clerk, boss = team["clerk"], team["super"]
    case = make_case(at=clock.now(), owner="clerk1", subtype="staff_attitude")
    detail = cases.get_case(clerk, case.id)
    assert (detail.level, detail.needs_approval, detail.stage) == (2, True, "registered")
    assert detail.next_stages == ("assigned",)
    # Same working day callback and 4 h first response: 14:00; 3 and 7 working days.
    assert detail.first_response_due == D(2026, 11, 25, 14, 0)
    assert detail.solution_due == D(2026, 11, 30, 18, 0)
    assert detail.resolution_due == D(2026, 12, 4, 18, 0)

    clock.advance(minutes=30)
    detail = _progress(clerk, case.id, "assigned", result="本人受理", customer_contacted=True)
    assert detail.first_response_at == D(2026, 11, 25, 10, 30)
    assert detail.next_due == detail.solution_due  # first response met
    clock.advance(hours=1)
    _progress(clerk, case.id, "investigating", result="调取录音")
    clock.advance(hours=1)
    detail = _progress(clerk, case.id, "solution_proposed", result="道歉并补偿积分")
    assert detail.next_stages == ()  # approval first
    assert "request_approval" in detail.actions
    with pytest.raises(ValidationError) as refused:
        _progress(clerk, case.id, "execution", result="直接执行")
    assert refused.value.field == "stage"

    detail = cases.request_approval(clerk, case.id, "道歉并补偿200积分", version=detail.version)
    assert detail.stage == "approval"
    assert "decide_approval" not in detail.actions  # a clerk cannot approve
    with pytest.raises(PermissionDenied):
        cases.decide_approval(clerk, case.id, True, "", version=detail.version)
    clock.advance(minutes=20)
    boss_view = cases.get_case(boss, case.id)
    assert "decide_approval" in boss_view.actions
    asked = Reminder.get(Reminder.complaint == case.id, Reminder.kind == "approval_requested")
    assert (asked.recipient_id, asked.message) == (boss.user_id, "道歉并补偿200积分")
    detail = cases.decide_approval(boss, case.id, True, "同意", version=boss_view.version)
    assert Reminder.get_by_id(asked.id).acknowledged_at == clock.now()
    assert detail.stage == "execution"
    assert detail.solution_agreed_at == D(2026, 11, 25, 12, 50)
    assert detail.next_due == detail.resolution_due

    clock.advance(hours=1)
    detail = cases.transfer(
        clerk, case.id, team["clerk2"].user_id, "休假交接", version=detail.version
    )
    assert detail.owner == "clerk2"
    clerk2 = team["clerk2"]
    clock.advance(minutes=5)
    detail = cases.escalate(clerk2, case.id, "客户要求主管处理", version=detail.version)
    assert detail.escalation_step == 1
    notice = Reminder.get(Reminder.complaint == case.id, Reminder.kind == "escalated")
    assert notice.recipient_id == boss.user_id  # clerk2's supervisor
    clock.advance(hours=1)
    detail = _progress(
        clerk2, case.id, "awaiting_confirmation", result="积分已发放", customer_contacted=True
    )
    clock.advance(hours=1)
    # docs/rules.md#root-causes: a level II case closes only with its root cause.
    with pytest.raises(ValidationError) as no_cause:
        cases.close_case(
            clerk2, case.id, confirmed=True, outcome="resolved", reason="", version=detail.version
        )
    assert no_cause.value.field == "root_cause"
    detail = cases.close_case(
        clerk2,
        case.id,
        confirmed=True,
        outcome="resolved",
        reason="",
        version=detail.version,
        root_cause="system_fault",
        root_cause_notes="Why: 积分系统批处理延迟",
    )
    assert (detail.root_cause, detail.root_cause_notes) == (
        "system_fault",
        "Why: 积分系统批处理延迟",
    )
    closed_at = D(2026, 11, 25, 15, 55)
    assert (detail.stage, detail.is_open, detail.closed_at) == ("closed", False, closed_at)
    assert detail.next_due is None and detail.next_update_due is None
    assert Complaint.get_by_id(case.id).survey_due == closed_at + dt.timedelta(hours=48)
    assert detail.actions == frozenset({"reopen"})

    # Reopened on Monday: an escalated complaint, level III, urgent, deadlines from now.
    clock.advance(days=4, hours=19, minutes=5)  # to Mon 2026-11-30 11:00
    assert clock.now() == D(2026, 11, 30, 11, 0)
    detail = cases.reopen_case(clerk2, case.id, "客户反映积分未到账", version=detail.version)
    assert (detail.stage, detail.is_open, detail.level, detail.urgent) == (
        "assigned",
        True,
        3,
        True,
    )
    assert "reopened" in detail.urgent_reasons and detail.reopen_count == 1
    assert detail.owner == "super1"  # the clerk's supervisor handles escalated complaints
    assert detail.first_response_due == D(2026, 11, 30, 13, 0)  # urgent: 2 hours
    assert detail.solution_due == D(2026, 12, 1, 18, 0)  # 1 working day
    assert detail.resolution_due == D(2026, 12, 2, 18, 0)  # 2 working days
    assert detail.closed_at is None and detail.outcome is None
    assert detail.first_response_at is None and detail.next_due == detail.first_response_due

    kinds = [(e.kind, e.title) for e in cases.timeline(boss, case.id)]
    assert kinds == [
        ("registered", "Complaint registered"),
        ("progress", "Progress: Assigned"),
        ("progress", "Progress: Investigating"),
        ("progress", "Progress: Solution proposed"),
        ("approval_requested", "Solution submitted for approval"),
        ("reminder", "Reminder: approval_requested"),
        ("approval_decided", "Solution approved"),
        ("transfer", "Transferred from clerk1 to clerk2"),
        ("escalation", "Escalated to Owner's supervisor"),
        ("reminder", "Reminder: escalated"),
        ("progress", "Progress: Awaiting customer confirmation"),
        ("closed", "Case closed"),
        ("audit", "Case reopened"),
        ("transfer", "Transferred from clerk2 to super1"),
    ]
    closing = [e for e in cases.timeline(boss, case.id) if e.kind == "closed"][0]
    assert closing.details["outcome"] == "resolved" and closing.details["confirmed"] is True


def test_stages_move_one_step_at_a_time(team, clock):
    clerk = team["clerk"]
    case = make_case(at=clock.now(), owner="clerk1")  # level I: no approval
    with pytest.raises(ValidationError) as skipped:
        _progress(clerk, case.id, "investigating", result="跳过")
    assert (
        skipped.value.field == "stage" and "已分派" in skipped.value.message
    )  # the session speaks Chinese
    with pytest.raises(ValidationError) as empty:
        _progress(clerk, case.id, "registered")
    assert empty.value.field == "result"
    for stage in ("assigned", "investigating", "solution_proposed", "execution"):
        detail = _progress(clerk, case.id, stage, result=stage)
    assert detail.stage == "execution" and detail.solution_agreed_at == clock.now()
    with pytest.raises(ValidationError) as closing:
        _progress(clerk, case.id, "closed", result="x")
    assert closing.value.field == "stage"
    assert ProgressEntry.select().where(ProgressEntry.complaint == case.id).count() == 4


def test_close_needs_an_outcome_and_without_confirmation_a_reason(team, clock):
    clerk = team["clerk"]
    case = make_case(at=clock.now(), owner="clerk1")
    version = cases.get_case(clerk, case.id).version
    with pytest.raises(ValidationError) as no_outcome:
        cases.close_case(clerk, case.id, confirmed=False, outcome="", reason="x", version=version)
    assert no_outcome.value.field == "outcome"
    with pytest.raises(ValidationError) as no_reason:
        cases.close_case(
            clerk, case.id, confirmed=False, outcome="unresolved", reason=" ", version=version
        )
    assert no_reason.value.field == "outcome_reason"
    with pytest.raises(ValidationError) as too_early:
        cases.close_case(
            clerk, case.id, confirmed=True, outcome="resolved", reason="", version=version
        )
    assert too_early.value.field == "confirmed"
    assert Complaint.get_by_id(case.id).is_open  # nothing written
    detail = cases.close_case(
        clerk,
        case.id,
        confirmed=False,
        outcome="unresolved",
        reason="客户失联三次",
        version=version,
    )
    assert (detail.outcome, detail.outcome_reason, detail.is_open) == (
        "unresolved",
        "客户失联三次",
        False,
    )


def test_root_cause_during_investigation_and_the_level_setting(team, clock):
    """docs/rules.md#root-causes: the cause and the 5W1H notes recorded while the case is
    open (audited), kept when it closes; the level from which a cause is required is a
    setting; an unknown or inactive category is refused at the cause field."""
    clerk = team["clerk"]
    case = make_case(at=clock.now(), owner="clerk1", subtype="staff_attitude")
    detail = cases.get_case(clerk, case.id)
    assert detail.level == 2 and detail.cause_required and "root_cause" in detail.actions
    with pytest.raises(ValidationError) as unknown:
        cases.set_root_cause(
            clerk, case.id, root_cause="weather", root_cause_notes="", version=detail.version
        )
    assert unknown.value.field == "root_cause"
    detail = cases.set_root_cause(
        clerk,
        case.id,
        root_cause="staff_attitude",
        root_cause_notes="Who: 门店店员\nWhy: 培训不足",
        version=detail.version,
    )
    assert (detail.root_cause, detail.root_cause_label) == ("staff_attitude", "人员态度")
    entry = AuditLog.select().where(AuditLog.action == "root_cause").get()
    assert json.loads(entry.details)["root_cause"] == "staff_attitude"
    detail = cases.close_case(
        clerk, case.id, confirmed=False, outcome="resolved", reason="已致歉", version=detail.version
    )
    assert detail.root_cause == "staff_attitude" and detail.root_cause_notes.startswith("Who")
    assert "root_cause" not in detail.actions  # closed

    # The setting: from level III only, so a level II case closes without a cause.
    settings_service.change_setting(team["manager"], "rules.cause_required_from_level", 3)
    other = make_case(at=clock.now(), owner="clerk1", subtype="staff_attitude")
    detail = cases.get_case(clerk, other.id)
    assert not detail.cause_required
    detail = cases.close_case(
        clerk,
        other.id,
        confirmed=False,
        outcome="resolved",
        reason="已处理",
        version=detail.version,
    )
    assert detail.root_cause == "" and not detail.is_open
    CauseCategory.update(active=False).where(CauseCategory.code == "external").execute()
    third = make_case(at=clock.now(), owner="clerk1")
    with pytest.raises(ValidationError) as inactive:
        cases.close_case(
            clerk,
            third.id,
            confirmed=False,
            outcome="resolved",
            reason="x",
            version=cases.get_case(clerk, third.id).version,
            root_cause="external",
        )
    assert inactive.value.field == "root_cause"


def test_self_approval_needs_someone_else(team, clock):
    boss = team["super"]
    case = make_case(at=clock.now(), owner="super1", subtype="staff_attitude")
    for stage in ("assigned", "investigating", "solution_proposed"):
        detail = _progress(boss, case.id, stage, result=stage)
    detail = cases.request_approval(boss, case.id, "退款", version=detail.version)
    assert "decide_approval" not in detail.actions
    assert "decide_approval" in cases.get_case(team["manager"], case.id).actions
    with pytest.raises(PermissionDenied):
        cases.decide_approval(boss, case.id, True, "", version=detail.version)
    with pytest.raises(ValidationError) as no_comment:
        cases.decide_approval(team["manager"], case.id, False, "", version=detail.version)
    assert no_comment.value.field == "comment"
    detail = cases.decide_approval(
        team["manager"], case.id, False, "补偿过高", version=detail.version
    )
    assert detail.stage == "solution_proposed"


def test_conflict_names_who_changed_what_and_reapply_works(team, clock):
    clerk, boss = team["clerk"], team["super"]
    case = make_case(at=clock.now(), owner="clerk1")
    mine = cases.get_case(clerk, case.id)
    theirs = cases.get_case(boss, case.id)
    cases.transfer(boss, case.id, team["clerk2"].user_id, "重新分配", version=theirs.version)
    with pytest.raises(CaseConflict) as conflict:
        cases.add_progress(
            clerk, case.id, ProgressForm(stage="assigned", result="已受理"), version=mine.version
        )
    error = conflict.value
    assert error.current_version == mine.version + 1
    assert [(c.user, c.action) for c in error.changes] == [("super1", "transfer")]
    assert "clerk2" in error.changes[0].summary and "重新分配" in error.changes[0].summary
    assert ProgressEntry.select().count() == 0  # nothing overwritten
    # clerk1 no longer owns it: re-applying is refused, not silently done.
    with pytest.raises(PermissionDenied):
        cases.add_progress(
            clerk,
            case.id,
            ProgressForm(stage="assigned", result="已受理"),
            version=error.current_version,
        )
    detail = cases.add_progress(
        team["clerk2"],
        case.id,
        ProgressForm(stage="assigned", result="已受理"),
        version=error.current_version,
    )
    assert detail.version == mine.version + 2


def test_scope_and_masking(team, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    colleague = cases.get_case(team["clerk2"], case.id)  # same department, not entitled
    assert colleague.contact == "138****5678" and colleague.contact_masked
    assert colleague.actions == frozenset()
    assert cases.get_case(team["clerk"], case.id).contact == "13812345678"
    assert cases.get_case(team["super"], case.id).contact == "13812345678"
    with pytest.raises(PermissionDenied):
        cases.get_case(team["outsider"], case.id)
    with pytest.raises(PermissionDenied):
        cases.timeline(team["outsider"], case.id)
    with pytest.raises(PermissionDenied):
        cases.transfer(
            team["clerk2"], case.id, team["clerk2"].user_id, "抢单", version=colleague.version
        )
    with pytest.raises(NotFound):
        cases.get_case(team["clerk"], 999_999)
    assert cases.find_case(team["clerk"], case.number.lower()).id == case.id


def test_escalation_climbs_the_chain_and_stops_at_the_top(team, clock, system_session):
    make_user(system_session, "ops", "manager", departments=())
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.get_case(team["clerk"], case.id)
    for expected in (1, 2, 3):
        detail = cases.escalate(team["clerk"], case.id, f"第{expected}次", version=detail.version)
        assert detail.escalation_step == expected
    assert "escalate" not in detail.actions
    with pytest.raises(ValidationError):
        cases.escalate(team["clerk"], case.id, "再升", version=detail.version)
    steps = [
        (e.from_step, e.to_step, e.automatic)
        for e in Escalation.select().where(Escalation.complaint == case.id).order_by(Escalation.id)
    ]
    assert steps == [(0, 1, False), (1, 2, False), (2, 3, False)]
    recipients = [
        r.recipient_id
        for r in Reminder.select().where(Reminder.complaint == case.id).order_by(Reminder.id)
    ]
    assert recipients[0] == team["super"].user_id
    assert recipients[1] == team["manager"].user_id  # the first manager


def test_transfer_to_another_department_moves_the_case(team, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.get_case(team["super"], case.id)
    with pytest.raises(ValidationError) as no_reason:
        cases.transfer(team["super"], case.id, team["outsider"].user_id, "", version=detail.version)
    assert no_reason.value.field == "reason"
    detail = cases.transfer(
        team["super"], case.id, team["outsider"].user_id, "物流问题", version=detail.version
    )
    assert (detail.owner, detail.department_code, detail.stage) == (
        "clerk3",
        "logistics",
        "assigned",
    )
    row = Transfer.get(Transfer.complaint == case.id)
    assert (row.from_user_id, row.by_user_id, row.reason) == (
        team["clerk"].user_id,
        team["super"].user_id,
        "物流问题",
    )
    # The new owner sees it; the first contact still sees what he registered.
    assert cases.get_case(team["outsider"], case.id).contact == "13812345678"
    assert cases.get_case(team["clerk"], case.id).number == case.number


def test_renegotiation_goes_through_the_version_check(team, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.get_case(team["clerk"], case.id)
    detail = cases.renegotiate(
        team["clerk"], case.id, D(2026, 12, 14, 18, 0), "需厂家检测", version=detail.version
    )
    assert detail.resolution_due == D(2026, 12, 14, 18, 0) and detail.complex_case
    with pytest.raises(CaseConflict):
        cases.renegotiate(
            team["clerk"], case.id, D(2026, 12, 15, 18, 0), "再议", version=detail.version - 1
        )


def test_timeline_keeps_typed_reminder_text_but_not_the_scans_english(team, clock):
    """The scan writes its reminder text in English (the panel words it in the UI language);
    the timeline shows the reminder's kind and time instead. Text people typed (an
    escalation reason) stays."""
    from desktop_app.services import reminders

    clerk = team["clerk"]
    case = make_case(at=clock.now(), owner="clerk1")
    detail = cases.escalate(clerk, case.id, "客户要求主管处理", version=case.version)
    clock.advance(days=2)
    assert reminders.scan(clerk)  # the first response is overdue by now
    events = [e for e in cases.timeline(clerk, detail.id) if e.kind == "reminder"]
    typed = [e.details["message"] for e in events if e.details["kind"] == "escalated"]
    scanned = [e.details["message"] for e in events if e.details["kind"] == "overdue"]
    assert "客户要求主管处理" in typed and set(typed) <= {"客户要求主管处理", ""}  # "": automatic
    assert scanned and all(message == "" for message in scanned)
    assert Reminder.select().where(Reminder.kind == "overdue", Reminder.message != "").exists()
