"""The customer record dialog (docs/rules.md#customers): name, contacts, ID number, member
number and tier, and the sensitive kind that makes the customer's complaints urgent.

Opened from the case window (``customer_button``) and from the intake form's side panel
(``edit_customer_button``) with the window's ``TaskRunner``: ``load()`` reads
``customers.get_customer``, Save runs ``customers.update_customer``. Supervisors and
managers edit; for anyone else every field is read-only and Save is hidden. Contacts shown
masked stay read-only (they are left as they are). A problem shows under its field and
the dialog keeps what was typed; after a save the dialog closes and ``saved`` carries the
service's answer (``CustomerUpdated``).

Hooks for tests and automation: the public widgets (objectNames ``customer_name``,
``customer_phone``, ``customer_email``, ``id_number``, ``member_number``, ``member_tier``,
``sensitive_kind``, ``reason``, ``reassess_open``, ``save_button``), ``set_tier(code)``,
``set_sensitive_kind(code or None)``, ``save()`` (returns the ``Task``) and ``error_text``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import MEMBER_TIERS, SENSITIVE_KINDS
from desktop_app.services import customers
from desktop_app.services.customers import CustomerRecord, CustomerUpdated
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import FormInvalid
from desktop_app.services.session import Session
from desktop_app.ui.forms import FieldError, FieldErrors, accept_buttons, message_label, select_data
from desktop_app.ui.i18n import problem_text, service_message, ui_language
from desktop_app.ui.tasks import Task, TaskRunner

FIELD_ORDER = (
    "customer_name",
    "customer_phone",
    "customer_email",
    "member_number",
    "member_tier",
    "sensitive_kind",
    "reason",
)


class CustomerDialog(FieldErrors, QDialog):
    """The record of ``customer_id`` for ``session``; service calls run on ``tasks``."""

    saved = Signal(object)  # CustomerUpdated
    loaded = Signal()
    failed = Signal(object)  # the ServiceError of a load or save

    def __init__(
        self,
        session: Session,
        customer_id: int,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("customer_dialog")
        self.setWindowTitle(self.tr("Customer"))
        self.setMinimumWidth(460)
        self.session = session
        self.customer_id = customer_id
        self.tasks = tasks
        self.language = ui_language()
        self.record: CustomerRecord | None = None
        self.result_value: CustomerUpdated | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

        self.intro = QLabel()
        self.intro.setObjectName("customer_intro")
        self.intro.setWordWrap(True)
        self.form_layout = QFormLayout()
        self.customer_name = self._line("customer_name", 100)
        self.add_field(self.tr("&Name"), "customer_name", self.customer_name)
        self.customer_phone = self._line("customer_phone", 40)
        self.add_field(self.tr("&Phone"), "customer_phone", self.customer_phone)
        self.customer_email = self._line("customer_email", 120)
        self.add_field(self.tr("&E-mail"), "customer_email", self.customer_email)
        self.id_number = self._line("id_number", 40)
        self.id_number.setReadOnly(True)
        self.add_field(self.tr("ID number"), "id_number", self.id_number)
        self.member_number = self._line("member_number", 60)
        self.add_field(self.tr("&Member number"), "member_number", self.member_number)
        self.member_tier = QComboBox()
        self.member_tier.setObjectName("member_tier")
        for term in MEMBER_TIERS:
            self.member_tier.addItem(term.label(self.language), term.code)
        self.add_field(self.tr("Member &tier"), "member_tier", self.member_tier)
        self.sensitive_kind = QComboBox()
        self.sensitive_kind.setObjectName("sensitive_kind")
        self.sensitive_kind.addItem(self.tr("Not sensitive"), "")
        for term in SENSITIVE_KINDS:
            self.sensitive_kind.addItem(term.label(self.language), term.code)
        self.add_field(self.tr("Sensiti&ve customer"), "sensitive_kind", self.sensitive_kind)
        self.reason = self._line("reason", customers.REASON_MAX)
        self.reason.setPlaceholderText(
            self.tr("Why the tier or sensitivity changes (recorded in the audit log)")
        )
        self.add_field(self.tr("&Reason"), "reason", self.reason)
        self.reassess_open = QCheckBox(self.tr("Also re-assess this customer's open cases"))
        self.reassess_open.setObjectName("reassess_open")
        self.form_layout.addRow("", self.reassess_open)
        self.fields["reassess_open"] = self.reassess_open

        self.form_message = message_label("customer_message")
        self.buttons, self.save_button, self.cancel_button = accept_buttons(
            self.tr("&Save"), "save_button", self.save, self.reject
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form_layout)
        layout.addWidget(self.form_message)
        layout.addWidget(self.buttons)
        self._set_editable(False)
        self.save_button.setEnabled(False)

    @staticmethod
    def _line(name: str, length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(length)
        return edit

    # --- loading --------------------------------------------------------------------------

    def load(self) -> Task:
        """Read the record (off the UI thread) and show it."""
        task = self.tasks.submit(
            customers.get_customer, self.session, self.customer_id, name="customer-load"
        )
        task.on(succeeded=self.show_record, failed=self._load_failed)
        return task

    def show_record(self, record: CustomerRecord) -> None:
        self.record = record
        self.customer_name.setText(record.name)
        self.customer_phone.setText(record.phone)
        self.customer_email.setText(record.email)
        self.id_number.setText(record.id_number)
        self.member_number.setText(record.member_number)
        select_data(self.member_tier, record.tier)
        if record.sensitive and not record.sensitive_kind:
            self.sensitive_kind.addItem(
                self.tr("Sensitive (kind not recorded)"), customers.UNRECORDED
            )
        select_data(
            self.sensitive_kind,
            record.sensitive_kind or (customers.UNRECORDED if record.sensitive else ""),
        )
        self.reason.clear()
        self.reassess_open.setChecked(False)
        self.reassess_open.setText(
            self.tr("Also re-assess this customer's open cases ({count})").format(
                count=record.open_cases
            )
        )
        self.reassess_open.setEnabled(record.may_edit and record.open_cases > 0)
        if record.may_edit:
            intro = self.tr(
                "A sensitive customer's complaints are urgent; a VIP member's are level III. "
                "A change applies to the customer's next complaint; tick the box to re-assess "
                "the open ones too."
            )
            if record.contact_masked:
                intro += " " + self.tr("You see the contacts masked: they stay as they are.")
        else:
            intro = self.tr("Only supervisors and managers may change a customer's record.")
        self.intro.setText(intro)
        self._set_editable(record.may_edit)
        self.save_button.setVisible(record.may_edit)
        self.save_button.setEnabled(record.may_edit)
        self.clear_errors()
        self.loaded.emit()

    def _load_failed(self, exc: ServiceError) -> None:
        self.show_error(None, service_message(exc))
        self.failed.emit(exc)

    def _set_editable(self, editable: bool) -> None:
        masked = self.record is None or self.record.contact_masked
        for edit in (self.customer_name, self.member_number, self.reason):
            edit.setReadOnly(not editable)
        for edit in (self.customer_phone, self.customer_email):
            edit.setReadOnly(not editable or masked)
        for combo in (self.member_tier, self.sensitive_kind):
            combo.setEnabled(editable)
        self.reason.setVisible(editable)
        label = self.findChild(QLabel, "reason_label")
        if label is not None:
            label.setVisible(editable)
        self.reassess_open.setVisible(editable)

    # --- filling (tests, automation) ------------------------------------------------------

    def set_tier(self, code: str) -> bool:
        return select_data(self.member_tier, code)

    def set_sensitive_kind(self, code: str | None) -> bool:
        return select_data(self.sensitive_kind, code or "")

    # --- saving ---------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """``update_customer``'s keyword arguments from what is shown."""
        record = self.record
        assert record is not None
        kind = self.sensitive_kind.currentData() or None  # UNRECORDED: kept as it is
        values: dict[str, Any] = {
            "updated_at": record.updated_at,
            "name": self.customer_name.text(),
            "member_number": self.member_number.text(),
            "tier": self.member_tier.currentData(),
            "sensitive_kind": kind,
            "reason": self.reason.text(),
            "reassess_open": self.reassess_open.isChecked(),
        }
        if not record.contact_masked:
            values["phone"] = self.customer_phone.text()
            values["email"] = self.customer_email.text()
        return values

    def save(self) -> Task | None:
        """Run ``update_customer`` with what is shown (None: nothing loaded or not allowed)."""
        if self.record is None or not self.record.may_edit:
            return None
        self.clear_errors()
        self.save_button.setEnabled(False)
        # The record's keywords bound first: ``name`` is also the task's own keyword.
        call = functools.partial(customers.update_customer, **self.values())
        task = self.tasks.submit(call, self.session, self.customer_id, name="customer-save")
        task.on(succeeded=self._saved, failed=self._save_failed)
        return task

    def _saved(self, result: CustomerUpdated) -> None:
        self.result_value = result
        self.record = result.record
        self.save_button.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _save_failed(self, exc: ServiceError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, FormInvalid):
            by_field: dict[str, list[str]] = {}
            for problem in exc.problems:
                by_field.setdefault(problem.field, []).append(
                    problem_text(problem.template, problem.params)
                )
            self.show_problems_of_fields(by_field, FIELD_ORDER)
        else:
            self.show_error(exc.field, service_message(exc))
            widget = self.fields.get(exc.field or "")
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.failed.emit(exc)


def open_customer_dialog(
    session: Session,
    customer_id: int,
    tasks: TaskRunner,
    parent: QWidget,
    saved: Callable[[CustomerUpdated], None],
) -> CustomerDialog:
    """Open a customer's record (window-modal, not blocking; deleted when closed), read it,
    and call ``saved`` after a save: the case window's and the intake form's way in."""
    dialog = CustomerDialog(session, customer_id, tasks, parent)
    dialog.saved.connect(saved)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.load()
    return dialog


def saved_text(result: CustomerUpdated) -> str:
    """The status line after a save, in the UI language."""
    text = QCoreApplication.translate("CustomerDialog", "The customer record was saved.")
    if result.reassessed:
        text += " " + QCoreApplication.translate(
            "CustomerDialog", "{count} open cases were re-assessed."
        ).format(count=result.reassessed)
    if result.not_reassessed:
        text += " " + QCoreApplication.translate(
            "CustomerDialog",
            "{count} open cases are outside your supervision and were not re-assessed.",
        ).format(count=result.not_reassessed)
    return text
