"""Running slow service calls off the UI thread.

``TaskRunner.submit(fn, *args, **kwargs)`` runs ``fn`` on a worker thread of the runner's own
thread pool, inside its own database connection (peewee connections are per thread), and
returns a :class:`Task` whose signals arrive on the main thread:

- ``succeeded(result)`` when ``fn`` returned;
- ``failed(error)`` when ``fn`` raised a ``ServiceError`` (a problem the user can act on:
  show it with ``service_message``);
- ``finished()`` always, last (tests wait on it with ``qtbot.waitSignal``).

Any other exception is a bug: it is logged and handed to ``sys.excepthook`` on the main
thread, which in the program is the crash handler. ``fn`` must never touch widgets.

The runner has one worker thread by default, so the program's own database work is
serialised (SQLite has one writer at a time anyway) and results arrive in order.
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop_app.db import models
from desktop_app.services.errors import ServiceError

log = logging.getLogger(__name__)

_ids = itertools.count(1)


class _Relay(QObject):
    """Carries a worker's outcome to the main thread (emitted from the worker)."""

    done = Signal(object, object)  # result, exception (or None)
    progress = Signal(int, int)


class Task(QObject):
    """One submitted call. Lives on the main thread; emits its outcome there."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.id = next(_ids)
        self.result: Any = None
        self.error: ServiceError | None = None
        self.done = False
        self._cancel = threading.Event()
        self._relay = _Relay()
        # Explicitly queued: the relay emits on a worker thread, these slots run here.
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self.progressed, Qt.ConnectionType.QueuedConnection)

    # --- worker side (any thread) -------------------------------------------------------

    def report(self, done: int, total: int) -> bool:
        """A ``progress`` callback for services: forwards progress to the main thread and
        returns False once the task was cancelled (the service then stops)."""
        self._relay.progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    # --- main thread --------------------------------------------------------------------

    def cancel(self) -> None:
        """Ask the work to stop; it does at its next ``report`` call."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(object, object)
    def _on_done(self, result: Any, exc: BaseException | None) -> None:
        self.done = True
        try:
            if exc is None:
                self.result = result
                self.succeeded.emit(result)
            elif isinstance(exc, ServiceError):
                self.error = exc
                log.info("task %s: %s", self.name, exc.message)
                self.failed.emit(exc)
            else:
                log.error("task %s failed", self.name, exc_info=(type(exc), exc, exc.__traceback__))
                sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            self.finished.emit()
            self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(True)
        self._relay = task._relay
        self._name = task.name
        self._fn = fn

    def run(self) -> None:
        try:
            database = models.database_proxy.obj
            # Not connection_context(): a service may close and reopen this thread's
            # connection (restore does), which empties peewee's context stack.
            database.connect(reuse_if_open=True)
            try:
                result = self._fn()
            finally:
                if not database.is_closed():
                    database.close()
        except BaseException as exc:  # noqa: BLE001 - delivered to the main thread
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)
        finally:
            self._fn = None


class TaskRunner(QObject):
    """Submits calls to a private thread pool; see the module documentation."""

    task_finished = Signal(object)  # the Task, after its own ``finished``

    def __init__(self, parent: QObject | None = None, *, threads: int = 1):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._running: set[Task] = set()
        self._shut = False

    def submit(
        self, fn: Callable[..., Any], *args, name: str = "", with_progress: bool = False, **kwargs
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` on the worker; with ``with_progress`` it also gets
        ``progress=task.report``."""
        task = Task(name or getattr(fn, "__qualname__", "task"), self)
        if self._shut:
            # The window is gone: work asked for by its last queued events is not run
            # (it would reach a database that may no longer be this window's).
            log.debug("task %s not started: the runner was shut down", task.name)
            task.cancel()
            return task
        if with_progress:
            kwargs["progress"] = task.report
        self._running.add(task)
        task.finished.connect(lambda task=task: self._task_done(task))
        self.pool.start(_Runnable(task, lambda: fn(*args, **kwargs)))
        return task

    def _task_done(self, task: Task) -> None:
        self._running.discard(task)
        self.task_finished.emit(task)

    def busy(self) -> bool:
        return bool(self._running)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the workers are idle (when the window closes)."""
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Start nothing more, and wait until the work under way is done (when the window
        closes for good)."""
        self._shut = True
        return self.pool.waitForDone(msecs)
