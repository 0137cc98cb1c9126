"""Improvement actions that prove themselves (docs/rules.md#improvement-actions): the
effect month by month, worked out by hand, the responsible person, product links and the
monthly follow-ups. The clock starts at Wed 2026-11-25 10:00."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import AuditLog, Survey, User
from desktop_app.services import improvements
from desktop_app.services.errors import ValidationError
from desktop_app.services.improvements import EffectMonth
from tests.helpers.cases import make_case

D = dt.datetime


def _case(at: D, *, score: int | None = None, survey_at: D | None = None, **fields):
    case = make_case(at=at, owner="clerk1", **fields)
    if score is not None:
        Survey.create(
            complaint=case,
            customer_name="张三",
            survey_time=survey_at or at + dt.timedelta(days=2),
            method="phone",
            surveyor=User.get(username="clerk1"),
            timeliness=score,
            effectiveness=score,
            attitude=score,
            overall=score,
        )
    return case


@pytest.fixture
def history(clerk_session):
    """Delivery cases (subtype ``delivery``) and cases of the watch (product, any subtype):
    Aug 2 + Sep 3 + Oct 4 before; Nov 2, Dec 1, Jan 0 after; plus cases that do not count."""
    for day in (D(2026, 8, 5, 9), D(2026, 8, 31, 23, 59)):
        _case(day, subtype="delivery", score=2)  # surveyed in Aug and in Sep (Sep 2)
    for day in (D(2026, 9, 1), D(2026, 9, 15)):
        _case(day, subtype="delivery")
    _case(D(2026, 9, 20), product=" 智能手表X1 ", score=4)  # trimmed: counts
    for day in (D(2026, 10, 1), D(2026, 10, 2), D(2026, 10, 3)):
        _case(day, subtype="delivery", score=1)
    _case(D(2026, 10, 31, 23), product="智能手表X1")
    _case(D(2026, 11, 3), subtype="delivery", score=5)
    _case(D(2026, 11, 20), product="智能手表X1", subtype="delivery")  # once, not twice
    _case(D(2026, 12, 7), subtype="delivery", score=4, survey_at=D(2027, 1, 2))
    # Not linked: another subtype, another product, before the three months.
    _case(D(2026, 10, 5), subtype="staff_attitude", score=1)
    _case(D(2026, 10, 6), product="蓝牙耳机")
    _case(D(2026, 7, 31), subtype="delivery")


def test_effect_before_and_after_by_hand(history, manager_session, clock):
    action = improvements.create_action(
        manager_session,
        "配送超时",
        "更换承运商",
        "logistics",
        dt.date(2027, 1, 31),
        type_codes=["delivery"],
        products=["智能手表X1", "  智能手表X1"],
    )
    assert action.products == ("智能手表X1",)
    clock.advance(days=40)  # 2027-01-04
    months = improvements.effect(manager_session, action.id)
    assert months == [
        # Aug: 2 cases; one survey in Aug (score 2); the Aug 31 case's survey is Sep 2.
        EffectMonth(dt.date(2026, 8, 1), True, 2, 1, 2.0),
        # Sep: 2 delivery + the watch; surveys: 2 (Sep 2) and 4 (Sep 22): mean 3.
        EffectMonth(dt.date(2026, 9, 1), True, 3, 2, 3.0),
        # Oct: 3 delivery + the watch (Oct 31); three surveys of 1.
        EffectMonth(dt.date(2026, 10, 1), True, 4, 3, 1.0),
        # The action started in November: 2 cases (the watch of subtype delivery once).
        EffectMonth(dt.date(2026, 11, 1), False, 2, 1, 5.0),
        EffectMonth(dt.date(2026, 12, 1), False, 1, 0, None),
        EffectMonth(dt.date(2027, 1, 1), False, 0, 1, 4.0),
    ]
    # A category counts its subtypes.
    improvements.update_action(
        manager_session, action.id, type_codes=["process_efficiency"], products=[]
    )
    first = improvements.effect(manager_session, action.id)[0]
    assert (first.month, first.volume) == (dt.date(2026, 8, 1), 2)


def test_responsible_person_and_monthly_follow_ups(history, manager_session, clock):
    with pytest.raises(ValidationError) as refused:
        improvements.create_action(
            manager_session,
            "配送超时",
            "更换承运商",
            "logistics",
            "2027-01-31",
            responsible="clerk1",
        )
    assert refused.value.field == "responsible"  # clerk1 is of customer service
    action = improvements.create_action(
        manager_session, "排队久", "加窗口", "customer_service", "2027-01-31", responsible="clerk1"
    )
    assert (action.responsible, action.responsible_name) == ("clerk1", "clerk1")
    improvements.record_follow_up(manager_session, action.id, "2026-11", "培训两次", "in_progress")
    clock.advance(days=10)
    follow = improvements.record_follow_up(
        manager_session, action.id, dt.date(2026, 12, 3), "新增窗口", "in_progress"
    )
    # The same month again corrects it.
    follow = improvements.record_follow_up(
        manager_session, action.id, "2026-12", "新增两个窗口", "done"
    )
    assert [(f.month, f.done, f.status) for f in follow] == [
        (dt.date(2026, 11, 1), "培训两次", "in_progress"),
        (dt.date(2026, 12, 1), "新增两个窗口", "done"),
    ]
    assert improvements.get_action(manager_session, action.id).status == "done"
    assert improvements.update_action(manager_session, action.id, responsible="").responsible == ""
    with pytest.raises(ValidationError):
        improvements.record_follow_up(manager_session, action.id, "2027-01", "未来", "done")
    with pytest.raises(ValidationError):
        improvements.record_follow_up(manager_session, action.id, "2026-12", "  ", "done")
    entries = AuditLog.select().where(
        (AuditLog.action == "improvement_update") & (AuditLog.entity_id == str(action.id))
    )
    assert entries.count() == 4  # three follow-ups, the person removed
