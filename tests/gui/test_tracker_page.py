"""The tracker page (template 2 list): what a supervisor or clerk sees and does in it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest

from desktop_app.db.models import Complaint, User
from desktop_app.services import tracker
from desktop_app.services.errors import DatabaseUnavailable
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui import tracker_model as cols
from desktop_app.ui.resources import DUE_TONES, tone_colour
from desktop_app.ui.tasks import TaskRunner
from desktop_app.ui.tracker import TrackerPage
from desktop_app.ui.tracker_model import DueStateRole, TrackerModel
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

HOUR = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


@pytest.fixture
def supervisor(system):
    return make_user(system, "super1", "supervisor")


def make_page(qtbot, session, tasks, *, page_size: int = 100, size=(1200, 700)) -> TrackerPage:
    page = TrackerPage(session, tasks=tasks, page_size=page_size)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot, page: TrackerPage) -> None:
    """Let the rows asked for (off the UI thread) arrive."""
    qtbot.waitUntil(lambda: not page.model.busy(), timeout=5000)


def activate(qtbot, page: TrackerPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)


def shown(qtbot, page: TrackerPage, column: int) -> list[str]:
    settle(qtbot, page)
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def numbers(qtbot, page: TrackerPage) -> list[str]:
    return shown(qtbot, page, cols.NUMBER)


def wait_for_reload(qtbot, page: TrackerPage):
    return qtbot.waitSignal(page.model.modelReset, timeout=5000)


def click_header(qtbot, page: TrackerPage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def change_case(case_id: int, **values) -> None:
    """What another PC does: a committed change of the stored case."""
    Complaint.update(version=Complaint.version + 1, **values).where(
        Complaint.id == case_id
    ).execute()


@pytest.fixture
def five_cases(manager):
    """One case per rank, registered an hour ago (level I also a day earlier)."""
    at = TEST_NOW - HOUR
    return {
        "level1_late": make_case(at=at, owner="manager1"),
        "level3": make_case(at=at, owner="manager1", subtype="merchant_infringement"),
        "urgent": make_case(at=at, owner="manager1", urgency="urgent"),
        "level2": make_case(at=at, owner="manager1", subtype="staff_attitude"),
        "level1_early": make_case(at=at - DAY, owner="manager1"),
    }


def test_table_lists_cases_in_processing_order(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    table = page.findChild(type(page.table), "cases_table")
    assert table is page.table and table.isSortingEnabled() and table.alternatingRowColors()
    order = ["urgent", "level3", "level2", "level1_early", "level1_late"]
    assert numbers(qtbot, page) == [five_cases[key].number for key in order]
    assert shown(qtbot, page, cols.LEVEL) == ["紧急 I", "III", "II", "I", "I"]
    assert "5 cases" in page.findChild(type(page.status_line), "status_line").text()
    # The first case is selected, ready for Enter.
    assert page.selected_case_id() == five_cases["urgent"].id


def test_row_shows_every_column(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    row = page.model.row_of(five_cases["level2"].id)
    value = {column: page.model.index(row, column).data() for column in range(9)}
    assert value[cols.NUMBER] == five_cases["level2"].number
    assert value[cols.CUSTOMER] == "张三 · 13812345678"
    assert value[cols.TYPE] == "服务态度类 / 坐席人员态度"
    assert value[cols.STAGE] == "已登记"
    assert value[cols.OWNER] == "manager1"
    assert value[cols.DEPARTMENT] == "客服部"
    assert value[cols.NEXT_DUE] == five_cases["level2"].next_due.strftime("%Y-%m-%d %H:%M")
    assert value[cols.AGE] == "1 h 0 min"
    early = page.model.row_of(five_cases["level1_early"].id)
    assert page.model.index(early, cols.AGE).data() == "1 d 1 h"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == [
        "Number",
        "Customer",
        "Type",
        "Level",
        "Stage",
        "Owner",
        "Department",
        "Next deadline",
        "Age",
    ]


def test_deadline_colours_overdue_red_and_on_track_green(qtbot, manager, tasks):
    late = make_case(at=TEST_NOW - 10 * DAY, owner="manager1")
    fresh = make_case(at=TEST_NOW - 5 * dt.timedelta(minutes=1), owner="manager1")
    change_case(fresh.id, next_due=TEST_NOW + 2 * DAY)  # well before "due soon"
    assert late.next_due < TEST_NOW
    page = make_page(qtbot, manager, tasks)
    model = page.model
    late_row, fresh_row = model.row_of(late.id), model.row_of(fresh.id)
    due = model.index(late_row, cols.NEXT_DUE)
    assert due.data(DueStateRole) == "overdue"
    # The colours of the scheme in use (resources.TONES), not fixed ones.
    assert DUE_TONES["overdue"] == "error"
    assert due.data(Qt.ItemDataRole.BackgroundRole).color() == tone_colour("error_background")
    assert due.data(Qt.ItemDataRole.ForegroundRole).color() == tone_colour("error")
    assert "Overdue by" in due.data(Qt.ItemDataRole.ToolTipRole)
    # The whole overdue row reads red.
    number = model.index(late_row, cols.NUMBER)
    assert number.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150
    assert number.data(Qt.ItemDataRole.ForegroundRole).color() == tone_colour("error")
    ok = model.index(fresh_row, cols.NEXT_DUE)
    assert ok.data(DueStateRole) == "on_track"
    assert ok.data(Qt.ItemDataRole.BackgroundRole).color() == tone_colour("ok_background")
    assert ok.data(Qt.ItemDataRole.ForegroundRole).color() == tone_colour("ok")
    assert "On track" in ok.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(fresh_row, cols.NUMBER).data(Qt.ItemDataRole.ForegroundRole) is None


def test_due_soon_is_amber(qtbot, manager, tasks):
    case = make_case(at=TEST_NOW - HOUR, owner="manager1")
    soon = TEST_NOW + HOUR
    change_case(case.id, next_due=soon)
    page = make_page(qtbot, manager, tasks)
    due = page.model.index(page.model.row_of(case.id), cols.NEXT_DUE)
    assert due.data(DueStateRole) == "due_soon"
    assert due.data(Qt.ItemDataRole.BackgroundRole).color() == tone_colour("warning_background")
    assert due.data(Qt.ItemDataRole.ForegroundRole).color() == tone_colour("warning")
    assert "Due soon" in due.data(Qt.ItemDataRole.ToolTipRole)


def test_clerk_sees_masked_contacts_and_never_another_department(qtbot, system, clerk, tasks):
    make_user(system, "clerk2", "clerk")
    make_user(system, "tech1", "clerk", departments=("tech",))
    own = make_case(at=TEST_NOW - HOUR, owner="clerk1")
    colleague = make_case(at=TEST_NOW - 2 * HOUR, owner="clerk2")
    other = make_case(at=TEST_NOW - 3 * HOUR, owner="tech1", department="tech")
    page = make_page(qtbot, clerk, tasks)
    assert sorted(numbers(qtbot, page)) == sorted([own.number, colleague.number])
    assert other.number not in numbers(qtbot, page)
    customer = {
        page.model.case_id(r): page.model.index(r, cols.CUSTOMER).data()
        for r in range(page.model.rowCount())
    }
    assert customer[own.id] == "张三 · 13812345678"
    assert customer[colleague.id] == "张三 · 138****5678"
    assert "13812345678" not in customer[colleague.id]
    tip = page.model.index(page.model.row_of(colleague.id), cols.CUSTOMER).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "masked" in tip and "13812345678" not in tip
    # Not even a search for the other department's number finds it.
    page.search_filter.setText(other.number)
    page.apply_filters()
    settle(qtbot, page)
    assert page.model.rowCount() == 0
    assert "0 cases" in page.status_line.text()


def test_filters_narrow_rows_and_count(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    level = page.findChild(type(page.level_filter), "level_filter")
    level.setCurrentIndex(level.findText("III"))
    assert numbers(qtbot, page) == [five_cases["level3"].number]
    assert "1 case" in page.status_line.text()

    level.setCurrentIndex(level.findText("I"))
    assert len(numbers(qtbot, page)) == 3
    urgent = page.findChild(type(page.urgent_filter), "urgent_filter")
    urgent.setChecked(True)
    assert numbers(qtbot, page) == [five_cases["urgent"].number]

    page.clear_filters()
    settle(qtbot, page)
    assert page.model.rowCount() == 5 and "5 cases" in page.status_line.text()

    overdue = page.findChild(type(page.overdue_filter), "overdue_filter")
    change_case(five_cases["level2"].id, next_due=TEST_NOW - HOUR)
    overdue.setChecked(True)
    # The day-old case missed its first response too.
    assert numbers(qtbot, page) == [five_cases["level2"].number, five_cases["level1_early"].number]
    page.clear_filters()

    stage = page.findChild(type(page.stage_filter), "stage_filter")
    change_case(five_cases["level3"].id, stage="investigating")
    stage.setCurrentIndex(stage.findData("investigating"))
    assert numbers(qtbot, page) == [five_cases["level3"].number]
    page.clear_filters()

    registered_from = page.findChild(type(page.registered_from_filter), "registered_from_filter")
    registered_from.setDate(TEST_NOW.date())
    page.apply_filters()  # the date edits wait like typing does; apply at once here
    assert five_cases["level1_early"].number not in numbers(qtbot, page)
    assert page.model.rowCount() == 4


def test_closed_cases_only_when_asked(qtbot, manager, tasks, five_cases):
    change_case(
        five_cases["level2"].id, stage="closed", is_open=False, closed_at=TEST_NOW - 0.5 * HOUR
    )
    page = make_page(qtbot, manager, tasks)
    assert five_cases["level2"].number not in numbers(qtbot, page)
    page.findChild(type(page.include_closed_filter), "include_closed_filter").setChecked(True)
    assert five_cases["level2"].number in numbers(qtbot, page)
    row = page.model.row_of(five_cases["level2"].id)
    assert page.model.index(row, cols.STAGE).data() == "已闭环"
    assert page.model.index(row, cols.NEXT_DUE).data(DueStateRole) == "none"


def test_text_search_applies_after_typing_pauses(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    search = page.findChild(type(page.search_filter), "search_filter")
    wanted = five_cases["level2"].number
    with wait_for_reload(qtbot, page):
        qtbot.keyClicks(search, wanted)
    assert numbers(qtbot, page) == [wanted]
    assert page.search_timer.interval() <= 500


def test_owner_department_type_and_channel_filters(qtbot, system, manager, tasks, five_cases):
    make_user(system, "tech1", "clerk", departments=("tech",))
    tech = make_case(
        at=TEST_NOW - HOUR, owner="tech1", department="tech", subtype="logistics_delay"
    )
    page = make_page(qtbot, manager, tasks)
    owner = page.findChild(type(page.owner_filter), "owner_filter")
    owner.setCurrentIndex(owner.findData(User.get(username="tech1").id))
    assert numbers(qtbot, page) == [tech.number]
    owner.setCurrentIndex(0)
    department = page.findChild(type(page.department_filter), "department_filter")
    department.setCurrentIndex(department.findData("tech"))
    assert numbers(qtbot, page) == [tech.number]
    department.setCurrentIndex(0)
    types = page.findChild(type(page.type_filter), "type_filter")
    types.setCurrentIndex(types.findData("external_factors"))
    assert numbers(qtbot, page) == [tech.number]
    types.setCurrentIndex(types.findData("staff_attitude"))
    assert numbers(qtbot, page) == [five_cases["level2"].number]
    types.setCurrentIndex(0)
    channel = page.findChild(type(page.channel_filter), "channel_filter")
    channel.setCurrentIndex(channel.findData("email"))
    settle(qtbot, page)
    assert page.model.rowCount() == 0
    channel.setCurrentIndex(channel.findData("phone"))
    settle(qtbot, page)
    assert page.model.rowCount() == 6


def test_header_click_sorts_and_third_click_returns_to_processing_order(
    qtbot, manager, tasks, five_cases
):
    page = make_page(qtbot, manager, tasks)
    processing = numbers(qtbot, page)
    by_number = sorted(processing)
    click_header(qtbot, page, cols.NUMBER)
    assert numbers(qtbot, page) == by_number
    assert page.model.sort_key == "number"
    click_header(qtbot, page, cols.NUMBER)
    assert numbers(qtbot, page) == list(reversed(by_number))
    click_header(qtbot, page, cols.NUMBER)
    assert numbers(qtbot, page) == processing
    assert page.model.sort_key == "processing"


def test_age_column_sorts_by_the_ages_it_shows(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    click_header(qtbot, page, cols.AGE)  # ascending ages: the newest case first
    assert numbers(qtbot, page)[-1] == five_cases["level1_early"].number
    assert shown(qtbot, page, cols.AGE)[0] == "1 h 0 min"
    click_header(qtbot, page, cols.AGE)
    assert numbers(qtbot, page)[0] == five_cases["level1_early"].number
    assert shown(qtbot, page, cols.AGE)[0] == "1 d 1 h"


def test_sorting_keeps_the_selected_case(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    assert page.select_case(five_cases["level2"].id)
    click_header(qtbot, page, cols.NUMBER)
    settle(qtbot, page)
    assert numbers(qtbot, page) == sorted(numbers(qtbot, page))
    assert page.selected_case_id() == five_cases["level2"].id


def many_cases(count: int) -> list[Complaint]:
    """``count`` level-I cases, one a day apart and a minute apart within (no batch)."""
    return [
        make_case(at=TEST_NOW - (i + 1) * DAY - i * dt.timedelta(minutes=1), owner="manager1")
        for i in range(count)
    ]


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, manager, tasks):
    cases = many_cases(24)
    page = make_page(qtbot, manager, tasks, page_size=5, size=(1000, 420))
    model = page.model
    bar = page.table.verticalScrollBar()
    # The view first asks for pages until its rows fill it.
    qtbot.waitUntil(lambda: bar.maximum() > 0 and not model.busy())
    loaded = model.rowCount()
    assert 5 <= loaded < 24 and loaded % 5 == 0
    assert model.canFetchMore()
    # Not every row is loaded, yet the status line counts them all (off the UI thread).
    qtbot.waitUntil(lambda: page.status_line.text() == "24 cases")
    for _page in range(10):
        settle(qtbot, page)
        if not model.canFetchMore():
            break
        before = model.rowCount()
        # Once the view has laid out the rows it has, scrolling to the end asks for more.
        qtbot.waitUntil(lambda: bar.maximum() > bar.value())
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda before=before: model.rowCount() == min(before + 5, 24))
        settle(qtbot, page)
        assert model.rowCount() == min(before + 5, 24)
    ids = [model.case_id(row) for row in range(model.rowCount())]
    assert len(ids) == len(set(ids)) == 24
    # Oldest first: all level I, earliest deadline first.
    assert numbers(qtbot, page) == [
        c.number for c in sorted(cases, key=lambda c: (c.next_due, c.id))
    ]


def test_model_fetches_pages_and_never_all_rows(qtbot, manager, tasks, monkeypatch):
    many_cases(12)
    calls = []
    real = tracker.list_cases

    def counting(*args, **kwargs):
        calls.append(kwargs.get("limit"))
        return real(*args, **kwargs)

    monkeypatch.setattr(tracker, "list_cases", counting)
    model = TrackerModel(manager, tasks, page_size=5)
    assert model.rowCount() == 0 and not model.canFetchMore()
    with qtbot.waitSignal(model.loaded):
        model.set_query(CaseFilter())
    assert model.rowCount() == 5 and model.canFetchMore()
    model.fetchMore()  # off the UI thread
    assert model.busy() and not model.canFetchMore()
    model.fetchMore()  # still reading the page asked for: ignored
    qtbot.waitUntil(lambda: not model.busy())
    assert model.rowCount() == 10 and model.canFetchMore()
    with qtbot.waitSignal(model.page_loaded):
        model.fetchMore()
    assert model.rowCount() == 12 and not model.canFetchMore()
    assert calls == [5, 5, 5]
    assert model.row_of(model.case_id(7)) == 7
    assert model.row_of(-1) == -1


def test_model_passes_the_qt_model_checks(qtbot, manager, tasks, qtmodeltester, five_cases):
    model = TrackerModel(manager, tasks, page_size=2)
    with qtbot.waitSignal(model.loaded):
        model.set_query(CaseFilter())
    qtmodeltester.check(model, force_py=True)


def test_refresh_updates_in_place_and_keeps_selection(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    chosen = five_cases["level1_early"]
    assert page.select_case(chosen.id)
    removed, inserted, resets = [], [], []
    page.model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    page.model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    page.model.modelReset.connect(lambda: resets.append(1))
    # Another PC: a new urgent case (lands on top), the chosen case moves on, one closes.
    newcomer = make_case(at=TEST_NOW - HOUR, owner="manager1", urgency="urgent")
    change_case(chosen.id, stage="investigating")
    change_case(five_cases["level3"].id, stage="closed", is_open=False, closed_at=TEST_NOW)
    page.refresh_timer.timeout.emit()  # the auto-refresh tick
    settle(qtbot, page)
    assert not resets
    # Precise signals: one row out (level III), one in (after the older urgent case).
    assert removed == [(1, 1)] and inserted == [(1, 1)]
    assert page.selected_case_id() == chosen.id
    row = page.model.row_of(chosen.id)
    assert page.model.index(row, cols.STAGE).data() == "调查核实"
    assert newcomer.number in numbers(qtbot, page)
    assert five_cases["level3"].number not in numbers(qtbot, page)
    assert page.table.currentIndex().row() == row


def test_refresh_keeps_scroll_position_and_selection(qtbot, manager, tasks):
    cases = many_cases(40)
    page = make_page(qtbot, manager, tasks, size=(1000, 420))
    bar = page.table.verticalScrollBar()
    assert bar.maximum() > 20
    bar.setValue(15)
    target = page.model.case_id(page.table.rowAt(page.table.viewport().height() // 2))
    assert page.select_case(target)
    bar.setValue(15)
    top = page.model.case_id(page.table.rowAt(0))
    # Another PC changes the selected case and a case far above it.
    change_case(target, stage="investigating", owner=User.get(username="manager1").id)
    change_case(cases[-1].id, stage="assigned")
    page.refresh()
    settle(qtbot, page)
    assert bar.value() == 15
    assert page.selected_case_id() == target
    assert page.model.case_id(page.table.rowAt(0)) == top
    # A new case at the top: the rows the user looks at stay where they are.
    make_case(at=TEST_NOW - HOUR, owner="manager1", urgency="urgent")
    page.refresh()
    settle(qtbot, page)
    assert page.model.case_id(page.table.rowAt(0)) == top
    assert page.selected_case_id() == target


def test_f5_refreshes_and_keeps_the_selected_case(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    activate(qtbot, page)
    chosen = five_cases["level2"]
    assert page.select_case(chosen.id)
    page.table.setFocus()
    newcomer = make_case(at=TEST_NOW - HOUR, owner="manager1", urgency="urgent")
    change_case(chosen.id, stage="assigned")
    QTest.keySequence(page.table, QKeySequence("F5"))
    assert newcomer.number in numbers(qtbot, page)
    assert page.selected_case_id() == chosen.id
    assert page.model.index(page.model.row_of(chosen.id), cols.STAGE).data() == "已分派"


def test_enter_and_double_click_open_the_case(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    chosen = five_cases["level3"]
    assert page.select_case(chosen.id)
    page.table.setFocus()
    with qtbot.waitSignal(page.case_requested) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [chosen.id]
    other = five_cases["level1_late"]
    rect = page.table.visualRect(page.model.index(page.model.row_of(other.id), cols.STAGE))
    with qtbot.waitSignal(page.case_requested) as blocker:
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [other.id]


def test_ctrl_f_focuses_the_search_filter(qtbot, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    QTest.keySequence(page.table, QKeySequence("Ctrl+F"))
    assert page.search_filter.hasFocus()


def test_column_layout_is_remembered_per_user(qtbot, system, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    header = page.table.horizontalHeader()
    menu = page.header_menu()
    owner_action = menu.findChild(QAction, "column_owner_action")
    assert owner_action.isChecked()
    owner_action.trigger()
    assert header.isSectionHidden(cols.OWNER)
    assert not menu.findChild(QAction, "column_number_action").isEnabled()
    header.moveSection(header.visualIndex(cols.AGE), 1)
    header.resizeSection(cols.CUSTOMER, 321)
    page.close()
    page.deleteLater()

    again = make_page(qtbot, manager, tasks)
    header = again.table.horizontalHeader()
    assert header.isSectionHidden(cols.OWNER)
    assert header.visualIndex(cols.AGE) == 1
    assert header.sectionSize(cols.CUSTOMER) == 321
    assert again.model.sort_key == "processing"

    other = make_user(system, "manager2", "manager", departments=())
    theirs = make_page(qtbot, other, tasks).table.horizontalHeader()
    assert not theirs.isSectionHidden(cols.OWNER)
    assert theirs.visualIndex(cols.AGE) == cols.AGE


def test_saved_views_show_counts_and_apply(qtbot, manager, tasks, five_cases):
    change_case(five_cases["level2"].id, next_due=TEST_NOW - HOUR)
    page = make_page(qtbot, manager, tasks)
    views = page.findChild(type(page.views_list), "views_list")
    qtbot.waitUntil(lambda: bool(page.view_count))
    texts = [views.item(row).text() for row in range(views.count())]
    standard = tracker.standard_views(manager)
    counts = tracker.view_counts(manager, standard)
    for view in standard:
        assert f"{view.label(manager.language)} ({counts[view.key]})" in texts
    assert page.view_count["overdue"] == 2  # level II made late, and the day-old case
    # Picking a view shows its cases.
    views.setCurrentItem(page.view_item("overdue"))
    assert numbers(qtbot, page) == [five_cases["level2"].number, five_cases["level1_early"].number]
    assert page.overdue_filter.isChecked()
    assert page.current_view_key() == "overdue"
    # Clear filters: back to the open cases.
    page.clear_filters()
    settle(qtbot, page)
    assert page.model.rowCount() == 5


def test_user_saved_view_is_kept_per_user_with_its_count(qtbot, system, manager, tasks, five_cases):
    page = make_page(qtbot, manager, tasks)
    page.level_filter.setCurrentIndex(page.level_filter.findText("I"))
    with qtbot.waitSignal(page.views_counted, timeout=5000):
        page.save_view("Level I")
    assert page.view_item("user:Level I").text() == "Level I (3)"
    page.clear_filters()
    settle(qtbot, page)
    assert page.model.rowCount() == 5
    page.close()

    again = make_page(qtbot, manager, tasks)
    assert again.view_item("user:Level I") is not None
    assert again.apply_view("user:Level I")
    settle(qtbot, again)
    assert again.model.rowCount() == 3
    assert again.delete_view_button.isEnabled()
    assert again.delete_view("user:Level I")
    assert again.view_item("user:Level I") is None

    other = make_user(system, "manager2", "manager", departments=())
    assert make_page(qtbot, other, tasks).view_item("user:Level I") is None


def test_service_errors_are_shown_not_raised(qtbot, manager, tasks, five_cases, monkeypatch):
    page = make_page(qtbot, manager, tasks)
    real = tracker.list_cases
    down = [True]

    def flaky(*args, **kwargs):
        if down[0]:
            raise DatabaseUnavailable(
                "The database is busy (another computer is writing). Please try again."
            )
        return real(*args, **kwargs)

    monkeypatch.setattr(tracker, "list_cases", flaky)
    with qtbot.waitSignal(page.status_message) as blocker:
        page.refresh()
    assert "busy" in blocker.args[0]
    message = page.findChild(type(page.message), "tracker_message")
    assert "busy" in message.text() and not message.isHidden()
    assert page.model.rowCount() == 5  # what was shown stays
    with qtbot.waitSignal(page.model.load_failed):
        page.apply_filters()
    assert page.model.rowCount() == 5
    with qtbot.waitSignal(page.model.load_failed):
        click_header(qtbot, page, cols.NUMBER)  # the view's sort call fails quietly too
    assert page.model.rowCount() == 5
    down[0] = False
    with qtbot.waitSignal(page.model.loaded):
        page.refresh()
    assert message.isHidden()
