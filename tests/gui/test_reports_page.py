"""The reports page: KPI tiles, charts, drill-down to the tracker, the period picker, the
department filter, improvement actions and the export button. The clock stands at
Wed 2026-11-25 10:00 (tests/helpers/fixtures.py); the default period is November 2026.

The fixture (``figures``): in November, 5 cases registered — 3 of product quality
(functional defect: Nov 2 and Nov 24 in customer service, Nov 24 in tech), 1 of service
attitude (Nov 10) and 1 of process efficiency (delivery, Nov 18, logistics); one in October
(Oct 20). Two are closed now (Nov 2 and Nov 24 customer service); two proactive surveys of
November score (5, 4, 5, 4) and (3, 2, 3, 2).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QHorizontalBarSeries, QLineSeries
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.services import cases, improvements, kpi, reference, report_workbook, surveys
from desktop_app.services.surveys import SurveyForm
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reports import ReportsPage
from desktop_app.ui.reports import export as export_module
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case
from tests.helpers.fixtures import TEST_NOW, make_user

D = dt.datetime
NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def supervisor(system):
    return make_user(system, "super1", "supervisor")


@pytest.fixture
def figures(system, clerk, manager):
    """The cases and surveys of the module doc; returns the cases by label."""
    make_user(system, "clerk2", "clerk", departments=("tech", "logistics"))
    made = {
        "n1": make_case(at=D(2026, 11, 2, 9), owner="clerk1"),
        "n2": make_case(at=D(2026, 11, 10, 9), owner="clerk1", subtype="staff_attitude"),
        "n3": make_case(
            at=D(2026, 11, 18, 9), owner="clerk2", subtype="delivery", department="logistics"
        ),
        "n4": make_case(at=D(2026, 11, 24, 9), owner="clerk1"),
        "n5": make_case(at=D(2026, 11, 24, 11), owner="clerk2", department="tech"),
        "o1": make_case(at=D(2026, 10, 20, 9), owner="clerk1"),
    }
    for label in ("n1", "n4"):
        case_id = made[label].id
        cases.close_case(
            clerk,
            case_id,
            confirmed=False,
            outcome="resolved",
            reason="客户来电撤诉",
            version=cases.get_case(clerk, case_id).version,
        )
    for name, scores in (("李四", (5, 4, 5, 4)), ("王五", (3, 2, 3, 2))):
        surveys.record_survey(
            manager,
            SurveyForm(
                customer_name=name,
                survey_time=TEST_NOW - dt.timedelta(days=1),
                timeliness=scores[0],
                effectiveness=scores[1],
                attitude=scores[2],
                overall=scores[3],
                needs_improvement=["response_speed"],
            ),
        )
    return made


def open_page(qtbot, session, *, wait: bool = True) -> ReportsPage:
    page = ReportsPage(session, tasks=TaskRunner())
    # No worker may outlive the test's database.
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.requests = []
    page.cases_requested.connect(page.requests.append)
    page.resize(1400, 1000)
    if wait:
        with (
            qtbot.waitSignal(page.report_shown, timeout=WAIT),
            qtbot.waitSignal(page.trend_shown, timeout=WAIT),
        ):
            page.show()
    else:
        page.show()
    qtbot.waitExposed(page)
    return page


def idle(qtbot, page: ReportsPage) -> None:
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)


def rate(value) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def expected_tiles(report_json: dict) -> dict[str, str]:
    hours = report_json["average_handling_hours"]
    return {
        "volume_tile": str(report_json["volume"]),
        "handling_time_tile": "—" if hours is None else f"{hours:.1f} h",
        "resolution_rate_tile": rate(report_json["resolution_rate"]),
        "on_time_rate_tile": rate(report_json["on_time_rate"]),
        "first_response_rate_tile": rate(report_json["first_response_on_time_rate"]),
        "satisfaction_rate_tile": rate(report_json["satisfaction_rate"]),
        "overdue_tile": str(report_json["overdue_open"]),
    }


def tile_values(page: ReportsPage) -> dict[str, str]:
    return {name: page.findChild(QWidget, name).value() for name in expected_tiles_names()}


def expected_tiles_names() -> list[str]:
    return [
        "volume_tile",
        "handling_time_tile",
        "resolution_rate_tile",
        "on_time_rate_tile",
        "first_response_rate_tile",
        "satisfaction_rate_tile",
        "overdue_tile",
    ]


# --- tiles and the period ---------------------------------------------------------------------


def test_the_tiles_show_the_figures_of_the_month(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    report = kpi.to_json_dict(kpi.kpi_report(manager, NOV_1, NOV_30))
    assert report["volume"] == 5  # the October case is not in November
    assert report["resolution_rate"] == 0.4  # 2 of 5 closed as resolved
    assert report["satisfaction_rate"] == 0.5  # overall 4 of the first survey only
    assert report["overdue_open"] >= 1
    assert tile_values(page) == expected_tiles(report)
    assert page.tiles["resolution_rate"].detail() == "2 of 5 resolved"
    assert page.tiles["satisfaction_rate"].detail().startswith("2 surveys")
    assert page.period_label.text().startswith("2026-11")
    assert page.report.start == NOV_1 and page.report.end == NOV_30
    assert not page.busy_indicator.isVisible()
    assert not page.next_button.isEnabled()  # December has not started


def test_a_rate_without_a_denominator_shows_a_dash(qtbot, manager):
    page = open_page(qtbot, manager)
    assert page.report.volume == 0
    assert page.tiles["resolution_rate"].value() == "—"
    assert page.tiles["handling_time"].value() == "—"
    assert page.tiles["volume"].value() == "0"


def test_changing_the_period_recomputes(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    week = page.period_kind.findData("week")
    with qtbot.waitSignal(page.report_shown, timeout=WAIT) as shown:
        page.period_kind.setCurrentIndex(week)
    report = shown.args[0]
    assert (report.start, report.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert report.volume == 2
    expected = kpi.to_json_dict(kpi.kpi_report(manager, report.start, report.end))
    assert tile_values(page) == expected_tiles(expected)

    # Previous steps a whole week back; typing a date of October's month recomputes too.
    with qtbot.waitSignal(page.report_shown, timeout=WAIT) as shown:
        qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert shown.args[0].start == dt.date(2026, 11, 16)
    assert page.tiles["volume"].value() == "1"
    assert page.next_button.isEnabled()

    # Back to the month: of the day shown (the 16th).
    with qtbot.waitSignal(page.report_shown, timeout=WAIT) as shown:
        page.period_kind.setCurrentIndex(page.period_kind.findData("month"))
    assert (shown.args[0].start, shown.args[0].end) == (NOV_1, NOV_30)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT) as shown:
        page.period_date.setDate(dt.date(2026, 10, 5))
    assert (shown.args[0].start, shown.args[0].end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert page.tiles["volume"].value() == "1"


def test_a_custom_period_and_the_last_request_wins(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    page.set_period("custom", start=dt.date(2026, 11, 10), end=dt.date(2026, 11, 24), compute=False)
    assert page.period_from.isVisible() and not page.period_date.isVisible()
    # Three requests in a row: only the last one's figures stay.
    page.refresh()
    page.set_period("quarter", dt.date(2026, 11, 1))
    with qtbot.waitSignal(page.trend_shown, timeout=WAIT):
        page.set_period("custom", start=dt.date(2026, 11, 10), end=dt.date(2026, 11, 24))
    idle(qtbot, page)
    assert (page.report.start, page.report.end) == (dt.date(2026, 11, 10), dt.date(2026, 11, 24))
    assert page.report.volume == 4
    assert page.tiles["volume"].value() == "4"
    assert (page.trend.start, page.trend.end) == (dt.date(2026, 11, 10), dt.date(2026, 11, 24))


def test_f5_recomputes(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    assert page.tiles["volume"].value() == "5"
    make_case(at=D(2026, 11, 25, 9), owner="clerk1")
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT):
        qtbot.keyClick(page, Qt.Key.Key_F5)
    assert page.tiles["volume"].value() == "6"


# --- charts -----------------------------------------------------------------------------------


def test_the_charts_have_the_right_series_and_categories(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    report = kpi.to_json_dict(kpi.kpi_report(manager, NOV_1, NOV_30))
    tree = reference.type_tree()
    type_names = [t.en for t in tree]
    assert page.type_chart.categories() == type_names
    assert page.type_chart.keys() == list(report["by_type"])
    assert page.type_chart.values() == list(report["by_type"].values())
    by_type = dict(zip(type_names, page.type_chart.values(), strict=True))
    assert by_type["Product quality"] == 3
    assert by_type["Service attitude"] == 1
    assert by_type["Process efficiency"] == 1
    # The Qt objects themselves: lying bars, the first type on top (Qt draws a lying
    # series' first bar at the bottom, so they go in reversed).
    (series,) = page.type_chart.chart().series()
    assert isinstance(series, QHorizontalBarSeries)
    (bar_set,) = series.barSets()
    assert [bar_set.at(i) for i in range(bar_set.count())] == list(
        reversed(report["by_type"].values())
    )
    axis = next(a for a in page.type_chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == list(reversed(type_names))
    (series,) = page.satisfaction_chart.chart().series()
    assert isinstance(series, QBarSeries)

    assert page.satisfaction_chart.categories() == [
        "Timeliness",
        "Effectiveness",
        "Attitude",
        "Overall",
    ]
    assert page.satisfaction_chart.values() == [4.0, 3.0, 4.0, 3.0]
    assert page.satisfaction_chart.values() == list(report["satisfaction"].values())

    # November 2026 begins on a Sunday: six weeks, clipped to the month.
    labels = ["11-01", "11-02", "11-09", "11-16", "11-23", "11-30"]
    assert page.trend.kind == "week"
    assert page.volume_trend_chart.categories() == labels
    assert page.volume_trend_chart.values() == [0, 1, 1, 1, 2, 0]
    lines = [
        s
        for s in page.volume_trend_chart.chart().series()
        if isinstance(s, QLineSeries) and type(s) is QLineSeries
    ]
    assert [(p.x(), p.y()) for p in lines[0].points()] == [
        (0, 0),
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 2),
        (5, 0),
    ]
    # On time, of each week's cases closed or past their resolution deadline (18:00 on the
    # seventh working day): n1 (due 11 Nov, closed today) late; n2 (due 19 Nov, open) late;
    # n3 (due 27 Nov) not yet due; n4 closed today on time, n5 not yet due.
    week = kpi.kpi_report(manager, dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert (week.closed_on_time, week.on_time_cases) == (1, 1)
    assert page.on_time_trend_chart.categories() == labels
    assert page.on_time_trend_chart.values() == [None, 0.0, 0.0, None, 100.0, None]
    # A week without a rate breaks the line.
    assert [line.count() for line in page.on_time_trend_chart.lines] == [2, 1]


def test_a_quarter_trends_by_week_and_a_long_custom_period_by_month(qtbot, manager):
    page = open_page(qtbot, manager)
    with qtbot.waitSignal(page.trend_shown, timeout=WAIT):
        page.set_period("quarter", dt.date(2026, 11, 25))
    assert page.trend.kind == "week"
    assert len(page.volume_trend_chart.categories()) == 14  # Oct 1 (Thu) to Dec 31 (Thu)
    with qtbot.waitSignal(page.trend_shown, timeout=WAIT):
        page.set_period("custom", start=dt.date(2026, 1, 1), end=dt.date(2026, 11, 30))
    assert page.trend.kind == "month"
    assert page.volume_trend_chart.categories()[0] == "2026-01"
    assert len(page.volume_trend_chart.categories()) == 11


# --- drill-down -------------------------------------------------------------------------------


def test_clicking_the_volume_tile_asks_for_the_cases_of_the_period(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    with qtbot.waitSignal(page.cases_requested) as asked:
        qtbot.mouseClick(page.tiles["volume"], Qt.MouseButton.LeftButton)
    assert asked.args[0] == CaseFilter(
        include_closed=True, registered_from=NOV_1, registered_to=NOV_30
    )
    # The keyboard: Tab reaches the tiles, Enter opens.
    page.tiles["overdue"].setFocus()
    with qtbot.waitSignal(page.cases_requested) as asked:
        qtbot.keyClick(page.tiles["overdue"], Qt.Key.Key_Return)
    assert asked.args[0] == CaseFilter(overdue_only=True)
    assert page.tiles["volume"].focusPolicy() & Qt.FocusPolicy.TabFocus


def test_clicking_a_type_bar_asks_for_that_type_in_the_period(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    index = page.type_chart.keys().index("service_attitude")
    page.scroll.ensureWidgetVisible(page.type_chart)
    point = page.type_chart.bar_position(index).toPoint()
    with qtbot.waitSignal(page.cases_requested) as asked:
        qtbot.mouseClick(page.type_chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert asked.args[0] == CaseFilter(
        include_closed=True,
        registered_from=NOV_1,
        registered_to=NOV_30,
        type_codes=frozenset({"service_attitude"}),
    )
    # The keyboard: arrows choose a bar, Enter opens it.
    page.type_chart.setFocus()
    qtbot.keyClick(page.type_chart, Qt.Key.Key_Home)
    qtbot.keyClick(page.type_chart, Qt.Key.Key_Down)
    assert page.type_chart.current_index() == 1
    with qtbot.waitSignal(page.cases_requested) as asked:
        qtbot.keyClick(page.type_chart, Qt.Key.Key_Enter)
    assert asked.args[0].type_codes == frozenset({page.type_chart.keys()[1]})


def test_rows_of_the_overdue_and_hot_spot_tables_ask_for_their_cases(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    report = page.report
    assert page.overdue_owner_table.rowCount() == len(report.overdue_by_owner)
    assert page.overdue_department_table.rowCount() == len(report.overdue_by_department)
    departments = [row[0] for row in page.overdue_department_table.row_texts()]
    assert "Customer service" in departments
    row = departments.index("Customer service")
    with qtbot.waitSignal(page.cases_requested) as asked:
        page.overdue_department_table.activated.emit(
            page.overdue_department_table.model().index(row, 0)
        )
    assert asked.args[0] == CaseFilter(
        overdue_only=True, department_codes=frozenset({"customer_service"})
    )
    owners = [row[0] for row in page.overdue_owner_table.row_texts()]
    with qtbot.waitSignal(page.cases_requested) as asked:
        page.overdue_owner_table.activated.emit(
            page.overdue_owner_table.model().index(owners.index("clerk1"), 0)
        )
    assert asked.args[0].overdue_only and len(asked.args[0].owner_ids) == 1

    hot = page.survey_hot_spots_table.row_texts()
    assert ["Response speed", "Survey: needs improvement", "2"] in hot
    assert ["Functional defect", "Top subtype", "3"] in hot
    with qtbot.waitSignal(page.cases_requested) as asked:
        page.survey_hot_spots_table.activated.emit(
            page.survey_hot_spots_table.model().index(
                hot.index(["Functional defect", "Top subtype", "3"]), 0
            )
        )
    assert asked.args[0].type_codes == frozenset({"functional_defect"})


def test_the_main_window_shows_the_tracker_with_the_filter(qtbot, manager, figures, gui_db):
    window = MainWindow(manager, gui_db, offer_drafts=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("reports")
    assert isinstance(page, ReportsPage) and page is window.reports_page
    tracker = window.page("tracker")

    def listed(flt: CaseFilter, count: int) -> bool:
        return tracker.model.filter == flt and tracker.case_count() == count

    with qtbot.waitSignal(page.trend_shown, timeout=WAIT):
        window.show_section("reports")
    qtbot.mouseClick(page.tiles["volume"], Qt.MouseButton.LeftButton)
    assert window.current_section() == "tracker"
    volume = CaseFilter(include_closed=True, registered_from=NOV_1, registered_to=NOV_30)
    assert tracker.current_filter() == volume
    qtbot.waitUntil(lambda: listed(volume, 5), timeout=WAIT)

    window.show_section("reports")
    page.scroll.ensureWidgetVisible(page.type_chart)
    point = page.type_chart.bar_position(page.type_chart.keys().index("product_quality"))
    qtbot.mouseClick(page.type_chart.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.current_section() == "tracker"
    quality = CaseFilter(
        include_closed=True,
        registered_from=NOV_1,
        registered_to=NOV_30,
        type_codes=frozenset({"product_quality"}),
    )
    assert tracker.current_filter() == quality
    qtbot.waitUntil(lambda: listed(quality, 3), timeout=WAIT)
    window.close()


# --- who sees what ----------------------------------------------------------------------------


def test_a_supervisor_sees_only_their_department(qtbot, supervisor, figures):
    page = open_page(qtbot, supervisor)
    choices = [page.department_filter.itemData(i) for i in range(page.department_filter.count())]
    assert choices == ["customer_service"]
    assert page.report.department == "customer_service"
    assert page.tiles["volume"].value() == "3"  # n1, n2, n4
    assert page.set_department("tech") is False
    assert page.set_department(None) is False
    with qtbot.waitSignal(page.cases_requested) as asked:
        qtbot.mouseClick(page.tiles["volume"], Qt.MouseButton.LeftButton)
    assert asked.args[0].department_codes == frozenset({"customer_service"})
    # Supervisors record and change their departments' improvement actions.
    assert page.new_improvement_button.isVisibleTo(page)
    # Were another department offered anyway, the service's refusal is shown.
    page.department_filter.addItem("Technology", "tech")
    with qtbot.waitSignal(page.computation_failed, timeout=WAIT) as failed:
        page.department_filter.setCurrentIndex(page.department_filter.count() - 1)
    assert "own departments" in failed.args[0]
    assert "own departments" in page.message_text()
    assert page.report.department == "customer_service"  # the old figures stay


def test_a_clerk_is_told_the_reports_are_not_for_them(qtbot, clerk):
    page = open_page(qtbot, clerk, wait=False)
    qtbot.waitUntil(lambda: bool(page.message_text()), timeout=WAIT)
    assert "clerk" in page.message_text()
    assert not page.new_improvement_button.isVisibleTo(page)
    assert not page.edit_improvement_button.isVisibleTo(page)
    assert page.ask_new_improvement() is None


# --- improvement actions ----------------------------------------------------------------------


def test_a_manager_creates_and_edits_an_improvement_action(qtbot, manager, figures):
    page = open_page(qtbot, manager)
    assert page.new_improvement_button.isVisible()
    assert not page.edit_improvement_button.isEnabled()
    qtbot.mouseClick(page.new_improvement_button, Qt.MouseButton.LeftButton)
    dialog = page.improvement_dialog
    assert dialog is not None and dialog.isVisible()

    # Required fields are checked in the dialog, which stays open.
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_text("problem") and dialog.error_text("plan")

    dialog.problem.setPlainText("退款慢的投诉多")
    dialog.plan.setPlainText("财务每日两次处理退款")
    dialog.set_department("customer_service")
    dialog.set_deadline(dt.date(2026, 12, 31))
    dialog.set_status("planned")
    dialog.set_type_codes(["process_efficiency", "staff_attitude"])
    with qtbot.waitSignals([page.improvement_saved, page.report_shown], timeout=WAIT):
        dialog.accept()
    (action,) = improvements.list_actions(manager)
    assert (action.problem, action.plan, action.department, action.deadline, action.status) == (
        "退款慢的投诉多",
        "财务每日两次处理退款",
        "customer_service",
        dt.date(2026, 12, 31),
        "planned",
    )
    assert set(action.type_codes) == {"process_efficiency", "staff_attitude"}
    rows = page.improvements_table.row_texts()
    assert rows == [
        [
            "退款慢的投诉多",
            "财务每日两次处理退款",
            "Customer service",
            "2026-12-31",
            "Planned",
            "Staff attitude, Process efficiency",
        ]
    ]

    assert page.select_improvement(action.id)
    assert page.edit_improvement_button.isEnabled()
    qtbot.mouseClick(page.edit_improvement_button, Qt.MouseButton.LeftButton)
    dialog = page.improvement_dialog
    assert dialog.problem.toPlainText() == "退款慢的投诉多"
    assert set(dialog.type_codes()) == {"process_efficiency", "staff_attitude"}
    # A refusal of the service comes back under its field, the dialog open again.
    dialog.plan.setPlainText("x" * (improvements.MAX_TEXT + 1))
    with qtbot.waitSignal(page.tasks.task_finished, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.error_text("plan")), timeout=WAIT)
    assert dialog.isVisible()
    dialog.plan.setPlainText("财务每日三次处理退款")
    dialog.set_status("in_progress")
    with qtbot.waitSignal(page.report_shown, timeout=WAIT):
        dialog.accept()
    info = improvements.get_action(manager, action.id)
    assert (info.plan, info.status) == ("财务每日三次处理退款", "in_progress")
    assert page.improvements_table.row_texts()[0][4] == "In progress"


# --- export -----------------------------------------------------------------------------------


def test_export_is_disabled_saying_why_until_figures_are_shown(qtbot, manager):
    page = ReportsPage(manager, tasks=TaskRunner())
    qtbot.addWidget(page)
    assert page.report is None  # not shown yet: nothing computed
    assert not page.export_button.isEnabled()
    assert "once the figures are shown" in page.export_button.toolTip()
    assert page.export_to("/tmp/never.xlsx") is None


def test_export_writes_the_report_off_the_ui_thread(qtbot, manager, figures, monkeypatch, tmp_path):
    calls = []

    def write_report_workbook(session, report, path, unmasked=False, progress=None):
        calls.append((session.username, report.start, report.end))
        for done in range(1, 4):
            if progress is not None:
                progress(done, 3)
        path.write_bytes(b"PK")
        return path

    monkeypatch.setattr(report_workbook, "write_report_workbook", write_report_workbook)
    page = open_page(qtbot, manager)
    assert page.export_button.isEnabled()
    target = tmp_path / "report.xlsx"
    messages = []
    page.status_message.connect(messages.append)
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        task = page.export_to(target)
        assert task is not None
        assert page.export_progress.isVisible()
        assert not page.export_button.isEnabled()
    assert done.args[0] == str(target)
    assert target.read_bytes() == b"PK"
    assert calls == [("manager1", NOV_1, NOV_30)]
    idle(qtbot, page)
    assert not page.export_progress.isVisible()
    assert page.export_button.isEnabled()
    assert any(str(target) in m for m in messages)
    assert page.default_export_name().endswith("2026-11.xlsx")


def test_export_writes_the_real_workbook_masked_unless_the_manager_asks(
    qtbot, manager, figures, tmp_path, monkeypatch
):
    from openpyxl import load_workbook

    from desktop_app.db.models import AuditLog

    page = open_page(qtbot, manager)
    assert page.export_button.isEnabled()
    assert page.export_unmasked.isVisible() and not page.export_unmasked.isChecked()
    target = tmp_path / "report"
    asked = []

    def save_name(parent, title, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    with qtbot.waitSignal(page.exported, timeout=WAIT) as done:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("Complaint report 2026-11.xlsx")
    assert done.args[0] == str(target) + ".xlsx"
    workbook = load_workbook(done.args[0], read_only=True)
    assert workbook.sheetnames[0] == "汇总"
    workbook.close()
    page.export_unmasked.setChecked(True)
    with qtbot.waitSignal(page.exported, timeout=WAIT):
        page.export_to(tmp_path / "full.xlsx")
    idle(qtbot, page)
    actions = [
        e.action for e in AuditLog.select().order_by(AuditLog.id) if e.action.startswith("export_")
    ]
    assert actions == ["export_report", "export_report", "export_unmasked"]


def test_an_export_can_be_cancelled(qtbot, manager, monkeypatch, tmp_path):
    import threading

    release = threading.Event()

    def write_report_workbook(session, report, path, unmasked=False, progress=None):
        progress(1, 3)
        release.wait(WAIT / 1000)
        if not progress(2, 3):
            return None
        path.write_bytes(b"PK")
        return path

    monkeypatch.setattr(report_workbook, "write_report_workbook", write_report_workbook)
    page = open_page(qtbot, manager)
    messages = []
    page.status_message.connect(messages.append)
    target = tmp_path / "report.xlsx"
    task = page.export_to(target)
    qtbot.waitUntil(lambda: page.export_progress.value() == 1, timeout=WAIT)
    assert page.cancel_export_button.isVisible()
    qtbot.mouseClick(page.cancel_export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished, timeout=WAIT), qtbot.assertNotEmitted(page.exported):
        release.set()
    assert not target.exists()
    assert any("cancelled" in m for m in messages)
    assert not page.cancel_export_button.isVisible()
    assert page.export_button.isEnabled()


def test_no_sql_in_the_reports_ui():
    from pathlib import Path

    folder = Path(export_module.__file__).parent
    files = [*folder.glob("*.py"), folder.parent / "improvement_dialog.py"]
    assert {f.name for f in files} >= {"page.py", "charts.py", "export.py", "trend.py"}
    for path in files:
        name = path.name
        text = path.read_text(encoding="utf-8")
        for needle in (".select(", ".insert(", ".update(", ".delete(", ".execute_sql("):
            assert needle not in text, (name, needle)


def test_tiles_are_reached_with_tab(qtbot, manager):
    page = open_page(qtbot, manager)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.tiles["volume"].setFocus()
    reached = []
    for _ in range(len(page.tiles) - 1):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        reached.append(page.focusWidget().objectName())
    assert reached == expected_tiles_names()[1:]


# --- per-person figures -----------------------------------------------------------------------


def _name_staff(figures) -> None:
    """n2 (staff attitude, customer service) is about clerk2's account; n3 (delivery,
    logistics) about a merchant's courier without an account."""
    from desktop_app.db.models import Complaint, User

    Complaint.update(subject_staff=User.get(username="clerk2")).where(
        Complaint.id == figures["n2"].id
    ).execute()
    Complaint.update(subject_staff_name="赵师傅").where(Complaint.id == figures["n3"].id).execute()


