"""The case window's timeline: the words of its rows in the UI language
(``TimelineText``: event kinds and titles; the detail keys and values in the words
``ui/detail_words.py`` shares with the audit log) and the table that shows them
(``CaseTimeline``), whose rows open their evidence files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.domain.vocab import (
    ESCALATION_STEPS,
    REMINDER_KINDS,
    ROUTE_RULES,
    STAGES,
)
from desktop_app.services.cases import TimelineEvent
from desktop_app.ui.case.fields import format_time
from desktop_app.ui.detail_words import DetailWords

# Timeline items carry the (attachment id, file name) pairs of their event.
ATTACHMENTS_ROLE = Qt.ItemDataRole.UserRole + 1


class TimelineText(QObject):
    """The texts of a timeline row in ``language``: ``row(event)`` gives its time, who,
    what and details."""

    # Detail keys not worth a line: shown elsewhere, or internal.
    HIDDEN_DETAILS = frozenset({"number", "action", "version"})
    # Audit entries whose "what" names these details already (docs/rules.md#routing,
    # docs/rules.md#re-assessment).
    TITLE_DETAILS = {
        "complaint_routed": frozenset({"rule", "owner", "fallback"}),
        "reassess": frozenset({"urgent", "level", "type", "subtype", "department", "owner"}),
        "account_frozen": frozenset({"frozen"}),
    }

    def __init__(self, language: str, parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self.words = DetailWords(language, self)

    def row(self, event: TimelineEvent) -> tuple[str, str, str, str]:
        return (
            format_time(event.at),
            event.actor or self.tr("System"),
            self.event_title(event),
            self.event_details(event),
        )

    def kind_label(self, kind: str) -> str:
        return {
            "registered": self.tr("Registered"),
            "progress": self.tr("Progress entry"),
            "closed": self.tr("Closed"),
            "transfer": self.tr("Transfer"),
            "escalation": self.tr("Escalation"),
            "approval_requested": self.tr("Approval requested"),
            "approval_decided": self.tr("Approval decision"),
            "reminder": self.tr("Reminder"),
            "survey": self.tr("Survey"),
            "audit": self.tr("Change"),
        }.get(kind, kind)

    def event_title(self, event: TimelineEvent) -> str:
        """The "what" column: the service's line in English; in another language the
        kind's own words (with the stage of a progress entry, the decision of an approval,
        the step of an escalation)."""
        details = event.details if isinstance(event.details, dict) else {}
        if event.kind == "audit" and details.get("action") in self.TITLE_DETAILS:
            return self.audit_title(str(details["action"]), event.actor, details)
        if self.language == "en":
            return event.title
        label = self.kind_label(event.kind)
        extra = ""
        if event.kind == "progress" and details.get("stage"):
            extra = STAGES.label(str(details["stage"]), self.language)
        elif event.kind == "approval_decided" and details.get("decision"):
            extra = self.decision_label(str(details["decision"]))
        elif event.kind == "escalation" and details.get("to_step") is not None:
            extra = ESCALATION_STEPS.label(str(details["to_step"]), self.language)
        elif event.kind == "reminder" and details.get("kind"):
            extra = REMINDER_KINDS.label(str(details["kind"]), self.language)
        elif event.kind == "audit":
            extra = event.title
        return f"{label}：{extra}" if extra else label

    def audit_title(self, action: str, actor: str, details: dict[str, Any]) -> str:
        """The routing decision, a re-assessment or the account frozen note in the UI
        language, from the audited details."""
        if action == "complaint_routed":
            rule = ROUTE_RULES.label(str(details.get("rule") or ""), self.language)
            text = self.tr("Assigned by rule: {rule} → {owner}").format(
                rule=rule, owner=details.get("owner", "")
            )
            if details.get("fallback"):
                text += " " + self.tr("(fallback: the rule could not be met)")
            return text
        if action == "account_frozen":
            return (
                self.tr("Account frozen: yes")
                if details.get("frozen")
                else self.tr("Account frozen: no")
            )
        parts = []
        urgent = self._pair(details.get("urgent"))
        if urgent is not None:
            parts.append(self.tr("marked urgent") if urgent[1] else self.tr("urgent mark removed"))
        for key, template in (
            ("level", self.tr("level {before} → {after}")),
            ("subtype", self.tr("subtype {before} → {after}")),
            ("department", self.tr("department {before} → {after}")),
            ("owner", self.tr("owner {before} → {after}")),
        ):
            pair = self._pair(details.get(key))
            if pair is not None:
                parts.append(
                    template.format(
                        before=self.detail_value(key, pair[0]) or "-",
                        after=self.detail_value(key, pair[1]) or "-",
                    )
                )
        return self.tr("Re-assessed by {who}: {what}").format(
            who=actor or self.tr("System"), what="; ".join(parts)
        )

    @staticmethod
    def _pair(value: Any) -> tuple[Any, Any] | None:
        """A re-assessment's [before, after]."""
        if isinstance(value, list | tuple) and len(value) == 2:
            return value[0], value[1]
        return None

    def decision_label(self, code: str) -> str:
        return self.words.decision_label(code)

    def detail_value(self, key: str, value: Any) -> str:
        """A detail's value in words (``ui/detail_words.py``, shared with the audit log)."""
        return self.words.value(key, value)

    def detail_key(self, key: str) -> str:
        return self.words.key_label(key)

    def event_details(self, event: TimelineEvent) -> str:
        lines = []
        details = event.details if isinstance(event.details, dict) else {}
        named = (
            self.TITLE_DETAILS.get(str(details.get("action")), frozenset())
            if event.kind == "audit"
            else frozenset()
        )
        for key, value in details.items():
            if (
                key in self.HIDDEN_DETAILS
                or key in named
                or (key == "stage" and event.kind == "progress")
            ):
                continue  # the "what" column names a progress entry's stage
            pair = self._pair(value) if event.kind == "audit" else None
            if pair is not None:
                text = self.tr("{before} → {after}").format(
                    before=self.detail_value(key, pair[0]) or "-",
                    after=self.detail_value(key, pair[1]) or "-",
                )
            else:
                text = self.detail_value(key, value)
            if text:
                lines.append(f"{self.detail_key(key)}: {text}")
        if event.attachments:
            lines.append(
                self.tr("Attachments: {names}").format(
                    names=", ".join(name for _id, name in event.attachments)
                )
            )
        return "\n".join(lines)


