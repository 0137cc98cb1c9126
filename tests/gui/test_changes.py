"""The change hub: what changed reaches every page that shows it, whatever its origin."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.services import cases
from desktop_app.ui.changes import KINDS, ChangeHub, DataChanged
from desktop_app.ui.pages import DataPage
from desktop_app.ui.reminders_panel import ReminderMonitor, RemindersPanel
from desktop_app.ui.survey import SurveyPage
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import make_user


class CountingPage(DataPage):
    """A page that counts its reloads."""

    def __init__(self, changes: ChangeHub, **options):
        super().__init__(changes=changes, **options)
        self.reloads = 0

    def refresh(self) -> None:
        self.reloads += 1


def shown(qtbot, page: QWidget) -> QWidget:
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def hub(qtbot):
    return ChangeHub()


# --- the events --------------------------------------------------------------------------


def test_events_are_plain_frozen_data():
    event = DataChanged("cases", {3, 4})
    assert event.ids == frozenset({3, 4}) and isinstance(event.ids, frozenset)
    assert event == DataChanged("cases", frozenset({4, 3})) and hash(event)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.kind = "surveys"
    assert event.concerns({4, 9}) and not event.concerns({9})
    assert DataChanged("cases").concerns({9})  # unknown ids: maybe all
    assert set(KINDS) == {"cases", "reminders", "surveys", "settings", "accounts", "calendar"}
    with pytest.raises(ValueError, match="kind"):
        DataChanged("weather")


def test_publish_reaches_receivers_the_same_whatever_the_origin(qtbot, hub):
    received, published = [], []
    hub.changed.connect(received.append)
    hub.published.connect(lambda event, origin: published.append((event.kind, origin)))
    local = hub.announce("cases", {1})
    remote = DataChanged("surveys", {2})
    hub.publish(remote, origin="remote")
    assert received == [local, remote]
    assert published == [("cases", "local"), ("surveys", "remote")]
    with pytest.raises(ValueError, match="origin"):
        hub.publish(remote, origin="elsewhere")
    with pytest.raises(TypeError):
        hub.publish(("cases", {1}))


# --- the page base -----------------------------------------------------------------------


def test_a_hidden_page_reloads_when_shown_after_a_change(qtbot, hub):
    page = shown(qtbot, CountingPage(hub, kinds=("cases",)))
    assert page.reloads == 1 and not page.stale  # the first showing reads
    page.hide()
    hub.announce("cases", {7})
    assert page.stale and page.reloads == 1  # hidden: only marked
    hub.announce("cases", {8})
    page.show()
    qtbot.waitExposed(page)
    assert page.reloads == 2 and not page.stale  # once, however many changes came
    page.hide()
    page.show()
    assert page.reloads == 2  # nothing changed meanwhile: no reload


def test_a_visible_page_reloads_at_once_and_ignores_other_kinds(qtbot, hub):
    page = shown(qtbot, CountingPage(hub, kinds=("cases", "surveys")))
    hub.announce("surveys")
    assert page.reloads == 2 and not page.stale
    hub.announce("accounts")
    hub.announce("calendar")
    assert page.reloads == 2


def test_a_remote_change_behaves_as_a_local_one(qtbot, hub):
    visible = shown(qtbot, CountingPage(hub, kinds=("cases",)))
    hidden = shown(qtbot, CountingPage(hub, kinds=("cases",)))
    hidden.hide()
    hub.publish(DataChanged("cases", {5}), origin="remote")
    assert visible.reloads == 2
    assert hidden.stale and hidden.reloads == 1
    hidden.show()
    assert hidden.reloads == 2


def test_concerns_narrows_what_makes_a_page_stale(qtbot, hub):
    class CalendarLike(CountingPage):
        def concerns(self, event: DataChanged) -> bool:
            return event.kind == "calendar" or any(
                str(key).startswith("calendar.") for key in event.ids
            )

    page = shown(qtbot, CalendarLike(hub, kinds=("calendar", "settings")))
    hub.announce("settings", {"sla.due_soon_hours"})
    assert page.reloads == 1
    hub.announce("settings", {"calendar.official_years"})
    assert page.reloads == 2


def test_the_page_owns_its_timer_and_f5(qtbot, hub):
    page = shown(qtbot, CountingPage(hub, kinds=("cases",), refresh_ms=60_000))
    assert page.refresh_timer.isActive() and page.refresh_timer.interval() == 60_000
    page.refresh_timer.timeout.emit()
    assert page.reloads == 2
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.reloads == 3
    page.hide()
    assert not page.refresh_timer.isActive()
    again = shown(qtbot, CountingPage(hub, kinds=("cases",), reload_on_show=True))
    again.hide()
    again.show()
    assert again.reloads == 2  # every showing reads
    assert not again.refresh_timer.isActive()  # no interval: no timer


def test_unknown_kinds_are_refused(qtbot, hub):
    with pytest.raises(ValueError, match="weather"):
        CountingPage(hub, kinds=("cases", "weather"))


# --- a real page -------------------------------------------------------------------------


@pytest.fixture
def surveyor(system):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    make_user(system, "super1", "supervisor")
    return make_user(system, "clerk1", "clerk", supervisor="super1")


def close(session, case) -> None:
    cases.close_case(
        session,
        case.id,
        confirmed=False,
        outcome="resolved",
        reason="客户来电撤诉",
        version=cases.get_case(session, case.id).version,
    )


@pytest.mark.parametrize("origin", ["local", "remote"])
def test_a_closed_case_reaches_the_survey_queue_through_the_hub(
    qtbot, surveyor, clock, hub, origin
):
    tasks = TaskRunner()
    page = shown(qtbot, SurveyPage(surveyor, tasks=tasks, changes=hub))
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=10_000)
    assert page.queue_model.rowCount() == 0
    page.hide()
    case = make_case(at=clock.now(), owner="clerk1")
    close(surveyor, case)
    clock.advance(hours=24)
    hub.publish(DataChanged("cases", {case.id}), origin=origin)
    assert page.stale and not tasks.busy()  # hidden: nothing read yet
    page.show()
    qtbot.waitUntil(lambda: page.queue_model.numbers() == [case.number], timeout=10_000)
    # Visible: the next change is read at once.
    second = make_case(at=clock.now(), owner="clerk1")
    close(surveyor, second)
    clock.advance(hours=24)
    hub.publish(DataChanged("cases", {second.id}), origin=origin)
    qtbot.waitUntil(lambda: page.queue_model.rowCount() == 2, timeout=10_000)
    tasks.wait_for_done()


@pytest.mark.parametrize("kind", ["reminders", "cases"])
def test_the_reminders_panel_reads_its_list_again_after_a_change(qtbot, surveyor, hub, kind):
    tasks = TaskRunner()
    monitor = ReminderMonitor(surveyor, tasks, changes=hub)
    panel = RemindersPanel(surveyor, monitor, changes=hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(monitor.updated, timeout=10_000) as blocker:
        hub.publish(DataChanged(kind), origin="remote")
    assert blocker.args == [[]]
    qtbot.waitUntil(lambda: not tasks.busy())
    hub.announce("accounts")
    assert not tasks.busy()  # not a kind the panel shows: nothing read
    tasks.wait_for_done()


# --- the main window's wiring ------------------------------------------------------------


def test_the_main_window_hands_one_hub_around_and_announces_imports_and_case_actions(
    qtbot, manager, gui_db
):
    from types import SimpleNamespace

    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(manager, gui_db, offer_drafts=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.tasks.shutdown())
    window.show()
    qtbot.waitExposed(window)
    hub = window.changes
    pages = [window.page(kind) for kind in ("tracker", "survey", "reports", "admin")]
    settings = window.page("settings")
    assert all(page.changes is hub for page in pages)
    assert settings.changes is hub and settings.calendar_page.changes is hub
    assert window.page("intake").changes is hub
    assert window.reminders_panel.changes is hub and window.reminders.changes is hub
    seen = []
    hub.changed.connect(seen.append)
    survey = window.page("survey")
    window.show_section("survey")
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=10_000)
    assert not survey.stale
    window.show_section("tracker")
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=10_000)
    # An import that wrote something: every case may have changed.
    window._imported(SimpleNamespace(written=True))
    window._imported(SimpleNamespace(written=False))  # a dry run changes nothing
    # What a case window says after its own actions.
    window._case_changed(42)
    assert seen == [DataChanged("cases"), DataChanged("cases", {42})]
    assert survey.stale  # hidden: read when shown
    qtbot.waitUntil(lambda: not window.tasks.busy(), timeout=10_000)
