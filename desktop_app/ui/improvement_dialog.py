"""The improvement action dialog (持续改进, docs/rules.md#improvement-actions): problem, plan,
responsible department and person, deadline, status, the complaint types, products and cases
it is about; for a saved action also its monthly follow-ups (a table and a form recording this
month's) and its effect (the linked complaints' monthly volume and satisfaction, the three
months before the action started and each month since).

Shown with ``open()`` (window-modal, not blocking). ``accept()`` checks the required fields
and stays open showing what is missing (complaint numbers not yet looked up are looked up
first); when it closes, the reports page saves the action off the UI thread and, when the
service refuses a field, opens the dialog again with the message under that field. Given a
session and the window's TaskRunner the dialog loads the accounts, follow-ups and effect and
records follow-ups itself. Read-only (``editable=False``) for those who may not change
actions; the service decides for the others. Tests fill the public widgets and call
``accept()``, the path of the OK button.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import IMPROVEMENT_STATUS, Term
from desktop_app.services import cases, improvements, users
from desktop_app.services.errors import NotFound, ServiceError, ValidationError
from desktop_app.services.improvements import EffectMonth, FollowUpInfo, ImprovementInfo
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.services.users import UserInfo
from desktop_app.ui.case.dialogs import ActionDialog
from desktop_app.ui.case.fields import reason_edit
from desktop_app.ui.forms import message_label
from desktop_app.ui.i18n import service_message
from desktop_app.ui.resources import set_tone
from desktop_app.ui.row_models import read_only_rows
from desktop_app.ui.tasks import Task, TaskRunner

DEFAULT_DEADLINE_DAYS = 30
# Who creates and changes improvement actions: supervisors those of their departments (the
# service decides), managers and administrators all (docs/rules.md#improvement-actions).
IMPROVEMENT_ROLES = improvements.READERS
CodeRole = Qt.ItemDataRole.UserRole
PRODUCT_SEPARATORS = re.compile(r"[、,，;；\n]+")
CASE_SEPARATORS = re.compile(r"[\s、,，;；]+")


def split_products(text: str) -> list[str]:
    """Product names typed separated by 、 or commas, trimmed, each once."""
    names = (" ".join(part.split()) for part in PRODUCT_SEPARATORS.split(text))
    return list(dict.fromkeys(name for name in names if name))


def split_numbers(text: str) -> list[str]:
    return list(dict.fromkeys(part for part in CASE_SEPARATORS.split(text) if part))


def _resolve_numbers(session: Session, numbers: list[str]) -> tuple[dict[str, int], list[str]]:
    """Complaint number -> case id through ``cases.find_case``; the numbers not found."""
    found: dict[str, int] = {}
    missing: list[str] = []
    for number in numbers:
        try:
            found[number] = cases.find_case(session, number).id
        except NotFound:
            missing.append(number)
    return found, missing


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    read_only_rows(table, wrap=False, tab_keys=False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setMinimumHeight(120)
    return table


def table_texts(table: QTableWidget) -> list[list[str]]:
    def text(r: int, c: int) -> str:
        item = table.item(r, c)
        return item.text() if item is not None else ""

    return [[text(r, c) for c in range(table.columnCount())] for r in range(table.rowCount())]


class ImprovementDialog(ActionDialog):
    """New (``action`` is None) or edit an improvement action. ``values()`` gives the
    keyword arguments of ``improvements.create_action`` / ``update_action``."""

    follow_ups_shown = Signal()
    effect_shown = Signal()
    follow_up_recorded = Signal()
    cases_resolved = Signal()

    def __init__(
        self,
        *,
        departments: Sequence[Term],
        type_tree: Sequence[TypeRef],
        language: str,
        today: dt.date,
        action: ImprovementInfo | None = None,
        session: Session | None = None,
        tasks: TaskRunner | None = None,
        editable: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("improvement_dialog")
        self.setMinimumWidth(520)
        self.action_info = action
        self.action = "update_improvement" if action is not None else "create_improvement"
        self.session = session
        self.tasks = tasks
        self.language = language
        self.today = today
        self.editable = editable
        self._accounts: list[UserInfo] = []
        self._case_ids: dict[str, int] = {}
        self._accept_after_lookup = False
        self._lookup_pending = False
        if action is None:
            self.set_texts(
                self.tr("New improvement action"),
                self.tr(
                    "What keeps causing complaints, what will be done about "
                    "it, by whom and by when."
                ),
            )
        elif editable:
            self.set_texts(
                self.tr("Improvement action"), self.tr("Changes are recorded in the audit log.")
            )
        else:
            self.set_texts(
                self.tr("Improvement action"),
                self.tr(
                    "Read only: supervisors of the responsible department and managers "
                    "change improvement actions."
                ),
            )

        self.problem = self.add_field(
            self.tr("&Problem:"),
            "problem",
            reason_edit("problem", self.tr("e.g. many complaints about late refunds")),
        )
        self.plan = self.add_field(
            self.tr("P&lan:"), "plan", reason_edit("plan", self.tr("What will be done"))
        )
        self.department = QComboBox()
        self.department.addItem(self.tr("— choose —"), None)
        for term in departments:
            self.department.addItem(term.label(language), term.code)
        self.add_field(self.tr("Responsible &department:"), "department", self.department)
        self.responsible = QComboBox()
        self.responsible.setObjectName("improvement_responsible")
        self.responsible.addItem(self.tr("— nobody in particular —"), "")
        self.responsible.setToolTip(self.tr("The active accounts of the responsible department"))
        self.add_field(self.tr("Responsible perso&n:"), "responsible", self.responsible)
        self.department.currentIndexChanged.connect(lambda _i: self._fill_responsible())
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.add_field(self.tr("D&eadline:"), "deadline", self.deadline)
        self.status = QComboBox()
        for term in IMPROVEMENT_STATUS:
            self.status.addItem(term.label(language), term.code)
        self.add_field(self.tr("&Status:"), "status", self.status)
        self.types = QListWidget()
        self.types.setObjectName("improvement_types")
        self.types.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.types.setMinimumHeight(140)
        for category in type_tree:
            self._add_type(category.code, category.label(language))
            for sub in category.children:
                self._add_type(sub.code, "    " + sub.label(language))
        self.add_field(self.tr("Complaint &types:"), "types", self.types)
        self.types.setToolTip(
            self.tr(
                "The types (or subtypes) whose complaints this action "
                "is about; Space ticks the selected one"
            )
        )
        self.products = QLineEdit()
        self.products.setObjectName("improvement_products")
        self.products.setPlaceholderText(self.tr("e.g. Rice cooker X1、Air fryer"))
        self.products.setToolTip(
            self.tr(
                "Product names, separated by 、 or commas, whose complaints this action is about"
            )
        )
        self.add_field(self.tr("P&roducts:"), "products", self.products)
        self.cases = QLineEdit()
        self.cases.setObjectName("improvement_cases")
        self.cases.setPlaceholderText(self.tr("Complaint numbers, separated by commas"))
        self.add_case_button = QPushButton(self.tr("&Add"))
        self.add_case_button.setObjectName("improvement_add_case_button")
        self.add_case_button.setToolTip(self.tr("Look up the complaint numbers typed"))
        self.add_case_button.clicked.connect(self.look_up_cases)
        self.add_case_button.setEnabled(session is not None and tasks is not None)
        case_row = QWidget()
        case_layout = QHBoxLayout(case_row)
        case_layout.setContentsMargins(0, 0, 0, 0)
        case_layout.addWidget(self.cases, 1)
        case_layout.addWidget(self.add_case_button)
        case_row.setFocusProxy(self.cases)
        self.add_field(self.tr("Linked &cases:"), "cases", case_row)
        self.fields["cases"] = self.cases

        self._build_sections()

        if action is None:
            deadline = today + dt.timedelta(days=DEFAULT_DEADLINE_DAYS)
            self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        else:
            self._show(action, language)
        if not editable:
            self._make_read_only()
        self.problem.setFocus(Qt.FocusReason.OtherFocusReason)
        if session is not None and tasks is not None:
            self._load()

    # --- the follow-ups and effect sections -----------------------------------------------

    def _build_sections(self) -> None:
        self.follow_ups_box = QGroupBox(self.tr("Monthly follow-ups"))
        self.follow_ups_box.setObjectName("follow_ups_box")
        self.follow_ups_table = _table(
            "follow_ups_table",
            [self.tr("Month"), self.tr("Status"), self.tr("Recorded by"), self.tr("What was done")],
        )
        self.follow_up_done = QLineEdit()
        self.follow_up_done.setObjectName("follow_up_done")
        self.follow_up_done.setPlaceholderText(self.tr("What was done this month"))
        self.follow_up_status = QComboBox()
        self.follow_up_status.setObjectName("follow_up_status")
        for term in IMPROVEMENT_STATUS:
            self.follow_up_status.addItem(term.label(self.language), term.code)
        self.record_follow_up_button = QPushButton(self.tr("Record this &month's"))
        self.record_follow_up_button.setObjectName("record_follow_up_button")
        self.record_follow_up_button.clicked.connect(self.record_follow_up)
        self.follow_up_message = message_label("follow_up_message")
        form = QFormLayout()
        form.addRow(self.tr("Done:"), self.follow_up_done)
        row = QHBoxLayout()
        row.addWidget(self.follow_up_status, 1)
        row.addWidget(self.record_follow_up_button)
        form.addRow(self.tr("Status then:"), row)
        box = QVBoxLayout(self.follow_ups_box)
        box.addWidget(self.follow_ups_table)
        box.addLayout(form)
        box.addWidget(self.follow_up_message)

        self.effect_box = QGroupBox(self.tr("Effect"))
        self.effect_box.setObjectName("effect_box")
        self.effect_table = _table(
            "effect_table",
            [
                self.tr("Period"),
                self.tr("Month"),
                self.tr("Complaints"),
                self.tr("Surveys"),
                self.tr("Mean score"),
            ],
        )
        self.effect_table.setMinimumHeight(140)
        self.effect_table.setToolTip(
            self.tr(
                "Complaints of the linked types and products registered each month, and "
                "their surveys: the 3 months before the action started, then each month since."
            )
        )
        self.effect_note = message_label("effect_message")  # shown when refused
        effect_layout = QVBoxLayout(self.effect_box)
        effect_layout.addWidget(self.effect_table)
        effect_layout.addWidget(self.effect_note)

        saved = self.action_info is not None
        if not saved:
            for section in (self.follow_ups_box, self.effect_box):
                section.setEnabled(False)
                section.setToolTip(self.tr("Available once the action is saved."))
        self._set_follow_up_form_enabled(saved and self.editable and self.tasks is not None)

        # The form on the left, the sections on the right.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeItem(self.form_layout)
        columns = QHBoxLayout()
        columns.addLayout(self.form_layout, 3)
        right = QVBoxLayout()
        right.addWidget(self.follow_ups_box)
        right.addWidget(self.effect_box)
        columns.addLayout(right, 2)
        layout.insertLayout(1, columns)
        self.setMinimumWidth(900)

    def _set_follow_up_form_enabled(self, on: bool) -> None:
        for widget in (self.follow_up_done, self.follow_up_status, self.record_follow_up_button):
            widget.setEnabled(on)

    def _load(self) -> None:
        assert self.session is not None and self.tasks is not None
        task = self.tasks.submit(users.list_users, self.session, name="improvement-accounts")
        task.on(succeeded=self._show_accounts)
        if self.action_info is not None:
            self._load_follow_ups()
            task = self.tasks.submit(
                improvements.effect,
                self.session,
                self.action_info.id,
                name="improvement-effect",
            )
            task.on(succeeded=self.show_effect, failed=self._effect_failed)

    def _load_follow_ups(self) -> None:
        assert self.session is not None and self.tasks is not None
        assert self.action_info is not None
        task = self.tasks.submit(
            improvements.list_follow_ups,
            self.session,
            self.action_info.id,
            name="improvement-follow-ups",
        )
        task.on(succeeded=self.show_follow_ups, failed=self._follow_up_failed)

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def show_follow_ups(self, rows: list[FollowUpInfo]) -> None:
        if not self._alive():
            return
        self.follow_ups_table.setRowCount(len(rows))
        for r, info in enumerate(rows):
            cells = [
                f"{info.month:%Y-%m}",
                IMPROVEMENT_STATUS.label(info.status, self.language),
                info.recorded_by,
                info.done,
            ]
            for c, text in enumerate(cells):
                self.follow_ups_table.setItem(r, c, QTableWidgetItem(text))
        this_month = self.today.replace(day=1)
        current = next((f for f in rows if f.month == this_month), None)
        if current is not None and not self.follow_up_done.text().strip():
            self.follow_up_done.setText(current.done)
            index = self.follow_up_status.findData(current.status)
            self.follow_up_status.setCurrentIndex(max(0, index))
        self.follow_ups_shown.emit()

    def show_effect(self, months: list[EffectMonth]) -> None:
        if not self._alive():
            return
        self.effect_table.setRowCount(len(months))
        shade = QBrush(self.palette().color(QPalette.ColorRole.AlternateBase))
        for r, month in enumerate(months):
            score = "—" if month.satisfaction is None else f"{month.satisfaction:.2f}"
            cells = [
                self.tr("before") if month.before else self.tr("since"),
                f"{month.month:%Y-%m}",
                str(month.volume),
                str(month.surveys),
                score,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if month.before:
                    item.setBackground(shade)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.effect_table.setItem(r, c, item)
        self.effect_shown.emit()

    def _effect_failed(self, exc: ServiceError) -> None:
        if self._alive():
            self.effect_note.setText(service_message(exc))
            self.effect_note.show()

    def _show_follow_up_message(self, text: str, tone: str = "error") -> None:
        set_tone(self.follow_up_message, tone)
        self.follow_up_message.setText(text)
        self.follow_up_message.setVisible(bool(text))

    def _case_error(self, text: str) -> None:
        if text:
            self.errors["cases"].show_message(text)
        else:
            self.errors["cases"].clear_message()

    def _follow_up_failed(self, exc: ServiceError) -> None:
        if self._alive():
            self._show_follow_up_message(service_message(exc))
            self._set_follow_up_form_enabled(self.editable and self.action_info is not None)

    def record_follow_up(self) -> None:
        """Record this month's follow-up (what was done, the status then) off the UI thread;
        the service's refusal is shown under the form."""
        if self.session is None or self.tasks is None or self.action_info is None:
            return
        done = self.follow_up_done.text().strip()
        if not done:
            self._show_follow_up_message(self.tr("Say what was done this month."))
            self.follow_up_done.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._show_follow_up_message("")
        self._set_follow_up_form_enabled(False)
        status = self.follow_up_status.currentData()
        task = self.tasks.submit(
            improvements.record_follow_up,
            self.session,
            self.action_info.id,
            self.today.replace(day=1),
            done,
            status,
            name="improvement-follow-up",
        )
        task.on(succeeded=self._follow_up_done, failed=self._follow_up_failed)

    def _follow_up_done(self, rows: list[FollowUpInfo]) -> None:
        if not self._alive():
            return
        self._set_follow_up_form_enabled(True)
        self.show_follow_ups(rows)
        self.set_status(self.follow_up_status.currentData())
        self._show_follow_up_message(self.tr("This month's follow-up was recorded."), "ok")
        self.follow_up_recorded.emit()

    # --- responsible person ---------------------------------------------------------------

    def _show_accounts(self, accounts: list[UserInfo]) -> None:
        if not self._alive():
            return
        self._accounts = [a for a in accounts if a.active]
        self._fill_responsible()

    def _fill_responsible(self) -> None:
        wanted = self.responsible.currentData() or (
            self.action_info.responsible if self.action_info is not None else ""
        )
        code = self.department.currentData()
        self.responsible.blockSignals(True)
        self.responsible.clear()
        self.responsible.addItem(self.tr("— nobody in particular —"), "")
        for account in self._accounts:
            if code is not None and code in account.departments:
                self.responsible.addItem(
                    f"{account.display_name} ({account.username})", account.username
                )
        info = self.action_info
        if (
            info is not None
            and wanted
            and wanted == info.responsible
            and code == info.department
            and self.responsible.findData(wanted) < 0
        ):  # the action's person, kept while the department stays
            self.responsible.addItem(f"{info.responsible_name or wanted} ({wanted})", wanted)
        self.responsible.setCurrentIndex(max(0, self.responsible.findData(wanted)))
        self.responsible.blockSignals(False)

    def set_responsible(self, username: str) -> bool:
        index = self.responsible.findData(username)
        if index >= 0:
            self.responsible.setCurrentIndex(index)
        return index >= 0

    # --- linked cases ---------------------------------------------------------------------

    def unresolved_numbers(self) -> list[str]:
        return [n for n in split_numbers(self.cases.text()) if n not in self._case_ids]

    def look_up_cases(self) -> None:
        """Look up the typed complaint numbers (``cases.find_case``) off the UI thread; the
        ones not found are shown under the field."""
        numbers = self.unresolved_numbers()
        if self.session is None or self.tasks is None or self._lookup_pending:
            return
        if not numbers:
            self._case_error("")
            self.cases_resolved.emit()
            return
        self._lookup_pending = True
        self.add_case_button.setEnabled(False)
        task = self.tasks.submit(
            _resolve_numbers, self.session, numbers, name="improvement-find-cases"
        )
        task.on(succeeded=self._cases_found, failed=self._cases_failed)

    def _cases_found(self, result: tuple[dict[str, int], list[str]]) -> None:
        if not self._alive():
            return
        self._lookup_pending = False
        self.add_case_button.setEnabled(True)
        found, missing = result
        self._case_ids = {**self._case_ids, **found}
        self.cases.setText(", ".join(split_numbers(self.cases.text())))
        if missing:
            self._accept_after_lookup = False
            self._case_error(
                self.tr("No case has the number {numbers}.").format(numbers=", ".join(missing))
            )
            return
        self._case_error("")
        self.cases_resolved.emit()
        if self._accept_after_lookup:
            self._accept_after_lookup = False
            self.accept()

    def _cases_failed(self, exc: ServiceError) -> None:
        if not self._alive():
            return
        self._lookup_pending = False
        self._accept_after_lookup = False
        self.add_case_button.setEnabled(True)
        self._case_error(service_message(exc))

    def accept(self) -> None:
        if not self.editable:
            self.reject()
            return
        if self.unresolved_numbers() and self.session is not None and self.tasks is not None:
            self._accept_after_lookup = True
            self.look_up_cases()
            return
        super().accept()

    # --- showing an action ------------------------------------------------------------------

    def _make_read_only(self) -> None:
        for widget in (self.problem, self.plan):
            assert isinstance(widget, QPlainTextEdit)
            widget.setReadOnly(True)
        for widget in (self.products, self.cases):
            widget.setReadOnly(True)
        for widget in (
            self.department,
            self.responsible,
            self.deadline,
            self.status,
            self.add_case_button,
        ):
            widget.setEnabled(False)
        for item in self.type_items():
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.ok_button.hide()
        self.cancel_button.setText(self.tr("Close"))

    def _add_type(self, code: str, text: str) -> None:
        item = QListWidgetItem(text, self.types)
        item.setData(CodeRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)

    def _show(self, action: ImprovementInfo, language: str) -> None:
        self.problem.setPlainText(action.problem)
        self.plan.setPlainText(action.plan)
        index = self.department.findData(action.department)
        if index < 0:  # an inactive department: still shown, so the action keeps it
            label = action.department_zh if language.startswith("zh") else action.department_en
            self.department.addItem(label, action.department)
            index = self.department.count() - 1
        self.department.setCurrentIndex(index)
        if action.deadline is not None:
            day = action.deadline
            self.deadline.setDate(QDate(day.year, day.month, day.day))
        self.status.setCurrentIndex(max(0, self.status.findData(action.status)))
        self.set_type_codes(action.type_codes)
        self.products.setText("、".join(action.products))
        self._case_ids = dict(zip(action.case_numbers, action.case_ids, strict=False))
        self.cases.setText(", ".join(action.case_numbers))
        if action.responsible:
            name = action.responsible_name or action.responsible
            self.responsible.addItem(f"{name} ({action.responsible})", action.responsible)
            self.responsible.setCurrentIndex(self.responsible.count() - 1)

    # --- values -------------------------------------------------------------------------

    def type_items(self) -> list[QListWidgetItem]:
        return [self.types.item(row) for row in range(self.types.count())]

    def type_codes(self) -> list[str]:
        return [
            item.data(CodeRole)
            for item in self.type_items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_type_codes(self, codes: Sequence[str]) -> None:
        wanted = set(codes)
        for item in self.type_items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(CodeRole) in wanted else Qt.CheckState.Unchecked
            )

    def set_products(self, names: Sequence[str]) -> None:
        self.products.setText("、".join(names))

    def link_case(self, number: str, case_id: int) -> None:
        """Link a case already known (e.g. from the case window)."""
        self._case_ids[number] = case_id
        numbers = split_numbers(self.cases.text())
        if number not in numbers:
            numbers.append(number)
        self.cases.setText(", ".join(numbers))

    def set_department(self, code: str) -> None:
        self.department.setCurrentIndex(max(0, self.department.findData(code)))

    def set_status(self, code: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(code)))

    def set_deadline(self, day: dt.date) -> None:
        self.deadline.setDate(QDate(day.year, day.month, day.day))

    def values(self) -> dict[str, Any]:
        numbers = split_numbers(self.cases.text())
        return {
            "problem": self.problem.toPlainText().strip(),
            "plan": self.plan.toPlainText().strip(),
            "department_code": self.department.currentData(),
            "deadline": self.deadline.date().toPython(),
            "status": self.status.currentData(),
            "type_codes": self.type_codes(),
            "products": split_products(self.products.text()),
            "case_ids": [self._case_ids[n] for n in numbers if n in self._case_ids],
            "responsible": self.responsible.currentData() or "",
        }

    def problems(self) -> dict[str, str]:
        missing = self.unresolved_numbers()
        return {
            "problem": self.required_text("problem"),
            "plan": self.required_text("plan"),
            "department": "" if self.department.currentData() else self.tr("Required."),
            "cases": self.tr("No case has the number {numbers}.").format(numbers=", ".join(missing))
            if missing
            else "",
        }

    @staticmethod
    def field_of(service_field: str | None) -> str | None:
        """The dialog field a service error is about."""
        return {"department_code": "department", "type_codes": "types", "case_ids": "cases"}.get(
            service_field or "", service_field
        )


