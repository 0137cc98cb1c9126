"""The intake page: template 1 (客户投诉登记表), the form a clerk fills with a customer in
front of them.

Keyboard first: Tab follows the paper form, Ctrl+S saves, Ctrl+N starts a new form, Ctrl+P
prints, Esc asks before discarding typed work. Typing a phone number, member number or name
suggests known customers; the side panel shows the picked customer and similar cases. A
failed save marks every bad field and keeps everything typed; the unsaved form is kept in
a draft file every few seconds and offered back at the next start.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import validation
from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    LEVEL_ROMAN,
    MEMBER_TIERS,
    URGENCY,
)
from desktop_app.services import intake, reference
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.intake import FieldProblem, FormInvalid, IntakeForm, Registered
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import FieldError, FieldErrors
from desktop_app.ui.i18n import problem_text, service_message, ui_language
from desktop_app.ui.intake_draft import DraftStore
from desktop_app.ui.intake_print import form_document, print_with_dialog
from desktop_app.ui.intake_print import save_pdf as write_pdf
from desktop_app.ui.intake_similar import SimilarPanel
from desktop_app.ui.intake_widgets import AttachmentList, CustomerRequests
from desktop_app.ui.pages import page_title
from desktop_app.ui.resources import icon, set_tone
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

QT_TIME_FORMAT = "yyyy-MM-dd HH:mm"
TIME_FORMAT = "%Y-%m-%d %H:%M"
LOOKUP_DELAY_MS = 250
SIMILAR_DELAY_MS = 600
AUTOSAVE_MS = 3000
# A complaint time this far ahead is still "now" (the service allows the same).
FUTURE_TOLERANCE = intake.FUTURE_TOLERANCE

# Fields in the order of the paper form: errors are focused in this order.
FIELD_ORDER = (
    "customer_name",
    "contact",
    "member_number",
    "id_number",
    "member_tier",
    "complaint_time",
    "channel",
    "type",
    "subtype",
    "product",
    "merchant",
    "urgency",
    "head_office",
    "level",
    "description",
    "attachments",
    "recording_ids",
    "customer_requests",
    "customer_request_other",
    "department",
)
# Kept for the next customer after a save: the clerk's desk rarely changes them.
KEPT_CHOICES = ("channel", "department")
# Not typed work: defaults the form fills in by itself.
NOT_TYPED = ("complaint_time", "channel", "department", "customer_id")
CustomerIdRole = Qt.ItemDataRole.UserRole + 1


class SavedDialog(QDialog):
    """What the clerk reads out after a save: the number, large, and the promise."""

    def __init__(self, registered: Registered, parent: QWidget | None = None):
        super().__init__(parent)
        self.registered = registered
        self.setObjectName("saved_dialog")
        self.setWindowTitle(self.tr("Complaint registered"))
        intro = QLabel(self.tr("Complaint number:"))
        self.number_label = QLabel(registered.number)
        self.number_label.setObjectName("saved_number")
        font = QFont(self.number_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.promise_label = QLabel(registered.promise)
        self.promise_label.setObjectName("saved_promise")
        promise_font = QFont(self.promise_label.font())
        promise_font.setPointSizeF(promise_font.pointSizeF() * 1.4)
        self.promise_label.setFont(promise_font)
        self.promise_label.setWordWrap(True)
        self.promise_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details = [
            self.tr("Level {level}").format(level=LEVEL_ROMAN.get(registered.level, "")),
            self.tr("First response due {due}").format(
                due=registered.first_response_due.strftime(TIME_FORMAT)
            ),
        ]
        if registered.urgent:
            details = [self.tr("Urgent"), *details]
        self.details_label = QLabel(" · ".join(details))
        self.details_label.setObjectName("saved_details")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.setObjectName("saved_buttons")
        self.print_button = buttons.addButton(
            self.tr("&Print"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("saved_print_button")
        self.print_button.setIcon(icon("print"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.number_label)
        layout.addWidget(QLabel(self.tr("Read this to the customer:")))
        layout.addWidget(self.promise_label)
        layout.addWidget(self.details_label)
        layout.addWidget(buttons)


class IntakePage(FieldErrors, QWidget):
    """Template 1 for the signed-in clerk. ``saved(Registered)`` after each save."""

    saved = Signal(object)
    status_message = Signal(str)

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
        *,
        drafts: DraftStore | None = None,
        offer_draft: bool = True,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("intake_page")
        self.session = session
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.changes = changes if changes is not None else ChangeHub(self)
        self.language = ui_language()
        self.drafts = drafts or DraftStore(session.username)
        self.customer_id: int | None = None
        self.last_saved: tuple[Registered, dict[str, Any], dt.datetime] | None = None
        self.saved_dialog: SavedDialog | None = None
        self._save_task: Task | None = None
        self._lookup_edit: QLineEdit | None = None
        self._lookup_text = ""
        self._dirty = False
        self._loading = False
        self._time_edited = False

        self.channels = reference.channels()
        self.departments = reference.departments()
        self.type_tree = reference.type_tree()
        self._types = {t.code: t for t in self.type_tree}
        self._subtypes = {s.code: s for t in self.type_tree for s in t.children}

        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        self._build()
        self._build_lookup()
        self._build_timers()
        self._connect_changes()
        self._set_tab_order()
        self.new_form(keep_choices=False)
        if offer_draft and self.drafts.exists():
            QTimer.singleShot(0, self, self.offer_draft)

    # --- construction -------------------------------------------------------------------

    def _field(
        self, layout: QFormLayout, label: str, name: str, widget: QWidget, *, error: bool = True
    ) -> QWidget:
        """A form row: the label (buddy of the widget), the widget, its error line."""
        self.form_row(layout, label, name, widget, error=error)
        return widget

    def _combo(self, items: list[tuple[str, Any]], placeholder: bool) -> QComboBox:
        combo = QComboBox()
        if placeholder:
            combo.addItem(self.tr("— choose —"), "")
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _build(self) -> None:
        lang = self.language
        # Customer.
        customer = QGroupBox(self.tr("Customer"))
        customer.setObjectName("customer_group")
        form = QFormLayout(customer)
        self.customer_name = self._field(
            form, self.tr("Customer &name"), "customer_name", QLineEdit()
        )
        self.customer_name.setPlaceholderText(self.tr("Type 2 letters to find a known customer"))
        self.contact = self._field(form, self.tr("C&ontact"), "contact", QLineEdit())
        self.contact.setPlaceholderText(self.tr("Mobile, landline with area code, or e-mail"))
        self.member_number = self._field(
            form, self.tr("Customer / member number"), "member_number", QLineEdit()
        )
        self.id_number = self._field(form, self.tr("ID number"), "id_number", QLineEdit())
        self.member_tier = self._field(
            form,
            self.tr("Member tier"),
            "member_tier",
            self._combo([(t.label(lang), t.code) for t in MEMBER_TIERS], placeholder=False),
        )

        # The complaint.
        complaint = QGroupBox(self.tr("Complaint"))
        complaint.setObjectName("complaint_group")
        form = QFormLayout(complaint)
        self.complaint_number = QLabel(self.tr("Assigned on save"))
        self.complaint_number.setObjectName("complaint_number")
        form.addRow(QLabel(self.tr("Complaint number")), self.complaint_number)
        self.complaint_time = self._field(
            form, self.tr("Complaint &time"), "complaint_time", QDateTimeEdit()
        )
        self.complaint_time.setDisplayFormat(QT_TIME_FORMAT)
        self.complaint_time.setCalendarPopup(True)
        self.channel = self._field(
            form,
            self.tr("C&hannel"),
            "channel",
            self._combo([(c.label(lang), c.code) for c in self.channels], placeholder=True),
        )
        self.type = self._field(
            form,
            self.tr("T&ype"),
            "type",
            self._combo([(t.label(lang), t.code) for t in self.type_tree], placeholder=True),
        )
        self.subtype = self._field(
            form, self.tr("S&ubtype"), "subtype", self._combo([], placeholder=True)
        )
        self.product = self._field(form, self.tr("Product"), "product", QLineEdit())
        self.merchant = self._field(form, self.tr("Merchant"), "merchant", QLineEdit())
        self.urgency = self._field(
            form,
            self.tr("U&rgency"),
            "urgency",
            self._combo([(t.label(lang), t.code) for t in URGENCY], placeholder=False),
        )
        self.head_office = self._field(
            form,
            self.tr("Head office"),
            "head_office",
            QCheckBox(self.tr("Escalated by head office (makes the complaint urgent)")),
        )
        self.level = self._field(form, self.tr("&Level"), "level", QComboBox())
        self.level.setToolTip(
            self.tr(
                "The subtype gives the level (III for VIP members); it can be raised, not lowered"
            )
        )

        # Description and evidence.
        described = QGroupBox(self.tr("Description"))
        described.setObjectName("description_group")
        form = QFormLayout(described)
        self.description = self._field(
            form, self.tr("&Description"), "description", QPlainTextEdit()
        )
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(180)
        self.description.setPlaceholderText(self.tr("What happened, in the customer's words"))
        self.attachments = AttachmentList()
        self.attachments.setMaximumHeight(80)
        self.add_attachment_button = QPushButton(self.tr("&Add files…"))
        self.add_attachment_button.setObjectName("add_attachment_button")
        self.add_attachment_button.setIcon(icon("attach"))
        self.add_attachment_button.clicked.connect(self.add_attachments)
        self.remove_attachment_button = QPushButton(self.tr("Remo&ve"))
        self.remove_attachment_button.setObjectName("remove_attachment_button")
        self.remove_attachment_button.setIcon(icon("remove"))
        self.remove_attachment_button.clicked.connect(self.attachments.remove_selected)
        attach_row = QWidget()
        row = QHBoxLayout(attach_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attachments, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_attachment_button)
        buttons.addWidget(self.remove_attachment_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self._field(form, self.tr("Attachments"), "attachments", attach_row)
        self.fields["attachments"] = self.attachments
        self.recording_ids = self._field(
            form, self.tr("Recording IDs"), "recording_ids", QLineEdit()
        )
        self.recording_ids.setPlaceholderText(self.tr("Separate several with , or 、"))

        # Requests and handling.
        handling = QGroupBox(self.tr("Requests and handling"))
        handling.setObjectName("handling_group")
        form = QFormLayout(handling)
        self.requests = CustomerRequests(lang)
        self._field(form, self.tr("Customer requests"), "customer_requests", self.requests)
        self.fields["customer_requests"] = self.requests.boxes[CUSTOMER_REQUESTS.codes()[0]]
        self.fields["customer_request_other"] = self.requests.other_text
        self.errors["customer_request_other"] = FieldError("customer_request_other")
        form.addRow("", self.errors["customer_request_other"])
        self.department = self._field(
            form,
            self.tr("Initial &department"),
            "department",
            self._combo([(d.label(lang), d.code) for d in self.departments], placeholder=True),
        )
        self.receiver = self._field(form, self.tr("Receiver"), "receiver", QLineEdit(), error=False)
        self.receiver.setText(self.session.display_name)
        self.receiver.setReadOnly(True)
        self.receiver.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.registration_time = QLabel(self.tr("Set on save"))
        self.registration_time.setObjectName("registration_time")
        form.addRow(QLabel(self.tr("Registration time")), self.registration_time)

        self.form_message = QLabel()
        self.form_message.setObjectName("form_message")
        self.form_message.setWordWrap(True)
        set_tone(self.form_message, "error", strong=True)
        self.form_message.hide()

        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("save_button")
        self.save_button.setIcon(icon("save"))
        self.save_button.setShortcut(QKeySequence("Ctrl+S"))
        self.save_button.setToolTip(self.tr("Register the complaint (Ctrl+S)"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.setObjectName("new_button")
        self.new_button.setIcon(icon("new"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(self.tr("Start a new form (Ctrl+N)"))
        self.new_button.clicked.connect(self.request_new)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_button")
        self.print_button.setIcon(icon("print"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip(
            self.tr("Print the form: the case just saved, or what is typed now (Ctrl+P)")
        )
        self.print_button.clicked.connect(self.print_case)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setObjectName("pdf_button")
        self.pdf_button.setIcon(icon("pdf"))
        self.pdf_button.clicked.connect(self.ask_pdf)
        button_row = QHBoxLayout()
        button_row.addWidget(self.save_button)
        button_row.addWidget(self.new_button)
        button_row.addStretch(1)
        button_row.addWidget(self.print_button)
        button_row.addWidget(self.pdf_button)

        body = QWidget()
        body.setObjectName("intake_form")
        body_layout = QVBoxLayout(body)
        for group in (customer, complaint, described, handling):
            body_layout.addWidget(group)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("intake_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(page_title(self.tr("Register a complaint")))
        left_layout.addWidget(self.scroll, 1)
        left_layout.addWidget(self.form_message)
        left_layout.addLayout(button_row)

        self.similar_panel = SimilarPanel()
        self.similar_panel.subtype_names = {
            code: s.label(lang) for code, s in self._subtypes.items()
        }
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("intake_splitter")
        side = QScrollArea()
        side.setObjectName("similar_scroll")
        side.setWidgetResizable(True)
        side.setWidget(self.similar_panel)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self.request_discard)

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
        # Live checks when the clerk leaves a field.
        for edit in (self.contact, self.id_number):
            edit.installEventFilter(self)

    def _build_timers(self) -> None:
        self.lookup_timer = QTimer(self)
        self.lookup_timer.setObjectName("lookup_timer")
        self.lookup_timer.setSingleShot(True)
        self.lookup_timer.setInterval(LOOKUP_DELAY_MS)
        self.lookup_timer.timeout.connect(self.run_lookup)
        self.similar_timer = QTimer(self)
        self.similar_timer.setObjectName("similar_timer")
        self.similar_timer.setSingleShot(True)
        self.similar_timer.setInterval(SIMILAR_DELAY_MS)
        self.similar_timer.timeout.connect(self.refresh_similar)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosave_timer")
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _connect_changes(self) -> None:
        """Every edit marks the form changed and clears the field's error."""
        texts = {
            "customer_name": self.customer_name,
            "contact": self.contact,
            "member_number": self.member_number,
            "id_number": self.id_number,
            "product": self.product,
            "merchant": self.merchant,
            "recording_ids": self.recording_ids,
            "customer_request_other": self.requests.other_text,
        }
        for name, edit in texts.items():
            edit.textChanged.connect(lambda _t, name=name: self._edited(name))
        combos = {
            "member_tier": self.member_tier,
            "channel": self.channel,
            "type": self.type,
            "subtype": self.subtype,
            "urgency": self.urgency,
            "level": self.level,
            "department": self.department,
        }
        for name, combo in combos.items():
            combo.currentIndexChanged.connect(lambda _i, name=name: self._edited(name))
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.head_office.toggled.connect(lambda _c: self._edited("head_office"))
        self.requests.changed.connect(lambda: self._edited("customer_requests"))
        self.attachments.changed.connect(lambda: self._edited("attachments"))
        self.complaint_time.dateTimeChanged.connect(self._time_changed)

        self.type.currentIndexChanged.connect(self._type_changed)
        self.subtype.currentIndexChanged.connect(self._update_level_choices)
        self.member_tier.currentIndexChanged.connect(self._update_level_choices)
        self.customer_name.textEdited.connect(self._name_edited)
        for signal in (
            self.subtype.currentIndexChanged,
            self.description.textChanged,
            self.product.textChanged,
        ):
            signal.connect(self._schedule_similar)

    def _set_tab_order(self) -> None:
        chain = [
            self.customer_name,
            self.contact,
            self.member_number,
            self.id_number,
            self.member_tier,
            self.complaint_time,
            self.channel,
            self.type,
            self.subtype,
            self.product,
            self.merchant,
            self.urgency,
            self.head_office,
            self.level,
            self.description,
            self.attachments,
            self.add_attachment_button,
            self.remove_attachment_button,
            self.recording_ids,
            *self.requests.focus_widgets(),
            self.department,
            self.save_button,
            self.new_button,
            self.print_button,
            self.pdf_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Another page is shown (or the window closes): no lookups for a hidden form.
        self.lookup_timer.stop()
        self.similar_timer.stop()
        self.completer.popup().hide()
        super().hideEvent(event)

    # --- values -------------------------------------------------------------------------

    @staticmethod
    def _combo_code(combo: QComboBox) -> Any:
        return combo.currentData()

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> bool:
        index = combo.findData(data)
        if index < 0:
            return False
        combo.setCurrentIndex(index)
        return True

    def complaint_time_value(self) -> dt.datetime:
        return self.complaint_time.dateTime().toPython().replace(microsecond=0)

    def values(self) -> dict[str, Any]:
        """The form as plain values (codes for choices), as kept in a draft."""
        return {
            "customer_name": self.customer_name.text(),
            "contact": self.contact.text(),
            "member_number": self.member_number.text(),
            "id_number": self.id_number.text(),
            "member_tier": self._combo_code(self.member_tier) or "regular",
            "complaint_time": self.complaint_time_value().isoformat(timespec="minutes"),
            "channel": self._combo_code(self.channel) or "",
            "type": self._combo_code(self.type) or "",
            "subtype": self._combo_code(self.subtype) or "",
            "product": self.product.text(),
            "merchant": self.merchant.text(),
            "urgency": self._combo_code(self.urgency) or "normal",
            "head_office": self.head_office.isChecked(),
            "level": self._combo_code(self.level),
            "description": self.description.toPlainText(),
            "attachments": self.attachments.paths(),
            "recording_ids": self.recording_ids.text(),
            "customer_requests": self.requests.codes(),
            "customer_request_other": self.requests.other_text.text(),
            "department": self._combo_code(self.department) or "",
            "customer_id": self.customer_id,
        }

    def blank_values(self) -> dict[str, Any]:
        return {
            "customer_name": "",
            "contact": "",
            "member_number": "",
            "id_number": "",
            "member_tier": "regular",
            "type": "",
            "subtype": "",
            "product": "",
            "merchant": "",
            "urgency": "normal",
            "head_office": False,
            "level": None,
            "description": "",
            "attachments": [],
            "recording_ids": "",
            "customer_requests": [],
            "customer_request_other": "",
        }

    def has_typed_work(self) -> bool:
        """Whether the clerk typed or chose anything the next customer would not want."""
        current = self.values()
        return any(current[key] != value for key, value in self.blank_values().items())

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form from ``values`` (a draft); unknown codes are left unchosen."""
        self._loading = True
        try:
            for name in (
                "customer_name",
                "contact",
                "member_number",
                "id_number",
                "product",
                "merchant",
                "recording_ids",
            ):
                getattr(self, name).setText(str(values.get(name) or ""))
            self._select(self.member_tier, values.get("member_tier") or "regular")
            when = values.get("complaint_time")
            if when:
                try:
                    moment = dt.datetime.fromisoformat(when)
                except ValueError:
                    moment = self.session.now()
                self.complaint_time.setDateTime(QDateTime(moment))
                self._time_edited = True
            for name in ("channel", "type"):
                self._select(getattr(self, name), values.get(name) or "")
            self._type_changed()
            self._select(self.subtype, values.get("subtype") or "")
            self._select(self.urgency, values.get("urgency") or "normal")
            self.head_office.setChecked(bool(values.get("head_office")))
            self._update_level_choices()
            self._select(self.level, values.get("level"))
            self.description.setPlainText(str(values.get("description") or ""))
            self.attachments.set_paths([str(p) for p in values.get("attachments") or []])
            self.requests.set_codes(list(values.get("customer_requests") or []))
            self.requests.other_text.setText(str(values.get("customer_request_other") or ""))
            self._select(self.department, values.get("department") or "")
            customer_id = values.get("customer_id")
            self._set_customer(None)
            if isinstance(customer_id, int):
                self.customer_id = customer_id
                self.member_tier.setEnabled(False)
                self._load_customer(customer_id)
        finally:
            self._loading = False
        self._dirty = True
        self._schedule_similar()

    def form(self) -> IntakeForm:
        """What the service registers."""
        values = self.values()
        if not self._time_edited:
            # Untouched: the customer is complaining now, not when the form was reset.
            values["complaint_time"] = self.session.now().replace(second=0, microsecond=0)
        else:
            values["complaint_time"] = self.complaint_time_value()
        known = {f.name for f in dataclasses.fields(IntakeForm)}
        return IntakeForm(**{k: v for k, v in values.items() if k in known})

    # --- cascades -----------------------------------------------------------------------

    def _type_changed(self) -> None:
        code = self._combo_code(self.type)
        previous = self._combo_code(self.subtype)
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(self.tr("— choose —"), "")
        parent = self._types.get(code)
        for child in parent.children if parent else ():
            self.subtype.addItem(child.label(self.language), child.code)
        self._select(self.subtype, previous)
        self.subtype.blockSignals(False)
        self.subtype.setEnabled(parent is not None)
        self._update_level_choices()
        self._schedule_similar()

    def default_level(self) -> int | None:
        """The level the service will give (the subtype's, III for VIP members, §4)."""
        return intake.default_level_for(
            self._combo_code(self.subtype) or "", self._combo_code(self.member_tier) or "regular"
        )

    def _update_level_choices(self) -> None:
        chosen = self._combo_code(self.level)
        default = self.default_level()
        self.level.blockSignals(True)
        self.level.clear()
        if default is None:
            self.level.addItem(self.tr("From the subtype"), None)
            start = 2
        else:
            self.level.addItem(
                self.tr("{level} (from the subtype)").format(level=LEVEL_ROMAN[default]), None
            )
            start = default + 1
        for level in range(start, 4):
            self.level.addItem(self.tr("Raise to {level}").format(level=LEVEL_ROMAN[level]), level)
        self._select(self.level, chosen)
        self.level.blockSignals(False)

    # --- change tracking, errors ----------------------------------------------------------

    def _edited(self, name: str) -> None:
        self._dirty = True
        if not self._loading:
            self.clear_error(name)
            if name == "customer_requests":
                self.clear_error("customer_request_other")
            self.form_message.hide()

    def _time_changed(self) -> None:
        if not self._loading:
            self._time_edited = True
        self._edited("complaint_time")
        if self.complaint_time_value() > self.session.now() + FUTURE_TOLERANCE:
            self.show_error(
                "complaint_time", problem_text("The complaint time cannot be in the future.", {})
            )

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Mark every bad field and focus the first one in form order."""
        self.clear_errors()
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(
                problem_text(problem.template, problem.params)
            )
        general = []
        for field, texts in by_field.items():
            if field in self.errors:
                self.errors[field].show_message("\n".join(texts))
            else:
                general.extend(texts)
        if general:
            self.form_message.setText("\n".join(general))
            self.form_message.show()
        ordered = [f for f in FIELD_ORDER if f in by_field] or list(by_field)
        target = self.fields.get(ordered[0]) if ordered else None
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(target)
        count = len(problems)
        self.status_message.emit(self.tr("%n field(s) need attention.", "", count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QLineEdit):
            text = watched.text().strip()
            if text and watched is self.contact:
                message = validation.check_contact(text)
                if message:
                    self.show_error("contact", problem_text(message.template, message.params))
            elif text and watched is self.id_number:
                message = validation.check_id_number(text)
                if message:
                    self.show_error("id_number", problem_text(message.template, message.params))
        return super().eventFilter(watched, event)

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
        task.succeeded.connect(self._lookup_done)
        task.failed.connect(self._service_failed)
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
        task = self.tasks.submit(
            intake.customer_for_intake, self.session, customer_id, name="customer-for-intake"
        )
        task.succeeded.connect(self._customer_filled if fill else self._customer_shown)
        task.failed.connect(self._service_failed)
        return task

    def _customer_filled(self, details) -> None:
        self._loading = True
        try:
            self.customer_name.setText(details.name)
            self.contact.setText(details.contact)
            self.member_number.setText(details.member_number)
            self.id_number.setText(details.id_number)
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
        self._schedule_similar()

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
        task.succeeded.connect(self.similar_panel.set_similar)
        task.failed.connect(self._service_failed)
        return task

    # --- saving -------------------------------------------------------------------------

    def save(self) -> Task | None:
        """Register the form (off the UI thread); None while a save is running."""
        if self._save_task is not None:
            return None
        self.clear_errors()
        form = self.form()
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Saving…"))
        task = self.tasks.submit(
            intake.register_complaint, self.session, form, name="register-complaint"
        )
        self._save_task = task
        self._saving_values = self.values()
        self._saving_values["complaint_time"] = form.complaint_time.isoformat(timespec="minutes")
        task.succeeded.connect(self._saved)
        task.failed.connect(self._save_failed)
        task.finished.connect(self._save_finished)
        return task

    def _save_finished(self) -> None:
        self._save_task = None
        self.save_button.setEnabled(True)
        self.save_button.setText(self.tr("&Save"))

    def _saved(self, registered: Registered) -> None:
        log.info("registered %s", registered.number)
        self.last_saved = (registered, self._saving_values, self.session.now())
        self.drafts.discard()
        self.new_form(keep_choices=True)
        self.status_message.emit(self.tr("Saved as {number}.").format(number=registered.number))
        self.show_saved(registered)
        self.changes.announce("cases", {registered.id})
        self.saved.emit(registered)

    def show_saved(self, registered: Registered) -> SavedDialog:
        if self.saved_dialog is not None:
            self.saved_dialog.close()
            self.saved_dialog.deleteLater()
        dialog = SavedDialog(registered, self)
        dialog.print_button.clicked.connect(self.print_case)
        dialog.finished.connect(self._saved_dialog_closed)
        self.saved_dialog = dialog
        dialog.open()
        return dialog

    def _saved_dialog_closed(self) -> None:
        # Straight on with the next customer.
        self.window().activateWindow()
        self.customer_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_failed(self, exc: ServiceError) -> None:
        if isinstance(exc, FormInvalid):
            self.show_problems(exc.problems)
        elif isinstance(exc, ValidationError) and exc.field:
            self.show_problems([FieldProblem(exc.field, exc.template, exc.params)])
        elif "not known whether" in exc.template:  # the answer to COMMIT was lost
            self.form_message.setText(
                self.tr("{reason} Everything typed is kept.").format(reason=service_message(exc))
            )
            self.form_message.show()
        else:
            self.form_message.setText(
                self.tr("Not saved: {reason} Everything typed is kept; try again.").format(
                    reason=service_message(exc)
                )
            )
            self.form_message.show()

    def _service_failed(self, exc: ServiceError) -> None:
        self.status_message.emit(service_message(exc))

    # --- new form, discard, drafts --------------------------------------------------------

    def new_form(self, keep_choices: bool = True) -> None:
        """Empty the form for the next customer (keeping channel and department)."""
        kept = (
            {name: self._combo_code(getattr(self, name)) for name in KEPT_CHOICES}
            if keep_choices
            else {}
        )
        self._loading = True
        try:
            for edit in (
                self.customer_name,
                self.contact,
                self.member_number,
                self.id_number,
                self.product,
                self.merchant,
                self.recording_ids,
            ):
                edit.clear()
            self.description.clear()
            self.attachments.clear()
            self.requests.set_codes([])
            self.requests.other_text.clear()
            self.head_office.setChecked(False)
            self._select(self.member_tier, "regular")
            self._select(self.urgency, "normal")
            self.type.setCurrentIndex(0)
            self._type_changed()
            self.level.setCurrentIndex(0)
            for name in KEPT_CHOICES:
                combo: QComboBox = getattr(self, name)
                if not self._select(combo, kept.get(name) or ""):
                    combo.setCurrentIndex(0)
            self.complaint_time.setDateTime(
                QDateTime(self.session.now().replace(second=0, microsecond=0))
            )
            self._time_edited = False
        finally:
            self._loading = False
        self._set_customer(None)
        self.completer.popup().hide()
        self.lookup_timer.stop()
        self.tasks.forget((self, "similar"))
        self.similar_panel.set_similar(None)
        self.clear_errors()
        self._dirty = False
        self.customer_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard this form?"),
            self.tr("The form has typed work that is not saved. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def request_discard(self) -> bool:
        """Esc: after asking, throw the typed work away. True when the form is now empty."""
        if self.completer.popup().isVisible():
            self.completer.popup().hide()
            return False
        if not self.has_typed_work():
            self.clear_errors()
            return True
        if not self._confirm_discard():
            return False
        self.drafts.discard()
        self.new_form(keep_choices=True)
        self.status_message.emit(self.tr("The form was discarded."))
        return True

    def request_new(self) -> bool:
        """Ctrl+N: a new form, asking first when there is typed work."""
        return self.request_discard()

    def autosave(self) -> bool:
        """Write the draft when the form changed; True when a draft was written."""
        if not self._dirty:
            return False
        self._dirty = False
        try:
            if self.has_typed_work():
                self.drafts.save(self.values())
                return True
            self.drafts.discard()
        except OSError as exc:
            log.warning("intake draft not written: %s", exc)
        return False

    def keep_draft(self) -> None:
        """Write the draft now (the window closes)."""
        self._dirty = True
        self.autosave()

    def offer_draft(self) -> bool:
        """Offer the draft of an unsaved form back; True when it was restored."""
        values = self.drafts.load()
        if not values:
            self.drafts.discard()
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved form"),
            self.tr("A form was not saved last time (customer: {name}). Restore it?").format(
                name=values.get("customer_name") or self.tr("no name")
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.drafts.discard()
            return False
        self.set_values(values)
        self.status_message.emit(self.tr("The unsaved form was restored."))
        return True

    # --- attachments --------------------------------------------------------------------

    def add_attachments(self) -> int:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr(
                "Images and documents (*.png *.jpg *.jpeg *.gif *.bmp *.pdf *.doc *.docx "
                "*.xls *.xlsx *.txt *.mp3 *.wav *.m4a);;All files (*)"
            ),
        )
        return self.attachments.add_paths(paths)

    # --- printing -----------------------------------------------------------------------

    def print_rows(self) -> tuple[list[tuple[str, str]], str]:
        """(label, value) rows of template 1 and a subtitle: the case just saved when the
        form is empty, else what is typed now."""
        if self.last_saved is not None and not self.has_typed_work():
            registered, values, registered_at = self.last_saved
            number = registered.number
            registration = registered_at.strftime(TIME_FORMAT)
            level = LEVEL_ROMAN.get(registered.level, "")
            subtitle = registered.promise
        else:
            values = self.values()
            number = self.tr("(not saved yet)")
            registration = self.tr("(set on save)")
            level_code = values.get("level") or self.default_level()
            level = LEVEL_ROMAN.get(level_code, "") if level_code else ""
            subtitle = ""
        lang = self.language

        def ref_label(items, code):
            return next((r.label(lang) for r in items if r.code == code), code or "")

        requests = [CUSTOMER_REQUESTS.label(c, lang) for c in values["customer_requests"]]
        if "other" in values["customer_requests"] and values["customer_request_other"]:
            requests[-1] += f"（{values['customer_request_other']}）"
        type_text = ref_label(self.type_tree, values["type"])
        subtype_ref = self._subtypes.get(values["subtype"])
        if subtype_ref is not None:
            type_text += f" / {subtype_ref.label(lang)}"
        time_text = values["complaint_time"].replace("T", " ")
        yes, no = self.tr("Yes"), self.tr("No")
        rows = [
            (self.tr("Complaint number"), number),
            (self.tr("Customer name"), values["customer_name"]),
            (self.tr("Contact"), values["contact"]),
            (self.tr("Customer / member number"), values["member_number"]),
            (self.tr("ID number"), values["id_number"]),
            (self.tr("Member tier"), MEMBER_TIERS.label(values["member_tier"], lang)),
            (self.tr("Complaint time"), time_text),
            (self.tr("Channel"), ref_label(self.channels, values["channel"])),
            (self.tr("Type and subtype"), type_text),
            (self.tr("Product"), values["product"]),
            (self.tr("Merchant"), values["merchant"]),
            (self.tr("Urgency"), URGENCY.label(values["urgency"], lang)),
            (self.tr("Escalated by head office"), yes if values["head_office"] else no),
            (self.tr("Level"), level),
            (self.tr("Description"), values["description"]),
            (self.tr("Attachments"), "\n".join(Path(p).name for p in values["attachments"])),
            (self.tr("Recording IDs"), values["recording_ids"]),
            (self.tr("Customer requests"), "、".join(requests)),
            (self.tr("Initial department"), ref_label(self.departments, values["department"])),
            (self.tr("Receiver"), self.session.display_name),
            (self.tr("Registration time"), registration),
        ]
        return rows, subtitle

    def document(self):
        rows, subtitle = self.print_rows()
        heading = "" if self.language == "zh" else self.tr("Complaint registration form")
        subtitle = " — ".join(p for p in (heading, subtitle) if p)
        return form_document(rows, subtitle=subtitle)

    def save_pdf(self, path: str | Path) -> Path:
        """Write the form (see ``print_rows``) as a PDF file."""
        written = write_pdf(self.document(), path)
        self.status_message.emit(self.tr("Saved {path}.").format(path=str(written)))
        return written

    def ask_pdf(self) -> Path | None:
        number = (
            self.last_saved[0].number if self.last_saved and not self.has_typed_work() else "intake"
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the form as PDF"), f"{number}.pdf", self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.save_pdf(path)

    def print_case(self) -> bool:
        return print_with_dialog(self.document(), self)
