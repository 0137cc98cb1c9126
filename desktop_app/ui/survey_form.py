"""The survey form of template 3 (客户满意度调查问卷), keyboard-fast.

A score field is one Tab stop: the digit keys 1–5 set the score and move on to the next
score (timeliness → effectiveness → attitude → overall → the first "most satisfied" box);
Left/Right (or -/+) change it, 0, Delete or Backspace clear it; a click on a number works
too. Check boxes toggle with Space. The panel does not save: ``SurveyPage`` runs the
service and hands problems back with ``show_problems``.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import SURVEY_ASPECTS, SURVEY_METHODS
from desktop_app.services.errors import ValidationError
from desktop_app.services.session import Session
from desktop_app.services.surveys import SCORE_FIELDS, SurveyForm, SurveyPrefill
from desktop_app.ui.forms import (
    ChoiceBoxes,
    FieldError,
    FieldErrors,
    form_group,
    push_button,
    tab_order,
)
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.resources import set_tone

QT_TIME_FORMAT = "yyyy-MM-dd HH:mm"
SCORES = (1, 2, 3, 4, 5)
ASPECT_FIELDS = ("most_satisfied", "needs_improvement")
# Fields in reading order: the first bad one gets the focus.
FIELD_ORDER = (
    "complaint_number",
    "customer_name",
    "survey_time",
    "method",
    *SCORE_FIELDS,
    "most_satisfied",
    "most_satisfied_other",
    "needs_improvement",
    "needs_improvement_other",
    "suggestions",
)
_DIGITS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}


def score_labels() -> dict[int, str]:
    """1 = very dissatisfied … 5 = very satisfied, in the UI language."""
    return {
        1: QCoreApplication.translate("ScoreWidget", "Very dissatisfied"),
        2: QCoreApplication.translate("ScoreWidget", "Dissatisfied"),
        3: QCoreApplication.translate("ScoreWidget", "Neutral"),
        4: QCoreApplication.translate("ScoreWidget", "Satisfied"),
        5: QCoreApplication.translate("ScoreWidget", "Very satisfied"),
    }


class ScoreWidget(QFrame):
    """A score from 1 to 5 (or none): five exclusive buttons ``<name>_1`` … ``<name>_5``
    and the chosen score's words. One Tab stop; see the module documentation for keys.

    ``valueChanged(object)`` with the new score (int or None); ``committed()`` when a digit
    key chose the score (the form moves the focus on)."""

    valueChanged = Signal(object)  # noqa: N815 - Qt naming
    committed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(1)
        self._value: int | None = None
        self.labels = score_labels()
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(3)
        for score in SCORES:
            button = QToolButton()
            button.setObjectName(f"{name}_{score}")
            button.setText(str(score))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"{score} = {self.labels[score]}")
            button.setMinimumWidth(28)
            self.group.addButton(button, score)
            self.buttons[score] = button
            row.addWidget(button)
        self.caption = QLabel()
        self.caption.setObjectName(f"{name}_caption")
        self.caption.setMinimumWidth(110)
        row.addSpacing(6)
        row.addWidget(self.caption)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)
        self.setToolTip(
            self.tr("Press 1 (very dissatisfied) to 5 (very satisfied); the next score follows")
        )
        self._show_value()

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:  # noqa: N802 - Qt naming
        if value is not None and value not in SCORES:
            raise ValueError(f"a score is 1 to 5, not {value!r}")
        if value == self._value:
            return
        self._value = value
        self._show_value()
        self.valueChanged.emit(value)

    def clear(self) -> None:
        self.setValue(None)

    def _show_value(self) -> None:
        if self._value is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
            self.caption.setText(self.tr("not given"))
            self.caption.setEnabled(False)
        else:
            self.buttons[self._value].setChecked(True)
            self.caption.setText(self.labels[self._value])
            self.caption.setEnabled(True)
        self.setAccessibleDescription(self.caption.text())

    def _clicked(self, button: QAbstractButton) -> None:
        self.setValue(self.group.id(button))
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier:
            if key in _DIGITS:
                self.setValue(_DIGITS[key])
                event.accept()
                self.committed.emit()
                return
            if key in (Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.setValue(None)
                event.accept()
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Minus, Qt.Key.Key_Down):
                self.setValue(max(1, (self._value or 2) - 1))
                event.accept()
                return
            if key in (Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Up):
                self.setValue(min(5, (self._value or 0) + 1))
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setLineWidth(1)
        super().focusOutEvent(event)


class AspectChoices(ChoiceBoxes):
    """One check box per survey aspect (``<name>_<code>``; the "other" box is
    ``<name>_other_box``) and the text for "other" (``<name>_other``, the form field),
    enabled while "other" is checked."""

    def __init__(self, name: str, language: str, parent: QWidget | None = None):
        super().__init__(
            name,
            SURVEY_ASPECTS,
            language,
            lambda code: f"{name}_other_box" if code == "other" else f"{name}_{code}",
            f"{name}_other",
            parent,
        )
        self.other_text.setPlaceholderText(self.tr('What "other" is'))


W = TypeVar("W", bound=QWidget)


class SurveyFormPanel(FieldErrors, QWidget):
    """Template 3 for the signed-in surveyor. ``edited()`` whenever a value changes."""

    edited = Signal()

    scroll: QScrollArea  # type: ignore[assignment]  # hides QWidget.scroll() on the panel
    # The score widgets, set by name in _build (also in ``scores``).
    timeliness: ScoreWidget
    effectiveness: ScoreWidget
    attitude: ScoreWidget
    overall: ScoreWidget

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("survey_form")
        self.session = session
        self.language = ui_language()
        self.case_id: int | None = None
        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._loading = False
        self._time_edited = False
        self._build()
        self._connect_changes()
        self._set_tab_order()
        self.new_survey()

    # --- construction -------------------------------------------------------------------

    def _field(
        self, layout: QFormLayout, label: str, name: str, widget: W, *, error: bool = True
    ) -> W:
        """A form row: the label (buddy of the widget), the widget, its error line."""
        self.labels[name] = self.form_row(layout, label, name, widget, error=error)
        return widget

    def _error_row(self, layout: QFormLayout, name: str, widget: QWidget) -> None:
        """A row of its own for a field that sits inside another widget (the "other"
        texts): the widget and its error line."""
        layout.addRow("", self.field_with_error(name, widget))

    def _build(self) -> None:
        lang = self.language
        header, form = form_group(self.tr("Survey"), "survey_header_group")
        self.complaint_number = self._field(
            form, self.tr("Complaint &number (if any)"), "complaint_number", QLineEdit()
        )
        self.complaint_number.setPlaceholderText(self.tr("Empty for a proactive survey"))
        self.customer_name = self._field(
            form, self.tr("Customer na&me"), "customer_name", QLineEdit()
        )
        self.survey_time = self._field(
            form, self.tr("Survey &time"), "survey_time", QDateTimeEdit()
        )
        self.survey_time.setDisplayFormat(QT_TIME_FORMAT)
        self.survey_time.setCalendarPopup(True)
        self.method = self._field(form, self.tr("Met&hod"), "method", QComboBox())
        for term in SURVEY_METHODS:
            self.method.addItem(term.label(lang), term.code)
        self.surveyor = self._field(form, self.tr("Surveyor"), "surveyor", QLineEdit(), error=False)
        self.surveyor.setText(self.session.display_name)
        self.surveyor.setReadOnly(True)
        self.surveyor.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        scores, form = form_group(self.tr("Scores"), "survey_scores_group")
        # A narrow form (English labels, 150 %) puts fields under their labels rather
        # than scrolling sideways.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        legend = QLabel(
            self.tr(
                "1 = very dissatisfied … 5 = very satisfied; type the digit, "
                "the next score follows."
            )
        )
        legend.setObjectName("score_legend")
        legend.setWordWrap(True)
        legend.setEnabled(False)
        form.addRow(legend)
        titles = {
            "timeliness": self.tr("1. T&imeliness of handling"),
            "effectiveness": self.tr("2. &Effectiveness of the solution"),
            "attitude": self.tr("3. Staff &attitude"),
            "overall": self.tr("4. O&verall satisfaction"),
        }
        self.scores: dict[str, ScoreWidget] = {}
        for name in SCORE_FIELDS:
            widget = ScoreWidget(name)
            self.scores[name] = widget
            setattr(self, name, widget)
            self._field(form, titles[name], name, widget)

        aspects, form = form_group(self.tr("Aspects and suggestions"), "survey_aspects_group")
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.most_satisfied = AspectChoices("most_satisfied", lang)
        self._field(form, self.tr("Most &satisfied with"), "most_satisfied", self.most_satisfied)
        self._error_row(form, "most_satisfied_other", self.most_satisfied.other_text)
        self.needs_improvement = AspectChoices("needs_improvement", lang)
        self._field(
            form, self.tr("Needs im&provement"), "needs_improvement", self.needs_improvement
        )
        self._error_row(form, "needs_improvement_other", self.needs_improvement.other_text)
        for name in ASPECT_FIELDS:
            first = getattr(self, name).first_box()
            self.fields[name] = first
            self.labels[name].setBuddy(first)
        self.suggestions = self._field(
            form, self.tr("Other su&ggestions or needs"), "suggestions", QPlainTextEdit()
        )
        self.suggestions.setTabChangesFocus(True)
        self.suggestions.setMinimumHeight(60)
        self.suggestions.setMaximumHeight(120)

        self.form_message = QLabel()
        self.form_message.setObjectName("survey_form_message")
        self.form_message.setWordWrap(True)
        set_tone(self.form_message, "error", strong=True)
        self.form_message.hide()

        self.save_button = push_button(
            self.tr("&Save survey"),
            "save_button",
            icon_name="save",
            tip=self.tr("Save the survey (Ctrl+S)"),
        )
        self.save_button.setAutoDefault(False)
        self.new_button = push_button(
            self.tr("Ne&w survey"),
            "new_survey_button",
            icon_name="new",
            tip=self.tr("Empty the form, for a proactive survey without a complaint (Ctrl+N)"),
        )
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_survey)
        # Shortcuts of their own, not the buttons': a button's shortcut clicks it only after
        # its 100 ms press animation.
        self.new_shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        self.new_shortcut.activated.connect(self.new_survey)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        body = QWidget()
        body.setObjectName("survey_form_body")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for group in (header, scores, aspects):
            body_layout.addWidget(group)
        body_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("survey_form_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)

    def _connect_changes(self) -> None:
        """Every edit clears the field's error (and says the form changed)."""
        for name in ("complaint_number", "customer_name"):
            getattr(self, name).textChanged.connect(lambda _t, name=name: self._edited(name))
        self.method.currentIndexChanged.connect(lambda _i: self._edited("method"))
        self.survey_time.dateTimeChanged.connect(self._time_changed)
        for name, widget in self.scores.items():
            widget.valueChanged.connect(lambda _v, name=name: self._edited(name))
        for name in ASPECT_FIELDS:
            choices: AspectChoices = getattr(self, name)
            for box in choices.boxes.values():
                box.toggled.connect(lambda _c, name=name: self._edited(name))
            choices.other_text.textChanged.connect(
                lambda _t, name=name: self._edited(f"{name}_other")
            )
        self.suggestions.textChanged.connect(lambda: self._edited("suggestions"))
        chain = [*self.scores.values()]
        for first, second in zip(chain, chain[1:], strict=False):
            first.committed.connect(
                lambda second=second: second.setFocus(Qt.FocusReason.TabFocusReason)
            )
        chain[-1].committed.connect(
            lambda: self.most_satisfied.first_box().setFocus(Qt.FocusReason.TabFocusReason)
        )

    def _set_tab_order(self) -> None:
        tab_order(*self.tab_chain())

    def tab_chain(self) -> list[QWidget]:
        """The focusable fields and buttons in Tab order (disabled ones included)."""
        return [
            self.complaint_number,
            self.customer_name,
            self.survey_time,
            self.method,
            *self.scores.values(),
            *self.most_satisfied.focus_widgets(),
            *self.needs_improvement.focus_widgets(),
            self.suggestions,
            self.save_button,
            self.new_button,
        ]

    # --- values -------------------------------------------------------------------------

    def survey_time_value(self) -> dt.datetime:
        return self.survey_time.dateTime().toPython().replace(second=0, microsecond=0)

    def form(self) -> SurveyForm:
        """What the service records. An untouched survey time is "now"."""
        when = (
            self.survey_time_value()
            if self._time_edited
            else self.session.now().replace(second=0, microsecond=0)
        )
        return SurveyForm(
            complaint_number=self.complaint_number.text().strip(),
            customer_name=self.customer_name.text().strip(),
            survey_time=when,
            method=self.method.currentData() or "",
            timeliness=self.timeliness.value(),
            effectiveness=self.effectiveness.value(),
            attitude=self.attitude.value(),
            overall=self.overall.value(),
            most_satisfied=self.most_satisfied.codes(),
            most_satisfied_other=self.most_satisfied.other_text.text().strip(),
            needs_improvement=self.needs_improvement.codes(),
            needs_improvement_other=self.needs_improvement.other_text.text().strip(),
            suggestions=self.suggestions.toPlainText().strip(),
        )

    def has_typed_work(self) -> bool:
        """Whether anything beyond the defaults was typed or chosen."""
        return bool(
            self.complaint_number.text().strip()
            or self.customer_name.text().strip()
            or any(w.value() is not None for w in self.scores.values())
            or self.most_satisfied.codes()
            or self.needs_improvement.codes()
            or self.most_satisfied.other_text.text().strip()
            or self.needs_improvement.other_text.text().strip()
            or self.suggestions.toPlainText().strip()
        )

    def new_survey(self) -> None:
        """Empty the form (a proactive survey, or the next case)."""
        self._loading = True
        try:
            self.case_id = None
            for edit in (self.complaint_number, self.customer_name):
                edit.clear()
            self._reset_time()
            self.method.setCurrentIndex(max(0, self.method.findData("phone")))
            for widget in self.scores.values():
                widget.clear()
            for name in ASPECT_FIELDS:
                choices: AspectChoices = getattr(self, name)
                choices.set_codes([])
                choices.other_text.clear()
            self.suggestions.clear()
        finally:
            self._loading = False
        self.clear_errors()
        self.edited.emit()

    def fill(self, prefill: SurveyPrefill) -> None:
        """A new survey of the case in ``prefill``: its number and customer, now, by phone;
        the focus goes to the first score."""
        self.new_survey()
        self._loading = True
        try:
            self.case_id = prefill.case_id
            self.complaint_number.setText(prefill.complaint_number)
            self.customer_name.setText(prefill.customer_name)
        finally:
            self._loading = False
        self.edited.emit()
        self.timeliness.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(self.timeliness)

    def _reset_time(self) -> None:
        self.survey_time.setDateTime(QDateTime(self.session.now().replace(second=0, microsecond=0)))
        self._time_edited = False

    # --- errors -------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.clear_error(name)
        if name in ASPECT_FIELDS:
            self.clear_error(f"{name}_other")
        self.form_message.hide()
        self.edited.emit()

    def _time_changed(self) -> None:
        if not self._loading:
            self._time_edited = True
        self._edited("survey_time")

    def show_message(self, text: str) -> None:
        """A problem that belongs to no field, above the buttons."""
        self.form_message.setText(text)
        self.form_message.show()

    def show_problems(self, problems: list[ValidationError]) -> int:
        """Mark every bad field (its message under it) and focus the first one in reading
        order; returns how many problems there were."""
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field or "", []).append(service_message(problem))
        target = self.show_problems_of_fields(by_field, FIELD_ORDER)
        if target is not None:
            self.scroll.ensureWidgetVisible(target)
        return len(problems)
