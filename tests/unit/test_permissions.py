"""Every service a user can call, against every role (docs/rules.md#roles-and-access): who may, who
may not.

Each service is called directly (no UI) by six people: the clerk who owns the case
(``owner``), a clerk of the same department who does not (``colleague``), a clerk of
another department (``outsider``), the department's supervisor, a manager and an
administrator. A person the service must refuse gets ``PermissionDenied``; a person it
must serve gets anything but that (a result, or a complaint about the input). Each call runs
in a transaction that is rolled back, so the six see the same starting point.

``test_every_service_is_in_the_matrix`` fails when a new service (a function of
``desktop_app.services`` decorated with ``@service`` taking a session first) has no row
here, so the matrix cannot silently fall behind the code.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import desktop_app.services as services_package
from desktop_app.db.models import (
    Complaint,
    Customer,
    FollowUp,
    ImprovementAction,
    Reminder,
    database_proxy,
)
from desktop_app.services import (
    audit,
    auth,
    backup,
    calendar,
    case_library,
    cases,
    check,
    customers,
    demo,
    drafts,
    exchange_export,
    exchange_import,
    improvements,
    intake,
    kpi,
    notify,
    policy,
    policy_workbook,
    print_forms,
    queue,
    reminders,
    report_workbook,
    review_meetings,
    settings,
    sla,
    surveys,
    tracker,
    tracker_export,
    users,
)
from desktop_app.services.errors import NotFound, PermissionDenied, ServiceError
from desktop_app.services.tracker import CaseFilter
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

PEOPLE = ("owner", "colleague", "outsider", "supervisor", "manager", "admin")
EVERYONE = frozenset(PEOPLE)
STAFF_IN_SCOPE = frozenset({"owner", "colleague", "supervisor", "manager", "admin"})
HANDLERS = frozenset({"owner", "supervisor", "manager"})
INTAKE = frozenset({"owner", "colleague", "outsider", "supervisor", "manager"})
SURVEYORS_IN_SCOPE = frozenset({"owner", "colleague", "supervisor", "manager"})
REPORTERS = frozenset({"supervisor", "manager", "admin"})
MANAGERS = frozenset({"manager", "admin"})
MANAGER = frozenset({"manager"})
INTAKE_IN_SCOPE = frozenset({"owner", "colleague", "supervisor", "manager"})
ADMIN = frozenset({"admin"})
APPROVERS = frozenset({"supervisor", "manager"})


@dataclass
class World:
    people: dict
    case: Complaint  # open, owned by the owner, customer service
    closed: Complaint  # closed yesterday, owned by the owner
    reminder: Reminder  # the owner's
    follow_up: FollowUp  # on the closed case
    action: ImprovementAction
    tmp: Path
    now: dt.datetime


@pytest.fixture
def world(system_session, clock, tmp_path) -> World:
    now = clock.now()
    people = {
        "supervisor": make_user(system_session, "super1", "supervisor"),
        "manager": make_user(system_session, "manager1", "manager", departments=()),
        "admin": make_user(system_session, "admin1", "admin", departments=()),
    }
    people["owner"] = make_user(system_session, "clerk1", "clerk", supervisor="super1")
    people["colleague"] = make_user(system_session, "clerk2", "clerk", supervisor="super1")
    people["outsider"] = make_user(system_session, "clerk3", "clerk", departments=("logistics",))
    case = make_case(at=now - dt.timedelta(hours=2), owner="clerk1")
    closed = make_case(at=now - dt.timedelta(days=3), owner="clerk1")
    closed.stage, closed.is_open, closed.outcome = "closed", False, "resolved"
    closed.closed_at = now - dt.timedelta(days=1, hours=1)
    closed.survey_due = closed.closed_at + dt.timedelta(hours=48)
    closed.next_due = None
    closed.save()
    reminder = Reminder.create(
        complaint=case,
        kind="first_response",
        target="first_response",
        due_at=now,
        recipient=people["owner"].user_id,
        message="",
        fire_key=f"test-{case.id}",
        created_at=now,
    )
    follow_up = FollowUp.create(
        complaint=closed,
        assigned_to=people["supervisor"].user_id,
        reason="low score",
        created_at=now,
    )
    action = improvements.create_action(
        people["manager"],
        "排队太久",
        "增加窗口",
        "customer_service",
        now.date() + dt.timedelta(days=30),
    )
    return World(
        people,
        case,
        closed,
        reminder,
        follow_up,
        ImprovementAction.get_by_id(action.id),
        tmp_path,
        now,
    )


def _version(w: World) -> int:
    return Complaint.get_by_id(w.case.id).version


def _closed_version(w: World) -> int:
    return Complaint.get_by_id(w.closed.id).version


def _intake_form(w: World) -> intake.IntakeForm:
    return intake.IntakeForm(
        customer_name="李四",
        contact="13900001111",
        channel="phone",
        complaint_time=w.now - dt.timedelta(minutes=5),
        type="process_efficiency",
        subtype="delivery",
        urgency="normal",
        description="配送延迟三天",
        department="logistics",
    )


def _report(w: World):
    """The customer-service department's report (a supervisor's own department)."""
    return kpi.kpi_report(
        w.people["manager"],
        w.now.date() - dt.timedelta(days=30),
        w.now.date(),
        department_code="customer_service",
    )


def _meeting(w: World, **overrides) -> review_meetings.MeetingInfo:
    """A review meeting of the customer-service department with one decision (the
    manager's)."""
    return review_meetings.create_meeting(w.people["manager"], **_meeting_values(w, **overrides))


def _meeting_values(w: World, **overrides) -> dict:
    values = {
        "held_on": w.now.date(),
        "period_start": w.now.date() - dt.timedelta(days=30),
        "period_end": w.now.date(),
        "departments": ["customer_service"],
        "attendees": "王经理、李主管",
        "decisions": [{"text": "缩短排队", "department": "customer_service"}],
    }
    values.update(overrides)
    return values


def _workbook(w: World) -> Path:
    path = w.tmp / "in.xlsx"
    if not path.exists():
        exchange_export.export_cases(w.people["manager"], path)
    return path


def _policy(w: World) -> Path:
    path = w.tmp / "policy-in.xlsx"
    if not path.exists():
        policy_workbook.export_policy(w.people["manager"], path)
    return path


Call = Callable[[object, World], object]

# service → (who may call it, how it is called[, the refusal when not PermissionDenied])
NOTICE_2026 = "国务院办公厅关于2026年部分节假日安排的通知\n一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。\n"

MATRIX: dict[str, tuple] = {
    "audit.list_audit": (MANAGERS, lambda s, w: audit.list_audit(s)),
    "audit.count_audit": (MANAGERS, lambda s, w: audit.count_audit(s)),
    "audit.audit_users": (MANAGERS, lambda s, w: audit.audit_users(s)),
    "audit.export_audit": (
        MANAGERS,
        lambda s, w: audit.export_audit(s, audit.AuditFilter(), w.tmp / "audit.xlsx"),
    ),
    "auth.unlock": (EVERYONE, lambda s, w: auth.unlock(s, "Plum-Harbour-Lantern-42")),
    "auth.sign_out": (EVERYONE, lambda s, w: auth.sign_out(s)),
    "backup.backup_overview": (ADMIN, lambda s, w: backup.backup_overview(s)),
    "backup.create_backup": (ADMIN, lambda s, w: backup.create_backup(s, w.tmp / "b.db")),
    # The program's own daily routine: whoever is signed in triggers it.
    # The program's routine runs as its operator (Session.system, an administrator).
    "backup.backup_if_due": (ADMIN, lambda s, w: backup.backup_if_due(s)),
    "backup.restore_backup": (ADMIN, lambda s, w: backup.restore_backup(s, w.tmp / "none.db")),
    "calendar.year_view": (EVERYONE, lambda s, w: calendar.year_view(s, 2026)),
    "calendar.set_override": (
        MANAGERS,
        lambda s, w: calendar.set_override(s, dt.date(2026, 12, 26), "workday", "调休"),
    ),
    "calendar.remove_override": (
        MANAGERS,
        lambda s, w: calendar.remove_override(s, dt.date(2026, 12, 26)),
    ),
    "calendar.official_calendar": (EVERYONE, lambda s, w: calendar.official_calendar(s, 2026)),
    "calendar.import_notice": (
        MANAGERS,
        lambda s, w: calendar.import_notice(s, NOTICE_2026, dry_run=True),
    ),
    "cases.get_case": (STAFF_IN_SCOPE, lambda s, w: cases.get_case(s, w.case.id)),
    "cases.find_case": (STAFF_IN_SCOPE, lambda s, w: cases.find_case(s, w.case.number)),
    "cases.timeline": (STAFF_IN_SCOPE, lambda s, w: cases.timeline(s, w.case.id)),
    "cases.assignees": (STAFF_IN_SCOPE, lambda s, w: cases.assignees(s, w.case.id)),
    "cases.attachment_file": (
        STAFF_IN_SCOPE,
        lambda s, w: cases.attachment_file(s, _attachment(w)),
    ),
    "cases.add_progress": (
        HANDLERS,
        lambda s, w: cases.add_progress(
            s, w.case.id, cases.ProgressForm(stage="assigned", result="受理"), version=_version(w)
        ),
    ),
    "cases.transfer": (
        HANDLERS,
        lambda s, w: cases.transfer(
            s, w.case.id, w.people["colleague"].user_id, "交接", version=_version(w)
        ),
    ),
    "cases.escalate": (
        HANDLERS,
        lambda s, w: cases.escalate(s, w.case.id, "客户要求", version=_version(w)),
    ),
    "cases.request_approval": (
        HANDLERS,
        lambda s, w: cases.request_approval(s, w.case.id, "补偿", version=_version(w)),
    ),
    "cases.decide_approval": (
        APPROVERS,
        lambda s, w: cases.decide_approval(s, w.case.id, True, "同意", version=_version(w)),
    ),
    "cases.close_case": (
        HANDLERS,
        lambda s, w: cases.close_case(
            s, w.case.id, confirmed=True, outcome="resolved", reason="已解决", version=_version(w)
        ),
    ),
    "cases.reopen_case": (
        HANDLERS,
        lambda s, w: cases.reopen_case(s, w.closed.id, "客户不满意", version=_closed_version(w)),
    ),
    "cases.renegotiate": (
        HANDLERS,
        lambda s, w: cases.renegotiate(
            s, w.case.id, w.now + dt.timedelta(days=10), "复杂", version=_version(w)
        ),
    ),
    # docs/rules.md#re-assessment: the owner's supervisor or a manager.
    "cases.reassess": (
        APPROVERS,
        lambda s, w: cases.reassess(s, w.case.id, level=2, reason="严重", version=_version(w)),
    ),
    "cases.set_root_cause": (
        HANDLERS,
        lambda s, w: cases.set_root_cause(
            s, w.case.id, root_cause="system_fault", root_cause_notes="", version=_version(w)
        ),
    ),
    "cases.note_account_frozen": (
        HANDLERS,
        lambda s, w: cases.note_account_frozen(
            s, _account_security(w), frozen=True, version=_version(w)
        ),
    ),
    "check.run_checks": (ADMIN, lambda s, w: check.run_checks(s)),
    "check.audit_protection": (MANAGERS, lambda s, w: check.audit_protection(s)),
    "demo.generate": (ADMIN, lambda s, w: demo.generate(s, 1, seed=1)),
    "exchange_export.export_cases": (
        EVERYONE,
        lambda s, w: exchange_export.export_cases(s, w.tmp / "out.xlsx"),
    ),
    "exchange_export.export_cases(unmasked)": (
        MANAGER,
        lambda s, w: exchange_export.export_cases(s, w.tmp / "out.xlsx", unmasked=True),
    ),
    "exchange_import.import_workbook": (
        MANAGERS,
        lambda s, w: exchange_import.import_workbook(s, _workbook(w), dry_run=True),
    ),
    # docs/rules.md#improvement-actions: supervisors the actions of their own departments.
    "improvements.list_actions": (REPORTERS, lambda s, w: improvements.list_actions(s)),
    "improvements.get_action": (REPORTERS, lambda s, w: improvements.get_action(s, w.action.id)),
    "improvements.list_follow_ups": (
        REPORTERS,
        lambda s, w: improvements.list_follow_ups(s, w.action.id),
    ),
    "improvements.effect": (REPORTERS, lambda s, w: improvements.effect(s, w.action.id)),
    # Those who see the case; clerks get an empty list (they read no action).
    "improvements.actions_of_case": (
        STAFF_IN_SCOPE,
        lambda s, w: improvements.actions_of_case(s, w.case.id),
    ),
    "improvements.record_follow_up": (
        REPORTERS,
        lambda s, w: improvements.record_follow_up(
            s, w.action.id, w.now.date(), "已培训", "in_progress"
        ),
    ),
    "improvements.create_action": (
        REPORTERS,
        lambda s, w: improvements.create_action(
            s, "等待", "预约", "customer_service", w.now.date() + dt.timedelta(days=7)
        ),
    ),
    "improvements.update_action": (
        REPORTERS,
        lambda s, w: improvements.update_action(s, w.action.id, status="done"),
    ),
    # docs/rules.md#review-meetings: everyone reads; supervisors of a department present,
    # managers and administrators record; a decision's action as improvement actions.
    "review_meetings.list_meetings": (EVERYONE, lambda s, w: review_meetings.list_meetings(s)),
    "review_meetings.get_meeting": (
        EVERYONE,
        lambda s, w: review_meetings.get_meeting(s, _meeting(w).id),
    ),
    "review_meetings.create_meeting": (
        REPORTERS,
        lambda s, w: review_meetings.create_meeting(s, **_meeting_values(w)),
    ),
    "review_meetings.update_meeting": (
        REPORTERS,
        lambda s, w: review_meetings.update_meeting(
            s, _meeting(w).id, **_meeting_values(w, attendees="全体")
        ),
    ),
    "review_meetings.create_action_from_decision": (
        REPORTERS,  # improvement actions: supervisors of their departments too
        lambda s, w: review_meetings.create_action_from_decision(s, _meeting(w).decisions[0].id),
    ),
    "review_meetings.period_hot_spots": (
        REPORTERS,
        lambda s, w: review_meetings.period_hot_spots(
            s,
            w.now.date() - dt.timedelta(days=30),
            w.now.date(),
            department_code="customer_service",
        ),
    ),
    # docs/rules.md#typical-case-library: the closed case's supervisor and managers mark;
    # every staff role reads.
    "case_library.mark_typical": (
        APPROVERS,
        lambda s, w: case_library.mark_typical(s, w.closed.id, "排队", "先致歉", "您好……"),
    ),
    "case_library.remove_typical": (
        APPROVERS,
        lambda s, w: (
            case_library.mark_typical(w.people["manager"], w.closed.id, "排队", "先致歉", "您好"),
            case_library.remove_typical(s, w.closed.id),
        ),
    ),
    "case_library.search_library": (EVERYONE, lambda s, w: case_library.search_library(s)),
    "case_library.typical_for_subtype": (
        EVERYONE,
        lambda s, w: case_library.typical_for_subtype(s, "functional_defect"),
    ),
    # docs/rules.md#customers: whoever sees one of the customer's cases; supervisors and
    # managers any customer (the outsider clerk has no case of this customer in his queues).
    "customers.get_customer": (
        STAFF_IN_SCOPE,
        lambda s, w: customers.get_customer(s, w.case.customer_id),
    ),
    "customers.update_customer": (
        APPROVERS,
        lambda s, w: customers.update_customer(
            s,
            w.case.customer_id,
            updated_at=Customer.get_by_id(w.case.customer_id).updated_at,
            name="张三",
            member_number="",
            tier="vip",
            sensitive_kind="media",
            reason="媒体记者",
            reassess_open=True,
        ),
    ),
    "intake.register_complaint": (
        INTAKE,
        lambda s, w: intake.register_complaint(s, _intake_form(w)),
    ),
    "intake.lookup_customers": (INTAKE, lambda s, w: intake.lookup_customers(s, "张")),
    # By id alone only a customer within reach (an exact number lets others have it masked).
    "intake.customer_for_intake": (
        INTAKE_IN_SCOPE,
        lambda s, w: intake.customer_for_intake(s, w.case.customer_id),
    ),
    "intake.staff_choices": (INTAKE, lambda s, w: intake.staff_choices(s)),
    "intake.customer_cases": (
        INTAKE,
        lambda s, w: intake.customer_cases(s, w.case.customer_id),
    ),
    "intake.similar_cases": (
        INTAKE,
        lambda s, w: intake.similar_cases(
            s, customer_id=w.case.customer_id, subtype="functional_defect", text="划痕"
        ),
    ),
    "kpi.kpi_report": (
        REPORTERS,
        lambda s, w: kpi.kpi_report(
            s,
            w.now.date() - dt.timedelta(days=30),
            w.now.date(),
            department_code="customer_service",
        ),
    ),
    # A supervisor sees only the figures of their own departments.
    "kpi.kpi_report(all departments)": (
        MANAGERS,
        lambda s, w: kpi.kpi_report(s, w.now.date() - dt.timedelta(days=30), w.now.date()),
    ),
    "print_forms.case_survey": (
        STAFF_IN_SCOPE,
        lambda s, w: print_forms.case_survey(s, w.closed.id),
    ),
    # The outbox sender is the reminder scan's second half: every signed-in program runs it.
    "notify.deliver_pending": (EVERYONE, lambda s, w: notify.deliver_pending(s)),
    "notify.failures": (MANAGERS, lambda s, w: notify.failures(s)),
    # A port nothing listens on: refused at once (a ValidationError, served) for managers.
    "notify.send_test": (MANAGERS, lambda s, w: notify.send_test(s, "http://127.0.0.1:9/x")),
    "queue.open_queue": (EVERYONE, lambda s, w: queue.open_queue(s)),
    "reminders.my_reminders": (EVERYONE, lambda s, w: reminders.my_reminders(s)),
    "reminders.scan": (EVERYONE, lambda s, w: reminders.scan(s)),
    "reminders.rewind": (MANAGERS, lambda s, w: reminders.rewind(s)),
    # Only the recipient may acknowledge or snooze a reminder; to anyone else it is not in
    # their list (NotFound, which reveals nothing about it).
    "reminders.acknowledge": (
        frozenset({"owner"}),
        lambda s, w: reminders.acknowledge(s, w.reminder.id),
        NotFound,
    ),
    "reminders.snooze": (
        frozenset({"owner"}),
        lambda s, w: reminders.snooze(s, w.reminder.id, 30),
        NotFound,
    ),
    "policy_workbook.export_policy": (
        MANAGERS,
        lambda s, w: policy_workbook.export_policy(s, w.tmp / "policy.xlsx"),
    ),
    "policy_workbook.import_policy": (
        MANAGERS,
        lambda s, w: policy_workbook.import_policy(s, _policy(w), dry_run=True),
    ),
    "policy_workbook.set_setting": (
        MANAGERS,
        lambda s, w: policy_workbook.set_setting(s, "rules.batch_threshold", "12"),
    ),
    "policy.load_policy": (REPORTERS, lambda s, w: policy.load_policy(s)),
    "policy.change_policy": (
        MANAGER,
        lambda s, w: policy.change_policy(s, "channels", [{"code": "letter", "name_zh": "信件"}]),
    ),
    "policy.change_settings": (
        MANAGER,
        lambda s, w: policy.change_settings(s, {"rules.batch_threshold": 12}),
    ),
    "policy.add_type": (MANAGER, lambda s, w: policy.add_type(s, "保险类", "Insurance")),
    "policy.add_subtype": (
        MANAGER,
        lambda s, w: policy.add_subtype(
            s, "process_efficiency", {"subtype_zh": "安装", "subtype_en": "Setup"}
        ),
    ),
    "policy.add_reference": (
        MANAGER,
        lambda s, w: policy.add_reference(s, "channels", "小程序", "Mini program"),
    ),
    "policy.move": (MANAGER, lambda s, w: policy.move(s, "channels", "walk_in", -1)),
    "policy.deadline_preview": (
        REPORTERS,
        lambda s, w: policy.deadline_preview(s, {"sla.first_response_hours.normal": 2}),
    ),
    "policy.recompute_preview": (MANAGER, lambda s, w: policy.recompute_preview(s)),
    "policy.recompute_open_cases": (MANAGER, lambda s, w: policy.recompute_open_cases(s)),
    "report_workbook.volume_trend": (
        REPORTERS,
        lambda s, w: report_workbook.volume_trend(s, _report(w)),
    ),
    "report_workbook.write_report_workbook": (
        REPORTERS,
        lambda s, w: report_workbook.write_report_workbook(s, _report(w), w.tmp / "report.xlsx"),
    ),
    "settings.list_settings": (EVERYONE, lambda s, w: settings.list_settings(s)),
    "settings.change_setting": (
        MANAGERS,
        lambda s, w: settings.change_setting(s, "tracker.due_soon_hours", 6.0),
    ),
    "sla.recompute_open_deadlines": (MANAGERS, lambda s, w: sla.recompute_open_deadlines(s)),
    "surveys.survey_queue": (EVERYONE, lambda s, w: surveys.survey_queue(s)),
    "surveys.record_attempt": (
        SURVEYORS_IN_SCOPE,
        lambda s, w: surveys.record_attempt(s, w.closed.id, "no_answer"),
    ),
    "surveys.mark_not_surveyed": (
        SURVEYORS_IN_SCOPE,
        lambda s, w: surveys.mark_not_surveyed(s, w.closed.id, "客户拒绝"),
    ),
    "surveys.prefill": (SURVEYORS_IN_SCOPE, lambda s, w: surveys.prefill(s, w.closed.id)),
    "surveys.record_survey": (
        SURVEYORS_IN_SCOPE,
        lambda s, w: surveys.record_survey(
            s,
            surveys.SurveyForm(
                complaint_number=w.closed.number,
                customer_name="张三",
                survey_time=w.now,
                timeliness=5,
                effectiveness=5,
                attitude=5,
                overall=5,
            ),
        ),
    ),
    "surveys.follow_ups": (EVERYONE, lambda s, w: surveys.follow_ups(s)),
    # The supervisor it was given to, and the case's handlers.
    "surveys.complete_follow_up": (
        HANDLERS,
        lambda s, w: surveys.complete_follow_up(s, w.follow_up.id, "已回访"),
    ),
    "tracker.list_cases": (EVERYONE, lambda s, w: tracker.list_cases(s, CaseFilter())),
    "tracker.count_cases": (EVERYONE, lambda s, w: tracker.count_cases(s, CaseFilter())),
    "tracker.standard_views": (EVERYONE, lambda s, w: tracker.standard_views(s)),
    "tracker.view_counts": (
        EVERYONE,
        lambda s, w: tracker.view_counts(s, tracker.standard_views(s)),
    ),
    "tracker.owners": (EVERYONE, lambda s, w: tracker.owners(s)),
    "tracker.due_soon_window": (EVERYONE, lambda s, w: tracker.due_soon_window(s)),
    "tracker_export.tracker_ids": (EVERYONE, lambda s, w: tracker_export.tracker_ids(s)),
    "users.create_user": (
        ADMIN,
        lambda s, w: users.create_user(
            s, "newbie", "clerk", "Plum-Harbour-Lantern-42", departments=("customer_service",)
        ),
    ),
    "users.list_users": (EVERYONE, lambda s, w: users.list_users(s)),
    "users.get_user": (EVERYONE, lambda s, w: users.get_user(s, "clerk1")),
    "users.change_own_password": (
        EVERYONE,
        lambda s, w: users.change_own_password(s, "Plum-Harbour-Lantern-42", "another-password"),
    ),
    "users.reset_password": (
        ADMIN,
        lambda s, w: users.reset_password(s, "clerk2", "reset-password"),
    ),
    "users.unlock_account": (ADMIN, lambda s, w: users.unlock_account(s, "clerk2")),
    "drafts.save_draft": (EVERYONE, lambda s, w: drafts.save_draft(s, {"customer_name": "x"})),
    "drafts.load_draft": (EVERYONE, lambda s, w: drafts.load_draft(s)),
    "drafts.discard_draft": (EVERYONE, lambda s, w: drafts.discard_draft(s)),
    # Managers for the clerks and supervisors of their departments (all: manager1 has none).
    "users.set_active": (MANAGERS, lambda s, w: users.set_active(s, "clerk2", False)),
    "users.update_user(senior agent)": (
        MANAGERS,
        lambda s, w: users.update_user(s, "clerk2", senior_agent=True),
    ),
    "users.update_user": (ADMIN, lambda s, w: users.update_user(s, "clerk2", display_name="王五")),
}


def _attachment(w: World) -> int:
    from desktop_app.db.models import Attachment

    row = Attachment.create(
        complaint=w.case,
        kind="recording",
        filename="rec-1",
        recording_ref="rec-1",
        added_by=w.people["owner"].user_id,
        added_at=w.now,
    )
    return row.id


def _account_security(w: World) -> int:
    """The world's case made an account-security case (inside the rolled-back call)."""
    from desktop_app.db.models import ComplaintType

    subtype = ComplaintType.get(ComplaintType.code == "account_security")
    Complaint.update(subtype=subtype.id, type=subtype.parent_id).where(
        Complaint.id == w.case.id
    ).execute()
    return w.case.id


def _service_functions() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"desktop_app.services.{info.name}")
        for name, fn in vars(module).items():
            if (
                name.startswith("_")
                or not inspect.isfunction(fn)
                or fn.__module__ != module.__name__
                or not hasattr(fn, "__wrapped__")
            ):
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "session":
                found.add(f"{info.name}.{name}")
    return found


