"""Recomputing every open case's stored deadlines after a policy or calendar change, off the
UI thread, with a progress dialog that can stop it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.services import sla
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.i18n import service_message
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)


class DeadlineRecompute(QObject):
    """One run of ``sla.recompute_open_deadlines``; ``done(text)`` carries the outcome as
    the user reads it ("3 cases' deadlines updated"); changed deadlines are announced to
    ``changes``."""

    done = Signal(str)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QWidget,
        *,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self.changes = changes
        self.session = session
        self.tasks = tasks
        self.parent_widget = parent
        self.dialog: QProgressDialog | None = None
        self.task: Task | None = None

    def start(self) -> Task:
        dialog = QProgressDialog(
            self.tr("Recomputing the deadlines of the open cases…"),
            self.tr("Stop"),
            0,
            0,
            self.parent_widget,
        )
        dialog.setObjectName("recompute_progress")
        dialog.setWindowTitle(self.tr("Deadlines"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        task = self.tasks.submit(
            sla.recompute_open_deadlines,
            self.session,
            name="recompute-deadlines",
            with_progress=True,
        )
        self.task = task
        dialog.canceled.connect(task.cancel)
        task.on(
            progressed=self._progressed,
            succeeded=self._succeeded,
            failed=self._failed,
            finished=self._finished,
        )
        return task

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is not None and not self.dialog.wasCanceled():
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def _succeeded(self, changed: int) -> None:
        stopped = self.task is not None and self.task.cancelled
        if changed == 1:
            text = self.tr("1 case's deadlines updated")
        else:
            text = self.tr("{count} cases' deadlines updated").format(count=changed)
        if stopped:
            text = self.tr(
                "Recompute stopped: {done}; the other open cases keep their "
                "previous deadlines until the next recompute."
            ).format(done=text)
        log.info("deadline recompute: %d changed%s", changed, " (stopped)" if stopped else "")
        if changed and self.changes is not None:
            self.changes.announce("cases")  # which ones the service does not say
        self.done.emit(text)

    def _failed(self, exc: ServiceError) -> None:
        self.done.emit(
            self.tr("Deadlines not recomputed: {reason}").format(reason=service_message(exc))
        )

    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.task = None
        self.deleteLater()
