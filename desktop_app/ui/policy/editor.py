"""The Policy editor: four tabs over ``services.policy`` (see the package documentation)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import policy
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.changes import ChangeHub
from desktop_app.ui.forms import documents_folder, push_button
from desktop_app.ui.i18n import service_message
from desktop_app.ui.pages import DataPage
from desktop_app.ui.policy.common import PolicyContext
from desktop_app.ui.policy.reference_tab import ReferenceTab
from desktop_app.ui.policy.targets_tab import DeadlinesTab, RemindersTab
from desktop_app.ui.policy.types_tab import TypesTab
from desktop_app.ui.policy.workbook_dialog import PolicyImportDialog, export_policy
from desktop_app.ui.tasks import Task, TaskRunner


class PolicyEditor(DataPage):
    """Managers edit; supervisors and administrators read (every input disabled, no
    buttons). ``loaded`` follows each reading of the policy; ``status`` carries what a
    save changed, for the page's message line."""

    def __init__(
        self,
        session: Session,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        changes: ChangeHub | None = None,
    ):
        super().__init__(parent, changes=changes, kinds=("settings", "accounts"))
        self.setObjectName("policy_editor")
        self.context = PolicyContext(session, tasks, self.changes, self)
        self.context.reload.connect(self.reload_now)
        self.hint = QLabel(
            self.tr(
                "Managers change the policy here; every change is recorded in the audit "
                "log and applies to complaints registered afterwards."
            )
            if self.context.can_edit
            else self.tr("Only managers change the policy; you can read it here.")
        )
        self.hint.setObjectName("policy_hint")
        self.hint.setWordWrap(True)
        self.types = TypesTab(self.context)
        self.reference = ReferenceTab(self.context)
        self.deadlines = DeadlinesTab(self.context)
        self.reminders = RemindersTab(self.context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("policy_tabs")
        # Each tab scrolls: at 1.5× on a 720-pixel-high screen the tallest would not fit.
        for tab, title in (
            (self.types, self.tr("Complaint &types")),
            (self.reference, self.tr("&Departments, channels, causes")),
            (self.deadlines, self.tr("D&eadlines")),
            (self.reminders, self.tr("Reminders and &escalation")),
        ):
            scroll = QScrollArea()
            scroll.setObjectName(f"{tab.objectName()}_scroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(tab)
            self.tabs.addTab(scroll, title)
        self.export_button = push_button(
            self.tr("E&xport policy workbook…"),
            "export_policy_button",
            icon_name="export",
            tip=self.tr("Save the whole policy as an Excel workbook (for branches or records)"),
            slot=self.ask_export,
        )
        self.export_button.setVisible(session.role in ("manager", "admin"))
        self.import_button = push_button(
            self.tr("I&mport policy workbook…"),
            "import_policy_button",
            icon_name="import",
            tip=self.tr("Check a policy workbook, see its changes, then apply them"),
            slot=self.open_import,
        )
        self.import_button.setVisible(self.context.can_edit)
        self.import_dialog: PolicyImportDialog | None = None
        files = QHBoxLayout()
        files.addStretch(1)
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(files)

    def show_tab(self, tab: QWidget) -> None:
        """Make ``tab`` (``types``, ``reference``, ``deadlines``, ``reminders``) current."""
        for index in range(self.tabs.count()):
            scroll = self.tabs.widget(index)
            if isinstance(scroll, QScrollArea) and scroll.widget() is tab:
                self.tabs.setCurrentIndex(index)

    def refresh(self) -> None:
        task = self.context.tasks.submit(
            policy.load_policy, self.context.session, key=(self, "load")
        )
        task.on(succeeded=self._loaded, failed=self._failed)

    def _loaded(self, view: policy.PolicyView) -> None:
        self.context.view = view
        self.types.load()
        self.types.after_reload()
        self.reference.load()
        self.deadlines.load()
        self.reminders.load()

    def _failed(self, exc: ServiceError) -> None:
        self.context.failed.emit(service_message(exc))

    # --- the policy workbook ----------------------------------------------------------

    def ask_export(self) -> Task | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the policy workbook"),
            str(documents_folder() / self.tr("policy.xlsx")),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return self.export_to(Path(path))

    def export_to(self, path: Path) -> Task:
        task = self.context.tasks.submit(export_policy, self.context.session, path)
        return task.on(
            succeeded=lambda result: self.context.saved.emit(
                self.tr("Policy workbook saved: {path}").format(path=str(result.path))
            ),
            failed=self._failed,
        )

    def open_import(self) -> PolicyImportDialog:
        if self.import_dialog is None:
            dialog = PolicyImportDialog(self.context.session, tasks=self.context.tasks, parent=self)
            dialog.imported.connect(self._imported)
            dialog.finished.connect(lambda _result: self._import_closed(dialog))
            self.import_dialog = dialog
            dialog.open()
        return self.import_dialog

    def _import_closed(self, dialog: PolicyImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()

    def _imported(self, report: object) -> None:
        if getattr(report, "written", False):
            self.changes.announce("settings")
            self.changes.announce("accounts")
            self.reload_now()
