"""SLA reminders: fire once, escalate after the grace, survive restarts, one per database."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import AuditLog, Complaint, ComplaintType, Escalation, Reminder
from desktop_app.domain.clock import FixedClock
from desktop_app.services import cases, reminders, sla
from desktop_app.services.session import Session
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user


def kinds(fired):
    return sorted((r.kind, r.target) for r in fired)


def test_due_soon_overdue_then_escalation_each_once(system_session, clerk_session, clock):
    make_user(system_session, "boss", "manager", departments=())
    case = make_case(at=clock.now(), owner="clerk1")  # Wed 10:00: first response due 14:00
    scanner = Session.system(clock)
    assert reminders.scan(scanner) == []
    clock.at = dt.datetime(2026, 11, 25, 13, 0)  # one hour before
    assert kinds(reminders.scan(scanner)) == [("due_soon", "first_response")]
    assert reminders.scan(scanner) == []  # fires once
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    assert kinds(reminders.scan(scanner)) == [("overdue", "first_response")]
    clock.at = dt.datetime(2026, 11, 25, 14, 59, 59)  # grace of 60 minutes not yet over
    assert reminders.scan(scanner) == []
    clock.at = dt.datetime(2026, 11, 25, 15, 0)
    fired = reminders.scan(scanner)
    assert kinds(fired) == [("escalated", "first_response")]
    escalation = Escalation.get(Escalation.complaint == case.id)
    assert (escalation.from_step, escalation.to_step, escalation.automatic) == (0, 1, True)
    assert escalation.to_user.username == "super1"
    assert fired[0].recipient_id == escalation.to_user_id  # the clerk's supervisor
    assert fired[0].complaint_id == case.id and fired[0].number == case.number
    assert Complaint.get_by_id(case.id).escalation_step == 1
    assert reminders.scan(scanner) == []


def test_met_targets_raise_nothing(system_session, clerk_session, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    Complaint.update(first_response_at=clock.now()).where(Complaint.id == case.id).execute()
    clock.at = dt.datetime(2026, 11, 25, 16, 0)
    assert all(r.target != "first_response" for r in reminders.scan(Session.system(clock)))


def test_restart_and_second_pc_do_not_fire_again(db_url, system_session, clerk_session, clock):
    make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 30)
    first_pc = reminders.scan(Session.system(clock))
    assert ("overdue", "first_response") in kinds(first_pc)
    # A second program on the same database (a new connection, same moment) fires nothing.
    from desktop_app.bootstrap import prepare_database

    prepare_database(db_url)
    second_pc = reminders.scan(Session.system(FixedClock(clock.now())))
    assert second_pc == []
    assert Reminder.select().where(Reminder.kind == "overdue").count() == 1


def test_non_urgent_reminders_wait_for_working_hours(system_session, clerk_session, clock):
    friday_evening = dt.datetime(2026, 11, 27, 17, 0)
    normal = make_case(at=friday_evening, owner="clerk1")
    urgent = make_case(at=friday_evening, owner="clerk1", urgency="urgent")
    clock.at = dt.datetime(2026, 11, 28, 10, 0)  # Saturday
    fired = reminders.scan(Session.system(clock))
    assert {r.complaint_id for r in fired} == {urgent.id}
    clock.at = dt.datetime(2026, 11, 30, 9, 0)  # Monday opening
    fired = reminders.scan(Session.system(clock))
    assert normal.id in {r.complaint_id for r in fired}


def test_panel_acknowledge_and_snooze(system_session, clerk_session, clock):
    make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 13, 30)
    reminders.scan(Session.system(clock))
    clerk = Session(
        clerk_session.user_id, "clerk1", "clerk1", "clerk", clerk_session.department_ids, clock
    )
    mine = reminders.my_reminders(clerk)
    assert [r.kind for r in mine] == ["due_soon"]
    reminders.snooze(clerk, mine[0].id, 30)
    assert reminders.my_reminders(clerk) == []
    clock.advance(minutes=31)
    assert [r.id for r in reminders.my_reminders(clerk)] == [mine[0].id]
    reminders.acknowledge(clerk, mine[0].id)
    assert reminders.my_reminders(clerk) == []


def test_batch_rule_flags_all_and_links_them(system_session, clerk_session, clock):
    ctx = sla.SlaContext.load()
    rule = ComplaintType.get(code="delivery").callback_rule

    def new_case():  # the batch rule runs before the insert (join_batch) and after it
        case = make_case(at=clock.now(), owner="clerk1", subtype="delivery", ctx=ctx, save=False)
        batch = sla.join_batch(system_session, case, ctx, rule)
        case.save(force_insert=True)
        if batch is not None:
            sla.flag_batch_members(system_session, case, batch, ctx, rule)
        return case, batch

    cases = [
        make_case(at=clock.now(), owner="clerk1", subtype="delivery", ctx=ctx) for _ in range(9)
    ]
    make_case(at=clock.now(), owner="clerk1", subtype="slow_refund", ctx=ctx)  # other subtype
    tenth, batch = new_case()
    assert batch is None  # 10 is not > 10
    cases.append(tenth)
    eleventh, batch = new_case()
    assert batch is not None
    cases.append(eleventh)
    stored = list(Complaint.select().where(Complaint.id.in_([c.id for c in cases])))
    assert all(c.urgent and "batch" in c.urgent_reasons and c.batch_id == batch for c in stored)
    assert all(c.priority == 4 for c in stored)
    assert stored[0].first_response_due == clock.now() + dt.timedelta(hours=2)
    flagged = AuditLog.select().where(AuditLog.action == "urgent_batch").order_by(AuditLog.id)
    assert [e.entity_id for e in flagged] == [c.id for c in cases]


def test_sensitive_customer_is_urgent_and_vip_is_level_three(system_session, clerk_session, clock):
    sensitive = make_case(at=clock.now(), owner="clerk1", sensitive=True)
    assert sensitive.urgent and sensitive.urgent_reasons == "sensitive"
    vip = make_case(at=clock.now(), owner="clerk1", tier="vip")
    assert vip.level == 3 and not vip.urgent


def test_policy_change_recomputes_open_deadlines(
    system_session, manager_session, clerk_session, clock
):
    from desktop_app.services import settings

    case = make_case(at=clock.now(), owner="clerk1")
    settings.change_setting(manager_session, "sla.first_response_hours.normal", 1)
    assert sla.recompute_open_deadlines(manager_session) == 1
    assert Complaint.get_by_id(case.id).first_response_due == clock.now() + dt.timedelta(hours=1)
    assert Complaint.get_by_id(case.id).version == 2


def test_deadline_moved_behind_the_scan_is_still_reminded(
    system_session, manager_session, clerk_session, clock
):
    from desktop_app.services import settings

    case = make_case(at=clock.now(), owner="clerk1")  # first response due 14:00
    clock.at = dt.datetime(2026, 11, 25, 11, 30)
    reminders.scan(Session.system(clock))  # nothing yet; the scan's watermark is 11:30
    settings.change_setting(manager_session, "sla.first_response_hours.normal", 1)
    sla.recompute_open_deadlines(manager_session)  # now due 11:00, behind the watermark
    clock.advance(minutes=1)
    fired = reminders.scan(Session.system(clock))
    assert [(r.kind, r.complaint_id, r.due_at) for r in fired] == [
        ("overdue", case.id, dt.datetime(2026, 11, 25, 11, 0))
    ]


def test_each_tick_only_looks_at_what_crossed_since_the_last(system_session, clerk_session, clock):
    scanner = Session.system(clock)
    reminders.scan(scanner)  # 10:00: catches up on the look-back window
    make_case(at=dt.datetime(2026, 11, 25, 9, 0), owner="clerk1")  # due 13:00
    clock.at = dt.datetime(2026, 11, 25, 12, 30)  # due soon (one hour lead)
    assert kinds(reminders.scan(scanner)) == [("due_soon", "first_response")]
    clock.at = dt.datetime(2026, 11, 25, 13, 1)
    assert kinds(reminders.scan(scanner)) == [("overdue", "first_response")]


def test_complex_case_renegotiation_is_capped_recorded_and_versioned(
    system_session, clerk_session, supervisor_session, clock
):
    from desktop_app.db.models import AuditLog, ProgressEntry
    from desktop_app.services.errors import ConflictError, PermissionDenied, ValidationError
    from tests.helpers.fixtures import make_user

    case = make_case(at=clock.now(), owner="clerk1")  # registered Wed 2026-11-25 10:00
    # 15 working days after 25 Nov: 16 Dec 18:00.
    with pytest.raises(ValidationError, match="by 2026-12-16 18:00 at the latest") as info:
        cases.renegotiate(
            clerk_session,
            case.id,
            dt.datetime(2026, 12, 17, 10, 0),
            "等待厂家检测",
            version=case.version,
        )
    assert info.value.field == "renegotiated_due"
    due = cases.renegotiate(
        clerk_session,
        case.id,
        dt.datetime(2026, 12, 16, 18, 0),
        "等待厂家检测",
        version=case.version,
    ).resolution_due
    stored = Complaint.get_by_id(case.id)
    assert due == stored.resolution_due == dt.datetime(2026, 12, 16, 18, 0)
    assert stored.complex_case and stored.version == case.version + 1
    assert ProgressEntry.get(ProgressEntry.complaint == case.id).planned_completion == due
    assert AuditLog.select().where(AuditLog.action == "renegotiate").count() == 1
    # The renegotiated date stands when deadlines are recomputed.
    sla.recompute_open_deadlines(Session.system(clock))
    assert Complaint.get_by_id(case.id).resolution_due == due
    with pytest.raises(ConflictError):  # the version the user saw is stale
        cases.renegotiate(supervisor_session, case.id, due, "再次协商", version=case.version)
    outsider = make_user(system_session, "other.clerk", "clerk", departments=("logistics",))
    with pytest.raises(PermissionDenied):
        cases.renegotiate(outsider, case.id, due, "x", version=stored.version)


def test_progress_update_cadence_is_stored(system_session, clerk_session, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    assert case.next_update_due == clock.now() + dt.timedelta(days=3)
    late = make_case(
        at=dt.datetime(2026, 10, 26, 10, 0),
        owner="clerk1",
        last_update_at=dt.datetime(2026, 11, 24, 10, 0),
    )  # open 21 working days
    assert late.next_update_due == dt.datetime(2026, 12, 1, 10, 0)  # weekly


def test_sla_context_follows_changed_settings_and_calendar(system_session, manager_session):
    """The context is reused between saves only while its stored rows are unchanged: a
    setting or calendar override changed (here or straight in the table, as another PC
    would) counts at the next load."""
    from desktop_app.db.models import CalendarOverride, Setting
    from desktop_app.services import settings

    assert sla.SlaContext.load().policy["sla.first_response_hours.normal"] == 4
    settings.change_setting(manager_session, "sla.first_response_hours.normal", 1)
    assert sla.SlaContext.load().policy["sla.first_response_hours.normal"] == 1
    Setting.update(value="2").where(Setting.key == "sla.first_response_hours.normal").execute()
    assert sla.SlaContext.load().policy["sla.first_response_hours.normal"] == 2
    wednesday = dt.date(2026, 11, 25)
    assert sla.SlaContext.load().calendar.is_working_day(wednesday)
    CalendarOverride.create(day=wednesday, kind="holiday", note="", created_at=dt.datetime.now())
    assert not sla.SlaContext.load().calendar.is_working_day(wednesday)
    loaded = sla.SlaContext.load()
    loaded.policy["sla.first_response_hours.normal"] = 9  # a caller's own copy
    assert sla.SlaContext.load().policy["sla.first_response_hours.normal"] == 2
