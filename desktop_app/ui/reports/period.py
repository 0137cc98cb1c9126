"""The period of the reports page: week, month or quarter containing ``period_date``, or
``period_from`` to ``period_to`` (custom); previous/next step a whole period (Alt+Left,
Alt+Right).

``PeriodChoice`` is a mixin of ``page.ReportsPage``: it builds the period's widgets (the
page lays them out in its bar), reads and sets the period, and asks the page to
recompute (``refresh``) when it changes, at once or, while a date is typed, after
``PERIOD_EDIT_DELAY_MS``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPushButton

from desktop_app.domain import periods
from desktop_app.domain.periods import Period
from desktop_app.services.session import Session
from desktop_app.ui.pages import delay_timer

PERIOD_EDIT_DELAY_MS = 400  # typing a date recomputes once the typing stops


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a DataPage. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    from desktop_app.ui.pages import DataPage

    _Base = DataPage
else:
    _Base = object


class PeriodChoice(_Base):
    """Mixin of ``ReportsPage``: the period picked (see the module documentation). The
    page sets ``session`` and ``_applying`` and provides ``refresh``."""

    session: Session
    _applying: bool

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(_qdate(day))
        return edit

    def _build_period_choice(self) -> None:
        today = self.session.now().date()
        self.period_kind = QComboBox()
        self.period_kind.setObjectName("period_kind")
        for code, text in (
            ("week", self.tr("Week")),
            ("month", self.tr("Month")),
            ("quarter", self.tr("Quarter")),
            ("custom", self.tr("Custom")),
        ):
            self.period_kind.addItem(text, code)
        self.period_kind.setCurrentIndex(self.period_kind.findData("month"))
        self.period_date = self._date_edit("period_date", today)
        self.period_date.setToolTip(self.tr("Any day of the week, month or quarter"))
        month = periods.month_of(today)
        self.period_from = self._date_edit("period_from", month.start)
        self.period_to = self._date_edit("period_to", month.end)
        self.period_to_label = QLabel(self.tr("to"))
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("previous_period_button")
        self.previous_button.setToolTip(self.tr("The previous period (Alt+Left)"))
        self.previous_button.setAccessibleName(self.tr("Previous period"))
        self.previous_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("next_period_button")
        self.next_button.setToolTip(self.tr("The next period (Alt+Right)"))
        self.next_button.setAccessibleName(self.tr("Next period"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
        self.period_label = QLabel()
        self.period_label.setObjectName("period_label")
        self.edit_timer = delay_timer(self, "period_edit_timer", PERIOD_EDIT_DELAY_MS, self.refresh)

    def _connect_period(self) -> None:
        self.period_kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.period_date, self.period_from, self.period_to):
            edit.dateChanged.connect(lambda _d: self._period_edited(delay=True))
        self.previous_button.clicked.connect(self.previous_period)
        self.next_button.clicked.connect(self.next_period)

    # --- the period ---------------------------------------------------------------------

    def kind(self) -> str:
        return self.period_kind.currentData()

    def current_period(self) -> Period:
        """The period the widgets show (a custom one ending before it starts is turned
        round)."""
        kind = self.kind()
        if kind == "custom":
            start = self.period_from.date().toPython()
            end = self.period_to.date().toPython()
            return periods.custom(min(start, end), max(start, end))
        return periods.period_of(kind, self.period_date.date().toPython())

    def set_period(
        self,
        kind: str,
        day: dt.date | None = None,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        compute: bool = True,
    ) -> None:
        """Show a period: ``kind`` week/month/quarter with any ``day`` of it, or custom
        from ``start`` to ``end``; then compute it (unless ``compute`` is False)."""
        if kind not in periods.PERIOD_KINDS:
            raise ValueError(f"unknown period kind {kind!r}")
        self._applying = True
        try:
            self.period_kind.setCurrentIndex(self.period_kind.findData(kind))
            if day is not None:
                self.period_date.setDate(_qdate(day))
            if start is not None:
                self.period_from.setDate(_qdate(start))
            if end is not None:
                self.period_to.setDate(_qdate(end))
        finally:
            self._applying = False
        self._period_changed_display()
        self.edit_timer.stop()
        if compute:
            self.refresh()

    def _show_period(self, period: Period) -> None:
        """Put ``period`` (of the current kind) in the date widgets without recomputing."""
        self._applying = True
        try:
            if period.kind == "custom":
                self.period_from.setDate(_qdate(period.start))
                self.period_to.setDate(_qdate(period.end))
            else:
                self.period_date.setDate(_qdate(period.start))
        finally:
            self._applying = False

    @staticmethod
    def _next(period: Period) -> Period:
        after = period.end + dt.timedelta(days=1)
        if period.kind in ("week", "month", "quarter"):
            return periods.period_of(period.kind, after)
        return periods.custom(after, period.end + dt.timedelta(days=period.days))

    def previous_period(self) -> None:
        self._show_period(self.current_period().previous())
        self._period_changed_display()
        self.refresh()

    def next_period(self) -> None:
        self._show_period(self._next(self.current_period()))
        self._period_changed_display()
        self.refresh()

    def _kind_changed(self, _index: int) -> None:
        if self._applying:
            return
        if self.kind() == "custom":
            # Custom starts from the days of the period chosen so far.
            self._show_period(periods.custom(self._last_period.start, self._last_period.end))
        elif self._last_period.kind == "custom":
            # From custom: the week, month or quarter of its first day. Between the others
            # the day chosen stays.
            self._show_period(periods.period_of(self.kind(), self._last_period.start))
        self._period_edited()

    def _period_edited(self, *, delay: bool = False) -> None:
        if self._applying:
            return
        self._period_changed_display()
        self.edit_timer.call(delay=delay)

    def _period_changed_display(self) -> None:
        custom = self.kind() == "custom"
        self.period_date.setVisible(not custom)
        for widget in (self.period_from, self.period_to_label, self.period_to):
            widget.setVisible(custom)
        # A custom period's dates are in its two fields: the bar stays narrow enough to show
        # whole at the window's first-start size.
        self.period_label.setVisible(not custom)
        period = self.current_period()
        self._last_period = period
        self.period_label.setText(self.period_text(period))
        today = self.session.now().date()
        self.next_button.setEnabled(self._next(period).start <= today)

    def period_text(self, period: Period) -> str:
        if period.kind == "custom":
            return f"{period.start:%Y-%m-%d} – {period.end:%Y-%m-%d}"
        return f"{period.label()} ({period.start:%m-%d} – {period.end:%m-%d})"
