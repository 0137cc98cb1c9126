"""Running slow service calls off the UI thread.

``TaskRunner.submit(fn, *args, **kwargs)`` runs ``fn`` on a worker thread of the runner's own
thread pool, inside that thread's own database connection (peewee connections are per
thread; the worker keeps it from task to task, ``shutdown`` closes it), and returns a
:class:`Task` whose signals arrive on the main thread:

- ``succeeded(result)`` when ``fn`` returned;
- ``failed(error)`` when ``fn`` raised a ``ServiceError`` (a problem the user can act on:
  show it with ``service_message``);
- ``finished()`` always, last (tests wait on it with ``qtbot.waitSignal``).

Any other exception is a bug: it is logged and handed to ``sys.excepthook`` on the main
thread, which in the program is the crash handler. ``fn`` must never touch widgets.

Policies: a submission with a ``key`` (any hashable value naming what the call is for,
e.g. ``(self, "count")``) follows the ``policy`` for that key, the one place where
results that arrive too late are sorted out:

- ``"latest"`` (the default): the newest submission wins. Submitting again with the same
  key makes the older tasks *stale*: they are cancelled (their ``report`` says stop), a
  stale task not started yet is not run at all, and the result or error of a stale task is
  never delivered (``succeeded``/``failed``/``progressed`` stay silent; ``finished`` still
  comes). For reads whose answer replaces what a widget shows.
- ``"coalesce"``: at most one task with the key runs at a time. Submitted again while one
  runs, the call waits and runs once after it, with the arguments of the newest submission;
  a waiting task overtaken by a newer one is stale (only ``finished``). For reads that are
  asked for often (counts, follow-ups) where the newest answer is the one that counts.

Without a key every submission runs and delivers its outcome. ``forget(key)`` makes the
tasks of a key stale without submitting anything.

The runner has one worker thread by default, so the program's own database work is
serialised (SQLite has one writer at a time anyway) and results arrive in order.
``TaskRunner(database=False)`` runs calls without opening the bound database's connection
(the first-run wizard's calls, before any database is bound).
"""

from __future__ import annotations

import itertools
import logging
import sys
import threading
from collections.abc import Callable, Hashable
from typing import Any, Literal

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop_app.db.connection import WorkerConnections
from desktop_app.services.errors import ServiceError

log = logging.getLogger(__name__)

_ids = itertools.count(1)

Policy = Literal["latest", "coalesce"]
POLICIES: tuple[str, ...] = ("latest", "coalesce")


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
        self.key: Hashable | None = None
        self._cancel = threading.Event()
        self._stale = threading.Event()
        self._relay = _Relay()
        # Explicitly queued: the relay emits on a worker thread, these slots run here.
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def on(
        self,
        *,
        succeeded: Callable | None = None,
        failed: Callable | None = None,
        finished: Callable | None = None,
        progressed: Callable | None = None,
    ) -> Task:
        """Connect the slots given to the signals of the same name; returns the task."""
        for signal, slot in (
            (self.progressed, progressed),
            (self.succeeded, succeeded),
            (self.failed, failed),
            (self.finished, finished),
        ):
            if slot is not None:
                signal.connect(slot)
        return self

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

    @property
    def stale(self) -> bool:
        """True once a newer submission with the same key overtook this task: its outcome
        is not delivered."""
        return self._stale.is_set()

    @property
    def running(self) -> bool:
        """Submitted and not finished yet."""
        return not self.done

    def _make_stale(self) -> None:
        self._stale.set()
        self._cancel.set()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if not self.stale:
            self.progressed.emit(done, total)

    @Slot(object, object)
    def _on_done(self, result: Any, exc: BaseException | None) -> None:
        self.done = True
        try:
            if exc is not None and not isinstance(exc, ServiceError):
                # A bug stays a bug, stale or not.
                log.error("task %s failed", self.name, exc_info=(type(exc), exc, exc.__traceback__))
                sys.excepthook(type(exc), exc, exc.__traceback__)
            elif self.stale:
                log.debug("task %s: outcome dropped (a newer one was asked for)", self.name)
            elif exc is None:
                self.result = result
                self.succeeded.emit(result)
            else:
                self.error = exc
                log.info("task %s: %s", self.name, exc.message)
                self.failed.emit(exc)
        finally:
            self.finished.emit()
            self.deleteLater()


class _Runnable(QRunnable):
    def __init__(
        self,
        task: Task,
        fn: Callable[[], Any],
        *,
        database: bool,
        connections: WorkerConnections,
    ):
        super().__init__()
        self.setAutoDelete(True)
        self._relay = task._relay
        self._stale = task._stale
        self._fn = fn
        self._database = database
        self._connections = connections

    def run(self) -> None:
        try:
            if self._stale.is_set():  # overtaken before it started: not worth running
                result = None
            elif not self._database:
                result = self._fn()
            else:
                # The worker keeps its connection from one task to the next (closed when
                # the runner shuts down): a new SQLite connection starts with a cold page
                # cache and reads the schema again, which cost more than a tracker page's
                # queries (5-6 ms at 1M cases, python -m bench tracker).
                generation = self._connections.enter()
                try:
                    result = self._fn()
                finally:
                    self._connections.leave(generation)
        except BaseException as exc:  # noqa: BLE001 - delivered to the main thread
            self._relay.done.emit(None, exc)
        else:
            self._relay.done.emit(result, None)
        finally:
            self._fn = None


