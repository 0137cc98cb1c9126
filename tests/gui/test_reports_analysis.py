"""The reports page's analysis by product and cause (docs/rules.md#analysis-by-product-and-cause):
the Pareto chart of root causes and the hot-spot table, from hand-built cases of November
2026 (the default period; the clock stands at 2026-11-25) and of the 31 days before it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import QLocale

from desktop_app.db.models import CauseCategory
from desktop_app.services import tracker
from desktop_app.ui.reports import ReportsPage
from desktop_app.ui.tasks import TaskRunner
from tests.helpers.cases import make_case

WAIT = 15_000


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def _case(day: dt.date, cause: str | None = None, **fields) -> None:
    root = CauseCategory.get(code=cause) if cause else None
    make_case(at=dt.datetime.combine(day, dt.time(10)), owner="clerk1", root_cause=root, **fields)


@pytest.fixture
def analysed(clerk, manager):
    """November: 10 cases — the watch 4× parts/packaging and 1× production quality, 3
    delivery cases without a product of cause logistics, 2 without a cause. October
    (1–31): 5 cases — the watch 1× parts/packaging, 4 without a cause."""
    nov = dt.date(2026, 11, 3)
    for _ in range(4):
        _case(nov, "parts_packaging", product="智能手表X1")
    _case(nov, "production_quality", product="智能手表X1")
    for _ in range(3):
        _case(nov, "logistics", subtype="delivery")
    for _ in range(2):
        _case(nov)
    _case(dt.date(2026, 10, 5), "parts_packaging", product="智能手表X1")
    for _ in range(4):
        _case(dt.date(2026, 10, 6))


def open_page(qtbot, session) -> ReportsPage:
    page = ReportsPage(session, tasks=TaskRunner())
    qtbot.addWidget(page, before_close_func=lambda p: p.tasks.shutdown())
    page.resize(1400, 1000)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT):
        page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=WAIT)
    return page


def test_pareto_of_causes_and_the_worded_hot_spots(qtbot, manager, analysed):
    page = open_page(qtbot, manager)
    pareto = page.cause_pareto_chart
    # Most first; causes without cases left out; cumulative 4/8, 7/8, 8/8.
    keys = pareto.keys()
    assert keys == ["parts_packaging", "logistics", "production_quality"]
    assert pareto.categories() == [page.label("cause", code) for code in keys]
    assert pareto.values() == [4.0, 3.0, 1.0]
    assert pareto.cumulative() == [50.0, 87.5, 100.0]
    series = pareto.chart().series()
    assert any(isinstance(s, QBarSeries) for s in series)
    line = next(s for s in series if isinstance(s, QLineSeries))
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 50.0), (1, 87.5), (2, 100.0)]

    rows = page.hot_spots_table.row_texts()
    cause = page.label("cause", "parts_packaging")
    # The watch: 5 of 10 cases (50%); its main cause 4 of 10 (40%) against 1 of 5 (20%).
    assert rows[0] == [
        f"Product 智能手表X1: 50.0% of complaints, main cause {cause}",
        "4",
        "40.0%",
        "1 (20.0%)",
        "+20.0",
    ]
    delivery = page.label("subtype", "delivery")
    logistics = page.label("cause", "logistics")
    assert rows[1] == [
        f"Subtype {delivery}: 30.0% of complaints, main cause {logistics}",
        "3",
        "30.0%",
        "0 (0.0%)",
        "+30.0",
    ]
    quality = page.label("cause", "production_quality")
    assert rows[2][0] == f"Product 智能手表X1: 50.0% of complaints, also {quality}"
    assert rows[2][1:] == ["1", "10.0%", "0 (0.0%)", "+10.0"]
    assert len(rows) == 3

    # A row lists its cases in the tracker: the hot spot's count.
    for row, expected in ((0, 4), (1, 3), (2, 1)):
        with qtbot.waitSignal(page.cases_requested) as asked:
            page.hot_spots_table.activated.emit(page.hot_spots_table.model().index(row, 0))
        assert tracker.count_cases(manager, asked.args[0]) == expected


def test_the_chinese_wording(qtbot, manager, analysed):
    page = open_page(qtbot, manager)
    spot = page.report.hot_spots[0]
    page.language = "zh"
    page.tr = lambda text: {  # the catalogue's wording (filled by the lead)
        "Product {item}: {share} of complaints, main cause {cause}": "产品 {item} 占 {share}，主要原因 {cause}"
    }.get(text, text)
    assert page.hot_spot_text(spot) == "产品 智能手表X1 占 50.0%，主要原因 配件/包装"


def test_the_tracker_filters_by_product_merchant_and_cause(qtbot, manager, analysed):
    from desktop_app.services.tracker import CaseFilter
    from desktop_app.ui.tracker import TrackerPage

    tasks = TaskRunner()
    page = TrackerPage(manager, tasks=tasks)
    qtbot.addWidget(page, before_close_func=lambda p: tasks.wait_for_done())
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.model.busy(), timeout=WAIT)
    assert page.case_count() == 15  # every case is open

    page.product_filter.setText("手表")
    qtbot.waitUntil(lambda: page.model.filter.product == "手表", timeout=WAIT)
    qtbot.waitUntil(lambda: not page.model.busy() and page.case_count() == 6, timeout=WAIT)
    page.cause_filter.setCurrentIndex(page.cause_filter.findData("parts_packaging"))
    qtbot.waitUntil(lambda: not page.model.busy() and page.case_count() == 5, timeout=WAIT)
    page.product_filter.clear()
    page.cause_filter.setCurrentIndex(page.cause_filter.findData("none"))
    qtbot.waitUntil(lambda: not page.model.busy() and page.case_count() == 6, timeout=WAIT)
    assert page.current_filter().cause_codes == frozenset({"none"})

    # A report's hot spot: the exact product, shown in the product field.
    page.set_filter(
        CaseFilter(products=frozenset({"智能手表X1"}), cause_codes=frozenset({"parts_packaging"}))
    )
    qtbot.waitUntil(lambda: not page.model.busy() and page.case_count() == 5, timeout=WAIT)
    assert page.product_filter.text() == "智能手表X1"
    assert page.current_filter().products == frozenset({"智能手表X1"})
    page.merchant_filter.setText("没有这个商户")
    qtbot.waitUntil(lambda: not page.model.busy() and page.case_count() == 0, timeout=WAIT)
    assert page.current_filter().products == frozenset({"智能手表X1"})  # merchant kept it


def test_a_hot_spot_opens_a_new_improvement_action_about_it(qtbot, manager, analysed):
    """docs/rules.md#improvement-actions: the product (or subtype) of the selected hot spot
    linked, the problem worded from it."""
    page = open_page(qtbot, manager)
    button = page.hot_spot_action_button
    assert button.isVisible() and not button.isEnabled()
    page.hot_spots_table.selectRow(0)  # the watch
    assert button.isEnabled()
    button.click()
    dialog = page.improvement_dialog
    assert dialog.products.text() == "智能手表X1"
    assert dialog.type_codes() == []
    assert dialog.problem.toPlainText().startswith("Product 智能手表X1: 50.0% of complaints")
    dialog.reject()
    page.hot_spots_table.selectRow(1)  # delivery, no product
    dialog = page.ask_hot_spot_improvement()
    assert dialog is not None
    assert dialog.type_codes() == ["delivery"] and dialog.products.text() == ""
    dialog.plan.setPlainText("更换承运商")
    dialog.set_department("logistics")
    with qtbot.waitSignal(page.improvement_saved, timeout=WAIT) as saved:
        dialog.accept()
    assert saved.args[0].type_codes == ("delivery",)
