"""The typical-case library [典型案例库] (docs/rules.md#typical-case-library): the dialog that
searches it by text, type, product and cause (View > Typical-case library…), and the case
window's dialog that marks a closed case typical (summary, lesson, the handling script).

The library holds no customer name, contact or ID number; the description it shows is the
masked one the service kept.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import case_library, reference
from desktop_app.services.case_library import LibraryEntry
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.case.dialogs import ActionDialog
from desktop_app.ui.case.fields import reason_edit
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.tasks import Task, TaskRunner, while_alive

DATE_FORMAT = "%Y-%m-%d"


def entry_label(entry: LibraryEntry, language: str) -> str:
    """One line for a list: number · subtype · summary."""
    subtype = entry.subtype_zh if language.startswith("zh") else entry.subtype_en
    return f"{entry.number} · {subtype} · {entry.summary}"


class MarkTypicalDialog(ActionDialog):
    """The case window's "Typical case…": summary, lesson and the handling script that
    worked (``case_library.mark_typical``)."""

    action = "mark_typical"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mark_typical_dialog")
        self.setMinimumWidth(520)
        self.set_texts(
            self.tr("Mark as a typical case"),
            self.tr(
                "The case goes into the typical-case library for everyone to learn from, "
                "without the customer's name, contact or ID number."
            ),
        )
        self.summary = self.add_field(
            self.tr("&Summary:"), "summary", reason_edit("summary", self.tr("What happened"))
        )
        self.lesson = self.add_field(
            self.tr("&Lesson:"), "lesson", reason_edit("lesson", self.tr("What we learnt"))
        )
        self.script = self.add_field(
            self.tr("Handling &script:"),
            "script",
            reason_edit("script", self.tr("What was said or done that worked")),
        )

    def values(self) -> dict[str, Any]:
        return {
            "summary": self.summary.toPlainText().strip(),
            "lesson": self.lesson.toPlainText().strip(),
            "script": self.script.toPlainText().strip(),
        }

    def problems(self) -> dict[str, str]:
        return {name: self.required_text(name) for name in ("summary", "lesson", "script")}


def _choices() -> tuple[list, list]:
    return reference.type_tree(), reference.causes()


class CaseLibraryDialog(QDialog):
    """Search the library; the selected entry's summary, lesson, script and (masked)
    description below the table."""

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.language = ui_language()
        self.entries: list[LibraryEntry] = []
        self.setObjectName("case_library_dialog")
        self.setWindowTitle(self.tr("Typical-case library"))
        self.resize(900, 620)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("library_search")
        self.search_edit.setPlaceholderText(self.tr("Search summaries, lessons and scripts"))
        self.search_edit.setClearButtonEnabled(True)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("library_type")
        self.type_combo.addItem(self.tr("Any type"), "")
        self.product_edit = QLineEdit()
        self.product_edit.setObjectName("library_product")
        self.product_edit.setPlaceholderText(self.tr("Product"))
        self.cause_combo = QComboBox()
        self.cause_combo.setObjectName("library_cause")
        self.cause_combo.addItem(self.tr("Any cause"), "")
        filters = QHBoxLayout()
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search_edit)
        filters.addWidget(label)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.product_edit, 1)
        filters.addWidget(self.cause_combo, 1)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("library_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Subtype"),
                self.tr("Product"),
                self.tr("Cause"),
                self.tr("Summary"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.detail = QTextBrowser()
        self.detail.setObjectName("library_detail")
        self.status = QLabel()
        self.status.setObjectName("library_status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail, 2)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.search_edit.textChanged.connect(self.search)
        self.product_edit.textChanged.connect(self.search)
        self.type_combo.currentIndexChanged.connect(self.search)
        self.cause_combo.currentIndexChanged.connect(self.search)
        self._loading_choices = True
        task = self.tasks.submit(_choices, name="library-choices", key=(self, "choices"))
        task.on(
            succeeded=while_alive(self, self._set_choices),
            failed=while_alive(self, self._failed),
        )
        self.search()

    def _set_choices(self, choices: tuple[list, list]) -> None:
        types, causes = choices
        for category in types:
            self.type_combo.addItem(category.label(self.language), category.code)
            for sub in category.children:
                self.type_combo.addItem("    " + sub.label(self.language), sub.code)
        for cause in causes:
            self.cause_combo.addItem(cause.label(self.language), cause.code)

    def search(self, *_args: object) -> Task:
        task = self.tasks.submit(
            case_library.search_library,
            self.session,
            text=self.search_edit.text(),
            type_code=self.type_combo.currentData() or "",
            product=self.product_edit.text(),
            cause=self.cause_combo.currentData() or "",
            name="library-search",
            key=(self, "search"),
            policy="latest",
        )
        task.on(
            succeeded=while_alive(self, self.show_entries),
            failed=while_alive(self, self._failed),
        )
        return task

    def _failed(self, exc: ServiceError) -> None:
        self.status.setText(service_message(exc))

    def show_entries(self, entries: list[LibraryEntry]) -> None:
        self.entries = list(entries)
        zh = self.language.startswith("zh")
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            texts = (
                e.number,
                e.subtype_zh if zh else e.subtype_en,
                e.product,
                (e.cause_zh if zh else e.cause_en) if e.cause else "",
                e.summary,
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.status.setText(self.tr("{count} typical cases").format(count=len(self.entries)))
        if self.entries:
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            self.detail.clear()
            return
        self.show_entry(self.entries[rows[0].row()])

    def show_entry(self, e: LibraryEntry) -> None:
        import html

        def part(title: str, text: str) -> str:
            body = html.escape(text).replace("\n", "<br/>")
            return f"<h4>{html.escape(title)}</h4><p>{body}</p>"

        head = self.tr("Marked by {name} on {day}").format(
            name=e.marked_by, day=e.marked_at.strftime(DATE_FORMAT)
        )
        self.detail.setHtml(
            f"<p><b>{html.escape(e.number)}</b> — {html.escape(head)}</p>"
            + part(self.tr("Summary"), e.summary)
            + part(self.tr("Lesson"), e.lesson)
            + part(self.tr("Handling script"), e.script)
            + part(self.tr("Description (personal data masked)"), e.description)
        )
        self.detail.setProperty("case_number", e.number)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)


__all__ = ["CaseLibraryDialog", "MarkTypicalDialog", "entry_label"]
