"""The saved views of the tracker page: the standard views of ``services.tracker`` and the
user's own (kept per user on this computer), each with its number of cases.

``TrackerViews`` is a mixin of ``page.TrackerPage``: the views list and its buttons
(``_build_views``, ``_views_panel``), counting the views off the UI thread
(``count_views``), choosing one (``apply_view``), saving and deleting the user's own
(``save_view``, ``delete_view``). ``filter_to_json``/``filter_from_json`` store a filter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_ID, ORG_NAME
from desktop_app.services import tracker
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter, SavedView
from desktop_app.ui.forms import push_button
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

ViewKeyRole = Qt.ItemDataRole.UserRole + 1
USER_VIEW_PREFIX = "user:"


def user_settings() -> QSettings:
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


if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What TrackerViews uses of the class it is mixed into (for the type checker)."""

        # TrackerPage, TrackerFilters

        def _show_error(self, exc: ServiceError) -> None: ...
        def current_filter(self) -> CaseFilter: ...
        def set_filter(self, flt: CaseFilter, *, apply: bool = True) -> None: ...

    _Base = _Host
else:
    _Base = object


class TrackerViews(_Base):
    """Mixin of ``TrackerPage``: the saved views (see the module documentation). The page
    sets ``session``, ``tasks``, ``language``, ``views``, ``view_count`` and ``_loaded``,
    and provides ``current_filter``, ``set_filter``, ``_show_error``, ``status_message``
    and ``views_counted``."""

    session: Session
    tasks: TaskRunner
    language: str
    views: dict[str, SavedView]
    view_count: dict[str, int]
    status_message: Signal
    views_counted: Signal
    _loaded: bool

    def _build_views(self) -> None:
        self.views_list = QListWidget()
        self.views_list.setObjectName("views_list")
        self.views_list.setMinimumWidth(120)
        self.views_list.currentItemChanged.connect(lambda item, _previous: self._view_chosen(item))
        self.views_list.itemClicked.connect(self._view_chosen)
        self.views_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.views_list.customContextMenuRequested.connect(self._views_menu)
        self.save_view_button = push_button(
            self.tr("S&ave view…"),
            "save_view_button",
            icon_name="view_save",
            slot=self.ask_save_view,
            tip=self.tr("Keep the current filters as a view of your own"),
        )
        self.delete_view_button = push_button(
            self.tr("Delete view"),
            "delete_view_button",
            icon_name="view_delete",
            slot=self._delete_current_view,
            tip=self.tr("Delete the selected view of your own"),
        )
        self.delete_view_button.setEnabled(False)

    def _views_panel(self) -> QWidget:
        """The views list under its label, with the save and delete buttons."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        views_label = QLabel(self.tr("Vie&ws"))
        views_label.setBuddy(self.views_list)
        left_layout.addWidget(views_label)
        left_layout.addWidget(self.views_list, 1)
        left_layout.addWidget(self.save_view_button)
        left_layout.addWidget(self.delete_view_button)
        return left

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
        task.on(succeeded=self._views_counted, failed=self._show_error)
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
        raw = user_settings().value(self._views_key(), "")
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
        settings = user_settings()
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
