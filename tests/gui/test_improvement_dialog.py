"""The improvement action dialog (docs/rules.md#improvement-actions): a manager links a
subtype, a product, a case and the responsible person, records this month's follow-up, and
the effect table shows the linked complaints month by month, worked out by hand; a
supervisor of another department is refused under the follow-up form. The clock stands at
Wed 2026-11-25 10:00 (tests/helpers/fixtures.py): the three months before are Aug–Oct."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop_app.db.models import Survey, User
from desktop_app.services import improvements
from desktop_app.ui.reports import ReportsPage
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

WAIT = 15_000
D = dt.datetime


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _case(at: D, *, score: int | None = None, **fields):
    case = make_case(at=at, owner="clerk1", **fields)
    if score is not None:
        Survey.create(
            complaint=case,
            customer_name="张三",
            survey_time=at + dt.timedelta(days=1),
            method="phone",
            surveyor=User.get(username="clerk1"),
            timeliness=score,
            effectiveness=score,
            attitude=score,
            overall=score,
        )
    return case


@pytest.fixture
def history(clerk):
    """Delivery cases and cases of the watch: Aug 1, Sep 2 (one surveyed 2), Oct 1 + the
    watch (surveyed 4), Nov 1 (surveyed 5); an Oct case of another subtype does not count."""
    _case(D(2026, 8, 10), subtype="delivery")
    _case(D(2026, 9, 3), subtype="delivery", score=2)
    _case(D(2026, 9, 17), subtype="delivery")
    _case(D(2026, 10, 8), subtype="delivery")
    _case(D(2026, 10, 9), product="智能手表X1", score=4)
    _case(D(2026, 10, 12), subtype="staff_attitude", score=1)
    return _case(D(2026, 11, 3), subtype="delivery", score=5)


def _page(qtbot, session) -> ReportsPage:
    page = ReportsPage(session, tasks=TaskRunner())
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.resize(1400, 1000)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT):
        page.show()
    return page


def test_a_manager_links_follows_up_and_sees_the_effect(qtbot, manager, history):
    page = _page(qtbot, manager)
    qtbot.mouseClick(page.new_improvement_button, Qt.MouseButton.LeftButton)
    dialog = page.improvement_dialog
    assert dialog is not None
    assert not dialog.follow_ups_box.isEnabled()  # not saved yet
    dialog.problem.setPlainText("配送超时")
    dialog.plan.setPlainText("更换承运商")
    dialog.set_department("customer_service")
    # The responsible person: an active account of the department.
    qtbot.waitUntil(lambda: dialog.set_responsible("clerk1"), timeout=WAIT)
    assert dialog.responsible.findData("manager1") < 0
    dialog.set_type_codes(["delivery"])
    dialog.products.setText("智能手表X1， ")
    # An unknown complaint number is looked up and refused under the field.
    dialog.cases.setText(f"{history.number}, TS-NOPE")
    dialog.accept()
    qtbot.waitUntil(lambda: "TS-NOPE" in dialog.error_text("cases"), timeout=WAIT)
    assert dialog.isVisible()
    dialog.cases.setText(history.number)
    with qtbot.waitSignal(page.improvement_saved, timeout=WAIT):
        dialog.accept()
    (action,) = improvements.list_actions(manager)
    assert action.type_codes == ("delivery",)
    assert action.products == ("智能手表X1",)
    assert action.case_numbers == (history.number,)
    assert action.responsible == "clerk1"

    qtbot.waitUntil(lambda: page.select_improvement(action.id), timeout=WAIT)
    qtbot.mouseClick(page.edit_improvement_button, Qt.MouseButton.LeftButton)
    dialog = page.improvement_dialog
    assert dialog.products.text() == "智能手表X1"
    assert dialog.cases.text() == history.number
    qtbot.waitUntil(lambda: dialog.effect_table.rowCount() == 4, timeout=WAIT)
    from desktop_app.ui.improvement_dialog import table_texts

    assert table_texts(dialog.effect_table) == [
        ["before", "2026-08", "1", "0", "—"],
        ["before", "2026-09", "2", "1", "2.00"],
        ["before", "2026-10", "2", "1", "4.00"],  # the delivery case and the watch
        ["since", "2026-11", "1", "1", "5.00"],
    ]
    assert dialog.effect_table.item(0, 0).font().italic()
    assert not dialog.effect_table.item(3, 0).font().italic()

    # This month's follow-up: what was done and the status then.
    assert dialog.record_follow_up_button.isEnabled()
    dialog.follow_up_done.setText("已与新承运商签约")
    dialog.follow_up_status.setCurrentIndex(dialog.follow_up_status.findData("in_progress"))
    with qtbot.waitSignal(dialog.follow_up_recorded, timeout=WAIT):
        qtbot.mouseClick(dialog.record_follow_up_button, Qt.MouseButton.LeftButton)
    assert table_texts(dialog.follow_ups_table) == [
        ["2026-11", "In progress", "manager1", "已与新承运商签约"]
    ]
    assert improvements.get_action(manager, action.id).status == "in_progress"
    assert dialog.status.currentData() == "in_progress"


def test_another_departments_supervisor_is_refused_under_the_form(qtbot, system, manager, clerk):
    action = improvements.create_action(
        manager, "配送超时", "更换承运商", "logistics", dt.date(2026, 12, 31)
    )
    supervisor = make_user(system, "super1", "supervisor")  # of customer service
    page = _page(qtbot, supervisor)
    dialog = page._open_improvement_dialog(action)
    # Another department's action is hidden from the supervisor: said under the form.
    qtbot.waitUntil(lambda: dialog.follow_up_message.isVisible(), timeout=WAIT)
    assert "No improvement action" in dialog.follow_up_message.text()
    dialog.follow_up_done.setText("没有权限")
    qtbot.mouseClick(dialog.record_follow_up_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert improvements.list_follow_ups(manager, action.id) == []
    # Saving is refused too; the dialog stays open saying why.
    dialog.plan.setPlainText("改由客服处理")
    with qtbot.waitSignal(page.tasks.task_finished, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.form_message.text()), timeout=WAIT)
    assert dialog.isVisible()
    assert improvements.get_action(manager, action.id).plan == "更换承运商"
