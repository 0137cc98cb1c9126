"""The intake form's fields that routing needs (docs/rules.md#registration,
docs/rules.md#routing): the staff member complained about (``subject_staff``, shown for
the subtypes whose handling rule asks for one, with suggestions of the staff accounts) and
the repeat complaint (``repeat_complaint`` and the picked customer's earlier case,
``repeat_of``, listed off the UI thread).

``RoutingFields`` is a mixin of ``form.IntakeSections``, which builds the widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.vocab import STAGES
from desktop_app.services import intake
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import EarlierCase, StaffChoice
from desktop_app.ui.i18n import service_message
from desktop_app.ui.intake.widgets import StaffCompleter

if TYPE_CHECKING:
    from PySide6.QtCore import Signal

    from desktop_app.services.reference import TypeRef
    from desktop_app.services.session import Session
    from desktop_app.ui.tasks import Task, TaskRunner

# Handling rules of the subtypes that name the staff member complained about
# (docs/rules.md#routing): staff attitude (required there) and staff efficiency.
STAFF_RULES = ("staff_supervisor", "senior_agent")

if TYPE_CHECKING:
    # For the type checker only (see form.py): what the mixin uses of the intake page.
    class _Host(QWidget):
        session: Session
        tasks: TaskRunner
        language: str
        customer_id: int | None
        status_message: Signal
        _subtypes: dict[str, TypeRef]
        subtype: QComboBox
        subject_staff: QLineEdit
        staff_completer: StaffCompleter
        _complaint_rows: QFormLayout
        _staff_loading: bool
        repeat_complaint: QCheckBox
        repeat_of: QComboBox
        repeat_hint: QLabel
        _repeat_wanted: int | None
        _repeat_customer: int | None
        _repeat_numbers: dict[int, str]

        @staticmethod
        def _combo_code(combo: QComboBox) -> Any: ...
        @staticmethod
        def _select(combo: QComboBox, data: Any) -> bool: ...
        def clear_error(self, field: str) -> None: ...
        def _update_level_choices(self) -> None: ...
        def _service_failed(self, exc: ServiceError) -> None: ...

    _Base = _Host
else:
    _Base = object


class RoutingFields(_Base):
    """Mixin: the staff member complained about and the repeat complaint."""

    # --- the staff member complained about --------------------------------------------

    def staff_applies(self) -> bool:
        """Whether the chosen subtype's handling rule names the staff member complained
        about (staff attitude, staff efficiency)."""
        subtype = self._subtypes.get(self._combo_code(self.subtype) or "")
        return subtype is not None and subtype.handling_rule in STAFF_RULES

    def _update_subject_staff(self, *_args: Any) -> None:
        """Show the field for the subtypes that ask for it (its text is kept while hidden,
        but not sent); the accounts are listed the first time it is shown."""
        applies = self.staff_applies()
        holder = self.subject_staff.parentWidget()
        if holder is not None:
            self._complaint_rows.setRowVisible(holder, applies)
        if applies:
            if not self.staff_completer.loaded:
                self.load_staff()
        else:
            self.clear_error("subject_staff")

    def load_staff(self) -> Task | None:
        """List the active staff accounts for the suggestions (off the UI thread)."""
        if self._staff_loading:
            return None
        self._staff_loading = True
        task = self.tasks.submit(
            intake.staff_choices, self.session, name="staff-choices", key=(self, "staff")
        )
        task.on(
            succeeded=self._staff_listed, failed=self._service_failed, finished=self._staff_done
        )
        return task

    def _staff_listed(self, choices: list[StaffChoice]) -> None:
        self.staff_completer.set_staff(choices)

    def _staff_done(self) -> None:
        self._staff_loading = False

    # --- repeat complaint -------------------------------------------------------------------

    def _customer_changed(self) -> None:
        """The picked customer changed or was shown again (``CustomerLookup``): another
        customer's earlier cases are dropped; listed anew while the box is ticked."""
        if self.customer_id != self._repeat_customer:
            self._repeat_customer = None
            self._repeat_wanted = None
            self._fill_repeat_cases(None)
        self._repeat_toggled()

    def _repeat_toggled(self, *_args: Any) -> None:
        checked = self.repeat_complaint.isChecked()
        picked = self.customer_id is not None
        self.repeat_of.setEnabled(checked and picked)
        self.repeat_hint.setVisible(checked and not picked)
        if checked and picked and self._repeat_customer != self.customer_id:
            self.load_repeat_cases()
        self._update_level_choices()

    def load_repeat_cases(self) -> Task | None:
        """List the picked customer's earlier cases the user may see (off the UI thread)."""
        customer = self.customer_id
        if customer is None:
            return None
        self._repeat_customer = customer
        self._fill_repeat_cases(None)
        self.repeat_of.setPlaceholderText(self.tr("Listing the customer's cases…"))
        task = self.tasks.submit(
            intake.customer_cases,
            self.session,
            customer,
            name="customer-cases",
            key=(self, "repeat_cases"),
        )
        task.on(
            succeeded=lambda cases, customer=customer: self._repeat_cases_listed(customer, cases),
            failed=self._repeat_cases_failed,
        )
        return task

    def _repeat_cases_listed(self, customer: int, cases: list[EarlierCase]) -> None:
        if customer != self.customer_id:
            return  # another customer meanwhile
        self._fill_repeat_cases(cases)

    def _repeat_cases_failed(self, exc: ServiceError) -> None:
        self._repeat_customer = None  # asked again at the next tick or pick
        self.repeat_of.setPlaceholderText(self.tr("The customer's cases could not be listed"))
        self.status_message.emit(service_message(exc))

    def _fill_repeat_cases(self, cases: list[EarlierCase] | None) -> None:
        """The earlier cases to pick from (None: none listed, no customer or loading)."""
        wanted = self.repeat_of_id()
        self.repeat_of.blockSignals(True)
        self.repeat_of.clear()
        self._repeat_numbers = {}
        if cases is None:
            self.repeat_of.setPlaceholderText(self.tr("Pick the customer first"))
        elif not cases:
            self.repeat_of.setPlaceholderText(self.tr("No earlier cases of this customer"))
        else:
            self.repeat_of.addItem(self.tr("— choose —"), None)
            for case in cases:
                subtype = self._subtypes.get(case.subtype_code)
                parts = [
                    case.number,
                    case.registration_time.strftime("%Y-%m-%d"),
                    subtype.label(self.language) if subtype else case.subtype_code,
                    STAGES.label(case.stage, self.language),
                ]
                self.repeat_of.addItem(" · ".join(parts), case.id)
                self._repeat_numbers[case.id] = case.number
            if wanted is not None and self._select(self.repeat_of, wanted):
                self._repeat_wanted = None
            else:
                self.repeat_of.setCurrentIndex(0)
        self.repeat_of.blockSignals(False)

    def repeat_of_id(self) -> int | None:
        """The earlier case chosen (a draft's until the list arrives)."""
        data = self.repeat_of.currentData()
        return data if isinstance(data, int) else self._repeat_wanted

    def repeat_of_number(self) -> str:
        case_id = self.repeat_of_id()
        return self._repeat_numbers.get(case_id, "") if case_id else ""

    def clear_routing_fields(self) -> None:
        """A new form: no staff member, no repeat complaint."""
        self.subject_staff.clear()
        self._repeat_wanted = None
        self._repeat_customer = None
        self.repeat_complaint.setChecked(False)
        self._fill_repeat_cases(None)
