"""The follow-ups of unhappy customers on the survey page (supervisors and managers): the
open follow-ups the user sees and completing one, with what was done and whether the case
reopens as an escalated complaint.

``FollowUps`` is a mixin of ``page.SurveyPage``: the "Follow-ups" group
(``_build_follow_ups``), reading them (``refresh_follow_ups``), and
``CompleteFollowUpDialog`` (``ask_complete_follow_up`` opens it, not blocking;
``complete_follow_up`` records it off the UI thread).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import surveys
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.surveys import FollowUpInfo
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import message_label, push_button
from desktop_app.ui.i18n import service_message
from desktop_app.ui.survey_queue import FollowUpsModel
from desktop_app.ui.tasks import Task, TaskRunner

FOLLOW_UP_ROLES = ("supervisor", "manager")


class CompleteFollowUpDialog(QDialog):
    """What was done for the unhappy customer (``done_note``) and whether to reopen the
    case (``reopen_case``). Opened with ``open()`` (never blocks); the page completes the
    follow-up when it is accepted. OK needs a note."""

    def __init__(self, follow_up: FollowUpInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.follow_up = follow_up
        self.setObjectName("complete_follow_up_dialog")
        self.setWindowTitle(self.tr("Complete the follow-up"))
        about = QLabel(
            self.tr("{number} · {customer}\n{reason}").format(
                number=follow_up.number, customer=follow_up.customer_name, reason=follow_up.reason
            )
        )
        about.setObjectName("follow_up_about")
        about.setWordWrap(True)
        self.done_note = QPlainTextEdit()
        self.done_note.setObjectName("done_note")
        self.done_note.setTabChangesFocus(True)
        self.done_note.setPlaceholderText(self.tr("What was done for the customer"))
        self.reopen_case = QCheckBox(self.tr("Reopen the case as an escalated complaint"))
        self.reopen_case.setObjectName("reopen_case")
        if follow_up.case_open:
            self.reopen_case.setEnabled(False)
            self.reopen_case.setToolTip(self.tr("The case is open already."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("follow_up_buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("done_ok_button")
        self.ok_button.setText(self.tr("&Complete"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.done_note.textChanged.connect(self._note_changed)
        form = QFormLayout(self)
        form.addRow(about)
        note_label = QLabel(self.tr("&Done"))
        note_label.setBuddy(self.done_note)
        form.addRow(note_label, self.done_note)
        form.addRow("", self.reopen_case)
        form.addRow(self.buttons)
        self._note_changed()

    def _note_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.note()))

    def note(self) -> str:
        return self.done_note.toPlainText().strip()

    def reopen(self) -> bool:
        return self.reopen_case.isEnabled() and self.reopen_case.isChecked()


if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What FollowUps uses of the class it is mixed into (for the type checker)."""

        # SurveyPage

        @staticmethod
        def _table_defaults(table: QTableView) -> None: ...
        def _say(self, text: str) -> None: ...
        def _service_failed(self, exc: ServiceError) -> None: ...

    _Base = _Host
else:
    _Base = object


