"""The reports page (数据汇总, docs/rules.md#kpis): the KPIs of a period as tiles, charts and tables,
the improvement actions, and the export of the report workbook.

- Period (``period.PeriodChoice``): week, month or quarter containing ``period_date``, or
  ``period_from`` to ``period_to`` (custom); previous/next step a whole period.
  ``department_filter`` offers all departments and each one to managers, only their own
  departments to supervisors (the KPI service refuses anything else; its message is shown).
- Computation runs off the UI thread (``TaskRunner``): first ``kpi.kpi_report`` for the
  period (tiles, by-type and satisfaction charts, tables), then the trend: one
  ``kpi_report`` per week of the period (clipped to it; a quarter is 14 of them), by month
  beyond half a year and by quarter beyond three years, as the workbook's trend sheet
  (``trend.py``). The figures shown stay until the new ones arrive; a result of an older
  request is dropped; a trend still computing for an older request is cancelled between
  weeks.
- Per-person figures (docs/rules.md#kpis, seeds 000 §七 and 001): ``by_owner_table`` (per
  owner: cases, closed, on-time, resolution and satisfaction rates, average handling time,
  overdue now) and ``by_subject_staff_table`` (per staff member complained about:
  complaints and their subtypes), as the KPI service returns them — everyone for managers,
  the chosen department's cases for supervisors.
- Drill-down (``drill.DrillDown``): a tile (click, Enter, Return or Space; Tab reaches
  each), a bar of the by-type chart (click, or the arrow keys then Enter), a row of the
  overdue, per-owner or hot-spot tables emits ``cases_requested(CaseFilter)``; the main
  window shows the tracker with it.
- Improvement actions (``improvements.ImprovementActions``): the period's actions are
  listed for everyone who sees the report; managers and administrators create and edit
  them (``ask_new_improvement``, ``ask_edit_improvement`` open the dialog with ``open()``,
  not blocking; accepting it saves off the UI thread and recomputes).
- Export (``export.ReportExport``): ``export_button`` writes the report workbook of the
  figures shown (``services.report_workbook.write_report_workbook``) off the UI thread
  with a progress bar and ``cancel_export_button``; the button is disabled, saying why,
  until figures are shown. Contacts in it are masked unless a manager ticks
  ``export_unmasked`` (the service audits that). ``export_to(path)`` is the button's path
  without the file dialog.

Keyboard: F5 recomputes. Signals: ``report_shown(KpiReport)``, ``trend_shown(Trend)``,
``computation_failed(str)``, ``improvement_saved(ImprovementInfo)``, ``exported(str)``,
``status_message(str)`` for the status bar.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import kpi, reference, users
from desktop_app.services.errors import ServiceError
from desktop_app.services.kpi import KpiReport
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import message_label, push_button
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.pages import DataPage, page_title, sideways_scroll
from desktop_app.ui.reports.charts import BarChartView, KpiTile, ParetoChartView, TrendChartView
from desktop_app.ui.reports.drill import DrillDown
from desktop_app.ui.reports.export import ReportExport
from desktop_app.ui.reports.improvements import ImprovementActions
from desktop_app.ui.reports.period import PeriodChoice
from desktop_app.ui.reports.table import ReportTable
from desktop_app.ui.reports.trend import (
    Trend,
    bucket_label,
    compute_trend,
    format_hours,
    format_rate,
)
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

TILES = (
    "volume",
    "handling_time",
    "resolution_rate",
    "on_time_rate",
    "first_response_rate",
    "satisfaction_rate",
    "overdue",
)


class ReportsPage(PeriodChoice, DrillDown, ImprovementActions, DataPage):
    """The KPI dashboard of a period for the signed-in supervisor, manager or
    administrator (see the module documentation)."""

    status_message = Signal(str)
    cases_requested = Signal(object)  # a tracker CaseFilter
    report_shown = Signal(object)  # KpiReport
    trend_shown = Signal(object)  # Trend
    computation_failed = Signal(str)
    improvement_saved = Signal(object)  # ImprovementInfo
    exported = Signal(str)  # the path written

    scroll: QScrollArea  # type: ignore[assignment]  # hides QWidget.scroll() on the page
    _department_choices: list[tuple[str, str | None]]  # (text, code); None: all

    def __init__(
        self,
        session: Session,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        changes: ChangeHub | None = None,
    ):
        super().__init__(
            parent, changes=changes, kinds=("cases", "surveys", "settings", "calendar")
        )
        self.setObjectName("reports_page")
        self.session = session
        self.tasks = tasks
        self.language = ui_language()
        self.report: KpiReport | None = None
        self.trend: Trend | None = None
        self._running = 0
        self._applying = False
        self._type_tree: list = []
        self._departments: list = []
        self._pending_error = ""

        self._load_reference()
        self._build_period_bar()
        self._build_tiles()
        self._build_charts()
        self._build_tables()
        self._build_layout()
        self._connect_period()
        self.department_filter.currentIndexChanged.connect(lambda _i: self._period_edited())
        self.refresh_button.clicked.connect(self.refresh)
        self._period_changed_display()

    # --- construction -------------------------------------------------------------------

    def _load_reference(self) -> None:
        """Departments offered by the filter, and the type tree of the improvement dialog."""
        try:
            self._departments = reference.departments()
            self._type_tree = reference.type_tree()
            if self.session.is_supervisor:
                own = set(users.get_user(self.session, self.session.username).departments)
                self._department_choices = [
                    (t.label(self.language), t.code) for t in self._departments if t.code in own
                ]
            else:
                self._department_choices = [(self.tr("All departments"), None)] + [
                    (t.label(self.language), t.code) for t in self._departments
                ]
        except ServiceError as exc:
            self._department_choices = [(self.tr("All departments"), None)]
            self._pending_error = service_message(exc)

    def _build_period_bar(self) -> None:
        self._build_period_choice()
        self.department_filter = QComboBox()
        self.department_filter.setObjectName("department_filter")
        for text, code in self._department_choices:
            self.department_filter.addItem(text, code)
        if self.session.is_supervisor:
            self.department_filter.setToolTip(
                self.tr("A supervisor sees the figures of their own departments")
            )
        self.refresh_button = push_button(
            self.tr("&Refresh"),
            "refresh_button",
            icon_name="refresh",
            tip=self.tr("Compute the figures again (F5)"),
        )
        self.export = ReportExport(self.session, self.tasks, self)
        self.export.exported.connect(self.exported)
        self.export.status_message.connect(self.status_message)
        self.export.problem.connect(self.show_message)
        self.export_button = self.export.export_button
        self.export_unmasked = self.export.export_unmasked
        self.cancel_export_button = self.export.cancel_export_button
        self.export_progress = self.export.export_progress
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setObjectName("busy_indicator")
        self.busy_indicator.setRange(0, 0)
        self.busy_indicator.setMaximumWidth(120)
        self.busy_indicator.setTextVisible(False)
        self.busy_indicator.hide()
        self.status_line = QLabel()
        self.status_line.setObjectName("reports_status")
        self.status_line.setWordWrap(True)
        self.message = message_label("reports_message")

    def _build_tiles(self) -> None:
        captions = {
            "volume": self.tr("Complaints registered"),
            "handling_time": self.tr("Average handling time"),
            "resolution_rate": self.tr("Resolution rate"),
            "on_time_rate": self.tr("On-time rate"),
            "first_response_rate": self.tr("First response on time"),
            "satisfaction_rate": self.tr("Satisfaction rate"),
            "overdue": self.tr("Overdue now"),
        }
        hints = {
            "overdue": self.tr(
                "Open cases past a deadline now. Click or press Enter to list them in the tracker."
            ),
            "volume": self.tr(
                "Complaints registered in the period. Click or press Enter "
                "to list them in the tracker."
            ),
        }
        default_hint = self.tr(
            "Click or press Enter to list the cases registered in the period in the tracker."
        )
        self.tiles: dict[str, KpiTile] = {}
        for name in TILES:
            tile = KpiTile(f"{name}_tile", captions[name])
            tile.setToolTip(hints.get(name, default_hint))
            tile.activated.connect(self._tile_activated)
            self.tiles[name] = tile

    def _build_charts(self) -> None:
        self.type_chart = BarChartView(
            "type_chart", self.tr("Complaints by type"), clickable=True, horizontal=True
        )
        self.type_chart.setToolTip(
            self.tr(
                "Click a bar (or choose one with the arrow keys "
                "and press Enter) to list those cases"
            )
        )
        self.type_chart.bar_activated.connect(self._type_activated)
        self.volume_trend_chart = TrendChartView(
            "volume_trend_chart", self.tr("Complaints by week")
        )
        self.on_time_trend_chart = TrendChartView(
            "on_time_trend_chart", self.tr("On-time rate by week (%)"), percent=True
        )
        self.satisfaction_chart = BarChartView(
            "satisfaction_chart", self.tr("Satisfaction by question (mean, 1–5)"), value_format="%d"
        )
        self.cause_pareto_chart = ParetoChartView(
            "cause_pareto_chart", self.tr("Root causes (Pareto)")
        )
        self.cause_pareto_chart.setToolTip(
            self.tr(
                "Cases of the period per recorded root cause, most first; the line is the "
                "cumulative share"
            )
        )

    def _build_tables(self) -> None:
        self.overdue_owner_table = ReportTable(
            "overdue_owner_table", [self.tr("Owner"), self.tr("Overdue")]
        )
        self.overdue_department_table = ReportTable(
            "overdue_department_table", [self.tr("Department"), self.tr("Overdue")]
        )
        self.survey_hot_spots_table = ReportTable(
            "survey_hot_spots_table", [self.tr("Hot spot"), self.tr("Source"), self.tr("Count")]
        )
        self.hot_spots_table = ReportTable(
            "hot_spots_table",
            [
                self.tr("Product or subtype × cause"),
                self.tr("Cases"),
                self.tr("Share"),
                self.tr("Previous period"),
                self.tr("Change (points)"),
            ],
        )
        self.hot_spots_table.setToolTip(
            self.tr(
                "The product (or subtype) and root cause pairs with the most complaints of "
                "the period, against the previous period of the same length. Enter or "
                "double-click a row to list its cases"
            )
        )
        self.hot_spots_table.activated.connect(
            lambda index: self._cause_hot_spot_activated(index.row())
        )
        self.by_owner_table = ReportTable(
            "by_owner_table",
            [
                self.tr("Owner"),
                self.tr("Cases"),
                self.tr("Closed"),
                self.tr("On time"),
                self.tr("Resolved"),
                self.tr("Avg. handling"),
                self.tr("Satisfied"),
                self.tr("Overdue"),
            ],
        )
        self.by_owner_table.setToolTip(
            self.tr(
                "Cases registered in the period by their owner now; closed and average "
                "handling time over the cases closed in the period; overdue now. Enter or "
                "double-click a row to list the owner's cases of the period"
            )
        )
        self.by_owner_table.activated.connect(lambda index: self._by_owner_activated(index.row()))
        self.by_subject_staff_table = ReportTable(
            "by_subject_staff_table",
            [self.tr("Staff member"), self.tr("Complaints"), self.tr("Subtypes")],
        )
        self.by_subject_staff_table.setToolTip(
            self.tr("Complaints registered in the period about each staff member")
        )
        self.improvements_box = self._build_improvements()
        self.overdue_owner_table.activated.connect(
            lambda index: self._overdue_owner_activated(index.row())
        )
        self.overdue_department_table.activated.connect(
            lambda index: self._overdue_department_activated(index.row())
        )
        self.survey_hot_spots_table.activated.connect(
            lambda index: self._hot_spot_activated(index.row())
        )
        for table in (self.overdue_owner_table, self.overdue_department_table):
            table.setToolTip(self.tr("Enter or double-click a row to list its overdue cases"))
        self.survey_hot_spots_table.setToolTip(
            self.tr("Enter or double-click a subtype to list its cases of the period")
        )

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_kind)
        bar.addWidget(period_label)
        bar.addWidget(self.period_kind)
        bar.addWidget(self.period_date)
        bar.addWidget(self.period_from)
        bar.addWidget(self.period_to_label)
        bar.addWidget(self.period_to)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addSpacing(12)
        department_label = QLabel(self.tr("&Department:"))
        department_label.setBuddy(self.department_filter)
        bar.addWidget(department_label)
        bar.addWidget(self.department_filter)
        bar.addStretch(1)
        bar.addWidget(self.busy_indicator)
        bar.addWidget(self.refresh_button)
        for widget in self.export.widgets():
            bar.addWidget(widget)

        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        charts = QGridLayout()
        charts.addWidget(self.type_chart, 0, 0)
        charts.addWidget(self.satisfaction_chart, 0, 1)
        charts.addWidget(self.volume_trend_chart, 1, 0)
        charts.addWidget(self.on_time_trend_chart, 1, 1)

        def titled(text: str, table: QTableWidget) -> QWidget:
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(text)
            label.setBuddy(table)
            box_layout.addWidget(label)
            box_layout.addWidget(table, 1)
            return box

        tables = QHBoxLayout()
        tables.addWidget(titled(self.tr("Overdue by &owner"), self.overdue_owner_table))
        tables.addWidget(titled(self.tr("Overdue by dep&artment"), self.overdue_department_table))
        tables.addWidget(titled(self.tr("Ho&t spots"), self.survey_hot_spots_table), 2)
        analysis = QHBoxLayout()
        analysis.addWidget(self.cause_pareto_chart, 2)
        hot_spots_box = titled(self.tr("Where complaints come &from"), self.hot_spots_table)
        hot_spots_layout = hot_spots_box.layout()
        if hot_spots_layout is not None:
            hot_spots_layout.addWidget(self.hot_spot_action_button)
        analysis.addWidget(hot_spots_box, 3)

        content = QWidget()
        content.setObjectName("reports_content")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(tiles)
        content_layout.addLayout(charts)
        content_layout.addLayout(tables)
        content_layout.addLayout(analysis)
        people = QHBoxLayout()
        people.addWidget(titled(self.tr("Figures by o&wner"), self.by_owner_table), 3)
        people.addWidget(titled(self.tr("Complaints about &staff"), self.by_subject_staff_table), 2)
        content_layout.addLayout(people)
        content_layout.addWidget(self.improvements_box)
        content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reports_scroll")
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        status = QHBoxLayout()
        status.addWidget(self.status_line)
        status.addWidget(self.message, 1)

        # The picker scrolls sideways in a narrow window instead of widening it.
        bar_widget = QWidget()
        bar_widget.setObjectName("period_bar")
        bar.setContentsMargins(0, 0, 0, 0)
        bar_widget.setLayout(bar)
        self.period_area = sideways_scroll(bar_widget, "period_area")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(page_title(self.tr("Reports")))
        layout.addWidget(self.period_area)
        layout.addLayout(status)
        layout.addWidget(self.scroll, 1)

    # --- the department -----------------------------------------------------------------

    def department_code(self) -> str | None:
        return self.department_filter.currentData()

    def set_department(self, code: str | None, *, compute: bool = True) -> bool:
        """Choose the department filter (None: all); False when it is not offered."""
        index = self.department_filter.findData(code)
        if index < 0:
            return False
        self._applying = True
        try:
            self.department_filter.setCurrentIndex(index)
        finally:
            self._applying = False
        if compute:
            self.refresh()
        return True

    # --- computing ----------------------------------------------------------------------

    def busy(self) -> bool:
        return self._running > 0

    def refresh(self) -> Task | None:
        """Compute the report of the period shown (F5, the refresh button, any change of
        the period or department); the figures shown stay until the new ones arrive."""
        self.edit_timer.stop()
        period = self.current_period()
        department = self.department_code()
        # The report and then its trend share a key: a newer request drops both (a trend
        # still computing is cancelled between weeks).
        task = self.tasks.submit(
            kpi.kpi_report,
            self.session,
            period.start,
            period.end,
            department_code=department,
            name="kpi-report",
            key=(self, "figures"),
        )
        self._watch(task)
        task.on(succeeded=self._report_done, failed=self._report_failed)
        self.status_line.setText(
            self.tr("Computing {period}…").format(period=self.period_text(period))
        )
        return task

    def _watch(self, task: Task) -> None:
        self._running += 1
        self.busy_indicator.show()
        task.finished.connect(self._task_finished)

    def _task_finished(self) -> None:
        self._running = max(0, self._running - 1)
        if not self._running:
            self.busy_indicator.hide()

    def _report_done(self, report: KpiReport) -> None:
        self.show_report(report)
        task = self.tasks.submit(
            compute_trend,
            self.session,
            report.start,
            report.end,
            report.department,
            with_progress=True,
            name="kpi-trend",
            key=(self, "figures"),
        )
        self._watch(task)
        task.on(succeeded=self._trend_done, failed=self._trend_failed)

    def _report_failed(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.show_message(text)
        self.status_line.setText(self.tr("Not computed."))
        self.computation_failed.emit(text)

    def _trend_done(self, trend: Trend | None) -> None:
        if trend is not None:  # None: cancelled
            self.show_trend(trend)

    def _trend_failed(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.show_message(text)
        self.computation_failed.emit(text)

    # --- showing the figures ------------------------------------------------------------

    def label(self, dimension: str, code: str) -> str:
        """The display label of a code of the shown report, in the UI language."""
        pair = self.report.labels.get(dimension, {}).get(code) if self.report is not None else None
        if pair is None:
            return code
        return pair[0] if self.language == "zh" else pair[1]

    def show_report(self, report: KpiReport) -> None:
        self.report = report
        self.clear_message()
        self._show_tiles(report)
        self._show_charts(report)
        self._show_tables(report)
        self._show_improvements(report)
        department = (
            self.label("department", report.department)
            if report.department
            else self.tr("all departments")
        )
        self.status_line.setText(
            self.tr("{period}, {department}; overdue as of {now}").format(
                period=self.period_text(self.shown_period()),
                department=department,
                now=f"{report.as_of:%Y-%m-%d %H:%M}",
            )
        )
        self.export.show_report(report, self.shown_period())
        self.report_shown.emit(report)

    def _show_tiles(self, r: KpiReport) -> None:
        self.tiles["volume"].set_value(
            str(r.volume), self.tr("{n} urgent").format(n=r.urgent_cases)
        )
        self.tiles["handling_time"].set_value(
            format_hours(r.average_handling_hours),
            self.tr("over {n} closed in the period").format(n=r.closed_cases),
        )
        self.tiles["resolution_rate"].set_value(
            format_rate(r.resolution_rate),
            self.tr("{k} of {n} resolved").format(k=r.resolved_cases, n=r.volume),
        )
        self.tiles["on_time_rate"].set_value(
            format_rate(r.on_time_rate),
            self.tr("{k} of {n} due closed on time").format(k=r.closed_on_time, n=r.on_time_cases),
        )
        self.tiles["first_response_rate"].set_value(
            format_rate(r.first_response_on_time_rate),
            self.tr("{k} of {n} answered on time").format(
                k=r.first_response_on_time, n=r.first_response_cases
            ),
        )
        self.tiles["satisfaction_rate"].set_value(
            format_rate(r.satisfaction_rate),
            self.tr("{n} surveys, overall 4 or 5").format(n=r.surveys),
        )
        self.tiles["overdue"].set_value(str(r.overdue_open), self.tr("open cases, now"))

    def _show_charts(self, r: KpiReport) -> None:
        self.type_chart.set_bars(
            [(code, self.label("type", code), n) for code, n in r.by_type.items()],
            set_label=self.tr("Complaints"),
        )
        questions = {
            "timeliness": self.tr("Timeliness"),
            "effectiveness": self.tr("Effectiveness"),
            "attitude": self.tr("Attitude"),
            "overall": self.tr("Overall"),
        }
        self.satisfaction_chart.set_bars(
            [(name, questions.get(name, name), r.satisfaction.get(name)) for name in kpi.SCORES],
            set_label=self.tr("Mean score"),
            maximum=5.0,
        )
        if not r.surveys:
            self.satisfaction_chart.chart().setTitle(
                self.tr("Satisfaction by question: no surveys in the period")
            )
        else:
            self.satisfaction_chart.chart().setTitle(
                self.tr("Satisfaction by question (mean of {n} surveys, 1–5)").format(n=r.surveys)
            )

    def show_trend(self, trend: Trend) -> None:
        self.trend = trend
        labels = [bucket_label(p.period) for p in trend.points]
        by = {"week": self.tr("week"), "month": self.tr("month"), "quarter": self.tr("quarter")}[
            trend.kind
        ]
        self.volume_trend_chart.chart().setTitle(
            self.tr("Complaints by {bucket}").format(bucket=by)
        )
        self.volume_trend_chart.set_points(
            labels, [p.volume for p in trend.points], series_label=self.tr("Complaints")
        )
        self.on_time_trend_chart.chart().setTitle(
            self.tr("On-time rate by {bucket} (%)").format(bucket=by)
        )
        self.on_time_trend_chart.set_points(
            labels,
            [
                None if p.on_time_rate is None else round(p.on_time_rate * 100, 1)
                for p in trend.points
            ],
            series_label=self.tr("On-time rate"),
        )
        self.trend_shown.emit(trend)

    def _show_tables(self, r: KpiReport) -> None:
        self.overdue_owner_table.fill(
            [[r.owner_names.get(user, user), str(n)] for user, n in r.overdue_by_owner.items()],
            list(r.overdue_by_owner),
            numeric=(1,),
        )
        self.overdue_department_table.fill(
            [
                [self.label("department", code), str(n)]
                for code, n in r.overdue_by_department.items()
            ],
            list(r.overdue_by_department),
            numeric=(1,),
        )
        rows: list[list[str]] = []
        data: list[object] = []
        survey = self.tr("Survey: needs improvement")
        for code, n in r.improvement_hot_spots.items():
            rows.append([self.label("improvement_hot_spots", code), survey, str(n)])
            data.append(None)
        top = self.tr("Top subtype")
        for code, n in r.top_subtypes:
            rows.append([self.label("subtype", code), top, str(n)])
            data.append(code)
        self.survey_hot_spots_table.fill(rows, data, numeric=(2,))
        self._show_analysis(r)
        self._show_people(r)

    def hot_spot_text(self, spot, *, first: bool = True) -> str:
        """ "产品 X 占 30%，主要原因 配件/包装": the product's (subtype's) share of the
        period and the cause; ``first`` is False for a further cause of the same item."""
        cause = self.label("cause", spot.cause)
        share = format_rate(spot.item_share)
        if spot.product:
            if first:
                text = self.tr("Product {item}: {share} of complaints, main cause {cause}")
            else:
                text = self.tr("Product {item}: {share} of complaints, also {cause}")
            item = spot.product
        else:
            if first:
                text = self.tr("Subtype {item}: {share} of complaints, main cause {cause}")
            else:
                text = self.tr("Subtype {item}: {share} of complaints, also {cause}")
            item = self.label("subtype", spot.subtype or "")
        return text.format(item=item, share=share, cause=cause)

    def _show_analysis(self, r: KpiReport) -> None:
        """The Pareto chart of root causes and the product × cause hot spots
        (docs/rules.md#analysis-by-product-and-cause)."""
        self.cause_pareto_chart.set_counts(
            [
                (code, self.label("cause", code), n)
                for code, n in r.by_cause.items()
                if code != "none"
            ],
            set_label=self.tr("Cases"),
            line_label=self.tr("Cumulative share"),
        )
        rows: list[list[str]] = []
        seen: set[tuple[str | None, str | None]] = set()
        for spot in r.hot_spots:
            item = (spot.product, spot.subtype)
            change = "—" if spot.change is None else f"{spot.change * 100:+.1f}"
            rows.append(
                [
                    self.hot_spot_text(spot, first=item not in seen),
                    str(spot.count),
                    format_rate(spot.share),
                    f"{spot.previous_count} ({format_rate(spot.previous_share)})",
                    change,
                ]
            )
            seen.add(item)
        self.hot_spots_table.fill(rows, list(r.hot_spots), numeric=(1, 2, 3, 4))

    def _show_people(self, r: KpiReport) -> None:
        owners = [
            [
                r.owner_names.get(user, user),
                str(f.cases),
                str(f.closed),
                format_rate(f.on_time_rate),
                format_rate(f.resolution_rate),
                format_hours(f.average_handling_hours),
                format_rate(f.satisfaction_rate),
                str(f.overdue_open),
            ]
            for user, f in r.by_owner.items()
        ]
        self.by_owner_table.fill(owners, list(r.by_owner), numeric=tuple(range(1, 8)))
        staff = []
        for key, s in r.by_subject_staff.items():
            if not s.has_account:
                name = self.tr("{name} (no account)").format(name=s.display_name)
            elif s.display_name and s.display_name != key:
                name = f"{s.display_name} ({key})"
            else:
                name = key
            subtypes = ("、" if self.language == "zh" else ", ").join(
                f"{self.label('subtype', c)} {n}" for c, n in s.by_subtype.items()
            )
            staff.append([name, str(s.complaints), subtypes])
        self.by_subject_staff_table.fill(staff, list(r.by_subject_staff), numeric=(1,))

    # --- export (export.ReportExport) ------------------------------------------------------

    def default_export_name(self) -> str:
        return self.export.default_export_name()

    def ask_export(self) -> Task | None:
        return self.export.ask_export()

    def export_to(self, path: str | Path, *, unmasked: bool | None = None) -> Task | None:
        """Write the report shown to ``path`` off the UI thread (see ``ReportExport``)."""
        return self.export.export_to(path, unmasked=unmasked)

    def cancel_export(self) -> None:
        self.export.cancel_export()

    # --- messages and showing -----------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self.status_message.emit(text)

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def message_text(self) -> str:
        return self.message.text() if not self.message.isHidden() else ""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._pending_error:
            self.show_message(self._pending_error)
            self._pending_error = ""
