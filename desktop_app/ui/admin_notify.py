"""The administration page's "Notifications" tab (managers and administrators): the
group-robot messages that could not be delivered, with the error and the time
(docs/rules.md#group-robot-notifications)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.services import notify as notify_service
from desktop_app.services.notify import Failure
from desktop_app.services.session import Session
from desktop_app.ui.i18n import service_message
from desktop_app.ui.row_models import RowsTableModel, list_table
from desktop_app.ui.tasks import Task, TaskRunner

TIME_FORMAT = "%Y-%m-%d %H:%M"


class WebhookFailuresModel(RowsTableModel):
    """Failed notifications: when, which event, the case, the webhook, attempts, error."""

    AT, EVENT, CASE, WEBHOOK, ATTEMPTS, ERROR = range(6)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Failed at"),
            self.tr("Message"),
            self.tr("Case"),
            self.tr("Webhook"),
            self.tr("Attempts"),
            self.tr("Error"),
        )

    def event_name(self, kind: str) -> str:
        return {
            "urgent": self.tr("Urgent case"),
            "overdue": self.tr("Overdue"),
            "escalated": self.tr("Escalated"),
        }.get(kind, kind)

    def webhook_name(self, url_key: str) -> str:
        if url_key.startswith("department:"):
            return self.tr("Department {code}").format(code=url_key.partition(":")[2])
        return self.tr("General")

    def cell(self, row: Failure, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (
            f"{row.failed_at:{TIME_FORMAT}}",
            self.event_name(row.kind),
            row.number,
            self.webhook_name(row.url_key),
            str(row.attempts),
            row.error,
        )[column]


class NotificationsTab(QWidget):
    """The failed group-robot messages; read again whenever the tab is shown."""

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.setObjectName("notifications_tab")
        hint = QLabel(
            self.tr(
                "Group robot messages (urgent, overdue and escalated cases) that could not be "
                "delivered after three retries. Check the webhook address on the Settings "
                "page and send a test message."
            )
        )
        hint.setWordWrap(True)
        self.model = WebhookFailuresModel(self)
        self.table = list_table("webhook_failures", self.model, stretch=WebhookFailuresModel.ERROR)
        self.message = QLabel()
        self.message.setObjectName("webhook_failures_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def refresh(self) -> Task:
        task = self.tasks.submit(
            notify_service.failures, self.session, name="webhook-failures", key=(self, "load")
        )
        task.on(
            succeeded=self._loaded, failed=lambda exc: self.message.setText(service_message(exc))
        )
        return task

    def _loaded(self, rows: list[Failure]) -> None:
        self.model.set_rows(rows)
        self.message.setText(
            self.tr("No failed messages.")
            if not rows
            else self.tr("{count} message(s) not delivered.").format(count=len(rows))
        )
