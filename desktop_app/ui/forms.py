"""Field errors of the program's forms: the red line under a field (``FieldError``), the
mixin that lays out form rows with their error lines and shows, clears and reads the
messages (``FieldErrors``), and the red line for what belongs to no field
(``message_label``).

Used by the intake form, the survey form, the account dialogs, the password dialog, the
case window's progress form and action dialogs (and the improvement dialog built on them).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.resources import set_tone


class FieldError(QLabel):
    """The message shown under a field that the last save (or a live check) rejected;
    hidden while there is none. Its object name is ``<field>_error``."""

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


def message_label(name: str, *, strong: bool = False) -> QLabel:
    """The red line for a message that belongs to no field; hidden while empty."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    set_tone(label, "error", strong=strong)
    label.hide()
    return label


class FieldErrors:
    """Mixin for a form whose fields show their own error under them.

    The widget it is mixed into sets ``fields`` (field name -> input widget), ``errors``
    (field name -> its ``FieldError``) and ``form_message`` (the label for a message that
    belongs to no field); and ``form_layout`` (a ``QFormLayout``) when it adds its rows with
    ``add_field``.

    ``focus_on_error``: ``show_error`` also puts the cursor in the field. The case window's
    progress form and action dialogs do; the intake and survey forms do not (they focus
    the first bad field themselves, and a live check must not pull the cursor back)."""

    fields: dict[str, QWidget]
    errors: dict[str, FieldError]
    form_message: QLabel
    form_layout: QFormLayout
    focus_on_error = False

    # --- rows -----------------------------------------------------------------------------

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
        layout.addRow(label_widget, self.field_with_error(name, widget) if error else widget)
        return label_widget

    def add_field(self, label: str, name: str, widget: QWidget) -> Any:
        """A row of ``form_layout`` with its error line (``form_row``); returns the
        widget."""
        self.form_row(self.form_layout, label, name, widget)
        return widget

    def field_with_error(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` (the field ``name``) with its error line under it, in one widget to
        put in a row."""
        self.fields[name] = widget
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        self.errors[name] = FieldError(name)
        box.addWidget(self.errors[name])
        return holder

    # --- messages -------------------------------------------------------------------------

    def show_error(self, field: str | None, text: str) -> None:
        """``text`` under ``field``; under the form when the field has no error line."""
        label = self.errors.get(field or "")
        if label is None:
            self.form_message.setText(text)
            self.form_message.show()
            return
        label.show_message(text)
        widget = self.fields.get(field or "")
        if self.focus_on_error and widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self, field: str) -> None:
        label = self.errors.get(field)
        if label is not None and not label.isHidden():
            label.clear_message()

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.form_message.hide()

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none is)."""
        label = self.errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
