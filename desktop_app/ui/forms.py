"""Field errors of the program's forms: the red line under a field (``FieldError``), the
mixin that lays out form rows with their error lines and shows, clears and reads the
messages (``FieldErrors``), and the red line for what belongs to no field
(``message_label``, with the ``MessageLine`` mixin that shows, clears and reads it).

Used by the intake form, the survey form, the account dialogs, the password dialog, the
case window's progress form and action dialogs (and the improvement dialog built on them).

Also the inputs and buttons every form and dialog makes the same way: ``push_button``,
``password_edit``, ``name_edit``, ``accept_buttons`` (an accept button and Cancel) and
``ChoiceBoxes`` (a check box per term and a text for "other"); choosing a combo box's item
by its data (``select_data``); a key pressed alone (``plain_key``); a yes-or-no question (``ask``); a titled group of form rows (``form_group``); the order Tab follows
(``tab_order``); the hidden progress bar of
a background job (``progress_bar``) and the save-file dialog (``ask_save_path``, starting
in ``documents_folder()``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import Term
from desktop_app.ui.i18n import LANGUAGE_NAMES, SYSTEM, save_language, saved_language
from desktop_app.ui.resources import icon, set_tone

NAME_LENGTH = 60  # user and display names
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def push_button(
    text: str,
    name: str,
    *,
    icon_name: str | None = None,
    tip: str | None = None,
    slot: Callable | None = None,
    shortcut: str = "",
) -> QPushButton:
    """A button named ``name`` (with its icon, tooltip, shortcut and the slot of
    ``clicked``)."""
    button = QPushButton(text)
    button.setObjectName(name)
    if icon_name:
        button.setIcon(icon(icon_name))
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
    if tip:
        button.setToolTip(tip)
    if slot is not None:
        button.clicked.connect(slot)
    return button


def plain_key(event: QKeyEvent, *keys: Qt.Key) -> bool:
    """Whether ``event`` is one of ``keys`` pressed without Ctrl, Shift or Alt (the
    keypad's Enter counts)."""
    return event.key() in keys and event.modifiers() in _PLAIN


def password_edit(name: str) -> QLineEdit:
    """A line edit named ``name`` that shows dots for what is typed."""
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def name_edit(name: str, text: str = "") -> QLineEdit:
    """A line edit for a user or display name (at most ``NAME_LENGTH`` characters)."""
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setMaxLength(NAME_LENGTH)
    return edit


def accept_buttons(
    text: str, name: str, accepted: Callable, rejected: Callable
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A dialog's button box: the default button ``text`` (``name``, clicked calls
    ``accepted``) and Cancel (``cancel_button``, calls ``rejected``). Returns the box and
    the two buttons."""
    buttons = QDialogButtonBox()
    accept = buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setObjectName(name)
    accept.setDefault(True)
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName("cancel_button")
    accept.clicked.connect(accepted)
    cancel.clicked.connect(rejected)
    return buttons, accept, cancel


_Button = QMessageBox.StandardButton


def select_data(combo: QComboBox, data: Any) -> bool:
    """Make the item of ``combo`` whose data is ``data`` current; False (nothing changed)
    when there is none."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    yes: _Button = _Button.Yes,
    no: _Button = _Button.No,
    *,
    default: _Button | None = None,
) -> bool:
    """Ask ``text`` with the buttons ``yes`` and ``no`` (the default one ``default``, else
    ``no``); True when the answer is ``yes``."""
    answer = QMessageBox.question(parent, title, text, yes | no, no if default is None else default)
    return answer == yes


def progress_bar(
    name: str, *, max_width: int | None = None, text: str | None = None
) -> QProgressBar:
    """The hidden progress bar of a background job, named ``name``: busy (no range) until
    the job reports its progress. ``text``: its format (e.g. "Exporting… %p%")."""
    bar = QProgressBar()
    bar.setObjectName(name)
    bar.setRange(0, 0)
    if max_width is not None:
        bar.setMaximumWidth(max_width)
    if text is not None:
        bar.setFormat(text)
    bar.hide()
    return bar


def documents_folder() -> Path:
    """The user's documents folder, where save dialogs start."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def ask_save_path(
    parent: QWidget | None,
    title: str,
    start: str | Path,
    file_filter: str,
    *,
    suffix: str = "",
) -> str | None:
    """Ask where to save a file (the dialog starts at ``start``); None when cancelled.
    ``suffix`` (e.g. ".xlsx") is added to a name chosen without it."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if not path:
        return None
    if suffix and not path.lower().endswith(suffix):
        path += suffix
    return path


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
        show_text(self, text)

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def show_text(label: QLabel, text: str) -> None:
    """``text`` in ``label``, shown while there is any."""
    label.setText(text)
    label.setVisible(bool(text))


