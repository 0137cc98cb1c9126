"""Pages whose real content comes with later work: each says honestly what it will do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def page_title(text: str) -> QLabel:
    """A page's heading: larger, bold text."""
    label = QLabel(text)
    label.setObjectName("page_title")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    return label


def resize_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give ``window`` its first-start size, but no larger than the screen's free area (a
    1920×1080 screen at 150 % has 1280×720 logical pixels)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width, height = min(width, available.width()), min(height, available.height())
    window.resize(width, height)


class ComingPage(QWidget):
    """A title and one sentence on what the page will do; no pretend data."""

    def __init__(self, object_name: str, title: str, purpose: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = page_title(title)
        self.purpose = QLabel(purpose)
        self.purpose.setObjectName("page_purpose")
        self.purpose.setWordWrap(True)
        self.status = QLabel(self.tr("This part of the program is not built yet."))
        self.status.setObjectName("page_status")
        self.status.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.purpose)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
