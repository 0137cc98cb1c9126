"""The daily automatic backup of a running program (docs/rules.md#backups-and-restore):
``AutoBackup``, a timer that, once a while after start and then every hour, runs
``backup.backup_if_due`` off the UI thread. Its own module, not the administration page's:
every main window starts one, and the page is built only when an administrator opens it
(docs/rules.md#start-up)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.services import backup
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.i18n import service_message
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

HOUR_MS = 3_600_000
MINUTE_MS = 60_000


class AutoBackup(QObject):
    """The automatic daily backup while the program runs (SQLite; nothing for PostgreSQL).

    ``start()`` checks once after ``first_delay_ms`` and then every ``interval_ms``; each
    check runs ``backup.backup_if_due`` off the UI thread. ``backed_up(BackupResult)`` and
    ``status_message("Daily backup saved: …")`` follow a backup taken. A failure is logged
    and shown once as a status message (again only after a later success), never as a
    dialog. ``stop()``, or the parent window closing, ends it: no check starts after that.
    """

    status_message = Signal(str)
    backed_up = Signal(object)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        interval_ms: int = HOUR_MS,
        first_delay_ms: int = MINUTE_MS,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.timer = QTimer(self)
        self.timer.setObjectName("auto_backup_timer")
        self.timer.setInterval(max(1, interval_ms))
        self.timer.timeout.connect(self.tick)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(max(0, first_delay_ms))
        self.first.timeout.connect(self.tick)
        self._task: Task | None = None
        self._stopped = True
        self._error_shown = False
        if isinstance(parent, QWidget):
            parent.installEventFilter(self)

    def start(self) -> None:
        self._stopped = False
        self.timer.start()
        self.first.start()

    def stop(self) -> None:
        """No check after this, not even the first one still waiting."""
        self._stopped = True
        self.timer.stop()
        self.first.stop()

    @property
    def running(self) -> bool:
        return not self._stopped

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.parent():
            # Decided after the close event: a close the window refused changes nothing.
            QTimer.singleShot(0, self, self._parent_closed)
        return False

    def _parent_closed(self) -> None:
        parent = self.parent()
        if isinstance(parent, QWidget) and not parent.isVisible():
            log.debug("window closed: automatic backups stop")
            self.stop()

    def tick(self) -> Task | None:
        """Check now (off the UI thread); None when stopped or a check is still running."""
        if self._stopped or self._task is not None:
            return None
        session = self.session

        def work():
            try:
                # The program's own routine, as its operator (docs/rules.md#backups-and-restore).
                operator = Session.system(session.clock, name="auto-backup")
                return backup.backup_if_due(operator), None
            except ServiceError:
                raise
            except Exception as exc:  # noqa: BLE001 - the daily backup never crashes the program
                log.exception("automatic backup failed")
                return None, str(exc)

        task = self.tasks.submit(work, name="auto-backup")
        if task.cancelled:  # the runner was shut down
            return None
        self._task = task
        task.on(
            succeeded=self._checked,
            failed=lambda exc: self._failed(service_message(exc)),
            finished=self._finished,
        )
        return task

    def _finished(self) -> None:
        self._task = None

    def _checked(self, outcome) -> None:
        result, error = outcome
        if error is not None:
            self._failed(error)
            return
        self._error_shown = False
        if result is not None:
            self.status_message.emit(
                self.tr("Daily backup saved: {file}").format(file=str(result.path))
            )
            self.backed_up.emit(result)

    def _failed(self, text: str) -> None:
        log.warning("automatic backup failed: %s", text)
        if not self._error_shown:
            self._error_shown = True
            self.status_message.emit(
                self.tr("The daily backup failed: {reason}").format(reason=text)
            )
