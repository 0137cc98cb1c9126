"""The case window's improvement actions (docs/rules.md#improvement-actions): the actions
linked to the case (``case_improvements_list``; Enter or a double click opens one in the
improvement dialog) and "New improvement action…" (``new_improvement_button``), which opens
the dialog with the case linked, its subtype and product, its department and a problem worded
from the subtype and the root cause.

Supervisors (their departments' actions), managers and administrators get the box; the
service decides which actions each reads (``improvements.actions_of_case``, read with the
case by ``actions.load_case``) and changes. Saving runs on the window's TaskRunner; a
refusal opens the dialog again with the message; a saved action reads the case again.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import IMPROVEMENT_STATUS, Term
from desktop_app.services.cases import CaseDetail
from desktop_app.services.errors import ServiceError
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.reference import TypeRef
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
from desktop_app.ui.tasks import Task, TaskRunner

ActionRole = Qt.ItemDataRole.UserRole


class CaseImprovements(QGroupBox):
    """The "Improvement actions" box of a case window. ``saved(info)`` after a save;
    ``failed(text)`` when a save is refused and the dialog is gone."""

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self, session: Session, tasks: TaskRunner, language: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setTitle(self.tr("Improvement actions"))
        self.setObjectName("case_improvements_box")
        self.session = session
        self.tasks = tasks
        self.language = language
        self.may_edit = session.role in IMPROVEMENT_ROLES
        self.detail: CaseDetail | None = None
        self.linked: list[ImprovementInfo] = []
        self.departments: Sequence[Term] = ()
        self.type_tree: Sequence[TypeRef] = ()
        self.dialog: ImprovementDialog | None = None
        self._save_task: Task | None = None

        self.list = QListWidget()
        self.list.setObjectName("case_improvements_list")
        self.list.setToolTip(self.tr("Enter or a double click opens the action"))
        self.list.setMaximumHeight(90)
        self.list.itemActivated.connect(self._activated)
        self.empty = QLabel(self.tr("No improvement action is linked to this case."))
        self.empty.setObjectName("case_improvements_empty")
        self.empty.setWordWrap(True)
        self.new_button = push_button(
            self.tr("&New improvement action…"),
            "new_improvement_button",
            icon_name="add",
            tip=self.tr(
                "An improvement action about this case's subtype and product, with the case linked"
            ),
            slot=self.ask_new,
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.setVisible(self.may_edit)
        self._update()

    # --- showing ------------------------------------------------------------------------

    def show_case(
        self,
        detail: CaseDetail,
        actions: Sequence[ImprovementInfo],
        departments: Sequence[Term],
        type_tree: Sequence[TypeRef],
    ) -> None:
        self.detail = detail
        self.linked = list(actions)
        self.departments = departments
        self.type_tree = type_tree
        self.list.clear()
        for action in self.linked:
            status = IMPROVEMENT_STATUS.label(action.status, self.language)
            deadline = f"{action.deadline:%Y-%m-%d}" if action.deadline else "-"
            item = QListWidgetItem(
                self.tr("#{id} {problem} — {status}, due {deadline}").format(
                    id=action.id,
                    problem=" ".join(action.problem.split())[:60],
                    status=status,
                    deadline=deadline,
                )
            )
            item.setToolTip(action.problem)
            item.setData(ActionRole, action.id)
            self.list.addItem(item)
        self._update()

    def rows(self) -> list[str]:
        """The list's lines as shown."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _update(self) -> None:
        self.list.setVisible(bool(self.linked))
        self.empty.setVisible(not self.linked)
        self.new_button.setVisible(self.may_edit)
        self.new_button.setEnabled(
            self.may_edit and self.detail is not None and self._save_task is None
        )

    # --- the dialog -----------------------------------------------------------------------

    def _open(self, action: ImprovementInfo | None) -> ImprovementDialog:
        self.dialog = open_dialog(
            self.dialog,
            action,
            departments=self.departments,
            type_tree=self.type_tree,
            language=self.language,
            session=self.session,
            tasks=self.tasks,
            editable=self.may_edit,
            parent=self.window(),
            accepted=self._accepted,
        )
        return self.dialog

    def problem_text(self, detail: CaseDetail) -> str:
        if detail.root_cause_label:
            return self.tr(
                "Complaints about {subtype}; root cause: {cause} (case {number})"
            ).format(subtype=detail.subtype, cause=detail.root_cause_label, number=detail.number)
        return self.tr("Complaints about {subtype} (case {number})").format(
            subtype=detail.subtype, number=detail.number
        )

    def ask_new(self) -> ImprovementDialog | None:
        """The dialog for a new action about this case: the case, its subtype and its
        product linked, its department responsible, the problem worded from them."""
        detail = self.detail
        if not self.may_edit or detail is None or self._save_task is not None:
            return None
        dialog = self._open(None)
        dialog.link_case(detail.number, detail.id)
        if detail.subtype_code:
            dialog.set_type_codes([detail.subtype_code])
        if detail.product and detail.product.strip():
            dialog.set_products([detail.product.strip()])
        dialog.set_department(detail.department_code)
        dialog.problem.setPlainText(self.problem_text(detail))
        return dialog

    def open_action(self, action_id: int) -> ImprovementDialog | None:
        """The dialog of a linked action (read-only for those who may not change it)."""
        found = [a for a in self.linked if a.id == action_id]
        if not found or self._save_task is not None:
            return None
        return self._open(found[0])

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_action(item.data(ActionRole))

    # --- saving ---------------------------------------------------------------------------

    def _accepted(self) -> None:
        dialog = self.sender()
        if not isinstance(dialog, ImprovementDialog):
            return
        task = submit_save(dialog, self.session, self.tasks)
        self._save_task = task
        task.on(succeeded=self._done, failed=self._failed)
        self._update()

    def _done(self, info: ImprovementInfo) -> None:
        self._save_task = None
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.deleteLater()
        self.dialog = None
        self._update()
        self.saved.emit(info)

    def _failed(self, exc: ServiceError) -> None:
        self._save_task = None
        self._update()
        if not show_refusal(self.dialog, exc):
            self.failed.emit(self.tr("Not saved: {reason}").format(reason=service_message(exc)))
