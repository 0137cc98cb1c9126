"""The side panel of the intake form: the picked customer (tier, sensitive flag, past
cases) and similar cases (the customer's open cases, today's cases of the same subtype
toward the batch threshold, descriptions that match the text being typed, the typical cases
of the subtype from the library)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import MEMBER_TIERS, SENSITIVE_KINDS, STAGES
from desktop_app.ui.i18n import ui_language
from desktop_app.ui.resources import BADGE_STYLE, set_tone

DATE_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%Y-%m-%d %H:%M"


class SimilarPanel(QWidget):
    """Filled by the intake page: ``set_customer`` with a picked customer's details (or
    None), ``set_similar`` with ``intake.similar_cases``' answer (or None)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("similar_panel")
        self.subtype_names: dict[str, str] = {}

        self.customer_box = QGroupBox(self.tr("Customer"))
        self.customer_box.setObjectName("customer_panel")
        self.customer_label = QLabel(self.tr("New customer (none picked)"))
        self.customer_label.setObjectName("customer_label")
        self.customer_label.setWordWrap(True)
        self.tier_label = QLabel()
        self.tier_label.setObjectName("customer_tier_label")
        self.sensitive_badge = QLabel()
        self.sensitive_badge.setObjectName("sensitive_badge")
        self.sensitive_badge.setStyleSheet(BADGE_STYLE)
        self.sensitive_badge.hide()
        self.past_cases = QTableWidget(0, 3)
        self.past_cases.setObjectName("past_cases_table")
        self.past_cases.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Stage"), self.tr("Registered")]
        )
        self._table_style(self.past_cases)
        box = QVBoxLayout(self.customer_box)
        box.addWidget(self.customer_label)
        box.addWidget(self.tier_label)
        box.addWidget(self.sensitive_badge)
        # docs/rules.md#customers: the picked customer's record (supervisors and managers
        # edit it; the page shows the button to them only, ``may_edit_customer``).
        self.may_edit_customer = False
        self.edit_customer_button = QPushButton(self.tr("&Customer record…"))
        self.edit_customer_button.setObjectName("edit_customer_button")
        self.edit_customer_button.setToolTip(
            self.tr("Change the customer's contacts, member tier or sensitive-customer flag")
        )
        self.edit_customer_button.hide()
        box.addWidget(self.edit_customer_button)
        box.addWidget(self.past_cases, 1)

        self.similar_box = QGroupBox(self.tr("Similar cases"))
        self.similar_box.setObjectName("similar_box")
        self.today_label = QLabel(self.tr("Choose a subtype to see today's count."))
        self.today_label.setObjectName("today_same_subtype")
        self.today_label.setWordWrap(True)
        self.open_label = QLabel(self.tr("Open cases of this customer"))
        self.open_cases = QListWidget()
        self.open_cases.setObjectName("customer_open_list")
        self.matches_label = QLabel(self.tr("Cases with a similar description"))
        self.matches = QListWidget()
        self.matches.setObjectName("text_matches_list")
        # docs/rules.md#typical-case-library: the library's entries of the subtype typed.
        self.typical_label = QLabel(self.tr("Typical cases of this subtype"))
        self.typical = QListWidget()
        self.typical.setObjectName("typical_cases_list")
        for widget in (self.open_cases, self.matches, self.typical):
            widget.setWordWrap(True)
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box = QVBoxLayout(self.similar_box)
        box.addWidget(self.today_label)
        box.addWidget(self.open_label)
        box.addWidget(self.open_cases, 1)
        box.addWidget(self.matches_label)
        box.addWidget(self.matches, 1)
        box.addWidget(self.typical_label)
        box.addWidget(self.typical, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.customer_box, 2)
        layout.addWidget(self.similar_box, 3)
        self.set_customer(None)
        self.set_similar(None)

    @staticmethod
    def _table_style(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setFocusPolicy(table.focusPolicy().NoFocus)

    # --- the customer ---------------------------------------------------------------

    def set_customer(self, details) -> None:
        """Show a picked customer (``intake.CustomerDetails``), or none."""
        language = ui_language()
        self.past_cases.setRowCount(0)
        if details is None:
            self.customer_label.setText(self.tr("New customer (none picked)"))
            self.tier_label.clear()
            self.tier_label.hide()
            self.sensitive_badge.hide()
            self.edit_customer_button.hide()
            return
        self.edit_customer_button.setVisible(self.may_edit_customer)
        self.customer_label.setText(details.name)
        self.tier_label.setText(
            self.tr("Member tier: {tier}").format(tier=MEMBER_TIERS.label(details.tier, language))
        )
        self.tier_label.show()
        if details.sensitive:
            kind = (
                SENSITIVE_KINDS.label(details.sensitive_kind, language)
                if details.sensitive_kind
                else ""
            )
            self.sensitive_badge.setText(
                self.tr("Sensitive customer: {kind}").format(kind=kind)
                if kind
                else self.tr("Sensitive customer")
            )
            self.sensitive_badge.show()
        else:
            self.sensitive_badge.hide()
        self.past_cases.setRowCount(len(details.past_cases))
        for row, (number, stage, registered) in enumerate(details.past_cases):
            for column, text in enumerate(
                (number, STAGES.label(stage, language), registered.strftime(DATE_FORMAT))
            ):
                self.past_cases.setItem(row, column, QTableWidgetItem(text))

    def sensitive_shown(self) -> bool:
        return not self.sensitive_badge.isHidden()

    # --- similar cases --------------------------------------------------------------

    def _brief(self, brief) -> str:
        language = ui_language()
        stage = STAGES.label(brief.stage, language)
        when = brief.registration_time.strftime(TIME_FORMAT)
        text = f"{brief.number} · {stage} · {when}"
        subtype = self.subtype_names.get(brief.subtype_code, "")
        if subtype:
            text += f" · {subtype}"
        if brief.snippet:
            text += f"\n{brief.snippet}"
        return text

    def set_similar(self, similar) -> None:
        """Show ``intake.SimilarCases`` (None: nothing to compare yet)."""
        self.open_cases.clear()
        self.matches.clear()
        self.typical.clear()
        if similar is None:
            self.today_label.setText(self.tr("Choose a subtype to see today's count."))
            return
        for brief in similar.customer_open:
            self.open_cases.addItem(self._brief(brief))
        if not similar.customer_open:
            self.open_cases.addItem(self.tr("None"))
        for brief in similar.text_matches:
            self.matches.addItem(self._brief(brief))
        if not similar.text_matches:
            self.matches.addItem(self.tr("None"))
        language = ui_language()
        if similar.typical:
            # With its dialogs, at the first typical case listed (docs/rules.md#start-up).
            from desktop_app.ui.case_library import entry_label
        for entry in similar.typical:
            item_text = entry_label(entry, language)
            if entry.script:
                item_text += "\n" + self.tr("Script: {script}").format(script=entry.script[:80])
            self.typical.addItem(item_text)
            self.typical.item(self.typical.count() - 1).setToolTip(
                "\n\n".join((entry.summary, entry.lesson, entry.script))
            )
        if not similar.typical:
            self.typical.addItem(self.tr("None"))
        count, threshold = similar.today_same_subtype, similar.batch_threshold
        text = self.tr("Today: {count} of batch threshold {threshold} for this subtype").format(
            count=count, threshold=threshold
        )
        if threshold and count >= threshold:
            text += " — " + self.tr("the next one is a batch complaint (urgent)")
            set_tone(self.today_label, "error", strong=True)
        else:
            set_tone(self.today_label, None)
        self.today_label.setText(text)