def test_a_manager_sees_everyones_figures(qtbot, manager, figures):
    _name_staff(figures)
    page = open_page(qtbot, manager)
    assert page.findChild(QWidget, "by_owner_table") is page.by_owner_table
    report = kpi.to_json_dict(kpi.kpi_report(manager, NOV_1, NOV_30))
    owners = page.by_owner_table.row_texts()
    # clerk1: n1 n2 n4, n1 and n4 closed today as resolved (553 h and 25 h); clerk2: n3 n5.
    assert [row[:3] for row in owners] == [["clerk1", "3", "2"], ["clerk2", "2", "0"]]
    assert owners[0][3:6] == ["33.3%", "66.7%", "289.0 h"]  # on time: n4 of n1 n2 n4
    assert owners[1][3:6] == ["—", "0.0%", "—"]  # n3 and n5 not due yet, nor closed
    assert owners[0][6] == owners[1][6] == "—"  # the surveys are proactive ones
    for row, (user, f) in zip(owners, report["by_owner"].items(), strict=True):
        assert page.by_owner_table.row_data(owners.index(row)) == user
        assert row[1:] == [
            str(f["cases"]),
            str(f["closed"]),
            rate(f["on_time_rate"]),
            rate(f["resolution_rate"]),
            "—" if f["average_handling_hours"] is None else f"{f['average_handling_hours']:.1f} h",
            rate(f["satisfaction_rate"]),
            str(f["overdue_open"]),
        ]
    assert page.by_subject_staff_table.row_texts() == [
        ["clerk2", "1", "Staff attitude 1"],
        ["赵师傅 (no account)", "1", "Delivery 1"],
    ]
    # A row lists the owner's cases of the period in the tracker.
    with qtbot.waitSignal(page.cases_requested) as asked:
        page.by_owner_table.activated.emit(page.by_owner_table.model().index(0, 0))
    flt = asked.args[0]
    assert (flt.registered_from, flt.registered_to, flt.include_closed) == (NOV_1, NOV_30, True)
    assert len(flt.owner_ids) == 1 and not flt.overdue_only


def test_a_supervisor_sees_their_departments_people(qtbot, supervisor, figures):
    _name_staff(figures)
    page = open_page(qtbot, supervisor)
    assert page.report.department == "customer_service"
    assert [row[:3] for row in page.by_owner_table.row_texts()] == [["clerk1", "3", "2"]]
    assert page.by_subject_staff_table.row_texts() == [["clerk2", "1", "Staff attitude 1"]]
