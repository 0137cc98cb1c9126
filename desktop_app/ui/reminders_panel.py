"""SLA reminders in the main window: the timer that scans, the panel that lists the signed-in
user's open reminders (acknowledge, snooze), and the announcement of new ones (a system-tray
message where a tray exists, a notice bar in the window where not)."""

from __future__ import annotations

import datetime as dt
import logging
import math
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import DEADLINE_TARGETS, REMINDER_KINDS
from desktop_app.services import notify as notify_service
from desktop_app.services import reminders as reminders_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ServiceError
from desktop_app.services.reminders import ReminderInfo
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub, DataChanged
from desktop_app.ui.forms import push_button
from desktop_app.ui.i18n import message_text, service_message, ui_language
from desktop_app.ui.pages import after_first_paint
from desktop_app.ui.resources import icon
from desktop_app.ui.row_models import list_table
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

ReminderIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
TargetRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

TIME_FORMAT = "%Y-%m-%d %H:%M"


def minutes_until(now: dt.datetime, moment: dt.datetime) -> int:
    """Whole minutes from ``now`` until ``moment``, rounded up (at least 1)."""
    return max(1, math.ceil((moment - now).total_seconds() / 60))


def tomorrow_at(now: dt.datetime, at: dt.time = dt.time(9)) -> dt.datetime:
    return dt.datetime.combine(now.date() + dt.timedelta(days=1), at)


def reminder_summary(info: ReminderInfo, language: str) -> str:
    """ "TS-…: Overdue (First response)" in the UI language."""
    kind = REMINDER_KINDS.label(info.kind, language)
    text = f"{info.number}: {kind}" if info.number else kind
    if info.improvement_action_id is not None and info.problem:
        text += f": {info.problem}"
    if info.target:
        text += f" ({DEADLINE_TARGETS.label(info.target, language)})"
    return text


def due_text(info: ReminderInfo) -> str:
    """The Due column: a case's deadline to the minute; an improvement action's deadline
    (a day), or the month whose follow-up is missing."""
    if info.due_at is None:
        return ""
    if info.kind == "improvement_overdue":
        return info.due_at.strftime("%Y-%m-%d")
    if info.kind == "improvement_follow_up":
        return info.due_at.strftime("%Y-%m")
    return info.due_at.strftime(TIME_FORMAT)


class ReminderTableModel(QAbstractTableModel):
    """The open reminders, newest first: kind, case, target, due, message, created."""

    KIND, NUMBER, TARGET, DUE, MESSAGE, CREATED = range(6)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[ReminderInfo] = []

    def set_rows(self, rows: list[ReminderInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ReminderInfo]:
        return list(self._rows)

    def reminder_at(self, row: int) -> ReminderInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            language = ui_language()
            column = index.column()
            if column == self.KIND:
                return REMINDER_KINDS.label(info.kind, language)
            if column == self.NUMBER:
                return info.number
            if column == self.TARGET:
                return DEADLINE_TARGETS.label(info.target, language)
            if column == self.DUE:
                return due_text(info)
            if column == self.MESSAGE:
                return self.sentence(info, language)
            if column == self.CREATED:
                return info.created_at.strftime(TIME_FORMAT)
            return None
        if role == ReminderIdRole:
            return info.id
        if role == KindRole:
            return info.kind
        if role == TargetRole:
            return info.target
        return None

    def sentence(self, info: ReminderInfo, language: str) -> str:
        """What the reminder asks for, in the UI language (the stored message is English)."""
        target = DEADLINE_TARGETS.label(info.target, language) if info.target else ""
        due = info.due_at.strftime(TIME_FORMAT) if info.due_at else ""
        # docs/rules.md#improvement-actions: the action's problem as it is now.
        if info.kind == "improvement_overdue":
            return message_text(reminders_service.IMPROVEMENT_OVERDUE_MESSAGE).format(
                deadline=due_text(info), problem=info.problem or info.message
            )
        if info.kind == "improvement_follow_up":
            return message_text(reminders_service.IMPROVEMENT_FOLLOW_UP_MESSAGE).format(
                month=due_text(info), problem=info.problem or info.message
            )
        if info.kind == "due_soon":
            return self.tr("{target} due at {due}").format(target=target, due=due)
        if info.kind == "overdue":
            return self.tr("{target} overdue since {due}").format(target=target, due=due)
        if info.kind == "escalated" and not info.target:  # by hand: the message is the reason
            return self.tr("Escalated to you: {reason}").format(reason=info.message)
        if info.kind == "escalated":
            return self.tr("Escalated to you: {target} overdue since {due}").format(
                target=target, due=due
            )
        if info.kind == "follow_up":
            return self.tr("Follow up the unhappy customer: {reason}").format(reason=info.message)
        if info.kind == "approval_requested":
            return self.tr("Approve or reject the proposed solution: {solution}").format(
                solution=info.message
            )
        if info.kind == "progress_update_due":
            return self.tr("Give the customer a progress update (due {due})").format(due=due)
        if info.kind == "survey_due":
            return self.tr("Record the satisfaction survey by {due}").format(due=due)
        # docs/rules.md#routing: the stored message is the case number.
        if info.kind == "reported_up":
            return self.tr("Urgent case reported to you: {number}").format(
                number=info.number or info.message
            )
        if info.kind == "department_notice":
            return self.tr("For your department's information: {number}").format(
                number=info.number or info.message
            )
        return info.message

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                self.tr("Reminder"),
                self.tr("Case"),
                self.tr("Deadline"),
                self.tr("Due"),
                self.tr("Message"),
                self.tr("Created"),
            )
            if 0 <= section < len(titles):
                return titles[section]
        return None


