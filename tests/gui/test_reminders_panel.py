"""The reminder timer, the reminders panel and the in-window notice, with the clock moved
by the test instead of sleeping."""

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QMenu, QTableView

from desktop_app.db.models import Escalation
from desktop_app.services import auth, reminders
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reminders_panel import (
    ReminderNotice,
    ReminderTableModel,
    minutes_until,
    tomorrow_at,
)
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user

REGISTERED = dt.datetime(2026, 11, 25, 10, 0)  # Wed; first response due 14:00
JUST_OVERDUE = dt.datetime(2026, 11, 25, 14, 0, 1)
AFTER_GRACE = dt.datetime(2026, 11, 25, 15, 0, 1)  # grace: 60 minutes


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def staff(system):
    make_user(system, "super1", "supervisor")
    make_user(system, "clerk1", "clerk", supervisor="super1")
    make_user(system, "manager1", "manager", departments=())


def open_main(qtbot, username, clock, info) -> MainWindow:
    """A signed-in main window with the clock injected, after its first reminder scan."""
    window = MainWindow(auth.session_for_username(username, clock=clock), info)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated):
        window.show()
    qtbot.waitExposed(window)
    return window


def tick(qtbot, window):
    with qtbot.waitSignal(window.reminders.updated):
        assert window.reminders.tick() is not None
    return window.reminders_panel.model.rows()


def notice(window) -> ReminderNotice:
    found = window.findChild(ReminderNotice, "reminder_notice")
    assert found is not None
    return found


def shown_rows(window) -> list[tuple[str, str, str]]:
    """(reminder, case, deadline) as the table shows them."""
    table = window.findChild(QTableView, "reminders_table")
    model = table.model()
    return [
        tuple(
            model.index(row, column).data()
            for column in (
                ReminderTableModel.KIND,
                ReminderTableModel.NUMBER,
                ReminderTableModel.TARGET,
            )
        )
        for row in range(model.rowCount())
    ]


def test_overdue_once_then_escalation_and_nothing_again_after_restart(qtbot, staff, clock, gui_db):
    case = make_case(at=REGISTERED, owner="clerk1")
    clerk = open_main(qtbot, "clerk1", clock, gui_db)
    assert shown_rows(clerk) == []
    assert not notice(clerk).isVisible()

    clock.at = JUST_OVERDUE
    tick(qtbot, clerk)
    assert shown_rows(clerk) == [("Overdue", case.number, "First response")]
    assert notice(clerk).isVisible()
    assert notice(clerk).text() == f"1 new reminder: {case.number}: Overdue (First response)"
    assert clerk.reminders_panel.windowTitle() == "Reminders (1)"
    first_id = clerk.reminders_panel.model.rows()[0].id

    qtbot.mouseClick(notice(clerk).dismiss_button, Qt.MouseButton.LeftButton)
    assert not notice(clerk).isVisible()
    tick(qtbot, clerk)  # same moment again: fires nothing, announces nothing
    assert [r.id for r in clerk.reminders_panel.model.rows()] == [first_id]
    assert not notice(clerk).isVisible()

    # The supervisor's program at the same moment lists the department's overdue case but
    # does not announce it: its own scan created nothing.
    supervisor = open_main(qtbot, "super1", clock, gui_db)
    assert shown_rows(supervisor) == [("Overdue", case.number, "First response")]
    assert not notice(supervisor).isVisible()

    clock.at = AFTER_GRACE
    tick(qtbot, clerk)  # the clerk's program scans first and fires the escalation…
    assert [r.id for r in clerk.reminders_panel.model.rows()] == [first_id]
    assert not notice(clerk).isVisible()  # …which goes to the supervisor, not the clerk
    assert Escalation.select().count() == 1
    tick(qtbot, supervisor)
    assert sorted(shown_rows(supervisor)) == [
        ("Escalated", case.number, "First response"),
        ("Overdue", case.number, "First response"),
    ]
    assert notice(supervisor).isVisible()
    assert notice(supervisor).text() == (
        f"1 new reminder: {case.number}: Escalated (First response)"
    )
    qtbot.mouseClick(notice(supervisor).dismiss_button, Qt.MouseButton.LeftButton)
    tick(qtbot, supervisor)  # announced once
    assert not notice(supervisor).isVisible()

    # Restart: a new program over the same database at the same moment fires nothing new.
    before = [r.id for r in supervisor.reminders_panel.model.rows()]
    supervisor.close()
    restarted = open_main(qtbot, "super1", clock, gui_db)
    assert [r.id for r in restarted.reminders_panel.model.rows()] == before
    assert not notice(restarted).isVisible()
    tick(qtbot, restarted)
    assert [r.id for r in restarted.reminders_panel.model.rows()] == before
    assert not notice(restarted).isVisible()
    assert Escalation.select().count() == 1


