"""The case window: one case's detail (template 1 and its state), its timeline, a progress
entry (template 2) and the workflow actions of docs/rules.md#workflow.

The window lays out its parts and reads the case: the detail is ``details.CaseDetailsView``,
the timeline ``timeline.CaseTimeline``, the progress form ``progress.ProgressPanel``, and the
actions (buttons' dialogs, running them, conflicts) come from ``actions.CaseActions``.

Non-modal, one per case (``open_case_window`` reuses an open one). Every service call runs
off the UI thread; every action passes the version the user saw, and when another PC
changed the case meanwhile the conflict dialog lists who changed what and offers to reload
(keeping the typed progress entry) or to apply the same action again.

Keyboard: Ctrl+S or Ctrl+Return saves the progress entry, F5 reloads, Esc closes (asking
before a typed progress entry is thrown away).

Hooks for tests and automation, all on the path the buttons take:

- ``ask_<action>()`` opens the action's dialog (``open()``, not blocking) and returns it;
  ``current_dialog`` is the dialog shown last. Accepting it calls the action method.
- ``transfer(to_user_id, reason)``, ``escalate(reason)``, ``request_approval(solution)``,
  ``decide_approval(approve, comment)``, ``close_case(confirmed, outcome, reason)``,
  ``reopen(reason)``, ``renegotiate(new_due, reason)``, ``reassess(**changes)``,
  ``record_account_frozen(frozen)`` and ``save_progress()`` run the action and return its
  ``Task`` (None while another action runs).
- ``conflict_resolver``: when set, a callable ``(CaseConflict) -> "reload" | "apply"``
  used instead of the conflict dialog; otherwise ``conflict_dialog`` is the dialog shown.
- ``confirm_discard()`` asks before Esc throws away a typed progress entry.
- ``ask_new_improvement()`` opens the improvement dialog for a new action about the case
  (``new_improvement_button``), ``open_improvement(action_id)`` one of the actions linked to
  it (``case_improvements_list``), ``improvement_rows()`` the list's lines
  (docs/rules.md#improvement-actions; ``improvements.CaseImprovements``).
- ``ask_customer()`` opens the customer record dialog (``customer_dialog``,
  docs/rules.md#customers) and returns it.
- ``follow_changes(hub)``: a remote change of this case in the window's change hub (another
  PC, docs/rules.md#changes-reach-every-pc) reads the case again and shows the banner
  ``remote_change_banner`` with who changed what (the case's latest timeline entry); what
  is typed in the progress form stays. ``remote_change_text()`` is its text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.vocab import URGENCY, Term
from desktop_app.services.attachments import safe_to_open, shown_name
from desktop_app.services.cases import CaseDetail, TimelineEvent, attachment_file
from desktop_app.services.customers import CustomerUpdated
from desktop_app.services.errors import ServiceError
from desktop_app.services.improvements import ImprovementInfo
from desktop_app.services.reference import TypeRef
from desktop_app.services.session import Session
from desktop_app.ui.case.actions import CaseActions, CaseState, load_case
from desktop_app.ui.case.details import CaseDetailsView
from desktop_app.ui.case.improvements import CaseImprovements
from desktop_app.ui.case.progress import ProgressPanel
from desktop_app.ui.case.timeline import CaseTimeline
from desktop_app.ui.changes import ChangeHub, DataChanged
from desktop_app.ui.customer_dialog import CustomerDialog, open_customer_dialog, saved_text
from desktop_app.ui.forms import ask, message_label, push_button, widget_row
from desktop_app.ui.i18n import service_message, ui_language
from desktop_app.ui.improvement_dialog import ImprovementDialog
from desktop_app.ui.pages import resize_on_screen, splitter
from desktop_app.ui.resources import BADGE_STYLE, set_tone
from desktop_app.ui.tasks import Task, TaskRunner
from desktop_app.ui.templates_print import case_print_button

# How close a deadline counts as "due soon" until the tracker's setting was read.
DEFAULT_DUE_SOON = dt.timedelta(hours=4)


class CaseWindow(CaseActions, QWidget):
    """One case for the signed-in ``session``. ``case_changed(case_id)`` after every
    successful action; ``loaded()`` whenever the shown case was read afresh."""

    case_changed = Signal(int)
    loaded = Signal()
    action_done = Signal(str)
    action_failed = Signal(str, object)
    status_message = Signal(str)

    # Set in _build_actions (by name, from its list of buttons).
    transfer_button: QPushButton
    escalate_button: QPushButton
    request_approval_button: QPushButton
    renegotiate_button: QPushButton
    close_case_button: QPushButton
    reopen_button: QPushButton
    refresh_button: QPushButton
    reclassify_button: QPushButton
    account_frozen_button: QPushButton
    root_cause_button: QPushButton
    mark_typical_button: QPushButton

    def __init__(
        self,
        session: Session,
        case_id: int,
        *,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("case_window")
        self.session = session
        self.case_id = case_id
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.language = ui_language()
        self.detail: CaseDetail | None = None
        self.events: list[TimelineEvent] = []
        self.assignee_choices: list[tuple[int, str, str]] = []
        self.type_choices: list[TypeRef] = []
        self.department_choices: list[Term] = []
        self.cause_choices: list[Term] = []
        self.due_soon = DEFAULT_DUE_SOON
        self.customer_dialog: CustomerDialog | None = None
        self.init_actions()
        self._load_task: Task | None = None
        self._discard_confirmed = False
        self.changes: ChangeHub | None = None
        # The version shown when a remote change of this case was heard (None: none heard).
        self._remote_from_version: int | None = None
        self.setWindowTitle(self.tr("Case"))
        self._build()
        self._set_actions_enabled()
        resize_on_screen(self, 1200, 820)
        self.reload()

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        heading_row = self._build_heading()
        actions_row = self._build_actions()
        self.action_message = message_label("action_message", strong=True)
        body = self._build_body()
        layout = QVBoxLayout(self)
        layout.addLayout(heading_row)
        layout.addLayout(actions_row)
        layout.addWidget(self._build_remote_banner())
        layout.addWidget(self.action_message)
        layout.addWidget(body, 1)
        self._build_shortcuts()

    def _build_remote_banner(self) -> QFrame:
        """The "changed on another PC" banner (hidden until a remote change is heard)."""
        self.remote_banner = QFrame()
        self.remote_banner.setObjectName("remote_change_banner")
        self.remote_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.remote_banner_label = QLabel()
        self.remote_banner_label.setObjectName("remote_change_text")
        self.remote_banner_label.setWordWrap(True)
        self.remote_banner_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        set_tone(self.remote_banner_label, "warning", strong=True)
        dismiss = push_button(
            self.tr("Dismiss"),
            "remote_change_dismiss",
            tip=self.tr("Hide this notice"),
            slot=self.remote_banner.hide,
        )
        row = QHBoxLayout(self.remote_banner)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.remote_banner_label, 1)
        row.addWidget(dismiss)
        self.remote_banner.hide()
        return self.remote_banner

    def _build_heading(self) -> QHBoxLayout:
        self.heading = QLabel()
        self.heading.setObjectName("case_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.urgent_badge = QLabel(URGENCY.label("urgent", self.language))
        self.urgent_badge.setObjectName("urgent")
        self.urgent_badge.setStyleSheet(BADGE_STYLE)
        self.urgent_badge.hide()
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading)
        heading_row.addWidget(self.urgent_badge)
        heading_row.addStretch(1)
        return heading_row

    def _build_actions(self) -> QVBoxLayout:
        """The action buttons, the print menu and Reload."""
        # (name, text, tooltip, slot); the button is ``<name>_button`` with the icon ``<name>``.
        buttons = (
            (
                "transfer",
                self.tr("&Transfer…"),
                self.tr("Give the case to someone else, with the reason"),
                self.ask_transfer,
            ),
            (
                "escalate",
                self.tr("&Escalate…"),
                self.tr("Send the case one step up the chain"),
                self.ask_escalate,
            ),
            (
                "request_approval",
                self.tr("Request a&pproval…"),
                self.tr("Ask a supervisor to approve the solution"),
                self.ask_request_approval,
            ),
            (
                "approve",
                self.tr("Appro&ve…"),
                self.tr("Approve the proposed solution"),
                self.ask_approve,
            ),
            (
                "reject",
                self.tr("Re&ject…"),
                self.tr("Send the solution back to the owner"),
                self.ask_reject,
            ),
            (
                "renegotiate",
                self.tr("Rene&gotiate…"),
                self.tr("Complex case: agree a later resolution date with the customer"),
                self.ask_renegotiate,
            ),
            (
                "close_case",
                self.tr("C&lose case…"),
                self.tr("Close after the customer confirmed, or with an outcome and reason"),
                self.ask_close_case,
            ),
            (
                "reopen",
                self.tr("Re&open…"),
                self.tr("Reopen the case: it becomes an escalated complaint (level III)"),
                self.ask_reopen,
            ),
            ("refresh", self.tr("Reload"), self.tr("Read the case again (F5)"), self.reload),
        )
        for name, text, tip, slot in buttons:
            button = push_button(text, f"{name}_button", icon_name=name, tip=tip, slot=slot)
            setattr(self, f"{name}_button", button)
        # docs/rules.md#re-assessment: the owner's supervisor or a manager.
        self.reclassify_button = push_button(
            self.tr("Re-&assess…"),
            "reclassify_button",
            icon_name="edit",
            tip=self.tr("Mark urgent, change the level, type, subtype or department"),
            slot=self.ask_reassess,
        )
        # docs/rules.md#root-causes: the cause and the 5W1H notes, during investigation.
        self.root_cause_button = push_button(
            self.tr("Cause analys&is…"),
            "root_cause_button",
            icon_name="edit",
            tip=self.tr("Record the root cause and the 5W1H analysis"),
            slot=self.ask_root_cause,
        )
        # docs/rules.md#typical-case-library: a closed case into the library.
        self.mark_typical_button = push_button(
            self.tr("T&ypical case…"),
            "mark_typical_button",
            icon_name="add",
            tip=self.tr("Keep this closed case in the typical-case library"),
            slot=self.ask_mark_typical,
        )
        self.action_buttons = {
            "transfer": self.transfer_button,
            "escalate": self.escalate_button,
            "request_approval": self.request_approval_button,
            "renegotiate": self.renegotiate_button,
            "close": self.close_case_button,
            "reopen": self.reopen_button,
            "reassess": self.reclassify_button,
            "root_cause": self.root_cause_button,
            "mark_typical": self.mark_typical_button,
        }
        # Two rows: the workflow's steps; then the case's analysis and records (one row of
        # fourteen buttons was wider than a 1280-pixel screen at 150 %).
        steps_row = widget_row(
            self.transfer_button,
            self.escalate_button,
            self.request_approval_button,
            self.approve_button,
            self.reject_button,
            self.renegotiate_button,
            self.close_case_button,
            self.reopen_button,
        )
        steps_row.addStretch(1)
        actions_row = widget_row(
            self.reclassify_button,
            self.root_cause_button,
            self.mark_typical_button,
        )
        actions_row.addStretch(1)
        # docs/rules.md#customers: the customer record (supervisors and managers edit it).
        self.customer_button = push_button(
            self.tr("C&ustomer…"),
            "customer_button",
            icon_name="edit",
            tip=self.tr("The customer's record: contacts, member tier, sensitive customer"),
            slot=self.ask_customer,
        )
        self.customer_button.setEnabled(False)
        actions_row.addWidget(self.customer_button)
        self.print_button = case_print_button(self)  # templates 1-3: print or PDF
        actions_row.addWidget(self.print_button)
        actions_row.addWidget(self.refresh_button)
        rows = QVBoxLayout()
        rows.addLayout(steps_row)
        rows.addLayout(actions_row)
        return rows

    def _build_body(self) -> QSplitter:
        """The detail (template 1) beside the timeline over the progress form."""
        self.details = CaseDetailsView(self.language)
        self.detail_scroll = self.details
        self.labels = self.details.labels
        self.account_frozen_button = self.details.account_frozen_button
        self.account_frozen_button.clicked.connect(lambda: self.record_account_frozen())
        self.action_buttons["account_frozen"] = self.account_frozen_button
        self.timeline_table = CaseTimeline(self.language)
        self.timeline_table.attachment_requested.connect(self.open_attachment)

        self.progress = ProgressPanel(self.session, self.language)
        self.progress.save_button.clicked.connect(self.save_progress)
        self.progress.add_attachment_button.clicked.connect(self.add_attachments)
        self.save_button = self.progress.save_button
        self.attachments_list = self.progress.attachments_list
        progress_scroll = QScrollArea()
        progress_scroll.setObjectName("progress_scroll")
        progress_scroll.setWidgetResizable(True)
        progress_scroll.setWidget(self.progress)

        right = splitter(
            "case_right_splitter", (self.timeline_table, 1), (progress_scroll, 1), vertical=True
        )
        # docs/rules.md#improvement-actions: the actions linked to the case, under the detail.
        self.improvements = CaseImprovements(self.session, self.tasks, self.language)
        self.improvements.saved.connect(self._improvement_saved)
        self.improvements.failed.connect(self.show_message)
        self.new_improvement_button = self.improvements.new_button
        self.case_improvements_list = self.improvements.list
        left = QWidget()
        left.setObjectName("case_left")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.detail_scroll, 1)
        left_layout.addWidget(self.improvements)
        split = splitter("case_splitter", (left, 2), (right, 3))
        split.setCollapsible(1, False)
        split.setSizes([470, 730])
        right.setSizes([260, 560])
        return split

    def _build_shortcuts(self) -> None:
        def shortcut(keys, slot) -> QShortcut:
            made = QShortcut(QKeySequence(keys), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)
            return made

        self.shortcuts = [
            shortcut("Ctrl+S", self.save_progress),
            shortcut("Ctrl+Return", self.save_progress),
            shortcut("Ctrl+Enter", self.save_progress),
            shortcut("F5", self.reload),
            shortcut(Qt.Key.Key_Escape, self.request_close),
        ]

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> Task:
        """Read the case, its timeline and the possible new owners again."""
        task = self.tasks.submit(load_case, self.session, self.case_id, name="case-load")
        self._load_task = task
        task.on(succeeded=self._loaded, failed=self._load_failed)
        return task

    def _loaded(self, state: CaseState) -> None:
        seen = self._remote_from_version
        self._remote_from_version = None
        self.show_state(state)
        if seen is not None and state.detail.version != seen:
            self._show_remote_change(state)
        self.loaded.emit()

    # --- changes made on other PCs (docs/rules.md#changes-reach-every-pc) -----------------

    def follow_changes(self, hub: ChangeHub) -> None:
        """Read the case again when ``hub`` reports a remote change that may concern it."""
        if self.changes is hub:
            return
        if self.changes is not None:
            self.changes.published.disconnect(self._change_published)
        self.changes = hub
        hub.published.connect(self._change_published)

    def _change_published(self, event: DataChanged, origin: str) -> None:
        if origin != "remote" or event.kind != "cases" or not event.concerns({self.case_id}):
            return
        if self.detail is not None and self._remote_from_version is None:
            self._remote_from_version = self.detail.version
        self._reload_after_remote()

    def _reload_after_remote(self) -> None:
        if self._remote_from_version is None:
            return
        if self.busy():  # an action or a read in flight: read once it is done
            QTimer.singleShot(300, self._reload_after_remote)
            return
        self.reload()

    def _show_remote_change(self, state: CaseState) -> None:
        """The banner: who changed what, from the case's latest timeline entry."""
        if state.events:
            latest = max(state.events, key=lambda e: e.at)
            at, who, what, details = self.timeline_table.text.row(latest)
            details = " ".join(details.split())
            if details:
                what = f"{what} ({details[:117] + '…' if len(details) > 120 else details})"
            text = self.tr("Changed on another PC by {who} at {time}: {what}.").format(
                who=who, time=at, what=what
            )
        else:
            text = self.tr("This case was changed on another PC.")
        if self.has_typed_work():
            text += " " + self.tr("Your unsaved progress entry is kept.")
        self.remote_banner_label.setText(text)
        self.remote_banner.show()

    def remote_change_text(self) -> str:
        """The banner's text while it is shown, else ""."""
        return self.remote_banner_label.text() if self.remote_banner.isVisible() else ""

    def _load_failed(self, exc: ServiceError) -> None:
        self.show_message(
            self.tr("The case cannot be shown: {reason}").format(reason=service_message(exc))
        )
        if self.detail is None:
            self.setWindowTitle(self.tr("Case not available"))
        self.action_failed.emit("load", exc)

    def show_state(self, state: CaseState) -> None:
        """Show what the worker read: detail, timeline, the progress form's stages."""
        self.detail = state.detail
        self.events = state.events
        self.assignee_choices = state.assignees
        self.type_choices = state.types
        self.department_choices = state.departments
        self.cause_choices = state.causes
        self.due_soon = state.due_soon
        self.details.show_detail(state.detail, self.session.now(), self.due_soon)
        self._show_heading(state.detail)
        self.timeline_table.show_events(state.events)
        self.progress.set_case(state.detail)
        self._set_actions_enabled()
        self.customer_button.setEnabled(bool(state.detail.customer_id))
        self.improvements.show_case(
            state.detail, state.improvements, state.departments, state.types
        )

    # --- improvement actions (docs/rules.md#improvement-actions) --------------------------

    def ask_new_improvement(self) -> ImprovementDialog | None:
        """The improvement dialog for a new action about this case (pre-filled)."""
        return self.improvements.ask_new()

    def open_improvement(self, action_id: int) -> ImprovementDialog | None:
        """The improvement dialog of an action linked to this case."""
        return self.improvements.open_action(action_id)

    def improvement_rows(self) -> list[str]:
        """The linked improvement actions as ``case_improvements_list`` shows them."""
        return self.improvements.rows()

    def _improvement_saved(self, info: ImprovementInfo) -> None:
        self.show_message(
            self.tr("Improvement action #{id} was saved.").format(id=info.id), error=False
        )
        self.reload()

    def ask_customer(self) -> CustomerDialog | None:
        """Open the customer record dialog (window-modal, not blocking) and read the
        record; a save re-reads the case (its open cases may have been re-assessed)."""
        if self.detail is None or not self.detail.customer_id:
            return None
        self.customer_dialog = open_customer_dialog(
            self.session, self.detail.customer_id, self.tasks, self, self._customer_saved
        )
        return self.customer_dialog

    def _customer_saved(self, result: CustomerUpdated) -> None:
        text = saved_text(result)
        self.show_message(text, error=False)
        if result.reassessed:
            self.case_changed.emit(self.case_id)
        self.reload()

    def _show_heading(self, d: CaseDetail) -> None:
        self.setWindowTitle(
            self.tr("{number} — {customer}").format(number=d.number, customer=d.customer_name)
        )
        self.heading.setText(
            self.tr("{number} — {customer}").format(number=d.number, customer=d.customer_name)
        )
        self.urgent_badge.setVisible(d.urgent)
        self.urgent_badge.setToolTip(self.labels["urgent_reasons"].text())

    # --- timeline -------------------------------------------------------------------------

    def timeline_rows(self) -> list[tuple[str, str]]:
        """(kind, title) of each timeline row as shown, oldest first."""
        return [(e.kind, e.title) for e in self.events]

    def timeline_texts(self) -> list[tuple[str, str, str, str]]:
        return self.timeline_table.texts()

    def attachments_of_row(self, row: int) -> list[tuple[int, str]]:
        return self.timeline_table.attachments_of_row(row)

    def open_attachments_of_row(self, row: int) -> None:
        self.timeline_table.open_attachments_of_row(row)

    def open_attachment(self, attachment_id: int) -> Path | None:
        """Open an evidence file with the program the system has for it; a file of a type
        not on the allow-list (stored before it existed) is never run: its folder is opened
        instead (docs/rules.md#attachments). The path opened."""
        try:
            name, path = attachment_file(self.session, attachment_id)
        except ServiceError as exc:
            self.action_message.setText(service_message(exc))
            return None
        if not safe_to_open(name):
            self.show_message(
                self.tr(
                    "{name} is not a type the program opens; its folder is shown instead."
                ).format(name=shown_name(name)),
                error=False,
            )
            path = path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    # --- messages, attachments, closing -------------------------------------------------

    def show_message(self, text: str, *, error: bool = True) -> None:
        set_tone(self.action_message, "error" if error else None, strong=error)
        self.action_message.setText(text)
        self.action_message.show()
        self.status_message.emit(text)

    def hide_message(self) -> None:
        self.action_message.hide()

    def add_attachments(self) -> int:
        return self.attachments_list.ask_files(self, self.tr("Attach evidence"))

    def add_attachment_paths(self, paths: Sequence[str | Path]) -> int:
        """Add evidence files to the progress entry (as the file dialog does)."""
        return self.progress.add_attachment_paths(paths)

    def has_typed_work(self) -> bool:
        return self.progress.has_typed_work()

    def confirm_discard(self) -> bool:
        return ask(
            self,
            self.tr("Discard the progress entry?"),
            self.tr("The progress entry you typed is not saved. Close and discard it?"),
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )

    def request_close(self) -> bool:
        """Esc: close, asking first when a typed progress entry would be lost."""
        if self.has_typed_work() and not self.confirm_discard():
            return False
        self._discard_confirmed = True
        return self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # The window manager's close button asks too; closing from code does not.
        if (
            event.spontaneous()
            and not self._discard_confirmed
            and self.has_typed_work()
            and not self.confirm_discard()
        ):
            event.ignore()
            self._discard_confirmed = False
            return
        self._discard_confirmed = False
        super().closeEvent(event)


# --- one window per case ---------------------------------------------------------------


def find_case_window(
    session: Session, case_id: int, parent: QWidget | None = None
) -> CaseWindow | None:
    """The visible window of this user on this case: among ``parent``'s children, or the
    top-level windows when there is no parent."""
    if parent is not None:
        candidates = parent.findChildren(CaseWindow)
    else:
        candidates = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWindow)]
    for window in candidates:
        if (
            window.case_id == case_id
            and window.session.user_id == session.user_id
            and window.isVisible()
        ):
            return window
    return None


def open_case_window(
    session: Session, case_id: int, tasks: TaskRunner | None = None, parent: QWidget | None = None
) -> CaseWindow:
    """Show the case in its window: the one already open for this user and case (raised,
    activated and read again), or a new one that is deleted when it closes."""
    window = find_case_window(session, case_id, parent)
    if window is not None:
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if not window.busy():
            window.reload()
        return window
    window = CaseWindow(session, case_id, tasks=tasks, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


__all__ = ["CaseWindow", "find_case_window", "open_case_window"]
