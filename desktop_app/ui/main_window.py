"""The main window: navigation between the sections, settings, status bar."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop_app.db.connection import DatabaseInfo
from desktop_app.domain.vocab import ROLES
from desktop_app.services import auth
from desktop_app.services.audit import AUDIT_ROLES
from desktop_app.services.errors import ServiceError
from desktop_app.services.intake import INTAKE_ROLES
from desktop_app.services.session import Session
from desktop_app.ui.auto_backup import AutoBackup
from desktop_app.ui.changes import ChangeHub, follow_other_programs
from desktop_app.ui.i18n import message_text, service_message, ui_language
from desktop_app.ui.idle_lock import install_session_guards
from desktop_app.ui.pages import resize_on_screen, splitter
from desktop_app.ui.reminders_panel import (
    ReminderAnnouncer,
    ReminderMonitor,
    ReminderNotice,
    RemindersPanel,
)
from desktop_app.ui.resources import icon
from desktop_app.ui.tasks import Task, TaskRunner

# The pages, the case window and the exchange dialogs are imported when first used (the
# reports page brings Qt Charts, the exchange dialogs openpyxl): the window shows sooner.
if TYPE_CHECKING:
    from desktop_app.services.tracker import CaseFilter
    from desktop_app.ui.admin_page import AdminPage
    from desktop_app.ui.case.window import CaseWindow
    from desktop_app.ui.exchange import ExportDialog, ImportDialog
    from desktop_app.ui.intake import IntakePage
    from desktop_app.ui.reports import ReportsPage
    from desktop_app.ui.survey import SurveyPage
    from desktop_app.ui.tracker import TrackerPage

log = logging.getLogger(__name__)

SECTIONS = ("intake", "tracker", "survey", "reports", "settings", "admin")
# ``main`` opens the window on the first section the role has.
KINDS = ("main", *SECTIONS)
ALL_ROLES = frozenset(ROLES.codes())


@dataclass(frozen=True)
class _Section:
    kind: str
    shortcut: str
    roles: frozenset[str] = ALL_ROLES  # who gets the section (docs/rules.md#roles-and-access)


_SECTIONS = (
    # Administrators keep accounts and backups; they do not register complaints.
    _Section("intake", "Ctrl+1", frozenset(INTAKE_ROLES)),
    _Section("tracker", "Ctrl+2"),
    _Section("survey", "Ctrl+3"),
    # Clerks get no figures; supervisors those of their departments.
    _Section("reports", "Ctrl+4", frozenset({"supervisor", "manager", "admin"})),
    _Section("settings", "Ctrl+5"),
    _Section("admin", "Ctrl+6", frozenset(AUDIT_ROLES)),
)


def sections_for(role: str) -> tuple[str, ...]:
    """The sections a role sees, in navigation order."""
    return tuple(s.kind for s in _SECTIONS if role in s.roles)


def app_settings() -> QSettings:
    """The per-user settings of this program (window geometry and similar)."""
    return QSettings(ORG_NAME, APP_ID)


class MainWindow(QMainWindow):
    """Signed in as ``session`` over the database described by ``db_info``.

    When the window closes it emits ``signed_out`` if the user chose File > Sign out,
    else ``closed``.
    """

    signed_out = Signal()
    closed = Signal()

    def __init__(
        self,
        session: Session,
        db_info: DatabaseInfo,
        parent: QWidget | None = None,
        *,
        offer_drafts: bool = True,
    ):
        super().__init__(parent)
        self.session = session
        self.offer_drafts = offer_drafts  # ask to restore an unsaved intake draft
        self.db_info = db_info
        self.setObjectName("main_window")
        self.setWindowTitle(
            self.tr("{app} — {user}").format(app=message_text(APP_NAME), user=session.display_name)
        )
        self.setWindowIcon(icon("app"))
        self._signing_out = False
        # Slow service calls run here, off the UI thread.
        self.tasks = TaskRunner(self)
        # What changed in the data, for every page and panel of this window.
        self.changes = ChangeHub(self)
        # ... and what other PCs change, within seconds (docs/rules.md#changes-reach-every-pc)
        self.remote_changes = follow_other_programs(self.changes)
        # The group robot's sender has its own worker (a webhook may be slow to answer).
        self.notify_tasks = TaskRunner(self)
        self.reminders = ReminderMonitor(
            session, self.tasks, self, changes=self.changes, notify_tasks=self.notify_tasks
        )

        self.sections = [s for s in _SECTIONS if session.role in s.roles]
        self.pages: dict[str, QWidget] = {}  # the pages built so far (``page``)
        self._places: dict[str, QWidget] = {}  # the stack's place of each page not yet built
        self.intake_page: IntakePage | None = None
        self.admin_page: AdminPage | None = None
        self.tracker_page: TrackerPage | None = None
        self.survey_page: SurveyPage | None = None
        self.reports_page: ReportsPage | None = None
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setMinimumWidth(140)
        self.section_actions: dict[str, QAction] = {}
        self._build_pages()
        self._build_actions()
        self._build_reminders()
        self._build_menus_and_toolbar()

        split = splitter("main_splitter", (self.navigation, 0), (self.stack, 1))
        split.setSizes([180, 900])
        split.setChildrenCollapsible(False)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.reminder_notice)
        central_layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._row_changed)

        self._build_status_bar()
        self.setTabOrder(self.navigation, self.stack)
        self.resize(1100, 720)
        self._restore_window_state()
        self.show_section("main")
        self.navigation.setFocus()
        self.reminders.start()
        self.session_guards = install_session_guards(self)
        self.auto_backup = AutoBackup(self.session, self.tasks, self)
        self.auto_backup.status_message.connect(self.show_status_message)
        self.auto_backup.backed_up.connect(self._backed_up)
        self.auto_backup.start()

    # --- construction -------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        """The navigation title of each section."""
        return {
            "intake": self.tr("Intake"),
            "tracker": self.tr("Tracker"),
            "survey": self.tr("Surveys"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
            "admin": self.tr("Administration"),
        }

    def _build_pages(self) -> None:
        """The navigation, and an empty place in the stack for each section: a page is
        built when first shown (``page``)."""
        titles = self._titles()
        for section in self.sections:
            title = titles[section.kind]
            place = QWidget()
            place.setObjectName(f"{section.kind}_place")
            self._places[section.kind] = place
            self.stack.addWidget(place)
            item = QListWidgetItem(icon(section.kind), title)
            item.setData(Qt.ItemDataRole.UserRole, section.kind)
            item.setToolTip(f"{title} ({section.shortcut})")
            self.navigation.addItem(item)

    def page(self, kind: str) -> QWidget:
        """The page of a section (``intake``, ``tracker``, ``survey``, ``reports``,
        ``settings``, ``admin``), built now if it was not yet shown. ValueError for a
        section the role does not have."""
        if kind in self.pages:
            return self.pages[kind]
        if kind not in self._places:
            raise ValueError(f"the section {kind!r} is not for the role {self.session.role}")
        page = self._make_page(kind)
        page.status_message.connect(self.show_status_message)
        self.pages[kind] = page
        place = self._places.pop(kind)
        current = self.stack.currentWidget() is place
        self.stack.insertWidget(self.stack.indexOf(place), page)
        if current:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(place)
        place.deleteLater()
        return page

    def _make_page(self, kind: str):
        """The page of ``kind``, made a child of the page stack from the start: a page
        built on its own and then moved into the stack is polished again, widget by
        widget, under the application's style sheet (docs/rules.md#start-up)."""
        session, tasks, changes, stack = self.session, self.tasks, self.changes, self.stack
        if kind == "settings":
            from desktop_app.ui.settings_page import SettingsPage

            return SettingsPage(session, tasks=tasks, parent=stack, changes=changes)
        if kind == "intake":
            from desktop_app.ui.intake import IntakePage

            self.intake_page = IntakePage(
                session, tasks=tasks, parent=stack, offer_draft=self.offer_drafts, changes=changes
            )
            return self.intake_page
        if kind == "tracker":
            from desktop_app.ui.tracker import TrackerPage

            tracker = self.tracker_page = TrackerPage(
                session, tasks=tasks, parent=stack, changes=changes
            )
            tracker.case_requested.connect(self.open_case)
            tracker.add_status_action(self.export_view_action)
            return tracker
        if kind == "survey":
            from desktop_app.ui.survey import SurveyPage

            self.survey_page = SurveyPage(session, tasks=tasks, parent=stack, changes=changes)
            return self.survey_page
        if kind == "reports":
            from desktop_app.ui.reports import ReportsPage

            reports = self.reports_page = ReportsPage(
                session, tasks=tasks, parent=stack, changes=changes
            )
            reports.cases_requested.connect(self.show_cases)
            return reports
        # "admin"
        from desktop_app.ui.admin_page import AdminPage

        admin = self.admin_page = AdminPage(session, tasks, parent=stack, changes=changes)
        admin.signed_out_requested.connect(self._restored)
        return admin

    def _backed_up(self, *args) -> None:
        if self.admin_page is not None:
            self.admin_page.refresh_backups(*args)

    def _build_actions(self) -> None:
        titles = self._titles()
        group = QActionGroup(self)
        group.setExclusive(True)
        for section in self.sections:
            action = QAction(icon(section.kind), titles[section.kind], self)
            action.setObjectName(f"go_{section.kind}_action")
            action.setShortcut(QKeySequence(section.shortcut))
            action.setCheckable(True)
            action.triggered.connect(
                lambda _checked=False, kind=section.kind: self.show_section(kind)
            )
            group.addAction(action)
            self.section_actions[section.kind] = action

        self.sign_out_action = QAction(self.tr("&Sign out"), self)
        self.sign_out_action.setObjectName("sign_out_action")
        self.sign_out_action.setIcon(icon("sign_out"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setIcon(icon("quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(
            self.tr("&About {app}").format(app=message_text(APP_NAME)), self
        )
        self.about_action.setObjectName("about_action")
        self.about_action.setIcon(icon("about"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_reminders(self) -> None:
        self.reminders_panel = RemindersPanel(
            self.session, self.reminders, self, changes=self.changes
        )
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.reminders_panel)
        self.reminders_panel.case_requested.connect(self.open_case)
        self.reminders_panel.improvement_requested.connect(self.open_improvement)
        self.reminders_action = self.reminders_panel.toggleViewAction()
        self.reminders_action.setText(self.tr("&Reminders"))
        self.reminders_action.setObjectName("reminders_action")
        self.reminders_action.setIcon(icon("reminder"))
        self.reminders_action.setShortcut(QKeySequence("Ctrl+R"))
        self.addAction(self.reminders_action)
        self.reminder_notice = ReminderNotice()
        self.reminder_notice.show_panel.connect(self.show_reminders)
        self.announcer = ReminderAnnouncer(self.reminder_notice, self)
        self.reminders.announced.connect(self.announcer.announce)

    def open_case(self, case_id: int) -> CaseWindow:
        """Show a case in its own window (the one already open for it, if any); whatever
        is done there is announced to every page (``changes``)."""
        from desktop_app.ui.case.window import open_case_window

        window = open_case_window(self.session, case_id, self.tasks, self)
        if not window.property("wired_to_main"):
            window.setProperty("wired_to_main", True)
            window.case_changed.connect(self._case_changed)
            window.follow_changes(self.changes)
        return window

    def open_improvement(self, action_id: int) -> Task | None:
        """Open an improvement action's dialog (from a reminder about it), as the reports
        page opens it: that page is built if need be; None for a role without it."""
        if "reports" not in sections_for(self.session.role):
            return None
        reports = cast("ReportsPage", self.page("reports"))
        return reports.open_improvement(action_id)

    def _case_changed(self, case_id: int) -> None:
        self.changes.announce("cases", {case_id})

    def show_cases(self, flt: CaseFilter) -> None:
        """Show the tracker listing the cases of ``flt`` (a report's tile or bar)."""
        self.show_section("tracker")
        if self.tracker_page is not None:
            self.tracker_page.set_filter(flt)

    def show_reminders(self) -> None:
        """Show and focus the reminders panel."""
        self.reminders_panel.show()
        self.reminders_panel.raise_()
        self.reminders_panel.table.setFocus()

    def show_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 30_000)

    def _build_menus_and_toolbar(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        self._build_exchange_menu(file_menu)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        go_menu = menu_bar.addMenu(self.tr("&Go"))
        go_menu.setObjectName("go_menu")
        for action in self.section_actions.values():
            go_menu.addAction(action)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.setObjectName("view_menu")
        view_menu.addAction(self.reminders_action)
        view_menu.addSeparator()
        # docs/rules.md#review-meetings, docs/rules.md#typical-case-library.
        self.review_meetings_action = QAction(self.tr("Review &meetings…"), self)
        self.review_meetings_action.setObjectName("review_meetings_action")
        self.review_meetings_action.triggered.connect(self.open_review_meetings)
        self.case_library_action = QAction(self.tr("&Typical-case library…"), self)
        self.case_library_action.setObjectName("case_library_action")
        self.case_library_action.triggered.connect(self.open_case_library)
        view_menu.addAction(self.review_meetings_action)
        view_menu.addAction(self.case_library_action)
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.section_actions.values():
            toolbar.addAction(action)
        # Every section stays a button (none hidden in the overflow menu): the window is
        # never narrower than the toolbar's buttons, at any scale and in either language.
        buttons = [toolbar.widgetForAction(a) for a in self.section_actions.values()]
        margins = toolbar.contentsMargins()
        style = toolbar.style()
        toolbar.setMinimumWidth(
            sum(b.sizeHint().width() for b in buttons if b is not None)
            + (spacing.spacing() if (spacing := toolbar.layout()) is not None else 0)
            * (len(buttons) + 1)
            + margins.left()
            + margins.right()
            + style.pixelMetric(QStyle.PixelMetric.PM_ToolBarHandleExtent, None, toolbar)
            + 2 * style.pixelMetric(QStyle.PixelMetric.PM_ToolBarItemMargin, None, toolbar)
            + 2 * style.pixelMetric(QStyle.PixelMetric.PM_ToolBarFrameWidth, None, toolbar)
        )
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    # --- exchange workbook, export of the current view, blank forms ----------------------

    def _build_exchange_menu(self, file_menu) -> None:
        """File: Import cases…, Export cases…, Export current view… (also a button under
        the tracker's table), Blank forms (templates 1-3: print or PDF)."""
        self.import_dialog: ImportDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.import_action = QAction(self.tr("&Import cases…"), self)
        self.import_action.setObjectName("import_action")
        self.import_action.setIcon(icon("import"))
        manager = self.session.is_manager or self.session.is_admin
        self.import_action.setEnabled(manager)
        self.import_action.setToolTip(
            self.tr("Import an exchange workbook (.xlsx)")
            if manager
            else self.tr("Only managers may import cases")
        )
        self.import_action.triggered.connect(self.open_import_dialog)
        self.export_action = QAction(self.tr("&Export cases…"), self)
        self.export_action.setObjectName("export_action")
        self.export_action.setIcon(icon("export"))
        self.export_action.triggered.connect(lambda _c=False: self.open_export_dialog())
        self.export_view_action = QAction(self.tr("Export current &view…"), self)
        self.export_view_action.setObjectName("export_view_action")
        self.export_view_action.setIcon(icon("export"))
        self.export_view_action.setToolTip(
            self.tr("Export every case the tracker's filter lists, in its order")
        )
        self.export_view_action.triggered.connect(self.export_current_view)
        for action in (self.import_action, self.export_action, self.export_view_action):
            file_menu.addAction(action)
        # Its entries (and the templates' code) come when it is first opened.
        menu = self.blank_forms_menu = QMenu(
            QCoreApplication.translate("TemplatesPrint", "&Blank forms"), self
        )
        menu.setObjectName("blank_forms_menu")
        self.print_blank_action = menu.menuAction()
        self.print_blank_action.setObjectName("print_blank_action")
        self.print_blank_action.setIcon(icon("print"))
        menu.aboutToShow.connect(self._fill_blank_forms_menu)
        file_menu.addMenu(menu)
        file_menu.addSeparator()

    def _fill_blank_forms_menu(self) -> None:
        if self.blank_forms_menu.isEmpty():
            from desktop_app.ui.templates_print import fill_blank_forms_menu

            fill_blank_forms_menu(self.blank_forms_menu, self)

    @staticmethod
    def _still_working(dialog: ImportDialog | ExportDialog | None) -> bool:
        """Whether the exchange ``dialog`` is still working: then it is shown in front; one
        done with is deleted (a new one takes its place)."""
        if dialog is None:
            return False
        if dialog.busy():
            dialog.show()
            dialog.raise_()
            return True
        dialog.deleteLater()
        return False

    def open_import_dialog(self):
        """Show the import dialog (the one still working, if any)."""
        if self._still_working(self.import_dialog):
            return self.import_dialog
        from desktop_app.ui.exchange import ImportDialog

        dialog = ImportDialog(self.session, tasks=self.tasks, parent=self)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def open_review_meetings(self):
        """View > Review meetings… (docs/rules.md#review-meetings)."""
        from desktop_app.ui.review_meetings import ReviewMeetingsDialog

        dialog = ReviewMeetingsDialog(self.session, self.tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def open_case_library(self):
        """View > Typical-case library… (docs/rules.md#typical-case-library)."""
        from desktop_app.ui.case_library import CaseLibraryDialog

        dialog = CaseLibraryDialog(self.session, self.tasks, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        return dialog

    def _imported(self, report) -> None:
        if report.written:
            self.changes.announce("cases")  # which ones: the import may touch many

    def open_export_dialog(self, case_ids: list[int] | None = None):
        """Show the export dialog: a period or everything, or exactly ``case_ids``."""
        if self._still_working(self.export_dialog):
            return self.export_dialog
        from desktop_app.ui.exchange import ExportDialog

        dialog = ExportDialog(self.session, tasks=self.tasks, parent=self, case_ids=case_ids)

        def exported(result) -> None:
            if not result.cancelled:
                self.show_status_message(
                    self.tr("Exported to {path}.").format(path=str(result.path))
                )

        dialog.exported.connect(exported)
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def export_current_view(self) -> Task | None:
        """Collect the ids of every case the tracker's current filter lists (all pages, in
        the table's order) off the UI thread, then open the export dialog with them."""
        if "tracker" not in self._places and "tracker" not in self.pages:
            return None
        from desktop_app.services import tracker_export

        self.page("tracker")
        page = self.tracker_page
        assert page is not None
        self.show_status_message(self.tr("Collecting the cases of the current view…"))
        task = self.tasks.submit(
            tracker_export.tracker_ids,
            self.session,
            page.current_filter(),
            sort=page.model.sort_key,
            descending=page.model.descending,
            name="tracker-ids",
        )

        def collected(ids: list[int]) -> None:
            if not ids:
                self.show_status_message(self.tr("The current view lists no cases."))
            else:
                self.open_export_dialog(ids)

        task.on(
            succeeded=collected, failed=lambda exc: self.show_status_message(service_message(exc))
        )
        return task

    def _build_status_bar(self) -> None:
        role = ROLES.label(self.session.role, ui_language())
        self.user_status = QLabel(
            self.tr("Signed in: {name} ({role})").format(name=self.session.display_name, role=role)
        )
        self.user_status.setObjectName("status_user")
        text = self.tr("Database: {database}").format(database=self.db_info.display())
        if self.db_info.on_network_share:  # allowed on purpose: docs/rules.md#one-pc-or-several
            text = self.tr(
                "Database: {database} (network share, this PC only: rollback journal)"
            ).format(database=self.db_info.display())
        self.database_status = QLabel(text)
        self.database_status.setObjectName("status_database")
        self.statusBar().addPermanentWidget(self.user_status)
        self.statusBar().addPermanentWidget(self.database_status)

    # --- navigation ---------------------------------------------------------------------

    def current_section(self) -> str:
        for kind, page in self.pages.items():
            if page is self.stack.currentWidget():
                return kind
        return self.sections[0].kind

    def show_section(self, kind: str) -> QWidget:
        """Show a section: ``main`` (the first section), ``intake``, ``tracker``,
        ``survey``, ``reports`` or ``settings``; returns its page."""
        if kind not in KINDS:
            raise ValueError(f"unknown section {kind!r}; use one of {', '.join(KINDS)}")
        if kind == "main":
            kind = self.sections[0].kind
        page = self.page(kind)
        self.stack.setCurrentWidget(page)
        row = [s.kind for s in self.sections].index(kind)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        self.section_actions[kind].setChecked(True)
        return page

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.show_section(self.sections[row].kind)

    # --- commands -----------------------------------------------------------------------

    def sign_out(self) -> None:
        log.info("%s signs out", self.session.username)
        self._signing_out = True
        if not self.close():
            self._signing_out = False

    def _restored(self) -> None:
        """After a restore the data under every window changed: sign out without saving
        drafts or window contents of the replaced database."""
        self.sign_out()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About {app}").format(app=message_text(APP_NAME)), self.about_text()
        )

    def about_text(self) -> str:
        return self.tr(
            "{app} {version}\n\nComplaint registration, tracking, satisfaction "
            "surveys and reports for service teams.\n\nDatabase: {database}"
        ).format(app=message_text(APP_NAME), version=__version__, database=self.db_info.display())

    # --- window state -------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        else:
            # First start: the forms get the room; the reminders list shows a few rows.
            resize_on_screen(self, 1280, 860)
            self.resizeDocks([self.reminders_panel], [150], Qt.Orientation.Vertical)

    def save_window_state(self) -> None:
        settings = app_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_window_state()
        if self.intake_page is not None:
            self.intake_page.keep_draft()
        super().closeEvent(event)
        if event.isAccepted():
            if self._signing_out:
                try:
                    auth.sign_out(self.session)
                except ServiceError as exc:  # the database is gone or busy: sign out anyway
                    log.warning("sign-out not audited: %s", exc)
            self.remote_changes.stop()
            self.reminders.stop()
            self.auto_backup.stop()
            self.announcer.close()
            self.tasks.shutdown()
            self.notify_tasks.shutdown()
            (self.signed_out if self._signing_out else self.closed).emit()
