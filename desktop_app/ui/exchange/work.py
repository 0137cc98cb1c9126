"""What the exchange dialogs share: one task at a time off the UI thread, its progress
bar, the cancel and close buttons (closing cancels), the message line."""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.forms import MessageLine
from desktop_app.ui.i18n import service_message
from desktop_app.ui.resources import set_tone
from desktop_app.ui.tasks import Task, TaskRunner, while_alive

log = logging.getLogger(__name__)


class _WorkDialog(MessageLine, QDialog):
    """What both dialogs share: one task at a time, progress bar, cancel, close."""

    failed = Signal(str)

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.task: Task | None = None
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setToolTip(self.tr("Stop the work; nothing is changed"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close_button")

    def busy(self) -> bool:
        return self.task is not None

    def path(self) -> Path | None:
        raise NotImplementedError

    def ready_path(self, missing: str) -> Path | None:
        """The chosen file when no work is running (else None); without a file, None and
        ``missing`` shown."""
        path = self.path()
        if self.busy():
            return None
        if path is None:
            self.show_message(missing)
        return path

    def alive(self, slot):
        """``slot`` called only while this dialog exists (a task may outlive it)."""
        return while_alive(self, slot)

    def _start(self, task: Task, bar: QProgressBar, text: str) -> Task:
        self.task = task
        bar.setRange(0, 0)
        bar.setFormat(text)
        bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        task.on(
            progressed=lambda done, total: self._progressed(bar, done, total),
            failed=self.alive(self._failed),
            finished=self.alive(lambda: self._finished(bar)),
        )
        self._update_buttons()
        return task

    @staticmethod
    def _progressed(bar: QProgressBar, done: int, total: int) -> None:
        if shiboken6.isValid(bar) and total > 0:
            bar.setRange(0, total)
            bar.setValue(min(done, total))

    def _failed(self, exc: ServiceError) -> None:
        text = service_message(exc)
        self.show_message(text)
        self.failed.emit(text)

    def _finished(self, bar: QProgressBar) -> None:
        self.task = None
        bar.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def cancel(self) -> None:
        """Ask the running work to stop (at its next progress report)."""
        if self.task is not None and shiboken6.isValid(self.task):
            self.task.cancel()
            self.cancel_button.setEnabled(False)

    def show_message(self, text: str, *, error: bool = True) -> None:
        set_tone(self.message, "error" if error else "ok")
        MessageLine.show_message(self, text)

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        self.cancel()  # closing stops the work: nothing is imported, no file is left
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.cancel()
        super().closeEvent(event)