# --- opening and saving (the reports page's and the case window's) -----------------------


def open_dialog(
    previous: ImprovementDialog | None,
    action: ImprovementInfo | None,
    *,
    departments: Sequence[Term],
    type_tree: Sequence[TypeRef],
    language: str,
    session: Session,
    tasks: TaskRunner,
    editable: bool,
    parent: QWidget,
    accepted: Any,
) -> ImprovementDialog:
    """Open the dialog of ``action`` (None: a new one) in place of ``previous`` (deleted
    if still there), window-modal; ``accepted`` is called when the user saves."""
    if previous is not None and shiboken6.isValid(previous):
        previous.deleteLater()
    dialog = ImprovementDialog(
        departments=departments,
        type_tree=type_tree,
        language=language,
        today=session.now().date(),
        action=action,
        session=session,
        tasks=tasks,
        editable=editable,
        parent=parent,
    )
    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


def submit_save(dialog: ImprovementDialog, session: Session, tasks: TaskRunner) -> Task:
    """Create (a new dialog) or update the action off the UI thread with the dialog's
    values."""
    values = dialog.values()
    if dialog.action_info is None:
        return tasks.submit(
            improvements.create_action, session, name="improvement-create", **values
        )
    return tasks.submit(
        improvements.update_action,
        session,
        dialog.action_info.id,
        name="improvement-update",
        **values,
    )


def show_refusal(dialog: ImprovementDialog | None, exc: ServiceError) -> bool:
    """Open the dialog again with the service's refusal (under the field it is about, or
    at the top); False when the dialog is gone."""
    if dialog is None or not shiboken6.isValid(dialog):
        return False
    field = dialog.field_of(exc.field) if isinstance(exc, ValidationError) else None
    dialog.show_error(field, service_message(exc))
    dialog.open()
    return True
