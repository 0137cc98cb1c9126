"""The filter bar of the tracker page: search text, stage, owner, department, type, level,
channel, registration dates, root cause, product, merchant and the check boxes, in a bar that scrolls sideways in a
narrow window.

``TrackerFilters`` is a mixin of ``page.TrackerPage``: it builds the filters and their bar
(``filter_area``), reads them as a ``CaseFilter`` (``current_filter``) and shows one
(``set_filter``); a change loads at once, typed text and dates after ``SEARCH_DELAY_MS``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.analysis import NO_CAUSE
from desktop_app.domain.vocab import LEVEL_ROMAN, STAGES
from desktop_app.services import reference, tracker
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from desktop_app.ui.forms import push_button
from desktop_app.ui.i18n import service_message
from desktop_app.ui.pages import delay_timer, sideways_scroll
from desktop_app.ui.resources import icon

if TYPE_CHECKING:
    from desktop_app.ui.tasks import Task

SEARCH_DELAY_MS = 300
# The earliest date the range filters offer; showing it means "no limit".
NO_DATE = QDate(2000, 1, 1)

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    class _Host(DataPage):
        """What TrackerFilters uses of the class it is mixed into (for the type checker)."""

        # TrackerPage

        def apply_filters(self) -> Task: ...

    _Base = _Host
else:
    _Base = object


class TrackerFilters(_Base):
    """Mixin of ``TrackerPage``: the filter bar (see the module documentation). The page
    sets ``session``, ``language`` and ``_applying``, and provides ``apply_filters``."""

    session: Session
    language: str
    _applying: bool
    _pending_error: str | None

    def _combo(self, name: str, any_text: str, options) -> QComboBox:
        """A single-choice filter: "any" (no data) and one item per (text, value)."""
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(any_text, None)
        for text, value in options:
            combo.addItem(text, value)
        return combo

    @staticmethod
    def _combo_values(combo: QComboBox) -> frozenset:
        """The chosen value as a set: empty for "any", a list for "(several)"."""
        data = combo.currentData()
        if data is None:
            return frozenset()
        if isinstance(data, (list, tuple)):
            return frozenset(data)
        return frozenset({data})

    def _build_filters(self) -> None:
        lang = self.language
        self.search_filter = QLineEdit()
        self.search_filter.setObjectName("search_filter")
        self.search_filter.setClearButtonEnabled(True)
        self.search_filter.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_filter.setPlaceholderText(
            self.tr("Number, customer, contact or words of the description (Ctrl+F)")
        )
        self.search_filter.returnPressed.connect(self.apply_filters)

        self.stage_filter = self._combo(
            "stage_filter", self.tr("Any stage"), [(t.label(lang), t.code) for t in STAGES]
        )
        owners: list[tuple[int, str]] = []
        departments = channels = type_tree = causes = []
        try:
            owners = tracker.owners(self.session)
            departments = reference.departments()
            channels = reference.channels()
            type_tree = reference.type_tree()
            causes = reference.causes()
        except ServiceError as exc:
            self._pending_error = service_message(exc)
        self.owner_filter = self._combo(
            "owner_filter", self.tr("Any owner"), [(name, user_id) for user_id, name in owners]
        )
        self.department_filter = self._combo(
            "department_filter",
            self.tr("Any department"),
            [(t.label(lang), t.code) for t in departments],
        )
        type_options = []
        for category in type_tree:
            type_options.append((category.label(lang), category.code))
            type_options += [("    " + sub.label(lang), sub.code) for sub in category.children]
        self.type_filter = self._combo("type_filter", self.tr("Any type"), type_options)
        self.level_filter = self._combo(
            "level_filter",
            self.tr("Any level"),
            [(LEVEL_ROMAN[level], level) for level in (1, 2, 3)],
        )
        self.channel_filter = self._combo(
            "channel_filter", self.tr("Any channel"), [(t.label(lang), t.code) for t in channels]
        )
        # docs/rules.md#analysis-by-product-and-cause
        self.cause_filter = self._combo(
            "cause_filter",
            self.tr("Any cause"),
            [(t.label(lang), t.code) for t in causes] + [(self.tr("No cause recorded"), NO_CAUSE)],
        )
        self.product_filter = QLineEdit()
        self.product_filter.setObjectName("product_filter")
        self.product_filter.setClearButtonEnabled(True)
        self.product_filter.setPlaceholderText(self.tr("Product contains…"))
        self.merchant_filter = QLineEdit()
        self.merchant_filter.setObjectName("merchant_filter")
        self.merchant_filter.setClearButtonEnabled(True)
        self.merchant_filter.setPlaceholderText(self.tr("Merchant contains…"))
        # An exact product list from a report's hot spot (shown, not edited).
        self._exact_products: frozenset[str] = frozenset()
        self.urgent_filter = QCheckBox(self.tr("Urgent onl&y"))
        self.urgent_filter.setObjectName("urgent_filter")
        self.overdue_filter = QCheckBox(self.tr("Overd&ue only"))
        self.overdue_filter.setObjectName("overdue_filter")
        self.include_closed_filter = QCheckBox(self.tr("&Include closed"))
        self.include_closed_filter.setObjectName("include_closed_filter")
        self.mine_filter = QCheckBox(self.tr("&Mine only"))
        self.mine_filter.setObjectName("mine_filter")
        self.mine_filter.setToolTip(self.tr("Only the cases you own"))
        self.approval_filter = QCheckBox(self.tr("Awaiting a&pproval"))
        self.approval_filter.setObjectName("approval_filter")
        self.approval_filter.setToolTip(
            self.tr("Only cases waiting for a supervisor's approval of the solution")
        )
        self.follow_up_filter = QCheckBox(self.tr("&Follow-ups"))
        self.follow_up_filter.setObjectName("follow_up_filter")
        self.follow_up_filter.setToolTip(
            self.tr("Only cases whose unhappy customer awaits a follow-up")
        )
        self.registered_from_filter = self._date_edit("registered_from_filter")
        self.registered_to_filter = self._date_edit("registered_to_filter")
        self.clear_filters_button = push_button(
            self.tr("Cl&ear filters"),
            "clear_filters_button",
            icon_name="clear_filter",
            slot=self.clear_filters,
        )

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(NO_DATE)
        return edit

    def choice_filters(self) -> tuple[QComboBox, ...]:
        """The single-choice filters (stage, owner, department, type, level, channel)."""
        return (
            self.stage_filter,
            self.owner_filter,
            self.department_filter,
            self.type_filter,
            self.level_filter,
            self.channel_filter,
            self.cause_filter,
        )

    def _build_filter_area(self) -> None:
        """The filters laid out in ``filter_area``."""
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)

        def add(row: int, pair: int, text: str, widget: QWidget, span: int = 1) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 2 * pair)
            grid.addWidget(widget, row, 2 * pair + 1, 1, span)

        add(0, 0, self.tr("Search:"), self.search_filter, 5)
        add(1, 0, self.tr("&Stage:"), self.stage_filter)
        add(1, 1, self.tr("&Owner:"), self.owner_filter)
        add(1, 2, self.tr("&Department:"), self.department_filter)
        add(2, 0, self.tr("&Type:"), self.type_filter)
        add(2, 1, self.tr("Leve&l:"), self.level_filter)
        add(2, 2, self.tr("&Channel:"), self.channel_filter)
        add(3, 0, self.tr("&Registered from:"), self.registered_from_filter)
        add(3, 1, self.tr("to:"), self.registered_to_filter)
        add(3, 2, self.tr("Root c&ause:"), self.cause_filter)
        add(4, 0, self.tr("Product:"), self.product_filter)
        add(4, 1, self.tr("Merc&hant:"), self.merchant_filter)
        checks = QHBoxLayout()
        for box in (
            self.urgent_filter,
            self.overdue_filter,
            self.mine_filter,
            self.approval_filter,
            self.follow_up_filter,
            self.include_closed_filter,
        ):
            checks.addWidget(box)
        checks.addStretch(1)
        checks.addWidget(self.clear_filters_button)
        grid.addLayout(checks, 5, 0, 1, 6)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        for combo in self.choice_filters():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        # The filters scroll sideways in a narrow window instead of widening it.
        filters = QWidget()
        filters.setObjectName("filter_bar")
        filters.setLayout(grid)
        self.filter_area = sideways_scroll(filters, "filter_area")

    def _connect_filters(self) -> None:
        self.search_filter.textChanged.connect(lambda _text: self._filters_edited(delay=True))
        self.product_filter.textChanged.connect(lambda _text: self._product_edited())
        self.merchant_filter.textChanged.connect(lambda _text: self._filters_edited(delay=True))
        for line in (self.product_filter, self.merchant_filter):
            line.returnPressed.connect(self.apply_filters)
        self.search_timer = delay_timer(self, "search_timer", SEARCH_DELAY_MS, self.apply_filters)
        for combo in self.choice_filters():
            combo.currentIndexChanged.connect(lambda _index: self._filters_edited())
        for box in (
            self.urgent_filter,
            self.overdue_filter,
            self.include_closed_filter,
            self.mine_filter,
            self.approval_filter,
            self.follow_up_filter,
        ):
            box.toggled.connect(lambda _checked: self._filters_edited())
        for edit in (self.registered_from_filter, self.registered_to_filter):
            edit.dateChanged.connect(lambda _date: self._filters_edited(delay=True))

    # --- filters ------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        """The filter the widgets show."""
        stages = self._combo_values(self.stage_filter)

        def date_of(edit: QDateEdit) -> dt.date | None:
            day = edit.date()
            if day <= NO_DATE:
                return None
            return dt.date(day.year(), day.month(), day.day())

        return CaseFilter(
            include_closed=self.include_closed_filter.isChecked() or "closed" in stages,
            stages=stages,
            owner_ids=self._combo_values(self.owner_filter),
            department_codes=self._combo_values(self.department_filter),
            type_codes=self._combo_values(self.type_filter),
            levels=self._combo_values(self.level_filter),
            urgent_only=self.urgent_filter.isChecked(),
            channel_codes=self._combo_values(self.channel_filter),
            registered_from=date_of(self.registered_from_filter),
            registered_to=date_of(self.registered_to_filter),
            overdue_only=self.overdue_filter.isChecked(),
            mine=self.mine_filter.isChecked(),
            awaiting_approval=self.approval_filter.isChecked(),
            follow_up_open=self.follow_up_filter.isChecked(),
            text=self.search_filter.text().strip(),
            product="" if self._exact_products else self.product_filter.text().strip(),
            merchant=self.merchant_filter.text().strip(),
            products=self._exact_products,
            cause_codes=self._combo_values(self.cause_filter),
        )

    def set_filter(self, flt: CaseFilter, *, apply: bool = True) -> None:
        """Show ``flt`` in the widgets (and load it unless ``apply`` is False)."""
        self._applying = True
        try:
            self.search_filter.setText(flt.text)
            self._set_combo(self.stage_filter, flt.stages)
            self._set_combo(self.owner_filter, flt.owner_ids)
            self._set_combo(self.department_filter, flt.department_codes)
            self._set_combo(self.type_filter, flt.type_codes)
            self._set_combo(self.level_filter, flt.levels)
            self._set_combo(self.channel_filter, flt.channel_codes)
            self._set_combo(self.cause_filter, flt.cause_codes)
            self._exact_products = flt.products
            if flt.products:
                self.product_filter.setText(
                    ", ".join(p or self.tr("(no product)") for p in sorted(flt.products))
                )
            else:
                self.product_filter.setText(flt.product)
            self.merchant_filter.setText(flt.merchant)
            self.urgent_filter.setChecked(flt.urgent_only)
            self.overdue_filter.setChecked(flt.overdue_only)
            self.include_closed_filter.setChecked(flt.include_closed)
            self.mine_filter.setChecked(flt.mine)
            self.approval_filter.setChecked(flt.awaiting_approval)
            self.follow_up_filter.setChecked(flt.follow_up_open)
            for edit, day in (
                (self.registered_from_filter, flt.registered_from),
                (self.registered_to_filter, flt.registered_to),
            ):
                edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        finally:
            self._applying = False
        self.search_timer.stop()
        if apply:
            self.apply_filters()

    def _set_combo(self, combo: QComboBox, values: frozenset) -> None:
        if not values:
            combo.setCurrentIndex(0)
            return
        if len(values) == 1:
            index = combo.findData(next(iter(values)))
            if index > 0:
                combo.setCurrentIndex(index)
                return
        # Several values (or one no longer offered): shown as one extra choice.
        text = self.tr("(several)") if len(values) > 1 else self.tr("(other)")
        combo.addItem(text, sorted(values))
        combo.setCurrentIndex(combo.count() - 1)

    def _product_edited(self) -> None:
        """Typing in the product field replaces an exact product list from a report."""
        if self._applying:
            return
        self._exact_products = frozenset()
        self._filters_edited(delay=True)

    def _filters_edited(self, *, delay: bool = False) -> None:
        if self._applying:
            return
        self.search_timer.call(delay=delay)

    def clear_filters(self) -> None:
        """Every filter back to "any": the open cases."""
        self.set_filter(CaseFilter())
        self.search_filter.setFocus()
