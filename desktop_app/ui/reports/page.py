"""The reports page (数据汇总, SPEC §8): the KPIs of a period as tiles, charts and tables,
the improvement actions, and the export of the report workbook.

- Period: week, month or quarter containing ``period_date``, or ``period_from`` to
  ``period_to`` (custom); previous/next step a whole period. ``department_filter`` offers
  all departments and each one to managers, only their own departments to supervisors
  (the KPI service refuses anything else; its message is shown).
- Computation runs off the UI thread (``TaskRunner``): first ``kpi.kpi_report`` for the
  period (tiles, by-type and satisfaction charts, tables), then the trend: one
  ``kpi_report`` per week of the period (clipped to it; a quarter is 14 of them), by month
  beyond half a year and by quarter beyond three years, as the workbook's trend sheet
  (``trend.py``). The figures shown stay until the new ones arrive; a result of an older
  request is dropped; a trend still computing for an older request is cancelled between
  weeks.
- Drill-down: a tile (click, Enter, Return or Space; Tab reaches each), a bar of the
  by-type chart (click, or the arrow keys then Enter), a row of the overdue or hot-spot tables
  emits ``cases_requested(CaseFilter)``; the main window shows the tracker with it.
- Improvement actions: the period's actions are listed for everyone who sees the report;
  managers and administrators create and edit them (``ask_new_improvement``,
  ``ask_edit_improvement`` open the dialog with ``open()``, not blocking; accepting it
  saves off the UI thread and recomputes).
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

import datetime as dt
import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import periods
from desktop_app.domain.periods import Period
from desktop_app.domain.vocab import IMPROVEMENT_STATUS
from desktop_app.services import improvements, kpi, reference, users
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.kpi import KpiReport
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.improvement_dialog import ImprovementDialog
from desktop_app.ui.pages import DataPage, page_title
from desktop_app.ui.reports.charts import BarChartView, KpiTile, TrendChartView
from desktop_app.ui.reports.export import ReportExport
from desktop_app.ui.reports.trend import (
    Trend,
    bucket_label,
    compute_trend,
    format_hours,
    format_rate,
)
from desktop_app.ui.resources import icon, set_tone, tone_colour
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

PERIOD_EDIT_DELAY_MS = 400  # typing a date recomputes once the typing stops
IMPROVEMENT_ROLES = ("manager", "admin")
TILES = (
    "volume",
    "handling_time",
    "resolution_rate",
    "on_time_rate",
    "first_response_rate",
    "satisfaction_rate",
    "overdue",
)
DataRole = Qt.ItemDataRole.UserRole


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportTable(QTableWidget):
    """A read-only table of a few rows: whole-row selection, Enter or a double-click
    activates a row."""

    def __init__(self, name: str, headers: list[str], parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)
        self.setMinimumHeight(150)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def fill(
        self, rows: list[list[str]], data: list[object] | None = None, numeric: tuple[int, ...] = ()
    ) -> None:
        self.clearContents()
        self.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in numeric:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if data is not None:
                    item.setData(DataRole, data[r])
                self.setItem(r, c, item)

    def row_texts(self) -> list[list[str]]:
        return [
            [self.item(r, c).text() if self.item(r, c) else "" for c in range(self.columnCount())]
            for r in range(self.rowCount())
        ]

    def row_data(self, row: int):
        item = self.item(row, 0)
        return item.data(DataRole) if item is not None else None


class ReportsPage(DataPage):
    """The KPI dashboard of a period for the signed-in supervisor, manager or
    administrator (see the module documentation)."""

    status_message = Signal(str)
    cases_requested = Signal(object)  # a tracker CaseFilter
    report_shown = Signal(object)  # KpiReport
    trend_shown = Signal(object)  # Trend
    computation_failed = Signal(str)
    improvement_saved = Signal(object)  # ImprovementInfo
    exported = Signal(str)  # the path written

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
        self.improvement_dialog: ImprovementDialog | None = None
        self._save_task: Task | None = None
        self._running = 0
        self._applying = False
        self._type_tree: list = []
        self._departments: list = []
        self._pending_error = ""

        self.can_edit_improvements = session.role in IMPROVEMENT_ROLES
        self._load_reference()
        self._build_period_bar()
        self._build_tiles()
        self._build_charts()
        self._build_tables()
        self._build_layout()
        self.edit_timer = QTimer(self)
        self.edit_timer.setObjectName("period_edit_timer")
        self.edit_timer.setSingleShot(True)
        self.edit_timer.setInterval(PERIOD_EDIT_DELAY_MS)
        self.edit_timer.timeout.connect(self.refresh)
        self._connect_period()
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

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(_qdate(day))
        return edit

    def _build_period_bar(self) -> None:
        today = self.session.now().date()
        self.period_kind = QComboBox()
        self.period_kind.setObjectName("period_kind")
        for code, text in (
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.period_kind.addItem(text, code)
        self.period_kind.setCurrentIndex(self.period_kind.findData("month"))
        self.period_date = self._date_edit("period_date", today)
        self.period_date.setToolTip(self.tr("Any day of the week, month or quarter"))
        month = periods.month_of(today)
        self.period_from = self._date_edit("period_from", month.start)
        self.period_to = self._date_edit("period_to", month.end)
        self.period_to_label = QLabel(self.tr("to"))
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("previous_period_button")
        self.previous_button.setToolTip(self.tr("The previous period (Alt+Left)"))
        self.previous_button.setAccessibleName(self.tr("Previous period"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("next_period_button")
        self.next_button.setToolTip(self.tr("The next period (Alt+Right)"))
        self.next_button.setAccessibleName(self.tr("Next period"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        self.period_label = QLabel()
        self.period_label.setObjectName("period_label")
        self.department_filter = QComboBox()
        self.department_filter.setObjectName("department_filter")
        for text, code in self._department_choices:
            self.department_filter.addItem(text, code)
        if self.session.is_supervisor:
            self.department_filter.setToolTip(
                self.tr("A supervisor sees the figures of their own departments")
            )
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(self.tr("Compute the figures again (F5)"))
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
        self.message = QLabel()
        self.message.setObjectName("reports_message")
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        self.message.hide()

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

    def _build_tables(self) -> None:
        self.overdue_owner_table = ReportTable(
            "overdue_owner_table", [self.tr("Owner"), self.tr("Overdue")]
        )
        self.overdue_department_table = ReportTable(
            "overdue_department_table", [self.tr("Department"), self.tr("Overdue")]
        )
        self.hot_spots_table = ReportTable(
            "hot_spots_table", [self.tr("Hot spot"), self.tr("Source"), self.tr("Count")]
        )
        self.improvements_table = ReportTable(
            "improvements_table",
            [
                self.tr("Problem"),
                self.tr("Plan"),
                self.tr("Department"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Types"),
            ],
        )
        self.improvements_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.overdue_owner_table.activated.connect(
            lambda index: self._overdue_owner_activated(index.row())
        )
        self.overdue_department_table.activated.connect(
            lambda index: self._overdue_department_activated(index.row())
        )
        self.hot_spots_table.activated.connect(lambda index: self._hot_spot_activated(index.row()))
        self.improvements_table.activated.connect(lambda _index: self.ask_edit_improvement())
        self.improvements_table.itemSelectionChanged.connect(self._update_improvement_buttons)
        for table in (self.overdue_owner_table, self.overdue_department_table):
            table.setToolTip(self.tr("Enter or double-click a row to list its overdue cases"))
        self.hot_spots_table.setToolTip(
            self.tr("Enter or double-click a subtype to list its cases of the period")
        )

        self.new_improvement_button = QPushButton(self.tr("&New action…"))
        self.new_improvement_button.setObjectName("new_improvement_button")
        self.new_improvement_button.setIcon(icon("add"))
        self.new_improvement_button.clicked.connect(self.ask_new_improvement)
        self.edit_improvement_button = QPushButton(self.tr("&Edit action…"))
        self.edit_improvement_button.setObjectName("edit_improvement_button")
        self.edit_improvement_button.setIcon(icon("edit"))
        self.edit_improvement_button.clicked.connect(self.ask_edit_improvement)
        self.edit_improvement_button.setEnabled(False)
        for button in (self.new_improvement_button, self.edit_improvement_button):
            button.setVisible(self.can_edit_improvements)

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
        tables.addWidget(titled(self.tr("Ho&t spots"), self.hot_spots_table), 2)

        improvements_box = QGroupBox(self.tr("Improvement actions"))
        improvements_box.setObjectName("improvements_box")
        box_layout = QVBoxLayout(improvements_box)
        box_layout.addWidget(self.improvements_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_improvement_button)
        buttons.addWidget(self.edit_improvement_button)
        box_layout.addLayout(buttons)

        content = QWidget()
        content.setObjectName("reports_content")
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(tiles)
        content_layout.addLayout(charts)
        content_layout.addLayout(tables)
        content_layout.addWidget(improvements_box)
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
        self.period_area = QScrollArea()
        self.period_area.setObjectName("period_area")
        self.period_area.setWidget(bar_widget)
        self.period_area.setWidgetResizable(True)
        self.period_area.setFrameShape(QFrame.Shape.NoFrame)
        self.period_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.period_area.setFixedHeight(
            bar_widget.sizeHint().height()
            + self.period_area.horizontalScrollBar().sizeHint().height()
        )
        self.period_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(page_title(self.tr("Reports")))
        layout.addWidget(self.period_area)
        layout.addLayout(status)
        layout.addWidget(self.scroll, 1)

    def _connect_period(self) -> None:
        self.period_kind.currentIndexChanged.connect(self._kind_changed)
        self.department_filter.currentIndexChanged.connect(lambda _i: self._period_edited())
        for edit in (self.period_date, self.period_from, self.period_to):
            edit.dateChanged.connect(lambda _d: self._period_edited(delay=True))
        self.previous_button.clicked.connect(self.previous_period)
        self.next_button.clicked.connect(self.next_period)
        self.refresh_button.clicked.connect(self.refresh)

    # --- the period ---------------------------------------------------------------------

    def kind(self) -> str:
        return self.period_kind.currentData()

    def current_period(self) -> Period:
        """The period the widgets show (a custom one ending before it starts is turned
        round)."""
        kind = self.kind()
        if kind == "custom":
            start = self.period_from.date().toPython()
            end = self.period_to.date().toPython()
            return periods.custom(min(start, end), max(start, end))
        return periods.period_of(kind, self.period_date.date().toPython())

    def department_code(self) -> str | None:
        return self.department_filter.currentData()

    def set_period(
        self,
        kind: str,
        day: dt.date | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        compute: bool = True,
    ) -> None:
        """Show a period: ``kind`` week/month/quarter with any ``day`` of it, or custom
        from ``start`` to ``end``; then compute it (unless ``compute`` is False)."""
        if kind not in periods.PERIOD_KINDS:
            raise ValueError(f"unknown period kind {kind!r}")
        self._applying = True
        try:
            self.period_kind.setCurrentIndex(self.period_kind.findData(kind))
            if day is not None:
                self.period_date.setDate(_qdate(day))
            if start is not None:
                self.period_from.setDate(_qdate(start))
            if end is not None:
                self.period_to.setDate(_qdate(end))
        finally:
            self._applying = False
        self._period_changed_display()
        self.edit_timer.stop()
        if compute:
            self.refresh()

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

    def _show_period(self, period: Period) -> None:
        """Put ``period`` (of the current kind) in the date widgets without recomputing."""
        self._applying = True
        try:
            if period.kind == "custom":
                self.period_from.setDate(_qdate(period.start))
                self.period_to.setDate(_qdate(period.end))
            else:
                self.period_date.setDate(_qdate(period.start))
        finally:
            self._applying = False

    @staticmethod
    def _next(period: Period) -> Period:
        after = period.end + dt.timedelta(days=1)
        if period.kind in ("week", "month", "quarter"):
            return periods.period_of(period.kind, after)
        return periods.custom(after, period.end + dt.timedelta(days=period.days))

    def previous_period(self) -> None:
        self._show_period(self.current_period().previous())
        self._period_changed_display()
        self.refresh()

    def next_period(self) -> None:
        self._show_period(self._next(self.current_period()))
        self._period_changed_display()
        self.refresh()

    def _kind_changed(self, _index: int) -> None:
        if self._applying:
            return
        if self.kind() == "custom":
            # Custom starts from the days of the period chosen so far.
            self._show_period(periods.custom(self._last_period.start, self._last_period.end))
        elif self._last_period.kind == "custom":
            # From custom: the week, month or quarter of its first day. Between the others
            # the day chosen stays.
            self._show_period(periods.period_of(self.kind(), self._last_period.start))
        self._period_edited()

    def _period_edited(self, *, delay: bool = False) -> None:
        if self._applying:
            return
        self._period_changed_display()
        if delay:
            self.edit_timer.start()
        else:
            self.edit_timer.stop()
            self.refresh()

    def _period_changed_display(self) -> None:
        custom = self.kind() == "custom"
        self.period_date.setVisible(not custom)
        for widget in (self.period_from, self.period_to_label, self.period_to):
            widget.setVisible(custom)
        # A custom period's dates are in its two fields: the bar stays narrow enough to show
        # whole at the window's first-start size.
        self.period_label.setVisible(not custom)
        period = self.current_period()
        self._last_period = period
        self.period_label.setText(self.period_text(period))
        today = self.session.now().date()
        self.next_button.setEnabled(self._next(period).start <= today)

    def period_text(self, period: Period) -> str:
        if period.kind == "custom":
            return f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"
        return f"{period.label()} ({period.start:%m-%d} – {period.end:%m-%d})"

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
        task.succeeded.connect(self._report_done)
        task.failed.connect(self._report_failed)
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
        task.succeeded.connect(self._trend_done)
        task.failed.connect(self._trend_failed)

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
            self.tr("{k} of {n} closed on time").format(k=r.closed_on_time, n=r.closed_cases),
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
        self.hot_spots_table.fill(rows, data, numeric=(2,))

    def _show_improvements(self, r: KpiReport) -> None:
        rows = []
        for action in r.improvement_actions:
            department = action.department_zh if self.language == "zh" else action.department_en
            deadline = f"{action.deadline:%Y-%m-%d}" if action.deadline else ""
            if action.overdue:
                deadline = self.tr("{day} (overdue)").format(day=deadline)
            types = ", ".join(
                self.label("type", code)
                if code in r.labels.get("type", {})
                else self.label("subtype", code)
                for code in action.type_codes
            )
            rows.append(
                [
                    action.problem,
                    action.plan,
                    department,
                    deadline,
                    IMPROVEMENT_STATUS.label(action.status, self.language),
                    types,
                ]
            )
        self.improvements_table.fill(rows, list(r.improvement_actions))
        for row, action in enumerate(r.improvement_actions):
            if action.overdue:
                self.improvements_table.item(row, 3).setForeground(tone_colour("error"))
            for column in (0, 1):
                item = self.improvements_table.item(row, column)
                item.setToolTip(item.text())
        self._update_improvement_buttons()

    # --- drill-down ---------------------------------------------------------------------

    def shown_period(self) -> Period:
        """The period of the figures shown (of the kind picked when it is the one picked),
        else the one picked."""
        picked = self.current_period()
        if self.report is None:
            return picked
        if (picked.start, picked.end) == (self.report.start, self.report.end):
            return picked
        return self.report.period

    def _shown_period_and_department(self) -> tuple[Period, str | None]:
        if self.report is not None:
            return self.shown_period(), self.report.department
        return self.current_period(), self.department_code()

    def case_filter(self, tile: str) -> CaseFilter:
        """The tracker filter behind a tile (its name without ``_tile``): overdue lists the
        open cases overdue now, the others the cases registered in the period (closed ones
        included), of the department shown."""
        period, department = self._shown_period_and_department()
        departments = frozenset({department}) if department else frozenset()
        if tile == "overdue":
            return CaseFilter(overdue_only=True, department_codes=departments)
        return CaseFilter(
            include_closed=True,
            registered_from=period.start,
            registered_to=period.end,
            department_codes=departments,
        )

    def type_filter(self, type_code: str) -> CaseFilter:
        period, department = self._shown_period_and_department()
        return CaseFilter(
            include_closed=True,
            registered_from=period.start,
            registered_to=period.end,
            type_codes=frozenset({type_code}),
            department_codes=frozenset({department}) if department else frozenset(),
        )

    def _tile_activated(self) -> None:
        tile = self.sender()
        if isinstance(tile, KpiTile):
            self.cases_requested.emit(self.case_filter(tile.objectName().removesuffix("_tile")))

    def _type_activated(self, code: str) -> None:
        self.cases_requested.emit(self.type_filter(code))

    def _overdue_owner_activated(self, row: int) -> None:
        username = self.overdue_owner_table.row_data(row)
        if not username:
            return
        try:
            user = users.get_user(self.session, username)
        except ServiceError as exc:
            self.show_message(service_message(exc))
            return
        flt = self.case_filter("overdue")
        self.cases_requested.emit(
            CaseFilter(
                overdue_only=True,
                owner_ids=frozenset({user.id}),
                department_codes=flt.department_codes,
            )
        )

    def _overdue_department_activated(self, row: int) -> None:
        code = self.overdue_department_table.row_data(row)
        if code:
            self.cases_requested.emit(
                CaseFilter(overdue_only=True, department_codes=frozenset({code}))
            )

    def _hot_spot_activated(self, row: int) -> None:
        code = self.hot_spots_table.row_data(row)
        if code:  # a top subtype (survey options have no tracker filter)
            self.cases_requested.emit(self.type_filter(code))

    # --- improvement actions ------------------------------------------------------------

    def selected_improvement(self) -> ImprovementInfo | None:
        rows = self.improvements_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.improvements_table.row_data(rows[0].row())

    def select_improvement(self, action_id: int) -> bool:
        for row in range(self.improvements_table.rowCount()):
            info = self.improvements_table.row_data(row)
            if info is not None and info.id == action_id:
                self.improvements_table.selectRow(row)
                return True
        return False

    def _update_improvement_buttons(self) -> None:
        self.edit_improvement_button.setEnabled(
            self.can_edit_improvements
            and self.selected_improvement() is not None
            and self._save_task is None
        )
        self.new_improvement_button.setEnabled(
            self.can_edit_improvements and self._save_task is None
        )

    def _open_improvement_dialog(self, action: ImprovementInfo | None) -> ImprovementDialog:
        if self.improvement_dialog is not None and shiboken6.isValid(self.improvement_dialog):
            self.improvement_dialog.deleteLater()
        dialog = ImprovementDialog(
            departments=self._departments,
            type_tree=self._type_tree,
            language=self.language,
            today=self.session.now().date(),
            action=action,
            parent=self,
        )
        if action is None and self.department_code():
            dialog.set_department(self.department_code())
        dialog.accepted.connect(self._improvement_accepted)
        self.improvement_dialog = dialog
        dialog.open()
        return dialog

    def ask_new_improvement(self) -> ImprovementDialog | None:
        """Open the dialog for a new action (managers and administrators)."""
        if not self.can_edit_improvements or self._save_task is not None:
            return None
        return self._open_improvement_dialog(None)

    def ask_edit_improvement(self) -> ImprovementDialog | None:
        """Open the dialog for the selected action (managers and administrators)."""
        action = self.selected_improvement()
        if not self.can_edit_improvements or action is None or self._save_task is not None:
            return None
        return self._open_improvement_dialog(action)

    def _improvement_accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ImprovementDialog):
            return
        values = dialog.values()
        if dialog.action_info is None:
            task = self.tasks.submit(
                improvements.create_action, self.session, name="improvement-create", **values
            )
        else:
            task = self.tasks.submit(
                improvements.update_action,
                self.session,
                dialog.action_info.id,
                name="improvement-update",
                **values,
            )
        self._save_task = task
        self._watch(task)
        task.succeeded.connect(self._improvement_done)
        task.failed.connect(self._improvement_failed)
        self._update_improvement_buttons()

    def _improvement_done(self, info: ImprovementInfo) -> None:
        self._save_task = None
        if self.improvement_dialog is not None and shiboken6.isValid(self.improvement_dialog):
            self.improvement_dialog.deleteLater()
        self.improvement_dialog = None
        self._update_improvement_buttons()
        self.status_message.emit(self.tr("The improvement action was saved."))
        self.improvement_saved.emit(info)
        self.refresh()

    def _improvement_failed(self, exc: ServiceError) -> None:
        self._save_task = None
        self._update_improvement_buttons()
        dialog = self.improvement_dialog
        text = service_message(exc)
        if isinstance(exc, ValidationError) and dialog is not None and shiboken6.isValid(dialog):
            dialog.show_error(dialog.field_of(exc.field), text)
            dialog.open()
            return
        self.show_message(self.tr("Not saved: {reason}").format(reason=text))

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
