"""The case window's detail (template 1 and the case's state): customer, complaint,
handling, times and deadlines, one selectable label per field in a scroll area."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.deadlines import due_state
from desktop_app.domain.vocab import (
    ESCALATION_STEPS,
    LEVEL_ROMAN,
    OUTCOMES,
    STAGES,
    URGENCY,
    URGENT_REASONS,
)
from desktop_app.services.cases import CaseDetail
from desktop_app.ui.case.fields import format_time
from desktop_app.ui.forms import form_group, push_button
from desktop_app.ui.resources import DUE_TONES, set_tone


class CaseDetailsView(QScrollArea):
    """The detail of one case. ``labels`` maps a field name to its label (whose object
    name is the field name, its caption's ``<name>_caption``). A deadline's label carries
    its state (``due_state`` property: ``domain.deadlines.due_state``) and shows it in the
    state's tone; a masked contact and ID number carry ``masked``."""

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detail_scroll")
        self.language = language
        self.labels: dict[str, QLabel] = {}
        v = self._value

        customer, form = self._group(self.tr("Customer"), "customer_group")
        v(form, self.tr("Customer name"), "customer_name")
        v(form, self.tr("Contact"), "contact")
        v(form, self.tr("Customer / member number"), "member_number")
        v(form, self.tr("ID number"), "id_number")
        v(form, self.tr("Member tier"), "member_tier")

        complaint, form = self._group(self.tr("Complaint"), "complaint_group")
        v(form, self.tr("Complaint number"), "number")
        v(form, self.tr("Complaint time"), "complaint_time")
        v(form, self.tr("Registration time"), "registration_time")
        v(form, self.tr("Channel"), "channel")
        v(form, self.tr("Type"), "type")
        v(form, self.tr("Subtype"), "subtype")
        v(form, self.tr("Urgency"), "urgency")
        v(form, self.tr("Product"), "product")
        v(form, self.tr("Merchant"), "merchant")
        v(form, self.tr("Description"), "description")
        v(form, self.tr("Customer requests"), "customer_requests")
        v(form, self.tr("Staff complained about"), "subject_staff")
        v(form, self.tr("Repeat complaint of"), "repeat_of")
        v(form, self.tr("Receiver"), "receiver")
        self._complaint_form = form

        state, form = self._group(self.tr("Handling"), "state_group")
        v(form, self.tr("Stage"), "stage")
        v(form, self.tr("Level"), "level")
        v(form, self.tr("Urgent because"), "urgent_reasons")
        v(form, self.tr("Owner"), "owner")
        self._account_frozen_row(form)
        self._state_form = form
        v(form, self.tr("Department"), "department")
        v(form, self.tr("Escalated to"), "escalation_step")
        v(form, self.tr("Times reopened"), "reopen_count")
        v(form, self.tr("Complex case"), "complex_case")
        v(form, self.tr("Outcome"), "outcome")
        v(form, self.tr("Outcome reason"), "outcome_reason")
        v(form, self.tr("Root cause"), "root_cause")
        v(form, self.tr("Cause analysis"), "root_cause_notes")
        v(form, self.tr("Last change"), "updated")

        times, form = self._group(self.tr("Times and deadlines"), "times_group")
        v(form, self.tr("First response"), "first_response_at")
        v(form, self.tr("Solution agreed"), "solution_agreed_at")
        v(form, self.tr("Closed"), "closed_at")
        v(form, self.tr("First response due"), "first_response_due")
        v(form, self.tr("Solution due"), "solution_due")
        v(form, self.tr("Resolution due"), "resolution_due")
        v(form, self.tr("Renegotiated resolution"), "renegotiated_due")
        v(form, self.tr("Next deadline"), "next_due")
        v(form, self.tr("Next progress update due"), "next_update_due")

        body = QWidget()
        body.setObjectName("case_detail")
        layout = QVBoxLayout(body)
        for group in (customer, complaint, state, times):
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(body)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _value(self, form: QFormLayout, label: str, name: str, *, add: bool = True) -> QLabel:
        widget = QLabel()
        widget.setObjectName(name)
        widget.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        widget.setWordWrap(True)
        self.labels[name] = widget
        if not add:
            return widget
        caption = QLabel(label)
        caption.setObjectName(f"{name}_caption")
        form.addRow(caption, widget)
        return widget

    def _account_frozen_row(self, form: QFormLayout) -> None:
        """Account security: "Account frozen: yes, <time>" or "no", and the button that
        records it (docs/rules.md#routing)."""
        self.account_frozen_button = push_button(
            self.tr("Record frozen"),
            "account_frozen_button",
            tip=self.tr("Record that the customer's account was frozen now, or clear the note"),
        )
        row = QWidget()
        row.setObjectName("account_frozen_row")
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        text = self._value(form, self.tr("Account frozen"), "account_frozen", add=False)
        box.addWidget(text, 1)
        box.addWidget(self.account_frozen_button)
        caption = QLabel(self.tr("Account frozen"))
        caption.setObjectName("account_frozen_caption")
        form.addRow(caption, row)
        self.account_frozen_row = row

    def _group(self, title: str, name: str) -> tuple[QGroupBox, QFormLayout]:
        group, form = form_group(title, name)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    # --- showing a case -------------------------------------------------------------------

    def show_detail(self, d: CaseDetail, now: dt.datetime, due_soon: dt.timedelta) -> None:
        """Show ``d``; its deadlines as they stand at ``now`` (``due_soon``: the tracker's
        "due soon" window)."""
        lang = self.language
        yes, no = self.tr("Yes"), self.tr("No")
        level = LEVEL_ROMAN.get(d.level, str(d.level))
        texts = {
            "number": d.number,
            "customer_name": d.customer_name,
            "contact": d.contact,
            "member_number": d.member_number,
            "id_number": d.id_number,
            "member_tier": d.member_tier,
            "complaint_time": format_time(d.complaint_time),
            "registration_time": format_time(d.registration_time),
            "channel": d.channel,
            "type": d.type,
            "subtype": d.subtype,
            "urgency": URGENCY.label(d.urgency, lang),
            "product": d.product,
            "merchant": d.merchant,
            "description": d.description,
            "customer_requests": d.customer_requests,
            "receiver": d.receiver,
            "subject_staff": d.subject_staff,
            "repeat_of": d.repeat_of_number,
            "account_frozen": (
                self.tr("Yes, {time}").format(time=format_time(d.account_frozen_at))
                if d.account_frozen_at
                else no
            ),
            "stage": STAGES.label(d.stage, lang),
            "level": (
                self.tr("Level {level}, urgent").format(level=level)
                if d.urgent
                else self.tr("Level {level}").format(level=level)
            ),
            "urgent_reasons": "、".join(
                URGENT_REASONS.label(code, lang) for code in d.urgent_reasons
            ),
            "owner": d.owner,
            "department": d.department,
            "escalation_step": ESCALATION_STEPS.label(str(d.escalation_step), lang),
            "reopen_count": str(d.reopen_count),
            "complex_case": yes if d.complex_case else no,
            "outcome": OUTCOMES.label(d.outcome, lang),
            "outcome_reason": d.outcome_reason,
            "root_cause": d.root_cause_label
            or (self.tr("Not recorded (required to close)") if d.cause_required else ""),
            "root_cause_notes": d.root_cause_notes,
            "updated": self.tr("{time} by {user}").format(
                time=format_time(d.updated_at), user=d.updated_by
            )
            if d.updated_by
            else format_time(d.updated_at),
            "first_response_at": format_time(d.first_response_at),
            "solution_agreed_at": format_time(d.solution_agreed_at),
            "closed_at": format_time(d.closed_at),
        }
        for name, text in texts.items():
            self.labels[name].setText(text or "")
        contact = self.labels["contact"]
        contact.setProperty("masked", d.contact_masked)
        contact.setToolTip(
            self.tr("Masked: you do not handle this case (privacy rule)")
            if d.contact_masked
            else ""
        )
        self.labels["id_number"].setProperty("masked", d.contact_masked)
        # Rows that only some cases have.
        self._complaint_form.setRowVisible(self.labels["subject_staff"], bool(d.subject_staff))
        self._complaint_form.setRowVisible(self.labels["repeat_of"], bool(d.repeat_of_number))
        self._state_form.setRowVisible(self.account_frozen_row, d.account_security)
        self.account_frozen_button.setText(
            self.tr("Clear the note") if d.account_frozen_at else self.tr("Record frozen")
        )
        self._show_deadlines(d, now, due_soon)

    def _show_deadlines(self, d: CaseDetail, now: dt.datetime, due_soon: dt.timedelta) -> None:
        resolution = d.renegotiated_due or d.resolution_due
        deadlines = {
            "first_response_due": (d.first_response_due, d.first_response_at is not None),
            "solution_due": (d.solution_due, d.solution_agreed_at is not None),
            "resolution_due": (d.resolution_due, d.closed_at is not None),
            "renegotiated_due": (d.renegotiated_due, d.closed_at is not None),
            "next_due": (d.next_due, False),
            "next_update_due": (d.next_update_due if d.is_open else None, False),
        }
        for name, (due, met) in deadlines.items():
            if name == "resolution_due" and d.renegotiated_due is not None:
                state = "none" if not met else "met"  # the renegotiated date counts
            else:
                state = due_state(due, now, due_soon, is_open=d.is_open, met=met)
            label = self.labels[name]
            text = format_time(due)
            if due is not None and state == "overdue":
                text = self.tr("{time} (overdue)").format(time=text)
            elif due is not None and state == "due_soon":
                text = self.tr("{time} (due soon)").format(time=text)
            elif due is not None and state == "met":
                text = self.tr("{time} (met)").format(time=text)
            label.setText(text)
            label.setProperty("due_state", state)
            set_tone(label, DUE_TONES.get(state), strong=state == "overdue")
        if resolution is None:
            self.labels["resolution_due"].setProperty("due_state", "none")
