"""The working-calendar tab of the settings page and the deadline recompute after changes."""

import datetime as dt

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableView

from desktop_app.db.models import Complaint
from desktop_app.services import auth
from desktop_app.ui.calendar_page import MARK_COLOURS, CalendarPage
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings_page import SettingEditDialog
from tests.gui.test_settings_page import open_editor
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

THURSDAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def staff(system):
    make_user(system, "manager1", "manager", departments=())
    make_user(system, "clerk1", "clerk")


def open_settings(qtbot, username, clock, info) -> tuple[MainWindow, CalendarPage]:
    window = MainWindow(auth.session_for_username(username, clock=clock), info)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated):
        window.show()
    settings = window.show_section("settings")
    with qtbot.waitSignal(settings.calendar_page.loaded):
        page = settings.show_calendar()
    assert window.findChild(CalendarPage, "calendar_page") is page
    return window, page


def background(page: CalendarPage, day: dt.date) -> QColor:
    return page.char_format(day).background().color()


def colour(mark: str) -> QColor:
    return QColor(MARK_COLOURS[mark][0])


def click_day(qtbot, page: CalendarPage, day: dt.date) -> None:
    """Click the day's cell in its month, as a user does."""
    view = page.months[day.month - 1].findChild(QTableView)
    model = view.model()
    for row in range(1, model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            in_month = not (row == 1 and int(index.data()) > 7) and not (
                row >= 5 and int(index.data()) < 15
            )
            if in_month and int(index.data()) == day.day:
                view.scrollTo(index)
                rect = view.visualRect(index)
                qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                assert page.selected == day
                return
    raise AssertionError(f"no cell for {day}")


def test_year_view_marks_holidays_makeup_days_and_weekends(qtbot, staff, clock, gui_db):
    _window, page = open_settings(qtbot, "manager1", clock, gui_db)
    assert page.year.value() == 2026
    assert background(page, dt.date(2026, 10, 1)) == colour("holiday")  # National Day
    assert background(page, dt.date(2026, 10, 10)) == colour("makeup")  # a working Saturday
    assert background(page, dt.date(2026, 10, 11)) == colour("weekend")
    assert page.char_format(dt.date(2026, 10, 12)).background().style() == Qt.BrushStyle.NoBrush
    legend = {mark: page.findChild(QLabel, f"legend_{mark}").text() for mark in MARK_COLOURS}
    assert legend == {
        "holiday": "Public holiday",
        "makeup": "Makeup working day",
        "weekend": "Weekend",
        "override_holiday": "Extra holiday (override)",
        "override_workday": "Extra working day (override)",
    }
    click_day(qtbot, page, dt.date(2026, 10, 10))
    assert "Makeup working day — working day" in page.selected_day.text()
    assert "official" in page.findChild(QLabel, "calendar_status").text()


def test_managers_are_warned_that_2027_is_unknown(qtbot, staff, clock, gui_db):
    _window, page = open_settings(qtbot, "manager1", clock, gui_db)
    warning = page.findChild(QLabel, "calendar_warning")
    assert warning.isVisible()
    assert "2027 holiday schedule is not known" in warning.text()
    with qtbot.waitSignal(page.loaded):
        page.year.setValue(2027)
    assert "2027: no official holiday schedule" in page.status.text()
    assert page.day_info(dt.date(2027, 10, 1)).mark == ""  # no guessed National Day
    assert page.char_format(dt.date(2027, 10, 1)).background().style() == Qt.BrushStyle.NoBrush


def test_manager_override_recomputes_the_open_case(qtbot, staff, clock, gui_db):
    case = make_case(at=clock.now(), owner="clerk1")
    assert case.solution_due == dt.datetime(2026, 11, 30, 18, 0)
    window, page = open_settings(qtbot, "manager1", clock, gui_db)
    click_day(qtbot, page, THURSDAY)
    assert not page.remove_override_button.isEnabled()
    page.override_kind.setCurrentIndex(page.override_kind.findData("holiday"))
    qtbot.keyClicks(page.override_note, "company day")
    settings = window.page("settings")
    with qtbot.waitSignal(settings.status_message, timeout=10_000):
        qtbot.mouseClick(page.add_override_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "1 case's deadlines updated"
    stored = Complaint.get_by_id(case.id)
    assert stored.solution_due == dt.datetime(2026, 12, 1, 18, 0)  # one working day later
    assert stored.resolution_due == dt.datetime(2026, 12, 7, 18, 0)
    assert background(page, THURSDAY) == colour("override_holiday")
    assert "Extra holiday (override) — day off — company day" in page.selected_day.text()
    assert page.remove_override_button.isEnabled()

    with qtbot.waitSignal(settings.status_message, timeout=10_000):
        qtbot.mouseClick(page.remove_override_button, Qt.MouseButton.LeftButton)
    assert Complaint.get_by_id(case.id).solution_due == dt.datetime(2026, 11, 30, 18, 0)
    assert window.statusBar().currentMessage() == "1 case's deadlines updated"
    assert page.char_format(THURSDAY).background().style() == Qt.BrushStyle.NoBrush
    assert not page.remove_override_button.isEnabled()


def test_extra_working_day_on_a_weekend(qtbot, staff, clock, gui_db):
    saturday = dt.date(2026, 11, 28)
    _window, page = open_settings(qtbot, "manager1", clock, gui_db)
    click_day(qtbot, page, saturday)
    page.override_kind.setCurrentIndex(page.override_kind.findData("workday"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.add_override_button, Qt.MouseButton.LeftButton)
    assert page.day_info(saturday).working
    assert background(page, saturday) == colour("override_workday")


def test_clerk_sees_the_calendar_read_only(qtbot, staff, clock, gui_db):
    _window, page = open_settings(qtbot, "clerk1", clock, gui_db)
    assert background(page, dt.date(2026, 10, 1)) == colour("holiday")
    click_day(qtbot, page, dt.date(2026, 10, 1))
    assert "Public holiday — day off" in page.selected_day.text()
    for name in ("add_override_button", "remove_override_button", "override_kind", "override_note"):
        assert not page.findChild(type(getattr(page, name)), name).isEnabled(), name
    assert "Only managers" in page.edit_hint.text()
    assert page.add_override() is None
    assert not page.warning.isVisible()  # schedule warnings are for managers


def test_sla_setting_change_recomputes_deadlines(qtbot, staff, clock, gui_db):
    case = make_case(at=clock.now(), owner="clerk1")
    window = MainWindow(auth.session_for_username("manager1", clock=clock), gui_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated):
        window.show()
    page = window.show_section("settings")
    editor = open_editor(qtbot, page, "sla.first_response_hours.normal")
    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "1")
    with qtbot.waitSignal(page.status_message, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == "1 case's deadlines updated"
    assert Complaint.get_by_id(case.id).first_response_due == dt.datetime(2026, 11, 25, 11, 0)


def test_other_setting_changes_recompute_nothing(qtbot, staff, clock, gui_db):
    make_case(at=clock.now(), owner="clerk1")
    window = MainWindow(auth.session_for_username("manager1", clock=clock), gui_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated):
        window.show()
    page = window.show_section("settings")
    editor = open_editor(qtbot, page, "security.lockout_attempts")
    editor.editor.clear()
    qtbot.keyClicks(editor.editor, "7")
    with qtbot.assertNotEmitted(page.status_message, wait=300):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert page.findChild(SettingEditDialog) is None  # saved and closed
    assert page.message.text() == "Saved: Failed sign-ins before lockout = 7"
    assert window.statusBar().currentMessage() == ""
