import dataclasses

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop_app import __version__
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages import after_first_paint

PAGES = {
    "intake": "intake_page",
    "tracker": "tracker_page",
    "survey": "survey_page",
    "reports": "reports_page",
    "settings": "settings_page",
    "admin": "admin_page",
}


def make_window(qtbot, session, info) -> MainWindow:
    window = MainWindow(session, info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.mark.parametrize(
    ("keys", "page"),
    [
        ("Ctrl+2", "tracker_page"),
        ("Ctrl+3", "survey_page"),
        ("Ctrl+4", "reports_page"),
        ("Ctrl+5", "settings_page"),
        ("Ctrl+6", "admin_page"),
        ("Ctrl+1", "intake_page"),
    ],
)
def test_shortcuts_switch_pages(qtbot, manager, gui_db, keys, page):
    window = make_window(qtbot, manager, gui_db)
    if page == "intake_page":
        window.show_section("reports")
    QTest.keySequence(window, QKeySequence(keys))
    assert window.stack.currentWidget().objectName() == page
    assert (
        window.navigation.currentItem().text()
        == window.section_actions[next(k for k, v in PAGES.items() if v == page)].text()
    )


def test_navigation_list_switches_pages(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    assert window.stack.currentWidget().objectName() == "intake_page"
    navigation = window.findChild(type(window.navigation), "navigation")
    navigation.setFocus()
    qtbot.keyClick(navigation, Qt.Key.Key_Down)
    assert window.stack.currentWidget().objectName() == "tracker_page"
    qtbot.keyClick(navigation, Qt.Key.Key_End)
    assert window.stack.currentWidget().objectName() == "settings_page"
    assert window.section_actions["settings"].isChecked()


@pytest.mark.parametrize(
    ("role", "sections"),
    [
        ("clerk", ["intake", "tracker", "survey", "settings"]),
        ("supervisor", ["intake", "tracker", "survey", "reports", "settings"]),
        ("manager", ["intake", "tracker", "survey", "reports", "settings", "admin"]),
        ("admin", ["tracker", "survey", "reports", "settings", "admin"]),
    ],
)
def test_each_role_sees_only_its_sections(qtbot, system, gui_db, role, sections):
    from tests.helpers.fixtures import make_user

    session = make_user(
        system,
        f"{role}9",
        role,
        departments=() if role in ("manager", "admin") else ("customer_service",),
    )
    window = make_window(qtbot, session, gui_db)
    listed = [
        window.navigation.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(window.navigation.count())
    ]
    assert listed == sections
    assert sorted(window.section_actions) == sorted(sections)
    assert window.current_section() == sections[0]
    for kind in set(PAGES) - set(sections):
        assert window.findChild(QWidget, PAGES[kind]) is None
        with pytest.raises(ValueError):
            window.show_section(kind)


def test_every_page_exists(qtbot, manager, gui_db):
    window = make_window(qtbot, manager, gui_db)
    for kind, name in PAGES.items():
        page = window.show_section(kind)
        assert page.objectName() == name
        assert window.stack.currentWidget() is page
    with pytest.raises(ValueError):
        window.show_section("nowhere")


def test_pages_are_built_when_first_shown(qtbot, manager, gui_db):
    """docs/rules.md#start-up: only the first section's page is built with the window;
    another is built when it is first shown (or asked for through ``page``), once."""
    window = make_window(qtbot, manager, gui_db)
    assert window.current_section() == "intake"
    assert set(window.pages) == {"intake"}
    assert window.findChild(QWidget, "reports_page") is None
    reports = window.page("reports")
    assert reports.objectName() == "reports_page" and window.reports_page is reports
    assert window.stack.currentWidget() is window.pages["intake"]  # asking does not show it
    assert window.show_section("reports") is reports  # built once
    assert window.stack.currentWidget() is reports
    assert window.stack.count() == len(window.sections)
    with pytest.raises(ValueError):
        window.page("nowhere")


def test_after_first_paint_waits_for_the_paint_of_a_window_being_shown(qtbot):
    """docs/rules.md#start-up: work started with a window runs once it is on screen."""
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    after_first_paint(window, lambda: calls.append(window.isVisible()), latest_ms=60_000)
    window.show()
    assert calls == []  # not while being shown
    qtbot.waitUntil(lambda: calls == [True], timeout=5000)
    window.update()
    qtbot.wait(50)
    assert calls == [True]  # once


def test_after_first_paint_of_a_window_not_shown_runs_at_once(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("ran"), latest_ms=60_000)
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=1000)  # the next turn, not the latest


def test_after_first_paint_gives_up_waiting_at_the_latest(qtbot):
    """Shown but no paint comes (here: it came before the call): the work starts all the
    same, at the latest moment."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(100)  # painted
    calls: list[str] = []
    after_first_paint(window, lambda: calls.append("ran"), latest_ms=300)
    qtbot.wait(50)
    assert calls == []  # shown: it waits
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=5000)


def test_status_bar_shows_user_role_and_database(qtbot, clerk, gui_db):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    window = make_window(qtbot, clerk, gui_db)
    text = window.user_status.text()
    assert clerk.display_name in text
    assert "Clerk" in text
    assert str(gui_db.path) in window.database_status.text()
    assert window.user_status.isVisible() and window.database_status.isVisible()


def test_status_bar_says_when_the_file_is_kept_on_a_network_share(qtbot, clerk, gui_db):
    """Opened with ?allow_network_share=1 on a share (bootstrap.open_checked sets
    on_network_share): the status bar says how it is used (docs/rules.md#one-pc-or-several)."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    window = make_window(qtbot, clerk, dataclasses.replace(gui_db, on_network_share=True))
    assert window.database_status.text() == (
        f"Database: {gui_db.path} (network share, this PC only: rollback journal)"
    )
    local = make_window(qtbot, clerk, gui_db)
    assert local.database_status.text() == f"Database: {gui_db.path}"


def test_role_label_is_chinese_when_the_ui_is_chinese(qtbot, manager, gui_db):
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    window = make_window(qtbot, manager, gui_db)
    assert "客服经理" in window.user_status.text()
    assert "Manager" not in window.user_status.text()


def test_window_size_is_remembered(qtbot, clerk, gui_db):
    first = make_window(qtbot, clerk, gui_db)
    assert first.size() != QSize(700, 500)
    first.resize(QSize(700, 500))
    qtbot.waitUntil(lambda: first.size() == QSize(700, 500))
    first.close()
    second = make_window(qtbot, clerk, gui_db)
    assert second.size() == QSize(700, 500)


def test_sign_out_closes_window_and_reports_it(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    with qtbot.waitSignal(window.signed_out), qtbot.assertNotEmitted(window.closed):
        window.sign_out_action.trigger()
    assert not window.isVisible()


def test_quit_shortcut_closes_window(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    with qtbot.waitSignal(window.closed):
        QTest.keySequence(window, QKeySequence("Ctrl+Q"))
    assert not window.isVisible()


def test_about_names_version_and_database(qtbot, clerk, gui_db):
    window = make_window(qtbot, clerk, gui_db)
    text = window.about_text()
    assert __version__ in text
    assert str(gui_db.path) in text
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Go", "View", "Account", "Help"]


def test_a_case_asked_for_by_the_tracker_opens_and_its_changes_refresh_the_tracker(
    qtbot, system, clerk, gui_db, clock
):
    from desktop_app.services import cases
    from desktop_app.ui.case.window import CaseWindow
    from tests.helpers.cases import make_case
    from tests.helpers.fixtures import make_user

    colleague = make_user(system, "clerk2", "clerk")
    case = make_case(at=clock.now(), owner="clerk1")
    window = make_window(qtbot, clerk, gui_db)
    tracker = window.show_section("tracker")
    qtbot.waitUntil(lambda: tracker.model.rowCount() == 1)
    with qtbot.waitSignal(tracker.case_requested):
        tracker.open_row(0)
    opened = window.findChild(CaseWindow)
    assert opened is not None and opened.isVisible() and opened.case_id == case.id
    assert window.open_case(case.id) is opened  # one window per case
    cases.transfer(
        clerk, case.id, colleague.user_id, "交接", version=cases.get_case(clerk, case.id).version
    )
    opened.case_changed.emit(case.id)  # what the window says after its own actions
    qtbot.waitUntil(lambda: tracker.model.case_row(0).owner == "clerk2")
    opened.close()
