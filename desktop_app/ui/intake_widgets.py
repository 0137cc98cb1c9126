"""Small widgets of the intake form: the red message under a field, the customer-request
check boxes, the attachment list that takes dropped files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import CUSTOMER_REQUESTS
from desktop_app.ui.resources import set_tone


class FieldError(QLabel):
    """The message shown under a field that the last save (or a live check) rejected;
    hidden while there is none."""

    def __init__(self, field: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"{field}_error")
        set_tone(self, "error")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class FieldErrors:
    """Mixin for a form whose fields show their own error under them: ``errors`` maps a
    field name to its ``FieldError``; what belongs to no field shows in ``form_message``."""

    errors: dict[str, FieldError]
    fields: dict[str, QWidget]
    form_message: QLabel

    def form_row(
        self, layout: QFormLayout, label: str, name: str, widget: QWidget, *, error: bool = True
    ) -> QLabel:
        """A form row: the label (buddy of the widget), the widget and, with ``error``,
        its error line under it. Returns the label."""
        if not widget.objectName():
            widget.setObjectName(name)
        self.fields[name] = widget
        label_widget = QLabel(label)
        label_widget.setObjectName(f"{name}_label")
        label_widget.setBuddy(widget)
        if not error:
            layout.addRow(label_widget, widget)
            return label_widget
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        self.errors[name] = FieldError(name)
        box.addWidget(self.errors[name])
        layout.addRow(label_widget, holder)
        return label_widget

    def show_error(self, field: str, text: str) -> None:
        label = self.errors.get(field)
        if label is None:
            self.form_message.setText(text)
            self.form_message.show()
            return
        label.show_message(text)

    def clear_error(self, field: str) -> None:
        label = self.errors.get(field)
        if label is not None and not label.isHidden():
            label.clear_message()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.form_message.hide()

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


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
