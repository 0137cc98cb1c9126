"""The working calendar as a year of twelve months: public holidays, adjusted working days
(调休), weekends and the managers' overrides in their own colours; managers add and remove
overrides for the selected day."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QLocale, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import calendar as calendar_service
from desktop_app.services.calendar import DayInfo, YearView
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub, DataChanged
from desktop_app.ui.i18n import service_message
from desktop_app.ui.notice_dialog import HolidayNoticeDialog
from desktop_app.ui.pages import DataPage
from desktop_app.ui.tasks import Task, TaskRunner

log = logging.getLogger(__name__)

# mark -> (background, text colour)
MARK_COLOURS: dict[str, tuple[str, str]] = {
    "holiday": ("#f4b9b9", "#8b0000"),
    "makeup": ("#ffd98a", "#6b4200"),
    "weekend": ("#e6e6e6", "#555555"),
    "override_holiday": ("#d9c2f0", "#4b0082"),
    "override_workday": ("#b9e8c6", "#0b5a2a"),
}
MARKS = tuple(MARK_COLOURS)


def _set_override(session: Session, day: dt.date, kind: str, note: str) -> bool:
    """Add an override (runs on the worker); True: the calendar changed."""
    calendar_service.set_override(session, day, kind, note)
    return True


def mark_format(mark: str) -> QTextCharFormat:
    """The character format of a day with ``mark`` ("" is a plain working day)."""
    fmt = QTextCharFormat()
    if mark in MARK_COLOURS:
        background, foreground = MARK_COLOURS[mark]
        fmt.setBackground(QBrush(QColor(background)))
        fmt.setForeground(QBrush(QColor(foreground)))
        if mark != "weekend":
            fmt.setFontWeight(700)
    return fmt


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class MonthView(QCalendarWidget):
    """One month of the year view. Qt's own per-widget selection is not drawn; the page's
    selected day gets a frame, in one month only."""

    def __init__(self, year: int, month: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"month_{month}")
        self.month = month
        self.chosen: QDate | None = None
        self.setNavigationBarVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(True)
        plain = QTextCharFormat()
        for weekday in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekday, plain)
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(0, 0, 0, 0))
            palette.setColor(
                group,
                QPalette.ColorRole.HighlightedText,
                palette.color(group, QPalette.ColorRole.Text),
            )
        self.setPalette(palette)
        self.show_year(year)

    def show_year(self, year: int) -> None:
        first = QDate(year, self.month, 1)
        self.setDateRange(first, first.addDays(first.daysInMonth() - 1))
        self.setCurrentPage(year, self.month)
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802
        if date.month() == self.month:
            background = self.dateTextFormat(date).background()
            if background.style() != Qt.BrushStyle.NoBrush:
                painter.fillRect(rect, background)
        super().paintCell(painter, rect, date)
        if self.chosen is not None and date == self.chosen:
            painter.save()
            painter.setPen(
                QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Dark), 2)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()


class CalendarPage(DataPage):
    """Year view of the working calendar. ``loaded`` follows each displayed year;
    ``changed`` follows an override added or removed (the owner then recomputes deadlines).
    """

    loaded = Signal()
    changed = Signal()

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent, changes=changes, kinds=("calendar", "settings"))
        self.session = session
        self.tasks = tasks
        self.can_edit = session.role in ("manager", "admin")
        self.view: YearView | None = None
        self._days: dict[dt.date, DayInfo] = {}
        self.selected: dt.date | None = None
        self.setObjectName("calendar_page")

        year_now = session.now().year
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(year_now)
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(lambda year: self.load(year))
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        self.status = QLabel()
        self.status.setObjectName("calendar_status")
        self.status.setWordWrap(True)
        self.import_notice_button = QPushButton(self.tr("Import the holiday &notice…"))
        self.import_notice_button.setObjectName("import_notice_button")
        self.import_notice_button.setToolTip(
            self.tr(
                "Next year's days off and makeup working days from the State Council's "
                "notice (国务院办公厅关于部分节假日安排的通知)"
            )
        )
        self.import_notice_button.clicked.connect(self.open_notice_dialog)
        self.import_notice_button.setVisible(self.can_edit)
        self.import_notice_button.setEnabled(self.can_edit)
        self.notice_dialog: HolidayNoticeDialog | None = None
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addWidget(self.status, 1)
        top.addWidget(self.import_notice_button)

        self.warning = QLabel()
        self.warning.setObjectName("calendar_warning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.setStyleSheet(
            "QLabel { background: #fff0c2; color: #6b3a00; "
            "border: 1px solid #e0a000; padding: 6px; "
            "font-weight: bold; }"
        )
        self.warning.hide()

        self.months: list[MonthView] = []
        grid_widget = QWidget()
        grid_widget.setObjectName("calendar_view")
        grid = QGridLayout(grid_widget)
        grid.setSpacing(8)
        locale = QLocale()
        for month in range(1, 13):
            view = MonthView(year_now, month)
            view.clicked.connect(self._clicked)
            view.selectionChanged.connect(lambda view=view: self._keyboard_selection(view))
            title = QLabel(locale.standaloneMonthName(month))
            title.setObjectName(f"month_title_{month}")
            title.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(title)
            cell.addWidget(view)
            grid.addLayout(cell, (month - 1) // 4, (month - 1) % 4)
            self.months.append(view)

        legend = QHBoxLayout()
        legend.setSpacing(12)
        self.legend_labels: dict[str, QLabel] = {}
        for mark in MARKS:
            background, foreground = MARK_COLOURS[mark]
            swatch = QLabel(self.mark_label(mark))
            swatch.setObjectName(f"legend_{mark}")
            swatch.setStyleSheet(
                f"QLabel {{ background: {background}; color: {foreground}; "
                "padding: 2px 6px; border: 1px solid #999; }"
            )
            legend.addWidget(swatch)
            self.legend_labels[mark] = swatch
        legend.addStretch(1)

        self.selected_day = QLabel(self.tr("Click a day to see it here."))
        self.selected_day.setObjectName("selected_day")
        self.selected_day.setWordWrap(True)
        self.override_kind = QComboBox()
        self.override_kind.setObjectName("override_kind")
        self.override_kind.addItem(self.tr("Holiday (no work)"), "holiday")
        self.override_kind.addItem(self.tr("Working day"), "workday")
        self.override_note = QLineEdit()
        self.override_note.setObjectName("override_note")
        self.override_note.setMaxLength(200)
        self.override_note.setPlaceholderText(self.tr("Why, e.g. company anniversary"))
        self.add_override_button = QPushButton(self.tr("Set &override"))
        self.add_override_button.setObjectName("add_override_button")
        self.add_override_button.clicked.connect(self.add_override)
        self.remove_override_button = QPushButton(self.tr("&Remove override"))
        self.remove_override_button.setObjectName("remove_override_button")
        self.remove_override_button.clicked.connect(self.remove_override)
        self.message = QLabel()
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)

        box = QGroupBox(self.tr("Selected day"))
        form = QFormLayout(box)
        form.addRow(self.selected_day)
        kind_label = QLabel(self.tr("Make it &a:"))
        kind_label.setBuddy(self.override_kind)
        form.addRow(kind_label, self.override_kind)
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.override_note)
        form.addRow(note_label, self.override_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_override_button)
        buttons.addWidget(self.remove_override_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        if self.can_edit:
            hint = self.tr(
                "Overrides turn a day into a holiday or a working day for every "
                "deadline; open cases are recomputed after each change."
            )
        else:
            hint = self.tr("Only managers and administrators can change the working calendar.")
        self.edit_hint = QLabel(hint)
        self.edit_hint.setObjectName("calendar_hint")
        self.edit_hint.setWordWrap(True)
        form.addRow(self.edit_hint)
        form.addRow(self.message)
        for widget in (self.override_kind, self.override_note):
            widget.setEnabled(self.can_edit)

        # The months, legend and override form scroll together: the page stays usable in
        # a small window.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(grid_widget)
        body_layout.addLayout(legend)
        body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("calendar_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(scroll, 1)
        self._update_buttons()

    # --- texts --------------------------------------------------------------------------

    def mark_label(self, mark: str) -> str:
        return {
            "holiday": self.tr("Public holiday"),
            "makeup": self.tr("Makeup working day"),
            "weekend": self.tr("Weekend"),
            "override_holiday": self.tr("Extra holiday (override)"),
            "override_workday": self.tr("Extra working day (override)"),
            "": self.tr("Working day"),
        }.get(mark, mark)

    def describe(self, info: DayInfo) -> str:
        day = QLocale().toString(to_qdate(info.day), QLocale.FormatType.LongFormat)
        state = self.tr("working day") if info.working else self.tr("day off")
        text = self.tr("{day}: {mark} — {state}").format(
            day=day, mark=self.mark_label(info.mark), state=state
        )
        if info.note:
            text += " — " + info.note
        return text

    # --- loading ------------------------------------------------------------------------

    def concerns(self, event: DataChanged) -> bool:
        """Overrides, and settings of the calendar (``calendar.*``)."""
        return (
            event.kind == "calendar"
            or not event.ids
            or any(str(key).startswith("calendar.") for key in event.ids)
        )

    def refresh(self) -> Task:
        """The shown year again (first showing, F5, a change of the calendar)."""
        return self.load()

    def load(self, year: int | None = None) -> Task:
        """Load a year (the shown one by default) off the UI thread (the newest load
        wins)."""
        year = self.year.value() if year is None else year
        task = self.tasks.submit(
            calendar_service.year_view, self.session, year, name="year-view", key=(self, "year")
        )
        task.on(succeeded=self._year_loaded, failed=self._failed)
        return task

    def _year_loaded(self, view: YearView) -> None:
        if view.year == self.year.value():
            self.apply(view)

    def _failed(self, exc) -> None:
        self.message.setText(service_message(exc))

    def _change(self, work, *args, name: str) -> Task:
        """Add or remove an override off the UI thread, then show the year again."""
        task = self.tasks.submit(work, self.session, *args, name=name)
        task.on(succeeded=self._changed, failed=self._failed)
        return task

    def _changed(self, changed: bool) -> None:
        if changed:  # the year reloads through the hub, before the deadlines are recomputed
            self.changes.announce("calendar")
            self.changed.emit()
        else:
            self.load()

    def apply(self, view: YearView) -> None:
        self.view = view
        self._days = {d.day: d for d in view.days}
        for month in self.months:
            month.show_year(view.year)
        for info in view.days:
            if info.mark:
                self.months[info.day.month - 1].setDateTextFormat(
                    to_qdate(info.day), mark_format(info.mark)
                )
        if view.official:
            self.status.setText(
                self.tr("{year}: official public holidays and adjusted working days.").format(
                    year=view.year
                )
            )
        else:
            self.status.setText(
                self.tr(
                    "{year}: no official holiday schedule is known; only "
                    "weekends and overrides count."
                ).format(year=view.year)
            )
        self.warning.setText(
            "\n".join(
                self.tr(
                    "The official {year} holiday schedule is not known to this program: "
                    "deadlines in {year} count weekends and your calendar overrides only. "
                    "Import the State Council's holiday notice for {year} (Import the "
                    "holiday notice…), enter its days as overrides, or update the program."
                ).format(year=year)
                for year in view.unofficial_years
            )
        )
        self.warning.setVisible(bool(view.unofficial_years))
        if self.selected is not None and self.selected.year != view.year:
            self.selected = None
        self._show_selected()
        self.loaded.emit()

    # --- selection ----------------------------------------------------------------------

    def _clicked(self, date: QDate) -> None:
        self.select_day(to_date(date))

    def _keyboard_selection(self, view: MonthView) -> None:
        if view.hasFocus():
            self.select_day(to_date(view.selectedDate()))

    def select_day(self, day: dt.date) -> None:
        if self.view is None or day.year != self.view.year:
            return
        self.selected = day
        self.months[day.month - 1].setSelectedDate(to_qdate(day))
        self._show_selected()

    def _show_selected(self) -> None:
        chosen = to_qdate(self.selected) if self.selected else None
        for month in self.months:
            month.chosen = chosen if chosen and chosen.month() == month.month else None
            month.updateCells()
        info = self.day_info(self.selected) if self.selected else None
        if info is not None:
            self.selected_day.setText(self.describe(info))
            if info.mark.startswith("override_"):
                self.override_note.setText(info.note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.day_info(self.selected) if self.selected else None
        self.add_override_button.setEnabled(self.can_edit and info is not None)
        self.remove_override_button.setEnabled(
            self.can_edit and info is not None and info.mark.startswith("override_")
        )

    # --- what the page shows ------------------------------------------------------------

    def day_info(self, day: dt.date) -> DayInfo | None:
        return self._days.get(day)

    def char_format(self, day: dt.date) -> QTextCharFormat:
        return self.months[day.month - 1].dateTextFormat(to_qdate(day))

    # --- the State Council's notice -----------------------------------------------------

    def open_notice_dialog(self) -> HolidayNoticeDialog | None:
        """The import dialog (managers); after an import the page shows that year and the
        open deadlines are recomputed, as after an override."""
        if not self.can_edit:
            return None
        dialog = HolidayNoticeDialog(self.session, self.tasks, self)
        dialog.imported.connect(self._notice_imported)
        dialog.finished.connect(lambda _result: setattr(self, "notice_dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        self.notice_dialog = dialog
        dialog.open()
        return dialog

    def _notice_imported(self, year: int) -> None:
        self.message.setText(
            self.tr("The holiday notice for {year} was imported.").format(year=year)
        )
        if self.year.value() != year:
            self.year.setValue(year)  # loads that year
        self._changed(True)

    # --- overrides ----------------------------------------------------------------------

    def add_override(self) -> Task | None:
        if not self.can_edit or self.selected is None:
            return None
        day, kind = self.selected, self.override_kind.currentData()
        note = self.override_note.text().strip()
        self.message.clear()
        return self._change(_set_override, day, kind, note, name="set-override")

    def remove_override(self) -> Task | None:
        if not self.can_edit or self.selected is None:
            return None
        self.message.clear()
        return self._change(calendar_service.remove_override, self.selected, name="remove-override")