class _CloseConnection(QRunnable):
    """Closes the database connection of the worker thread it runs on, if open."""

    def __init__(self, connections: WorkerConnections):
        super().__init__()
        self._connections = connections

    def run(self) -> None:
        self._connections.close()


class TaskRunner(QObject):
    """Submits calls to a private thread pool; see the module documentation."""

    task_finished = Signal(object)  # the Task, after its own ``finished``

    def __init__(self, parent: QObject | None = None, *, threads: int = 1, database: bool = True):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        # The workers live as long as the runner, so their connections do (see _Runnable).
        self.pool.setExpiryTimeout(-1)
        self._database = database
        self._connections = WorkerConnections()
        self._running: set[Task] = set()
        self._latest: dict[Hashable, Task] = {}  # key -> the newest "latest" task
        self._active: dict[Hashable, Task] = {}  # key -> the running "coalesce" task
        self._waiting: dict[Hashable, tuple[Task, Callable[[], Any]]] = {}
        self._shut = False

    def submit(
        self,
        fn: Callable[..., Any],
        *args,
        name: str = "",
        with_progress: bool = False,
        key: Hashable | None = None,
        policy: Policy = "latest",
        **kwargs,
    ) -> Task:
        """Run ``fn(*args, **kwargs)`` on the worker; with ``with_progress`` it also gets
        ``progress=task.report``. With a ``key``, ``policy`` says what happens to the other
        tasks of that key (see the module documentation)."""
        if policy not in POLICIES:
            raise ValueError(f"unknown task policy {policy!r}; use one of {POLICIES}")
        task = Task(name or getattr(fn, "__qualname__", "task"), self)
        task.key = key
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

        def call() -> Any:
            return fn(*args, **kwargs)

        if key is None:
            self._start(task, call)
        elif policy == "latest":
            older = self._latest.get(key)
            if older is not None:
                older._make_stale()
            self._latest[key] = task
            self._start(task, call)
        elif key not in self._active:
            self._active[key] = task
            self._start(task, call)
        else:
            overtaken = self._waiting.pop(key, None)
            if overtaken is not None:
                self._drop(overtaken[0])
            self._waiting[key] = (task, call)
        return task

    def forget(self, key: Hashable) -> None:
        """The outcomes of ``key``'s tasks are not wanted any more (what they would show is
        known otherwise): they become stale, and a waiting call does not run."""
        latest = self._latest.get(key)
        if latest is not None:
            latest._make_stale()
        active = self._active.get(key)
        if active is not None:
            active._make_stale()
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            self._drop(waiting[0])

    def _start(self, task: Task, call: Callable[[], Any]) -> None:
        self.pool.start(
            _Runnable(task, call, database=self._database, connections=self._connections)
        )

    @staticmethod
    def _drop(task: Task) -> None:
        """A task that will never run: stale, it only says ``finished`` (queued)."""
        task._make_stale()
        task._relay.done.emit(None, None)

    def _task_done(self, task: Task) -> None:
        self._running.discard(task)
        key = task.key
        if key is not None:
            if self._latest.get(key) is task:
                del self._latest[key]
            if self._active.get(key) is task:
                del self._active[key]
                waiting = self._waiting.pop(key, None)
                if waiting is not None:
                    following, call = waiting
                    if self._shut:
                        self._drop(following)
                    else:
                        self._active[key] = following
                        self._start(following, call)
        self.task_finished.emit(task)

    def busy(self) -> bool:
        return bool(self._running)

    def pending(self, key: Hashable) -> bool:
        """Whether a task of ``key`` is running or waiting: not stale, its outcome not
        delivered yet."""
        tasks = (self._latest.get(key), self._active.get(key))
        return any(t is not None and not (t.stale or t.done) for t in tasks) or (
            key in self._waiting
        )

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until the workers are idle (when the window closes)."""
        return self.pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Start nothing more, wait until the work under way is done and close the
        workers' connections (when the window closes for good)."""
        first = not self._shut
        self._shut = True
        for task, _call in self._waiting.values():
            self._drop(task)
        self._waiting.clear()
        done = self.pool.waitForDone(msecs)
        if first and self._database:
            for _ in range(self.pool.maxThreadCount()):
                self.pool.start(_CloseConnection(self._connections))
            done = self.pool.waitForDone(msecs) and done
        return done


def while_alive(widget: QObject, slot: Callable[..., Any]) -> Callable[..., None]:
    """``slot`` called only while ``widget`` exists: a task's result may arrive after the
    window that asked for it was closed and deleted."""
    import shiboken6

    def call(*args: Any) -> None:
        if shiboken6.isValid(widget):
            slot(*args)

    return call
