"""Review meetings [复盘会] (docs/rules.md#review-meetings): View > Review meetings… lists the
meetings; supervisors of a department present, managers and administrators record them (date,
departments and people present, the period, the report's hot spots taken as a snapshot,
notes, decisions with a responsible department and deadline), create an improvement action
from a decision, and print the minutes [会议纪要] (HTML → ``QTextDocument`` → A4 PDF or the
printer, as the paper templates). Everyone else reads them.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import IMPROVEMENT_STATUS, Term
from desktop_app.services import reference, review_meetings
from desktop_app.services.errors import ServiceError
from desktop_app.services.review_meetings import MeetingInfo
from desktop_app.services.session import Session
from desktop_app.ui.forms import ask_save_path, documents_folder, push_button
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.tasks import Task, TaskRunner, while_alive

DATE = "%Y-%m-%d"
MINUTES_TITLE = "复盘会纪要"
CodeRole = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewMinutes", text)


def _percent(value: Any) -> str:
    return "" if value is None else f"{float(value) * 100:.1f}%"


def hot_spot_text(spot: dict[str, Any], language: str) -> str:
    """ "产品 X 占 30%，主要原因 配件/包装" in the UI language."""
    zh = language.startswith("zh")
    item = spot.get("product") or spot.get("subtype_zh" if zh else "subtype_en") or ""
    cause = spot.get("cause_zh" if zh else "cause_en") or spot.get("cause") or ""
    return _tr("{item}: {share} of the complaints, mainly {cause} ({count} cases)").format(
        item=item, share=_percent(spot.get("item_share")), cause=cause, count=spot.get("count", 0)
    )


def minutes_html(meeting: MeetingInfo, language: str) -> str:
    """The minutes of ``meeting`` as HTML: title, facts, hot spots, notes, decisions."""
    zh = language.startswith("zh")

    def esc(value: object) -> str:
        return html.escape("" if value is None else str(value)).replace("\n", "<br/>")

    table = (
        "<table width='100%' border='1' cellspacing='0' cellpadding='5' "
        "style='border-collapse:collapse; border-color:#808080'>"
    )
    departments = "、".join(n[0] if zh else n[1] for n in meeting.department_names)
    facts = [
        (_tr("Held on"), meeting.held_on.strftime(DATE)),
        (
            _tr("Period reviewed"),
            f"{meeting.period_start.strftime(DATE)} – {meeting.period_end.strftime(DATE)}",
        ),
        (_tr("Departments present"), departments),
        (_tr("People present"), meeting.attendees),
        (_tr("Recorded by"), meeting.created_by),
    ]
    parts = [f"<h2 align='center'>{esc(MINUTES_TITLE)}</h2>"]
    if not zh:
        parts.append(f"<p align='center'>{esc(_tr('Review meeting minutes'))}</p>")
    parts.append(
        table
        + "".join(
            f"<tr><th align='left' width='25%' style='background:#eeeeee'>{esc(k)}</th>"
            f"<td>{esc(v)}</td></tr>"
            for k, v in facts
        )
        + "</table>"
    )
    parts.append(f"<h3>{esc(_tr('Hot spots reviewed'))}</h3>")
    if meeting.hot_spots:
        parts.append(
            "<ol>"
            + "".join(f"<li>{esc(hot_spot_text(s, language))}</li>" for s in meeting.hot_spots)
            + "</ol>"
        )
    else:
        parts.append(f"<p>{esc(_tr('None recorded.'))}</p>")
    if meeting.notes:
        parts.append(f"<h3>{esc(_tr('Notes'))}</h3><p>{esc(meeting.notes)}</p>")
    parts.append(f"<h3>{esc(_tr('Decisions'))}</h3>")
    head = "".join(
        f"<th style='background:#eeeeee'>{esc(t)}</th>"
        for t in (
            _tr("No."),
            _tr("Decision"),
            _tr("Responsible department"),
            _tr("Deadline"),
            _tr("Improvement action"),
        )
    )
    rows = []
    for number, d in enumerate(meeting.decisions, 1):
        status = IMPROVEMENT_STATUS.label(d.action_status, language) if d.action_status else ""
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{esc(v)}</td>"
                for v in (
                    number,
                    d.text,
                    d.department_zh if zh else d.department_en,
                    d.deadline.strftime(DATE) if d.deadline else "",
                    f"#{d.action_id} {status}" if d.action_id else "",
                )
            )
            + "</tr>"
        )
    parts.append(table + f"<tr>{head}</tr>" + "".join(rows) + "</table>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def save_minutes_pdf(meeting: MeetingInfo, path: str | Path, language: str) -> Path:
    """The minutes as an A4 PDF at ``path``."""
    path = Path(path)
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(minutes_html(meeting, language))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(MINUTES_TITLE)
    document.print_(printer)
    return path


def _load(session: Session) -> tuple[list[MeetingInfo], list[Term]]:
    return review_meetings.list_meetings(session), reference.departments()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class ReviewMeetingsDialog(QDialog):
    """The meetings on the left, the selected (or new) one on the right."""

    def __init__(self, session: Session, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.language = ui_language()
        self.meetings: list[MeetingInfo] = []
        self.departments: list[Term] = []
        self.current: MeetingInfo | None = None
        self.hot_spots: list[dict[str, Any]] = []
        self.may_create = session.role in review_meetings.EDIT_ROLES
        self.setObjectName("review_meetings_dialog")
        self.setWindowTitle(self.tr("Review meetings"))
        self.resize(1100, 720)

        self.meetings_table = QTableWidget(0, 3)
        self.meetings_table.setObjectName("meetings_table")
        self.meetings_table.setHorizontalHeaderLabels(
            [self.tr("Held on"), self.tr("Period"), self.tr("Decisions")]
        )
        self._table_style(self.meetings_table)
        self.meetings_table.itemSelectionChanged.connect(self._meeting_selected)

        self.held_on = _date_edit("held_on")
        self.period_start = _date_edit("period_start")
        self.period_end = _date_edit("period_end")
        period = QHBoxLayout()
        period.addWidget(self.period_start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.period_end)
        self.department_list = QListWidget()
        self.department_list.setObjectName("departments")
        self.department_list.setMaximumHeight(110)
        self.attendees = QLineEdit()
        self.attendees.setObjectName("attendees")
        self.attendees.setPlaceholderText(self.tr("Who was there"))
        self.hot_spots_list = QListWidget()
        self.hot_spots_list.setObjectName("meeting_hot_spots_list")
        self.hot_spots_list.setMaximumHeight(110)
        self.load_hot_spots_button = push_button(
            self.tr("Take the &report's hot spots"),
            "load_hot_spots_button",
            icon_name="refresh",
            tip=self.tr("The product × cause pairs of the period, from the report"),
            slot=self.load_hot_spots,
        )
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(80)
        self.decisions_table = QTableWidget(0, 4)
        self.decisions_table.setObjectName("meeting_decisions_table")
        self.decisions_table.setHorizontalHeaderLabels(
            [
                self.tr("Decision"),
                self.tr("Responsible department"),
                self.tr("Deadline (YYYY-MM-DD)"),
                self.tr("Improvement action"),
            ]
        )
        self.decisions_table.verticalHeader().hide()
        self.decisions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.decisions_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # as wide as their titles (and cells) need
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_decision_button = push_button(
            self.tr("&Add decision"), "add_decision_button", icon_name="add", slot=self.add_decision
        )
        self.remove_decision_button = push_button(
            self.tr("Re&move decision"), "remove_decision_button", slot=self.remove_decision
        )
        self.create_action_button = push_button(
            self.tr("&Create improvement action"),
            "create_action_button",
            tip=self.tr("Record the selected decision as an improvement action"),
            slot=self.create_action,
        )
        decision_buttons = QHBoxLayout()
        for button in (
            self.add_decision_button,
            self.remove_decision_button,
            self.create_action_button,
        ):
            decision_buttons.addWidget(button)
        decision_buttons.addStretch(1)

        form = QFormLayout()
        for text, widget in (
            (self.tr("Held &on:"), self.held_on),
            (self.tr("&Period reviewed:"), period),
            (self.tr("&Departments present:"), self.department_list),
            (self.tr("People &present:"), self.attendees),
            (self.tr("Hot spots reviewed:"), self.hot_spots_list),
            ("", self.load_hot_spots_button),
            (self.tr("&Notes:"), self.notes),
        ):
            form.addRow(text, widget)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Decisions:")))
        right_layout.addWidget(self.decisions_table, 1)
        right_layout.addLayout(decision_buttons)
        split = QSplitter()
        split.addWidget(self.meetings_table)
        split.addWidget(right)
        split.setSizes([300, 800])

        self.new_meeting_button = push_button(
            self.tr("&New meeting"), "new_meeting_button", icon_name="add", slot=self.new_meeting
        )
        self.new_meeting_button.setVisible(self.may_create)
        self.save_meeting_button = push_button(
            self.tr("&Save meeting"), "save_meeting_button", slot=self.save
        )
        self.print_minutes_button = push_button(
            self.tr("Minutes as P&DF…"),
            "print_minutes_button",
            icon_name="print",
            tip=self.tr("Save the minutes of the selected meeting as a PDF file"),
            slot=self.ask_print_minutes,
        )
        self.message = QLabel()
        self.message.setObjectName("meeting_message")
        self.message.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        for button in (
            self.new_meeting_button,
            self.save_meeting_button,
            self.print_minutes_button,
        ):
            bottom.addWidget(button)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.reload()

    @staticmethod
    def _table_style(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)

    # --- loading ------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> Task:
        task = self.tasks.submit(
            _load, self.session, name="review-meetings", key=(self, "load"), policy="latest"
        )
        task.on(
            succeeded=while_alive(self, lambda result: self._loaded(result, select_id)),
            failed=while_alive(self, self._failed),
        )
        return task

    def _loaded(self, result: tuple[list[MeetingInfo], list[Term]], select_id: int | None) -> None:
        self.meetings, self.departments = result
        self.meetings_table.blockSignals(True)
        self.meetings_table.setRowCount(len(self.meetings))
        for row, m in enumerate(self.meetings):
            period = f"{m.period_start.strftime(DATE)} – {m.period_end.strftime(DATE)}"
            for column, text in enumerate(
                (m.held_on.strftime(DATE), period, str(len(m.decisions)))
            ):
                self.meetings_table.setItem(row, column, QTableWidgetItem(text))
        self.meetings_table.blockSignals(False)
        ids = [m.id for m in self.meetings]
        if select_id in ids:
            self.meetings_table.selectRow(ids.index(select_id))
        elif self.current is None and self.meetings:
            self.meetings_table.selectRow(0)
        elif self.current is None:
            self.new_meeting()

    def _failed(self, exc: ServiceError) -> None:
        self.message.setText(service_message(exc))

    def _meeting_selected(self) -> None:
        rows = self.meetings_table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.meetings):
            self.show_meeting(self.meetings[rows[0].row()])

    # --- the form -----------------------------------------------------------------------

    def _fill_departments(self, chosen: tuple[str, ...]) -> None:
        self.department_list.clear()
        for term in self.departments:
            item = QListWidgetItem(term.label(self.language), self.department_list)
            item.setData(CodeRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if term.code in chosen else Qt.CheckState.Unchecked
            )

    def _show_hot_spots(self) -> None:
        self.hot_spots_list.clear()
        for spot in self.hot_spots:
            self.hot_spots_list.addItem(hot_spot_text(spot, self.language))
        if not self.hot_spots:
            self.hot_spots_list.addItem(self.tr("None taken yet"))

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.held_on,
            self.period_start,
            self.period_end,
            self.department_list,
            self.attendees,
            self.notes,
            self.load_hot_spots_button,
            self.add_decision_button,
            self.remove_decision_button,
            self.save_meeting_button,
        ):
            widget.setEnabled(editable)
        self.decisions_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.create_action_button.setEnabled(
            editable and self.current is not None and self.session.role in ("manager", "admin")
        )

    def new_meeting(self) -> None:
        self.current = None
        self.meetings_table.clearSelection()
        today = self.session.now().date()
        last = today.replace(day=1) - dt.timedelta(days=1)
        self.held_on.setDate(_qdate(today))
        self.period_start.setDate(_qdate(last.replace(day=1)))
        self.period_end.setDate(_qdate(last))
        self._fill_departments(())
        self.attendees.clear()
        self.notes.clear()
        self.hot_spots = []
        self._show_hot_spots()
        self.decisions_table.setRowCount(0)
        self.print_minutes_button.setEnabled(False)
        self._set_editable(self.may_create)
        self.attendees.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_meeting(self, meeting: MeetingInfo) -> None:
        self.current = meeting
        self.held_on.setDate(_qdate(meeting.held_on))
        self.period_start.setDate(_qdate(meeting.period_start))
        self.period_end.setDate(_qdate(meeting.period_end))
        self._fill_departments(meeting.departments)
        self.attendees.setText(meeting.attendees)
        self.notes.setPlainText(meeting.notes)
        self.hot_spots = [dict(s) for s in meeting.hot_spots]
        self._show_hot_spots()
        self.decisions_table.setRowCount(0)
        for d in meeting.decisions:
            status = (
                f"#{d.action_id} " + IMPROVEMENT_STATUS.label(d.action_status, self.language)
                if d.action_id
                else ""
            )
            self.add_decision(
                d.text, d.department, d.deadline.strftime(DATE) if d.deadline else "", d.id, status
            )
        self.print_minutes_button.setEnabled(True)
        self._set_editable(meeting.may_edit)

    def add_decision(
        self,
        text: str = "",
        department: str = "",
        deadline: str = "",
        decision_id: int | None = None,
        action: str = "",
    ) -> int:
        row = self.decisions_table.rowCount()
        self.decisions_table.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(CodeRole, decision_id)
        self.decisions_table.setItem(row, 0, item)
        combo = QComboBox()
        combo.addItem(self.tr("— choose —"), "")
        for term in self.departments:
            combo.addItem(term.label(self.language), term.code)
        combo.setCurrentIndex(max(0, combo.findData(department)))
        self.decisions_table.setCellWidget(row, 1, combo)
        self.decisions_table.setItem(row, 2, QTableWidgetItem(deadline))
        done = QTableWidgetItem(action)
        done.setFlags(done.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.decisions_table.setItem(row, 3, done)
        return row

    def remove_decision(self) -> None:
        row = self.decisions_table.currentRow()
        if row >= 0:
            self.decisions_table.removeRow(row)

    def decisions(self) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.decisions_table.rowCount()):
            text_item = self.decisions_table.item(row, 0)
            combo = self.decisions_table.cellWidget(row, 1)
            deadline_item = self.decisions_table.item(row, 2)
            text = text_item.text().strip() if text_item else ""
            deadline = deadline_item.text().strip() if deadline_item else ""
            department = combo.currentData() if isinstance(combo, QComboBox) else ""
            if not (text or deadline or department):
                continue  # an empty row added by mistake
            decision: dict[str, Any] = {
                "text": text,
                "department": department,
                "deadline": deadline or None,
            }
            if text_item is not None and text_item.data(CodeRole):
                decision["id"] = text_item.data(CodeRole)
            rows.append(decision)
        return rows

    def values(self) -> dict[str, Any]:
        return {
            "held_on": self.held_on.date().toPython(),
            "period_start": self.period_start.date().toPython(),
            "period_end": self.period_end.date().toPython(),
            "departments": [
                self.department_list.item(i).data(CodeRole)
                for i in range(self.department_list.count())
                if self.department_list.item(i).checkState() == Qt.CheckState.Checked
            ],
            "attendees": self.attendees.text().strip(),
            "hot_spots": self.hot_spots,
            "notes": self.notes.toPlainText().strip(),
            "decisions": self.decisions(),
        }

    def check_departments(self, *codes: str) -> None:
        for i in range(self.department_list.count()):
            item = self.department_list.item(i)
            if item.data(CodeRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    # --- actions ------------------------------------------------------------------------

    def load_hot_spots(self) -> Task:
        values = self.values()
        department = None
        if self.session.role == "supervisor" and values["departments"]:
            department = values["departments"][0]
        task = self.tasks.submit(
            review_meetings.period_hot_spots,
            self.session,
            values["period_start"],
            values["period_end"],
            department_code=department,
            name="review-hot-spots",
            key=(self, "hot_spots"),
            policy="latest",
        )
        task.on(
            succeeded=while_alive(self, self._hot_spots_loaded),
            failed=while_alive(self, self._failed),
        )
        return task

    def _hot_spots_loaded(self, spots: list[dict[str, Any]]) -> None:
        self.hot_spots = list(spots)
        self._show_hot_spots()

    def save(self) -> Task:
        values = self.values()
        if self.current is None:
            task = self.tasks.submit(
                review_meetings.create_meeting, self.session, name="meeting-save", **values
            )
        else:
            task = self.tasks.submit(
                review_meetings.update_meeting,
                self.session,
                self.current.id,
                name="meeting-save",
                **values,
            )
        task.on(
            succeeded=while_alive(self, self._saved),
            failed=while_alive(self, self._failed),
        )
        return task

    def _saved(self, meeting: MeetingInfo) -> None:
        self.message.setText(self.tr("The meeting was saved."))
        self.current = meeting
        self.show_meeting(meeting)
        self.reload(meeting.id)

    def create_action(self) -> Task | None:
        row = self.decisions_table.currentRow()
        item = self.decisions_table.item(row, 0) if row >= 0 else None
        decision_id = item.data(CodeRole) if item is not None else None
        if not decision_id:
            self.message.setText(self.tr("Save the meeting, then choose one of its decisions."))
            return None
        task = self.tasks.submit(
            review_meetings.create_action_from_decision,
            self.session,
            decision_id,
            name="decision-action",
        )
        task.on(
            succeeded=while_alive(self, self._action_created),
            failed=while_alive(self, self._failed),
        )
        return task

    def _action_created(self, meeting: MeetingInfo) -> None:
        self.message.setText(self.tr("The improvement action was created."))
        self.show_meeting(meeting)
        self.reload(meeting.id)

    def minutes_html(self) -> str:
        if self.current is None:
            return ""
        return minutes_html(self.current, self.language)

    def save_minutes(self, path: str | Path) -> Path | None:
        if self.current is None:
            return None
        saved = save_minutes_pdf(self.current, path, self.language)
        self.message.setText(self.tr("The minutes were saved to {path}.").format(path=str(saved)))
        return saved

    def ask_print_minutes(self) -> Path | None:
        if self.current is None:
            return None
        path = ask_save_path(
            self,
            self.tr("Save the minutes as PDF"),
            documents_folder() / f"{MINUTES_TITLE}-{self.current.held_on.strftime(DATE)}.pdf",
            self.tr("PDF files (*.pdf)"),
            suffix=".pdf",
        )
        if not path:
            return None
        try:
            return self.save_minutes(path)
        except OSError as exc:
            self.message.setText(
                self.tr("{path} could not be written: {reason}").format(path=path, reason=exc)
            )
            return None
