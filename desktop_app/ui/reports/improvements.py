"""The improvement actions of the reports page (docs/rules.md#improvement-actions): the actions of
the period shown, listed for everyone who sees the report; managers and administrators create and
edit them.

``ImprovementActions`` is a mixin of ``page.ReportsPage``: the table and its buttons
(``_build_improvements``), filling the table from the report (``_show_improvements``),
and the dialog (``ask_new_improvement``, ``ask_edit_improvement`` open it with
``open()``, not blocking; accepting it saves off the UI thread and recomputes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QVBoxLayout

from desktop_app.domain.vocab import IMPROVEMENT_STATUS
from desktop_app.services import improvements
from desktop_app.services.errors import ServiceError
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.kpi import KpiReport
from desktop_app.services.session import Session
from desktop_app.ui.forms import push_button
from desktop_app.ui.i18n import service_message
from desktop_app.ui.improvement_dialog import (
    IMPROVEMENT_ROLES,
    ImprovementDialog,
    open_dialog,
    show_refusal,
    submit_save,
)
from desktop_app.ui.reports.table import ReportTable
from desktop_app.ui.resources import tone_colour
from desktop_app.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What ImprovementActions uses of the class it is mixed into (for the type checker)."""

        # ReportsPage

        def label(self, dimension: str, code: str) -> str: ...
        def hot_spot_text(self, spot, *, first: bool = True) -> str: ...
        def department_code(self) -> str | None: ...
        def show_message(self, text: str) -> None: ...
        def _watch(self, task: Task) -> None: ...

    _Base = _Host
else:
    _Base = object


class ImprovementActions(_Base):
    """Mixin of ``ReportsPage``: the improvement actions (see the module documentation).

    The page sets ``session``, ``tasks``, ``language`` and the reference data
    (``_departments``, ``_type_tree``) before it calls ``_build_improvements``; it provides
    ``label``, ``department_code``, ``refresh``, ``show_message``, ``_watch`` (the busy
    indicator), ``status_message`` and ``improvement_saved``."""

    session: Session
    tasks: TaskRunner
    language: str
    _departments: list
    _type_tree: list
    hot_spots_table: ReportTable
    status_message: Signal
    improvement_saved: Signal

    def _build_improvements(self) -> QGroupBox:
        """The table of the period's actions and, for managers and administrators, the
        buttons that create and edit them; in their group box."""
        self.improvement_dialog: ImprovementDialog | None = None
        self._save_task: Task | None = None
        self.can_edit_improvements = self.session.role in IMPROVEMENT_ROLES
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
        self.improvements_table.activated.connect(lambda _index: self.ask_edit_improvement())
        self.improvements_table.itemSelectionChanged.connect(self._update_improvement_buttons)

        self.new_improvement_button = push_button(
            self.tr("&New action…"),
            "new_improvement_button",
            icon_name="add",
            slot=self.ask_new_improvement,
        )
        self.edit_improvement_button = push_button(
            self.tr("&Edit action…"),
            "edit_improvement_button",
            icon_name="edit",
            slot=self.ask_edit_improvement,
        )
        self.edit_improvement_button.setEnabled(False)
        # From a product (or subtype) × cause hot spot, its product or subtype linked.
        self.hot_spot_action_button = push_button(
            self.tr("New improvement action from the hot spot…"),
            "hot_spot_action_button",
            icon_name="add",
            tip=self.tr(
                "A new improvement action about the selected hot spot's product or subtype"
            ),
            slot=self.ask_hot_spot_improvement,
        )
        self.hot_spot_action_button.setVisible(self.can_edit_improvements)
        self.hot_spot_action_button.setEnabled(False)
        self.hot_spots_table.itemSelectionChanged.connect(self._update_improvement_buttons)
        for button in (self.new_improvement_button, self.edit_improvement_button):
            button.setVisible(self.can_edit_improvements)
        improvements_box = QGroupBox(self.tr("Improvement actions"))
        improvements_box.setObjectName("improvements_box")
        box_layout = QVBoxLayout(improvements_box)
        box_layout.addWidget(self.improvements_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_improvement_button)
        buttons.addWidget(self.edit_improvement_button)
        box_layout.addLayout(buttons)
        return improvements_box

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
        self.hot_spot_action_button.setEnabled(
            self.can_edit_improvements
            and self._save_task is None
            and self.selected_hot_spot() is not None
        )

    def _open_improvement_dialog(self, action: ImprovementInfo | None) -> ImprovementDialog:
        dialog = self.improvement_dialog = open_dialog(
            self.improvement_dialog,
            action,
            departments=self._departments,
            type_tree=self._type_tree,
            language=self.language,
            session=self.session,
            tasks=self.tasks,
            editable=self.can_edit_improvements,
            parent=self,
            accepted=self._improvement_accepted,
        )
        if action is None and (code := self.department_code()):
            dialog.set_department(code)
        return dialog

    def ask_new_improvement(self) -> ImprovementDialog | None:
        """Open the dialog for a new action (managers and administrators)."""
        if not self.can_edit_improvements or self._save_task is not None:
            return None
        return self._open_improvement_dialog(None)

    def selected_hot_spot(self):
        rows = self.hot_spots_table.selectionModel().selectedRows()
        return self.hot_spots_table.row_data(rows[0].row()) if rows else None

    def ask_hot_spot_improvement(self) -> ImprovementDialog | None:
        """Open the dialog for a new action about the selected hot spot: its product (or,
        without one, its subtype) linked and the problem worded from the hot spot."""
        spot = self.selected_hot_spot()
        if not self.can_edit_improvements or spot is None or self._save_task is not None:
            return None
        dialog = self._open_improvement_dialog(None)
        if spot.product:
            dialog.set_products([spot.product])
        elif spot.subtype:
            dialog.set_type_codes([spot.subtype])
        dialog.problem.setPlainText(self.hot_spot_text(spot))
        return dialog

    def open_improvement(self, action_id: int) -> Task:
        """Read an action and open its dialog (a reminder about it was activated); a
        refusal (another department's, deleted) is shown on the page."""
        task = self.tasks.submit(
            improvements.get_action, self.session, action_id, name="improvement-get"
        )
        task.on(
            succeeded=self._open_improvement_dialog,
            failed=lambda exc: self.show_message(service_message(exc)),
        )
        return task

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
        task = submit_save(dialog, self.session, self.tasks)
        self._save_task = task
        self._watch(task)
        task.on(succeeded=self._improvement_done, failed=self._improvement_failed)
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
        # A refusal (a field's, or of another department's action) shown in the dialog.
        if not show_refusal(self.improvement_dialog, exc):
            self.show_message(self.tr("Not saved: {reason}").format(reason=service_message(exc)))