class ReminderMonitor(QObject):
    """The reminder timer of one signed-in program.

    Every ``reminders.interval_seconds`` (and once right after start) ``tick()`` scans the
    stored deadlines with the session's clock, then reloads the user's open reminders.
    ``announced(list[ReminderInfo])`` carries the reminders that are news to the user: fired
    by this scan, or (after the first tick) newly in the user's list because another program
    fired them. What was open before the program started is listed, not announced again.
    ``updated(list[ReminderInfo])`` carries the open reminders after every tick and every
    acknowledge or snooze.
    """

    updated = Signal(list)
    announced = Signal(list)
    error = Signal(str)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QObject | None = None,
        *,
        changes: ChangeHub | None = None,
        notify_tasks: TaskRunner | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        # The group robot's sender (docs/rules.md#group-robot-notifications): its own
        # worker, so a slow or failing webhook never holds up the program's database work.
        self.notify_tasks = notify_tasks
        self._delivery: Task | None = None
        self.changes = changes if changes is not None else ChangeHub(self)
        self.timer = QTimer(self)
        self.timer.setObjectName("reminder_timer")
        self.timer.timeout.connect(self.tick)
        self._scan: Task | None = None
        self._seen: set[int] | None = None  # reminder ids listed by earlier ticks
        self._stopped = False

    def start(self) -> None:
        """Start the timer, with a first tick as soon as the event loop runs; in a window
        being shown, once it is painted (docs/rules.md#start-up: the scan on the worker
        thread, and the holiday libraries it loads, would hold up the first paint)."""
        self._stopped = False
        self.timer.start(self._interval_ms(settings_service.get("reminders.interval_seconds")))
        window = self.parent()
        if isinstance(window, QWidget) and not window.isVisible():
            after_first_paint(window, self.tick)
        else:
            QTimer.singleShot(0, self, self.tick)

    def stop(self) -> None:
        """No scan after this, not even the first one still queued by ``start``; a
        delivery under way stops before its next attempt."""
        self._stopped = True
        self.timer.stop()
        if self._delivery is not None and not self._delivery.done:
            self._delivery.cancel()

    @staticmethod
    def _interval_ms(seconds: Any) -> int:
        return max(1, int(seconds)) * 1000

    def tick(self) -> Task | None:
        """Scan now (off the UI thread); None when the previous scan is still running or
        the monitor was stopped (its window closed)."""
        if self._stopped:
            return None
        if self._scan is not None:
            log.debug("reminder scan still running; tick skipped")
            return None
        session = self.session

        def work():
            scanner = Session.system(session.clock, name="reminder-scan")
            fired = reminders_service.scan(scanner)
            reminders_service.tidy_database()
            mine = reminders_service.my_reminders(session)
            return fired, mine, settings_service.get("reminders.interval_seconds")

        task = self.tasks.submit(work, name="reminder-scan")
        self._scan = task
        task.on(succeeded=self._scanned, failed=self._failed, finished=self._scan_finished)
        return task

    def _scan_finished(self) -> None:
        self._scan = None
        self.deliver()

    def deliver(self) -> Task | None:
        """Post the group-robot messages waiting in the outbox (after every tick), on the
        sender's own worker; at most one run at a time, one more queued when asked again."""
        if self.notify_tasks is None or self._stopped:
            return None
        sender = Session.system(self.session.clock, name="notify")
        task = self.notify_tasks.submit(
            notify_service.deliver_pending,
            sender,
            name="notify-deliver",
            with_progress=True,
            key=(self, "deliver"),
            policy="coalesce",
        )
        self._delivery = task
        task.on(succeeded=self._delivered, failed=lambda exc: log.warning("%s", exc))
        return task

    def _delivered(self, result: notify_service.Delivered) -> None:
        if result.sent or result.failed:
            log.info("group robot: %d sent, %d failed", result.sent, result.failed)

    def _scanned(self, result) -> None:
        fired, mine, interval = result
        interval_ms = self._interval_ms(interval)
        if self.timer.isActive() and self.timer.interval() != interval_ms:
            self.timer.setInterval(interval_ms)
        self.updated.emit(mine)
        fired_ids = {r.id for r in fired}
        if self._seen is None:
            # The first scan after start: what was already open is not news (a restart
            # announces nothing again), only what this scan fired.
            concerning = [r for r in mine if r.id in fired_ids]
            self._seen = set()
        else:
            # Fired by this program, or by another one since the last tick (the escalation
            # reaches the supervisor's program whichever PC scanned first).
            concerning = [r for r in mine if r.id in fired_ids or r.id not in self._seen]
        self._seen |= {r.id for r in mine}
        if concerning:
            log.info("%d new reminder(s) for %s", len(concerning), self.session.username)
            self.announced.emit(concerning)

    def _failed(self, exc: ServiceError) -> None:
        self.error.emit(service_message(exc))

    def refresh(self) -> Task:
        """Reload the open reminders without scanning (the newest reload wins)."""
        task = self.tasks.submit(
            reminders_service.my_reminders,
            self.session,
            name="my-reminders",
            key=(self, "mine"),
        )
        task.on(succeeded=self.updated.emit, failed=self._failed)
        return task

    def acknowledge(self, reminder_id: int) -> Task:
        return self._act(reminders_service.acknowledge, reminder_id)

    def snooze(self, reminder_id: int, minutes: int) -> Task:
        return self._act(reminders_service.snooze, reminder_id, minutes)

    def _act(self, action, reminder_id: int, *args) -> Task:
        """Acknowledge or snooze, then announce it: the reminders panel (and whoever shows
        reminders) reloads through ``changes``, also after a refusal (shown)."""
        task = self.tasks.submit(action, self.session, reminder_id, *args, name=action.__name__)
        task.on(
            failed=self._failed, finished=lambda: self.changes.announce("reminders", {reminder_id})
        )
        return task


