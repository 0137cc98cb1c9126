"""Satisfaction surveys (template 3): the 24–48 h queue, call attempts, one survey per
complaint, follow-up of unhappy customers."""

from __future__ import annotations

import datetime as dt

import peewee
import pytest

from desktop_app.db.models import Complaint, FollowUp, Reminder, Survey
from desktop_app.services import cases, reminders, surveys
from desktop_app.services.cases import ProgressForm
from desktop_app.services.errors import PermissionDenied, ValidationError
from desktop_app.services.surveys import SurveyForm, SurveyInvalid
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

D = dt.datetime


def _closed(session, clock, **fields):
    case = make_case(at=clock.now(), owner="clerk1", **fields)
    version = cases.get_case(session, case.id).version
    cases.close_case(
        session,
        case.id,
        confirmed=False,
        outcome="resolved",
        reason="客户来电撤诉",
        version=version,
    )
    return Complaint.get_by_id(case.id)


def _numbers(session):
    return [r.number for r in surveys.survey_queue(session).rows]


def _form(number="", **scores):
    values = {"timeliness": 5, "effectiveness": 4, "attitude": 5, "overall": 4, **scores}
    return SurveyForm(
        complaint_number=number,
        customer_name="张三",
        survey_time=D(2026, 11, 26, 11, 0),
        method="phone",
        most_satisfied=["attitude", "result"],
        needs_improvement=["other"],
        needs_improvement_other="回电慢",
        suggestions="希望短信通知",
        **values,
    )


def test_queue_opens_at_24_hours_and_marks_overdue_after_48(clerk_session, clock):
    case = _closed(clerk_session, clock)  # closed Wed 10:00
    clock.advance(hours=23, minutes=59)
    assert _numbers(clerk_session) == []
    clock.advance(minutes=1)
    page = surveys.survey_queue(clerk_session)
    assert [r.number for r in page.rows] == [case.number] and page.total == 1
    row = page.rows[0]
    assert (row.opens_at, row.due_at, row.overdue) == (
        D(2026, 11, 26, 10, 0),
        D(2026, 11, 27, 10, 0),
        False,
    )
    assert row.contact == "13812345678"  # the surveyor calls this number
    clock.advance(hours=24)
    assert not surveys.survey_queue(clerk_session).rows[0].overdue  # exactly at due
    clock.advance(minutes=1)
    assert surveys.survey_queue(clerk_session).rows[0].overdue


def test_queue_is_ordered_by_due_time_and_pages(clerk_session, clock):
    numbers = []
    for _ in range(5):
        numbers.append(_closed(clerk_session, clock).number)
        clock.advance(minutes=10)
    clock.advance(days=2)
    first = surveys.survey_queue(clerk_session, limit=2)
    second = surveys.survey_queue(clerk_session, limit=2, after=first.next_cursor)
    third = surveys.survey_queue(clerk_session, limit=2, after=second.next_cursor)
    assert [r.number for p in (first, second, third) for r in p.rows] == numbers
    assert third.next_cursor is None and first.total == 5


def test_failed_calls_schedule_the_next_try_then_give_up(clerk_session, clock):
    case = _closed(clerk_session, clock)
    clock.advance(hours=24, minutes=30)  # Thu 10:30
    first = surveys.record_attempt(clerk_session, case.id, "no_answer")
    assert first.next_try_at == D(2026, 11, 26, 12, 30)  # 120 working minutes later
    row = surveys.survey_queue(clerk_session).rows[0]
    assert (row.attempts, row.last_result, row.next_try_at) == (
        1,
        "no_answer",
        D(2026, 11, 26, 12, 30),
    )
    assert row.waiting(clock.now())
    with pytest.raises(ValidationError) as no_time:
        surveys.record_attempt(clerk_session, case.id, "call_back_later")
    assert no_time.value.field == "next_try_at"
    clock.advance(hours=2)
    later = surveys.record_attempt(
        clerk_session,
        case.id,
        "call_back_later",
        next_try_at=D(2026, 11, 26, 17, 0),
        note="客户开会",
    )
    assert later.next_try_at == D(2026, 11, 26, 17, 0) and not later.left_queue
    clock.advance(hours=5)  # 17:30: a no-answer near closing moves to the next morning
    assert surveys.record_attempt(clerk_session, case.id, "no_answer").left_queue
    assert Complaint.get_by_id(case.id).no_survey_reason == "unreachable"
    assert _numbers(clerk_session) == []


def test_no_answer_retry_counts_working_time(clerk_session, clock):
    case = _closed(clerk_session, clock)
    clock.advance(hours=31, minutes=30)  # Thu 17:30
    result = surveys.record_attempt(clerk_session, case.id, "no_answer")
    assert result.next_try_at == D(2026, 11, 27, 10, 30)  # 30 min today, 90 min Friday


def test_refusal_and_wrong_number_leave_the_queue(clerk_session, clock):
    refused, wrong = _closed(clerk_session, clock), _closed(clerk_session, clock)
    clock.advance(hours=25)
    assert surveys.record_attempt(clerk_session, refused.id, "refused").reason == "refused"
    assert surveys.record_attempt(clerk_session, wrong.id, "wrong_number").left_queue
    assert _numbers(clerk_session) == []