def buddy_rows(
    form: QFormLayout, widgets: dict[str, QWidget], under: dict[str, QWidget] | None = None
) -> dict[str, QLabel]:
    """A row of ``form`` per widget, its label (text set later, for each language) the
    widget's buddy, and ``under[key]`` on a row of its own below it when given. Returns the
    labels by the keys of ``widgets``."""
    labels = {}
    for key, widget in widgets.items():
        label = QLabel()
        label.setBuddy(widget)
        form.addRow(label, widget)
        if under and key in under:
            form.addRow("", under[key])
        labels[key] = label
    return labels


def form_group(title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
    """A group box titled ``title`` and named ``name``, and the form layout of its rows."""
    group = QGroupBox(title)
    group.setObjectName(name)
    return group, QFormLayout(group)


def tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in the order given."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def widget_row(*widgets: QWidget) -> QHBoxLayout:
    """A row of ``widgets``, left to right (buttons, mostly)."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


def note_label(name: str) -> QLabel:
    """A wrapping label named ``name`` whose text can be selected (and copied) with the
    mouse: facts, paths, results."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def message_label(
    name: str, *, strong: bool = False, selectable: bool = False, tone: str | None = "error"
) -> QLabel:
    """The red line (``tone``) for a message that belongs to no field; hidden while empty.
    ``selectable``: the text can be selected (and copied) with the mouse."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    if tone is not None:
        set_tone(label, tone, strong=strong)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class LanguageCombo(QComboBox):
    """The language of the program on this computer: "follow the system" (its text set by
    the owner, ``set_system_text``) and each language; it starts at the saved choice.
    Choosing one saves it and emits ``chosen(choice)``."""

    chosen = Signal(str)

    def __init__(self, name: str, system_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.addItem(system_text, SYSTEM)
        for code, language in LANGUAGE_NAMES.items():
            self.addItem(language, code)
        self.setCurrentIndex(max(0, self.findData(saved_language())))
        self.currentIndexChanged.connect(self._chosen)

    def set_system_text(self, text: str) -> None:
        self.setItemText(0, text)

    def _chosen(self, index: int) -> None:
        choice = self.itemData(index)
        if choice not in (SYSTEM, *LANGUAGE_NAMES):
            return
        save_language(choice)
        self.chosen.emit(choice)


class MessageLine:
    """Mixin for a widget with one message line, ``message`` (a ``QLabel``, hidden while
    there is nothing to say)."""

    message: QLabel

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def clear_message(self) -> None:
        self.message.clear()
        self.message.hide()

    def message_text(self) -> str:
        """The message shown ("" when none is)."""
        return self.message.text() if not self.message.isHidden() else ""


class ChoiceBoxes(QWidget):
    """One check box per term, three to a row, and the text for "other"
    (``other_text``), enabled while the "other" box is checked. ``box_name(code)`` names
    each box; ``changed()`` follows a box or the text."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        terms: Iterable[Term],
        language: str,
        box_name: Callable[[str], str],
        other_name: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self.boxes: dict[str, QCheckBox] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for index, term in enumerate(terms):
            box = QCheckBox(term.label(language))
            box.setObjectName(box_name(term.code))
            box.toggled.connect(self._toggled)
            self.boxes[term.code] = box
            self.grid.addWidget(box, index // 3, index % 3)
        self.other_text = QLineEdit()
        self.other_text.setObjectName(other_name)
        self.other_text.setEnabled(False)
        self.other_text.textChanged.connect(self.changed)

    def _toggled(self) -> None:
        self.other_text.setEnabled(self.boxes["other"].isChecked())
        self.changed.emit()

    def codes(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_codes(self, codes: list[str]) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def first_box(self) -> QCheckBox:
        return next(iter(self.boxes.values()))

    def focus_widgets(self) -> list[QWidget]:
        return [*self.boxes.values(), self.other_text]


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

    def show_problems_of_fields(
        self, by_field: dict[str, list[str]], order: Iterable[str]
    ) -> QWidget | None:
        """After clearing every message: the texts of each field of ``by_field`` under it
        (those of a field with no error line together under the form), and the cursor in
        the first bad field in ``order``, which is returned (None when there is none)."""
        self.clear_errors()
        general: list[str] = []
        for field, texts in by_field.items():
            if field in self.errors:
                self.errors[field].show_message("\n".join(texts))
            else:
                general.extend(texts)
        if general:
            self.form_message.setText("\n".join(general))
            self.form_message.show()
        target = next((self.fields.get(f) for f in order if f in by_field), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

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
