"""Settings → Working calendar → "Import the holiday notice…": a manager pastes or opens the
State Council's notice, checks the preview against the built-in data and imports it."""

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop_app.db.models import AuditLog, Complaint, OfficialCalendarYear
from desktop_app.ui.notice_dialog import HolidayNoticeDialog
from tests.gui.test_calendar_page import background, colour, open_settings
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user
from tests.unit.test_holiday_notice import NOTICE_2027

NOTICES = Path(__file__).resolve().parents[1] / "data" / "holiday_notices"


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def staff(system):
    make_user(system, "manager1", "manager", departments=())
    make_user(system, "clerk1", "clerk")


def open_dialog(qtbot, page) -> HolidayNoticeDialog:
    button = page.findChild(QPushButton, "import_notice_button")
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.notice_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def paste(qtbot, dialog: HolidayNoticeDialog, text: str) -> None:
    """Paste (Chinese cannot be typed key by key in the offscreen tests)."""
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.text.setPlainText(text)


def test_a_manager_imports_next_years_notice(qtbot, staff, clock, gui_db):
    # A case due in 2027 (registered Wed 30 Dec 2026, solution in 3 working days).
    case = make_case(at=dt.datetime(2026, 12, 30, 10, 0), owner="clerk1")
    assert case.solution_due == dt.datetime(2027, 1, 4, 18, 0)  # 31 Dec, 1 Jan (Fri), 4 Jan
    window, page = open_settings(qtbot, "manager1", clock, gui_db)
    assert page.warning.isVisible() and "2027" in page.warning.text()
    dialog = open_dialog(qtbot, page)
    assert not dialog.findChild(QPushButton, "notice_import_button").isEnabled()
    paste(qtbot, dialog, NOTICE_2027)
    assert dialog.table.objectName() == "notice_preview"
    assert dialog.table.rowCount() == 18 + 3
    assert "2027: 18 days off, 3 makeup working days." in dialog.summary.text()
    assert "no built-in data for 2027" in dialog.summary.text()
    first = [dialog.table.item(0, c).text() for c in range(4)]
    assert first == ["2027-01-01", "Fri", "Day off (元旦)", ""]
    with (
        qtbot.waitSignal(page.loaded, timeout=10_000),
        qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000),
    ):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.view is not None and page.view.year == 2027, timeout=10_000)
    assert page.year.value() == 2027
    assert background(page, dt.date(2027, 2, 10)) == colour("holiday")
    assert background(page, dt.date(2027, 2, 14)) == colour("makeup")
    assert not page.warning.isVisible()
    assert "official" in page.status.text()
    assert OfficialCalendarYear.get_by_id(2027).imported_by.username == "manager1"
    assert AuditLog.select().where(AuditLog.action == "calendar_notice_imported").count() == 1
    # The open case's deadline now skips 1-3 January 2027.
    qtbot.waitUntil(
        lambda: Complaint.get_by_id(case.id).solution_due == dt.datetime(2027, 1, 5, 18, 0),
        timeout=10_000,
    )


def test_a_wrong_weekday_is_named_by_its_line_and_nothing_is_imported(qtbot, staff, clock, gui_db):
    _window, page = open_settings(qtbot, "manager1", clock, gui_db)
    dialog = open_dialog(qtbot, page)
    paste(qtbot, dialog, NOTICE_2027.replace("10月9日（周六）", "10月9日（周日）"))
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("Line 5 (中秋节、国庆节): 2027-10-09 is a 周六")
    assert dialog.table.rowCount() == 0 and not dialog.import_button.isEnabled()
    assert dialog.start_import() is None
    paste(qtbot, dialog, NOTICE_2027)
    assert not dialog.error.isVisible() and dialog.import_button.isEnabled()
    dialog.reject()
    assert OfficialCalendarYear.select().count() == 0


def test_differences_from_the_built_in_data_are_highlighted(
    qtbot, staff, clock, gui_db, monkeypatch, tmp_path
):
    text = (
        (NOTICES / "2026.txt").read_text(encoding="utf-8").replace("、10月10日（周六）上班", "上班")
    )
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="gb18030")  # as saved by Notepad on a Chinese Windows
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    _window, page = open_settings(qtbot, "manager1", clock, gui_db)
    dialog = open_dialog(qtbot, page)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.open_button.objectName() == "notice_open_button"
    assert dialog.differing_days() == [dt.date(2026, 10, 10)]
    row = next(
        r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "2026-10-10"
    )
    assert [dialog.table.item(row, c).text() for c in (2, 3)] == ["", "Makeup working day"]
    assert "differ from the built-in data (highlighted): 1." in dialog.summary.text()
    dialog.reject()


def test_clerks_have_no_import_button(qtbot, staff, clock, gui_db):
    _window, page = open_settings(qtbot, "clerk1", clock, gui_db)
    assert not page.findChild(QPushButton, "import_notice_button").isVisible()
    assert page.open_notice_dialog() is None
