"""Review meetings (docs/rules.md#review-meetings) and the typical-case library
(docs/rules.md#typical-case-library) on screen: a supervisor marks a closed case typical from
the case window, staff search the library and see no personal data, the intake side panel
lists the typical cases of the subtype, a manager records a meeting with a decision, creates
its improvement action and saves the minutes as PDF; a clerk only reads."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from desktop_app.db.models import CauseCategory, ImprovementAction, TypicalCase
from desktop_app.services import auth, case_library, intake
from desktop_app.ui.case.window import CaseWindow
from desktop_app.ui.case_library import CaseLibraryDialog
from desktop_app.ui.intake.similar import SimilarPanel
from desktop_app.ui.review_meetings import ReviewMeetingsDialog
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 15_000
PHONE = "13987654321"


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


@pytest.fixture
def closed(clerk_session):
    case = make_case(
        at=TEST_NOW - dt.timedelta(days=3),
        owner="clerk1",
        product="智能手表X1",
        root_cause=CauseCategory.get(code="parts_packaging"),
    )
    case.description = f"张三说表带缺失，请回电 {PHONE}"
    case.stage, case.is_open, case.outcome = "closed", False, "resolved"
    case.closed_at = TEST_NOW - dt.timedelta(days=1)
    case.next_due = None
    case.save()
    return case


def session(username: str, clock):
    return auth.session_for_username(username, clock=clock)


def test_a_supervisor_marks_a_closed_case_typical_and_staff_find_it_masked(
    qtbot, closed, clock, runner
):
    clerk_window = CaseWindow(session("clerk1", clock), closed.id)
    qtbot.addWidget(clerk_window)
    with qtbot.waitSignal(clerk_window.loaded, timeout=WAIT):
        clerk_window.show()
    assert not clerk_window.mark_typical_button.isEnabled()
    assert clerk_window.ask_mark_typical() is None

    window = CaseWindow(session("super1", clock), closed.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=WAIT):
        window.show()
    assert window.mark_typical_button.isEnabled()
    dialog = window.ask_mark_typical()
    assert dialog.objectName() == "mark_typical_dialog"
    dialog.accept()  # nothing typed: refused at the fields, still open
    assert dialog.isVisible() and TypicalCase.select().count() == 0
    dialog.summary.setPlainText("表带缺失，补寄并致歉")
    dialog.lesson.setPlainText("发货前核对配件清单")
    dialog.script.setPlainText("非常抱歉，我们今天为您补寄表带")
    with qtbot.waitSignal(window.case_changed, timeout=WAIT):
        dialog.accept()
    assert TypicalCase.select().count() == 1

    library = CaseLibraryDialog(session("clerk1", clock), runner)
    qtbot.addWidget(library)
    library.show()
    assert library.objectName() == "case_library_dialog"
    qtbot.waitUntil(lambda: library.table.rowCount() == 1, timeout=WAIT)
    assert library.table.item(0, 0).text() == closed.number
    assert library.table.item(0, 2).text() == "智能手表X1"
    shown = library.detail.toPlainText()
    assert "发货前核对配件清单" in shown and "139****4321" in shown
    assert PHONE not in shown and "张三" not in shown
    # Search by cause, then by a product no entry has.
    qtbot.waitUntil(lambda: library.cause_combo.count() > 1, timeout=WAIT)
    library.cause_combo.setCurrentIndex(library.cause_combo.findData("logistics"))
    qtbot.waitUntil(lambda: library.table.rowCount() == 0, timeout=WAIT)
    library.cause_combo.setCurrentIndex(library.cause_combo.findData("parts_packaging"))
    qtbot.waitUntil(lambda: library.table.rowCount() == 1, timeout=WAIT)
    library.search_edit.setText("没有这种案例")
    qtbot.waitUntil(lambda: library.table.rowCount() == 0, timeout=WAIT)


def test_the_intake_side_panel_lists_the_typical_cases_of_the_subtype(
    qtbot, closed, clerk_session, supervisor_session
):
    case_library.mark_typical(supervisor_session, closed.id, "表带缺失", "核对配件", "补寄")
    panel = SimilarPanel()
    qtbot.addWidget(panel)
    similar = intake.similar_cases(
        clerk_session, customer_id=None, subtype="functional_defect", text=""
    )
    panel.set_similar(similar)
    assert panel.typical.count() == 1
    assert closed.number in panel.typical.item(0).text()
    other = intake.similar_cases(
        clerk_session, customer_id=None, subtype="logistics_delay", text=""
    )
    panel.set_similar(other)
    assert [panel.typical.item(i).text() for i in range(panel.typical.count())] == ["None"]


def test_a_manager_records_a_meeting_a_decision_its_action_and_the_minutes(
    qtbot, closed, system_session, clock, runner, tmp_path
):
    make_user(system_session, "manager1", "manager", departments=())
    dialog = ReviewMeetingsDialog(session("manager1", clock), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "review_meetings_dialog"
    qtbot.waitUntil(lambda: dialog.department_list.count() > 0, timeout=WAIT)
    assert dialog.new_meeting_button.isVisible()
    dialog.new_meeting()
    dialog.check_departments("customer_service", "logistics")
    dialog.attendees.setText("王经理、李主管")
    dialog.period_start.setDate(dt.date(2026, 11, 1))
    dialog.period_end.setDate(dt.date(2026, 11, 30))
    dialog.load_hot_spots()
    qtbot.waitUntil(lambda: bool(dialog.hot_spots), timeout=WAIT)
    assert "智能手表X1" in dialog.hot_spots_list.item(0).text()
    row = dialog.add_decision("包装线增加配件核对", "logistics", "2026-12-31")
    assert row == 0
    dialog.save()
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=WAIT)
    meeting = dialog.current
    assert [d.text for d in meeting.decisions] == ["包装线增加配件核对"]
    assert meeting.hot_spots[0]["product"] == "智能手表X1"
    qtbot.waitUntil(lambda: dialog.meetings_table.rowCount() == 1, timeout=WAIT)
    dialog.decisions_table.setCurrentCell(0, 0)
    dialog.create_action()
    qtbot.waitUntil(lambda: dialog.current.decisions[0].action_id is not None, timeout=WAIT)
    action = ImprovementAction.get_by_id(dialog.current.decisions[0].action_id)
    assert (action.problem, action.department.code) == ("包装线增加配件核对", "logistics")
    assert dialog.decisions_table.item(0, 3).text().startswith(f"#{action.id}")
    html = dialog.minutes_html()
    assert "复盘会纪要" in html and "王经理、李主管" in html and "包装线增加配件核对" in html
    assert "智能手表X1" in html
    path = dialog.save_minutes(tmp_path / "minutes.pdf")
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 1000

    # A clerk reads the meeting and changes nothing.
    reader = ReviewMeetingsDialog(session("clerk1", clock), runner)
    qtbot.addWidget(reader)
    reader.show()
    qtbot.waitUntil(lambda: reader.current is not None, timeout=WAIT)
    assert not reader.new_meeting_button.isVisible()
    assert not reader.save_meeting_button.isEnabled()
    assert reader.print_minutes_button.isEnabled()
    assert reader.decisions_table.rowCount() == 1


def test_the_view_menu_opens_both(qtbot, clerk, gui_db):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(clerk, gui_db)
    qtbot.addWidget(window)
    assert window.review_meetings_action.isEnabled() and window.case_library_action.isEnabled()
    meetings = window.open_review_meetings()
    assert meetings.objectName() == "review_meetings_dialog"
    library = window.open_case_library()
    assert library.objectName() == "case_library_dialog"
    meetings.close()
    library.close()
    window.tasks.wait_for_done()
