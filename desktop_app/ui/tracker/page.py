"""The tracker page (template 2, 投诉处理进度跟踪表): saved views with their counts, a filter
bar, and the case table in processing order.

``TrackerPage`` lays the page out and holds the case table (loading, counting, opening a
case, the column layout); the filter bar is ``filters.TrackerFilters``, the saved views
``views.TrackerViews``.

Keyboard: Enter opens the selected case, Ctrl+F goes to the search box, F5 refreshes.
The table reloads when another PC changes a case (a remote change) and, as a fallback, every
``AUTO_REFRESH_MS`` while the page is shown, keeping the
selected case and the scroll position. The column layout (order, widths, hidden columns)
and the user's own saved views are remembered per user.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import tracker
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.tracker import SavedView
from desktop_app.ui import tracker_model as columns
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import message_label
from desktop_app.ui.i18n import service_message
from desktop_app.ui.paged_model import RowsView, ViewPlace
from desktop_app.ui.pages import DataPage, page_title, splitter
from desktop_app.ui.row_models import read_only_rows
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.tracker.filters import TrackerFilters
from desktop_app.ui.tracker.views import TrackerViews, user_settings
from desktop_app.ui.tracker_model import TrackerModel

log = logging.getLogger(__name__)

AUTO_REFRESH_MS = (
    300_000  # a fallback: changes arrive within seconds (docs/rules.md#changes-reach-every-pc)
)
PAGE_SIZE = 100
DEFAULT_WIDTHS = (125, 150, 160, 80, 95, 80, 85, 135, 80)


class TrackerPage(TrackerFilters, TrackerViews, DataPage):
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
        self._connect_filters()

    # --- construction -------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = RowsView()
        self.table.setObjectName("cases_table")
        self.table.setModel(self.model)
        # The selected case and the rows in view stay where they are across loads.
        self.place = ViewPlace(self.table, self.model)
        read_only_rows(self.table, wrap=False)
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
        # No indicator: the processing order of docs/rules.md#processing-order; clicking a header
        # sorts by it and the third click comes back here.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sectionMoved.connect(self.save_header)
        header.sectionResized.connect(self.save_header)

        self.status_line = QLabel()
        self.status_line.setObjectName("status_line")
        self.message = message_label("tracker_message")

    def _build_layout(self) -> None:
        self._build_filter_area()

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

        left = self._views_panel()

        split = splitter("tracker_splitter", (left, 0), (right, 1))
        split.setSizes([160, 900])
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(page_title(self.tr("Tracker")))
        layout.addWidget(split, 1)
        self.setTabOrder(self.search_filter, self.table)

    def _build_shortcuts(self) -> None:
        self.find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self.find_shortcut.activated.connect(self.focus_search)

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
        task.on(succeeded=self._set_count, failed=self._show_error)

    def _set_count(self, count: int) -> None:
        count = int(count)
        self._count = count
        text = self.tr("1 case") if count == 1 else self.tr("{count} cases").format(count=count)
        self.status_line.setText(text)
        self.counted.emit(count)

    def case_count(self) -> int | None:
        """The number of cases of the current filter, once known."""
        return self._count

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
        settings = user_settings()
        settings.setValue(self._header_key(), self.table.horizontalHeader().saveState())

    def _restore_header(self) -> None:
        state = user_settings().value(self._header_key())
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