def test_not_to_be_surveyed_needs_a_reason(clerk_session, clock):
    case = _closed(clerk_session, clock)
    clock.advance(hours=25)
    with pytest.raises(ValidationError) as empty:
        surveys.mark_not_surveyed(clerk_session, case.id, "  ")
    assert empty.value.field == "no_survey_reason"
    surveys.mark_not_surveyed(clerk_session, case.id, "客户要求不再联系")
    assert _numbers(clerk_session) == []
    assert Complaint.get_by_id(case.id).no_survey_reason == "客户要求不再联系"


def test_one_survey_per_complaint(clerk_session, clock, system_session):
    case = _closed(clerk_session, clock)
    clock.advance(hours=25)
    recorded = surveys.record_survey(clerk_session, _form(case.number.lower()))
    stored = Survey.get_by_id(recorded.id)
    assert (
        stored.complaint_id,
        stored.overall,
        stored.most_satisfied,
        stored.needs_improvement_other,
    ) == (case.id, 4, "result,attitude", "回电慢")
    assert recorded.follow_up_id is None and _numbers(clerk_session) == []
    other = make_user(system_session, "clerk2", "clerk")
    with pytest.raises(ValidationError) as second:
        surveys.record_survey(other, _form(case.number, overall=2))
    assert second.value.field == "complaint_number"
    assert "already has its survey" in second.value.message and "clerk1" in second.value.message
    assert Survey.select().count() == 1 and FollowUp.select().count() == 0
    with pytest.raises(peewee.IntegrityError):  # the database itself refuses too
        Survey.create(
            complaint=case.id,
            customer_name="x",
            survey_time=clock.now(),
            method="phone",
            surveyor=other.user_id,
            timeliness=1,
            effectiveness=1,
            attitude=1,
            overall=1,
        )


def test_low_score_creates_a_follow_up_for_the_supervisor(clerk_session, supervisor_session, clock):
    case = _closed(clerk_session, clock)
    clock.advance(hours=25)
    recorded = surveys.record_survey(clerk_session, _form(case.number, overall=2))
    follow_up = FollowUp.get_by_id(recorded.follow_up_id)
    assert follow_up.assigned_to_id == supervisor_session.user_id
    notice = Reminder.get(Reminder.kind == "follow_up")
    assert notice.recipient_id == supervisor_session.user_id
    assert notice.id in {r.id for r in reminders.my_reminders(supervisor_session)}
    assert [f.id for f in surveys.follow_ups(supervisor_session)] == [follow_up.id]
    detail = cases.get_case(supervisor_session, case.id)
    assert detail.follow_ups == ((follow_up.id, "Overall satisfaction 2/5 in the survey"),)
    survey_events = [e for e in cases.timeline(supervisor_session, case.id) if e.kind == "survey"]
    assert [e.title for e in survey_events] == ["Satisfaction survey: overall 2/5"]
    clock.advance(hours=1)
    version = surveys.complete_follow_up(
        supervisor_session, follow_up.id, "致电客户，重新处理", reopen=True
    )
    reopened = cases.get_case(supervisor_session, case.id)
    assert (reopened.is_open, reopened.level, reopened.version) == (True, 3, version)
    assert reopened.follow_ups == ()
    assert Reminder.get_by_id(notice.id).acknowledged_at == clock.now()


def test_not_satisfied_feedback_also_creates_a_follow_up(clerk_session, supervisor_session, clock):
    case = make_case(at=clock.now(), owner="clerk1")
    version = cases.get_case(clerk_session, case.id).version
    cases.add_progress(
        clerk_session,
        case.id,
        ProgressForm(
            stage="assigned", customer_feedback="not_satisfied", feedback_comment="嫌补偿太少"
        ),
        version=version,
    )
    follow_up = FollowUp.get(FollowUp.complaint == case.id)
    assert follow_up.reason == "Customer not satisfied: 嫌补偿太少"
    assert follow_up.assigned_to_id == supervisor_session.user_id


def test_survey_form_reports_every_bad_field(clerk_session, clock):
    case = _closed(clerk_session, clock)
    form = _form(case.number, timeliness=0, overall=None)
    form.customer_name, form.method = " ", "fax"
    form.survey_time = clock.now() + dt.timedelta(hours=1)
    with pytest.raises(SurveyInvalid) as invalid:
        surveys.record_survey(clerk_session, form)
    assert {p.field for p in invalid.value.problems} == {
        "customer_name",
        "method",
        "timeliness",
        "overall",
        "survey_time",
    }
    open_case = make_case(at=clock.now(), owner="clerk1")
    form = _form(open_case.number)
    form.survey_time = clock.now()
    with pytest.raises(ValidationError) as still_open:
        surveys.record_survey(clerk_session, form)
    assert still_open.value.field == "complaint_number"
    assert Survey.select().count() == 0


def test_proactive_survey_without_a_complaint(clerk_session, clock):
    clock.advance(days=1, hours=1)
    recorded = surveys.record_survey(clerk_session, _form("", overall=1))
    assert recorded.complaint_id is None and recorded.follow_up_id is None
    assert Survey.get_by_id(recorded.id).complaint_id is None


def test_outsiders_cannot_touch_another_departments_survey(clerk_session, system_session, clock):
    case = _closed(clerk_session, clock)
    clock.advance(hours=25)
    outsider = make_user(system_session, "clerk3", "clerk", departments=("logistics",))
    assert _numbers(outsider) == []
    with pytest.raises(PermissionDenied):
        surveys.record_attempt(outsider, case.id, "no_answer")
    with pytest.raises(PermissionDenied):
        surveys.record_survey(outsider, _form(case.number))
