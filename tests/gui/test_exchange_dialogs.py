"""The exchange workbook in the GUI (docs/rules.md#exchange-import, issue 7 items 4 and 5): the
export dialog, the import dialog (preview, error table and report, import, cancel), and the
tracker's "export current view"."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QMenu, QToolButton

from desktop_app.bootstrap import prepare_database
from desktop_app.db.models import AuditLog, Complaint, Customer, ProgressEntry, Survey, User
from desktop_app.domain.exchange_columns import COMPLAINTS
from desktop_app.services import demo, exchange, tracker, tracker_export
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui.exchange import ExportDialog, ImportDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.fixtures import TEST_NOW, make_user

WAIT = 30_000
DAY = TEST_NOW - dt.timedelta(days=3)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def runner(qtbot):
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


def cells(path: Path) -> dict[str, list[list]]:
    book = openpyxl.load_workbook(path)
    try:
        return {
            ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets
        }
    finally:
        book.close()


def counts() -> dict[str, int]:
    return {
        m.__name__: m.select().count()
        for m in (Complaint, Customer, ProgressEntry, Survey, User, AuditLog)
    }


def export_dialog(qtbot, session, runner, **kwargs) -> ExportDialog:
    dialog = ExportDialog(session, tasks=runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run_export(qtbot, dialog: ExportDialog, path: Path):
    dialog.set_path(path)
    with qtbot.waitSignal(dialog.exported, timeout=WAIT) as blocker:
        assert dialog.export() is not None
    qtbot.waitUntil(lambda: not dialog.busy())
    return blocker.args[0]


def import_dialog(qtbot, session, runner) -> ImportDialog:
    dialog = ImportDialog(session, tasks=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def preview(qtbot, dialog: ImportDialog, path: Path):
    dialog.set_path(path)
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.preview_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy())
    return blocker.args[0]


@pytest.fixture
def exported(qtbot, system, manager, runner, tmp_path, clock):
    """Demo cases exported in full by a manager through the dialog; then the models are
    bound to a fresh, empty database with its own manager (yielded with the file)."""
    demo.generate(system, 40, seed=7)
    dialog = export_dialog(qtbot, manager, runner)
    dialog.export_unmasked.setChecked(True)
    result = run_export(qtbot, dialog, tmp_path / "full.xlsx")
    assert result.unmasked and result.complaints == 40
    fresh, _info, _result = prepare_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        assert Complaint.select().count() == 0
        other = make_user(Session.system(clock), "manager1", "manager", departments=())
        yield result.path, other
    finally:
        fresh.close()


# --- export -----------------------------------------------------------------------------------


def test_export_writes_a_masked_workbook_by_default(qtbot, system, manager, runner, tmp_path):
    demo.generate(system, 30, seed=3)
    dialog = export_dialog(qtbot, manager, runner)
    assert dialog.objectName() == "export_dialog"
    assert dialog.export_all.isChecked() and not dialog.export_from.isEnabled()
    assert not dialog.export_unmasked.isChecked() and dialog.export_unmasked.isVisible()
    assert "audit log" in dialog.unmasked_note.text()
    result = run_export(qtbot, dialog, tmp_path / "cases")  # .xlsx is added
    assert result.path == tmp_path / "cases.xlsx" and not result.unmasked
    sheets = cells(result.path)
    assert list(sheets) == ["投诉登记", "进度跟踪", "满意度调查"]
    rows = sheets["投诉登记"]
    assert rows[0] == [c.zh for c in COMPLAINTS.columns] and len(rows) == 31
    contacts = [r[2] for r in rows[1:]]
    assert all("****" in c or "***@" in c for c in contacts)
    assert "30 complaints" in dialog.export_summary.text()
    assert dialog.export_summary.property("tone") == "ok"
    assert not dialog.export_progress.isVisible() and not dialog.cancel_button.isVisible()
    # A period: only the cases registered in it.
    start = (TEST_NOW - dt.timedelta(days=10)).date()
    dialog.set_period(start, TEST_NOW.date())
    result = run_export(qtbot, dialog, tmp_path / "period.xlsx")
    assert (
        result.complaints
        == Complaint.select()
        .where(Complaint.registration_time >= dt.datetime.combine(start, dt.time()))
        .count()
    )
    assert result.complaints < 30


def test_clerks_cannot_ask_for_full_contacts(qtbot, clerk, runner):
    dialog = export_dialog(qtbot, clerk, runner)
    assert not dialog.export_unmasked.isVisible()
    assert "only managers" in dialog.unmasked_note.text()


def test_a_wrong_period_shows_the_services_message(qtbot, manager, runner, tmp_path):
    dialog = export_dialog(qtbot, manager, runner)
    dialog.set_period(TEST_NOW.date(), (TEST_NOW - dt.timedelta(days=5)).date())
    dialog.set_path(tmp_path / "x.xlsx")
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as blocker:
        dialog.export()
    assert "end date is before the start date" in blocker.args[0]
    assert dialog.message_text() == blocker.args[0]
    assert not (tmp_path / "x.xlsx").exists()


# --- import -----------------------------------------------------------------------------------


def test_export_then_import_into_an_empty_database(qtbot, exported, runner):
    path, manager = exported
    numbers = [r[0] for r in cells(path)["投诉登记"][1:]]
    dialog = import_dialog(qtbot, manager, runner)
    assert dialog.objectName() == "import_dialog"
    report = preview(qtbot, dialog, path)
    assert report.ok and report.dry_run and report.complaints == 40
    assert Complaint.select().count() == 0  # a preview writes nothing
    assert "40" in dialog.preview_summary.text()
    assert dialog.preview_summary.property("tone") == "ok"
    assert dialog.import_errors_table.isHidden() and dialog.save_errors_button.isHidden()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy())
    report = blocker.args[0]
    assert report.written and report.complaints == 40
    assert sorted(c.number for c in Complaint.select()) == sorted(numbers)
    assert "Imported" in dialog.preview_summary.text()
    assert not dialog.import_button.isEnabled()  # once is enough
    assert dialog.start_import() is None


def complaint_rows(n: int) -> tuple[list[str], list[list]]:
    headers = [c.zh for c in COMPLAINTS.import_columns]
    rows = []
    for i in range(1, n + 1):
        values = {
            "投诉编号": f"TS-{DAY:%Y%m%d}-{i:04d}",
            "客户姓名": f"客户{i}",
            "联系方式": f"138{i:08d}",
            "投诉时间": DAY + dt.timedelta(minutes=i),
            "投诉渠道": "电话",
            "投诉类型": "产品质量类",
            "投诉子类": "功能缺陷",
            "紧急程度": "一般",
            "问题描述": f"第{i}号投诉：屏幕有划痕",
            "客户诉求": "换货",
            "初步责任部门": "客服部",
            "接收人": "manager1",
        }
        rows.append([values.get(h) for h in headers])
    return headers, rows


def test_a_bad_cell_is_listed_and_nothing_is_imported(qtbot, manager, runner, tmp_path):
    headers, rows = complaint_rows(12)
    rows[6][headers.index("投诉渠道")] = "电报"  # Excel row 8
    rows[9][headers.index("联系方式")] = "12345"  # Excel row 11
    book = openpyxl.Workbook()
    book.active.title = "投诉登记"
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    path = tmp_path / "bad.xlsx"
    book.save(path)
    before = counts()

    dialog = import_dialog(qtbot, manager, runner)
    report = preview(qtbot, dialog, path)
    assert not report.ok
    table = dialog.import_errors_table
    assert table.isVisible() and table.model().rowCount() == 2
    assert [
        table.model().headerData(c, table.horizontalHeader().orientation()) for c in range(4)
    ] == ["Sheet", "Row", "Column", "Reason"]
    errors = dialog.error_rows()
    assert [e[:3] for e in errors] == [
        ("投诉登记", "8", "投诉渠道"),
        ("投诉登记", "11", "联系方式"),
    ]
    assert "电报" in errors[0][3] and errors[1][3]
    assert "rejected" in dialog.preview_summary.text()
    assert dialog.preview_summary.property("tone") == "error"
    assert not dialog.import_button.isEnabled() and dialog.start_import() is None
    assert counts() == before

    assert dialog.save_errors_button.isVisible()
    saved = dialog.save_errors(tmp_path / "errors.xlsx")
    sheet = cells(saved)["导入错误"]
    assert sheet[0] == ["工作表", "行", "列", "原因"]
    assert [r[:3] for r in sheet[1:]] == [["投诉登记", 8, "投诉渠道"], ["投诉登记", 11, "联系方式"]]
    assert "saved" in dialog.message_text()

    # Corrected, checked again: now it may be imported.
    rows[6][headers.index("投诉渠道")] = "电话"
    rows[9][headers.index("联系方式")] = "13800000010"
    book = openpyxl.Workbook()
    book.active.title = "投诉登记"
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    book.save(path)
    report = preview(qtbot, dialog, path)
    assert report.ok and dialog.import_button.isEnabled() and table.isHidden()


def test_cancel_during_the_import_changes_nothing(qtbot, exported, runner, monkeypatch):
    path, manager = exported
    dialog = import_dialog(qtbot, manager, runner)
    preview(qtbot, dialog, path)
    before = counts()
    # Hold the worker at its first report of the writing pass (inside the transaction)
    # until the cancel button was pressed, so the cancel lands mid-import every time.
    pressed = threading.Event()
    real = exchange.import_workbook

    def held(session, file, *, dry_run=False, progress=None):
        def report(done, total):
            going = progress(done, total)
            if done > total // 2 and not pressed.is_set():
                pressed.wait(WAIT / 1000)
                return progress(done, total)
            return going

        return real(session, file, dry_run=dry_run, progress=report)

    monkeypatch.setattr(exchange, "import_workbook", held)

    def progressed(done, total):
        if done > total // 2 and dialog.cancel_button.isEnabled():
            qtbot.mouseClick(dialog.cancel_button, LEFT)
            pressed.set()

    task = dialog.start_import()
    assert task is not None and dialog.import_progress.isVisible()
    assert dialog.cancel_button.isVisible()
    task.progressed.connect(progressed)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as blocker:
        pass
    report = blocker.args[0]
    assert pressed.is_set() and report.cancelled and not report.written
    assert counts() == before
    assert "cancelled" in dialog.preview_summary.text()
    qtbot.waitUntil(lambda: not dialog.busy())
    assert dialog.import_button.isEnabled()  # the checked file may still be imported


def test_imports_are_for_managers(qtbot, clerk, runner, tmp_path):
    path = tmp_path / "any.xlsx"
    openpyxl.Workbook().save(path)
    dialog = import_dialog(qtbot, clerk, runner)
    dialog.set_path(path)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as blocker:
        dialog.preview()
    assert blocker.args[0] and dialog.message_text() == blocker.args[0]
    assert not dialog.import_button.isEnabled()


# --- main window ----------------------------------------------------------------------------


def make_window(qtbot, session, info) -> MainWindow:
    window = MainWindow(session, info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_file_menu_actions_open_the_dialogs(qtbot, manager, clerk, gui_db):
    window = make_window(qtbot, manager, gui_db)
    actions = {a.objectName(): a for a in window.findChild(QMenu, "file_menu").actions()}
    assert {"import_action", "export_action", "export_view_action", "print_blank_action"} <= set(
        actions
    )
    actions["import_action"].trigger()
    assert window.import_dialog.isVisible() and window.import_dialog.objectName() == "import_dialog"
    window.import_dialog.reject()
    actions["export_action"].trigger()
    assert window.export_dialog.isVisible() and window.export_dialog.case_ids is None
    window.export_dialog.reject()
    clerks = make_window(qtbot, clerk, gui_db)
    assert not clerks.import_action.isEnabled() and clerks.export_action.isEnabled()


def test_export_current_view_exports_exactly_the_filtered_cases(
    qtbot, system, manager, gui_db, tmp_path, monkeypatch
):
    monkeypatch.setattr(tracker_export, "MAX_LIMIT", 40)  # the ids come in several pages
    demo.generate(system, 400, seed=5)
    window = make_window(qtbot, manager, gui_db)
    page = window.show_section("tracker")
    page.set_filter(CaseFilter(include_closed=True, levels=frozenset({1, 2})))
    flt = page.current_filter()
    expected = [r.id for r in tracker.list_cases(manager, flt, limit=1000).rows]
    assert 100 < len(expected) < 400
    assert len(page.model.rows()) < len(expected) and not page.model.all_loaded()
    button = page.findChild(QToolButton, "export_view_button")
    assert button is not None and button.defaultAction() is window.export_view_action

    button.click()
    qtbot.waitUntil(
        lambda: window.export_dialog is not None and window.export_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.export_dialog
    assert dialog.case_ids == expected
    assert not dialog.export_from.isVisible()
    result = run_export(qtbot, dialog, tmp_path / "view.xlsx")
    numbers = [r[0] for r in cells(result.path)["投诉登记"][1:]]
    by_id = {c.id: c.number for c in Complaint.select(Complaint.id, Complaint.number)}
    assert numbers == [by_id[i] for i in expected]
    assert result.complaints == len(expected)
