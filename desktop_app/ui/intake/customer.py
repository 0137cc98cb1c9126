"""The customer of the intake form and the side panel.

``CustomerLookup`` is a mixin of ``page.IntakePage``: typing a phone number, member number
or name suggests known customers (``run_lookup``, after ``LOOKUP_DELAY_MS``); picking one
fills the customer fields (``pick_customer``); the side panel (``similar.SimilarPanel``)
shows the picked customer and the similar cases (``refresh_similar``, after
``SIMILAR_DELAY_MS``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from desktop_app.domain.vocab import MEMBER_TIERS
from desktop_app.services import customers, intake
from desktop_app.services.customers import CustomerUpdated
from desktop_app.services.errors import ServiceError
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.ui.customer_dialog import CustomerDialog, open_customer_dialog, saved_text
from desktop_app.ui.intake.similar import SimilarPanel
from desktop_app.ui.pages import delay_timer
from desktop_app.ui.tasks import Task, TaskRunner

LOOKUP_DELAY_MS = 250
SIMILAR_DELAY_MS = 600
CustomerIdRole = Qt.ItemDataRole.UserRole + 1

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a QWidget. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    class _Host(QWidget):
        """What CustomerLookup uses of the class it is mixed into (for the type checker)."""

        # IntakePage

        def _service_failed(self, exc: ServiceError) -> None: ...

        # IntakeSections, FieldErrors

        @staticmethod
        def _combo_code(combo: QComboBox) -> Any: ...
        @staticmethod
        def _select(combo: QComboBox, data: Any) -> bool: ...
        def clear_error(self, field: str) -> None: ...
        def _customer_changed(self) -> None: ...

    _Base = _Host
else:
    _Base = object


class CustomerLookup(_Base):
    """Mixin of ``IntakePage``: known-customer suggestions and the side panel (see the
    module documentation).

    The page sets ``session``, ``tasks``, ``language`` and the form's
    fields (``IntakeSections``) before it calls ``_build_lookup``; it provides
    ``status_message``, ``_service_failed`` and the form's ``_select``, ``_combo_code``,
    ``clear_error`` and ``_loading``."""

    session: Session
    tasks: TaskRunner
    language: str
    status_message: Signal
    _subtypes: dict[str, TypeRef]
    customer_id: int | None
    customer_name: QLineEdit
    contact: QLineEdit
    member_number: QLineEdit
    id_number: QLineEdit
    member_tier: QComboBox
    subtype: QComboBox
    product: QLineEdit
    description: QPlainTextEdit
    _lookup_edit: QLineEdit | None
    _lookup_text: str
    _dirty: bool
    _loading: bool

    def _build_lookup(self) -> None:
        self.lookup_model = QStandardItemModel(self)
        self.completer = QCompleter(self.lookup_model, self)
        self.completer.setObjectName("customer_completer")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.popup().setObjectName("customer_suggestions")
        self.completer.activated[QModelIndex].connect(self._suggestion_picked)
        for edit in (self.customer_name, self.contact, self.member_number):
            edit.textEdited.connect(self._lookup_typed)
        self.lookup_timer = delay_timer(self, "lookup_timer", LOOKUP_DELAY_MS, self.run_lookup)
        self.similar_timer = delay_timer(
            self, "similar_timer", SIMILAR_DELAY_MS, self.refresh_similar
        )

    def _build_side_panel(self) -> QScrollArea:
        """The scroll area of the side panel (the picked customer, similar cases); the
        page puts the panel in it once the area is in its place (``IntakePage._build``)."""
        self.similar_panel = SimilarPanel()
        self.similar_panel.may_edit_customer = self.session.role in customers.EDIT_ROLES
        self.similar_panel.edit_customer_button.clicked.connect(self.edit_customer)
        self.customer_dialog: CustomerDialog | None = None
        self.similar_panel.subtype_names = {
            code: s.label(self.language) for code, s in self._subtypes.items()
        }
        side = QScrollArea()
        side.setObjectName("similar_scroll")
        side.setWidgetResizable(True)
        return side

    # --- customer lookup ------------------------------------------------------------------

    def _lookup_typed(self, _text: str) -> None:
        sender = self.sender()
        self._lookup_edit = sender if isinstance(sender, QLineEdit) else self.customer_name
        self.lookup_timer.start()

    def run_lookup(self) -> Task | None:
        """Ask for customers matching what was typed (≥ 2 characters)."""
        edit = self._lookup_edit or self.customer_name
        text = edit.text().strip()
        if len(text) < 2:
            self.completer.popup().hide()
            return None
        self._lookup_text = text
        task = self.tasks.submit(
            intake.lookup_customers, self.session, text, name="lookup-customers"
        )
        task.on(succeeded=self._lookup_done, failed=self._service_failed)
        return task

    def _lookup_done(self, matches) -> None:
        edit = self._lookup_edit or self.customer_name
        if edit.text().strip() != self._lookup_text:
            return  # typed on meanwhile; a newer lookup follows
        self.lookup_model.clear()
        for match in matches:
            parts = [
                match.name,
                match.contact,
                match.member_number,
                MEMBER_TIERS.label(match.tier, self.language),
            ]
            text = " · ".join(p for p in parts if p)
            if match.sensitive:
                text += " · " + self.tr("sensitive")
            item = QStandardItem(text)
            item.setData(match.id, CustomerIdRole)
            item.setEditable(False)
            self.lookup_model.appendRow(item)
        if not matches or not edit.hasFocus():
            self.completer.popup().hide()
            return
        self.completer.setWidget(edit)
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def suggestions(self) -> list[str]:
        return [self.lookup_model.item(row).text() for row in range(self.lookup_model.rowCount())]

    def _suggestion_picked(self, index: QModelIndex) -> None:
        customer_id = index.data(CustomerIdRole)
        if customer_id is not None:
            self.pick_customer(int(customer_id))

    def pick_customer(self, customer_id: int) -> Task:
        """Fill the form with a known customer."""
        self.completer.popup().hide()
        return self._load_customer(customer_id, fill=True)

    def _load_customer(self, customer_id: int, fill: bool = False) -> Task:
        # What the clerk typed: a customer outside their queues is given only for their
        # exact full number, and then masked (docs/rules.md#masking).
        task = self.tasks.submit(
            intake.customer_for_intake,
            self.session,
            customer_id,
            matched=self._lookup_text,
            name="customer-for-intake",
        )
        task.on(
            succeeded=self._customer_filled if fill else self._customer_shown,
            failed=self._service_failed,
        )
        return task

    def _customer_filled(self, details) -> None:
        self._loading = True
        try:
            self.customer_name.setText(details.name)
            if not details.contact_masked:  # masked: the form keeps what was typed
                self.contact.setText(details.contact)
                self.id_number.setText(details.id_number)
            self.member_number.setText(details.member_number)
            self._select(self.member_tier, details.tier)
        finally:
            self._loading = False
        for field in ("customer_name", "contact", "member_number", "id_number", "member_tier"):
            self.clear_error(field)
        self._dirty = True
        self._set_customer(details)
        self.contact.setFocus(Qt.FocusReason.OtherFocusReason)

    def _customer_shown(self, details) -> None:
        if self.customer_id == details.id:
            self._set_customer(details)

    def _set_customer(self, details) -> None:
        self.customer_id = details.id if details is not None else None
        self.member_tier.setEnabled(details is None)
        self.similar_panel.set_customer(details)
        self._customer_changed()  # the repeat complaint's earlier cases
        self._schedule_similar()

    def edit_customer(self) -> CustomerDialog | None:
        """Open the picked customer's record (docs/rules.md#customers); after a save the
        form and the side panel show the record again (a new tier applies to this
        complaint too: registration reads the customer record)."""
        if self.customer_id is None:
            return None
        self.customer_dialog = open_customer_dialog(
            self.session, self.customer_id, self.tasks, self, self._customer_saved
        )
        return self.customer_dialog

    def _customer_saved(self, result: CustomerUpdated) -> None:
        self.status_message.emit(saved_text(result))
        if self.customer_id != result.record.id:
            return
        self._loading = True
        try:
            self._select(self.member_tier, result.record.tier)
        finally:
            self._loading = False
        self._load_customer(result.record.id)

    def _name_edited(self, _text: str) -> None:
        if self.customer_id is not None:
            self._set_customer(None)  # a different person: the pick no longer holds
            self.status_message.emit(self.tr("The picked customer was released."))

    # --- similar cases ------------------------------------------------------------------

    def _schedule_similar(self, *_args) -> None:
        if not self._loading:
            self.similar_timer.start()

    def refresh_similar(self) -> Task | None:
        subtype = self._combo_code(self.subtype) or ""
        text = self.description.toPlainText().strip()
        if not subtype and self.customer_id is None and len(text) < 2:
            self.tasks.forget((self, "similar"))
            self.similar_panel.set_similar(None)
            return None
        task = self.tasks.submit(
            intake.similar_cases,
            self.session,
            customer_id=self.customer_id,
            subtype=subtype,
            text=text,
            product=self.product.text().strip(),
            name="similar-cases",
            key=(self, "similar"),
        )
        task.on(succeeded=self.similar_panel.set_similar, failed=self._service_failed)
        return task
