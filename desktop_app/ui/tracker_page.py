"""The tracker page (template 2, 投诉处理进度跟踪表): saved views with their counts, a filter
bar, and the case table in processing order.

Keyboard: Enter opens the selected case, Ctrl+F goes to the search box, F5 refreshes.
The table refreshes itself every ``AUTO_REFRESH_MS`` while the page is shown, keeping the
selected case and the scroll position. The column layout (order, widths, hidden columns)
and the user's own saved views are remembered per user.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import Any

from PySide6.QtCore import QDate, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_ID, ORG_NAME
from desktop_app.domain.vocab import LEVEL_ROMAN, STAGES
from desktop_app.services import reference, tracker
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter, SavedView
from desktop_app.ui import tracker_model as columns
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.i18n import service_message
from desktop_app.ui.paged_model import RowsView, ViewPlace
from desktop_app.ui.pages import DataPage, page_title
from desktop_app.ui.resources import icon, set_tone
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.tracker_model import TrackerModel

log = logging.getLogger(__name__)

AUTO_REFRESH_MS = 30_000
SEARCH_DELAY_MS = 300
PAGE_SIZE = 100
# The earliest date the range filters offer; showing it means "no limit".
NO_DATE = QDate(2000, 1, 1)
ViewKeyRole = Qt.ItemDataRole.UserRole + 1
USER_VIEW_PREFIX = "user:"
DEFAULT_WIDTHS = (125, 150, 160, 80, 95, 80, 85, 135, 80)


def _settings() -> QSettings:
    """The per-user program settings (the same store as ``main_window.app_settings``)."""
    return QSettings(ORG_NAME, APP_ID)


def filter_to_json(flt: CaseFilter) -> dict[str, Any]:
    """A filter as JSON-ready values (sets as sorted lists, dates as ISO text)."""
    data: dict[str, Any] = {}
    for field in dataclasses.fields(CaseFilter):
        value = getattr(flt, field.name)
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[field.name] = value
    return data


def filter_from_json(data: dict[str, Any]) -> CaseFilter:
    """The filter ``filter_to_json`` wrote; unknown keys are ignored."""
    default = CaseFilter()
    values: dict[str, Any] = {}
    for field in dataclasses.fields(CaseFilter):
        if field.name not in data:
            continue
        value = data[field.name]
        current = getattr(default, field.name)
        if isinstance(current, frozenset):
            value = frozenset(value or ())
        elif field.name in ("registered_from", "registered_to"):
            value = dt.date.fromisoformat(value) if value else None
        elif isinstance(current, bool):
            value = bool(value)
        else:
            value = str(value or "")
        values[field.name] = value
    return CaseFilter(**values)


class TrackerPage(DataPage):
    """Template 2 for the signed-in user.

    ``case_requested(case_id)`` when the user opens a case (Enter, double-click);
    ``status_message(text)`` for the main window's status bar; ``counted(n)`` when the
    number of cases of the current filter is known; ``views_counted()`` when the saved
    views show fresh counts.
    """

    case_requested = Signal(int)
    status_message = Signal(str)
    counted = Signal(int)
    views_counted = Signal()

    def __init__(
        self,
        session: Session,
        *,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        page_size: int = PAGE_SIZE,
        changes: ChangeHub | None = None,
    ):
        super().__init__(
            parent,
            changes=changes,
            kinds=("cases", "settings", "calendar"),
            refresh_ms=AUTO_REFRESH_MS,
            reload_on_show=True,
        )
        self.setObjectName("tracker_page")
        self.session = session
        self.tasks = tasks
        self.language = session.language
        self.model = TrackerModel(session, tasks, self, page_size=page_size)
        self.model.load_failed.connect(self._show_error)
        self.model.loaded.connect(self._rows_loaded)
        self.views: dict[str, SavedView] = {}
        self.view_count: dict[str, int] = {}
        self._loaded = False
        self._applying = False
        self._count: int | None = None
        self._pending_error: str | None = None
        self._select_first = False

        self._build_views()
        self._build_filters()
        self._build_table()
        self._build_layout()
        self._build_shortcuts()
        self._load_views()

        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self._connect_filters()

    # --- construction -------------------------------------------------------------------

    def _build_views(self) -> None:
        self.views_list = QListWidget()
        self.views_list.setObjectName("views_list")
        self.views_list.setMinimumWidth(120)
        self.views_list.currentItemChanged.connect(lambda item, _previous: self._view_chosen(item))
        self.views_list.itemClicked.connect(self._view_chosen)
        self.views_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views_list.customContextMenuRequested.connect(self._views_menu)
        self.save_view_button = QPushButton(self.tr("S&ave view…"))
        self.save_view_button.setObjectName("save_view_button")
        self.save_view_button.setIcon(icon("view_save"))
        self.save_view_button.setToolTip(self.tr("Keep the current filters as a view of your own"))
        self.save_view_button.clicked.connect(self.ask_save_view)
        self.delete_view_button = QPushButton(self.tr("Delete view"))
        self.delete_view_button.setObjectName("delete_view_button")
        self.delete_view_button.setIcon(icon("view_delete"))
        self.delete_view_button.setToolTip(self.tr("Delete the selected view of your own"))
        self.delete_view_button.clicked.connect(self._delete_current_view)
        self.delete_view_button.setEnabled(False)

    def _combo(self, name: str, any_text: str, options) -> QComboBox:
        """A single-choice filter: "any" (no data) and one item per (text, value)."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(any_text, None)
        for text, value in options:
            combo.addItem(text, value)
        return combo

    @staticmethod
    def _combo_values(combo: QComboBox) -> frozenset:
        """The chosen value as a set: empty for "any", a list for "(several)"."""
        data = combo.currentData()
        if data is None:
            return frozenset()
        if isinstance(data, (list, tuple)):
            return frozenset(data)
        return frozenset({data})

    def _build_filters(self) -> None:
        lang = self.language
        self.search_filter = QLineEdit()
        self.search_filter.setObjectName("search_filter")
        self.search_filter.setClearButtonEnabled(True)
        self.search_filter.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_filter.setPlaceholderText(
            self.tr("Number, customer, contact or words of the description (Ctrl+F)")
        )
        self.search_filter.returnPressed.connect(self.apply_filters)

        self.stage_filter = self._combo(
            "stage_filter", self.tr("Any stage"), [(t.label(lang), t.code) for t in STAGES]
        )
        owners: list[tuple[int, str]] = []
        departments = channels = type_tree = []
        try:
            owners = tracker.owners(self.session)
            departments = reference.departments()
            channels = reference.channels()
            type_tree = reference.type_tree()
        except ServiceError as exc:
            self._pending_error = service_message(exc)
        self.owner_filter = self._combo(
            "owner_filter", self.tr("Any owner"), [(name, user_id) for user_id, name in owners]
        )
        self.department_filter = self._combo(
            "department_filter",
            self.tr("Any department"),
            [(t.label(lang), t.code) for t in departments],
        )
        type_options = []
        for category in type_tree:
            type_options.append((category.label(lang), category.code))
            type_options += [("    " + sub.label(lang), sub.code) for sub in category.children]
        self.type_filter = self._combo("type_filter", self.tr("Any type"), type_options)
        self.level_filter = self._combo(
            "level_filter",
            self.tr("Any level"),
            [(LEVEL_ROMAN[level], level) for level in (1, 2, 3)],
        )
        self.channel_filter = self._combo(
            "channel_filter", self.tr("Any channel"), [(t.label(lang), t.code) for t in channels]
        )
        self.urgent_filter = QCheckBox(self.tr("Urgent onl&y"))
        self.urgent_filter.setObjectName("urgent_filter")
        self.overdue_filter = QCheckBox(self.tr("Overd&ue only"))
        self.overdue_filter.setObjectName("overdue_filter")
        self.include_closed_filter = QCheckBox(self.tr("&Include closed"))
        self.include_closed_filter.setObjectName("include_closed_filter")
        self.mine_filter = QCheckBox(self.tr("&Mine only"))
        self.mine_filter.setObjectName("mine_filter")
        self.mine_filter.setToolTip(self.tr("Only the cases you own"))
        self.approval_filter = QCheckBox(self.tr("Awaiting a&pproval"))
        self.approval_filter.setObjectName("approval_filter")
        self.approval_filter.setToolTip(
            self.tr("Only cases waiting for a supervisor's approval of the solution")
        )
        self.follow_up_filter = QCheckBox(self.tr("&Follow-ups"))
        self.follow_up_filter.setObjectName("follow_up_filter")
        self.follow_up_filter.setToolTip(
            self.tr("Only cases whose unhappy customer awaits a follow-up")
        )
        self.registered_from_filter = self._date_edit("registered_from_filter")
        self.registered_to_filter = self._date_edit("registered_to_filter")
        self.clear_filters_button = QPushButton(self.tr("Cl&ear filters"))
        self.clear_filters_button.setObjectName("clear_filters_button")
        self.clear_filters_button.setIcon(icon("clear_filter"))
        self.clear_filters_button.clicked.connect(self.clear_filters)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    def _build_table(self) -> None:
        self.table = RowsView()
        self.table.setObjectName("cases_table")
        self.table.setModel(self.model)
        # The selected case and the rows in view stay where they are across loads.
        self.place = ViewPlace(self.table, self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.row_entered.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        header = self.table.horizontalHeader()
        header.setObjectName("cases_header")
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSortIndicatorClearable(True)
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(column, width)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._restore_header()
        # No indicator: the processing order of SPEC §4; clicking a header sorts by it and
        # the third click comes back here.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sectionMoved.connect(self.save_header)
        header.sectionResized.connect(self.save_header)

        self.status_line = QLabel()
        self.status_line.setObjectName("status_line")
        self.message = QLabel()
        self.message.setObjectName("tracker_message")
        self.message.setWordWrap(True)
        set_tone(self.message, "error")
        self.message.hide()

    def _build_layout(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)

        def add(row: int, pair: int, text: str, widget: QWidget, span: int = 1) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 2 * pair)
            grid.addWidget(widget, row, 2 * pair + 1, 1, span)

        add(0, 0, self.tr("Search:"), self.search_filter, 5)
        add(1, 0, self.tr("&Stage:"), self.stage_filter)
        add(1, 1, self.tr("&Owner:"), self.owner_filter)
        add(1, 2, self.tr("&Department:"), self.department_filter)
        add(2, 0, self.tr("&Type:"), self.type_filter)
        add(2, 1, self.tr("Leve&l:"), self.level_filter)
        add(2, 2, self.tr("&Channel:"), self.channel_filter)
        add(3, 0, self.tr("&Registered from:"), self.registered_from_filter)
        add(3, 1, self.tr("to:"), self.registered_to_filter)
        checks = QHBoxLayout()
        for box in (
            self.urgent_filter,
            self.overdue_filter,
            self.mine_filter,
            self.approval_filter,
            self.follow_up_filter,
            self.include_closed_filter,
        ):
            checks.addWidget(box)
        checks.addStretch(1)
        checks.addWidget(self.clear_filters_button)
        grid.addLayout(checks, 4, 0, 1, 6)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        for combo in (
            self.stage_filter,
            self.owner_filter,
            self.department_filter,
            self.type_filter,
            self.level_filter,
            self.channel_filter,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        # The filters scroll sideways in a narrow window instead of widening it.
        filters = QWidget()
        filters.setObjectName("filter_bar")
        filters.setLayout(grid)
        self.filter_area = QScrollArea()
        self.filter_area.setObjectName("filter_area")
        self.filter_area.setWidget(filters)
        self.filter_area.setWidgetResizable(True)
        self.filter_area.setFrameShape(QFrame.Shape.NoFrame)
        self.filter_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.filter_area.setFixedHeight(
            filters.sizeHint().height() + self.filter_area.horizontalScrollBar().sizeHint().height()
        )
        self.filter_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        status = QHBoxLayout()
        status.addWidget(self.status_line)
        status.addWidget(self.message, 1)
        self._status_row = status

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.filter_area)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(status)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        views_label = QLabel(self.tr("Vie&ws"))
        views_label.setBuddy(self.views_list)
        left_layout.addWidget(views_label)
        left_layout.addWidget(self.views_list, 1)
        left_layout.addWidget(self.save_view_button)
        left_layout.addWidget(self.delete_view_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("tracker_splitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 900])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(page_title(self.tr("Tracker")))
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.search_filter, self.table)

    def _build_shortcuts(self) -> None:
        self.find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self.find_shortcut.activated.connect(self.focus_search)

    def _connect_filters(self) -> None:
        self.search_filter.textChanged.connect(lambda _text: self._filters_edited(delay=True))
        for combo in (
            self.stage_filter,
            self.owner_filter,
            self.department_filter,
            self.type_filter,
            self.level_filter,
            self.channel_filter,
        ):
            combo.currentIndexChanged.connect(lambda _index: self._filters_edited())
        for box in (
            self.urgent_filter,
            self.overdue_filter,
            self.include_closed_filter,
            self.mine_filter,
            self.approval_filter,
            self.follow_up_filter,
        ):
            box.toggled.connect(lambda _checked: self._filters_edited())
        for edit in (self.registered_from_filter, self.registered_to_filter):
            edit.dateChanged.connect(lambda _date: self._filters_edited(delay=True))

    # --- filters ------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        """The filter the widgets show."""
        stages = self._combo_values(self.stage_filter)

        def date_of(edit: QDateEdit) -> dt.date | None:
            day = edit.date()
            if day <= NO_DATE:
                return None
            return dt.date(day.year(), day.month(), day.day())

        return CaseFilter(
            include_closed=self.include_closed_filter.isChecked() or "closed" in stages,
            stages=stages,
            owner_ids=self._combo_values(self.owner_filter),
            department_codes=self._combo_values(self.department_filter),
            type_codes=self._combo_values(self.type_filter),
            levels=self._combo_values(self.level_filter),
            urgent_only=self.urgent_filter.isChecked(),
            channel_codes=self._combo_values(self.channel_filter),
            registered_from=date_of(self.registered_from_filter),
            registered_to=date_of(self.registered_to_filter),
            overdue_only=self.overdue_filter.isChecked(),
            mine=self.mine_filter.isChecked(),
            awaiting_approval=self.approval_filter.isChecked(),
            follow_up_open=self.follow_up_filter.isChecked(),
            text=self.search_filter.text().strip(),
        )

    def set_filter(self, flt: CaseFilter, *, apply: bool = True) -> None:
        """Show ``flt`` in the widgets (and load it unless ``apply`` is False)."""
        self._applying = True
        try:
            self.search_filter.setText(flt.text)
            self._set_combo(self.stage_filter, flt.stages)
            self._set_combo(self.owner_filter, flt.owner_ids)
            self._set_combo(self.department_filter, flt.department_codes)
            self._set_combo(self.type_filter, flt.type_codes)
            self._set_combo(self.level_filter, flt.levels)
            self._set_combo(self.channel_filter, flt.channel_codes)
            self.urgent_filter.setChecked(flt.urgent_only)
            self.overdue_filter.setChecked(flt.overdue_only)
            self.include_closed_filter.setChecked(flt.include_closed)
            self.mine_filter.setChecked(flt.mine)
            self.approval_filter.setChecked(flt.awaiting_approval)
            self.follow_up_filter.setChecked(flt.follow_up_open)
            for edit, day in (
                (self.registered_from_filter, flt.registered_from),
                (self.registered_to_filter, flt.registered_to),
            ):
                edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        finally:
            self._applying = False
        self.search_timer.stop()
        if apply:
            self.apply_filters()

    def _set_combo(self, combo: QComboBox, values: frozenset) -> None:
        if not values:
            combo.setCurrentIndex(0)
            return
        if len(values) == 1:
            index = combo.findData(next(iter(values)))
            if index > 0:
                combo.setCurrentIndex(index)
                return
        # Several values (or one no longer offered): shown as one extra choice.
        text = self.tr("(several)") if len(values) > 1 else self.tr("(other)")
        combo.addItem(text, sorted(values))
        combo.setCurrentIndex(combo.count() - 1)

    def _filters_edited(self, *, delay: bool = False) -> None:
        if self._applying:
            return
        if delay:
            self.search_timer.start()
        else:
            self.search_timer.stop()
            self.apply_filters()

    def clear_filters(self) -> None:
        """Every filter back to "any": the open cases."""
        self.set_filter(CaseFilter())
        self.search_filter.setFocus()

    def apply_filters(self) -> Task:
        """Load the first page of the current filter off the UI thread (keeping the sort
        and, when still listed, the selected case); a refusal is shown."""
        self.search_timer.stop()
        flt = self.current_filter()
        task = self.model.set_query(flt, self.model.sort_key, self.model.descending)
        self._loaded = True
        self._mark_view(flt)
        return task

    def reload(self) -> Task:
        """Load the current filter now (the first show does it by itself)."""
        return self.apply_filters()

    def _rows_loaded(self) -> None:
        """A query or a refresh arrived: the count, and the first case the first time."""
        self._clear_error()
        self._update_count()
        if self._select_first:
            self._select_first = False
            if self.model.rowCount():
                self.table.selectRow(0)

    # --- counts -------------------------------------------------------------------------

    def _update_count(self) -> None:
        """After a new query: the number of cases, known at once when every row is
        loaded, else counted off the UI thread (the newest query's count wins)."""
        if self.model.all_loaded():
            # Known: a count still running for an earlier query is of no use any more.
            self.tasks.forget((self, "count"))
            self._set_count(self.model.rowCount())
            return
        self._count = None
        self.status_line.setText(
            self.tr("{shown}+ cases (counting…)").format(shown=self.model.rowCount())
        )
        task = self.tasks.submit(
            tracker.count_cases,
            self.session,
            self.model.filter,
            name="tracker-count",
            key=(self, "count"),
        )
        # Bound methods (no lambdas): Qt drops the connection if the page goes first.
        task.succeeded.connect(self._set_count)
        task.failed.connect(self._show_error)

    def _set_count(self, count: int) -> None:
        count = int(count)
        self._count = count
        text = self.tr("1 case") if count == 1 else self.tr("{count} cases").format(count=count)
        self.status_line.setText(text)
        self.counted.emit(count)

    def case_count(self) -> int | None:
        """The number of cases of the current filter, once known."""
        return self._count

    def _load_views(self) -> None:
        try:
            standard = tracker.standard_views(self.session)
        except ServiceError as exc:
            standard = []
            self._show_error(exc)
        self.views = {view.key: view for view in standard}
        for view in self.user_views():
            self.views[view.key] = view
        self._fill_views_list()

    def _fill_views_list(self) -> None:
        current = self.current_view_key()
        self.views_list.blockSignals(True)
        self.views_list.clear()
        for key, view in self.views.items():
            item = QListWidgetItem(self._view_text(view))
            item.setData(ViewKeyRole, key)
            item.setToolTip(view.label(self.language))
            self.views_list.addItem(item)
        self.views_list.blockSignals(False)
        if current is not None:
            self._select_view_item(current)

    def _view_text(self, view: SavedView) -> str:
        label = view.label(self.language)
        count = self.view_count.get(view.key)
        return label if count is None else f"{label} ({count})"

    def count_views(self) -> Task | None:
        """Count every view off the UI thread (the newest count wins)."""
        if not self.views:
            return None
        task = self.tasks.submit(
            tracker.view_counts,
            self.session,
            list(self.views.values()),
            name="tracker-view-counts",
            key=(self, "view-counts"),
        )
        task.succeeded.connect(self._views_counted)
        task.failed.connect(self._show_error)
        return task

    def _views_counted(self, counts: dict) -> None:
        self.view_count = dict(counts)
        for row in range(self.views_list.count()):
            item = self.views_list.item(row)
            view = self.views.get(item.data(ViewKeyRole))
            if view is not None:
                item.setText(self._view_text(view))
        self.views_counted.emit()

    # --- views --------------------------------------------------------------------------

    def current_view_key(self) -> str | None:
        item = self.views_list.currentItem()
        if item is None or not item.isSelected():
            return None
        return item.data(ViewKeyRole)

    def view_item(self, key: str) -> QListWidgetItem | None:
        for row in range(self.views_list.count()):
            item = self.views_list.item(row)
            if item.data(ViewKeyRole) == key:
                return item
        return None

    def _select_view_item(self, key: str | None) -> None:
        self.views_list.blockSignals(True)
        try:
            item = self.view_item(key) if key is not None else None
            if item is None:
                self.views_list.clearSelection()
                self.views_list.setCurrentItem(None)
            else:
                self.views_list.setCurrentItem(item)
                item.setSelected(True)
        finally:
            self.views_list.blockSignals(False)
        self.delete_view_button.setEnabled(
            key is not None and key.startswith(USER_VIEW_PREFIX) and item is not None
        )

    def _mark_view(self, flt: CaseFilter) -> None:
        """Highlight the view showing exactly ``flt`` (the chosen one first), else none."""
        current = self.current_view_key()
        if current in self.views and self.views[current].filter == flt:
            self._select_view_item(current)
            return
        match = next((key for key, view in self.views.items() if view.filter == flt), None)
        self._select_view_item(match)

    def _view_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        key = item.data(ViewKeyRole)
        self.delete_view_button.setEnabled(key.startswith(USER_VIEW_PREFIX))
        view = self.views.get(key)
        if view is None or (self._loaded and view.filter == self.current_filter()):
            return
        self.set_filter(view.filter)
        self._select_view_item(key)

    def apply_view(self, key: str) -> bool:
        """Show the saved view ``key``; False when there is no such view."""
        view = self.views.get(key)
        if view is None:
            return False
        self.set_filter(view.filter)
        self._select_view_item(key)
        return True

    def _views_key(self) -> str:
        return f"tracker/{self.session.username}/views"

    def user_views(self) -> list[SavedView]:
        """The views this user saved on this computer, by name."""
        raw = _settings().value(self._views_key(), "")
        try:
            stored = json.loads(raw) if raw else []
            return [
                SavedView(
                    USER_VIEW_PREFIX + entry["name"],
                    entry["name"],
                    entry["name"],
                    filter_from_json(entry["filter"]),
                )
                for entry in stored
            ]
        except (ValueError, TypeError, KeyError) as exc:
            log.warning(
                "ignoring unreadable saved tracker views of %s: %s", self.session.username, exc
            )
            return []

    def _store_user_views(self, views: list[SavedView]) -> None:
        settings = _settings()
        settings.setValue(
            self._views_key(),
            json.dumps(
                [{"name": view.en, "filter": filter_to_json(view.filter)} for view in views],
                ensure_ascii=False,
            ),
        )
        settings.sync()

    def save_view(self, name: str) -> SavedView | None:
        """Keep the current filter as the user's view ``name`` (replacing one so named)."""
        name = name.strip()
        if not name:
            return None
        view = SavedView(USER_VIEW_PREFIX + name, name, name, self.current_filter())
        views = [v for v in self.user_views() if v.key != view.key] + [view]
        self._store_user_views(views)
        self.views.pop(view.key, None)
        self.views[view.key] = view
        self._fill_views_list()
        self._select_view_item(view.key)
        self.count_views()
        self.status_message.emit(self.tr("View “{name}” saved").format(name=name))
        return view

    def ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"))
        if ok and name.strip():
            self.save_view(name)

    def delete_view(self, key: str) -> bool:
        """Delete the user's own view ``key``; standard views stay."""
        if not key.startswith(USER_VIEW_PREFIX) or key not in self.views:
            return False
        self._store_user_views([v for v in self.user_views() if v.key != key])
        del self.views[key]
        self.view_count.pop(key, None)
        self._fill_views_list()
        self._mark_view(self.current_filter())
        return True

    def _delete_current_view(self) -> None:
        key = self.current_view_key()
        if key is None or not key.startswith(USER_VIEW_PREFIX):
            return
        name = self.views[key].en
        answer = QMessageBox.question(
            self, self.tr("Delete view"), self.tr("Delete the view “{name}”?").format(name=name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_view(key)

    def _views_menu(self, pos: QPoint) -> None:
        item = self.views_list.itemAt(pos)
        if item is None or not item.data(ViewKeyRole).startswith(USER_VIEW_PREFIX):
            return
        self.views_list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("Delete view"), self._delete_current_view)
        menu.exec(self.views_list.viewport().mapToGlobal(pos))

    # --- table --------------------------------------------------------------------------

    def selected_case_id(self) -> int | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows:
            return None
        return self.model.case_id(rows[0].row())

    def select_case(self, case_id: int) -> bool:
        """Select the row of ``case_id`` when it is loaded."""
        return self.place.select_key(case_id)

    def open_row(self, row: int) -> None:
        case_id = self.model.case_id(row)
        if case_id is not None:
            self.case_requested.emit(case_id)

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.case_requested.emit(case_id)

    def focus_search(self) -> None:
        self.search_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_filter.selectAll()

    def add_status_action(self, action: QAction) -> QToolButton:
        """A button for ``action`` at the end of the line under the table."""
        button = QToolButton()
        button.setObjectName(f"{action.objectName().removesuffix('_action')}_button")
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._status_row.addWidget(button)
        return button

    def refresh(self) -> Task | None:
        """Re-read the loaded rows off the UI thread (keeping the selected case and the
        scroll position), the count and the views' counts. F5, the auto-refresh timer, a
        change of cases and showing the page come here; the first time it loads the
        current filter."""
        if not self._loaded:
            return self._first_load()
        self.count_views()
        return self.model.refresh()

    # --- column layout ------------------------------------------------------------------

    def _header_key(self) -> str:
        return f"tracker/{self.session.username}/header"

    def save_header(self, *_args) -> None:
        settings = _settings()
        settings.setValue(self._header_key(), self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = _settings().value(self._header_key())
        if state is not None:
            header = self.table.horizontalHeader()
            if not header.restoreState(state):
                log.info("stored tracker column layout of %s ignored", self.session.username)
            if header.hiddenSectionCount() >= header.count():
                header.showSection(columns.NUMBER)

    def set_column_hidden(self, column: int, hidden: bool) -> None:
        """Hide or show a column (the number column always stays) and remember it."""
        header = self.table.horizontalHeader()
        if column == columns.NUMBER and hidden:
            return
        header.setSectionHidden(column, hidden)
        self.save_header()

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.showSection(column)
            header.moveSection(header.visualIndex(column), column)
            header.resizeSection(column, width)
        self.save_header()

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.header_menu()
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def header_menu(self) -> QMenu:
        """The header's context menu: a check per column, processing order, reset."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columns_menu")
        titles = self.model.column_titles()
        for column, title in enumerate(titles):
            action = QAction(title, menu)
            action.setObjectName(f"column_{columns.COLUMN_NAMES[column]}_action")
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != columns.NUMBER)
            action.toggled.connect(
                lambda checked, column=column: self.set_column_hidden(column, not checked)
            )
            menu.addAction(action)
        menu.addSeparator()
        processing = menu.addAction(self.tr("Processing order (urgent, level, deadline)"))
        processing.setObjectName("processing_order_action")
        processing.triggered.connect(self.sort_by_processing)
        reset = menu.addAction(self.tr("Reset columns"))
        reset.setObjectName("reset_columns_action")
        reset.triggered.connect(self.reset_columns)
        return menu

    def sort_by_processing(self) -> None:
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    # --- messages -----------------------------------------------------------------------

    def _show_error(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.message.setText(text)
        self.message.show()
        self.status_message.emit(text)

    def _clear_error(self) -> None:
        self.message.clear()
        self.message.hide()

    # --- showing ------------------------------------------------------------------------

    def _first_load(self) -> Task:
        """The current filter, the views' counts, and the first case selected."""
        self._select_first = True
        task = self.apply_filters()
        self.count_views()
        return task

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)  # (re)loads: see DataPage
        if self._pending_error:
            self.message.setText(self._pending_error)
            self.message.show()
            self._pending_error = None
