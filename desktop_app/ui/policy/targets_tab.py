"""Deadlines in the shape the seeds print them (the urgency × target matrix, the level
callbacks, cadences) with a live preview and "Recompute open cases"; and the reminder
times with the escalation people picked from accounts (docs/rules.md#policy-screens)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import URGENCY
from desktop_app.services import policy
from desktop_app.ui.forms import push_button
from desktop_app.ui.policy.common import (
    PolicyContext,
    changed_signal,
    error_label,
    set_widget_value,
    setting_title,
    setting_widget,
    widget_value,
)

TARGETS = ("first_response_hours", "solution_days", "resolution_days")
LEVEL_KEYS = ("sla.urgent_callback_hours", "sla.level3_callback")
OTHER_KEYS = (
    "sla.hours_working_time_only",
    "rules.batch_threshold",
    "sla.survey_open_hours",
    "sla.survey_due_hours",
    "sla.update_every_days",
    "sla.update_weekly_after_days",
    "sla.update_weekly_days",
    "sla.complex_max_days",
)
REMINDER_KEYS = (
    "reminders.first_response_lead_minutes",
    "reminders.solution_lead_hours",
    "reminders.resolution_lead_days",
    "reminders.escalation_grace_minutes",
    "reminders.interval_seconds",
    "tracker.due_soon_hours",
)
PEOPLE_KEYS = ("escalation.manager_username", "escalation.head_of_operations_username")
ROBOT_KEYS = (
    "notify.webhook_url",
    "notify.webhook_kind",
    "notify.dingtalk_secret",
    "notify.department_webhooks",
)


class SettingsForm(QWidget):
    """Settings edited together and saved in one audited change (``save_button``, Ctrl+S),
    each refused value named under the form."""

    def __init__(self, context: PolicyContext, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName(name)
        self.inputs: dict[str, QWidget] = {}
        self.shown: dict[str, Any] = {}
        self.message = error_label(f"{name}_message")
        self.save_button = push_button(
            self.tr("&Save"), f"save_{name}_button", slot=self.save, shortcut="Ctrl+S"
        )
        self.save_button.setVisible(context.can_edit)
        self.save_button.setEnabled(False)

    def add_input(self, key: str) -> QWidget:
        widget = setting_widget(key)
        widget.setEnabled(self.context.can_edit)
        changed_signal(widget).connect(self._edited)
        self.inputs[key] = widget
        return widget

    def load(self) -> None:
        view = self.context.view
        if view is None:
            return
        self.shown = {key: view.settings[key] for key in self.inputs}
        for key, widget in self.inputs.items():
            widget.blockSignals(True)
            set_widget_value(widget, self.shown[key])
            widget.blockSignals(False)
        self.message.hide()
        self._edited()

    def values(self) -> dict[str, Any]:
        return {key: widget_value(widget) for key, widget in self.inputs.items()}

    def changed(self) -> dict[str, Any]:
        return {k: v for k, v in self.values().items() if v != self.shown.get(k)}

    def _edited(self) -> None:
        self.save_button.setEnabled(self.context.can_edit and bool(self.changed()))

    def save(self) -> None:
        changed = self.changed()
        if not changed or not self.context.can_edit:
            return
        self.message.hide()
        expected = {key: self.shown[key] for key in changed}
        self.context.run(
            policy.change_settings,
            changed,
            expected=expected,
            done=self._saved,
            field_error=self._refused,
        )

    def _saved(self, changes: list[dict[str, Any]]) -> None:
        names = "、".join(setting_title(c["code"]) for c in changes)
        self.context.saved.emit(self.tr("Saved: {names}").format(names=names))

    def _refused(self, field: str | None, text: str) -> None:
        if field in self.inputs:
            text = f"{setting_title(field)}: {text}"
            self.inputs[field].setFocus()
        self.message.setText(text)
        self.message.show()


class DeadlinesTab(SettingsForm):
    def __init__(self, context: PolicyContext, parent: QWidget | None = None):
        super().__init__(context, "deadlines_tab", parent)
        language = context.language
        matrix = QGroupBox(self.tr("Targets by urgency"))
        matrix.setObjectName("sla_matrix")
        grid = QGridLayout(matrix)
        headers = (
            self.tr("First response (hours)"),
            self.tr("Solution agreed (working days)"),
            self.tr("Resolved (working days)"),
        )
        for column, text in enumerate(headers, start=1):
            header = QLabel(text)
            header.setWordWrap(True)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(header, 0, column)
        for row, urgency in enumerate(("urgent", "normal", "low"), start=1):
            grid.addWidget(QLabel(URGENCY.label(urgency, language)), row, 0)
            for column, target in enumerate(TARGETS, start=1):
                widget = self.add_input(f"sla.{target}.{urgency}")
                widget.setAccessibleName(
                    f"{URGENCY.label(urgency, language)} {headers[column - 1]}"
                )
                grid.addWidget(widget, row, column)

        levels = QGroupBox(self.tr("First callback by level"))
        levels.setObjectName("level_table")
        level_form = QFormLayout(levels)
        level_form.addRow(
            QLabel(self.tr("Level I and II: the subtype's rule (Complaint types tab)"))
        )
        for key in LEVEL_KEYS:
            level_form.addRow(setting_title(key), self.add_input(key))

        other = QGroupBox(self.tr("Other rules"))
        other_form = QFormLayout(other)
        for key in OTHER_KEYS:
            widget = self.add_input(key)
            if key == "sla.hours_working_time_only":
                other_form.addRow(widget)
            else:
                other_form.addRow(setting_title(key), widget)

        self.preview = QLabel()
        self.preview.setObjectName("deadline_preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet(
            "QLabel { background: #eef5ff; border: 1px solid #9bbce0; padding: 6px; }"
        )
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(200)
        self.preview_timer.timeout.connect(self.update_preview)

        self.recompute_button = push_button(
            self.tr("&Recompute open cases…"), "recompute_button", slot=self.ask_recompute
        )
        self.recompute_button.setToolTip(
            self.tr(
                "Changes apply to cases registered afterwards. This moves the stored "
                "deadlines of the open cases to the rules as they are now."
            )
        )
        self.recompute_button.setVisible(context.can_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recompute_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        columns = QHBoxLayout()
        right = QVBoxLayout()
        right.addWidget(levels)
        right.addWidget(other)
        left = QVBoxLayout()
        left.addWidget(matrix)
        left.addWidget(self.preview)
        left.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.plan: policy.RecomputePlan | None = None

    def _edited(self) -> None:
        super()._edited()
        if hasattr(self, "preview_timer"):
            self.preview_timer.start()

    def update_preview(self) -> None:
        task = self.context.tasks.submit(
            policy.deadline_preview,
            self.context.session,
            self.values(),
            key=(self, "preview"),
        )
        task.on(succeeded=self._show_preview, failed=lambda exc: self.preview.clear())

    def _show_preview(self, preview: policy.DeadlinePreview) -> None:
        due = preview.due
        fmt = "%m-%d %H:%M"
        self.preview.setText(
            self.tr(
                "A normal complaint registered now ({now}) is due: first response "
                "{first}, solution {solution}, resolution {resolution}."
            ).format(
                now=preview.registered.strftime(fmt),
                first=due.first_response_due.strftime(fmt),
                solution=due.solution_due.strftime(fmt),
                resolution=due.resolution_due.strftime(fmt),
            )
        )

    def ask_recompute(self) -> None:
        self.recompute_button.setEnabled(False)
        self.context.tasks.submit(policy.recompute_preview, self.context.session).on(
            succeeded=self._confirm,
            failed=lambda exc: self.context.failed.emit(str(exc)),
            finished=lambda: self.recompute_button.setEnabled(True),
        )

    def _confirm(self, plan: policy.RecomputePlan) -> None:
        self.plan = plan
        if plan.cases == 0:
            self.context.saved.emit(
                self.tr(
                    "All {total} open cases already follow the rules: nothing to change."
                ).format(total=plan.open_cases)
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Recompute open cases"),
            self.tr(
                "{cases} of the {total} open cases would change ({deadlines} deadlines "
                "move). Recompute them now?"
            ).format(cases=plan.cases, total=plan.open_cases, deadlines=plan.deadlines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("recompute_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _result: self._confirmed(box))
        self.confirm_box = box
        box.open()

    def _confirmed(self, box: QMessageBox) -> None:
        if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
            self.recompute()

    def recompute(self) -> None:
        self.context.run(policy.recompute_open_cases, done=self._recomputed)

    def _recomputed(self, changed: int) -> None:
        self.context.changes.announce("cases")
        self.context.saved.emit(
            self.tr("Deadlines recomputed: {count} open cases changed.").format(count=changed)
        )


class RemindersTab(SettingsForm):
    def __init__(self, context: PolicyContext, parent: QWidget | None = None):
        super().__init__(context, "reminders_tab", parent)
        times = QGroupBox(self.tr("Warnings before deadlines"))
        times_form = QFormLayout(times)
        for key in REMINDER_KEYS:
            times_form.addRow(setting_title(key), self.add_input(key))
        people = QGroupBox(self.tr("Escalation"))
        people_form = QFormLayout(people)
        self.people: dict[str, QComboBox] = {}
        for key, name, empty in (
            (
                PEOPLE_KEYS[0],
                "escalation_manager_combo",
                self.tr("(any active manager)"),
            ),
            (
                PEOPLE_KEYS[1],
                "head_of_operations_combo",
                self.tr("(the customer-service manager)"),
            ),
        ):
            combo = QComboBox()
            combo.setObjectName(name)
            combo.addItem(empty, "")
            combo.setEnabled(context.can_edit)
            combo.currentIndexChanged.connect(self._edited)
            self.inputs[key] = combo
            self.people[key] = combo
            label = (
                self.tr("Customer-service manager:")
                if key == PEOPLE_KEYS[0]
                else self.tr("Head of operations:")
            )
            people_form.addRow(label, combo)
        # Group robots (企业微信/钉钉/飞书, docs/rules.md#group-robot-notifications).
        robot = QGroupBox(self.tr("Group robot notifications"))
        robot.setObjectName("robot_group")
        robot_form = QFormLayout(robot)
        for key in ROBOT_KEYS:
            widget = self.add_input(key)
            if isinstance(widget, QLineEdit):
                widget.setMinimumWidth(360)
            robot_form.addRow(setting_title(key), widget)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(times)
        layout.addWidget(people)
        layout.addWidget(robot)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def load(self) -> None:
        view = self.context.view
        if view is None:
            return
        for combo in self.people.values():
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for username, display in view.managers:
                combo.addItem(f"{display} ({username})", username)
            combo.blockSignals(False)
        super().load()
