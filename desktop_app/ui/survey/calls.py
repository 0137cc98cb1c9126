"""The call attempts of the survey page: the result of a call to the customer of the case
selected in the queue (no answer, call back later at a time, refused, wrong number) and
"not to be surveyed" with a reason.

``SurveyCalls`` is a mixin of ``page.SurveyPage``: the "Call attempt" group
(``_build_calls``), ``record_attempt`` and ``mark_not_surveyed`` off the UI thread, and
the errors under their fields (``call_errors``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import CALL_RESULTS
from desktop_app.services import surveys
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.session import Session
from desktop_app.services.surveys import FAILED_RESULTS, UNREACHABLE, AttemptResult, SurveyQueueRow
from desktop_app.ui.forms import FieldError, push_button
from desktop_app.ui.i18n import service_message
from desktop_app.ui.survey_form import QT_TIME_FORMAT
from desktop_app.ui.survey_queue import SurveyQueueModel
from desktop_app.ui.tasks import Task, TaskRunner


def _moment(value: dt.datetime, now: dt.datetime) -> str:
    """12:30 today, else 2026-11-27 10:30."""
    return f"{value:%H:%M}" if value.date() == now.date() else f"{value:%Y-%m-%d %H:%M}"


if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What SurveyCalls uses of the class it is mixed into (for the type checker)."""

        # SurveyPage

        def selected_row(self) -> int: ...
        def _say(self, text: str) -> None: ...
        def _service_failed(self, exc: ServiceError) -> None: ...

    _Base = _Host
else:
    _Base = object


