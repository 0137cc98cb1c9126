"""The intake page: template 1 (客户投诉登记表), the form a clerk fills with a customer in
front of them.

Keyboard first: Tab follows the paper form, Ctrl+S saves, Ctrl+N starts a new form, Ctrl+P
prints, Esc asks before discarding typed work. Typing a phone number, member number or name
suggests known customers; the side panel shows the picked customer and similar cases. A
failed save marks every bad field and keeps everything typed; the unsaved form is kept in
a draft file every few seconds and offered back at the next start.

``IntakePage`` lays the page out, saves the form (``SavedDialog`` shows the number) and
starts a new one; its parts are the mixins ``form.IntakeSections`` (the fields),
``customer.CustomerLookup`` (suggestions, side panel), ``draft.IntakeDrafts`` (the draft)
and ``printing.IntakePrinting`` (print, PDF).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import LEVEL_ROMAN, ROUTE_RULES
from desktop_app.services import intake, reference
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.intake import FieldProblem, FormInvalid, Registered
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import FieldError, FieldErrors, ask, message_label, push_button, tab_order
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.intake.customer import CustomerLookup
from desktop_app.ui.intake.draft import DraftStore, IntakeDrafts
from desktop_app.ui.intake.form import TIME_FORMAT, IntakeSections
from desktop_app.ui.intake.printing import IntakePrinting
from desktop_app.ui.pages import page_title, splitter
from desktop_app.ui.resources import icon
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

# Kept for the next customer after a save: the clerk's desk rarely changes them.
KEPT_CHOICES = ("channel", "department")


class SavedDialog(QDialog):
    """What the clerk reads out after a save: the number, large, and the promise; then who
    handles the case and why, and whom it was reported to (docs/rules.md#routing).
    ``user_id``: the signed-in user (the receiver), said as "you"."""

    def __init__(
        self, registered: Registered, parent: QWidget | None = None, *, user_id: int | None = None
    ):
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
        self.handler_label = QLabel(self.handler_text(registered, user_id))
        self.handler_label.setObjectName("saved_handler")
        self.handler_label.setWordWrap(True)
        self.handler_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
        layout.addWidget(self.handler_label)
        layout.addWidget(buttons)

    def handler_text(self, registered: Registered, user_id: int | None) -> str:
        """Who handles the case and by which rule, and whom it was reported to at once,
        in the UI language."""
        language = ui_language()
        rule = ROUTE_RULES.label(registered.route_rule, language)
        yourself = user_id is not None and registered.owner_id == user_id
        name = registered.owner_name or str(registered.owner_id)
        if registered.route_fallback:
            text = (
                self.tr("The rule ({rule}) could not be met: you handle this case.")
                if yourself
                else self.tr("The rule ({rule}) could not be met: handled by {name}.")
            ).format(rule=rule, name=name)
        elif yourself:
            text = self.tr("You handle this case ({rule}).").format(rule=rule)
        else:
            text = self.tr("Handled by {name} ({rule}).").format(name=name, rule=rule)
        if registered.reported_to:
            names = ("、" if language == "zh" else ", ").join(registered.reported_to)
            text += " " + self.tr("Reported at once to {names}.").format(names=names)
        return text


class IntakePage(
    IntakeSections, CustomerLookup, IntakeDrafts, IntakePrinting, FieldErrors, QWidget
):
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
        self.drafts = drafts or DraftStore(session)
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
        self._build_autosave()
        self._connect_changes()
        self._set_tab_order()
        self.new_form(keep_choices=False)
        if offer_draft and self.drafts.exists():
            QTimer.singleShot(0, self, self.offer_draft)

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        groups = self._build_sections()

        self.form_message = message_label("form_message", strong=True)

        self.save_button = push_button(
            self.tr("&Save"),
            "save_button",
            icon_name="save",
            tip=self.tr("Register the complaint (Ctrl+S)"),
            shortcut="Ctrl+S",
        )
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.new_button = push_button(
            self.tr("&New"),
            "new_button",
            icon_name="new",
            slot=self.request_new,
            tip=self.tr("Start a new form (Ctrl+N)"),
            shortcut="Ctrl+N",
        )
        self.print_button = push_button(
            self.tr("&Print…"),
            "print_button",
            icon_name="print",
            slot=self.print_case,
            tip=self.tr("Print the form: the case just saved, or what is typed now (Ctrl+P)"),
            shortcut="Ctrl+P",
        )
        self.pdf_button = push_button(
            self.tr("Save as P&DF…"), "pdf_button", icon_name="pdf", slot=self.ask_pdf
        )
        button_row = QHBoxLayout()
        button_row.addWidget(self.save_button)
        button_row.addWidget(self.new_button)
        button_row.addStretch(1)
        button_row.addWidget(self.print_button)
        button_row.addWidget(self.pdf_button)

        body = QWidget()
        body.setObjectName("intake_form")
        body_layout = QVBoxLayout(body)
        for group in groups:
            body_layout.addWidget(group)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("intake_scroll")
        self.scroll.setWidgetResizable(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(page_title(self.tr("Register a complaint")))
        left_layout.addWidget(self.scroll, 1)
        left_layout.addWidget(self.form_message)
        left_layout.addLayout(button_row)

        side = self._build_side_panel()
        split = splitter("intake_splitter", (left, 3), (side, 2))
        split.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        # The scroll areas get their contents last, in their place on the page: setWidget
        # polishes the contents, and every later move under another parent polishes them
        # again under the application's style sheet (docs/rules.md#start-up).
        self.scroll.setWidget(body)
        side.setWidget(self.similar_panel)

        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape_shortcut.activated.connect(self.request_discard)

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
            self.subject_staff,
            self.product,
            self.merchant,
            self.urgency,
            self.head_office,
            self.repeat_complaint,
            self.repeat_of,
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
        tab_order(*chain)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Another page is shown (or the window closes): no lookups for a hidden form.
        self.lookup_timer.stop()
        self.similar_timer.stop()
        self.completer.popup().hide()
        staff_popup = self.staff_completer.popup()
        if staff_popup is not None:
            staff_popup.hide()
        super().hideEvent(event)

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
        task.on(succeeded=self._saved, failed=self._save_failed, finished=self._save_finished)
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
        dialog = SavedDialog(registered, self, user_id=self.session.user_id)
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
            self.clear_routing_fields()
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
        return ask(
            self,
            self.tr("Discard this form?"),
            self.tr("The form has typed work that is not saved. Discard it?"),
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )

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
