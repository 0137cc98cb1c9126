"""Group robot in the program (docs/rules.md#group-robot-notifications): an urgent case
reaches a local webhook after one reminder tick; the Settings page's test button; failed
messages on the admin page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.services import intake
from desktop_app.services import notify as notify_service
from desktop_app.services import settings as settings_service
from desktop_app.ui.admin_page import AdminPage
from desktop_app.ui.reminders_panel import ReminderMonitor
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.webhook_server import WebhookServer
from tests.unit.test_intake import good_form


@pytest.fixture
def robot():
    server = WebhookServer().start()
    yield server
    server.stop()


def test_an_urgent_case_reaches_the_webhook_within_one_tick(qtbot, robot, manager, clerk):
    settings_service.change_setting(manager, "notify.webhook_url", robot.url)
    saved = intake.register_complaint(clerk, good_form(urgency="urgent"))
    tasks, notify_tasks = TaskRunner(), TaskRunner()
    monitor = ReminderMonitor(clerk, tasks, notify_tasks=notify_tasks)
    try:
        monitor.tick()
        qtbot.waitUntil(lambda: len(robot.posts) == 1, timeout=10_000)
        (text,) = robot.texts()
        assert saved.number in text and "138****5678" in text and "13812345678" not in text
        # The next tick posts nothing again.
        qtbot.waitUntil(lambda: monitor._scan is None and not notify_tasks.busy())
        monitor.tick()
        qtbot.waitUntil(lambda: monitor._scan is None and not notify_tasks.busy())
        assert len(robot.posts) == 1
    finally:
        monitor.stop()
        tasks.shutdown()
        notify_tasks.shutdown()


def test_settings_page_sends_a_test_message(qtbot, robot, manager, clerk):
    settings_service.change_setting(manager, "notify.webhook_url", robot.url)
    page = SettingsPage(manager)
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.show()
    page.show_all_settings()
    qtbot.waitExposed(page)
    button = page.webhook_test_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "delivered" in page.message.text(), timeout=10_000)
    assert len(robot.posts) == 1 and "测试消息" in robot.texts()[0]
    qtbot.waitUntil(button.isEnabled)
    robot.status = 500
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not delivered" in page.message.text(), timeout=10_000)
    assert "HTTP 500" in page.message.text()
    qtbot.waitUntil(button.isEnabled)

    clerk_page = SettingsPage(clerk)
    qtbot.addWidget(clerk_page, before_close_func=lambda p: p.tasks.shutdown())
    clerk_page.show()
    assert not clerk_page.webhook_test_button.isVisible()


def test_failed_messages_are_listed_on_the_admin_page(qtbot, robot, manager, clerk, system, clock):
    robot.status = 503
    settings_service.change_setting(manager, "notify.webhook_url", robot.url)
    case = make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    from desktop_app.services import reminders

    reminders.scan(system)
    notify_service.deliver_pending(system, sleep=lambda s: None)
    page = AdminPage(manager, TaskRunner())
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.show()
    qtbot.waitExposed(page)
    tab = page.show_tab("notifications_tab")
    assert tab is not None
    table = tab.findChild(type(tab.table), "webhook_failures")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=10_000)
    cells = [table.model().index(0, c).data() for c in range(table.model().columnCount())]
    assert case.number in cells and "4" in cells
    assert any("HTTP 503" in str(c) for c in cells)
    assert cells[0] == "2026-11-25 14:00"


def test_an_urgent_case_typed_in_the_intake_window_reaches_the_webhook(
    qtbot, robot, manager, clerk, clock
):
    """The acceptance path: typed and saved in the intake window, posted at the next tick
    with its number, the contact masked."""
    from desktop_app.db.models import Complaint
    from tests.gui.test_intake import fill_valid, open_page

    settings_service.change_setting(manager, "notify.webhook_url", robot.url)
    page = open_page(qtbot, clock)
    fill_valid(page)
    page.urgency.setCurrentIndex(page.urgency.findData("urgent"))
    task = page.save()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    case = Complaint.select().order_by(Complaint.id.desc()).get()
    assert case.urgent
    tasks, notify_tasks = TaskRunner(), TaskRunner()
    monitor = ReminderMonitor(clerk, tasks, notify_tasks=notify_tasks)
    try:
        monitor.tick()
        qtbot.waitUntil(lambda: len(robot.posts) == 1, timeout=10_000)
        (text,) = robot.texts()
        assert case.number in text
        assert "13812345678" not in text and "138****5678" in text
        assert "手机屏幕无法点亮" not in text  # never the description
    finally:
        monitor.stop()
        tasks.shutdown()
        notify_tasks.shutdown()