class CaseTimeline(QTableWidget):
    """The events of a case, oldest first, scrolled to the newest. A row's evidence files
    open from its context menu or by a double-click: ``attachment_requested(id)`` for
    each."""

    attachment_requested = Signal(object)  # the attachment id

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(0, 4, parent)
        self.setObjectName("timeline_table")
        self.text = TimelineText(language, self)
        self.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("What"), self.tr("Details")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(2, 220)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.cellDoubleClicked.connect(lambda row, _column: self.open_attachments_of_row(row))

    def show_events(self, events: list[TimelineEvent]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(events))
        for row, event in enumerate(events):
            for column, text in enumerate(self.text.row(event)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, event.kind)
                item.setData(ATTACHMENTS_ROLE, list(event.attachments))
                item.setToolTip(text)
                self.setItem(row, column, item)
        self.resizeRowsToContents()
        self.scrollToBottom()

    def texts(self) -> list[tuple[str, str, str, str]]:
        """The texts of every row as shown."""
        return [
            tuple(self.item(row, column).text() for column in range(4))
            for row in range(self.rowCount())
        ]

    def attachments_of_row(self, row: int) -> list[tuple[int, str]]:
        item = self.item(row, 0)
        return list(item.data(ATTACHMENTS_ROLE) or []) if item is not None else []

    def open_attachments_of_row(self, row: int) -> None:
        for attachment_id, _name in self.attachments_of_row(row):
            self.attachment_requested.emit(attachment_id)

    def _menu(self, pos) -> None:
        row = self.rowAt(pos.y())
        files = self.attachments_of_row(row) if row >= 0 else []
        if not files:
            return
        menu = QMenu(self)
        for attachment_id, name in files:
            action = menu.addAction(self.tr("Open {name}").format(name=name))
            action.triggered.connect(
                lambda _checked=False, aid=attachment_id: self.attachment_requested.emit(aid)
            )
        menu.popup(self.viewport().mapToGlobal(pos))
