"""Reminders about improvement actions (docs/rules.md#improvement-actions): an overdue action
and a missing monthly follow-up each remind the responsible department's supervisors once.
The clock starts at Wed 2026-11-25 10:00."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import Reminder, ScanState
from desktop_app.services import improvements, reminders
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError
from desktop_app.services.session import Session
from tests.helpers.fixtures import make_user

D = dt.datetime


@pytest.fixture
def people(system_session, supervisor_session, clerk_session, manager_session):
    """super1 and super2 supervise customer service (clerk1 works there); logboss
    supervises logistics."""
    return {
        "super1": supervisor_session,
        "super2": make_user(system_session, "super2", "supervisor"),
        "clerk1": clerk_session,
        "logboss": make_user(system_session, "logboss", "supervisor", departments=("logistics",)),
        "manager1": manager_session,
    }


def _action(session, deadline: dt.date, *, department="customer_service", problem="退款慢"):
    return improvements.create_action(session, problem, "每日核对退款单", department, deadline)


def _improvement_reminders(session):
    return [
        (r.kind, r.improvement_action_id)
        for r in reminders.my_reminders(session)
        if r.kind.startswith("improvement_")
    ]


def test_an_overdue_action_reminds_its_departments_supervisors_once(people, clock):
    manager = people["manager1"]
    late = _action(manager, dt.date(2026, 11, 26), problem="退款处理慢，" * 20)
    done = _action(manager, dt.date(2026, 11, 26), problem="包装破损")
    improvements.update_action(manager, done.id, status="done")
    cancelled = _action(manager, dt.date(2026, 11, 26), problem="话术不统一")
    improvements.update_action(manager, cancelled.id, status="cancelled")
    scanner = Session.system(clock)

    clock.at = D(2026, 11, 26, 17, 0)  # the deadline's own day: not overdue yet
    assert [r for r in reminders.scan(scanner) if r.improvement_action_id] == []

    clock.at = D(2026, 11, 27, 9, 30)
    fired = [r for r in reminders.scan(scanner) if r.improvement_action_id]
    assert [(r.kind, r.improvement_action_id) for r in fired] == [("improvement_overdue", late.id)]
    reminder = Reminder.get_by_id(fired[0].id)
    assert reminder.recipient.username == "super1"  # the department's first supervisor
    assert reminder.department.code == "customer_service"
    assert reminder.complaint_id is None
    assert reminder.fire_key == f"improvement_overdue:action:{late.id}:2026-11-26"
    assert reminder.message.startswith("Improvement action overdue since 2026-11-26: 退款处理慢")
    assert fired[0].problem == reminders.short_problem(late.problem)
    assert len(fired[0].problem) == reminders.PROBLEM_SHOWN and fired[0].problem.endswith("…")

    # Every supervisor of the department sees it; a clerk, another department's
    # supervisor and the manager (who sees escalations only) do not.
    assert _improvement_reminders(people["super1"]) == [("improvement_overdue", late.id)]
    assert _improvement_reminders(people["super2"]) == [("improvement_overdue", late.id)]
    assert _improvement_reminders(people["clerk1"]) == []
    assert _improvement_reminders(people["logboss"]) == []
    assert _improvement_reminders(people["manager1"]) == []
    # A clerk's own scan does not hear of it either.
    ScanState.delete().where(ScanState.name == "improvements").execute()
    Reminder.delete().where(Reminder.kind == "improvement_overdue").execute()
    clock.at = D(2026, 11, 27, 9, 40)
    assert [r.kind for r in reminders.scan(people["clerk1"])] == []
    assert _improvement_reminders(people["super1"]) == [("improvement_overdue", late.id)]

    # Later scans, a restart and another day fire nothing new.
    for moment in (D(2026, 11, 27, 9, 50), D(2026, 11, 27, 16, 0), D(2026, 11, 30, 10, 0)):
        clock.at = moment
        assert [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id] == []
    assert Reminder.select().where(Reminder.kind == "improvement_overdue").count() == 1

    # A new deadline that passes again reminds again, once.
    improvements.update_action(manager, late.id, deadline=dt.date(2026, 12, 1))
    clock.at = D(2026, 12, 2, 10, 0)
    fired = [r for r in reminders.scan(scanner) if r.improvement_action_id]
    assert [(r.kind, r.due_at) for r in fired] == [("improvement_overdue", D(2026, 12, 1))]


def test_the_actions_are_looked_at_every_few_minutes_not_every_tick(people, clock):
    scanner = Session.system(clock)
    clock.at = D(2026, 11, 26, 10, 0)
    reminders.scan(scanner)  # looks at the actions: none yet
    _action(people["manager1"], dt.date(2026, 11, 20))  # overdue at once
    clock.at = D(2026, 11, 26, 10, 4)  # a tick within the interval does not look
    assert [r for r in reminders.scan(scanner) if r.improvement_action_id] == []
    clock.at = D(2026, 11, 26, 10, 5)
    assert [r.kind for r in reminders.scan(scanner) if r.improvement_action_id] == [
        "improvement_overdue"
    ]


def test_an_action_without_a_supervisor_reminds_the_manager(people, clock):
    action = _action(people["manager1"], dt.date(2026, 11, 20), department="operations")
    clock.at = D(2026, 11, 26, 10, 0)
    reminders.scan(Session.system(clock))
    assert _improvement_reminders(people["manager1"]) == [("improvement_overdue", action.id)]
    assert _improvement_reminders(people["super1"]) == []


def test_a_missing_follow_up_of_last_month_reminds_after_day_n(people, clock):
    manager = people["manager1"]
    clock.at = D(2026, 9, 20, 10, 0)
    missing = _action(manager, dt.date(2027, 3, 31), problem="物流超时")
    followed = _action(manager, dt.date(2027, 3, 31), problem="配件缺失")
    finished = _action(manager, dt.date(2027, 3, 31), problem="包装破损")
    clock.at = D(2026, 10, 15, 10, 0)  # new in October: no reminder about September
    young = _action(manager, dt.date(2027, 3, 31), problem="说明书不清")
    assert [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id] == []
    clock.at = D(2026, 11, 2, 10, 0)
    improvements.record_follow_up(manager, followed.id, "2026-10", "换了供应商", "in_progress")
    improvements.update_action(manager, finished.id, status="done")

    clock.at = D(2026, 11, 5, 17, 0)  # day 5 (the default): still in time
    assert [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id] == []
    clock.at = D(2026, 11, 6, 9, 0)
    fired = [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id]
    assert [(r.kind, r.improvement_action_id) for r in fired] == [
        ("improvement_follow_up", missing.id)
    ]
    reminder = Reminder.get_by_id(fired[0].id)
    assert reminder.fire_key == f"improvement_follow_up:action:{missing.id}:2026-10"
    assert reminder.due_at == D(2026, 10, 1)  # the month concerned
    assert reminder.message == (
        "No follow-up of 2026-10 recorded for the improvement action: 物流超时"
    )
    assert reminder.recipient.username == "super1"
    assert _improvement_reminders(people["super2"]) == [("improvement_follow_up", missing.id)]
    assert _improvement_reminders(people["logboss"]) == []
    assert young.id not in {r.improvement_action_id for r in fired}

    # Recording the month late does not fire it again; nor does the next scan.
    clock.at = D(2026, 11, 9, 10, 0)
    improvements.record_follow_up(manager, missing.id, "2026-10", "补记", "in_progress")
    assert [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id] == []
    assert Reminder.select().where(Reminder.kind == "improvement_follow_up").count() == 1

    # December: November's follow-ups of the three open actions are missing (young was
    # open all November now).
    clock.at = D(2026, 12, 7, 10, 0)
    fired = [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id]
    assert sorted(r.improvement_action_id for r in fired) == sorted(
        [missing.id, followed.id, young.id]
    )
    assert {r.kind for r in fired} == {"improvement_follow_up"}


def test_the_follow_up_day_is_a_setting(people, clock):
    manager = people["manager1"]
    assert settings_service.get("reminders.improvement_follow_up_day") == 5
    for wrong in (0, 29, 2.5, "x"):
        with pytest.raises(ValidationError):
            settings_service.change_setting(manager, "reminders.improvement_follow_up_day", wrong)
    settings_service.change_setting(manager, "reminders.improvement_follow_up_day", 10)
    clock.at = D(2026, 9, 20, 10, 0)
    action = _action(manager, dt.date(2027, 3, 31))
    clock.at = D(2026, 11, 6, 10, 0)  # after day 5, not after day 10
    assert [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id] == []
    clock.at = D(2026, 11, 11, 10, 0)
    fired = [r for r in reminders.scan(Session.system(clock)) if r.improvement_action_id]
    assert [(r.kind, r.improvement_action_id) for r in fired] == [
        ("improvement_follow_up", action.id)
    ]


def test_deleting_an_action_deletes_its_reminders(people, clock):
    action = _action(people["manager1"], dt.date(2026, 11, 20))
    clock.at = D(2026, 11, 26, 10, 0)
    reminders.scan(Session.system(clock))
    assert Reminder.select().where(Reminder.improvement_action == action.id).count() == 1
    from desktop_app.db.models import ImprovementAction

    ImprovementAction.delete_by_id(action.id)
    assert Reminder.select().where(Reminder.improvement_action == action.id).count() == 0
