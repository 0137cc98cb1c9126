"""The form sections of the intake page (template 1): the four group boxes of the paper
form and everything about their fields.

``IntakeSections`` is a mixin of ``page.IntakePage``: it builds the customer, complaint,
description and handling groups (``_build_sections``), reads and fills the form as plain
values (``values``, ``set_values``, ``form``), keeps the type → subtype → level cascade,
and marks the fields in error (``show_problems``, the live checks when a field is left).
The fields routing needs (the staff member complained about, the repeat complaint) are
built here and kept by ``routing_fields.RoutingFields``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import validation
from desktop_app.domain.vocab import (
    CUSTOMER_REQUESTS,
    LEVEL_ROMAN,
    MEMBER_TIERS,
    URGENCY,
    Term,
)
from desktop_app.services import intake
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import FieldProblem, IntakeForm
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.ui.forms import FieldError, form_group, note_label
from desktop_app.ui.i18n import problem_text
from desktop_app.ui.intake.routing_fields import RoutingFields
from desktop_app.ui.intake.widgets import (
    AttachmentList,
    CustomerRequests,
    StaffCompleter,
    attachment_row,
)

if TYPE_CHECKING:
    from desktop_app.ui.tasks import Task, TaskRunner

QT_TIME_FORMAT = "yyyy-MM-dd HH:mm"
TIME_FORMAT = "%Y-%m-%d %H:%M"
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
    "subject_staff",
    "product",
    "merchant",
    "urgency",
    "head_office",
    "repeat_complaint",
    "repeat_of",
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

W = TypeVar("W", bound=QWidget)

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a QWidget (tr, sender …).
    # At run time the mixin stays a plain class, so the page's MRO and metaobject and the
    # translation context of its tr() calls are unchanged.
    class _Host(QWidget):
        """What IntakeSections uses of the class it is mixed into (for the type checker)."""

        # FieldErrors

        def form_row(
            self, layout: QFormLayout, label: str, name: str, widget: QWidget, *, error: bool = True
        ) -> QLabel: ...
        def show_error(self, field: str | None, text: str) -> None: ...
        def clear_error(self, field: str) -> None: ...
        def clear_errors(self) -> None: ...
        def show_problems_of_fields(
            self, by_field: dict[str, list[str]], order: Iterable[str]
        ) -> QWidget | None: ...

        # CustomerLookup

        def _set_customer(self, details: Any) -> None: ...
        def _load_customer(self, customer_id: int, fill: bool = False) -> Task: ...
        def _name_edited(self, _text: str) -> None: ...
        def _schedule_similar(self, *_args: Any) -> None: ...

        # IntakePage

        def _service_failed(self, exc: ServiceError) -> None: ...

    _Base = _Host
else:
    _Base = object


class IntakeSections(RoutingFields, _Base):
    """Mixin of ``IntakePage``: the form's groups and fields (see the module documentation).

    The page sets ``session``, ``language``, ``fields``, ``errors`` and the reference data
    (``channels``, ``departments``, ``type_tree``, ``_types``, ``_subtypes``) before it calls
    ``_build_sections``; it provides ``form_row`` (``FieldErrors``), ``scroll``,
    ``form_message``, ``status_message`` and the customer side (``customer_id``,
    ``_set_customer``, ``_load_customer``, ``_schedule_similar``)."""

    session: Session
    tasks: TaskRunner
    language: str
    fields: dict[str, QWidget]
    errors: dict[str, FieldError]
    customer_id: int | None
    scroll: QScrollArea  # type: ignore[assignment]  # hides QWidget.scroll() on the page
    form_message: QLabel
    status_message: Signal
    channels: list[Term]
    departments: list[Term]
    type_tree: list[TypeRef]
    _types: dict[str, TypeRef]
    _subtypes: dict[str, TypeRef]
    _dirty: bool
    _loading: bool
    _time_edited: bool

    def _field(
        self, layout: QFormLayout, label: str, name: str, widget: W, *, error: bool = True
    ) -> W:
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

    def _build_sections(self) -> list[QGroupBox]:
        """The customer, complaint, description and handling groups, in form order."""
        lang = self.language
        # Customer.
        customer, form = form_group(self.tr("Customer"), "customer_group")
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
        complaint, form = form_group(self.tr("Complaint"), "complaint_group")
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
        self.subject_staff = self._field(
            form, self.tr("Staff complained about"), "subject_staff", QLineEdit()
        )
        self.subject_staff.setPlaceholderText(
            self.tr("User name or name; any name for staff without an account")
        )
        self.staff_completer = StaffCompleter(self)
        self.subject_staff.setCompleter(self.staff_completer)
        self._complaint_rows = form
        self._staff_loading = False
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
        self.repeat_complaint = QCheckBox(
            self.tr("Repeat or escalated complaint (level III, handled by a supervisor)")
        )
        self.repeat_complaint.setObjectName("repeat_complaint")
        self.repeat_complaint.setToolTip(
            self.tr(
                "The customer complains again about an earlier case: pick the customer from "
                "the suggestions, then the earlier case"
            )
        )
        self.repeat_hint = note_label("repeat_hint")
        self.repeat_hint.setText(
            self.tr(
                "A repeat complaint needs the customer picked from the suggestions (type their "
                "phone, member number or name): their earlier cases are listed then."
            )
        )
        self.repeat_hint.hide()
        repeat_box = QWidget()
        repeat_box.setObjectName("repeat_complaint_box")
        repeat_layout = QVBoxLayout(repeat_box)
        repeat_layout.setContentsMargins(0, 0, 0, 0)
        repeat_layout.addWidget(self.repeat_complaint)
        repeat_layout.addWidget(self.repeat_hint)
        self._field(form, self.tr("Repeat complaint"), "repeat_complaint", repeat_box)
        self.fields["repeat_complaint"] = self.repeat_complaint
        self.repeat_of = self._field(form, self.tr("Earlier case"), "repeat_of", QComboBox())
        self.repeat_of.setEnabled(False)
        self._repeat_wanted: int | None = None  # a draft's earlier case, until listed
        self._repeat_customer: int | None = None  # whose cases the list holds
        self._repeat_numbers: dict[int, str] = {}  # the listed cases' numbers by id
        self.level = self._field(form, self.tr("&Level"), "level", QComboBox())
        self.level.setToolTip(
            self.tr(
                "The subtype gives the level (III for VIP members); it can be raised, not lowered"
            )
        )

        # Description and evidence.
        described, form = form_group(self.tr("Description"), "description_group")
        self.description = self._field(
            form, self.tr("&Description"), "description", QPlainTextEdit()
        )
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(180)
        self.description.setPlaceholderText(self.tr("What happened, in the customer's words"))
        self.attachments = AttachmentList()
        self.attachments.setMaximumHeight(80)
        attach_row, self.add_attachment_button, self.remove_attachment_button = attachment_row(
            self.attachments, add=self.add_attachments
        )
        self._field(form, self.tr("Attachments"), "attachments", attach_row)
        self.fields["attachments"] = self.attachments
        self.recording_ids = self._field(
            form, self.tr("Recording IDs"), "recording_ids", QLineEdit()
        )
        self.recording_ids.setPlaceholderText(self.tr("Separate several with , or 、"))

        # Requests and handling.
        handling, form = form_group(self.tr("Requests and handling"), "handling_group")
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

        return [customer, complaint, described, handling]

    def _connect_changes(self) -> None:
        """Every edit marks the form changed and clears the field's error."""
        texts = {
            "customer_name": self.customer_name,
            "contact": self.contact,
            "member_number": self.member_number,
            "id_number": self.id_number,
            "product": self.product,
            "merchant": self.merchant,
            "subject_staff": self.subject_staff,
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
            # Its problems are shown under the check box (the service names that field).
            "repeat_complaint": self.repeat_of,
        }
        for name, combo in combos.items():
            combo.currentIndexChanged.connect(lambda _i, name=name: self._edited(name))
        self.repeat_complaint.toggled.connect(lambda _c: self._edited("repeat_complaint"))
        self.repeat_complaint.toggled.connect(self._repeat_toggled)
        self.subtype.currentIndexChanged.connect(self._update_subject_staff)
        self.description.textChanged.connect(lambda: self._edited("description"))
        self.head_office.toggled.connect(lambda _c: self._edited("head_office"))
        self.requests.changed.connect(lambda: self._edited("customer_requests"))
        self.attachments.changed.connect(lambda: self._edited("attachments"))
        self.complaint_time.dateTimeChanged.connect(self._time_changed)
        # Live checks when the clerk leaves a field.
        for edit in (self.contact, self.id_number):
            edit.installEventFilter(self)

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
        repeat = self.repeat_complaint.isChecked()
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
            # Only where the subtype asks for it: a stale name never reaches the case.
            "subject_staff": self.subject_staff.text() if self.staff_applies() else "",
            "urgency": self._combo_code(self.urgency) or "normal",
            "head_office": self.head_office.isChecked(),
            "repeat_complaint": repeat,
            "repeat_of": self.repeat_of_id() if repeat else None,
            "repeat_of_number": self.repeat_of_number() if repeat else "",
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
            "subject_staff": "",
            "urgency": "normal",
            "head_office": False,
            "repeat_complaint": False,
            "repeat_of": None,
            "repeat_of_number": "",
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
                "subject_staff",
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
            # After the customer: the earlier cases listed are theirs.
            wanted = values.get("repeat_of")
            self._repeat_wanted = wanted if isinstance(wanted, int) else None
            self.repeat_complaint.setChecked(bool(values.get("repeat_complaint")))
            self._repeat_toggled()
            self._update_level_choices()
            self._select(self.level, values.get("level"))
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
        self._update_subject_staff()  # the subtype's signals were blocked
        self._update_level_choices()
        self._schedule_similar()

    def default_level(self) -> int | None:
        """The level the service will give (the subtype's, III for VIP members,
        docs/rules.md#types-and-levels; III for a repeat complaint, docs/rules.md#routing)."""
        if self.repeat_complaint.isChecked():
            return 3
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
        elif self.repeat_complaint.isChecked():
            self.level.addItem(
                self.tr("{level} (repeat complaint)").format(level=LEVEL_ROMAN[default]), None
            )
            start = default + 1
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
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(
                problem_text(problem.template, problem.params)
            )
        # In form order; a field the order does not know comes after them.
        target = self.show_problems_of_fields(by_field, (*FIELD_ORDER, *by_field))
        if target is not None:
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

    # --- attachments --------------------------------------------------------------------

    def add_attachments(self) -> int:
        return self.attachments.ask_files(self, self.tr("Attach files"))
