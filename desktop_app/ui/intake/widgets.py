"""Small widgets of the intake form: the customer-request check boxes, the attachment list
that takes dropped files. (The red message under a field is ``forms.FieldError``.)"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop_app.domain.vocab import CUSTOMER_REQUESTS


class CustomerRequests(QWidget):
    """One check box per customer request (``customer_requests_<code>``) and the text for
    "other" (``customer_request_other``), enabled while "other" is checked."""

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("customer_requests")
        self.boxes: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, term in enumerate(CUSTOMER_REQUESTS):
            box = QCheckBox(term.label(language))
            box.setObjectName(f"customer_requests_{term.code}")
            box.toggled.connect(self._toggled)
            self.boxes[term.code] = box
            layout.addWidget(box, index // 3, index % 3)
        self.other_text = QLineEdit()
        self.other_text.setObjectName("customer_request_other")
        self.other_text.setPlaceholderText(self.tr("What else the customer asks for"))
        self.other_text.setEnabled(False)
        self.other_text.textChanged.connect(self.changed)
        layout.addWidget(self.other_text, (len(self.boxes) + 2) // 3, 0, 1, 3)

    def _toggled(self) -> None:
        self.other_text.setEnabled(self.boxes["other"].isChecked())
        self.changed.emit()

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.boxes.values(), self.other_text]


class AttachmentList(QListWidget):
    """The files to attach: local files dropped on the list are added; Delete removes the
    selected ones."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachments")
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setToolTip(
            self.tr("Screenshots, photos and other files: drop them here or use Add files")
        )

    def paths(self) -> list[str]:
        return [self.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.count())]

    def set_paths(self, paths: list[str]) -> None:
        self.clear()
        self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> int:
        """Add files not yet listed; returns how many were added."""
        present = set(self.paths())
        added = 0
        for path in paths:
            if not path or path in present:
                continue
            item = QListWidgetItem(Path(path).name)
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.addItem(item)
            present.add(path)
            added += 1
        if added:
            self.changed.emit()
        return added

    def remove_selected(self) -> int:
        rows = sorted((index.row() for index in self.selectedIndexes()), reverse=True)
        for row in rows:
            self.takeItem(row)
        if rows:
            self.changed.emit()
        return len(rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selectedItems():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _local_files(event) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and Path(url.toLocalFile()).is_file()
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        files = self._local_files(event)
        if files:
            self.add_paths(files)
            event.acceptProposedAction()
        else:
            event.ignore()