class FollowUps(_Base):
    """Mixin of ``SurveyPage``: the follow-ups (see the module documentation). The page
    sets ``session``, ``tasks``, ``changes`` and ``may_record``, and provides
    ``_table_defaults``, ``_say`` and ``_service_failed``."""

    session: Session
    tasks: TaskRunner
    changes: ChangeHub
    may_record: bool

    def _build_follow_ups(self) -> QGroupBox:
        self.follow_ups_model = FollowUpsModel(self)
        self.follow_up_dialog: CompleteFollowUpDialog | None = None
        self._follow_up_columns_fitted = False
        group = QGroupBox(self.tr("Follow-ups of unhappy customers"))
        group.setObjectName("follow_ups_group")
        self.follow_ups_group = group
        self.follow_ups_table = QTableView()
        self.follow_ups_table.setObjectName("follow_ups_table")
        self.follow_ups_table.setModel(self.follow_ups_model)
        self._table_defaults(self.follow_ups_table)
        self.follow_ups_table.setMinimumHeight(70)
        self.follow_ups_table.selectionModel().selectionChanged.connect(
            self._follow_up_selection_changed
        )
        self.follow_ups_table.doubleClicked.connect(lambda _i: self.ask_complete_follow_up())
        self.complete_follow_up_button = push_button(
            self.tr("Co&mplete follow-up…"), "complete_follow_up_button", icon_name="follow_up"
        )
        self.complete_follow_up_button.setAutoDefault(False)
        self.complete_follow_up_button.clicked.connect(self.ask_complete_follow_up)
        self.follow_up_message = message_label("follow_up_message")
        buttons = QHBoxLayout()
        buttons.addWidget(self.follow_up_message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.complete_follow_up_button)
        layout = QVBoxLayout(group)
        layout.addWidget(self.follow_ups_table, 1)
        layout.addLayout(buttons)
        group.setVisible(self.session.role in FOLLOW_UP_ROLES)
        self.complete_follow_up_button.setEnabled(False)
        return group

    def refresh_follow_ups(self) -> Task:
        """Read the open follow-ups the user sees (once more after a read under way)."""
        task = self.tasks.submit(
            surveys.follow_ups,
            self.session,
            name="survey-follow-ups",
            key=(self, "follow-ups"),
            policy="coalesce",
        )
        task.on(succeeded=self._follow_ups_loaded, failed=self._service_failed)
        return task

    def _follow_ups_loaded(self, rows: list[FollowUpInfo]) -> None:
        kept = self.selected_follow_up()
        self.follow_ups_model.set_rows(rows)
        if rows and not self._follow_up_columns_fitted:
            self._follow_up_columns_fitted = True
            self.follow_ups_table.resizeColumnsToContents()
        if kept is not None:
            self.select_follow_up(kept.id)
        self.follow_ups_group.setVisible(bool(rows) or self.session.role in FOLLOW_UP_ROLES)
        self._follow_up_selection_changed()

    def selected_follow_up(self) -> FollowUpInfo | None:
        selection = self.follow_ups_table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.follow_ups_model.row_data(rows[0].row()) if rows else None

    def select_follow_up(self, follow_up_id: int) -> bool:
        row = self.follow_ups_model.row_of(follow_up_id)
        if row < 0:
            return False
        self.follow_ups_table.selectionModel().setCurrentIndex(
            self.follow_ups_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _follow_up_selection_changed(self, *_args) -> None:
        self.complete_follow_up_button.setEnabled(
            self.selected_follow_up() is not None and self.may_record
        )

    def ask_complete_follow_up(self) -> CompleteFollowUpDialog | None:
        """Open the dialog for the selected follow-up (without blocking); accepting it
        completes the follow-up. Returns the dialog (also ``follow_up_dialog``)."""
        follow_up = self.selected_follow_up()
        if follow_up is None or not self.may_record:
            return None
        if self.follow_up_dialog is not None:
            self.follow_up_dialog.close()
            self.follow_up_dialog.deleteLater()
        dialog = CompleteFollowUpDialog(follow_up, self)
        dialog.accepted.connect(
            lambda d=dialog: self.complete_follow_up(d.follow_up.id, d.note(), reopen=d.reopen())
        )
        self.follow_up_dialog = dialog
        dialog.open()
        return dialog

    def complete_follow_up(self, follow_up_id: int, note: str, *, reopen: bool = False) -> Task:
        """Record what was done for the customer; ``reopen`` reopens the case."""
        self.follow_up_message.hide()
        info = next(
            (
                f
                for f in (
                    self.follow_ups_model.row_data(r)
                    for r in range(self.follow_ups_model.rowCount())
                )
                if f is not None and f.id == follow_up_id
            ),
            None,
        )
        number = info.number if info is not None else ""
        task = self.tasks.submit(
            surveys.complete_follow_up,
            self.session,
            follow_up_id,
            note,
            reopen=reopen,
            name="complete-follow-up",
        )
        task.succeeded.connect(
            lambda _version: self._follow_up_done(number, reopen, info.case_id if info else None)
        )
        task.failed.connect(self._follow_up_failed)
        return task

    def _follow_up_done(self, number: str, reopened: bool, case_id: int | None) -> None:
        if reopened:
            text = self.tr(
                "Follow-up done: {number} is reopened as an escalated complaint."
            ).format(number=number)
        else:
            text = self.tr("Follow-up done ({number}).").format(number=number)
        self._say(text)
        self.changes.announce("surveys")
        self.changes.announce("cases", {case_id} if case_id is not None else ())

    def _follow_up_failed(self, exc: ServiceError) -> None:
        self.follow_up_message.setText(
            self.tr("Not done: {reason}").format(reason=service_message(exc))
        )
        self.follow_up_message.show()
        self._say(service_message(exc))
