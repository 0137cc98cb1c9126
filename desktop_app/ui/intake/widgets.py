"""Small widgets of the intake form: the customer-request check boxes, the attachment list
that takes dropped files, and its row with the Add and Remove buttons (``attachment_row``,
also the case window's evidence row), and the suggestions of staff accounts for the staff
member complained about (``StaffCompleter``). (The red message under a field is
``forms.FieldError``.)"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import CUSTOMER_REQUESTS
from desktop_app.services.intake import StaffChoice
from desktop_app.ui.forms import ChoiceBoxes, push_button

# The text a staff suggestion puts in the field (see StaffCompleter).
StaffNameRole = Qt.ItemDataRole.UserRole + 2


class StaffCompleter(QCompleter):
    """Suggestions for the staff member complained about (``staff_completer``, popup
    ``staff_suggestions``): each account as "display name (user name)", matched anywhere
    in either name; picking one puts its display name in the field, or its user name when
    another account has the same display name (so the service finds the one account).
    Text that matches no account stays as typed (staff without an account)."""

    def __init__(self, parent: QObject | None = None):
        self.staff_model = QStandardItemModel(parent)
        super().__init__(self.staff_model, parent)
        self.setObjectName("staff_completer")
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        popup = self.popup()
        if popup is not None:
            popup.setObjectName("staff_suggestions")
        self.loaded = False

    def set_staff(self, choices: Iterable[StaffChoice]) -> None:
        choices = list(choices)
        usernames = {c.username for c in choices}
        shared = Counter(c.display_name for c in choices)
        self.staff_model.clear()
        for choice in choices:
            name = choice.display_name
            unique = (
                bool(name) and shared[name] == 1 and name not in (usernames - {choice.username})
            )
            text = (
                f"{name} ({choice.username})"
                if name and name != choice.username
                else choice.username
            )
            item = QStandardItem(text)
            item.setData(name if unique else choice.username, StaffNameRole)
            item.setEditable(False)
            self.staff_model.appendRow(item)
        self.loaded = True

    def suggestions(self) -> list[str]:
        """Every account's line, as the popup shows them."""
        return [self.staff_model.item(row).text() for row in range(self.staff_model.rowCount())]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        value = index.data(StaffNameRole)
        return str(value) if value else super().pathFromIndex(index)


class CustomerRequests(ChoiceBoxes):
    """One check box per customer request (``customer_requests_<code>``) and the text for
    "other" (``customer_request_other``, on a row of its own), enabled while "other" is
    checked."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(
            "customer_requests",
            CUSTOMER_REQUESTS,
            language,
            lambda code: f"customer_requests_{code}",
            "customer_request_other",
            parent,
        )
        self.other_text.setPlaceholderText(self.tr("What else the customer asks for"))
        self.grid.addWidget(self.other_text, (len(self.boxes) + 2) // 3, 0, 1, 3)


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

    def ask_files(self, parent: QWidget, title: str) -> int:
        """Ask for files to add with a file dialog titled ``title``; returns how many were
        added."""
        paths, _filter = QFileDialog.getOpenFileNames(
            parent,
            title,
            "",
            self.tr(
                "Images and documents (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.doc *.docx "
                "*.xls *.xlsx *.txt *.mp3 *.wav *.m4a);;All files (*)"
            ),
        )
        return self.add_paths(paths)

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


def attachment_row(
    attachments: AttachmentList, *, add: Callable | None = None
) -> tuple[QWidget, QPushButton, QPushButton]:
    """``attachments`` with its Add files (``add_attachment_button``, clicked calls
    ``add``) and Remove (``remove_attachment_button``) buttons beside it: the row widget
    and the two buttons."""
    add_button = push_button(
        QCoreApplication.translate("AttachmentList", "&Add files…"),
        "add_attachment_button",
        icon_name="attach",
        slot=add,
    )
    remove_button = push_button(
        QCoreApplication.translate("AttachmentList", "Remo&ve"),
        "remove_attachment_button",
        icon_name="remove",
        slot=attachments.remove_selected,
    )
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(attachments, 1)
    buttons = QVBoxLayout()
    buttons.addWidget(add_button)
    buttons.addWidget(remove_button)
    buttons.addStretch(1)
    row.addLayout(buttons)
    return row_widget, add_button, remove_button