class ReminderNotice(QFrame):
    """The in-window announcement of new reminders: a bar with the text, a button that
    opens the reminders panel and a dismiss button."""

    show_panel = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminder_notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Its colours (light and dark scheme) are in resources/style/app.qss.
        self.label = QLabel()
        self.label.setObjectName("reminder_notice_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = push_button(
            self.tr("Show &reminders"),
            "show_reminders_button",
            icon_name="reminder",
            slot=self.show_panel,
        )
        self.show_button.clicked.connect(self.hide)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismiss_notice_button")
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def announce(self, text: str) -> None:
        self.label.setText(text)
        self.show()


def announcement_text(new: list[ReminderInfo], language: str) -> tuple[str, str]:
    """(title, text) for new reminders."""
    from PySide6.QtCore import QCoreApplication

    count = len(new)
    title = (
        QCoreApplication.translate("Reminders", "1 new reminder")
        if count == 1
        else QCoreApplication.translate("Reminders", "{count} new reminders").format(count=count)
    )
    shown = [reminder_summary(r, language) for r in new[:5]]
    if count > 5:
        shown.append(
            QCoreApplication.translate("Reminders", "… and {more} more").format(more=count - 5)
        )
    return title, "; ".join(shown)


class RemindersPanel(QDockWidget):
    """The dock listing the user's open reminders; acknowledge (Delete) and snooze; Enter
    or a double-click opens the reminder's case (``case_requested``), or the improvement
    action it is about (``improvement_requested``, docs/rules.md#improvement-actions)."""

    case_requested = Signal(int)
    improvement_requested = Signal(int)

    def __init__(
        self,
        session: Session,
        monitor: ReminderMonitor,
        parent: QWidget | None = None,
        *,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self.session = session
        self.monitor = monitor
        # Reminders acknowledged or snoozed, and cases changed (closing one ends its
        # reminders): the list is read again.
        self.changes = changes if changes is not None else monitor.changes
        self.changes.changed.connect(self._data_changed)
        self.setObjectName("reminders_panel")
        self.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)

        self.model = ReminderTableModel(self)
        self.table = list_table("reminders_table", self.model, stretch=ReminderTableModel.MESSAGE)

        self.acknowledge_button = push_button(
            self.tr("&Acknowledge"),
            "acknowledge_button",
            icon_name="acknowledge",
            tip=self.tr("Mark the selected reminder as seen (Delete)"),
            slot=self.acknowledge_selected,
        )
        self.acknowledge_action = QAction(self.tr("Acknowledge"), self.table)
        self.acknowledge_action.setObjectName("acknowledge_action")
        self.acknowledge_action.setIcon(icon("acknowledge"))
        self.acknowledge_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.acknowledge_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.acknowledge_action.triggered.connect(self.acknowledge_selected)
        self.table.addAction(self.acknowledge_action)
        self.open_case_action = QAction(self.tr("Open case"), self.table)
        self.open_case_action.setObjectName("open_reminder_case_action")
        self.open_case_action.setIcon(icon("case_open"))
        self.open_case_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.open_case_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_case_action.triggered.connect(self.open_selected_case)
        self.table.addAction(self.open_case_action)
        self.table.doubleClicked.connect(lambda _index: self.open_selected_case())

        self.snooze_menu = QMenu(self)
        self.snooze_menu.setObjectName("snooze_menu")
        self.snooze_actions: dict[str, QAction] = {}
        for key, text in (
            ("15m", self.tr("For 15 minutes")),
            ("1h", self.tr("For 1 hour")),
            ("tomorrow", self.tr("Until tomorrow 09:00")),
        ):
            action = self.snooze_menu.addAction(text)
            action.setObjectName(f"snooze_{key}_action")
            action.triggered.connect(lambda _checked=False, key=key: self.snooze_selected(key))
            self.snooze_actions[key] = action
        self.snooze_button = push_button(
            self.tr("&Snooze"),
            "snooze_button",
            icon_name="snooze",
            tip=self.tr("Hide the selected reminder for a while"),
        )
        self.snooze_button.setMenu(self.snooze_menu)

        self.message = QLabel()
        self.message.setObjectName("reminders_message")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.message, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        monitor.updated.connect(self.set_reminders)
        monitor.error.connect(self.message.setText)
        self._update_title()
        self._update_buttons()

    def _data_changed(self, event: DataChanged) -> None:
        if event.kind in ("reminders", "cases"):
            self.monitor.refresh()

    def set_reminders(self, rows: list[ReminderInfo]) -> None:
        selected = self.selected_reminder()
        self.model.set_rows(rows)
        if selected is not None:
            for row, info in enumerate(rows):
                if info.id == selected.id:
                    self.table.selectRow(row)
                    break
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._update_title()
        self._update_buttons()

    def open_selected_case(self) -> None:
        """Open what the selected reminder is about: its case or its improvement action."""
        info = self.selected_reminder()
        if info is not None and info.complaint_id is not None:
            self.case_requested.emit(info.complaint_id)
        elif info is not None and info.improvement_action_id is not None:
            self.improvement_requested.emit(info.improvement_action_id)

    def _update_title(self) -> None:
        count = self.model.rowCount()
        self.setWindowTitle(
            self.tr("Reminders ({count})").format(count=count) if count else self.tr("Reminders")
        )

    def _update_buttons(self) -> None:
        has = self.selected_reminder() is not None
        self.acknowledge_button.setEnabled(has)
        self.snooze_button.setEnabled(has)
        self.acknowledge_action.setEnabled(has)

    def selected_reminder(self) -> ReminderInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < self.model.rowCount():
            return None
        return self.model.reminder_at(rows[0].row())

    def select_reminder(self, reminder_id: int) -> bool:
        for row, info in enumerate(self.model.rows()):
            if info.id == reminder_id:
                self.table.selectRow(row)
                return True
        return False

    def acknowledge_selected(self) -> Task | None:
        info = self.selected_reminder()
        if info is None:
            return None
        self.message.clear()
        return self.monitor.acknowledge(info.id)

    def snooze_selected(self, key: str) -> Task | None:
        info = self.selected_reminder()
        if info is None:
            return None
        now = self.session.now()
        if key == "15m":
            minutes = 15
        elif key == "1h":
            minutes = 60
        else:
            minutes = minutes_until(now, tomorrow_at(now))
        self.message.clear()
        return self.monitor.snooze(info.id, minutes)


class ReminderAnnouncer(QObject):
    """Announces new reminders: tray message when a system tray exists, else the notice."""

    def __init__(self, notice: ReminderNotice, parent: QObject | None = None):
        super().__init__(parent)
        self.notice = notice
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), self)
            self.tray.setObjectName("reminder_tray")
            self.tray.setToolTip(self.tr("Complaint Desk reminders"))
            self.tray.messageClicked.connect(notice.show_panel)
            self.tray.activated.connect(lambda _reason: notice.show_panel.emit())
            self.tray.show()

    def announce(self, new: list[ReminderInfo]) -> None:
        title, text = announcement_text(new, ui_language())
        if self.tray is not None and self.tray.isVisible():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        else:
            self.notice.announce(f"{title}: {text}")

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()