class SurveyCalls(_Base):
    """Mixin of ``SurveyPage``: the call attempts (see the module documentation). The page
    sets ``session``, ``tasks``, ``language``, ``may_record`` and ``queue_model``, and
    provides ``selected_row``, ``refresh``, ``_say`` and ``_service_failed``."""

    session: Session
    tasks: TaskRunner
    language: str
    may_record: bool
    queue_model: SurveyQueueModel
    status_message: Signal

    def _build_calls(self) -> QGroupBox:
        calls = QGroupBox(self.tr("Call attempt"))
        calls.setObjectName("call_group")
        self.selected_case = QLabel()
        self.selected_case.setObjectName("selected_case")
        self.selected_case.setWordWrap(True)
        self.selected_case.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.call_result = QComboBox()
        self.call_result.setObjectName("call_result")
        for code in FAILED_RESULTS:
            self.call_result.addItem(CALL_RESULTS.label(code, self.language), code)
        self.call_result.currentIndexChanged.connect(self._call_result_changed)
        self.next_try_at = QDateTimeEdit()
        self.next_try_at.setObjectName("next_try_at")
        self.next_try_at.setDisplayFormat(QT_TIME_FORMAT)
        self.next_try_at.setCalendarPopup(True)
        self.next_try_at.setToolTip(self.tr("When the customer asked to be called back"))
        self.next_try_at.setDateTime(
            QDateTime(self.session.now().replace(second=0, microsecond=0) + dt.timedelta(hours=1))
        )
        self.next_try_at.dateTimeChanged.connect(lambda _v: self._clear_call_error("next_try_at"))
        self.attempt_note = QLineEdit()
        self.attempt_note.setObjectName("attempt_note")
        self.attempt_note.setPlaceholderText(self.tr("Note (optional)"))
        self.record_attempt_button = push_button(
            self.tr("Record &call"), "record_attempt_button", icon_name="call"
        )
        self.record_attempt_button.setAutoDefault(False)
        self.record_attempt_button.clicked.connect(self.record_attempt)
        self.no_survey_reason = QLineEdit()
        self.no_survey_reason.setObjectName("no_survey_reason")
        self.no_survey_reason.setPlaceholderText(self.tr("Why the customer is not to be surveyed"))
        self.no_survey_reason.textChanged.connect(
            lambda _t: self._clear_call_error("no_survey_reason")
        )
        self.not_surveyed_button = push_button(
            self.tr("Not to be s&urveyed"), "not_surveyed_button", icon_name="no_call"
        )
        self.not_surveyed_button.setAutoDefault(False)
        self.not_surveyed_button.clicked.connect(self.mark_not_surveyed)
        self.call_errors = {
            name: FieldError(name) for name in ("call_result", "next_try_at", "no_survey_reason")
        }

        def with_error(widget: QWidget, name: str) -> QWidget:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(self.call_errors[name])
            return holder

        form = QFormLayout(calls)
        form.addRow(self.selected_case)
        result_row = QHBoxLayout()
        result_row.addWidget(with_error(self.call_result, "call_result"), 1)
        next_label = QLabel(self.tr("Ne&xt try"))
        next_label.setBuddy(self.next_try_at)
        result_row.addWidget(next_label)
        result_row.addWidget(with_error(self.next_try_at, "next_try_at"), 1)
        result_label = QLabel(self.tr("Call res&ult"))
        result_label.setBuddy(self.call_result)
        form.addRow(result_label, result_row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.attempt_note, 1)
        note_row.addWidget(self.record_attempt_button)
        form.addRow(self.tr("Note"), note_row)
        reason_row = QHBoxLayout()
        reason_row.addWidget(with_error(self.no_survey_reason, "no_survey_reason"), 1)
        reason_row.addWidget(self.not_surveyed_button)
        reason_label = QLabel(self.tr("Reas&on"))
        reason_label.setBuddy(self.no_survey_reason)
        form.addRow(reason_label, reason_row)
        if not self.may_record:
            calls.setEnabled(False)
        self._call_result_changed()
        return calls

    # --- call attempts and "not to be surveyed" ---------------------------------------------

    def _call_result_changed(self, *_args) -> None:
        later = self.call_result.currentData() == "call_back_later"
        self.next_try_at.setEnabled(later)
        if later:
            now = self.session.now().replace(second=0, microsecond=0)
            if self.next_try_at.dateTime().toPython() <= now:
                self.next_try_at.setDateTime(QDateTime(now + dt.timedelta(hours=1)))
        self._clear_call_error("call_result")
        self._clear_call_error("next_try_at")

    def _clear_call_error(self, name: str) -> None:
        label = self.call_errors.get(name) if hasattr(self, "call_errors") else None
        if label is not None and not label.isHidden():
            label.clear_message()

    def call_error_text(self, name: str) -> str:
        label = self.call_errors[name]
        return label.text() if not label.isHidden() else ""

    def clear_call_errors(self) -> None:
        for name in self.call_errors:
            self._clear_call_error(name)

    def _call_row(self) -> SurveyQueueRow | None:
        """The queue row a call is recorded for, its errors cleared; None (said) when no
        case is selected."""
        row = self.queue_model.row_data(self.selected_row())
        if row is None:
            self._say(self.tr("Choose a case in the queue first."))
        else:
            self.clear_call_errors()
        return row

    def record_attempt(self) -> Task | None:
        """Record the call result chosen for the selected case."""
        row = self._call_row()
        if row is None:
            return None
        result = self.call_result.currentData()
        next_try = (
            self.next_try_at.dateTime().toPython().replace(second=0, microsecond=0)
            if result == "call_back_later"
            else None
        )
        task = self.tasks.submit(
            surveys.record_attempt,
            self.session,
            row.case_id,
            result,
            next_try_at=next_try,
            note=self.attempt_note.text(),
            name="survey-attempt",
        )
        task.succeeded.connect(
            lambda done, number=row.number, result=result: self._attempt_recorded(
                number, result, done
            )
        )
        task.failed.connect(self._call_failed)
        return task

    def _attempt_recorded(self, number: str, result: str, done: AttemptResult) -> None:
        self.attempt_note.clear()
        if done.left_queue and done.reason == UNREACHABLE:
            text = (
                self.tr("Customer unreachable after 1 call: {number} left the queue.")
                if done.attempts == 1
                else self.tr("Customer unreachable after {count} calls: {number} left the queue.")
            ).format(number=number, count=done.attempts)
        elif done.left_queue and result == "refused":
            text = self.tr("The customer refused the survey: {number} left the queue.").format(
                number=number
            )
        elif done.left_queue:
            text = self.tr("Wrong number: {number} left the queue.").format(number=number)
        elif done.next_try_at is not None:
            text = self.tr("Next try at {time} ({number}, call {count}).").format(
                time=_moment(done.next_try_at, self.session.now()),
                number=number,
                count=done.attempts,
            )
        else:
            text = self.tr("Call recorded ({number}).").format(number=number)
        self._say(text)
        self.refresh()

    def _call_failed(self, exc: ServiceError) -> None:
        field = getattr(exc, "field", None)
        if isinstance(exc, ValidationError) and field in self.call_errors:
            self.call_errors[field].show_message(service_message(exc))
            {
                "call_result": self.call_result,
                "next_try_at": self.next_try_at,
                "no_survey_reason": self.no_survey_reason,
            }[field].setFocus(Qt.FocusReason.OtherFocusReason)
        self._service_failed(exc)

    def mark_not_surveyed(self) -> Task | None:
        """Take the selected case out of the queue with the reason typed."""
        row = self._call_row()
        if row is None:
            return None
        task = self.tasks.submit(
            surveys.mark_not_surveyed,
            self.session,
            row.case_id,
            self.no_survey_reason.text(),
            name="survey-skip",
        )
        task.on(
            succeeded=lambda _none, number=row.number: self._not_surveyed(number),
            failed=self._call_failed,
        )
        return task

    def _not_surveyed(self, number: str) -> None:
        self.no_survey_reason.clear()
        self._say(
            self.tr("{number} will not be surveyed: it left the queue.").format(number=number)
        )
        self.refresh()