def overdue_clerk_window(qtbot, clock, gui_db):
    make_case(at=REGISTERED, owner="clerk1")
    clock.at = JUST_OVERDUE
    window = open_main(qtbot, "clerk1", clock, gui_db)  # its first scan fires the reminder
    assert len(window.reminders_panel.model.rows()) == 1
    return window


def test_first_scan_at_start_announces_what_it_fires(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    assert notice(window).isVisible()
    model = window.reminders_panel.model
    assert model.index(0, ReminderTableModel.MESSAGE).data() == (
        "First response overdue since 2026-11-25 14:00"
    )
    with qtbot.waitSignal(window.reminders_panel.visibilityChanged):
        window.reminders_panel.hide()
    qtbot.mouseClick(notice(window).show_button, Qt.MouseButton.LeftButton)
    assert window.reminders_panel.isVisible()
    assert not notice(window).isVisible()


def test_acknowledge_button_removes_the_row_for_good(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    panel = window.reminders_panel
    assert panel.acknowledge_button.isEnabled()
    with qtbot.waitSignal(window.reminders.updated):
        qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert shown_rows(window) == []
    assert panel.windowTitle() == "Reminders"
    assert not panel.acknowledge_button.isEnabled()
    clock.advance(minutes=5)
    tick(qtbot, window)
    assert shown_rows(window) == []


def test_delete_key_acknowledges_the_selected_reminder(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    table = window.findChild(QTableView, "reminders_table")
    table.setFocus()
    with qtbot.waitSignal(window.reminders.updated):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert shown_rows(window) == []


def test_snooze_hides_the_row_until_the_clock_passes_it(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    reminder_id = window.reminders_panel.model.rows()[0].id
    menu = window.findChild(QMenu, "snooze_menu")
    assert window.reminders_panel.snooze_button.menu() is menu
    texts = [a.text() for a in menu.actions()]
    assert texts == ["For 15 minutes", "For 1 hour", "Until tomorrow 09:00"]
    with qtbot.waitSignal(window.reminders.updated):
        menu.actions()[0].trigger()
    assert shown_rows(window) == []
    clock.advance(minutes=14)
    tick(qtbot, window)
    assert shown_rows(window) == []
    clock.advance(minutes=1)
    tick(qtbot, window)
    assert [r.id for r in window.reminders_panel.model.rows()] == [reminder_id]


def test_snooze_until_tomorrow_morning(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    reminder_id = window.reminders_panel.model.rows()[0].id
    with qtbot.waitSignal(window.reminders.updated):
        window.reminders_panel.snooze_actions["tomorrow"].trigger()
    assert shown_rows(window) == []
    clock.at = dt.datetime(2026, 11, 26, 8, 55)
    tick(qtbot, window)
    assert shown_rows(window) == []
    clock.at = dt.datetime(2026, 11, 26, 9, 1)
    tick(qtbot, window)
    assert reminder_id in [r.id for r in window.reminders_panel.model.rows()]


def test_snooze_minutes_until_tomorrow():
    now = dt.datetime(2026, 11, 25, 14, 0, 1)
    assert tomorrow_at(now) == dt.datetime(2026, 11, 26, 9, 0)
    assert minutes_until(now, tomorrow_at(now)) == 19 * 60  # rounded up: never early
    assert minutes_until(now, now) == 1


def test_reminder_gone_elsewhere_shows_why_and_leaves_the_list(qtbot, staff, clock, gui_db):
    window = overdue_clerk_window(qtbot, clock, gui_db)
    reminder_id = window.reminders_panel.model.rows()[0].id
    reminders.acknowledge(auth.session_for_username("clerk1", clock=clock), reminder_id)
    with qtbot.waitSignal(window.reminders.updated):
        qtbot.mouseClick(window.reminders_panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert window.reminders_panel.message.text() == "This reminder is not in your list any more."
    assert shown_rows(window) == []


def test_ctrl_r_toggles_the_panel_from_the_view_menu(qtbot, staff, clock, gui_db):
    window = open_main(qtbot, "clerk1", clock, gui_db)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel = window.findChild(QDockWidget, "reminders_panel")
    assert panel.isVisible()
    QTest.keySequence(window, QKeySequence("Ctrl+R"))
    assert not panel.isVisible()
    QTest.keySequence(window, QKeySequence("Ctrl+R"))
    assert panel.isVisible()
    view_menu = window.findChild(QMenu, "view_menu")
    assert window.reminders_action in view_menu.actions()


def test_labels_follow_the_chinese_ui(qtbot, staff, clock, gui_db):
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    window = overdue_clerk_window(qtbot, clock, gui_db)
    assert [(kind, target) for kind, _number, target in shown_rows(window)] == [
        ("已超时", "首次响应")
    ]
    assert "已超时 (首次响应)" in notice(window).text()


def test_a_tick_is_skipped_while_the_previous_scan_runs(qtbot, staff, clock, gui_db):
    window = open_main(qtbot, "clerk1", clock, gui_db)
    first = window.reminders.tick()
    assert first is not None
    assert window.reminders.tick() is None
    with qtbot.waitSignal(first.finished):
        pass
    assert tick(qtbot, window) == []


def test_model_is_a_valid_qt_model(qtmodeltester, staff, clock):
    make_case(at=REGISTERED, owner="clerk1")
    clock.at = JUST_OVERDUE
    from desktop_app.services.session import Session

    reminders.scan(Session.system(clock))
    model = ReminderTableModel()
    model.set_rows(reminders.my_reminders(auth.session_for_username("clerk1", clock=clock)))
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_enter_on_a_reminder_asks_for_its_case(qtbot, system, staff, clock, gui_db):
    case = make_case(at=REGISTERED, owner="clerk1")
    clock.at = JUST_OVERDUE
    window = open_main(qtbot, "clerk1", clock, gui_db)
    rows = window.reminders_panel.model.rows()
    assert [r.complaint_id for r in rows] == [case.id]
    table = window.reminders_panel.findChild(QTableView, "reminders_table")
    table.setFocus()
    table.selectRow(0)
    with qtbot.waitSignal(window.reminders_panel.case_requested) as asked:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert asked.args == [case.id]
    window.close()


def test_urgent_case_reported_up_and_department_notice_sentences(staff, clock):
    from desktop_app.services.reminders import ReminderInfo

    model = ReminderTableModel()

    def info(kind: str) -> ReminderInfo:
        return ReminderInfo(1, kind, None, 7, "TS-1", REGISTERED, 2, "TS-1", REGISTERED)

    assert model.sentence(info("reported_up"), "en") == "Urgent case reported to you: TS-1"
    assert (
        model.sentence(info("department_notice"), "en") == "For your department's information: TS-1"
    )


def test_a_case_made_urgent_reaches_the_supervisors_panel(qtbot, staff, clock, gui_db):
    from desktop_app.services import cases

    case = make_case(at=REGISTERED, owner="clerk1")
    clock.at = REGISTERED + dt.timedelta(hours=2)
    manager = auth.session_for_username("manager1", clock=clock)
    cases.reassess(manager, case.id, version=1, urgent=True, urgent_reason="媒体")
    window = open_main(qtbot, "super1", clock, gui_db)
    rows = window.reminders_panel.model.rows()
    # Now also overdue (urgent: first response due two hours after the complaint, at once).
    reported = [i for i, r in enumerate(rows) if r.kind == "reported_up"]
    assert len(reported) == 1 and rows[reported[0]].complaint_id == case.id
    model = window.reminders_panel.model
    assert (
        model.index(reported[0], model.MESSAGE).data()
        == f"Urgent case reported to you: {case.number}"
    )
    window.close()


def test_an_overdue_improvement_action_reminds_the_supervisor_and_opens_its_dialog(
    qtbot, staff, clock, gui_db
):
    """docs/rules.md#improvement-actions: the reminder lists the action's problem and its
    deadline; Enter opens the action's dialog, not a case window; acknowledging ends it."""
    from desktop_app.services import improvements
    from desktop_app.ui.improvement_dialog import ImprovementDialog

    manager = auth.session_for_username("manager1", clock=clock)
    action = improvements.create_action(
        manager, "退款处理慢", "每日核对退款单", "customer_service", dt.date(2026, 11, 24)
    )
    clerk = open_main(qtbot, "clerk1", clock, gui_db)  # its first scan fires the reminder
    assert shown_rows(clerk) == []  # not the clerk's business

    window = open_main(qtbot, "super1", clock, gui_db)
    assert shown_rows(window) == [("Improvement action overdue", "", "")]
    model = window.reminders_panel.model
    assert model.index(0, ReminderTableModel.DUE).data() == "2026-11-24"
    assert model.index(0, ReminderTableModel.MESSAGE).data() == (
        "Improvement action overdue since 2026-11-24: 退款处理慢"
    )

    table = window.reminders_panel.findChild(QTableView, "reminders_table")
    table.setFocus()
    table.selectRow(0)
    with qtbot.waitSignal(window.reminders_panel.improvement_requested) as asked:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert asked.args == [action.id]
    qtbot.waitUntil(
        lambda: (
            isinstance(window.findChild(ImprovementDialog, "improvement_dialog"), ImprovementDialog)
            and window.findChild(ImprovementDialog, "improvement_dialog").isVisible()
        )
    )
    dialog = window.findChild(ImprovementDialog, "improvement_dialog")
    assert dialog.action_info.id == action.id
    assert dialog.problem.toPlainText() == "退款处理慢"
    assert dialog.editable  # the department's supervisor may update it
    dialog.reject()

    with qtbot.waitSignal(window.reminders.updated):
        qtbot.mouseClick(window.reminders_panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert shown_rows(window) == []
    window.close()
    clerk.close()


class _FirstPaintSpy(QObject):
    """Whether a reminder scan had been submitted when the window was first painted."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.scan_at_first_paint: list[bool] = []
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self.scan_at_first_paint:
            self.scan_at_first_paint.append(self.window.reminders._scan is not None)
        return False


def test_first_scan_comes_after_the_window_is_painted(qtbot, staff, clock, gui_db):
    """docs/rules.md#start-up: the first scan (on the worker thread, loading the holiday
    libraries) does not hold up the main window's first paint, and still comes then: the
    overdue case is listed and announced without waiting for the timer."""
    clock.at = JUST_OVERDUE
    case = make_case(at=REGISTERED, owner="clerk1")
    window = MainWindow(auth.session_for_username("clerk1", clock=clock), gui_db)
    qtbot.addWidget(window)
    assert window.reminders._scan is None  # nothing submitted while the window is built
    spy = _FirstPaintSpy(window)
    with qtbot.waitSignal(window.reminders.updated, timeout=5000):
        window.show()
    assert spy.scan_at_first_paint == [False]
    assert shown_rows(window) == [("Overdue", case.number, "First response")]
    assert notice(window).text() == f"1 new reminder: {case.number}: Overdue (First response)"


def test_first_scan_of_a_window_not_shown_still_comes(qtbot, staff, clock, gui_db):
    """Not shown (nothing to paint): the first scan runs all the same."""
    clock.at = JUST_OVERDUE
    case = make_case(at=REGISTERED, owner="clerk1")
    window = MainWindow(auth.session_for_username("clerk1", clock=clock), gui_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated, timeout=5000):
        pass
    assert [r.number for r in window.reminders_panel.model.rows()] == [case.number]