def test_every_service_is_in_the_matrix():
    listed = {key.split("(")[0] for key in MATRIX}
    assert _service_functions() - listed == set(), "services without a permission row"
    assert listed - _service_functions() == set(), "rows for services that do not exist"


class _Rollback(Exception):
    pass


# Run for real: bulk loads tune SQLite outside any transaction, and exports and reports read
# one snapshot (PostgreSQL: a repeatable-read transaction of their own). None of these
# changes what the next person's call sees, and the admin, who may load demo data, comes last.
NO_ROLLBACK = {
    "demo.generate",
    "exchange_export.export_cases",
    "exchange_export.export_cases(unmasked)",
    "exchange_import.import_workbook",
    "kpi.kpi_report",
    "review_meetings.period_hot_spots",  # the KPI report inside: its own snapshot
    "kpi.kpi_report(all departments)",
    "report_workbook.volume_trend",
    "report_workbook.write_report_workbook",
}


def _outcome(key: str, call: Call, session, w: World) -> BaseException | None:
    """Run the call in a transaction that is always rolled back; what it raised, if anything
    (PermissionDenied and other service errors; a bug propagates)."""
    raised: BaseException | None = None

    def run():
        nonlocal raised
        try:
            call(session, w)
        except ServiceError as exc:
            raised = exc

    if key in NO_ROLLBACK:
        run()
        return raised
    try:
        with database_proxy.obj.atomic():
            run()
            raise _Rollback
    except _Rollback:
        pass
    return raised


@pytest.mark.parametrize("key", sorted(MATRIX))
def test_who_may_call(world, key):
    allowed, call, *refusal = MATRIX[key]
    refused_with = refusal[0] if refusal else PermissionDenied
    wrong = {}
    for person in PEOPLE:
        raised = _outcome(key, call, world.people[person], world)
        denied = isinstance(raised, refused_with)
        if denied == (person in allowed):
            wrong[person] = f"{'refused' if denied else 'served'}" + (
                f" ({type(raised).__name__}: {raised})" if raised else ""
            )
    assert wrong == {}, f"{key}: expected only {sorted(allowed)} to be served"
