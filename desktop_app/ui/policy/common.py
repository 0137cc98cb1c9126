"""What the Policy tabs share: the editor's context (session, tasks, hub), a save that
reports at the field or in the status line, and setting widgets built from a setting's
declaration."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.settings import BY_KEY, SECRET_KEYS
from desktop_app.domain.vocab import CALLBACK_RULES
from desktop_app.services.errors import ServiceError
from desktop_app.services.policy import PolicyView
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.detail_words import CODES_HINT
from desktop_app.ui.forms import message_label
from desktop_app.ui.i18n import message_text, service_message, ui_language
from desktop_app.ui.tasks import Task, TaskRunner


class PolicyContext(QObject):
    """The editor's shared state: who edits, where work runs, the policy last read.
    ``saved(text)`` after each save (the status line), ``reload`` asks the editor to read
    the policy again."""

    saved = Signal(str)
    failed = Signal(str)
    reload = Signal()

    def __init__(
        self, session: Session, tasks: TaskRunner, changes: ChangeHub, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.changes = changes
        self.can_edit = session.role == "manager"
        self.view: PolicyView | None = None
        self.language = ui_language()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        field_error: Callable[[str | None, str], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """``fn(session, *args)`` on the worker; ``done(result)`` after, then the policy is
        read again and ``settings`` announced. A refusal goes to ``field_error(field,
        text)`` (else the status line); a conflict also reloads."""
        task = self.tasks.submit(fn, self.session, *args, **kwargs)

        def succeeded(result: Any) -> None:
            done(result)
            self.changes.announce("settings")
            self.reload.emit()

        def failed(exc: ServiceError) -> None:
            text = service_message(exc)
            if type(exc).__name__ == "ConflictError":
                self.failed.emit(text)
                self.reload.emit()
            elif field_error is not None:
                field_error(exc.field, text)
            else:
                self.failed.emit(text)

        return task.on(succeeded=succeeded, failed=failed)


def setting_title(key: str) -> str:
    """A setting's label in the UI language, without the codes some labels end with."""
    return CODES_HINT.sub("", message_text(BY_KEY[key].label))


def setting_widget(key: str, parent: QWidget | None = None) -> QWidget:
    """An input for setting ``key`` within its allowed range (object name: the key)."""
    definition = BY_KEY[key]
    widget: QWidget
    if definition.kind is bool:
        widget = QCheckBox(setting_title(key), parent)
    elif definition.choices:
        combo = QComboBox(parent)
        for code in definition.choices:
            label = CALLBACK_RULES.label(code, ui_language()) if code in CALLBACK_RULES else code
            combo.addItem(label, code)
        widget = combo
    elif definition.kind is float:
        spin = QDoubleSpinBox(parent)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setRange(definition.minimum or 0, definition.maximum or 1e6)
        widget = spin
    elif definition.kind is int:
        ispin = QSpinBox(parent)
        ispin.setRange(int(definition.minimum or 0), int(definition.maximum or 1_000_000))
        widget = ispin
    else:
        edit = QLineEdit(parent)
        if key in SECRET_KEYS:
            edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        widget = edit
    widget.setObjectName(key)
    return widget


def choice_label(code: str) -> str:
    """A text setting's choice in words (first-callback rules, robot kinds)."""
    if code in CALLBACK_RULES:
        return CALLBACK_RULES.label(code, ui_language())
    words = {
        "auto": QCoreApplication.translate("PolicyEditor", "Automatic (by the address)"),
        "wecom": QCoreApplication.translate("PolicyEditor", "WeCom (企业微信)"),
        "dingtalk": QCoreApplication.translate("PolicyEditor", "DingTalk (钉钉)"),
        "feishu": QCoreApplication.translate("PolicyEditor", "Feishu / Lark (飞书)"),
    }
    return words.get(code, code)


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QDoubleSpinBox):
        return float(widget.value())
    if isinstance(widget, QSpinBox):
        return int(widget.value())
    raise TypeError(widget)


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0 and value:
            widget.addItem(str(value), value)
            index = widget.count() - 1
        widget.setCurrentIndex(max(0, index))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))


def changed_signal(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    return widget.valueChanged  # type: ignore[attr-defined]


def error_label(name: str) -> QLabel:
    return message_label(name)
