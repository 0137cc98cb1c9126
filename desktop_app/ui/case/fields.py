"""Small inputs and time formats shared by the case window, its progress form and its
dialogs: the optional date-time field, the reason text box, times to the minute."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QPlainTextEdit, QWidget

QT_TIME_FORMAT = "yyyy-MM-dd HH:mm"
TIME_FORMAT = "%Y-%m-%d %H:%M"
# The value an unset OptionalDateTime holds (shown as "not set").
UNSET = dt.datetime(2000, 1, 1)


def minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def format_time(value: dt.datetime | None) -> str:
    """``value`` as TIME_FORMAT; "" for no time."""
    return value.strftime(TIME_FORMAT) if value else ""


def reason_edit(name: str, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(90)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


class OptionalDateTime(QWidget):
    """A date and time that may be unset: the check box says whether there is one.

    ``value()`` is None while unchecked. Checking the box starts from ``default()`` (the
    session's "now", to the minute)."""

    def __init__(self, name: str, default=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.default = default or (lambda: minute(dt.datetime.now()))
        self.enabled_box = QCheckBox(self.tr("Set"))
        self.enabled_box.setObjectName(f"{name}_set")
        self.edit = QDateTimeEdit()
        self.edit.setObjectName(f"{name}_edit")
        self.edit.setDisplayFormat(QT_TIME_FORMAT)
        self.edit.setCalendarPopup(True)
        # Unset shows as "not set": the edit's minimum with a special text.
        self.edit.setMinimumDateTime(QDateTime(UNSET))
        self.edit.setSpecialValueText(self.tr("not set"))
        self.edit.setDateTime(QDateTime(UNSET))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.edit, 1)
        self.enabled_box.toggled.connect(self._toggled)
        self.setFocusProxy(self.enabled_box)

    def _toggled(self, checked: bool) -> None:
        if checked and not self.edit.isEnabled():
            self.edit.setDateTime(QDateTime(self.default()))
        elif not checked:
            self.edit.setDateTime(QDateTime(UNSET))
        self.edit.setEnabled(checked)

    def value(self) -> dt.datetime | None:
        if not self.enabled_box.isChecked():
            return None
        return minute(self.edit.dateTime().toPython())

    def set_value(self, value: dt.datetime | None) -> None:
        if value is None:
            self.enabled_box.setChecked(False)
            self.edit.setDateTime(QDateTime(UNSET))
            return
        self.edit.setDateTime(QDateTime(minute(value)))
        self.edit.setEnabled(True)
        self.enabled_box.setChecked(True)

    def is_set(self) -> bool:
        return self.enabled_box.isChecked()
